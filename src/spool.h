/* spool.h - drafts wait here until their store takes them: written at the
 * end of the message (durably), delivered by one background thread, retried
 * with backoff while the store is away, never lost */
#ifndef SPOOL_H
#define SPOOL_H
#include "store.h"

struct spooled {
	char url[2048], credentials[1024], key[64];
	int once_per_days, timeout;
};

/* spool_write - META and the draft MSG as a new file in DIR; its path in
 * OUT. -1 with ERR when it could not be written (the draft is then lost to
 * us, and the caller says so). */
int spool_write(const char *dir, const struct spooled *meta, const char *msg, size_t len,
		char *out, size_t outlen, char *err, size_t errlen);
/* spool_deliver - one spool file to its store; removed when stored (or
 * already there), postponed with backoff when the store is away, moved to
 * DIR/failed when it can never be stored. The store result. */
enum store_result spool_deliver(const char *path);
/* spool_start - the delivery thread over DIR (each reload may name another) */
int spool_start(void);
/* spool_kick - a new file is waiting in DIR */
void spool_kick(const char *dir);
/* spool_retry_now - try every waiting draft now, whatever its backoff */
void spool_retry_now(void);
/* spool_wait - wait up to MS milliseconds for PATH to leave the spool */
void spool_wait(const char *path, int ms);
void spool_stop(void);

#endif
