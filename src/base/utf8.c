/* utf8.c - make any bytes valid UTF-8 text, and convert charsets to UTF-8
 * (conversion through libetpan's charconv) */
#include "autoconfig.h"
#include "utf8.h"

#include <libetpan/libetpan.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* length of the valid UTF-8 sequence at S (at most N bytes), 0 if invalid */
static size_t seq_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0))
			return 0;
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

bool utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < len) {
		if (p[i] == 0 || (k = seq_len(p + i, len - i)) == 0)
			return false;
		i += k;
	}
	return true;
}

char *utf8_clean(const char *s, size_t len, size_t *outlen)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = malloc(len * 3 + 1);	/* each bad byte may become 3 */
	size_t i = 0, o = 0, k;

	if (!out)
		return NULL;
	while (i < len) {
		unsigned char c = p[i];
		size_t run = i;

		/* printable ASCII (and TAB, LF) is copied as a block */
		while (run < len && ((p[run] >= 0x20 && p[run] < 0x7f) ||
				     p[run] == '\n' || p[run] == '\t'))
			run++;
		if (run > i) {
			memcpy(out + o, p + i, run - i);
			o += run - i;
			i = run;
			continue;
		}

		if (c < 0x20 || c == 0x7f) {
			if (c == '\t' || c == '\n')
				out[o++] = (char)c;
			else if (c != '\r')
				out[o++] = ' ';
			i++;
			continue;
		}
		k = seq_len(p + i, len - i);
		if (k == 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3);	/* U+FFFD */
			o += 3;
			i++;
			continue;
		}
		memcpy(out + o, p + i, k);
		o += k;
		i += k;
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return out;
}

static bool is_utf8_name(const char *cs)
{
	return !cs || !*cs || strcasecmp(cs, "utf-8") == 0 ||
	       strcasecmp(cs, "utf8") == 0 || strcasecmp(cs, "us-ascii") == 0 ||
	       strcasecmp(cs, "ascii") == 0;
}

char *to_utf8(const char *charset, const char *s, size_t len, size_t *outlen,
	      bool *unknown)
{
	char *conv = NULL, *out;
	size_t convlen = 0;
	int rc;

	if (unknown)
		*unknown = false;
	if (is_utf8_name(charset))
		return utf8_clean(s, len, outlen);
	rc = charconv_buffer("utf-8", charset, s, len, &conv, &convlen);
	if (rc == MAIL_CHARCONV_NO_ERROR) {
		out = utf8_clean(conv, convlen, outlen);
		charconv_buffer_free(conv);
		return out;
	}
	if (rc == MAIL_CHARCONV_ERROR_MEMORY)
		return NULL;
	/* unknown or failed: UTF-8 if it is, else the common Western charset */
	if (unknown)
		*unknown = rc == MAIL_CHARCONV_ERROR_UNKNOWN_CHARSET;
	if (utf8_valid(s, len) || strcasecmp(charset, "windows-1252") == 0)
		return utf8_clean(s, len, outlen);
	return to_utf8("windows-1252", s, len, outlen, NULL);
}

size_t utf8_put(unsigned long cp, char *out)
{
	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

void utf8_truncate(char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	s[max] = '\0';
}
