/* str.h - small string and allocation helpers. None of them exits: each
 * returns NULL when memory runs out, and every caller checks.
 *
 * DIAGNOSTICS (base): out of memory is never fatal here and never logged:
 * a function returns NULL or -1 (a buffer's error is sticky, buf.h), and
 * every allocation that fails, in this layer and the engine, is also noted
 * in a flag of the calling thread (mem_failed()). A NULL often means "none"
 * to a caller that reads a field; the flag is what tells the two apart: a
 * whole step (a scan_*() call) clears it first and fails if it was set. */
#ifndef LM_STR_H
#define LM_STR_H
#include <stdbool.h>
#include <stddef.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

char *str_dup(const char *s);		/* NULL on NULL or out of memory */
char *str_ndup(const char *s, size_t n);	/* N bytes of S and a NUL */
void *alloc_zeroed(size_t n, size_t size);	/* overflow-checked calloc, never of 0 bytes */
void *realloc_array(void *p, size_t n, size_t size);	/* overflow-checked */
/* mem_note_failure - memory ran out (called where an allocation failed);
 * mem_failed - it did since mem_reset(), in this thread */
void mem_note_failure(void);
bool mem_failed(void);
void mem_reset(void);
/* free_all - free() each of the N pointers of V; FREE_ALL(a, b, ...) lists them */
void free_all(void *const *v, size_t n);
#define FREE_ALL(...) free_all((void *const[]){ __VA_ARGS__ }, \
			       sizeof((void *const[]){ __VA_ARGS__ }) / sizeof(void *))

/* collapse runs of whitespace (ASCII and U+00A0) to one space, trim ends; in place */
void str_collapse_ws(char *s);
bool str_has_prefix_ci(const char *s, const char *prefix);

#endif
