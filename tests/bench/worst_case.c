/* worst_case.c - messages made to cost the engine the most memory: the
 * headers of a real invitation over a body of max_scan_bytes and more, in
 * the shapes that make the decoded and converted text larger than the raw
 * body (base64, quoted-printable, single-byte charsets whose letters take
 * three bytes in UTF-8, thousands of links). */
#include "autoconfig.h"
#include "worst_case.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "buf.h"

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void put_base64(struct buf *out, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) |
			     (i + 2 < n ? s[i + 2] : 0);
		char q[4] = { b64[v >> 18 & 63], b64[v >> 12 & 63],
			      i + 1 < n ? b64[v >> 6 & 63] : '=', i + 2 < n ? b64[v & 63] : '=' };

		buf_append(out, q, 4);
		if (i % 57 == 54)
			buf_puts(out, "\r\n");
	}
	buf_puts(out, "\r\n");
}

/* N bytes of text: Thai letters (one byte in windows-874, three in UTF-8)
 * in HTML paragraphs when HTML, else Latin-1 letters and links */
static unsigned char *content(size_t n, int shape)
{
	unsigned char *s = malloc(n);

	for (size_t i = 0; s && i < n; i++) {
		size_t k = i % 64;

		if (shape == 'h')
			s[i] = k == 0 ? '<' : k == 1 ? 'p' : k == 2 ? '>' : (unsigned char)(0xa1 + k);
		else if (shape == 'l')
			s[i] = (unsigned char)"https://www.linkedin.com/comm/in/someone?trk=x&u=123456789 \n"[k % 60];
		else
			s[i] = k == 63 ? '\n' : (unsigned char)(0xe0 + k % 26);
	}
	return s;
}

/* the body of SHAPE, at least MAX bytes */
static void body(struct buf *out, size_t max, int shape)
{
	unsigned char *s;
	size_t n = max;

	switch (shape) {
	case 'b':	/* base64 HTML in windows-874 */
		s = content(n * 3 / 4 + 64, 'h');
		if (s)
			put_base64(out, s, n * 3 / 4 + 64);
		free(s);
		return;
	case 'q':	/* quoted-printable Latin-1: three raw bytes a letter */
		for (size_t i = 0; out->len < max + 64; i++)
			buf_puts(out, i % 24 == 23 ? "=E9=\r\n" : "=E9");
		return;
	case 'e':	/* 8bit windows-874 HTML, as large as the body may be */
	case 'l':	/* plain links */
		s = content(n + 64, shape == 'e' ? 'h' : 'l');
		if (s)
			buf_append(out, s, n + 64);
		free(s);
		return;
	}
}

static const char *const types[] = {	/* shape, type, encoding, name */
	"b", "text/html; charset=windows-874", "base64", "base64 windows-874 HTML",
	"q", "text/plain; charset=iso-8859-1", "quoted-printable", "QP Latin-1 text",
	"e", "text/html; charset=windows-874", "8bit", "8bit windows-874 HTML",
	"l", "text/plain; charset=utf-8", "8bit", "8bit text of links",
};

/* the header block of RAW without its MIME headers */
static void other_headers(struct buf *out, const char *raw, size_t hlen)
{
	const char *p = raw, *end = raw + hlen;
	bool skip = false;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl + 1 - p) : (size_t)(end - p);

		if (*p != ' ' && *p != '\t')
			skip = strncasecmp(p, "Content-", 8) == 0 ||
			       strncasecmp(p, "MIME-Version:", 13) == 0;
		if (!skip && !(n <= 2 && (*p == '\r' || *p == '\n')))
			buf_append(out, p, n);
		p += n;
	}
}

char *worst_case(const char *raw, size_t hlen, size_t max, int i, size_t *len,
		 const char **name)
{
	struct buf out;
	size_t n = sizeof types / sizeof *types / 4;

	if (i < 0 || (size_t)i >= n + 1)
		return NULL;
	buf_init(&out, 0);
	other_headers(&out, raw, hlen);
	buf_puts(&out, "MIME-Version: 1.0\r\n");
	if ((size_t)i == n) {	/* alternative: QP Latin-1 plain, base64 Thai HTML */
		*name = "alternative: QP Latin-1 text, base64 windows-874 HTML";
		buf_puts(&out, "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n"
			 "--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
			 "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
		body(&out, max / 2, 'q');
		buf_puts(&out, "\r\n--b\r\nContent-Type: text/html; charset=windows-874\r\n"
			 "Content-Transfer-Encoding: base64\r\n\r\n");
		body(&out, max / 2, 'b');
		buf_puts(&out, "--b--\r\n");
	} else {
		*name = types[4 * i + 3];
		buf_printf(&out, "Content-Type: %s\r\nContent-Transfer-Encoding: %s\r\n\r\n",
			   types[4 * i + 1], types[4 * i + 2]);
		body(&out, max, types[4 * i][0]);
	}
	*len = out.len;
	return buf_steal(&out);
}
