/* detect.c - is this LinkedIn mail, of which kind, and is it authentic.
 * The headers settle ordinary mail; the body is read only for mail that
 * looks like LinkedIn's. What "looks like" means is in patterns.conf.
 * Authenticity weighs the evidence: our own Authentication-Results first,
 * then the sending domains and the links of LinkedIn's template. */
#include "autoconfig.h"
#include "detect.h"
#include "authres.h"
#include "dkimv.h"
#include "lookalike.h"
#include "reasons.h"
#include "str.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool match_role(const struct engine_settings *c, enum role r, const char *s)
{
	return s && *s && role_match(&c->patterns, r, s, strlen(s));
}

static bool genuine_domain(const struct engine_settings *c, const char *d)
{
	return d && *d && domain_in_set(patterns_role(&c->patterns, ROLE_DOMAIN), d, strlen(d));
}

/* the sending domain: Sender when present, else From */
static const char *sender_domain(const struct headers *h)
{
	return h->sender.addr[0] ? h->sender.domain : h->from.domain;
}

/* a domain made to look like LinkedIn's: ASCII patterns, IDN homographs */
static bool lookalike(const struct engine_settings *c, const char *d)
{
	return d && *d && !genuine_domain(c, d) && lookalike_domain(&c->patterns, d);
}

/* a LinkedIn domain, or one made to look like it */
static bool linkedin_domain(const struct engine_settings *c, const char *d)
{
	return genuine_domain(c, d) || (d && *d && lookalike_domain(&c->patterns, d));
}

/* the first sending domain (Sender, From, envelope) that imitates LinkedIn's */
static const char *lookalike_sender(const struct engine_settings *c, const struct headers *h,
				    const char *envfrom)
{
	const char *d[4] = { h->sender.domain, h->from.domain, envfrom, h->return_path.domain };

	for (int i = 0; i < 4; i++)
		if (lookalike(c, d[i]))
			return d[i];
	return NULL;
}

/* the From display name claims LinkedIn, or a name made to look like it */
static bool display_claims(const struct engine_settings *c, const struct headers *h)
{
	return match_role(c, ROLE_DISPLAY, h->from.display) ||
	       lookalike_name(&c->patterns, h->from.display);
}

/* the sender presents itself as LinkedIn */
static bool presents_as_linkedin(const struct engine_settings *c, const struct headers *h,
				 const char *envfrom)
{
	return linkedin_domain(c, h->from.domain) || linkedin_domain(c, h->sender.domain) ||
	       linkedin_domain(c, envfrom) || display_claims(c, h);
}

bool detect_headers(const struct engine_settings *c, const struct headers *h,
		    const char *envfrom)
{
	return presents_as_linkedin(c, h, envfrom) ||
	       linkedin_domain(c, h->reply_to.domain) ||
	       match_role(c, ROLE_GATE, h->subject);
}

/* ---------------------------------------------------------------- kind */

const char detect_why_shape[] = "invitation-shaped";

enum { SIG_NONE, SIG_INVITATION, SIG_REMINDER, SIG_LINKEDIN };

static int subject_signal(const struct engine_settings *c, const char *subject)
{
	if (match_role(c, ROLE_FORWARD, subject))
		return SIG_NONE;	/* a reply or forward by a person */
	if (match_role(c, ROLE_SUBJECT_REMINDER, subject))
		return SIG_REMINDER;
	if (match_role(c, ROLE_SUBJECT_LINKEDIN, subject))
		return SIG_LINKEDIN;
	if (match_role(c, ROLE_SUBJECT_INVITATION, subject))
		return SIG_INVITATION;
	return SIG_NONE;
}

/* what the body says, each read at most once and only when needed */
enum { B_INVITATION, B_REMINDER, B_LINKEDIN, B_CLAIM, B_LURE, B_MENTION, B_COUNT };
struct body {
	const struct engine_settings *c;
	const struct message *m;
	int has[B_COUNT];	/* -1 unknown */
};

static bool body_has(struct body *b, int i)
{
	static const enum role roles[B_COUNT] = {
		ROLE_BODY_INVITATION, ROLE_BODY_REMINDER, ROLE_BODY_LINKEDIN,
		ROLE_BODY_CLAIM, ROLE_BODY_LURE, ROLE_MENTION
	};

	if (b->has[i] < 0)
		b->has[i] = b->m->text_len &&
			    role_match(&b->c->patterns, roles[i], b->m->text, b->m->text_len);
	return b->has[i];
}

/* the text (not a person's forward) claims to be LinkedIn's: its layout
 * or wording, or an invitation's shape with LinkedIn's name in it */
static bool body_claims(const struct engine_settings *c, const struct headers *h,
			struct body *b)
{
	if (match_role(c, ROLE_FORWARD, h->subject))
		return false;
	return body_has(b, B_CLAIM) ||
	       (body_has(b, B_LURE) && (match_role(c, ROLE_MENTION, h->subject) ||
					body_has(b, B_MENTION)));
}

/* a message presents itself as LinkedIn mail by a genuine sending or
 * Reply-To domain, a LinkedIn display name or one made to look like it, or
 * LinkedIn's layout in its text; a look-alike domain, or an invitation
 * subject from anyone, only together with LinkedIn's words */
static bool presents(const struct engine_settings *c, const struct headers *h,
		     const char *envfrom, struct body *b, int subj)
{
	const char *fake;

	if (genuine_domain(c, h->from.domain) || genuine_domain(c, h->sender.domain) ||
	    genuine_domain(c, envfrom) || genuine_domain(c, h->reply_to.domain) ||
	    display_claims(c, h))
		return true;
	if ((fake = lookalike_sender(c, h, envfrom)) != NULL)	/* an IDN homograph: at once */
		return lookalike_idn(fake) || subj != SIG_NONE || body_has(b, B_INVITATION) ||
		       body_has(b, B_REMINDER) || body_has(b, B_LINKEDIN) || body_claims(c, h, b);
	if (lookalike(c, h->reply_to.domain) || body_claims(c, h, b))
		return true;
	return (subj == SIG_INVITATION || subj == SIG_REMINDER) &&
	       (body_has(b, B_INVITATION) || body_has(b, B_REMINDER));
}

/* the kind, from the headers where they settle it, else from the body */
static enum kind decide_kind(const struct engine_settings *c, const struct headers *h,
			     const char *envfrom, const struct message *m,
			     const char **why)
{
	int subj = subject_signal(c, h->subject);
	const char *tpl = h->v[H_X_TEMPLATE], *cls = h->v[H_X_CLASS];
	struct body b = { c, m, { -1, -1, -1, -1, -1, -1 } };

	if (!presents(c, h, envfrom, &b, subj)) {
		*why = "not LinkedIn mail";
		return KIND_NONE;
	}
	/* X-LinkedIn-* only choose among kinds of mail already LinkedIn-like */
	*why = "reminder";
	if (subj == SIG_REMINDER || match_role(c, ROLE_TEMPLATE_REMINDER, tpl))
		return KIND_REMINDER;
	/* a look-alike sender is judged as an invitation whatever it imitates:
	 * the sender decides first, and it is phish */
	*why = "look-alike sender";
	if (lookalike_sender(c, h, envfrom))
		return KIND_INVITATION;
	*why = "LinkedIn notification";
	if (subj == SIG_LINKEDIN || match_role(c, ROLE_TEMPLATE_LINKEDIN, tpl) ||
	    match_role(c, ROLE_CLASS_LINKEDIN, cls))
		return KIND_NOTIFICATION;
	*why = "invitation";
	if (subj == SIG_INVITATION || match_role(c, ROLE_TEMPLATE_INVITATION, tpl))
		return KIND_INVITATION;
	/* invitations and their reminders share a class: the body tells them
	 * apart when neither the subject nor the template did */
	if (match_role(c, ROLE_CLASS_INVITATION, cls)) {
		*why = body_has(&b, B_REMINDER) ? "reminder" : "invitation";
		return body_has(&b, B_REMINDER) ? KIND_REMINDER : KIND_INVITATION;
	}
	/* an accept or add-me button with connection wording, where nothing
	 * of LinkedIn's (subject, template, invitation layout) said the kind,
	 * not from LinkedIn: a fake invitation, whatever else it copies */
	*why = detect_why_shape;
	if (!genuine_domain(c, sender_domain(h)) &&
	    !body_has(&b, B_INVITATION) && body_has(&b, B_LURE))
		return KIND_INVITATION;
	*why = "reminder";
	if (body_has(&b, B_REMINDER))
		return KIND_REMINDER;
	*why = "invitation";
	if (body_has(&b, B_INVITATION))
		return KIND_INVITATION;
	*why = "LinkedIn notification";
	return KIND_NOTIFICATION;
}

/* ---------------------------------------------------------------- authenticity */

bool url_host(const char *url, char *host, size_t len)
{
	const char *p = strstr(url, "://"), *end, *at;
	size_t n;

	if (!p)
		return false;
	p += 3;
	end = p + strcspn(p, "/?#\\");
	/* user info is not the host: take what follows the last '@' */
	for (at = p; at < end; at++)
		if (*at == '@')
			p = at + 1;
	if (*p == '[')		/* an IPv6 literal is never a LinkedIn host */
		end = p + strcspn(p, "]") + 1;
	else
		for (at = p; at < end; at++)
			if (*at == ':') {
				end = at;
				break;
			}
	n = (size_t)(end - p);
	if (n == 0 || n >= len)
		return false;
	for (size_t i = 0; i < n; i++)
		host[i] = (char)tolower((unsigned char)p[i]);
	host[n] = '\0';
	return true;
}

/* Each check below names what it found in X->detail and returns its reason
 * id, or NULL when the evidence it weighs is fine. */
struct evidence {
	const struct engine_settings *c;
	const struct headers *h;
	const char *envfrom;
	const struct message *m;
	const char *note;	/* the inviter's own words: links there are theirs */
	char *detail;
	size_t len;
	int own_dkim;		/* enum dkimv_result of our own verification */
};

static const char *found(struct evidence *x, enum reason id, const char *what)
{
	char uni[256];

	/* an IDN is named as a reader sees it, and as it was written */
	if (lookalike_idn(what) && lookalike_decode(what, uni, sizeof uni) && strcmp(uni, what))
		snprintf(x->detail, x->len, "%s (%s)", uni, what);
	else
		snprintf(x->detail, x->len, "%s", what);
	return reason_name(id);
}

/* a link LinkedIn's template put there (not one the inviter wrote in the note) */
static bool template_link(const struct evidence *x, const char *u)
{
	return !x->note || !*u || !strstr(x->note, u);
}

/* the first link to a look-alike host (LOOKALIKE) or, of the template's
 * links, to any host genuine mail does not link to */
static const char *links_check(struct evidence *x, bool lookalikes)
{
	struct pattern_set hosts = patterns_role(&x->c->patterns, ROLE_LINKHOST);
	char host[256];

	for (size_t i = 0; i < x->m->links.n; i++) {
		const char *u = x->m->links.v[i];

		if (!*u && !lookalikes)
			return found(x, REASON_FOREIGN_LINKS, "more links than were read");
		if (!str_has_prefix_ci(u, "http://") && !str_has_prefix_ci(u, "https://"))
			continue;	/* mailto:, tel:, fragments */
		if (!url_host(u, host, sizeof host)) {
			if (!lookalikes && template_link(x, u))
				return found(x, REASON_FOREIGN_LINKS, "a link without a host");
			continue;
		}
		if (genuine_domain(x->c, host) || domain_in_set(hosts, host, strlen(host)))
			continue;
		if (lookalikes && lookalike(x->c, host))
			return found(x, REASON_LOOKALIKE_DOMAIN, host);
		if (!lookalikes && template_link(x, u))
			return found(x, REASON_FOREIGN_LINKS, host);
	}
	return NULL;
}

static const char *lookalike_check(struct evidence *x)
{
	const char *d = lookalike_sender(x->c, x->h, x->envfrom);

	if (!d && lookalike(x->c, x->h->reply_to.domain))
		d = x->h->reply_to.domain;
	return d ? found(x, REASON_LOOKALIKE_DOMAIN, d) : links_check(x, true);
}

static const char *sender_check(struct evidence *x)
{
	const struct headers *h = x->h;
	/* a list's Sender names who distributed the mail, not who wrote it */
	const char *d = h->v[H_LIST_ID] ? h->from.domain : sender_domain(h);

	if (genuine_domain(x->c, d))
		return NULL;
	/* LinkedIn's name on an address at a free-mail provider */
	if (domain_in_set(patterns_role(&x->c->patterns, ROLE_FREEMAIL), d, strlen(d)))
		return found(x, REASON_FREEMAIL_SENDER, d);
	return found(x, REASON_FOREIGN_SENDER, *d ? d : "no sender address");
}

static const char *envelope_check(struct evidence *x)
{
	const struct headers *h = x->h;

	if (x->envfrom && *x->envfrom && !genuine_domain(x->c, x->envfrom))
		return found(x, REASON_FOREIGN_ENVELOPE, x->envfrom);
	if (h->return_path.addr[0] && !genuine_domain(x->c, h->return_path.domain))
		return found(x, REASON_FOREIGN_ENVELOPE, h->return_path.domain);
	return NULL;
}

/* our own verifier's word (Authentication-Results added on this host) */
static int authres(const struct evidence *x)
{
	const struct headers *h = x->h;

	struct pattern_set doms = patterns_role(&x->c->patterns, ROLE_DOMAIN);
	int v = authres_verdict(&x->c->authserv_id, (const char *const *)h->auth_results,
				h->ar_trust, h->n_auth_results, doms);

	if (v == AUTHRES_NONE &&
	    authres_arc_pass(&x->c->authserv_id, (const char *const *)h->auth_results,
			     h->ar_trust, h->n_auth_results, h->arc_results, h->n_arc_results,
			     &x->c->trusted_arc_sealers, doms))
		return AUTHRES_PASS;
	return v;
}

/* the reason id why the mail is not LinkedIn's, or NULL when it is: a
 * look-alike or a dmarc fail of ours always counts, and so do the
 * template's links; a dkim or dmarc pass of ours outweighs a foreign
 * envelope (forwarders, SRS) and the sending domain, and on list mail
 * (List-Id) also the list's footer: the list only passed it on; without a
 * pass the sending domain must be LinkedIn's */
static const char *weigh(struct evidence *x)
{
	const char *id;
	int ar;

	if ((id = lookalike_check(x)) != NULL)
		return id;
	ar = authres(x);
	/* our own verification: only a pass counts (a fail is no evidence) */
	if (ar == AUTHRES_NONE && x->own_dkim == DKIMV_PASS)
		ar = AUTHRES_PASS;
	if (ar == AUTHRES_FAIL || ar == AUTHRES_FAIL_DMARC)
		return found(x, ar == AUTHRES_FAIL ? REASON_DKIM_FAIL : REASON_DMARC_FAIL, "linkedin.com");
	if (ar == AUTHRES_PASS && x->h->v[H_LIST_ID])
		return NULL;
	if ((ar != AUTHRES_PASS && (id = sender_check(x)) != NULL) ||
	    (id = links_check(x, false)) != NULL)
		return id;
	if (ar == AUTHRES_PASS)
		return NULL;
	if ((id = envelope_check(x)) != NULL)
		return id;
	if (x->c->require_authentication)
		return found(x, REASON_NO_AUTHENTICATION,
			     x->c->authserv_id.n ? x->c->authserv_id.v[0] : "");
	return NULL;
}

void detect_message(const struct engine_settings *c, const struct headers *h,
		    const char *envfrom, const struct message *m,
		    struct invitation *inv)
{
	const char *why = "";

	inv->kind = decide_kind(c, h, envfrom, m, &why);
	inv->authentic = -1;
	inv->why = why;
}

void detect_authentic(const struct engine_settings *c, const struct headers *h,
		      const char *envfrom, const struct message *m,
		      struct invitation *inv)
{
	struct evidence x = { c, h, envfrom, m, inv->note, inv->why_detail,
			      sizeof inv->why_detail, inv->own_dkim };
	const char *id;

	if (inv->kind == KIND_NONE)
		return;
	id = weigh(&x);
	inv->authentic = id == NULL;
	if (id)
		inv->why = id;
	else if (inv->why == detect_why_shape)
		inv->kind = KIND_NOTIFICATION;	/* LinkedIn's own: the shape was its layout */
}
