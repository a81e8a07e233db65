/* heap_count.c - count the bytes the process holds on the heap, for the
 * engine benchmark: malloc and its family are replaced by wrappers around
 * glibc's own (__libc_malloc...), which add and subtract each block's usable
 * size, so the peak of the live bytes while one message runs is exact and
 * does not depend on which pages happened to be resident before. The
 * benchmark is single-threaded; the counters are not atomic. */
#include "autoconfig.h"
#include "heap_count.h"

#include <malloc.h>
#include <stdlib.h>
#include <stdlib.h>
#include <stddef.h>

void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t m);
void *__libc_realloc(void *p, size_t n);
void *__libc_memalign(size_t align, size_t n);
void __libc_free(void *p);

static size_t live, peak;

static void *counted(void *p)
{
	if (p) {
		live += malloc_usable_size(p);
		if (live > peak)
			peak = live;
	}
	return p;
}

void *malloc(size_t n)
{
	return counted(__libc_malloc(n));
}

void *calloc(size_t n, size_t m)
{
	return counted(__libc_calloc(n, m));
}

void free(void *p)
{
	if (p)
		live -= malloc_usable_size(p);
	__libc_free(p);
}

void *realloc(void *p, size_t n)
{
	size_t old = p ? malloc_usable_size(p) : 0;
	void *q = __libc_realloc(p, n);

	if (!q)
		return NULL;	/* P is still held */
	live -= old;
	return counted(q);
}

void *memalign(size_t align, size_t n)
{
	return counted(__libc_memalign(align, n));
}

void *aligned_alloc(size_t align, size_t n)
{
	return memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
	void *p = memalign(align, n);

	if (!p)
		return 12;	/* ENOMEM */
	*out = p;
	return 0;
}

void heap_peak_reset(void)
{
	peak = live;
}

size_t heap_live(void)
{
	return live;
}

size_t heap_peak(void)
{
	return peak;
}
