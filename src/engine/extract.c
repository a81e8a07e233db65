/* extract.c - the fields of an invitation, each read by what cannot move:
 * the inviter's name from the headers (From, subject) or a sentence that
 * names them, found again alone on a line of the body; the headline as the
 * next line that is no location, count, label, link or quote; the note
 * wherever it stands (note.c); claims and counts on lines of their own;
 * the profile by its link's shape. The wording lives in patterns.conf. */
#include "autoconfig.h"
#include "extract.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lines.h"
#include "namekey.h"
#include "note.h"
#include "utf8.h"
#include "buf.h"
#include "str.h"

/* a cleaned copy of S[0..LEN): blanks collapsed, bounded, never empty */
static char *field_copy(const char *s, size_t len, size_t max)
{
	char *out = str_ndup(s, len > max * 2 ? max * 2 : len);

	if (!out)
		return NULL;
	text_collapse(out);
	utf8_truncate(out, max);
	if (!*out) {
		free(out);
		return NULL;
	}
	return out;
}

/* group NAME of the first pattern of role R matching S, copied */
static char *role_group(const struct engine_settings *c, enum role r, const char *s, size_t len,
			const char *name)
{
	struct match m;
	const char *g;
	size_t gl;

	if (!s || !len || !set_match(patterns_role(&c->patterns, r), s, len, &m) ||
	    !(g = match_group(&m, name, &gl)))
		return NULL;
	return field_copy(g, gl, MAX_FIELD);
}

/* the part of the text before the first cut marker (the inviter's part) */
static size_t inviter_part(const struct engine_settings *c, const struct message *msg)
{
	long cut = msg->text_len ?
		role_first(&c->patterns, ROLE_CUT, msg->text, msg->text_len, NULL) : -1;

	return cut < 0 ? msg->text_len : (size_t)cut;
}

char *canonical_profile(const struct engine_settings *c, const char *url, size_t len)
{
	struct pattern_set set = patterns_role(&c->patterns, ROLE_PROFILE_URL);
	const char *g[4];
	size_t gl[4];
	static const char *const names[4] = { "scheme", "host", "path", "query" };
	struct match m;
	struct buf out;

	if (!set_match(set, url, len, &m))
		return NULL;
	for (int i = 0; i < 4; i++)
		if (!(g[i] = match_group(&m, names[i], &gl[i])))
			gl[i] = 0;
	if (!gl[1] || !gl[2])
		return NULL;
	buf_init(&out, MAX_FIELD);
	buf_append(&out, gl[0] ? g[0] : "https", gl[0] ? gl[0] : 5);
	buf_puts(&out, "://");
	for (size_t i = 0; i < gl[1]; i++)
		buf_putc(&out, (char)tolower((unsigned char)g[1][i]));
	buf_putc(&out, '/');
	buf_append(&out, g[2], gl[2]);
	while (out.len && out.data[out.len - 1] == '/')
		out.data[--out.len] = '\0';
	if (gl[3]) {
		buf_putc(&out, '?');
		buf_append(&out, g[3], gl[3]);
	}
	return buf_steal(&out);
}

/* the name from the headers: the From name, else the subject */
static void name_from_headers(const struct engine_settings *c, const struct headers *h,
			      struct invitation *inv)
{
	const char *display = h->from.display;

	inv->name = role_group(c, ROLE_NAME_FROM, display, display ? strlen(display) : 0,
			       "name");
	if (!inv->name)
		inv->name = role_group(c, ROLE_NAME_SUBJECT, h->subject, strlen(h->subject),
				       "name");
}

/* a sentence naming the inviter ("X requested to add you ..."): the name when
 * the headers had none, and the inviter's address where the format gives it */
static void name_from_body(const struct engine_settings *c, const struct lines *l,
			   struct invitation *inv)
{
	for (size_t i = 0; i < l->n; i++) {
		/* a guest invitation names the inviter on its link's label line
		 * ("Confirm that you know <name>: <link>") */
		if (l->v[i].cls != LINE_NAME_BODY && l->v[i].cls != LINE_LABEL)
			continue;
		if (!inv->name)
			inv->name = role_group(c, ROLE_NAME_BODY, l->v[i].s, l->v[i].len, "name");
		if (!inv->email)
			inv->email = role_group(c, ROLE_NAME_BODY, l->v[i].s, l->v[i].len, "email");
		if (inv->name)
			return;
	}
}

/* the key of the first WORDS words of LN */
static size_t words_key(const struct line *ln, size_t words, char key[NAME_KEY_MAX],
			bool *more)
{
	size_t i = 0, seen = 0;

	while (i < ln->len && seen < words) {
		while (i < ln->len && ln->s[i] == ' ')
			i++;
		seen += i < ln->len;
		while (i < ln->len && ln->s[i] != ' ')
			i++;
	}
	*more = i < ln->len;
	return seen == words ? name_key(ln->s, i, key) : 0;
}

/* text lines before line END (and the first label) that start with the
 * inviter's name (ANYWHERE: that name it anywhere) and go on are sentences
 * about the inviter in wording no pattern knows ("X souhaite faire partie
 * de votre réseau", "This is a reminder that on June 2, X sent you"): they
 * are no note */
static void mark_name_sentences(struct lines *l, const char *name, size_t end, bool anywhere)
{
	char want[NAME_KEY_MAX], got[NAME_KEY_MAX];
	size_t words = 1, klen, glen;
	bool more;

	if (!name || !(klen = name_key(name, strlen(name), want)))
		return;
	for (const char *p = name; *p; p++)
		words += *p == ' ' && p[1] && p[1] != ' ';
	for (size_t i = 0; i < l->first_label && i < end; i++) {
		if (l->v[i].cls != LINE_TEXT)
			continue;
		if (anywhere)
			glen = name_key(l->v[i].s, l->v[i].len, got), more = glen > klen;
		else
			glen = words_key(&l->v[i], words, got, &more);
		if (more && (anywhere ? glen > klen && strstr(got, want) != NULL :
				 glen == klen && strcmp(want, got) == 0))
			l->v[i].cls = LINE_NAME_BODY;
	}
}

/* the key of "Last, First" (one comma: corporate address books write
 * names so, and From carries them) read as "First Last"; 0 if none */
static size_t swapped_key(const char *name, size_t nlen, char key[NAME_KEY_MAX])
{
	const char *comma = memchr(name, ',', nlen);
	char buf[NAME_KEY_MAX];
	size_t last, first;

	if (!comma || memchr(comma + 1, ',', nlen - (size_t)(comma - name) - 1))
		return 0;
	last = (size_t)(comma - name);
	first = nlen - last - 1;
	if (!last || !first || last + first + 1 >= sizeof buf)
		return 0;
	memcpy(buf, comma + 1, first);
	buf[first] = ' ';
	memcpy(buf + first + 1, name, last);
	return name_key(buf, last + first + 1, key);
}

/* the first text line that is the inviter's name alone, marked LINE_NAME;
 * its spelling is taken when it says more of the same name. l->n if none. */
static size_t name_line(struct lines *l, struct invitation *inv)
{
	char want[NAME_KEY_MAX], swapped[NAME_KEY_MAX], got[NAME_KEY_MAX];
	size_t nlen, klen, slen, glen;

	if (!inv->name || !(nlen = strlen(inv->name)) || !(klen = name_key(inv->name, nlen, want)))
		return l->n;
	slen = swapped_key(inv->name, nlen, swapped);
	for (size_t i = 0; i < l->n; i++) {
		struct line *ln = &l->v[i];
		bool turned;

		/* the same name in another spelling is about as long */
		if (ln->cls != LINE_TEXT || ln->len > nlen * 2 + 8 || ln->len * 2 + 8 < nlen ||
		    !(glen = name_key(ln->s, ln->len, got)))
			continue;
		turned = slen && glen == slen && strcmp(swapped, got) == 0;
		if (!turned && (glen != klen || strcmp(want, got) != 0))
			continue;
		ln->cls = LINE_NAME;
		/* "Doe, Jane" in From, "Jane Doe" in the body: the body's order */
		if (turned || name_richer(inv->name, nlen, ln->s, ln->len)) {
			char *body = field_copy(ln->s, ln->len, MAX_FIELD);

			if (body) {
				free(inv->name);
				inv->name = body;
			}
		}
		return i;
	}
	return l->n;
}

/* the line starts with a capital letter (ASCII) or a letter outside ASCII
 * (not a quotation mark or other punctuation: U+2000.., U+00A0..U+00BF) */
static bool starts_with_letter(const struct line *ln)
{
	unsigned char c = (unsigned char)ln->s[0];

	if (c >= 'A' && c <= 'Z')
		return true;
	if (c < 0xc3 || c == 0xe2 || c == 0xe3)
		return false;
	return !(c == 0xef && ln->len > 1 && (unsigned char)ln->s[1] == 0xbc);	/* fullwidth */
}

/* a line that can be a name: six words at most, no quote or sentence
 * punctuation (a final dot only after a short word: "Jr.") */
static bool name_shaped(const struct line *ln)
{
	size_t words = 1, last = 0;

	if (ln->cls != LINE_TEXT || ln->len < 2 || ln->len > 80 || ln->s[ln->len - 1] == ',' ||
	    !(starts_with_letter(ln) || (ln->s[0] >= 'a' && ln->s[0] <= 'z')))
		return false;
	for (size_t i = 0; i < ln->len; i++) {
		if (strchr("!?:;\"<>@|", ln->s[i]))
			return false;
		if (ln->s[i] == ' ')
			words++, last = i + 1;
	}
	if (ln->s[ln->len - 1] == '.' && ln->len - last > 3)
		return false;
	return words <= 6;
}

/* the format names the inviter in a sentence (2008-2013 and before) */
static bool named_in_sentence(const struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].cls == LINE_NAME_BODY)
			return true;
	return false;
}

/* a line that can be a place: six words at most, starting with a capital,
 * no digits, no sentence or headline punctuation ("Lyon, France", "Berlin").
 * A headline can look the same: only the line after the headline is taken
 * for a place by this shape */
static bool location_shaped(const struct line *ln)
{
	size_t words = 1;

	if (ln->cls != LINE_TEXT || !ln->len || ln->len > 80 || !starts_with_letter(ln))
		return false;
	for (size_t i = 0; i < ln->len; i++) {
		if (strchr(".!?:;|@\"()0123456789", ln->s[i]))
			return false;
		words += ln->s[i] == ' ';
	}
	return words <= 6;
}

static bool is_location(const struct engine_settings *c, const struct line *ln);

/* the name line where the name is not found alone in the body (no name in
 * the headers or a sentence, or the body spells it otherwise): the inviter
 * block ends at the mutual count or the first label; read back from there,
 * the name is the line before the headline and place when the nearest line
 * looks like a place and a name stands before them (no name right before
 * them: not understood), else the line before the headline. Not in the
 * formats that name the inviter in a sentence. */
static size_t name_by_structure(const struct engine_settings *c, struct lines *l,
				struct invitation *inv)
{
	size_t end = l->first_label, n = 0, at, back[3];

	if (named_in_sentence(l))
		return l->n;
	for (size_t i = 0; i < l->first_label; i++)
		if (l->v[i].cls == LINE_MUTUAL) {
			end = i;
			break;
		}
	for (size_t i = end; i-- > 0 && n < 3;) {
		if (l->v[i].cls == LINE_BLANK ||
		    (n == 0 && is_location(c, &l->v[i])))	/* "Greater Boston" */
			continue;
		if (l->v[i].cls != LINE_TEXT)
			break;
		back[n++] = i;
	}
	if (n < 2)
		return l->n;
	at = back[1];
	if (n == 3 && location_shaped(&l->v[back[0]])) {
		if (name_shaped(&l->v[back[2]]))
			at = back[2];
		else if (back[2] + 1 == back[1])	/* a block of three, no name */
			return l->n;
	}
	if (!name_shaped(&l->v[at]))
		return l->n;
	if (!inv->name && !(inv->name = field_copy(l->v[at].s, l->v[at].len, MAX_FIELD)))
		return l->n;
	l->v[at].cls = LINE_NAME;
	return at;
}

static bool is_location(const struct engine_settings *c, const struct line *ln)
{
	return ln->cls == LINE_TEXT && role_match(&c->patterns, ROLE_LOCATION, ln->s, ln->len);
}

/* line I+1 goes on with the headline on line I that a client wrapped: it
 * names no region, and it cannot be a place ("Berlin", "Lyon, France") or
 * another line of the block follows right after it (then that is the place) */
static bool headline_goes_on(const struct engine_settings *c, const struct lines *l, size_t i)
{
	const struct line *b = &l->v[i + 1];

	if (!lines_continue(l, i) || is_location(c, b))
		return false;
	return !location_shaped(b) || (i + 2 < l->n && l->v[i + 2].cls == LINE_TEXT);
}

/* the headline from line *I, with the lines a client wrapped it onto; *I
 * set to its last line */
static char *headline_copy(const struct engine_settings *c, struct lines *l, size_t *i)
{
	size_t last = *i;
	const char *s = l->v[*i].s;

	while (last + 1 < l->n && l->v[last + 1].s > s && headline_goes_on(c, l, last))
		l->v[++last].cls = LINE_HEADLINE;
	*i = last;
	return field_copy(s, (size_t)(l->v[last].s + l->v[last].len - s), MAX_FIELD);
}

static bool next_is_text(const struct lines *l, size_t i)
{
	i = lines_next(l, i + 1);
	return i < l->n && l->v[i].cls == LINE_TEXT;
}

/* the headline: the first line after the name that is not a location, a
 * mutual count or a quoted note; a label, link or rule first means none.
 * A location is told from a headline by the role location, and only where
 * no other line follows it in the block: a headline may look like one.
 * The location and count lines that follow are marked. */
static void read_headline(const struct engine_settings *c, struct lines *l, size_t at,
			  struct invitation *inv)
{
	size_t i, end;
	bool placed = false;

	for (i = lines_next(l, at + 1); i < l->n; i = lines_next(l, i + 1)) {
		struct line *ln = &l->v[i];

		/* the place and then the count: the block had no headline */
		if (ln->cls == LINE_MUTUAL && placed)
			return;
		if (ln->cls == LINE_MUTUAL)
			continue;
		if (ln->cls != LINE_TEXT)
			return;
		/* a location right after the name, where the block then ends */
		if (is_location(c, ln) && !next_is_text(l, i)) {
			ln->cls = LINE_LOCATION;
			placed = true;
			continue;
		}
		if (note_quote_at(l, i, &end)) {
			i = end;
			continue;
		}
		ln->cls = LINE_HEADLINE;
		inv->headline = headline_copy(c, l, &i);
		break;
	}
	/* the place after the headline is no note: the line right after it when
	 * it looks like a place, any that names a region */
	for (i = lines_next(l, i + 1), end = i; i < l->n && i < l->first_label;
	     i = lines_next(l, i + 1))
		if (is_location(c, &l->v[i]) || (i == end && location_shaped(&l->v[i])))
			l->v[i].cls = LINE_LOCATION;
		else if (l->v[i].cls != LINE_MUTUAL)
			break;
}

/* a label line names the inviter ("Confirm that you know <name>: <link>",
 * guest invitations): the layout is understood as well as by a sentence */
static bool named_on_label(const struct engine_settings *c, const struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].cls == LINE_LABEL &&
		    role_match(&c->patterns, ROLE_NAME_BODY, l->v[i].s, l->v[i].len))
			return true;
	return false;
}

/* NAMED: the inviter's name line was found. No inviter, no note; where the
 * name should stand alone on a line and does not, the layout is not
 * understood: only a note in quotes is read */
static void set_note(const struct engine_settings *c, const struct lines *l, bool named,
		     struct invitation *inv)
{
	char *note = inv->name ? note_find(&c->patterns, l,
						 named || named_in_sentence(l) || named_on_label(c, l)) : NULL;

	if (!note || !*note) {
		free(note);
		/* a reminder that does not repeat the note says nothing of it */
		inv->note_kind = inv->kind == KIND_REMINDER ? NOTE_UNKNOWN : NOTE_NONE;
		return;
	}
	utf8_truncate(note, MAX_NOTE);
	inv->note = note;
	inv->note_kind = role_match(&c->patterns, ROLE_NOTE_GENERIC, note, strlen(note)) ?
			 NOTE_GENERIC : NOTE_PERSONAL;
}

/* the first claim line and the first mutual count */
static void set_claim_mutual(const struct engine_settings *c, const struct lines *l,
			     struct invitation *inv)
{
	struct match m;
	const struct pattern *p;
	const char *g;
	size_t gl;

	for (size_t i = 0; i < l->n; i++) {
		const struct line *ln = &l->v[i];

		if (ln->cls == LINE_CLAIM && inv->claim == CLAIM_NONE &&
		    (p = set_match(patterns_role(&c->patterns, ROLE_CLAIM), ln->s, ln->len, &m))) {
			inv->claim = p->claim;
			if ((g = match_group(&m, "org", &gl)))
				inv->claim_org = field_copy(g, gl, MAX_FIELD);
		}
		if (ln->cls == LINE_MUTUAL && inv->mutual < 0 &&
		    set_match(patterns_role(&c->patterns, ROLE_MUTUAL), ln->s, ln->len, &m) &&
		    (g = match_group(&m, "mutual", &gl)) && gl < 9)
			inv->mutual = strtol(g, NULL, 10);
	}
}

static void set_language(const struct engine_settings *c, const struct headers *h,
			 const char *s, size_t len, struct invitation *inv)
{
	const struct pattern *p = NULL;

	/* LinkedIn writes the subject in the recipient's language: it is short,
	 * so it is read first; else the words that come first in the text */
	if (role_first(&c->patterns, ROLE_LANGUAGE, h->subject, strlen(h->subject), &p) < 0)
		role_first(&c->patterns, ROLE_LANGUAGE, s, len, &p);
	if (p)
		memcpy(inv->language, p->lang, sizeof inv->language);
}

/* the profile: the first link of the shape of a profile link */
static void set_profile(const struct engine_settings *c, const struct message *msg,
			struct invitation *inv)
{
	for (size_t i = 0; !inv->profile_url && i < msg->links.n; i++)
		inv->profile_url = canonical_profile(c, msg->links.v[i],
						     strlen(msg->links.v[i]));
}

int extract_fields(const struct engine_settings *c, const struct headers *h,
		   const struct message *msg, struct invitation *inv)
{
	size_t part = inviter_part(c, msg);
	struct lines *l = alloc_zeroed(1, sizeof *l);
	size_t at;

	if (!l)
		return -1;
	lines_read(l, &c->patterns, msg->text ? msg->text : "", msg->text ? part : 0);
	name_from_headers(c, h, inv);
	name_from_body(c, l, inv);
	at = name_line(l, inv);
	/* the name alone on a line: sentences that start with it; not alone:
	 * sentences that name the inviter anywhere, then the block's structure */
	mark_name_sentences(l, inv->name, l->n, at >= l->n);
	if (at >= l->n && (at = name_by_structure(c, l, inv)) < l->n)
		mark_name_sentences(l, inv->name, at, true);
	if (at < l->n)
		read_headline(c, l, at, inv);
	set_note(c, l, at < l->n, inv);
	set_claim_mutual(c, l, inv);
	set_profile(c, msg, inv);
	set_language(c, h, msg->text ? msg->text : "", part, inv);
	free(l);
	return 0;
}
