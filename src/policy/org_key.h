/* org_key.h - an organisation's name as the owner's and the inviter's are
 * compared */
#ifndef LM_ORG_KEY_H
#define LM_ORG_KEY_H
#include "patterns.h"

/* org_key - NAME folded, with the words of role org-noise removed
 * ("The Acme Corp." -> "acme"); NULL when out of memory */
char *org_key(const struct patterns *p, const char *name);

#endif
