/* plan.h - what is done to one message, from its kind, its verdict and
 * the profile's actions: tag, subject prefix, folder, detail, quarantine,
 * draft. The milter carries the plan out; test mode lists it.
 *
 * DIAGNOSTICS (policy): judging and planning a message cannot fail on
 * input; out of memory while judging fails inbound_eom() (on_error);
 * lists loaded with the configuration report FILE:LINE errors. */
#ifndef LM_PLAN_H
#define LM_PLAN_H
#include <stdbool.h>
#include "buf.h"
#include "profile.h"
#include "verdict.h"

struct plan {
	bool tag;
	const char *subject_prefix;	/* NULL = none; these point into the config */
	const char *folder;
	const char *detail;
	bool quarantine;
	bool explain;			/* X-LinkedIn-Explanation */
	const char *draft;		/* template name, NULL = no draft */
};

/* plan_notification - INV is a genuine LinkedIn notification (no verdict:
 * it is filed, not judged); a forged one is phish like any other */
static inline bool plan_notification(const struct invitation *inv,
				     const struct verdict_result *r)
{
	return inv->kind == KIND_NOTIFICATION && r->verdict != VERDICT_PHISH;
}
/* plan_actions - for an invitation or notification INV judged R under P */
void plan_actions(const struct profile *p, const struct invitation *inv,
		  const struct verdict_result *r, struct plan *out);
/* plan_json - the plan as a JSON array of strings ("tag", "folder:X", ...) */
void plan_json(const struct plan *pl, struct buf *b);

#endif
