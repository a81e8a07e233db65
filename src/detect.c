/* detect.c - is this LinkedIn mail, of which kind, and is it authentic.
 * The headers settle ordinary mail; the body is read only for mail that
 * looks like LinkedIn's. What "looks like" means is in patterns.conf. */
#include "autoconfig.h"
#include "detect.h"
#include "authres.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static bool match_role(const struct config *c, enum role r, const char *s)
{
	return s && *s && role_match(&c->patterns, r, s, strlen(s));
}

static bool genuine_domain(const struct config *c, const char *d)
{
	return d && *d && domain_in_set(patterns_role(&c->patterns, ROLE_DOMAIN), d, strlen(d));
}

/* the sending domain: Sender when present, else From */
static const char *sender_domain(const struct headers *h)
{
	return h->sender.addr[0] ? h->sender.domain : h->from.domain;
}

/* a LinkedIn domain, or one made to look like it */
static bool linkedin_domain(const struct config *c, const char *d)
{
	return genuine_domain(c, d) || match_role(c, ROLE_LOOKALIKE, d);
}

/* the sender presents itself as LinkedIn */
static bool presents_as_linkedin(const struct config *c, const struct headers *h,
				 const char *envfrom)
{
	return linkedin_domain(c, h->from.domain) || linkedin_domain(c, h->sender.domain) ||
	       linkedin_domain(c, envfrom) || match_role(c, ROLE_DISPLAY, h->from.display);
}

bool detect_headers(const struct config *c, const struct headers *h,
		    const char *envfrom)
{
	return presents_as_linkedin(c, h, envfrom) ||
	       linkedin_domain(c, h->reply_to.domain) ||
	       match_role(c, ROLE_GATE, h->subject);
}

/* ---------------------------------------------------------------- kind */

enum { SIG_NONE, SIG_INVITATION, SIG_REMINDER, SIG_LINKEDIN };

static int subject_signal(const struct config *c, const char *subject)
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
struct body {
	const struct config *c;
	const struct message *m;
	int has[3];		/* invitation, reminder, linkedin: -1 unknown */
};

static bool body_has(struct body *b, int i)
{
	static const enum role roles[3] = {
		ROLE_BODY_INVITATION, ROLE_BODY_REMINDER, ROLE_BODY_LINKEDIN
	};

	if (b->has[i] < 0)
		b->has[i] = b->m->text_len &&
			    role_match(&b->c->patterns, roles[i], b->m->text, b->m->text_len);
	return b->has[i];
}

/* a message presents itself as LinkedIn mail by a genuine sending domain
 * or a LinkedIn display name; a look-alike domain, or an invitation subject
 * from anyone, only together with LinkedIn's words in subject or body */
static bool presents(const struct config *c, const struct headers *h,
		     const char *envfrom, struct body *b, int subj)
{
	if (genuine_domain(c, h->from.domain) || genuine_domain(c, h->sender.domain) ||
	    genuine_domain(c, envfrom) || match_role(c, ROLE_DISPLAY, h->from.display))
		return true;
	if (match_role(c, ROLE_LOOKALIKE, h->from.domain) ||
	    match_role(c, ROLE_LOOKALIKE, h->sender.domain) ||
	    match_role(c, ROLE_LOOKALIKE, envfrom))
		return subj != SIG_NONE || body_has(b, 0) || body_has(b, 1) || body_has(b, 2);
	return (subj == SIG_INVITATION || subj == SIG_REMINDER) &&
	       (body_has(b, 0) || body_has(b, 1));
}

/* the kind, from the headers where they settle it, else from the body */
static enum kind decide_kind(const struct config *c, const struct headers *h,
			     const char *envfrom, const struct message *m,
			     const char **why)
{
	int subj = subject_signal(c, h->subject);
	const char *tpl = h->v[H_X_TEMPLATE], *cls = h->v[H_X_CLASS];
	struct body b = { c, m, { -1, -1, -1 } };

	if (!presents(c, h, envfrom, &b, subj)) {
		*why = "not LinkedIn mail";
		return KIND_NONE;
	}
	/* X-LinkedIn-* only choose among kinds of mail already LinkedIn-like */
	*why = "reminder";
	if (subj == SIG_REMINDER || match_role(c, ROLE_TEMPLATE_REMINDER, tpl))
		return KIND_REMINDER;
	*why = "LinkedIn notification";
	if (subj == SIG_LINKEDIN || match_role(c, ROLE_TEMPLATE_LINKEDIN, tpl) ||
	    match_role(c, ROLE_CLASS_LINKEDIN, cls))
		return KIND_LINKEDIN;
	*why = "invitation";
	if (subj == SIG_INVITATION || match_role(c, ROLE_TEMPLATE_INVITATION, tpl) ||
	    match_role(c, ROLE_CLASS_INVITATION, cls))
		return KIND_INVITATION;
	*why = "reminder";
	if (body_has(&b, 1))
		return KIND_REMINDER;
	*why = "invitation";
	if (body_has(&b, 0))
		return KIND_INVITATION;
	*why = "LinkedIn notification";
	return KIND_LINKEDIN;
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

/* every link goes to a host genuine mail may link to */
static bool links_genuine(const struct config *c, const struct message *m)
{
	struct pattern_set hosts = patterns_role(&c->patterns, ROLE_LINKHOST);
	struct pattern_set doms = patterns_role(&c->patterns, ROLE_DOMAIN);
	char host[256];

	for (size_t i = 0; i < m->links.n; i++) {
		const char *u = m->links.v[i];

		if (!*u)
			return false;	/* more links than were kept */
		if (!str_has_prefix_ci(u, "http://") && !str_has_prefix_ci(u, "https://"))
			continue;	/* mailto:, tel:, fragments */
		if (!url_host(u, host, sizeof host))
			return false;
		if (!domain_in_set(doms, host, strlen(host)) &&
		    !domain_in_set(hosts, host, strlen(host)))
			return false;
	}
	return true;
}

static int authenticity(const struct config *c, const struct headers *h,
			const char *envfrom, const struct message *m, const char **why)
{
	struct pattern_set doms = patterns_role(&c->patterns, ROLE_DOMAIN);
	int ar;

	if (!genuine_domain(c, sender_domain(h))) {
		*why = "sender domain is not LinkedIn's";
		return 0;
	}
	if ((envfrom && *envfrom && !genuine_domain(c, envfrom)) ||
	    (h->return_path.addr[0] && !genuine_domain(c, h->return_path.domain))) {
		*why = "envelope sender domain is not LinkedIn's";
		return 0;
	}
	if (!links_genuine(c, m)) {
		*why = "a link goes to a host that is not LinkedIn's";
		return 0;
	}
	ar = authres_verdict(c->authserv_id, (const char *const *)h->auth_results,
			     h->n_auth_results, doms);
	if (ar == AUTHRES_FAIL) {
		*why = "our Authentication-Results say dkim or dmarc failed";
		return 0;
	}
	if (c->require_authentication && ar != AUTHRES_PASS) {
		*why = "no dkim or dmarc pass from our own Authentication-Results";
		return 0;
	}
	*why = "authentic";
	return 1;
}

void detect_message(const struct config *c, const struct headers *h,
		    const char *envfrom, const struct message *m,
		    struct invitation *inv)
{
	const char *why = "";

	inv->kind = decide_kind(c, h, envfrom, m, &why);
	inv->authentic = -1;
	inv->why = why;
	if (inv->kind != KIND_NONE) {
		inv->authentic = authenticity(c, h, envfrom, m, &why);
		if (!inv->authentic)
			inv->why = why;
	}
}
