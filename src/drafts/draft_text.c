/* draft_text.c - the words of a reply draft: which template answers the
 * invitation (a variant for a mistaken claim, or for an organisation the
 * owner shares with the inviter), the values it is filled with (each from
 * the network cleaned, bounded and refused when unfit), the send hint
 * wrapped and each body paragraph left on one line,
 * and the subject "Re: <your LinkedIn invitation>" in the draft's language:
 * LinkedIn's own subject speaks to the owner, never to the inviter.
 * Running out of memory anywhere fails the whole text: a buffer remembers a
 * failed append, and each is asked once when it is done. */
#include "autoconfig.h"
#include "draft_text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uniwidth.h>
#include "encode.h"
#include "fold.h"
#include "greeting.h"
#include "note_lang.h"
#include "templates.h"
#include "buf.h"
#include "strlist.h"
#include "str.h"

#define MAX_ORG 128
#define MAX_URL 300
#define MAX_SUBJECT 200

void draft_text_free(struct draft_text *t)
{
	free(t->subject);
	free(t->body);
	t->subject = t->body = NULL;
}

/* an organisation named by the inviter, fit to quote in a draft: one line,
 * bounded, no quote marks, brackets, addresses or links; NULL when unfit,
 * and when out of memory with *OOM set */
static char *fit_org(const char *raw, bool *oom)
{
	static const char *const refused[] = { "\"", "<", ">", "\\", "@", "://", "www.", "{", "}" };
	char *org = raw ? header_text(raw, MAX_ORG) : NULL;

	if (raw && !org)
		*oom = true;
	for (size_t i = 0; org && i < ARRAY_LEN(refused); i++)
		if (strstr(org, refused[i]))
			*org = '\0';
	if (org && !*org) {
		free(org);
		org = NULL;
	}
	return org;
}

/* the profile link, when it is a plain http(s) URL (it stands alone on a line) */
static const char *fit_url(const char *url)
{
	size_t n = url ? strlen(url) : 0;

	if (n < 9 || n > MAX_URL || (strncmp(url, "https://", 8) && strncmp(url, "http://", 7)))
		return NULL;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || strchr("\"'<>\\{}|^`", *p))
			return NULL;
	return url;
}

/* the owner's organisation of list K (0 employers, 1 schools, 2 groups)
 * that the folded text H names as whole words, or NULL */
static const char *owner_org(const struct profile *p, int k, const char *h)
{
	const struct strlist *names[3] = { &p->employers, &p->schools, &p->groups };

	for (size_t i = 0; h && i < p->folded[k].n && i < names[k]->n; i++)
		if (fold_contains(h, p->folded[k].v[i]))
			return names[k]->v[i];
	return NULL;
}

/* the owner's employer, school or group the inviter shares: the one a claim
 * that matched names ("we are both in the group X": X is the owner's), else
 * the one the inviter's headline names; *OOM set when out of memory */
static const char *shared_org(const struct draft_input *s, bool *oom)
{
	const struct invitation *inv = s->inv;
	int claimed = inv->claim == CLAIM_COLLEAGUE ? 0 : inv->claim == CLAIM_CLASSMATE ? 1 :
		      inv->claim == CLAIM_GROUP ? 2 : -1;
	const char *hit = NULL;
	char *h;

	if (claimed >= 0 && !s->claim_mismatch && inv->claim_org) {
		if (!(h = fold(inv->claim_org)))
			*oom = true;
		hit = owner_org(s->owner, claimed, h);
		free(h);
	}
	if (hit || !inv->headline)
		return hit;
	if (!(h = fold(inv->headline)))
		*oom = true;
	for (int k = 0; h && k < 3 && !hit; k++)
		hit = owner_org(s->owner, k, h);
	free(h);
	return hit;
}

/* NAME's variant for the invitation in LANG: NAME-<claim> for a claim that
 * did not match (and can be quoted), NAME-shared for a shared organisation */
static const struct template *variant(const struct draft_input *s, const char *name, const char *lang,
				      bool claim_ok, bool shared)
{
	const struct templates *t = s->set->library;
	const struct template *tpl = NULL;
	char v[48];

	if (claim_ok && s->claim_mismatch) {
		snprintf(v, sizeof v, "%s-%s", name, claim_name(s->inv->claim));
		tpl = templates_find(t, lang, v);
	}
	if (!tpl && shared) {
		snprintf(v, sizeof v, "%s-shared", name);
		tpl = templates_find(t, lang, v);
	}
	return tpl ? tpl : templates_find(t, lang, name);
}

/* the template for NAME in the language of a personal note that is clearly
 * written in one of the owner's languages, else in the invitation's (the
 * notification's), else the profile's, else English; *LANG set to the one
 * used; *OOM set when out of memory */
static const struct template *choose(const struct draft_input *s, const char *name, bool claim_ok,
				     bool shared, const char **lang, bool *oom)
{
	const char *note = s->inv->note_kind == NOTE_PERSONAL ? s->inv->note : NULL;
	const char *langs[4] = { note_language(s->set->library, note, &s->owner->languages, oom),
				 s->inv->language, s->owner->language, "en" };
	const struct template *tpl = NULL;

	for (int i = 0; i < 4 && !tpl; i++)
		if (langs[i] && langs[i][0])
			tpl = variant(s, name, *lang = langs[i], claim_ok, shared);
	return tpl;
}

/* "Re: " and the first line of LANG's subject file (else the English one) */
static char *subject(const struct templates *t, const char *lang, const struct tpl_values *v)
{
	const struct template *tpl = templates_find(t, lang, "subject");
	struct buf b, line;
	char *clean = NULL;

	if (!tpl)
		tpl = templates_find(t, "en", "subject");
	buf_init(&b, 0);
	buf_init(&line, 0);
	if (tpl && template_render(tpl, v, &b) == 0 && b.data)
		buf_append(&line, b.data, strcspn(b.data, "\n"));
	if (buf_failed(&b) || buf_failed(&line)) {
		buf_free(&b);
		buf_free(&line);
		return NULL;
	}
	buf_free(&b);
	clean = header_text(line.data && *line.data ? line.data : "LinkedIn", MAX_SUBJECT);
	buf_free(&line);
	if (!clean)
		return NULL;
	buf_init(&b, 0);
	buf_printf(&b, "Re: %s", clean);
	free(clean);
	return buf_steal(&b);
}

/* ---------------------------------------------------------------- wrapping */

static size_t width(const char *s, size_t n)
{
	int w = u8_width((const uint8_t *)s, n, "UTF-8");

	return w < 0 ? n : (size_t)w;
}

static bool url_alone(const char *l, size_t n)
{
	return n > 8 && (!strncmp(l, "https://", 8) || !strncmp(l, "http://", 7)) &&
	       !memchr(l, ' ', n);
}

/* the lines P[0..N) filled again, each at most DRAFT_WRAP columns where a
 * word allows it */
static void fill(const char *p, size_t n, struct buf *out)
{
	size_t col = 0;

	for (const char *end = p + n; p < end; ) {
		size_t k = strcspn(p, " \n"), w;

		if (k > (size_t)(end - p))
			k = (size_t)(end - p);
		if (k) {
			w = width(p, k);
			if (col && col + 1 + w > DRAFT_WRAP) {
				buf_putc(out, '\n');
				col = 0;
			} else if (col) {
				buf_putc(out, ' ');
				col++;
			}
			buf_append(out, p, k);
			col += w;
		}
		p += k;
		if (p < end)
			p++;
	}
	buf_putc(out, '\n');
}

int draft_wrap(const char *text, struct buf *out)
{
	for (const char *p = text; *p; ) {
		size_t n = strcspn(p, "\n");
		const char *q = p;
		bool too_long = false;

		if (n == 0 || url_alone(p, n)) {	/* a blank line, a URL alone: as they are */
			buf_append(out, p, n + (p[n] == '\n'));
			p += n + (p[n] == '\n');
			continue;
		}
		/* a paragraph: its lines up to a blank line or a URL alone */
		while (*q && (n = strcspn(q, "\n")) != 0 && !url_alone(q, n)) {
			too_long = too_long || width(q, n) > DRAFT_WRAP;
			q += n + (q[n] == '\n');
		}
		if (too_long)
			fill(p, (size_t)(q - p), out);
		else
			buf_append(out, p, (size_t)(q - p));
		p = q;
	}
	return buf_failed(out) ? -1 : 0;
}

/* ---------------------------------------------------------------- the text */

/* WORD (N bytes) is a word of the list HON ('#' comments), case aside */
static bool listed_word(const char *word, size_t n, const char *hon)
{
	for (const char *p = hon; p && *p; ) {
		size_t k = *p == '#' ? strcspn(p, "\n") : strcspn(p, " \t\n");

		if (*p != '#' && k == n && !strncasecmp(p, word, n))
			return true;
		p += k;
		p += strspn(p, " \t\n");
	}
	return false;
}

/* the titles of LANG, then every other language's ("Dra.", "Avv.", "Herr",
 * "Madame") but its honorifics (HON): a bare "Don" is a title in es, and
 * in another language's draft only before two name words */
static void titles(const struct templates *t, const char *lang, const char *hon, struct buf *out)
{
	const struct template *own = templates_find(t, lang, "titles");

	if (own)
		buf_printf(out, "%s\n", own->text);
	for (size_t i = 0; t && i < t->n; i++) {
		const char *p = t->v[i].text;

		if (strcmp(t->v[i].name, "titles") || !strcmp(t->v[i].lang, lang) ||
		    templates_find(t, t->v[i].lang, "titles") != &t->v[i])
			continue;
		while (*p) {
			size_t n = strcspn(p, " \t\n");

			if (*p == '#')
				n = strcspn(p, "\n");
			else if (memchr(p, '.', n) || !listed_word(p, n, hon))
				buf_printf(out, "%.*s ", (int)n, p);
			p += n;
			p += strspn(p, " \t\n");
		}
	}
	if (!out->data)
		buf_puts(out, "");
}

/* NAME of every language (the user's file where there is one), one after
 * another: given names and particles are read whatever the draft's language */
static void gather(const struct templates *t, const char *name, struct buf *out)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (!strcmp(t->v[i].name, name) && templates_find(t, t->v[i].lang, name) == &t->v[i])
			buf_printf(out, "%s\n", t->v[i].text);
	if (!out->data)
		buf_puts(out, "");
}

/* the first name to greet with, from the lists of LANG and of every language;
 * and into *FORMAL the titles and family name a formal greeting uses when
 * the name carries a title of LANG's formal-titles ("Prof. Dr. Schäfer") */
static char *first_name(const struct draft_input *s, const char *lang, char **formal)
{
	const struct templates *t = s->set->library;
	const struct template *ft = templates_find(t, lang, "formal-titles");
	struct buf title, particles, given, hon, fam;
	struct greeting_lists g = { NULL, NULL, NULL, NULL, NULL };
	char *first = NULL;

	*formal = NULL;
	buf_init(&title, 0);
	buf_init(&particles, 0);
	buf_init(&given, 0);
	buf_init(&hon, 0);
	buf_init(&fam, 0);
	gather(t, "honorifics", &hon);
	titles(t, lang, hon.data, &title);
	gather(t, "particles", &particles);
	gather(t, "given-names", &given);
	gather(t, "family-first", &fam);
	if (buf_failed(&title) || buf_failed(&particles) || buf_failed(&given) || buf_failed(&hon) ||
	    buf_failed(&fam)) {
		errno = ENOMEM;
	} else {
		g.titles = title.data;
		g.particles = particles.data;
		g.given = given.data;
		g.honorifics = hon.data;
		g.family_first = fam.data;
		first = greeting_name(s->inv->name, &g);
		if ((first || errno != ENOMEM) && ft && !(*formal = greeting_formal(s->inv->name, &g, ft->text)) &&
		    errno == ENOMEM) {
			free(first);
			first = NULL;
		}
	}
	buf_free(&title);
	buf_free(&particles);
	buf_free(&given);
	buf_free(&hon);
	buf_free(&fam);
	return first;
}

/* the note for TEMPLATE: send-hint-<template> (accept: accepting first;
 * decline: never by accepting); for an invitation without a personal
 * note, on which LinkedIn may offer no Reply, send-hint-nonote; else
 * send-hint */
static const struct template *hint_for(const struct templates *t, const char *lang, const char *template,
				       bool nonote)
{
	const struct template *h = NULL;
	char name[64];

	if (snprintf(name, sizeof name, "send-hint-%s", template) < (int)sizeof name)
		h = templates_find(t, lang, name);
	if (!h && nonote)
		h = templates_find(t, lang, "send-hint-nonote");
	return h ? h : templates_find(t, lang, "send-hint");
}

/* the line that replaces TPL's greeting (its first line), or NULL: for a
 * name with a title that asks for it, LANG's titled line ("Guten Tag Prof.
 * Dr. Schäfer,"); without a first name, the language's whole no-name line
 * (no-name-<template>, else no-name): "Guten Tag," rather than "Hallo und
 * guten Tag," */
static const struct template *greeting_line(const struct templates *lib, const struct template *tpl,
					    const char *lang, const struct tpl_values *v)
{
	const struct template *nn = NULL;
	char name[64];

	if (v->formal && (nn = templates_find(lib, lang, "titled")) != NULL)
		return nn;
	if (!v->first && snprintf(name, sizeof name, "no-name-%s", tpl->name) < (int)sizeof name)
		nn = templates_find(lib, lang, name);
	if (!v->first && !nn)
		nn = templates_find(lib, lang, "no-name");
	return nn;
}

/* TPL rendered into OUT, its greeting line replaced as greeting_line says */
static void body(const struct templates *lib, const struct template *tpl, const char *lang,
		 const struct tpl_values *v, struct buf *out)
{
	const struct template *nn = greeting_line(lib, tpl, lang, v);
	struct template line;
	struct buf b, l;

	if (!nn) {
		template_render(tpl, v, out);
		return;
	}
	line = *nn;
	buf_init(&b, 0);
	buf_init(&l, 0);
	if ((line.text = str_ndup(nn->text, strcspn(nn->text, "\n"))) != NULL)
		template_render(&line, v, &l);
	template_render(tpl, v, &b);
	if (!line.text || buf_failed(&b) || !b.data || buf_failed(&l) || !l.data) {
		buf_fail(out);
	} else {
		buf_puts(out, l.data);
		buf_puts(out, b.data + strcspn(b.data, "\n"));
	}
	free(line.text);
	buf_free(&b);
	buf_free(&l);
}

/* the note (wrapped: it is read in the Drafts folder), then the body with
 * each paragraph on one line as the template wrote it: the text is pasted
 * into LinkedIn, which keeps every line break */
static int render(const struct draft_input *s, const struct template *tpl, const char *lang,
		  const char *hint, const struct tpl_values *v, struct draft_text *t)
{
	/* the hint names the menus of the owner's LinkedIn, whose language is
	 * the notification's, even when the body answers the note in another */
	const char *ui = templates_find(s->set->library, s->inv->language, "send-hint")
			 ? s->inv->language : lang;
	const struct template *h = hint ? hint_for(s->set->library, ui, hint,
						   s->inv->note_kind != NOTE_PERSONAL) : NULL;
	struct buf note, out;

	buf_init(&note, 0);
	buf_init(&out, 0);
	if (h) {
		template_render(h, v, &note);
		buf_putc(&note, '\n');
		if (buf_failed(&note) || draft_wrap(note.data, &out) < 0)
			buf_fail(&out);
	}
	body(s->set->library, tpl, lang, v, &out);
	buf_free(&note);
	if (!out.data)
		buf_fail(&out);
	t->body = buf_steal(&out);
	t->subject = t->body ? subject(s->set->library, lang, v) : NULL;
	return t->body && t->subject ? 0 : -1;
}

int draft_text(const struct draft_input *s, const char *template, bool hint, struct draft_text *t,
	       char *err, size_t errlen)
{
	bool oom = false, oom_lang = false;
	const char *lang = "en", *shared = shared_org(s, &oom);
	char *org = fit_org(s->inv->claim_org, &oom), *first = NULL, *formal = NULL;
	bool claim_ok = org || s->inv->claim == CLAIM_FRIEND;
	const struct template *tpl = choose(s, template, claim_ok, shared != NULL, &lang, &oom_lang);
	struct tpl_values v = { NULL, NULL, NULL, NULL, NULL, NULL };
	int rc = -1;

	memset(t, 0, sizeof *t);
	if (oom || oom_lang) {
		snprintf(err, errlen, "out of memory choosing the template %s", template);
		free(org);
		return -1;
	}
	if (!tpl) {
		snprintf(err, errlen, "no template %s in %s", template, lang);
		free(org);
		return -1;
	}
	snprintf(t->lang, sizeof t->lang, "%s", lang);
	snprintf(t->template, sizeof t->template, "%s", tpl->name);
	first = first_name(s, lang, &formal);
	if (!first && errno == ENOMEM) {
		snprintf(err, errlen, "out of memory rendering %s", t->template);
		free(org);
		return -1;
	}
	v.first = first;
	v.formal = formal;
	v.owner = s->owner->names.n ? s->owner->names.v[0] : NULL;
	v.claim_org = org;
	v.profile_url = fit_url(s->inv->profile_url);
	v.shared_org = shared;
	rc = render(s, tpl, lang, hint ? template : NULL, &v, t);
	if (rc < 0)
		snprintf(err, errlen, "out of memory rendering %s", t->template);
	free(first);
	free(formal);
	free(org);
	return rc;
}
