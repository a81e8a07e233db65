/* greeting.c - the name a reply draft greets the inviter with. Names come
 * from the network: the first name is taken only when it is made of
 * letters (inner hyphens allowed), and its case is mapped with libunistring,
 * never by a table of our own. */
#include "autoconfig.h"
#include "greeting.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include "encode.h"
#include "str.h"

#define MAX_NAME 256	/* bytes of the whole name looked at */

/* WORD (LEN bytes) is one of the titles in LIST, case aside */
static bool is_title(const char *word, size_t len, const char *list)
{
	for (const char *p = list; p && *p; ) {
		size_t n;
		int cmp = 1;

		if (*p == '#') {
			p += strcspn(p, "\n");
			continue;
		}
		if ((n = strcspn(p, " \t\r\n#")) == 0) {
			p++;
			continue;
		}
		if (u8_casecmp((const uint8_t *)word, len, (const uint8_t *)p, n, NULL,
			       UNINORM_NFC, &cmp) == 0 && cmp == 0)
			return true;
		p += n;
	}
	return false;
}

static bool letter(ucs4_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_L) || uc_is_general_category(c, UC_CATEGORY_M);
}

/* C is written in a script whose names are said whole, family name first */
static bool cjk(ucs4_t c)
{
	static const char *const names[] = { "Han", "Hiragana", "Katakana", "Hangul" };
	const uc_script_t *s = uc_script(c);

	for (size_t i = 0; s && i < ARRAY_LEN(names); i++)
		if (strcmp(s->name, names[i]) == 0)
			return true;
	return false;
}

static bool hyphen(ucs4_t c)
{
	return c == '-' || c == 0x2010;
}

/* W[0..N) is a first name: letters and marks, hyphens only between letters,
 * at least two letters unless in a CJK script */
static bool fit(const uint8_t *w, size_t n)
{
	size_t letters = 0;
	bool after_letter = false, east = false;

	for (size_t i = 0; i < n; ) {
		ucs4_t c;
		int k = u8_mbtouc(&c, w + i, n - i);

		if (k <= 0 || c == 0xfffd)
			return false;
		if (letter(c)) {
			letters++;
			east = east || cjk(c);
			after_letter = true;
		} else if (hyphen(c) && after_letter && i + (size_t)k < n) {
			after_letter = false;	/* a letter must follow */
		} else {
			return false;
		}
		i += (size_t)k;
	}
	return after_letter && (letters >= 2 || (east && letters >= 1));
}

/* the candidate starting at WORD: the word itself, or for a CJK name the
 * rest of the name without its spaces; a new string */
static char *candidate(const char *word)
{
	ucs4_t c;
	char *out, *w;

	if (u8_mbtouc(&c, (const uint8_t *)word, strlen(word)) <= 0 || !cjk(c))
		return str_ndup(word, strcspn(word, " "));
	if (!(out = str_dup(word)))
		return NULL;
	for (w = out; *word; word++)
		if (*word != ' ')
			*w++ = *word;
	*w = '\0';
	return out;
}

/* W written as a name: title case when all in one case, else as it is
 * (NFC); NULL when too long, or out of memory with *OOM set */
static char *recase(const char *w, bool *oom)
{
	size_t n = strlen(w), len = 0;
	bool upper = false, lower = false;
	uint8_t *r;
	char *out;

	if (u8_is_uppercase((const uint8_t *)w, n, NULL, &upper) < 0 ||
	    u8_is_lowercase((const uint8_t *)w, n, NULL, &lower) < 0) {
		*oom = errno == ENOMEM;
		return NULL;
	}
	if (upper || lower)
		r = u8_totitle((const uint8_t *)w, n, NULL, UNINORM_NFC, NULL, &len);
	else
		r = u8_normalize(UNINORM_NFC, (const uint8_t *)w, n, NULL, &len);
	if (!r) {
		*oom = errno == ENOMEM;
		return NULL;
	}
	out = len <= MAX_GREETING_NAME ? str_ndup((const char *)r, len) : NULL;
	if (len <= MAX_GREETING_NAME && !out)
		*oom = true;
	free(r);
	return out;
}

char *greeting_name(const char *name, const char *titles)
{
	char *clean = name ? header_text(name, MAX_NAME) : NULL, *word, *cand = NULL, *out = NULL;
	bool titled = false, oom = false;

	errno = name && !clean ? ENOMEM : 0;
	if (!clean)
		return NULL;
	for (word = clean; *word == ' '; word++)
		;
	while (*word && is_title(word, strcspn(word, " "), titles)) {
		word += strcspn(word, " ");
		word += strspn(word, " ");
		titled = true;
	}
	/* "Dr. Doe", "M. Dupont": after a title, one word is a family name */
	if (titled && !strchr(word, ' '))
		*word = '\0';
	if (*word && !(cand = candidate(word)))
		oom = true;
	else if (cand && strlen(cand) <= MAX_GREETING_NAME * 2 &&
		 fit((const uint8_t *)cand, strlen(cand)))
		out = recase(cand, &oom);
	free(cand);
	free(clean);
	errno = oom ? ENOMEM : 0;
	return out;
}
