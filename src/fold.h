/* fold.h - compare names the way people do: case, accents and punctuation
 * do not matter ("José Núñez" = "jose nunez") */
#ifndef FOLD_H
#define FOLD_H
#include <stddef.h>

/* fold - a new string: lower case, Latin accents removed, punctuation made
 * spaces, whitespace collapsed. NULL when out of memory. */
char *fold(const char *s);
struct patterns;
/* org_key - an organisation name as compared: folded, with the words of
 * role org-noise removed ("The Acme Corp." -> "acme"); NULL out of memory */
char *org_key(const struct patterns *p, const char *name);
/* fold_contains - folded HAY holds folded NEEDLE as whole words */
int fold_contains(const char *hay, const char *needle);

#endif
