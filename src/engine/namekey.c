/* namekey.c - a name's comparison key with libunistring: case folding with
 * compatibility decomposition, then only letters and digits kept, so that
 * "FOO BAR", "Foo Bar", "foo  bar" and "Föo Bar" have the same key */
#include "autoconfig.h"
#include "namekey.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#define NAME_IN_MAX 512		/* bytes of a name looked at */

static size_t keep_letters(const uint8_t *s, size_t n, char *key)
{
	size_t out = 0;
	ucs4_t uc;
	int k;

	for (size_t i = 0; i < n; i += (size_t)k) {
		k = u8_mbtouc(&uc, s + i, n - i);
		if (k <= 0)
			break;
		if (!uc_is_general_category(uc, UC_CATEGORY_L) &&
		    !uc_is_general_category(uc, UC_CATEGORY_Nd))
			continue;
		if (out + (size_t)k >= NAME_KEY_MAX)
			break;
		memcpy(key + out, s + i, (size_t)k);
		out += (size_t)k;
	}
	key[out] = '\0';
	return out;
}

/* the key of an ASCII name without libunistring: its letters and digits
 * in lower case; 0 (and no key) when S has a byte outside ASCII */
static size_t ascii_key(const char *s, size_t len, char *key, bool *ascii)
{
	size_t out = 0;

	*ascii = false;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	*ascii = true;
	for (size_t i = 0; i < len && out + 1 < NAME_KEY_MAX; i++)
		if (isalnum((unsigned char)s[i]))
			key[out++] = (char)tolower((unsigned char)s[i]);
	key[out] = '\0';
	return out;
}

size_t name_key(const char *s, size_t len, char key[NAME_KEY_MAX])
{
	uint8_t buf[NAME_IN_MAX * 3];
	size_t n = sizeof buf, out;
	uint8_t *folded;
	bool ascii;

	key[0] = '\0';
	if (len > NAME_IN_MAX)
		len = NAME_IN_MAX;
	out = ascii_key(s, len, key, &ascii);
	if (ascii)
		return out;
	folded = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFKD, buf, &n);
	if (!folded)
		return 0;
	out = keep_letters(folded, n, key);
	if (folded != buf)
		free(folded);
	return out;
}

struct shape {
	bool lower, upper, nonascii;
};

static struct shape shape_of(const char *s, size_t len)
{
	struct shape sh = { false, false, false };
	ucs4_t uc;
	int k;

	for (size_t i = 0; i < len; i += (size_t)k) {
		k = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);
		if (k <= 0)
			break;
		sh.lower |= uc_is_property_lowercase(uc);
		sh.upper |= uc_is_property_uppercase(uc);
		sh.nonascii |= uc >= 0x80 && uc_is_general_category(uc, UC_CATEGORY_L);
	}
	return sh;
}

bool name_richer(const char *a, size_t alen, const char *b, size_t blen)
{
	struct shape sa = shape_of(a, alen), sb = shape_of(b, blen);

	bool a_mixed = sa.upper && sa.lower, b_mixed = sb.upper && sb.lower;

	if (!a_mixed && b_mixed)	/* capitals or lower case only in A */
		return true;
	return a_mixed == b_mixed && !sa.nonascii && sb.nonascii;
}
