/* gateway.c - what mail gateways and lists add to a message on its way, taken
 * off before the message is read: tags before the subject and the display
 * name ("[EXT]", a list's "[Acme Comms]"), warning banners at the top or the
 * bottom of the text, and rewritten links (Safe Links, URL Defense, ...),
 * which are given back their original target. How each vendor does it is
 * data (the roles tag, tag.list, banner and rewriter of patterns.conf). */
#include "autoconfig.h"
#include "gateway.h"

#include <ctype.h>
#include <libetpan/libetpan.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "str.h"

#define MAX_TAGS 3		/* "[EXT] [EXTERNAL] Re: ..." at most */
#define MAX_BANNERS 3		/* banners taken off each end */
#define MAX_BANNER_LINES 8	/* one banner is never longer */
#define MAX_BANNER_BYTES 2048

/* ---------------------------------------------------------------- tags */

/* S may start with a tag: the shapes of patterns.conf's tags are a bracket,
 * a star, or a word of EXT/EST ("EXTERNAL:", "ESTERNO:"); a tag of another
 * shape needs its start here too. Most subjects and names stop here. */
static bool may_be_tagged(const char *s, enum role r)
{
	s += strspn(s, " \t");
	if (*s == '[' || *s == '(' || *s == '*')
		return true;
	return r == ROLE_TAG && (s[0] | 0x20) == 'e' && ((s[1] | 0x20) == 'x' || (s[1] | 0x20) == 's') &&
	       (s[2] | 0x20) == 't';
}

/* take the tags of role R off the start of S, in place */
static void untag(const struct engine_settings *c, enum role r, char *s)
{
	struct pattern_set set = patterns_role(&c->patterns, r);
	struct match m;
	size_t n, cut = 0;

	if (!s || !set.n || !may_be_tagged(s, r))
		return;
	n = strlen(s);
	for (int i = 0; i < MAX_TAGS && set_match(set, s + cut, n - cut, &m); i++) {
		size_t end = match_end(&m);

		if (end == 0)
			break;
		cut += end;
		cut += strspn(s + cut, " \t");
	}
	if (cut && cut < n)	/* never the whole value */
		memmove(s, s + cut, n - cut + 1);
}

void gateway_untag(const struct engine_settings *c, struct headers *h)
{
	untag(c, ROLE_TAG, h->subject);
	untag(c, ROLE_TAG, h->from.display);
	if (h->v[H_LIST_ID])
		untag(c, ROLE_LIST_TAG, h->subject);
}

/* ---------------------------------------------------------------- banners */

/* FLAT gets the text [P, END) with its whitespace collapsed; false when
 * it is longer than a banner can be */
static bool flatten(const char *p, const char *end, char *flat, size_t *n)
{
	bool space = false;

	*n = 0;
	for (; p < end; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = *n > 0;
			continue;
		}
		if (*n + 2 >= MAX_BANNER_BYTES)
			return false;
		if (space)
			flat[(*n)++] = ' ';
		space = false;
		flat[(*n)++] = *p;
	}
	return true;
}

static bool is_banner(const struct engine_settings *c, const char *p, const char *end)
{
	char flat[MAX_BANNER_BYTES];
	size_t n;

	return flatten(p, end, flat, &n) && n &&
	       role_match(&c->patterns, ROLE_BANNER, flat, n);
}

static const char *next_line(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl ? nl + 1 : end;
}

/* the line that ends at E (exclusive of its newline) ends a sentence */
static bool sentence_end(const char *s, const char *e)
{
	while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return e == s || strchr(".!?)]", e[-1]) != NULL;
}

/* the end of a banner at the top of [P, END): the fewest lines that read
 * as one, to the end of their sentence; NULL when there is none. Blank
 * lines do not matter: a gateway's banner may be glued to the text. */
static const char *banner_top(const struct engine_settings *c, const char *p, const char *end)
{
	const char *e = p;

	p += strspn(p, " \t\r\n");
	for (int k = 0; k < MAX_BANNER_LINES && e < end; k++) {
		e = next_line(e > p ? e : p, end);
		if (!is_banner(c, p, e))
			continue;
		while (!sentence_end(p, e) && e < end && k++ < MAX_BANNER_LINES &&
		       *e != '\n' && *e != '\r')
			e = next_line(e, end);
		return e;
	}
	return NULL;
}

/* the start of a banner at the bottom of [TEXT, END), or NULL */
static const char *banner_bottom(const struct engine_settings *c, const char *text, const char *end)
{
	const char *s = end;

	while (s > text && strchr(" \t\r\n", s[-1]))
		s--;
	for (int k = 0; k < MAX_BANNER_LINES && s > text; k++) {
		s--;	/* to the start of the line before */
		while (s > text && s[-1] != '\n')
			s--;
		if (is_banner(c, s, end))
			return s;
	}
	return NULL;
}

size_t gateway_unbanner(const struct engine_settings *c, char *text, size_t len)
{
	const char *end = text + len, *p = text, *e;

	if (!patterns_role(&c->patterns, ROLE_BANNER).n)
		return len;
	for (int i = 0; i < MAX_BANNERS && (e = banner_top(c, p, end)) != NULL; i++)
		p = e;
	if (p != text) {
		len = (size_t)(end - p);
		memmove(text, p, len);
		text[len] = '\0';
		end = text + len;
	}
	for (int i = 0; i < MAX_BANNERS && (e = banner_bottom(c, text, end)) != NULL; i++)
		end = e;
	len = (size_t)(end - text);
	text[len] = '\0';
	return len;
}

/* ---------------------------------------------------------------- links */

static int hexval(int ch)
{
	return isdigit(ch) ? ch - '0' : isxdigit(ch) ? (tolower(ch) - 'a' + 10) : -1;
}

/* %XX decoded (and, for Proofpoint v2, -XX and _ for /) into OUT */
static void pct_decode(struct buf *out, const char *s, size_t n, char esc, bool underscore)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == esc && i + 2 < n && hexval((unsigned char)s[i + 1]) >= 0 &&
		    hexval((unsigned char)s[i + 2]) >= 0) {
			buf_putc(out, (char)(hexval((unsigned char)s[i + 1]) * 16 +
					     hexval((unsigned char)s[i + 2])));
			i += 2;
		} else if (underscore && s[i] == '_') {
			buf_putc(out, '/');
		} else {
			buf_putc(out, s[i]);
		}
	}
}

/* base64 (standard or URL-safe, maybe percent-encoded) decoded into OUT */
static int b64_decode(struct buf *out, const char *s, size_t n)
{
	struct buf tmp;
	size_t idx = 0, rlen = 0;
	char *res = NULL;
	int rc = -1;

	buf_init(&tmp, MAX_LINK_BYTES);
	pct_decode(&tmp, s, n, '%', false);
	for (size_t i = 0; tmp.data && i < tmp.len; i++)
		tmp.data[i] = tmp.data[i] == '-' ? '+' : tmp.data[i] == '_' ? '/' : tmp.data[i];
	if (tmp.data && !tmp.truncated &&
	    mailmime_base64_body_parse(tmp.data, tmp.len, &idx, &res, &rlen) == MAILIMF_NO_ERROR) {
		buf_append(out, res, rlen);
		mailmime_decoded_part_free(res);
		rc = 0;
	}
	buf_free(&tmp);
	return rc;
}

/* Proofpoint v3: each '*' of the URL stands for the next character of the
 * base64url list X ("**" runs are not recovered: the link stays unknown) */
static int pp3_decode(struct buf *out, const char *u, size_t n, const char *x, size_t xn)
{
	struct buf chars;
	size_t k = 0;
	int rc = 0;

	buf_init(&chars, 1024);
	if (xn && b64_decode(&chars, x, xn) < 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (u[i] != '*') {
			buf_putc(out, u[i]);
			continue;
		}
		if (i + 1 < n && u[i + 1] == '*')
			rc = -1;
		else if (chars.data && k < chars.len) {
			size_t w = 1;	/* one UTF-8 character */

			while (k + w < chars.len && ((unsigned char)chars.data[k + w] & 0xC0) == 0x80)
				w++;
			buf_append(out, chars.data + k, w);
			k += w;
		} else
			rc = -1;
	}
	buf_free(&chars);
	return rc;
}

/* no control character (a decoded CR, LF or NUL would make lines or cut
 * strings in the text): a link that decodes to one is not recovered */
static bool printable(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

/* one rewriter's link unwrapped into OUT: 1 done, 0 cannot be, -1 not one */
static int unwrap_once(const struct engine_settings *c, const char *u, struct buf *out)
{
	struct match m;
	const char *g, *x;
	size_t gl, xl = 0;

	if (!set_match(patterns_role(&c->patterns, ROLE_REWRITER), u, strlen(u), &m))
		return -1;
	if ((g = match_group(&m, "url", &gl)) != NULL)
		pct_decode(out, g, gl, '%', false);
	else if ((g = match_group(&m, "pp2", &gl)) != NULL)
		pct_decode(out, g, gl, '-', true);
	else if ((g = match_group(&m, "pp3", &gl)) != NULL) {
		x = match_group(&m, "pp3x", &xl);
		if (pp3_decode(out, g, gl, x ? x : "", x ? xl : 0) < 0)
			return 0;
	} else if ((g = match_group(&m, "b64", &gl)) != NULL) {
		if (b64_decode(out, g, gl) < 0)
			return 0;
	} else
		return 0;	/* the target is hidden (Mimecast) */
	return out->data && !out->truncated && out->len && printable(out->data, out->len) ? 1 : 0;
}

/* the original of link U, or NULL: neutral (cannot be unwrapped); *SAME
 * when U is no rewriter's */
static char *unwrap(const struct engine_settings *c, const char *u, bool *same)
{
	char *cur = (char *)u;

	*same = false;
	for (int depth = 0; depth <= MAX_REWRITERS; depth++) {
		struct buf out;
		int rc;

		buf_init(&out, MAX_LINK_BYTES);
		rc = unwrap_once(c, cur, &out);
		if (rc < 0) {	/* no rewriter's: this is the original */
			buf_free(&out);
			*same = cur == u;
			return cur == u ? NULL : cur;
		}
		if (cur != u)
			free(cur);
		cur = rc == 1 && depth < MAX_REWRITERS ? buf_steal(&out) : NULL;
		buf_free(&out);
		if (!cur)
			return NULL;
	}
	return NULL;
}

int gateway_unwrap_links(const struct engine_settings *c, struct strlist *links)
{
	size_t w = 0;

	if (!patterns_role(&c->patterns, ROLE_REWRITER).n)
		return 0;
	for (size_t i = 0; i < links->n; i++) {
		bool same;
		char *orig = *links->v[i] ? unwrap(c, links->v[i], &same) : NULL;

		if (!*links->v[i] || same) {
			links->v[w++] = links->v[i];
			continue;
		}
		free(links->v[i]);
		if (orig)	/* else neutral: neither LinkedIn's nor foreign */
			links->v[w++] = orig;
	}
	links->n = w;
	return 0;
}

/* the end of the link that starts at H (as text_links() reads it) */
static const char *link_end(const char *h, const char *end)
{
	while (h < end && !isspace((unsigned char)*h) && !strchr("<>\"')", *h))
		h++;
	return h;
}

/* one link of the text, at [H, E), written to OUT as its original */
static void put_link(const struct engine_settings *c, struct buf *out,
		     const char *h, const char *e)
{
	char u[MAX_LINK_BYTES];
	bool same = true;
	char *orig = NULL;

	if ((size_t)(e - h) < sizeof u) {
		memcpy(u, h, (size_t)(e - h));
		u[e - h] = '\0';
		orig = unwrap(c, u, &same);
	}
	if (orig)
		buf_puts(out, orig);
	else	/* no rewriter's, or its target hidden: as it was */
		buf_append(out, h, (size_t)(e - h));
	free(orig);
}

int gateway_unwrap_text(const struct engine_settings *c, char **text, size_t *len)
{
	const char *p = *text, *end = *text + *len;
	struct buf out;

	if (!*text || !patterns_role(&c->patterns, ROLE_REWRITER).n)
		return 0;
	buf_init(&out, *len + 1);
	while (p < end) {
		const char *h = memchr(p, 'h', (size_t)(end - p)), *e;

		if (!h) {
			buf_append(&out, p, (size_t)(end - p));
			break;
		}
		buf_append(&out, p, (size_t)(h - p));
		if (!((size_t)(end - h) > 8 && (strncasecmp(h, "http://", 7) == 0 ||
						strncasecmp(h, "https://", 8) == 0))) {
			buf_putc(&out, 'h');
			p = h + 1;
			continue;
		}
		e = link_end(h, end);
		put_link(c, &out, h, e);
		p = e;
	}
	if (buf_failed(&out) || out.truncated || !out.data) {
		int rc = buf_failed(&out) ? -1 : 0;	/* the text as it was */

		buf_free(&out);
		return rc;
	}
	free(*text);
	*len = out.len;
	*text = buf_steal(&out);
	return 0;
}
