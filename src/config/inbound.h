/* inbound.h - one message on its way in, through every layer: the engine's
 * scan of it, the profile of its first recipient, the verdict and the plan.
 * The milter, test mode, the fuzzers and the benchmark share this path. It
 * holds a reference to the configuration the message started with.
 *
 * DIAGNOSTICS (config): loading reports every problem, out of memory
 * included, as an error line (FILE:LINE when it has one); a reload that
 * fails keeps the configuration in force. A message: inbound.h. */
#ifndef LM_INBOUND_H
#define LM_INBOUND_H
#include "config.h"
#include "draft_input.h"
#include "plan.h"
#include "scan.h"
#include "verdict.h"

struct inbound {
	struct config *cfg;		/* a reference, held until inbound_free() */
	struct scan scan;		/* envelope, headers, body, the invitation */
	const struct profile_conf *profile;	/* the owner's until end of message */
	struct verdict_result result;
};

/* inbound_init - a new message under CFG (referenced); the scan_*() calls
 * feed M->scan; inbound_eom() ends it */
void inbound_init(struct inbound *m, struct config *cfg);
void inbound_free(struct inbound *m);
/* inbound_eom - decode, detect, extract (scan_eom), choose the recipient's
 * profile and classify; -1 on an internal error */
int inbound_eom(struct inbound *m);
/* inbound_plan - what is to be done with the message, into OUT */
void inbound_plan(const struct inbound *m, struct plan *out);
/* inbound_draft_input - what a reply draft to the invitation is made from */
void inbound_draft_input(const struct inbound *m, struct draft_input *in);

#endif
