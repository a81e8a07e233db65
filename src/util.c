/* util.c - small bounded helpers: growable buffers, string lists, error lists */
#include "autoconfig.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

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
	if (b->data)
		b->data[0] = '\0';
}

static int buf_reserve(struct buf *b, size_t need)
{
	size_t cap;
	char *p;

	if (need < b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap <= need) {
		if (cap > SIZE_MAX / 2)
			return -1;
		cap *= 2;
	}
	p = realloc(b->data, cap);
	if (!p)
		return -1;
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

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof small)
		return buf_append(b, small, (size_t)n);
	big = malloc((size_t)n + 1);
	if (!big)
		return -1;
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	n = buf_append(b, big, strlen(big));
	free(big);
	return n;
}

char *buf_steal(struct buf *b)
{
	char *p;

	if (!b->data && buf_reserve(b, 0) < 0)
		return NULL;
	if (b->len == 0)
		b->data[0] = '\0';
	p = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

int strlist_add(struct strlist *l, const char *s)
{
	char **v;
	char *copy = xstrdup(s);

	if (!copy)
		return -1;
	v = xreallocarray(l->v, l->n + 1, sizeof *v);
	if (!v) {
		free(copy);
		return -1;
	}
	v[l->n++] = copy;
	l->v = v;
	return 0;
}

void strlist_free(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void errlist_add(struct errlist *e, const char *file, int line,
		 const char *key, const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	char what[512];

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	buf_init(&b, 4096);
	if (line > 0)
		buf_printf(&b, "%s:%d: ", file ? file : "(config)", line);
	else
		buf_printf(&b, "%s: ", file ? file : "(config)");
	if (key && *key)
		buf_printf(&b, "%s: ", key);
	buf_puts(&b, what);
	if (b.data)	/* one line each: a value with a line break cannot make two */
		for (char *p = b.data; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				*p = ' ';
	if (!b.data || strlist_add(&e->msgs, b.data) < 0)
		e->oom = true;
	buf_free(&b);
}

void errlist_free(struct errlist *e)
{
	strlist_free(&e->msgs);
	e->oom = false;
}

char *xstrdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	if (n == 0 || size == 0)
		n = size = 1;
	return calloc(n, size);
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(p, n && size ? n * size : 1);
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

char *read_file(const char *path, size_t max, size_t *lenp)
{
	struct buf b;
	char chunk[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	buf_init(&b, max);
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (buf_append(&b, chunk, (size_t)n) < 0)
			goto fail;
		if (b.truncated) {
			errno = EFBIG;
			goto fail;
		}
	}
	close(fd);
	if (lenp)
		*lenp = b.len;
	return buf_steal(&b);
fail:
	n = errno;
	close(fd);
	buf_free(&b);
	errno = (int)n;
	return NULL;
}

int write_all(int fd, const void *data, size_t n)
{
	const char *p = data;

	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}
