/* str.h - small string and allocation helpers. None of them exits: each
 * returns NULL when memory runs out, and every caller checks. */
#ifndef LM_STR_H
#define LM_STR_H
#include <stdbool.h>
#include <stddef.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

char *str_dup(const char *s);		/* NULL on NULL or out of memory */
char *str_ndup(const char *s, size_t n);	/* N bytes of S and a NUL */
void *alloc_zeroed(size_t n, size_t size);	/* overflow-checked calloc, never of 0 bytes */
void *realloc_array(void *p, size_t n, size_t size);	/* overflow-checked */
/* free_all - free() each of the N pointers of V; FREE_ALL(a, b, ...) lists them */
void free_all(void *const *v, size_t n);
#define FREE_ALL(...) free_all((void *const[]){ __VA_ARGS__ }, \
			       sizeof((void *const[]){ __VA_ARGS__ }) / sizeof(void *))

/* collapse runs of whitespace (ASCII and U+00A0) to one space, trim ends; in place */
void str_collapse_ws(char *s);
bool str_has_prefix_ci(const char *s, const char *prefix);

#endif
