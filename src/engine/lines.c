/* lines.c - the inviter's part of the decoded text as classified lines: what
 * cannot move in LinkedIn's layouts (labels, links, rules, sentences that
 * name the inviter, claims, mutual counts) is marked, so that the fields can
 * be read around it whatever the blank lines, order and wrapping */
#include "autoconfig.h"
#include "lines.h"

#include <ctype.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#define LABEL_MAX 40		/* bytes of a label line */

size_t blank_len(const unsigned char *s, size_t left)
{
	if (left >= 1 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\f' || *s == '\v'))
		return 1;
	if (left >= 2 && s[0] == 0xc2 && s[1] == 0xa0)		/* no-break space */
		return 2;
	if (left < 3)
		return 0;
	if (s[0] == 0xe2 && s[1] == 0x80 &&			/* U+2000..200B, 202F */
	    ((s[2] >= 0x80 && s[2] <= 0x8b) || s[2] == 0xaf))
		return 3;
	if (s[0] == 0xe2 && s[1] == 0x81 && (s[2] == 0x9f || s[2] == 0xa0))
		return 3;					/* U+205F, word joiner */
	if ((s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80) ||	/* ideographic space */
	    (s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf))	/* BOM */
		return 3;
	return 0;
}

/* the blank character that ends S[0..LEN), in bytes, or 0 */
static size_t blank_before(const unsigned char *s, size_t len)
{
	for (size_t k = 1; k <= 3 && k <= len; k++)
		if (blank_len(s + len - k, k) == k)
			return k;
	return 0;
}

static void trim(const char **s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = *len, k;

	while (n && (k = blank_len(p, n)) > 0)
		p += k, n -= k;
	while (n && (k = blank_before(p, n)) > 0)
		n -= k;
	*s = (const char *)p;
	*len = n;
}

static bool is_rule(const char *s, size_t len)
{
	if (len < 3)
		return false;
	for (size_t i = 0; i < len; i++)
		if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80 || s[i] == ' ')
			return false;
	return true;
}

static bool is_url(const char *s, size_t len)
{
	if (len && *s == '<' && s[len - 1] == '>')
		s++, len -= 2;
	if (!(len > 7 && strncmp(s, "http://", 7) == 0) &&
	    !(len > 8 && strncmp(s, "https://", 8) == 0) &&
	    !(len > 4 && strncmp(s, "www.", 4) == 0))
		return false;
	return memchr(s, ' ', len) == NULL;
}

/* the roles a line is classified by, in order: the first that matches */
static const struct {
	enum role role;
	enum line_class cls;
} line_roles[] = {
	{ ROLE_LABEL, LINE_LABEL }, { ROLE_NAME_BODY, LINE_NAME_BODY },
	{ ROLE_BOILERPLATE, LINE_BOILERPLATE }, { ROLE_CLAIM, LINE_CLAIM },
	{ ROLE_MUTUAL, LINE_MUTUAL },
};

/* the class of S[0..LEN); the roles are asked only when ROLES */
static enum line_class classify(const struct patterns *p, const char *s, size_t len,
				bool roles)
{
	if (!len)
		return LINE_BLANK;
	if (is_rule(s, len))
		return LINE_RULE;
	if (is_url(s, len))
		return LINE_URL;
	if (!roles)
		return LINE_TEXT;
	for (size_t i = 0; i < sizeof line_roles / sizeof line_roles[0]; i++)
		if (role_match(p, line_roles[i].role, s, len))
			return line_roles[i].cls;
	return LINE_TEXT;
}

/* roles whose sentences are long enough to be wrapped by a client */
static const struct {
	enum role role;
	enum line_class cls;
} wrapped_roles[] = {
	{ ROLE_NAME_BODY, LINE_NAME_BODY }, { ROLE_CLAIM, LINE_CLAIM },
};

/* lines I and I+1 joined with a space, if that is a sentence of a role */
static void join_wrapped(struct lines *l, const struct patterns *p, size_t i)
{
	struct line *a = &l->v[i], *b = &l->v[i + 1];
	size_t need = a->len + 1 + b->len;
	char *out = l->joined + l->joined_len;

	if (need > sizeof l->joined - l->joined_len)
		return;
	memcpy(out, a->s, a->len);
	out[a->len] = ' ';
	memcpy(out + a->len + 1, b->s, b->len);
	for (size_t k = 0; k < sizeof wrapped_roles / sizeof wrapped_roles[0]; k++)
		if (role_match(p, wrapped_roles[k].role, out, need)) {
			a->s = out;
			a->len = need;
			a->cls = b->cls = wrapped_roles[k].cls;
			l->joined_len += need;
			return;
		}
}

void lines_read(struct lines *l, const struct patterns *p, const char *text, size_t len)
{
	const char *end = text + len, *s = text;
	bool seen_label = false;

	l->n = 0;
	l->first_label = 0;
	l->joined_len = 0;
	while (s && s < end && l->n < MAX_LINES) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		struct line *ln = &l->v[l->n++];

		ln->s = s;
		ln->len = (size_t)((nl ? nl : end) - s);
		trim(&ln->s, &ln->len);
		/* past the first label only quoted notes are read: no roles */
		ln->cls = classify(p, ln->s, ln->len, !seen_label);
		seen_label |= ln->cls == LINE_LABEL;
		s = nl ? nl + 1 : NULL;
	}
	for (size_t i = 0; i + 1 < l->n; i++) {
		enum line_class c = l->v[i].cls;

		if ((c != LINE_TEXT && c != LINE_NAME_BODY && c != LINE_CLAIM) ||
		    !lines_continue(l, i))
			continue;
		join_wrapped(l, p, i);
		/* the rest of a sentence that was wrapped more than once */
		if (l->v[i + 1].cls == LINE_TEXT && c != LINE_TEXT)
			l->v[i + 1].cls = c;
	}
	/* a short "Label:" with its link on the next line (a client wrapped it);
	 * a sentence of a note that ends in a colon before a link is no label */
	for (size_t i = 0; i < l->n; i++) {
		size_t next = lines_next(l, i + 1);

		if (l->v[i].cls == LINE_TEXT && l->v[i].len && l->v[i].len <= LABEL_MAX &&
		    l->v[i].s[l->v[i].len - 1] == ':' && !memchr(l->v[i].s, '.', l->v[i].len) &&
		    next < l->n && l->v[next].cls == LINE_URL)
			l->v[i].cls = LINE_LABEL;
	}
	while (l->first_label < l->n && l->v[l->first_label].cls != LINE_LABEL)
		l->first_label++;
}

bool lines_continue(const struct lines *l, size_t i)
{
	const struct line *a = &l->v[i], *b = &l->v[i + 1];

	return i + 1 < l->n && a->len >= WRAPPED_MIN && !strchr(".:!?", a->s[a->len - 1]) &&
	       b->cls == LINE_TEXT && b->len && !strchr(",!", b->s[b->len - 1]);
}

size_t lines_next(const struct lines *l, size_t i)
{
	while (i < l->n && l->v[i].cls == LINE_BLANK)
		i++;
	return i;
}

/* the bytes of a format character (Unicode category Cf: bidi isolates and
 * marks, zero-width characters, soft hyphen, tags) at S, or 0: removed from
 * every field alike, never a space */
static size_t format_len(const unsigned char *s, size_t left)
{
	int32_t i = 0, n = left > 4 ? 4 : (int32_t)left;
	UChar32 cp;

	if (*s < 0xc2)
		return 0;
	U8_NEXT(s, i, n, cp);
	return cp >= 0 && u_charType(cp) == U_FORMAT_CHAR ? (size_t)i : 0;
}

void text_collapse(char *s)
{
	unsigned char *r = (unsigned char *)s, *w = r;
	size_t left = strlen(s), k;
	bool pending = false;

	while (left) {
		if ((k = format_len(r, left)) > 0) {
			r += k, left -= k;
			continue;
		}
		k = *r == '\n' ? 1 : blank_len(r, left);
		if (k) {
			pending |= w != (unsigned char *)s;
			r += k, left -= k;
			continue;
		}
		if (pending)
			*w++ = ' ';
		pending = false;
		*w++ = *r++;
		left--;
	}
	*w = '\0';
}
