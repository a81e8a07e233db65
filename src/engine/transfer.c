/* transfer.c - base64 and quoted-printable decoded in place (RFC 2045,
 * sections 6.7 and 6.8), bounded by the part: nothing is read past S + N */
#include "autoconfig.h"
#include "transfer.h"

#include <stdbool.h>
#include <string.h>

static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(unsigned char c)
{
	const char *at = c ? strchr(alphabet, c) : NULL;

	return at ? (int)(at - alphabet) : -1;
}

size_t base64_decode_in_place(char *s, size_t n)
{
	unsigned long bits = 0;
	int have = 0;
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {	/* O never passes I: 3 out for 4 in */
		int v = b64_value((unsigned char)s[i]);

		if (v < 0)
			continue;
		bits = (bits << 6 | (unsigned long)v) & 0xffffff;
		if ((have += 6) >= 8) {
			have -= 8;
			s[o++] = (char)(bits >> have & 0xff);
		}
	}
	return o;
}

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* the length of a soft line break at S[I] ('='), 0 when it is none */
static size_t soft_break(const char *s, size_t i, size_t n)
{
	size_t j = i + 1;

	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j < n && s[j] == '\n')
		return j + 1 - i;
	if (j + 1 < n && s[j] == '\r' && s[j + 1] == '\n')
		return j + 2 - i;
	return j == n ? n - i : 0;	/* "=" at the very end */
}

size_t qp_decode_in_place(char *s, size_t n)
{
	size_t i = 0, o = 0, k;

	while (i < n) {	/* O never passes I: one byte out for three in */
		int hi, lo;

		if (s[i] != '=') {
			s[o++] = s[i++];
			continue;
		}
		if (i + 2 < n && (hi = hex_value((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hex_value((unsigned char)s[i + 2])) >= 0) {
			s[o++] = (char)(hi << 4 | lo);
			i += 3;
		} else if ((k = soft_break(s, i, n)) > 0) {
			i += k;
		} else {
			s[o++] = s[i++];
		}
	}
	return o;
}
