/* fold.h - compare names the way people do: case, accents and punctuation
 * do not matter ("José Núñez" = "jose nunez")
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
#ifndef LM_FOLD_H
#define LM_FOLD_H
#include <stddef.h>

/* fold - a new string: case folded, accents removed (any script), punctuation made
 * spaces, whitespace collapsed. NULL when out of memory. */
char *fold(const char *s);
/* fold_contains - folded HAY holds folded NEEDLE as whole words (a word
 * also ends where a script without spaces, CJK or Thai, begins: "PRSAの") */
int fold_contains(const char *hay, const char *needle);

#endif
