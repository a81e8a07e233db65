/* buf.h - a growable byte buffer that never grows past `limit` bytes (0 = no
 * limit) and is always NUL-terminated when data != NULL. Running out of
 * memory is sticky: once an append fails, `failed` is set and every later
 * append does nothing and returns -1, so a writer may append without
 * checking each call and ask buf_failed() once when it is done.
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
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
	bool failed;		/* memory ran out: the content is incomplete */
};

void buf_init(struct buf *b, size_t limit);
void buf_free(struct buf *b);
/* buf_reserve_initial - allocate CAP bytes up front (one allocation for the
 * usual case); -1 when out of memory */
int buf_reserve_initial(struct buf *b, size_t cap);
/* buf_reset - empty again (the memory kept), `truncated` and `failed` cleared */
void buf_reset(struct buf *b);
/* buf_failed - memory ran out in an append since buf_init or buf_reset */
static inline bool buf_failed(const struct buf *b)
{
	return b->failed;
}
/* buf_fail - mark B failed (a part written elsewhere was lost); -1 */
int buf_fail(struct buf *b);
/* buf_append - add up to LEN bytes; -1 when memory ran out, now or in an
 * earlier append (hitting the limit truncates, sets b->truncated and
 * returns 0). buf_puts, buf_putc and buf_printf the same. */
int buf_append(struct buf *b, const void *data, size_t len);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* buf_keep - keep only bytes [OFF, OFF+LEN) of B (moved to the start, the
 * rest of the memory given back); -1 when they are not in B */
int buf_keep(struct buf *b, size_t off, size_t len);
/* buf_steal - hand the data to the caller; NULL (the data freed) when
 * memory ran out, now or in an earlier append. B is empty after. */
char *buf_steal(struct buf *b);

#endif
