/* draft_worker.h - the store workers: drafts handed over in memory and stored
 * while the MTA waits a bounded time; the spool keeps what is not stored by
 * then, and a thread delivers it later */
#ifndef LM_DRAFT_WORKER_H
#define LM_DRAFT_WORKER_H
/* DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#include <stddef.h>
#include "spool.h"

enum handoff {
	HANDOFF_STORED,		/* in the store before the call returned */
	HANDOFF_EXISTS,		/* the store had a draft with this key */
	HANDOFF_SPOOLED,	/* safe in the spool, stored later (ERR says why) */
	HANDOFF_LOST		/* neither stored nor spooled (ERR says why) */
};

/* draft_queue_submit - the draft MSG (copied) for META's store, waiting at
 * most MS milliseconds for the store thread; spooled in DIR otherwise */
enum handoff draft_queue_submit(const char *dir, const struct spooled *meta, const char *msg,
				size_t len, int ms, char *err, size_t errlen);
/* draft_queue_start - the store threads (once); 0, or -1 when a thread
 * cannot be created. draft_queue_stop ends them */
int draft_queue_start(void);
void draft_queue_stop(void);
/* draft_queue_kick - DIR is a spool to look at (now, and every 30 seconds) */
void draft_queue_kick(const char *dir);
/* draft_queue_retry_now - try every spooled draft now, whatever its backoff */
void draft_queue_retry_now(void);
/* draft_worker_test_pause - defined by a test only: called by a lane that
 * settled an abandoned job, before it lets go of the job */
void draft_worker_test_pause(void) __attribute__((weak));

#endif
