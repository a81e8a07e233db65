/* str.c - small string and allocation helpers that return NULL on failure */
#include "autoconfig.h"
#include "str.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static _Thread_local bool ran_out;	/* mem_failed() */

void mem_note_failure(void)
{
	ran_out = true;
}

bool mem_failed(void)
{
	return ran_out;
}

void mem_reset(void)
{
	ran_out = false;
}

/* P, the failure noted when it is NULL */
static void *noted(void *p)
{
	if (!p)
		ran_out = true;
	return p;
}

char *str_dup(const char *s)
{
	return s ? noted(strdup(s)) : NULL;
}

char *str_ndup(const char *s, size_t n)
{
	char *p = noted(malloc(n + 1));

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *alloc_zeroed(size_t n, size_t size)
{
	if (n == 0 || size == 0)
		n = size = 1;
	return noted(calloc(n, size));
}

void *realloc_array(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return noted(NULL);
	}
	return noted(realloc(p, n && size ? n * size : 1));
}

static size_t ws_len(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\f' || *s == '\v')
		return 1;
	if (s[0] == 0xc2 && s[1] == 0xa0)	/* no-break space */
		return 2;
	return 0;
}

void str_collapse_ws(char *s)
{
	unsigned char *r = (unsigned char *)s, *w = (unsigned char *)s;
	bool pending = false;
	size_t k;

	while (*r) {
		if ((k = ws_len(r)) > 0) {
			pending = w != (unsigned char *)s;
			r += k;
			continue;
		}
		if (pending)
			*w++ = ' ';
		pending = false;
		*w++ = *r++;
	}
	*w = '\0';
}

bool str_has_prefix_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

void free_all(void *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
}
