/* json.c - write JSON values into a buffer */
#include "autoconfig.h"
#include "json.h"

#include <stdlib.h>
#include <string.h>
#include "utf8.h"
#include "buf.h"

void json_string(struct buf *b, const char *s)
{
	char *clean;
	size_t n;

	if (!s) {
		buf_puts(b, "null");
		return;
	}
	n = strlen(s);
	clean = utf8_valid(s, n) ? NULL : utf8_clean(s, n, &n);
	if (clean)
		s = clean;
	buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				buf_printf(b, "\\u%04x", *p);
			else
				buf_putc(b, (char)*p);
		}
	}
	buf_putc(b, '"');
	free(clean);
}

void json_key(struct buf *b, const char *key, int first)
{
	if (!first)
		buf_putc(b, ',');
	json_string(b, key);
	buf_putc(b, ':');
}
