/* fail_alloc.h - for the out-of-memory tests, linked with -Wl,--wrap=malloc,
 * --wrap=realloc,--wrap=calloc,--wrap=strdup ($(WRAP_ALLOC)): the
 * allocation functions of our code fail once, at the allocation COUNTDOWN
 * says (0 the next one; -1 none), and INJECTED tells that it happened.
 * Included by one file of each test program. */
#ifndef LM_FAIL_ALLOC_H
#define LM_FAIL_ALLOC_H
#include <errno.h>
#include <stddef.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_realloc(void *p, size_t n);
void *__real_calloc(size_t n, size_t size);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_realloc(void *p, size_t n);
void *__wrap_calloc(size_t n, size_t size);
char *__wrap_strdup(const char *s);

static long countdown = -1;	/* allocations left before the one that fails; -1: none fails */
static long calls;		/* allocations since the count was armed */
static int injected;		/* the failure happened */

/* true when this allocation is the one to fail */
static int fail_now(void)
{
	if (countdown < 0)
		return 0;
	calls++;
	if (countdown-- != 0)
		return 0;
	injected = 1;
	errno = ENOMEM;
	return 1;
}

void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

char *__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

#endif
