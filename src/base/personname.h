/* personname.h - a person's name as LinkedIn shows it, cleaned for a greeting
 * and for matching contacts: parenthesised parts ("(she/her)"), symbols
 * (emoji) and a trailing ", credential" removed, "Family, Given" turned
 * round ("Núñez García, María José" -> "María José Núñez García")
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
#ifndef LM_PERSONNAME_H
#define LM_PERSONNAME_H
#include <stdbool.h>
#include <stddef.h>

/* person_name - RAW cleaned as above (header_text first: one line, bounded);
 * a new string, NULL when out of memory */
char *person_name(const char *raw);
/* person_name_credential - WORD (LEN bytes) is a credential ("MBA", "PhD",
 * "M.Sc."), not a name */
bool person_name_credential(const char *word, size_t len);
/* person_name_key - the name without leading titles written with a dot or
 * common in every language ("Dr.", "Herr", "Drs."), folded: what contacts
 * are matched on; a new string, NULL when out of memory */
char *person_name_key(const char *raw);

#endif
