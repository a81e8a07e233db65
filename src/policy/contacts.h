/* contacts.h - the people the owner knows: plain lists and vCard files,
 * matched by address exactly and by name case- and accent-insensitively
 *
 * DIAGNOSTICS (policy): judging and planning a message cannot fail on
 * input; out of memory while judging fails inbound_eom() (on_error);
 * lists loaded with the configuration report FILE:LINE errors. */
#ifndef LM_CONTACTS_H
#define LM_CONTACTS_H
#include <stdbool.h>
#include "strlist.h"

struct contacts {
	char **names;		/* folded, sorted */
	size_t n_names;
	char **addrs;		/* lower-cased, sorted */
	size_t n_addrs;
};

/* contacts_load - read FILES (plain or vCard) into a new set; errors go to
 * ERRS with the file and line (ERRS->oom when memory ran out); NULL on
 * error */
struct contacts *contacts_load(const struct strlist *files, struct errlist *errs);
void contacts_free(struct contacts *c);
/* contacts_has_name - NAME folded is one of C's names (false too when out
 * of memory folding it) */
bool contacts_has_name(const struct contacts *c, const char *name);
bool contacts_has_address(const struct contacts *c, const char *addr);

#endif
