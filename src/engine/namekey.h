/* namekey.h - names compared as a reader compares them: whatever the case,
 * the accents, the spaces and the punctuation
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_NAMEKEY_H
#define LM_NAMEKEY_H
#include <stdbool.h>
#include <stddef.h>

#define NAME_KEY_MAX 256	/* bytes of a key; longer names are cut */

/* name_key - S[0..LEN) case-folded, decomposed, with only its letters and
 * digits kept (marks, spaces, punctuation dropped) into KEY (NUL-terminated,
 * NAME_KEY_MAX bytes); returns the key's length, 0 when none or on error */
size_t name_key(const char *s, size_t len, char key[NAME_KEY_MAX]);
/* name_richer - the spelling B says more than A of the same name: A is in
 * one case only where B mixes them, or B has accents A lacks */
bool name_richer(const char *a, size_t alen, const char *b, size_t blen);

#endif
