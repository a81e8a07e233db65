/* org_key.h - an organisation's name as the owner's and the inviter's are
 * compared
 *
 * DIAGNOSTICS (policy): judging and planning a message cannot fail on
 * input; out of memory while judging fails inbound_eom() (on_error);
 * lists loaded with the configuration report FILE:LINE errors. */
#ifndef LM_ORG_KEY_H
#define LM_ORG_KEY_H
#include "patterns.h"

/* org_key - NAME folded, with the words of role org-noise removed
 * ("The Acme Corp." -> "acme"); NULL when out of memory */
char *org_key(const struct patterns *p, const char *name);

#endif
