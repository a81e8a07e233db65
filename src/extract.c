/* extract.c - the fields of an invitation, read with the patterns of
 * patterns.conf: structural patterns with named groups over the decoded
 * text (up to the first "cut" marker), then the From name and the subject */
#include "autoconfig.h"
#include "extract.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "utf8.h"

/* a cleaned copy of S[0..LEN): whitespace collapsed, bounded, never empty */
static char *field_copy(const char *s, size_t len, size_t max)
{
	char *out = xstrndup(s, len > max * 2 ? max * 2 : len);

	if (!out)
		return NULL;
	str_collapse_ws(out);
	utf8_truncate(out, max);
	if (!*out) {
		free(out);
		return NULL;
	}
	return out;
}

/* set *DST from group NAME of M unless already set */
static void take_group(const struct match *m, const char *name, char **dst, size_t max)
{
	const char *g;
	size_t len;

	if (*dst || !(g = match_group(m, name, &len)))
		return;
	*dst = field_copy(g, len, max);
}

/* the note keeps its lines until its greeting and signature are removed */
static void take_note(const struct match *m, char **dst)
{
	const char *g;
	size_t len;

	if (*dst || !(g = match_group(m, "note", &len)))
		return;
	*dst = xstrndup(g, len > MAX_NOTE * 2 ? MAX_NOTE * 2 : len);
}

static void take_fields(const struct match *m, struct invitation *inv, char **note,
			char **profile, char **claim)
{
	const char *g;
	size_t len;

	take_group(m, "name", &inv->name, MAX_FIELD);
	take_group(m, "headline", &inv->headline, MAX_FIELD);
	take_group(m, "email", &inv->email, MAX_FIELD);
	take_note(m, note);
	take_group(m, "profile", profile, MAX_FIELD * 2);
	take_group(m, "claim", claim, MAX_FIELD * 2);
	if (inv->mutual < 0 && (g = match_group(m, "mutual", &len)) && len < 9)
		inv->mutual = strtol(g, NULL, 10);
}

/* the first pattern of role R that matches S fills what is still missing */
struct found {
	char *note, *profile, *claim;	/* raw, before they are read */
};

static void run_fields(const struct config *c, enum role r, const char *s, size_t len,
		       struct invitation *inv, struct found *f)
{
	struct match m;

	if (s && len && set_match(patterns_role(&c->patterns, r), s, len, &m))
		take_fields(&m, inv, &f->note, &f->profile, &f->claim);
}

/* the part of the text before the first cut marker (the inviter's part) */
static size_t inviter_part(const struct config *c, const struct message *msg)
{
	long cut = msg->text_len ?
		role_first(&c->patterns, ROLE_CUT, msg->text, msg->text_len, NULL) : -1;

	return cut < 0 ? msg->text_len : (size_t)cut;
}

char *canonical_profile(const struct config *c, const char *url, size_t len)
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

/* a note quoted in a reminder ("> " on every line) loses its quote marks */
static void unquote_lines(char *note)
{
	char *r = note, *w = note;

	for (char *p = note; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p))
		if (*p != '>' && *p != '\n')
			return;
	while (*r) {
		if (*r == '>') {
			r++;
			if (*r == ' ')
				r++;
		}
		while (*r && *r != '\n')
			*w++ = *r++;
		if (*r)
			*w++ = *r++;
	}
	*w = '\0';
}

/* strip a greeting line at the start and a signature line at the end of
 * NOTE, then collapse its whitespace */
static void trim_note(const struct config *c, char *note)
{
	struct match m;
	size_t len;

	unquote_lines(note);
	/* surrounding blank lines are not part of the note */
	len = strlen(note);
	while (len && (note[len - 1] == '\n' || note[len - 1] == ' ' ||
		       note[len - 1] == '\t'))
		note[--len] = '\0';

	if (set_match(patterns_role(&c->patterns, ROLE_NOTE_GREETING), note, len, &m)) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m.md);

		if (ov[0] == 0 && ov[1] <= len) {
			memmove(note, note + ov[1], len - ov[1] + 1);
			len -= ov[1];
		}
	}
	if (set_match(patterns_role(&c->patterns, ROLE_NOTE_SIGNATURE), note, len, &m)) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m.md);

		if (ov[1] == len)
			note[ov[0]] = '\0';
	}
	str_collapse_ws(note);
}

static void set_note(const struct config *c, struct invitation *inv, char *note)
{
	if (note)
		trim_note(c, note);
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

/* the claim, read from the claim line the fields pattern found */
static void set_claim(const struct config *c, char *line, struct invitation *inv)
{
	struct match m;
	const struct pattern *p;

	if (!line)
		return;
	p = set_match(patterns_role(&c->patterns, ROLE_CLAIM), line, strlen(line), &m);
	if (p) {
		inv->claim = p->claim;
		take_group(&m, "org", &inv->claim_org, MAX_FIELD);
	}
	free(line);
}

static void set_mutual(const struct config *c, const char *s, size_t len,
		       struct invitation *inv)
{
	struct match m;
	const char *g;
	size_t gl;

	if (inv->mutual >= 0 ||
	    !set_match(patterns_role(&c->patterns, ROLE_MUTUAL), s, len, &m))
		return;
	if ((g = match_group(&m, "mutual", &gl)) && gl < 9)
		inv->mutual = strtol(g, NULL, 10);
}

static void set_language(const struct config *c, const struct headers *h,
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

/* the profile: the one the fields named, else the first profile link */
static void set_profile(const struct config *c, const struct message *msg,
			char *profile, struct invitation *inv)
{
	if (profile)
		inv->profile_url = canonical_profile(c, profile, strlen(profile));
	for (size_t i = 0; !inv->profile_url && i < msg->links.n; i++)
		inv->profile_url = canonical_profile(c, msg->links.v[i],
						     strlen(msg->links.v[i]));
	free(profile);
}

int extract_fields(const struct config *c, const struct headers *h,
		   const struct message *msg, struct invitation *inv)
{
	size_t part = inviter_part(c, msg);
	struct found f = { NULL, NULL, NULL };
	const char *display = h->from.display;

	if (inv->kind == KIND_REMINDER)
		run_fields(c, ROLE_FIELDS_REMINDER, msg->text, part, inv, &f);
	if (!inv->name)
		run_fields(c, ROLE_FIELDS, msg->text, part, inv, &f);
	run_fields(c, ROLE_FIELDS_FROM, display, display ? strlen(display) : 0, inv, &f);
	run_fields(c, ROLE_FIELDS_SUBJECT, h->subject, strlen(h->subject), inv, &f);
	set_note(c, inv, f.note);
	set_profile(c, msg, f.profile, inv);
	set_claim(c, f.claim, inv);
	if (msg->text_len)
		set_mutual(c, msg->text, part, inv);
	set_language(c, h, msg->text ? msg->text : "", part, inv);
	return 0;
}
