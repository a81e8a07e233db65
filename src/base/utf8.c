/* utf8.c - make any bytes valid UTF-8 text, and convert charsets to UTF-8
 * (conversion through iconv, into a buffer no larger than asked for) */
#include "autoconfig.h"
#include "utf8.h"
#include "str.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
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

static bool valid(const char *s, size_t len, bool nul)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < len) {
		if ((p[i] == 0 && !nul) || (k = seq_len(p + i, len - i)) == 0)
			return false;
		i += k;
	}
	return true;
}

bool utf8_valid(const char *s, size_t len)
{
	return valid(s, len, false);
}

static bool utf8_valid_or_nul(const char *s, size_t len)
{
	return valid(s, len, true);
}

static bool plain_ascii(unsigned char c)
{
	return (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t';
}

/* S[0..LEN) cleaned into OUT (NULL: only counted), at most MAX bytes, never
 * a character cut; *CUT set when input was left over. The bytes written. */
static size_t clean_into(const unsigned char *p, size_t len, char *out, size_t max,
			 bool *cut)
{
	size_t i = 0, o = 0;

	while (i < len) {
		const char *w = (const char *)p + i;
		size_t in = 1, k = 1;
		unsigned char c = p[i];

		if (plain_ascii(c)) {	/* copied as a block */
			while (i + k < len && k < max - o && plain_ascii(p[i + k]))
				k++;
			in = k;
		} else if (c < 0x20 || c == 0x7f) {
			w = c == '\r' ? "" : " ";	/* CR dropped */
			k = c == '\r' ? 0 : 1;
		} else if ((k = seq_len(p + i, len - i)) == 0) {
			w = "\xef\xbf\xbd";	/* U+FFFD */
			k = 3;
		} else {
			in = k;
		}
		if (k > max - o) {
			*cut = true;
			break;
		}
		if (out)
			memmove(out + o, w, k);
		o += k;
		i += in;
	}
	return o;
}

char *utf8_clean_max(const char *s, size_t len, size_t max, size_t *outlen, bool *cut)
{
	const unsigned char *p = (const unsigned char *)s;
	bool ignored = false;
	size_t n = clean_into(p, len, NULL, max, cut ? cut : &ignored);
	char *out = malloc(n + 1);	/* counted first: exactly what is needed */

	if (!out) {
		mem_note_failure();
		return NULL;
	}
	clean_into(p, len, out, n, &ignored);
	out[n] = '\0';
	if (outlen)
		*outlen = n;
	return out;
}

char *utf8_clean(const char *s, size_t len, size_t *outlen)
{
	return utf8_clean_max(s, len, SIZE_MAX - 1, outlen, NULL);
}

static bool is_utf8_name(const char *cs)
{
	return !cs || !*cs || strcasecmp(cs, "utf-8") == 0 ||
	       strcasecmp(cs, "utf8") == 0 || strcasecmp(cs, "us-ascii") == 0 ||
	       strcasecmp(cs, "ascii") == 0;
}

/* names mail uses for a charset that iconv knows by another (or a superset) */
static const char *const aliases[][2] = {
	{ "gb2312", "GBK" }, { "gb_2312-80", "GBK" },
	{ "iso-8859-8-i", "ISO-8859-8" }, { "iso_8859-8-i", "ISO-8859-8" },
	{ "iso8859-8-i", "ISO-8859-8" }, { "iso-8859-8-e", "ISO-8859-8" },
	{ "iso_8859-8-e", "ISO-8859-8" }, { "iso8859-8-e", "ISO-8859-8" },
	{ "ks_c_5601-1987", "EUC-KR" }, { "iso-2022-jp", "ISO-2022-JP-2" },
};

static const char *iconv_name(const char *cs)
{
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		if (strcasecmp(cs, aliases[i][0]) == 0)
			return aliases[i][1];
	return cs;
}

/* iconv from CD over S[0..LEN) into OUT (room for MAX bytes); a byte that is
 * not of the charset becomes U+FFFD. The bytes written. */
static size_t convert(iconv_t cd, const char *s, size_t len, char *out, size_t max,
		      bool *cut)
{
	char *in = (char *)s, *o = out;
	size_t inleft = len, oleft = max;

	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			break;
		if (errno == EILSEQ && oleft >= 3) {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
			oleft -= 3;
			in++;
			inleft--;
			continue;
		}
		*cut = errno != EINVAL;	/* EINVAL: a character cut at the end */
		break;
	}
	return (size_t)(o - out);
}

/* OUT[0..N) is iconv's UTF-8: controls made what utf8_clean() makes them, in
 * place (never longer); NULL when memory ran out */
static char *converted(char *out, size_t n, size_t *outlen)
{
	bool cut = false;
	char *fit;

	if (!utf8_valid_or_nul(out, n)) {	/* never from iconv; copied to be safe */
		fit = utf8_clean(out, n, outlen);
		free(out);
		return fit;
	}
	n = clean_into((const unsigned char *)out, n, out, n, &cut);
	out[n] = '\0';
	fit = realloc(out, n + 1);
	if (outlen)
		*outlen = n;
	return fit ? fit : out;
}

char *to_utf8_max(const char *charset, const char *s, size_t len, size_t max,
		  size_t *outlen, bool *unknown, bool *cut)
{
	bool ignored = false;
	iconv_t cd;
	size_t cap, n;
	char *out;

	if (unknown)
		*unknown = false;
	cut = cut ? cut : &ignored;
	if (is_utf8_name(charset))
		return utf8_clean_max(s, len, max, outlen, cut);
	cd = iconv_open("UTF-8", iconv_name(charset));
	if (cd == (iconv_t)-1) {
		if (errno == ENOMEM) {
			mem_note_failure();
			return NULL;
		}
		/* unknown: UTF-8 if it is, else the common Western charset */
		if (unknown)
			*unknown = true;
		if (utf8_valid(s, len) || strcasecmp(charset, "windows-1252") == 0)
			return utf8_clean_max(s, len, max, outlen, cut);
		return to_utf8_max("windows-1252", s, len, max, outlen, NULL, cut);
	}
	/* a byte of any charset (or U+FFFD for it) is at most 3 bytes of UTF-8 */
	cap = max > 4 && len < (max - 4) / 3 ? 3 * len + 4 : max;
	out = malloc(cap + 1);
	if (!out) {
		mem_note_failure();
		iconv_close(cd);
		return NULL;
	}
	n = convert(cd, s, len, out, cap, cut);
	iconv_close(cd);
	return converted(out, n, outlen);
}

char *to_utf8(const char *charset, const char *s, size_t len, size_t *outlen,
	      bool *unknown)
{
	return to_utf8_max(charset, s, len, SIZE_MAX / 2, outlen, unknown, NULL);
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
