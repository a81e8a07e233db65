/* testmode.h - test mode's side of the milter: a context that answers the
 * callbacks' calls to the MTA for one message file (testmode.c), and the
 * feeding of that file through the daemon's own callbacks (testmode_feed.c)
 *
 * DIAGNOSTICS (cli): an error line on stderr and a non-zero exit status
 * (sysexits.h); test mode prints no line for a message that failed. */
#ifndef LM_TESTMODE_H
#define LM_TESTMODE_H
#include <stdbool.h>
#include "config.h"
#include "milter_io.h"

#define QUEUE_ID_LEN 64

/* what an SMFICTX stands for in test mode */
struct test_ctx {
	const char *path;	/* the message file, for the report */
	struct config *cfg;
	void *priv;		/* the milter's session */
	char qid[QUEUE_ID_LEN];	/* from our Received, "" when none */
	bool explain;
	bool reported, failed;	/* the result was printed; an internal error */
};

/* feed_message - the message of FD through the milter's callbacks, in the
 * order and the shape an MTA gives them, the delivery trace of this site
 * taken off first (its queue id into CTX->qid); -1 read error */
int feed_message(int fd, SMFICTX *ctx, struct test_ctx *t);

#endif
