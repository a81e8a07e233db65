/* draft_text.c - the words of a reply draft: which template answers the
 * invitation (a variant for a mistaken claim, or for an organisation the
 * owner shares with the inviter), the values it is filled with (each from
 * the network cleaned, bounded and refused when unfit), long lines wrapped,
 * and the subject "Re: <your LinkedIn invitation>" in the draft's language:
 * LinkedIn's own subject speaks to the owner, never to the inviter. */
#include "autoconfig.h"
#include "draft_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>
#include "encode.h"
#include "fold.h"
#include "greeting.h"
#include "reasons.h"
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
 * bounded, no quote marks, brackets, addresses or links; NULL when unfit */
static char *fit_org(const char *raw)
{
	static const char *const refused[] = { "\"", "<", ">", "\\", "@", "://", "www.", "{", "}" };
	char *org = raw ? header_text(raw, MAX_ORG) : NULL;

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

/* the owner's employer, school or group that the inviter's headline names */
static const char *shared_org(const struct profile *p, const char *headline)
{
	const struct strlist *names[3] = { &p->employers, &p->schools, &p->groups };
	const char *hit = NULL;
	char *h = headline ? fold(headline) : NULL;

	for (int k = 0; h && k < 3 && !hit; k++)
		for (size_t i = 0; i < p->folded[k].n && i < names[k]->n && !hit; i++)
			if (fold_contains(h, p->folded[k].v[i]))
				hit = names[k]->v[i];
	free(h);
	return hit;
}

/* NAME's variant for the invitation in LANG: NAME-<claim> for a claim that
 * did not match (and can be quoted), NAME-shared for a shared organisation */
static const struct template *variant(const struct scan *s, const char *name, const char *lang,
				      bool claim_ok, bool shared)
{
	const struct templates *t = s->profile->templates;
	const struct template *tpl = NULL;
	char v[48];

	if (claim_ok && s->result.n_reasons && reason_from_name(s->result.reasons[0]) == REASON_CLAIM_MISMATCH) {
		snprintf(v, sizeof v, "%s-%s", name, claim_name(s->inv.claim));
		tpl = templates_find(t, lang, v);
	}
	if (!tpl && shared) {
		snprintf(v, sizeof v, "%s-shared", name);
		tpl = templates_find(t, lang, v);
	}
	return tpl ? tpl : templates_find(t, lang, name);
}

/* the template for NAME in the invitation's language, else the profile's,
 * else English; *LANG set to the one used */
static const struct template *choose(const struct scan *s, const char *name, bool claim_ok,
				     bool shared, const char **lang)
{
	const char *langs[3] = { s->inv.language, s->profile->language, "en" };
	const struct template *tpl = NULL;

	for (int i = 0; i < 3 && !tpl; i++)
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
	buf_free(&b);
	clean = header_text(line.data && *line.data ? line.data : "LinkedIn", MAX_SUBJECT);
	buf_free(&line);
	if (!clean)
		return NULL;
	buf_init(&b, 0);
	if (buf_printf(&b, "Re: %s", clean) < 0)
		buf_free(&b);
	free(clean);
	return b.data ? buf_steal(&b) : NULL;
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
	return out->data || !*text ? 0 : -1;
}

/* ---------------------------------------------------------------- the text */

static const char *titles(const struct templates *t, const char *lang)
{
	const struct template *tpl = templates_find(t, lang, "titles");

	return tpl ? tpl->text : NULL;
}

static int render(const struct scan *s, const struct template *tpl, const char *lang,
		  bool hint, const struct tpl_values *v, struct draft_text *t)
{
	const struct template *h = hint ? templates_find(s->profile->templates, lang, "send-hint") : NULL;
	struct buf body, wrapped;

	buf_init(&body, 0);
	buf_init(&wrapped, 0);
	if (h) {
		template_render(h, v, &body);
		buf_putc(&body, '\n');
	}
	template_render(tpl, v, &body);
	if (body.data)
		draft_wrap(body.data, &wrapped);
	buf_free(&body);
	t->body = wrapped.data ? buf_steal(&wrapped) : NULL;
	t->subject = subject(s->profile->templates, lang, v);
	return t->body && t->subject ? 0 : -1;
}

int draft_text(const struct scan *s, const char *template, bool hint, struct draft_text *t,
	       char *err, size_t errlen)
{
	const char *lang = "en", *shared = shared_org(s->profile, s->inv.headline);
	char *org = fit_org(s->inv.claim_org), *first = NULL;
	bool claim_ok = org || s->inv.claim == CLAIM_FRIEND;
	const struct template *tpl = choose(s, template, claim_ok, shared != NULL, &lang);
	struct tpl_values v = { NULL, NULL, NULL, NULL, NULL };
	int rc = -1;

	memset(t, 0, sizeof *t);
	if (!tpl) {
		snprintf(err, errlen, "no template %s in %s", template, lang);
		free(org);
		return -1;
	}
	snprintf(t->lang, sizeof t->lang, "%s", lang);
	snprintf(t->template, sizeof t->template, "%s", tpl->name);
	first = greeting_name(s->inv.name, titles(s->profile->templates, lang));
	v.first = first;
	v.owner = s->profile->names.n ? s->profile->names.v[0] : NULL;
	v.claim_org = org;
	v.profile_url = fit_url(s->inv.profile_url);
	v.shared_org = shared;
	rc = render(s, tpl, lang, hint, &v, t);
	if (rc < 0)
		snprintf(err, errlen, "out of memory rendering %s", t->template);
	free(first);
	free(org);
	return rc;
}
