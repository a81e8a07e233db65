/* milter_act.h - carrying out the plan of actions on one message through
 * libmilter: our headers, the subject, the recipients, the quarantine, the
 * draft, and the log line */
#ifndef MILTER_ACT_H
#define MILTER_ACT_H
#include <libmilter/mfapi.h>
#include "engine.h"

/* the headers linkedin-milter writes; copies in incoming mail are removed */
#define N_OWN_HEADERS 5
int own_header(const char *name);	/* index, or -1 */

struct act {
	SMFICTX *ctx;
	const char *qid;
	char **rcpts;
	size_t n_rcpts;
};

/* Authentication-Results headers with our authserv-id that came with the
 * mail: their indexes among all Authentication-Results headers */
#define MAX_FORGED_AR 32
struct forged_ar {
	unsigned seen;			/* Authentication-Results headers so far */
	unsigned index[MAX_FORGED_AR];
	size_t n;
	bool more;			/* more than MAX_FORGED_AR */
};
void forged_ar_add(struct forged_ar *f);

/* remove_forged - delete every copy of our headers that came with the mail,
 * and the Authentication-Results in F */
void remove_forged(struct act *a, const unsigned *forged, const struct forged_ar *f);
/* carry_out - tag, file, quarantine, draft, per the plan; log one line */
void carry_out(struct act *a, const struct scan *s);

#endif
