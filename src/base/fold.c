/* fold.c - compare names the way people do: lower case, Latin accents
 * removed (a table for U+00C0..U+017F), other scripts lower-cased by the
 * C library, punctuation made spaces, whitespace collapsed */
#include "autoconfig.h"
#include "fold.h"

#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include "buf.h"
#include "str.h"
#include "utf8.h"

/* base letters of U+00C0..U+017F, two characters each ("  " = keep) */
static const char latin[] =
	"a a a a a a aec e e e e i i i i d n o o o o o x o u u u u y thss"	/* C0-DF */
	"a a a a a a aec e e e e i i i i d n o o o o o   o u u u u y thy "	/* E0-FF */
	"a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g "	/* 100-11F */
	"g g g g h h h h i i i i i i i i i i ijijj j k k k l l l l l l l "	/* 120-13F */
	"l l l n n n n n n n n n o o o o o o oeoer r r r r r s s s s s s "	/* 140-15F */
	"s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s ";	/* 160-17F */

static locale_t utf8_locale;
static pthread_once_t locale_once = PTHREAD_ONCE_INIT;

static void locale_init(void)
{
	utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

/* decode one UTF-8 character of S; its length in *N (input is valid UTF-8) */
static unsigned decode(const unsigned char *s, size_t *n)
{
	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if ((s[0] & 0xe0) == 0xc0 && s[1]) {
		*n = 2;
		return (unsigned)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	}
	if ((s[0] & 0xf0) == 0xe0 && s[1] && s[2]) {
		*n = 3;
		return (unsigned)(s[0] & 0x0f) << 12 | (unsigned)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	}
	if ((s[0] & 0xf8) == 0xf0 && s[1] && s[2] && s[3]) {
		*n = 4;
		return (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3f) << 12 |
		       (unsigned)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
	}
	*n = 1;
	return 0xfffd;
}

static void put(struct buf *b, unsigned cp)
{
	char u[4];

	buf_append(b, u, utf8_put(cp, u));
}

static void fold_char(struct buf *b, unsigned cp)
{
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			buf_putc(b, (char)cp);
		else if (cp >= 'A' && cp <= 'Z')
			buf_putc(b, (char)(cp + 32));
		else
			buf_putc(b, ' ');	/* punctuation and spaces */
		return;
	}
	if (cp >= 0xc0 && cp <= 0x17f) {
		const char *m = latin + 2 * (cp - 0xc0);

		if (m[0] == 'x' && m[1] == ' ')
			buf_putc(b, ' ');	/* the multiplication sign */
		else if (m[0] != ' ')
			buf_append(b, m, m[1] == ' ' ? 1 : 2);
		else
			put(b, cp);
		return;
	}
	if (cp == 0xa0 || (cp >= 0x2000 && cp <= 0x206f) || cp == 0x3000)
		buf_putc(b, ' ');	/* spaces and general punctuation */
	else if (cp >= 0x300 && cp <= 0x36f)
		;			/* combining accents */
	else
		put(b, utf8_locale ? (unsigned)towlower_l((wint_t)cp, utf8_locale) : cp);
}

char *fold(const char *s)
{
	struct buf b;
	size_t n;

	pthread_once(&locale_once, locale_init);
	buf_init(&b, 0);
	for (const unsigned char *p = (const unsigned char *)s; *p; p += n)
		fold_char(&b, decode(p, &n));
	if (!b.data && buf_puts(&b, "") < 0)
		return NULL;
	str_collapse_ws(b.data);
	return buf_steal(&b);
}

/* the character at S is of a script written without spaces between words
 * (CJK punctuation, kana, ideographs, fullwidth forms; Thai, Lao): a word
 * ends or starts there */
static bool nospace_char(const unsigned char *s)
{
	return (s[0] >= 0xe3 && s[0] <= 0xe9) || (s[0] == 0xef && (s[1] == 0xbc || s[1] == 0xbd)) ||
	       (s[0] == 0xe0 && s[1] >= 0xb8 && s[1] <= 0xbb);
}

/* the character that ends at P (after HAY's start) is one of those */
static bool nospace_before(const char *hay, const char *p)
{
	const unsigned char *q = (const unsigned char *)p;
	int k = 0;

	while (k < 3 && q > (const unsigned char *)hay && (q[-1] & 0xc0) == 0x80)
		q--, k++;
	return k == 2 && q > (const unsigned char *)hay && nospace_char(q - 1);
}

int fold_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	const char *p = hay;

	if (!n)
		return 0;
	while ((p = strstr(p, needle)) != NULL) {
		if ((p == hay || p[-1] == ' ' || nospace_before(hay, p)) &&
		    (p[n] == '\0' || p[n] == ' ' || nospace_char((const unsigned char *)p + n)))
			return 1;
		p++;
	}
	return 0;
}
