/* plan.h - what is done to one message, from its kind, its verdict and
 * the profile's actions: tag, subject prefix, folder, detail, quarantine,
 * draft. The milter carries the plan out; test mode lists it. */
#ifndef ACTIONS_H
#define ACTIONS_H
#include <stdbool.h>
#include "config.h"
#include "scan.h"
#include "buf.h"

struct plan {
	bool tag;
	const char *subject_prefix;	/* NULL = none; these point into the config */
	const char *folder;
	const char *detail;
	bool quarantine;
	bool explain;			/* X-LinkedIn-Explanation */
	const char *draft;		/* template name, NULL = no draft */
};

void plan_actions(const struct profile *p, const struct scan *s, struct plan *out);
/* plan_json - the plan as a JSON array of strings ("tag", "folder:X", ...) */
void plan_json(const struct plan *pl, struct buf *b);

#endif
