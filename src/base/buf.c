/* buf.c - a growable byte buffer that never grows past its limit; running
 * out of memory marks it failed until it is reset */
#include "autoconfig.h"
#include "buf.h"
#include "str.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b, size_t limit)
{
	memset(b, 0, sizeof *b);
	b->limit = limit;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b, b->limit);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->truncated = false;
	b->failed = false;
	if (b->data)
		b->data[0] = '\0';
}

int buf_fail(struct buf *b)
{
	mem_note_failure();
	b->failed = true;
	return -1;
}

static int buf_reserve(struct buf *b, size_t need)
{
	size_t cap;
	char *p;

	if (b->failed)
		return -1;
	if (need < b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap <= need) {
		if (cap > SIZE_MAX / 2)
			return buf_fail(b);
		cap *= 2;
	}
	if (b->limit && cap > b->limit + 1 && need <= b->limit)
		cap = b->limit + 1;	/* never room for more than the limit */
	p = realloc(b->data, cap);
	if (!p)
		return buf_fail(b);
	b->data = p;
	b->cap = cap;
	return 0;
}

int buf_reserve_initial(struct buf *b, size_t cap)
{
	if (buf_reserve(b, cap) < 0)
		return -1;
	b->data[b->len] = '\0';
	return 0;
}

int buf_append(struct buf *b, const void *data, size_t len)
{
	if (b->failed)
		return -1;
	if (b->limit && b->len + len > b->limit) {
		len = b->limit > b->len ? b->limit - b->len : 0;
		b->truncated = true;
	}
	if (buf_reserve(b, b->len + len) < 0)
		return -1;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

int buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

int buf_putc(struct buf *b, char c)
{
	return buf_append(b, &c, 1);
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;
	char *big;

	if (b->failed)
		return -1;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return buf_fail(b);
	if ((size_t)n < sizeof small)
		return buf_append(b, small, (size_t)n);
	big = malloc((size_t)n + 1);
	if (!big)
		return buf_fail(b);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	n = buf_append(b, big, strlen(big));
	free(big);
	return n;
}

int buf_keep(struct buf *b, size_t off, size_t len)
{
	char *p;

	if (!b->data || off > b->len || len > b->len - off)
		return -1;
	memmove(b->data, b->data + off, len);
	b->data[len] = '\0';
	b->len = len;
	if ((p = realloc(b->data, len + 1)) != NULL) {	/* smaller: cannot fail */
		b->data = p;
		b->cap = len + 1;
	}
	return 0;
}

char *buf_steal(struct buf *b)
{
	char *p;

	if (b->failed || (!b->data && buf_reserve(b, 0) < 0)) {
		buf_free(b);
		return NULL;
	}
	if (b->len == 0)
		b->data[0] = '\0';
	p = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}
