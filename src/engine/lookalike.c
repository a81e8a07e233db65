/* lookalike.c - does a domain or a display name imitate LinkedIn's? ASCII
 * names are tried against the look-alike patterns of patterns.conf and, label
 * by label, against the genuine name one edit away ("liinkedin", l/i/1 read
 * alike); a display name word by word the same way; internationalised names
 * (xn-- labels, decoded with libidn2, or UTF-8) are compared by what a
 * reader sees: their Unicode confusable skeletons (UTS #39, ICU's spoof
 * checker) against the skeletons of the genuine domains. Only names with an
 * xn-- label or a non-ASCII byte reach ICU, so ordinary mail costs a scan. */
#include "autoconfig.h"
#include "lookalike.h"

#include <idn2.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uspoof.h>

#define MAX_DOMAIN 256		/* bytes of a domain name that are read */
#define MAX_U16 (2 * MAX_DOMAIN)	/* UTF-16 units of one after mapping */

static USpoofChecker *checker;
static const UNormalizer2 *fold;
static pthread_once_t icu_once = PTHREAD_ONCE_INIT;

/* the spoof checker is opened once and only read after: ICU allows that
 * from many threads */
static void icu_init(void)
{
	UErrorCode e = U_ZERO_ERROR;

	fold = unorm2_getNFKCCasefoldInstance(&e);
	if (U_FAILURE(e))
		fold = NULL;
	e = U_ZERO_ERROR;
	checker = uspoof_open(&e);
	if (U_FAILURE(e))
		checker = NULL;
}

/* a byte of D[0..N) is not ASCII: eight at a time */
static bool high_byte(const char *d, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, d + i, 8);
		if (w & 0x8080808080808080ULL)
			return true;
	}
	for (; i < n; i++)
		if ((unsigned char)d[i] >= 0x80)
			return true;
	return false;
}

/* this runs on every sending domain: word-wide and memchr, no byte loop */
bool lookalike_idn(const char *d)
{
	const char *p, *end;

	if (!d)
		return false;
	end = d + strlen(d);
	if (high_byte(d, (size_t)(end - d)))
		return true;
	for (p = d + 2; p < end && (p = memchr(p, '-', (size_t)(end - p))) != NULL; p++)
		if (p[1] == '-' && (p[-1] | 0x20) == 'n' && (p[-2] | 0x20) == 'x')
			return true;
	return false;
}

bool lookalike_decode(const char *d, char *out, size_t len)
{
	char *u = NULL;
	size_t n;

	if (!d || strlen(d) >= MAX_DOMAIN || idn2_to_unicode_8z8z(d, &u, 0) != IDN2_OK)
		return false;
	n = strlen(u);
	if (n >= len) {
		idn2_free(u);
		return false;
	}
	memcpy(out, u, n + 1);
	idn2_free(u);
	return true;
}

/* the skeleton of UTF-8 S: case and compatibility forms folded (fullwidth
 * letters are letters), then the confusables of UTS #39; UTF-8 into OUT */
static bool skeleton(const char *s, char *out, size_t len)
{
	UChar in[MAX_U16], folded[MAX_U16], sk[2 * MAX_U16];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n;

	pthread_once(&icu_once, icu_init);
	if (!checker || !fold)
		return false;
	u_strFromUTF8WithSub(in, MAX_U16, &n, s, -1, 0xFFFD, NULL, &e);
	if (U_FAILURE(e) || n >= MAX_U16)
		return false;
	n = unorm2_normalize(fold, in, n, folded, MAX_U16, &e);
	if (U_FAILURE(e) || n >= MAX_U16)
		return false;
	n = uspoof_getSkeleton(checker, 0, folded, n, sk, 2 * MAX_U16, &e);
	if (U_FAILURE(e) || n >= 2 * MAX_U16)
		return false;
	u_strToUTF8(out, (int32_t)len, &n, sk, n, &e);
	return U_SUCCESS(e) && (size_t)n < len;
}

/* skeleton SK is, or ends with a label sequence equal to, skeleton G */
static bool same_or_parent(const char *sk, const char *g)
{
	size_t ns = strlen(sk), ng = strlen(g);

	if (ns < ng || strcmp(sk + ns - ng, g) != 0)
		return false;
	return ns == ng || sk[ns - ng - 1] == '.';
}

/* a label of skeleton SK equals the skeleton LABEL ("linkedin") */
static bool has_label(const char *sk, const char *label)
{
	size_t n = strlen(label);

	for (const char *p = sk; p; p = strchr(p, '.'), p = p ? p + 1 : NULL)
		if (strncmp(p, label, n) == 0 && (p[n] == '.' || p[n] == '\0'))
			return true;
	return false;
}

/* the skeleton of domain SK imitates the genuine domain G */
static bool imitates(const char *sk, const char *g)
{
	char gs[4 * MAX_DOMAIN], label[MAX_DOMAIN], ls[4 * MAX_DOMAIN];
	size_t n = strcspn(g, ".");

	if (n >= sizeof label || !skeleton(g, gs, sizeof gs))
		return false;
	memcpy(label, g, n);
	label[n] = '\0';
	return same_or_parent(sk, gs) || (skeleton(label, ls, sizeof ls) && has_label(sk, ls));
}

static bool label_imitates(const struct patterns *p, const char *d, size_t len);

bool lookalike_domain(const struct patterns *p, const char *d)
{
	struct pattern_set genuine = patterns_role(p, ROLE_DOMAIN);
	char uni[4 * MAX_DOMAIN], sk[4 * MAX_DOMAIN];

	if (!d || !*d)
		return false;
	if (role_match(p, ROLE_LOOKALIKE, d, strlen(d)))
		return true;
	if (!lookalike_idn(d))
		return label_imitates(p, d, strlen(d));
	if (!lookalike_decode(d, uni, sizeof uni) || !skeleton(uni, sk, sizeof sk))
		return false;
	for (size_t i = 0; i < genuine.n; i++)
		if (imitates(sk, genuine.v[i].text))
			return true;
	return role_match(p, ROLE_LOOKALIKE, sk, strlen(sk));
}

/* ---------------------------------------------------------------- display names */

#define MAX_WORD 16		/* bytes of a folded word compared with a name */

/* the letters a reader takes for one another in a name: case, and l, i, I,
 * 1, | and ! all read as l, 0 as o */
static char fold_char(char c)
{
	c = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	return c == 'i' || c == '1' || c == '|' || c == '!' ? 'l' : c == '0' ? 'o' : c;
}

/* S[0..N) folded into OUT (LEN bytes); false when it does not fit */
static bool fold_word(const char *s, size_t n, char *out, size_t len)
{
	if (n >= len)
		return false;
	for (size_t i = 0; i < n; i++)
		out[i] = fold_char(s[i]);
	out[n] = '\0';
	return true;
}

/* A and B differ by at most one insertion, deletion, substitution or swap
 * of two neighbours */
static bool one_edit(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i = 0;

	if (na < nb)
		return one_edit(b, nb, a, na);
	if (na - nb > 1)
		return false;
	while (i < nb && a[i] == b[i])
		i++;
	if (i == nb)
		return true;
	if (na > nb)
		return strcmp(a + i + 1, b + i) == 0;
	if (strcmp(a + i + 1, b + i + 1) == 0)
		return true;
	return i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp(a + i + 2, b + i + 2) == 0;
}

/* the cheap test every word and label of ordinary mail gets, before any
 * call: a word W of N bytes one edit from the name G of NG has about its
 * length, and one of its first two letters is one of G's first two (A, B
 * folded), whichever edit it is */
#define MAY_IMITATE(w, n, ng, a, b) \
	((n) >= 2 && (n) + 1 >= (ng) && (n) <= (ng) + 1 && \
	 (fold_char((w)[0]) == (a) || fold_char((w)[0]) == (b) || \
	  fold_char((w)[1]) == (a) || fold_char((w)[1]) == (b)))

/* the word W[0..N) of a display name or domain reads like the genuine name
 * G[0..NG) ("linkedin") without being it: a non-ASCII word by its skeleton,
 * only when it could be one */
static bool word_imitates(const char *w, size_t n, const char *g, size_t ng, bool high)
{
	char buf[4 * MAX_WORD], sk[4 * MAX_WORD], f[MAX_WORD], name[MAX_WORD];
	size_t hits = 0, chars = 0;

	if (high) {
		if (n >= sizeof buf)
			return false;
		for (size_t i = 0; i < n; i++) {
			hits += strchr("lLiInNkKeEdD", w[i]) != NULL && w[i];
			chars += ((unsigned char)w[i] & 0xC0) != 0x80;
		}
		/* ICU only for a word of about the name's letters and length */
		if (hits < 3 || chars + 2 < ng || chars > ng + 2)
			return false;
		memcpy(buf, w, n);
		buf[n] = '\0';
		if (!skeleton(buf, sk, sizeof sk))
			return false;
		w = sk;
		n = strlen(sk);
		if (!MAY_IMITATE(w, n, ng, fold_char(g[0]), fold_char(g[1])))
			return false;
	} else if (n == ng && strncasecmp(w, g, n) == 0) {
		return false;	/* the name itself: the display patterns judge it */
	}
	if (!fold_word(w, n, f, sizeof f) || !fold_word(g, ng, name, sizeof name))
		return false;
	return one_edit(f, n, name, ng);
}

/* a label of the ASCII domain D (LEN bytes) is one edit from the genuine
 * name: "liinkedin.com", "linkedim.example" */
static bool label_imitates(const struct patterns *p, const char *d, size_t len)
{
	const char *g = p->name, *end = d + len, *dot;
	size_t ng = p->name_len;
	char a, b;

	if (ng < 2 || (p->name_twice && !memchr(d, p->name_twice, len)))
		return false;	/* (ASCII domains arrive in lower case) */
	a = fold_char(g[0]), b = fold_char(g[1]);
	for (const char *s = d; s < end; s = dot + 1) {
		size_t n;

		dot = memchr(s, '.', (size_t)(end - s));
		dot = dot ? dot : end;
		n = (size_t)(dot - s);
		if (MAY_IMITATE(s, n, ng, a, b) && word_imitates(s, n, g, ng, false))
			return true;
	}
	return false;
}

/* a byte of a display-name word: ASCII letters and digits, the look-alikes
 * of l, and any byte of a UTF-8 sequence */
static bool word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '|' || c == '!';
}

bool lookalike_name(const struct patterns *p, const char *display)
{
	const char *g = p->name, *s = display;
	size_t ng = p->name_len;
	char a, b;

	if (!s || ng < 2)
		return false;
	if (p->name_twice && !strchr(s, p->name_twice) && !strchr(s, p->name_twice - 32) &&
	    !high_byte(s, strlen(s)))
		return false;	/* no word here can be one edit from the name */
	a = fold_char(g[0]), b = fold_char(g[1]);
	while (*s) {
		size_t n = 0;
		bool high = false;

		while (word_byte((unsigned char)s[n]))
			high |= (unsigned char)s[n++] >= 0x80;
		if (n && (high || MAY_IMITATE(s, n, ng, a, b)) && word_imitates(s, n, g, ng, high))
			return true;
		s += n ? n : 1;
	}
	return false;
}
