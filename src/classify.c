/* classify.c - an invitation and the owner's profile into a verdict with reasons */
#include "autoconfig.h"
#include "classify.h"

void classify(const struct config *c, const struct profile *p,
	      const struct invitation *inv, const char *rcpt, const char *subject,
	      struct verdict_result *r)
{
	r->verdict = VERDICT_NONE;	/* the classification issue fills this in */
	r->n_reasons = 0;
}
