/* html.c - HTML to plain text: tags removed, entities decoded, block
 * elements as line breaks, script/style/hidden content dropped, link targets
 * collected. A tolerant scanner, not a validator: any bytes are accepted. */
#include "autoconfig.h"
#include "html.h"
#include "entities.h"
#include "buf.h"
#include "strlist.h"
#include "utf8.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct entity {
	const char *name;
	unsigned cp;
};

/* the named entities mail uses most, Latin-1 and common punctuation, at
 * hand; any other complete name goes to entities.c (HTML5's whole list) */
static const struct entity entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xa0 }, { "copy", 0xa9 }, { "reg", 0xae },
	{ "trade", 0x2122 }, { "hellip", 0x2026 }, { "mdash", 0x2014 },
	{ "ndash", 0x2013 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
	{ "ldquo", 0x201c }, { "rdquo", 0x201d }, { "bull", 0x2022 },
	{ "middot", 0xb7 }, { "euro", 0x20ac }, { "laquo", 0xab }, { "raquo", 0xbb },
	{ "iexcl", 0xa1 }, { "iquest", 0xbf }, { "deg", 0xb0 }, { "sect", 0xa7 },
	{ "zwnj", 0x200c }, { "zwj", 0x200d }, { "shy", 0xad }, { "ordf", 0xaa },
	{ "ordm", 0xba }, { "szlig", 0xdf }, { "times", 0xd7 }, { "divide", 0xf7 },
	{ "Agrave", 0xc0 }, { "Aacute", 0xc1 }, { "Acirc", 0xc2 }, { "Atilde", 0xc3 },
	{ "Auml", 0xc4 }, { "Aring", 0xc5 }, { "AElig", 0xc6 }, { "Ccedil", 0xc7 },
	{ "Egrave", 0xc8 }, { "Eacute", 0xc9 }, { "Ecirc", 0xca }, { "Euml", 0xcb },
	{ "Igrave", 0xcc }, { "Iacute", 0xcd }, { "Icirc", 0xce }, { "Iuml", 0xcf },
	{ "ETH", 0xd0 }, { "Ntilde", 0xd1 }, { "Ograve", 0xd2 }, { "Oacute", 0xd3 },
	{ "Ocirc", 0xd4 }, { "Otilde", 0xd5 }, { "Ouml", 0xd6 }, { "Oslash", 0xd8 },
	{ "Ugrave", 0xd9 }, { "Uacute", 0xda }, { "Ucirc", 0xdb }, { "Uuml", 0xdc },
	{ "Yacute", 0xdd }, { "THORN", 0xde }, { "agrave", 0xe0 }, { "aacute", 0xe1 },
	{ "acirc", 0xe2 }, { "atilde", 0xe3 }, { "auml", 0xe4 }, { "aring", 0xe5 },
	{ "aelig", 0xe6 }, { "ccedil", 0xe7 }, { "egrave", 0xe8 }, { "eacute", 0xe9 },
	{ "ecirc", 0xea }, { "euml", 0xeb }, { "igrave", 0xec }, { "iacute", 0xed },
	{ "icirc", 0xee }, { "iuml", 0xef }, { "eth", 0xf0 }, { "ntilde", 0xf1 },
	{ "ograve", 0xf2 }, { "oacute", 0xf3 }, { "ocirc", 0xf4 }, { "otilde", 0xf5 },
	{ "ouml", 0xf6 }, { "oslash", 0xf8 }, { "ugrave", 0xf9 }, { "uacute", 0xfa },
	{ "ucirc", 0xfb }, { "uuml", 0xfc }, { "yacute", 0xfd }, { "thorn", 0xfe },
	{ "yuml", 0xff }, { "OElig", 0x152 }, { "oelig", 0x153 }, { "Scaron", 0x160 },
	{ "scaron", 0x161 }, { "Yuml", 0x178 },
};

size_t decode_entity(const char *s, size_t len, char *out, size_t *outlen)
{
	size_t i = 1, start;
	unsigned long cp = 0;

	if (len < 3 || s[0] != '&')
		return 0;
	if (s[1] == '#') {
		bool hex = len > 2 && (s[2] == 'x' || s[2] == 'X');

		i = hex ? 3 : 2;
		start = i;
		while (i < len && i < start + 8 &&
		       (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i])))
			cp = cp * (hex ? 16 : 10) +
			     (unsigned long)(isdigit((unsigned char)s[i]) ? s[i] - '0' :
					     (tolower((unsigned char)s[i]) - 'a' + 10)), i++;
		if (i == start)
			return 0;
		*outlen = utf8_put(cp, out);
		return i < len && s[i] == ';' ? i + 1 : i;
	}
	for (start = 1; i < len && i <= ENTITY_NAME_MAX && isalnum((unsigned char)s[i]); i++)
		;
	for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++)
		if (strlen(entities[k].name) == i - start &&
		    strncmp(entities[k].name, s + start, i - start) == 0) {
			*outlen = utf8_put(entities[k].cp, out);
			return i < len && s[i] == ';' ? i + 1 : i;
		}
	/* the rest of HTML5's names, written whole with their ";" */
	if (i < len && s[i] == ';' && (*outlen = entity_named(s + start, i - start, out)) != 0)
		return i + 1;
	return 0;
}

size_t text_entities(char *s, size_t len)
{
	size_t r = 0, w = 0, used, n;
	char u[ENTITY_MAX];

	while (r < len) {
		/* only a complete entity, ";" included: "R&D" and "&copy 2015" stay.
		 * In place: the few references longer in UTF-8 than written
		 * ("&nGt;", two code points) stay as they are */
		if (s[r] == '&' && (used = decode_entity(s + r, len - r, u, &n)) >= 4 &&
		    s[r + used - 1] == ';' && n <= used) {
			memcpy(s + w, u, n);
			w += n, r += used;
			continue;
		}
		s[w++] = s[r++];
	}
	s[w] = '\0';
	return w;
}

/* ---------------------------------------------------------------- tags */

struct tag {
	char name[16];
	bool closing;
	const char *attrs;	/* inside the tag, after the name */
	size_t attrs_len;
};

/* parse the tag at S (S[0] == '<'); returns its length, 0 if not a tag */
static size_t parse_tag(const char *s, size_t len, struct tag *t)
{
	size_t i = 1, n = 0;
	char quote = 0;

	memset(t, 0, sizeof *t);
	if (i < len && s[i] == '/') {
		t->closing = true;
		i++;
	}
	if (i >= len || !(isalpha((unsigned char)s[i]) || s[i] == '!' || s[i] == '?'))
		return 0;
	while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '!' || s[i] == '?' ||
			   s[i] == '-')) {
		if (n < sizeof t->name - 1)
			t->name[n++] = (char)tolower((unsigned char)s[i]);
		i++;
	}
	t->attrs = s + i;
	for (; i < len; i++) {
		if (quote) {
			quote = s[i] == quote ? 0 : quote;
			continue;
		}
		if (s[i] == '"' || s[i] == '\'')
			quote = s[i];
		else if (s[i] == '>')
			break;
	}
	t->attrs_len = (size_t)(s + i - t->attrs);
	return i < len ? i + 1 : len;
}

/* the value of attribute NAME in T, entity-decoded into OUT: attributes
 * are read as name [= value], values (quoted or not) skipped whole */
static bool tag_attr(const struct tag *t, const char *name, struct buf *out)
{
	const char *a = t->attrs, *end = t->attrs + t->attrs_len;
	size_t nl = strlen(name);

	buf_reset(out);
	while (a < end) {
		const char *n, *v, *vend;
		char q = 0;

		while (a < end && (isspace((unsigned char)*a) || *a == '/'))
			a++;
		for (n = a; a < end && !isspace((unsigned char)*a) && *a != '=' && *a != '/'; a++)
			;
		while (a < end && isspace((unsigned char)*a))
			a++;
		if (a >= end || *a != '=')
			continue;	/* an attribute without a value */
		for (a++; a < end && isspace((unsigned char)*a); a++)
			;
		if (a < end && (*a == '"' || *a == '\''))
			q = *a++;
		for (v = a; a < end && (q ? *a != q : !isspace((unsigned char)*a)); a++)
			;
		vend = a;
		if (q && a < end)
			a++;
		if ((size_t)(vend - n) < nl || (size_t)(v - n) < nl ||
		    strncasecmp(n, name, nl) != 0 ||
		    (n[nl] != '=' && !isspace((unsigned char)n[nl])))
			continue;
		while (v < vend) {
			const char *amp = memchr(v, '&', (size_t)(vend - v));
			char u[ENTITY_MAX];
			size_t ul, used;

			if (!amp) {
				buf_append(out, v, (size_t)(vend - v));
				break;
			}
			buf_append(out, v, (size_t)(amp - v));
			v = amp;
			used = decode_entity(v, (size_t)(vend - v), u, &ul);
			if (used) {
				buf_append(out, u, ul);
				v += used;
			} else {
				buf_putc(out, *v++);
			}
		}
		return true;
	}
	return false;
}

static bool name_in(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return true;
	return false;
}

static const char *const block_tags[] = {
	"br", "p", "div", "tr", "table", "li", "ul", "ol", "h1", "h2", "h3", "h4",
	"h5", "h6", "blockquote", "hr", "center", "title", "dd", "dt", NULL
};
static const char *const skip_tags[] = { "script", "style", "head", NULL };

static bool hidden(const struct tag *t, struct buf *tmp)
{
	if (!tag_attr(t, "style", tmp) || !tmp->data)
		return false;
	for (char *p = tmp->data; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	/* preheaders and other text a reader never sees */
	return strstr(tmp->data, "display:none") || strstr(tmp->data, "display: none") ||
	       strstr(tmp->data, "visibility:hidden") || strstr(tmp->data, "mso-hide:all");
}

/* a link is kept cut to MAX_LINK_LEN (its host is at the start); past
 * MAX_LINKS an empty entry marks that some were not kept */
static int add_link(struct strlist *links, struct buf *url)
{
	if (buf_failed(url))
		return -1;	/* out of memory: the link read only in part */
	if (!links || !url->data || !url->len)
		return 0;
	if (links->n > MAX_LINKS)
		return 0;
	if (links->n == MAX_LINKS)
		return strlist_add(links, "");
	if (url->len > MAX_LINK_LEN)
		url->data[MAX_LINK_LEN] = '\0';
	return strlist_add(links, url->data);
}

struct state {
	char skip_name[16];	/* inside this element: drop text */
	int skip_depth;
};

/* handle one tag for the text conversion; TEXT may be NULL (links only) */
static int on_tag(struct state *st, const struct tag *t, struct buf *text,
		  struct strlist *links, struct buf *tmp)
{
	if (st->skip_depth) {
		if (strcmp(t->name, st->skip_name) == 0)
			st->skip_depth += t->closing ? -1 : 1;
		return 0;
	}
	if (!t->closing && (name_in(t->name, skip_tags) || (text && hidden(t, tmp)))) {
		if (strcmp(t->name, "br") && strcmp(t->name, "img") && strcmp(t->name, "meta")) {
			memcpy(st->skip_name, t->name, sizeof st->skip_name);
			st->skip_depth = 1;
		}
		return 0;
	}
	if (!t->closing && strcmp(t->name, "a") == 0 && tag_attr(t, "href", tmp))
		if (add_link(links, tmp) < 0)
			return -1;
	if (text && name_in(t->name, block_tags) &&
	    (!t->closing || strcmp(t->name, "br") != 0))
		return buf_putc(text, '\n');
	if (text && (strcmp(t->name, "td") == 0 || strcmp(t->name, "th") == 0) && t->closing)
		return buf_putc(text, ' ');
	return 0;
}

/* skip a comment "<!-- ... -->" at S; its length, 0 if none */
static size_t comment_len(const char *s, size_t len)
{
	const char *end;

	if (len < 4 || strncmp(s, "<!--", 4) != 0)
		return 0;
	for (end = s + 4; end + 2 < s + len; end++)
		if (end[0] == '-' && end[1] == '-' && end[2] == '>')
			return (size_t)(end + 3 - s);
	return len;
}

static int convert(const char *html, size_t len, struct buf *text,
		   struct strlist *links)
{
	struct state st = { { 0 }, 0 };
	struct buf tmp;
	size_t i = 0;
	int rc = 0;

	buf_init(&tmp, MAX_LINK_LEN + 1);
	while (i < len && rc == 0) {
		struct tag t;
		size_t n;

		if (html[i] == '<') {
			if ((n = comment_len(html + i, len - i)) != 0) {
				i += n;
				continue;
			}
			if ((n = parse_tag(html + i, len - i, &t)) != 0) {
				rc = on_tag(&st, &t, text, links, &tmp);
				i += n;
				continue;
			}
		}
		if (!text || st.skip_depth) {	/* no text wanted: on to the next tag */
			const char *lt = memchr(html + i + 1, '<', len - i - 1);

			i = lt ? (size_t)(lt - html) : len;
			continue;
		}
		if (html[i] == '&') {
			char u[ENTITY_MAX];
			size_t ul;

			if ((n = decode_entity(html + i, len - i, u, &ul)) != 0) {
				rc = buf_append(text, u, ul);
				i += n;
				continue;
			}
		}
		/* newlines in HTML source are spaces */
		rc = buf_putc(text, html[i] == '\n' || html[i] == '\r' ? ' ' : html[i]);
		i++;
	}
	buf_free(&tmp);
	return rc;
}

/* tidy the converted text from FROM on: lines trimmed, spaces collapsed,
 * no more than one blank line in a row, none at the start */
static void tidy(struct buf *b, size_t from)
{
	char *r = b->data + from, *w = r;
	int newlines = 2;	/* as if after a blank line: drop leading ones */
	bool space = false;

	for (; *r; r++) {
		if (*r == '\n') {
			if (newlines < 2)
				*w++ = '\n';
			newlines++;
			space = false;
			continue;
		}
		if (*r == ' ' || *r == '\t' || *r == '\r' ||
		    ((unsigned char)r[0] == 0xc2 && (unsigned char)r[1] == 0xa0)) {
			if ((unsigned char)r[0] == 0xc2)
				r++;
			space = newlines == 0;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		newlines = 0;
		*w++ = *r;
	}
	while (w > b->data + from && w[-1] == '\n')
		w--;
	*w = '\0';
	b->len = (size_t)(w - b->data);
}

int html_to_text(const char *html, size_t len, struct buf *text,
		 struct strlist *links)
{
	size_t from = text ? text->len : 0;
	int rc = convert(html, len, text, links);

	if (rc == 0 && text && text->data)
		tidy(text, from);
	return rc;
}

int html_links(const char *html, size_t len, struct strlist *links)
{
	return convert(html, len, NULL, links);
}

int text_links(const char *text, size_t len, struct strlist *links)
{
	const char *p = text, *end = text + len;
	struct buf url;
	int rc = 0;

	buf_init(&url, MAX_LINK_LEN + 1);
	while (p < end && rc == 0 && links->n <= MAX_LINKS) {
		const char *h = memchr(p, 'h', (size_t)(end - p)), *e;

		if (!h)
			break;
		if (!((size_t)(end - h) > 8 && (strncasecmp(h, "http://", 7) == 0 ||
						strncasecmp(h, "https://", 8) == 0))) {
			p = h + 1;
			continue;
		}
		for (e = h; e < end && !isspace((unsigned char)*e) && *e != '<' &&
			    *e != '>' && *e != '"' && *e != '\'' && *e != ')'; e++)
			;
		buf_reset(&url);
		buf_append(&url, h, (size_t)(e - h));
		rc = add_link(links, &url);
		p = e;
	}
	buf_free(&url);
	return rc;
}
