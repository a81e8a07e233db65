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
#include "buf.h"
#include "encode.h"
#include "fold.h"
#include "personname.h"
#include "str.h"


/* the entry of LIST (words, one or more a line, '#' comments) that WORD
 * (LEN bytes) is, case aside, with its length in *N; an entry written
 * "+Herr" is compared without its "+" and sets *KEPT. NULL when none. */
static const char *find_title(const char *word, size_t len, const char *list, size_t *n, bool *kept)
{
	for (const char *p = list; p && *p; ) {
		size_t k, skip;
		int cmp = 1;

		if (*p == '#') {
			p += strcspn(p, "\n");
			continue;
		}
		if ((k = strcspn(p, " \t\r\n#")) == 0) {
			p++;
			continue;
		}
		skip = *p == '+' && k > 1;
		if (u8_casecmp((const uint8_t *)word, len, (const uint8_t *)p + skip, k - skip, NULL,
			       UNINORM_NFC, &cmp) == 0 && cmp == 0) {
			*n = k - skip;
			if (kept)
				*kept = skip;
			return p + skip;
		}
		p += k;
	}
	return NULL;
}

/* WORD (LEN bytes) is one of the titles in LIST, case aside */
static bool is_title(const char *word, size_t len, const char *list)
{
	size_t n;

	return find_title(word, len, list, &n, NULL) != NULL;
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

/* every word of S (one space between) is a first name */
static bool fit_words(const char *s)
{
	for (const char *p = s; *p; ) {
		size_t n = strcspn(p, " ");

		if (!fit((const uint8_t *)p, n))
			return false;
		p += n + (p[n] == ' ');
	}
	return *s != '\0';
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

/* the words of W[0..N) joined by one space; a new string */
static char *join(char *const *w, size_t n)
{
	struct buf b;

	buf_init(&b, 0);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", w[i]);
	return buf_steal(&b);
}

/* W is written in capitals: cased, at least two letters, no lower case */
static bool caps_word(const char *w)
{
	size_t n = strlen(w);
	bool upper = false, cased = false;

	return n >= 2 && !strchr(w, '.') && u8_is_cased((const uint8_t *)w, n, NULL, &cased) == 0 &&
	       cased && u8_is_uppercase((const uint8_t *)w, n, NULL, &upper) == 0 && upper;
}

/* how many words of W[0..N) make one given name in LIST ("María José",
 * "Maria da Graça", "Gian *" with any word after it): 1 when none */
static size_t given_words(char *const *w, size_t n, const char *list)
{
	for (size_t k = n < 3 ? n : 3; k >= 2; k--) {
		char *phrase = join(w, k), *f = phrase ? fold(phrase) : NULL, *one = fold(w[0]);
		bool hit = false;

		for (const char *p = list; f && one && p && *p && !hit; p += strcspn(p, "\n"), p += *p == '\n') {
			size_t len = strcspn(p, "\n");
			char *line = *p == '#' ? NULL : str_ndup(p, len), *lf = line ? fold(line) : NULL;
			size_t ln = lf ? strlen(lf) : 0;

			if (lf && ln && line[len - 1] == '*')	/* "gian *": folded "gian" */
				hit = k == 2 && !strcmp(lf, one);
			else if (lf && ln)
				hit = !strcmp(lf, f);
			free(lf);
			free(line);
		}
		free(phrase);
		free(f);
		free(one);
		if (hit)
			return k;
	}
	return 1;
}

/* "Ijsbrand" -> "IJsbrand" in every word of the recased S */
static void dutch_ij(char *s)
{
	for (char *p = s; *p; p++)
		if ((p == s || p[-1] == ' ' || p[-1] == '-') && p[0] == 'I' && p[1] == 'j')
			p[1] = 'J';
}

/* W is a title before a first name: one of G's titles, or an honorific of
 * any language ("Don") with at least two name words after it (REST words
 * from W on): "Don Raúl Castillo", but "Don Smith" is a name */
static bool skipped(const char *w, size_t rest, const struct greeting_lists *g)
{
	return g && (is_title(w, strlen(w), g->titles) ||
		     (rest >= 3 && is_title(w, strlen(w), g->honorifics)));
}

/* the words W[0..N) of a cleaned name, from the first name on: titles,
 * a family name first in capitals or of G's family-first list; *NONE when
 * the name says none fits */
static size_t first_word(char *const *w, size_t n, const struct greeting_lists *g,
			 bool all_caps, bool *none)
{
	size_t i = 0, j;
	bool titled = false;

	while (i < n && skipped(w[i], n - i, g)) {
		i++;
		titled = true;
	}
	/* "Nguyễn Văn An", "Nguyễn An": a family name said first, the given
	 * name last; "Hoàng Nguyễn" (two family names) may be either order */
	if (n - i >= 2 && g && is_title(w[i], strlen(w[i]), g->family_first)) {
		*none = n - i == 2 && is_title(w[n - 1], strlen(w[n - 1]), g->family_first);
		return n - 1;
	}
	for (j = i; !all_caps && j < n && caps_word(w[j]); j++)
		;
	if (j > i && j < n)
		i = j;		/* "LE GALL Yann", "DOE Jane" */
	/* "Dr. Doe", "M. Dupont": after a title, one word is a family name;
	 * "van den Berg", "Dr. de Vries": a particle starts a family name */
	*none = (titled && n - i == 1) ||
		(i < n && g && is_title(w[i], strlen(w[i]), g->particles));
	return i;
}

#define MAX_WORDS 24

/* NAME cleaned (person_name) into *CLEAN, cut into words W (at most
 * MAX_WORDS), *UPPER when it is all in capitals; the number of words.
 * *CLEAN is NULL when out of memory (errno ENOMEM) or without a name. */
static size_t split(const char *name, char **clean, char **w, bool *upper)
{
	char *save = NULL;
	size_t n = 0;

	*clean = name ? person_name(name) : NULL;
	errno = name && !*clean ? ENOMEM : 0;
	*upper = false;
	if (!*clean)
		return 0;
	if (u8_is_uppercase((const uint8_t *)*clean, strlen(*clean), NULL, upper) < 0)
		*upper = false;
	for (char *p = strtok_r(*clean, " ", &save); p && n < MAX_WORDS; p = strtok_r(NULL, " ", &save))
		w[n++] = p;
	return n;
}

char *greeting_name(const char *name, const struct greeting_lists *g)
{
	char *clean, *w[MAX_WORDS], *cand = NULL, *out = NULL;
	size_t n, i, k;
	bool oom = false, none = false, upper = false;

	n = split(name, &clean, w, &upper);
	if (!clean)
		return NULL;
	i = first_word(w, n, g, upper, &none);
	if (!none && i < n) {
		ucs4_t c;
		bool east = u8_mbtouc(&c, (const uint8_t *)w[i], strlen(w[i])) > 0 && cjk(c);

		k = east ? n - i : given_words(w + i, n - i, g ? g->given : NULL);
		if (!(cand = join(w + i, k)))
			oom = true;
		else if (east)	/* "王 小明": said whole, without the space */
			for (char *r = cand, *q = cand; (*q = *r) != '\0'; r++)
				q += *r != ' ';
	}
	if (cand && strlen(cand) <= MAX_GREETING_NAME * 2 && fit_words(cand) &&
	    (out = recase(cand, &oom)) != NULL)
		dutch_ij(out);
	free(cand);
	free(clean);
	errno = oom ? ENOMEM : 0;
	return out;
}

/* the titles of FORMAL among the leading titles of W[0..N), as FORMAL
 * writes them ("Prof. Dr."), into B; *END the first word after the titles.
 * True when one of them asks for a formal greeting (an entry without "+") */
static bool formal_titles(char *const *w, size_t n, const struct greeting_lists *g,
			  const char *formal, struct buf *b, size_t *end)
{
	bool wanted = false;
	size_t i;

	for (i = 0; i < n && skipped(w[i], n - i, g); i++) {
		size_t len;
		bool kept = false;
		const char *t = find_title(w[i], strlen(w[i]), formal, &len, &kept);

		if (!t)
			continue;
		buf_printf(b, "%s%.*s", b->len ? " " : "", (int)len, t);
		wanted = wanted || !kept;
	}
	*end = i;
	return wanted;
}

char *greeting_formal(const char *name, const struct greeting_lists *g, const char *formal)
{
	char *clean, *w[MAX_WORDS], *family = NULL, *cased = NULL;
	size_t n, i, end, from, to;
	bool oom = false, none = false, upper = false;
	struct buf b;

	n = split(name, &clean, w, &upper);
	buf_init(&b, 0);
	if (!clean || !g || !formal) {
		free(clean);
		return NULL;
	}
	if (formal_titles(w, n, g, formal, &b, &end) && end < n) {
		i = first_word(w, n, g, upper, &none);
		/* the family name: all after the titles when there is no first
		 * name ("Dr. de Vries"), the capitals before it ("Dr. DOE Jane"),
		 * else what follows the given name */
		from = none || i > end ? end : i + given_words(w + i, n - i, g->given);
		to = i > end ? i : n;
		if (from < to && (family = join(w + from, to - from)) == NULL)
			oom = true;
	}
	if (family && strlen(family) <= MAX_GREETING_NAME * 2 && fit_words(family) &&
	    (cased = recase(family, &oom)) != NULL) {
		dutch_ij(cased);
		buf_printf(&b, " %s", cased);
	}
	free(family);
	free(clean);
	if (!cased || buf_failed(&b)) {
		oom = oom || buf_failed(&b);
		buf_free(&b);
		errno = oom ? ENOMEM : 0;
		free(cased);
		return NULL;
	}
	free(cased);
	errno = 0;
	return buf_steal(&b);
}
