/* milter_apply.h - carrying out the plan of actions on one message through
 * libmilter: our headers, the subject, the recipients, the quarantine, the
 * draft, and the log line
 *
 * DIAGNOSTICS (milter): an internal error in a message's path (out of
 * memory anywhere in it) is on_error: tempfail, or accept unchanged; one
 * error line; carry_out() changes nothing when it cannot make a value. */
#ifndef LM_MILTER_APPLY_H
#define LM_MILTER_APPLY_H
#include <libmilter/mfapi.h>
#include "inbound.h"

/* the headers linkedin-milter writes; copies in incoming mail are removed */
#define N_OWN_HEADERS 5
int own_header(const char *name);	/* index, or -1 */

struct act {
	SMFICTX *ctx;
	const char *qid;
	char **rcpts;
	char **rcpt_args;		/* each recipient's ESMTP args, or NULL */
	size_t n_rcpts;
	bool rcpt_par;			/* negotiated: smfi_addrcpt_par */
	const char *subject;		/* the first Subject as received, NULL if none */
};

/* remove_forged - delete every copy of our headers that came with the mail */
void remove_forged(struct act *a, const unsigned *forged);
/* remove_header - delete the INDEXth NAME header (1 = the first), or log */
void remove_header(struct act *a, const char *name, unsigned index);
/* carry_out - tag, file, quarantine, draft, per the plan; log one line.
 * -1, with nothing changed, when memory ran out for a value it needed */
int carry_out(struct act *a, const struct inbound *s);

#endif
