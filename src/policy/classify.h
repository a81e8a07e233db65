/* classify.h - an invitation and the owner's profile into a verdict with
 * reasons, by the default rules of the design and the user's own rules
 *
 * DIAGNOSTICS (policy): judging and planning a message cannot fail on
 * input; out of memory while judging fails inbound_eom() (on_error);
 * lists loaded with the configuration report FILE:LINE errors. */
#ifndef LM_CLASSIFY_H
#define LM_CLASSIFY_H
#include "profile.h"
#include "verdict.h"

void classify(const struct policy *c, const struct profile *p,
	      const struct invitation *inv, const char *rcpt, const char *subject,
	      struct verdict_result *r);
/* explain - one sentence for reason I of R, into OUT */
void explain(const struct profile *p, const struct invitation *inv,
	     const struct verdict_result *r, size_t i, char *out, size_t len);

#endif
