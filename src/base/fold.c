/* fold.c - compare names the way people do, in every script: libunistring
 * decomposes (NFKD) and case-folds the text, the marks are dropped
 * ("José" = "jose", "İpek" = "ipek", "Nguyễn" = "nguyen"), the few letters
 * that have no decomposition are spelt out ("ø" = "o", "ß" = "ss"),
 * anything that is not a letter or a digit becomes a space, and runs of
 * spaces collapse. One folding for contacts, names, headlines and keys. */
#include "autoconfig.h"
#include "fold.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include "buf.h"
#include "str.h"

/* letters without a decomposition, and their base letters */
static const struct { ucs4_t c; const char *base; } plain[] = {
	{ 0x00e6, "ae" }, { 0x00f0, "d" }, { 0x00f8, "o" }, { 0x00fe, "th" },
	{ 0x0111, "d" }, { 0x0127, "h" }, { 0x0131, "i" }, { 0x0142, "l" },
	{ 0x0153, "oe" }, { 0x0167, "t" }, { 0x0180, "b" }, { 0x0188, "c" },
};

static void fold_char(struct buf *b, ucs4_t c)
{
	uint8_t u[6];
	int n;

	if (uc_is_general_category(c, UC_CATEGORY_M))
		return;			/* accents, once decomposed */
	for (size_t i = 0; i < ARRAY_LEN(plain); i++)
		if (plain[i].c == c) {
			buf_puts(b, plain[i].base);
			return;
		}
	if (!uc_is_general_category(c, UC_CATEGORY_L) && !uc_is_general_category(c, UC_CATEGORY_N)) {
		buf_putc(b, ' ');	/* punctuation, symbols, spaces */
		return;
	}
	if ((n = u8_uctomb(u, c, sizeof u)) > 0)
		buf_append(b, u, (size_t)n);
}

/* S is not UTF-8: ASCII folded, other bytes kept as they are */
static void fold_bytes(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z'))
			buf_putc(b, (char)*p);
		else if (*p >= 'A' && *p <= 'Z')
			buf_putc(b, (char)(*p + 32));
		else
			buf_putc(b, ' ');
}

char *fold(const char *s)
{
	size_t n = 0;
	uint8_t *f = u8_casefold((const uint8_t *)s, strlen(s), NULL, UNINORM_NFKD, NULL, &n);
	struct buf b;

	buf_init(&b, 0);
	if (!f && errno != EILSEQ)
		return NULL;
	if (!f)
		fold_bytes(&b, s);
	for (size_t i = 0; f && i < n; ) {
		ucs4_t c;
		int k = u8_mbtouc(&c, f + i, n - i);

		fold_char(&b, c);
		i += k > 0 ? (size_t)k : 1;
	}
	free(f);
	if (!b.data && buf_puts(&b, "") < 0)
		return NULL;
	str_collapse_ws(b.data);
	return buf_steal(&b);
}

int fold_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	const char *p = hay;

	if (!n)
		return 0;
	while ((p = strstr(p, needle)) != NULL) {
		if ((p == hay || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
		p++;
	}
	return 0;
}
