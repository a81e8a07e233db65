/* buf.h - a growable byte buffer that never grows past `limit` bytes (0 = no
 * limit) and is always NUL-terminated when data != NULL */
#ifndef LM_BUF_H
#define LM_BUF_H
#include <stdbool.h>
#include <stddef.h>

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

#endif
