/* encode.c - text from the network made safe for headers and drafts */
#include "autoconfig.h"
#include "encode.h"

#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "utf8.h"
#include "buf.h"
#include "str.h"

/* U+202A..U+202E and U+2066..U+2069: the bidi controls that can make a
 * name display as something else; the marks (U+200E/F) are harmless */
static size_t bidi_control(const unsigned char *p)
{
	if (p[0] != 0xe2 || p[1] == 0)
		return 0;
	if (p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
		return 3;
	if (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
		return 3;
	return 0;
}

char *header_text(const char *s, size_t max)
{
	size_t n = strlen(s), k;
	char *clean = utf8_clean(s, n, &n), *w, *r;

	if (!clean)
		return NULL;
	for (r = w = clean; *r; ) {
		if ((k = bidi_control((const unsigned char *)r)) != 0) {
			r += k;
			continue;
		}
		*w++ = (*r == '\n' || *r == '\t') ? ' ' : *r;
		r++;
	}
	*w = '\0';
	str_collapse_ws(clean);
	utf8_truncate(clean, max);
	return clean;
}

/* S can stand in a header as it is: printable ASCII, no "=?", no word so
 * long it could not be folded; for a display name (PHRASE) no specials */
static bool plain_ascii(const char *s, bool phrase)
{
	size_t word = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p > 0x7e || (p[0] == '=' && p[1] == '?'))
			return false;
		if (phrase && strchr("()<>[]:;@\\,.\"", *p))
			return false;
		word = *p == ' ' ? 0 : word + 1;
		if (word > 60)
			return false;
	}
	return true;
}

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_word(struct buf *b, const unsigned char *s, size_t n)
{
	char out[4];

	if (buf_puts(b, "=?UTF-8?B?") < 0)
		return -1;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) |
			     (i + 2 < n ? s[i + 2] : 0);

		out[0] = b64[v >> 18 & 63];
		out[1] = b64[v >> 12 & 63];
		out[2] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		out[3] = i + 2 < n ? b64[v & 63] : '=';
		if (buf_append(b, out, 4) < 0)
			return -1;
	}
	return buf_puts(b, "?=");
}

static int encode_words(struct buf *b, const char *s, bool phrase)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);

	if (plain_ascii(s, phrase))
		return buf_puts(b, s);
	/* 30 bytes of UTF-8 make a 52-character word, which fits a header line
	 * with its name; never split a character */
	while (n) {
		size_t k = n < 30 ? n : 30;

		while (k < n && k > 0 && (p[k] & 0xc0) == 0x80)
			k--;
		if (k == 0)	/* not UTF-8 (a run of continuation bytes): cut anyway */
			k = n < 30 ? n : 30;
		if (p != (const unsigned char *)s && buf_putc(b, ' ') < 0)
			return -1;
		if (b64_word(b, p, k) < 0)
			return -1;
		p += k;
		n -= k;
	}
	return 0;
}

int rfc2047(struct buf *b, const char *s)
{
	return encode_words(b, s, false);
}

int rfc2047_phrase(struct buf *b, const char *s)
{
	return encode_words(b, s, true);
}

static bool qp_literal(unsigned char c)
{
	return (c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t';
}

/* one line of text (no line end) as QP lines of at most 76 characters */
static int qp_line(struct buf *b, const unsigned char *s, size_t n)
{
	size_t col = 0;
	char hex[4];

	for (size_t i = 0; i < n; i++) {
		bool last = i + 1 == n;
		size_t need = qp_literal(s[i]) && !(last && (s[i] == ' ' || s[i] == '\t')) ? 1 : 3;

		/* a soft break keeps the line, "=" included, within 76 */
		if (col + need > 75 && !(last && col + need <= 76)) {
			if (buf_puts(b, "=\r\n") < 0)
				return -1;
			col = 0;
		}
		if (need == 1) {
			buf_putc(b, (char)s[i]);
		} else {
			snprintf(hex, sizeof hex, "=%02X", s[i]);
			buf_append(b, hex, 3);
		}
		col += need;
	}
	return buf_puts(b, "\r\n");
}

int qp_body(struct buf *b, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, "\n");
		size_t k = n && p[n - 1] == '\r' ? n - 1 : n;

		if (qp_line(b, (const unsigned char *)p, k) < 0)
			return -1;
		p += n;
		if (*p == '\n')
			p++;
	}
	return b->data || buf_puts(b, "") == 0 ? 0 : -1;
}
