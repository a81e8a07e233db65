/* verdict.h - what classification decides for one invitation: a verdict
 * with its reasons, and what each reason saw
 *
 * DIAGNOSTICS (policy): judging and planning a message cannot fail on
 * input; out of memory while judging fails inbound_eom() (on_error);
 * lists loaded with the configuration report FILE:LINE errors. */
#ifndef LM_VERDICT_H
#define LM_VERDICT_H
#include <stddef.h>
#include "invitation.h"

#define MAX_REASONS 8

struct verdict_result {
	enum verdict verdict;		/* VERDICT_NONE when not an invitation */
	const char *reasons[MAX_REASONS];	/* reason ids (static or config strings) */
	char detail[MAX_REASONS][160];	/* what the rule saw, for explanations */
	size_t n_reasons;
	int rule;			/* the user rule that decided, or -1 */
};

#endif
