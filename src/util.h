/* util.h - small bounded helpers: growable buffers, string lists, error lists */
#ifndef UTIL_H
#define UTIL_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A growable byte buffer that never grows past `limit` bytes (0 = no limit)
 * and is always NUL-terminated when data != NULL. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
	size_t limit;
	bool truncated;		/* an append was cut short by `limit` */
};

void buf_init(struct buf *b, size_t limit);
void buf_free(struct buf *b);
/* buf_reserve_initial - allocate CAP bytes up front (one allocation for the
 * usual case); -1 when out of memory */
int buf_reserve_initial(struct buf *b, size_t cap);
void buf_reset(struct buf *b);
/* buf_append - add up to LEN bytes; -1 only when memory ran out
 * (hitting the limit truncates, sets b->truncated and returns 0) */
int buf_append(struct buf *b, const void *data, size_t len);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* buf_steal - hand the data to the caller (never NULL unless out of memory) */
char *buf_steal(struct buf *b);

/* A list of strings owned by the list. */
struct strlist {
	char **v;
	size_t n;
};

int strlist_add(struct strlist *l, const char *s);
void strlist_free(struct strlist *l);

/* Errors collected while loading a file: "FILE:LINE: key: what is wrong". */
struct errlist {
	struct strlist msgs;
	bool oom;
};

void errlist_add(struct errlist *e, const char *file, int line,
		 const char *key, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void errlist_free(struct errlist *e);

char *xstrdup(const char *s);		/* NULL on NULL or out of memory */
char *xstrndup(const char *s, size_t n);
void *xcalloc(size_t n, size_t size);	/* overflow-checked calloc */
void *xreallocarray(void *p, size_t n, size_t size);

/* collapse runs of whitespace (ASCII and U+00A0) to one space, trim ends; in place */
void str_collapse_ws(char *s);
bool str_has_prefix_ci(const char *s, const char *prefix);
/* read a whole file, bounded by MAX bytes; NULL with errno set on failure */
char *read_file(const char *path, size_t max, size_t *len);
/* write N bytes of DATA to FD (again after EINTR); -1 with errno on failure */
int write_all(int fd, const void *data, size_t n);

#endif
