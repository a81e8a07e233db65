/* classify.c - an invitation and the owner's profile into a verdict with
 * reasons: the default rules of the design, first match wins, with the
 * user's rules before them (after the phish rule) or before the fallbacks */
#include "autoconfig.h"
#include "classify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "contacts.h"
#include "fold.h"
#include "pitch.h"
#include "strlist.h"
#include "org_key.h"
#include "reasons.h"

struct ctx {
	const struct policy *c;
	const struct profile *p;
	const struct invitation *inv;
	const char *rcpt, *subject;
	struct verdict_result *r;
};

static bool decide(struct ctx *x, enum verdict v, const char *reason, const char *detail)
{
	struct verdict_result *r = x->r;

	r->verdict = v;
	if (r->n_reasons < MAX_REASONS) {
		r->reasons[r->n_reasons] = reason;
		snprintf(r->detail[r->n_reasons], sizeof r->detail[0], "%s", detail ? detail : "");
		r->n_reasons++;
	}
	return true;
}

/* ---------------------------------------------------------------- user rules */

static const char *field_value(const struct ctx *x, enum field f)
{
	const struct field_src src = { x->inv, x->rcpt, x->subject };

	return field_text(f, &src);
}

static bool user_rules(struct ctx *x, bool before)
{
	for (size_t i = 0; i < x->c->n_rules; i++) {
		const struct rule *u = &x->c->rules[i];
		const char *v = field_value(x, u->field);

		if (u->before != before || !v || !regex_match(u->re, v, strlen(v)))
			continue;
		x->r->rule = (int)i;
		return decide(x, u->verdict, u->reason, field_name(u->field));
	}
	return false;
}

/* ---------------------------------------------------------------- helpers */

static bool lexicon(const struct ctx *x, enum role r, const char *s)
{
	return s && role_match(x->c->patterns, r, s, strlen(s));
}

/* ORG is one of the organisation KEYS (both normalised the same way) */
static bool org_in(const struct policy *c, const char *org, const struct strlist *keys)
{
	char *k = org_key(c->patterns, org);
	bool found = false;

	for (size_t i = 0; k && *k && !found && i < keys->n; i++)
		found = strcmp(k, keys->v[i]) == 0;
	free(k);
	return found;
}

/* ---------------------------------------------------------------- rules */

static bool known_inviter(struct ctx *x)
{
	const struct contacts *ct = x->p->contacts;

	if (x->inv->email && contacts_has_address(ct, x->inv->email))
		return decide(x, VERDICT_ACCEPT, reason_name(REASON_KNOWN_INVITER), x->inv->email);
	if (x->inv->name && contacts_has_name(ct, x->inv->name))
		return decide(x, VERDICT_ACCEPT, reason_name(REASON_KNOWN_INVITER), x->inv->name);
	return false;
}

static bool claim_mismatch(struct ctx *x)
{
	const struct invitation *inv = x->inv;
	const struct strlist *list = NULL;

	switch (inv->claim) {
	case CLAIM_COLLEAGUE: list = &x->p->org_keys[0]; break;
	case CLAIM_CLASSMATE: list = &x->p->org_keys[1]; break;
	case CLAIM_GROUP: list = &x->p->org_keys[2]; break;
	case CLAIM_FRIEND:	/* not a contact, so the claim is unverified */
		return decide(x, VERDICT_ASK, reason_name(REASON_CLAIM_MISMATCH), "friend");
	default:
		return false;
	}
	if (!inv->claim_org || org_in(x->c, inv->claim_org, list))
		return false;
	return decide(x, VERDICT_ASK, reason_name(REASON_CLAIM_MISMATCH), inv->claim_org);
}

static bool numbers_game(struct ctx *x)
{
	if (lexicon(x, ROLE_NUMBERS_GAME, x->inv->note) ||
	    lexicon(x, ROLE_NUMBERS_GAME, x->inv->headline))
		return decide(x, VERDICT_IGNORE, reason_name(REASON_NUMBERS_GAME), NULL);
	return false;
}

/* the inviter's role is a pitch (its title into TITLE, "" when the note
 * sells instead); never in mode open */
static bool is_pitch(const struct ctx *x, char *title, size_t len)
{
	const struct invitation *inv = x->inv;
	const char *lang = inv->language[0] ? inv->language : NULL;

	*title = '\0';
	if (x->p->mode == MODE_OPEN)
		return false;
	if (inv->headline && pitch_title(x->c->patterns, lang, inv->headline, title, len))
		return true;
	return inv->note_kind == NOTE_PERSONAL && pitch_note(x->c->patterns, lang, inv->note);
}

static bool unsolicited_pitch(struct ctx *x)
{
	char title[160];

	if (is_pitch(x, title, sizeof title))
		return decide(x, VERDICT_DECLINE, reason_name(REASON_UNSOLICITED_PITCH), title);
	return false;
}

/* the folded note names one of the folded LIST; the original name of it */
static const char *names_one_of(const char *folded_note, const struct strlist *folded,
				const struct strlist *names)
{
	for (size_t i = 0; i < folded->n; i++)
		if (fold_contains(folded_note, folded->v[i]))
			return names->v[i];
	return NULL;
}

static bool shared_context(struct ctx *x)
{
	const struct profile *p = x->p;
	const struct strlist *names[3] = { &p->employers, &p->schools, &p->groups };
	const char *hit = NULL;
	char *note, title[160];

	if (x->inv->note_kind != NOTE_PERSONAL || !x->inv->note)
		return false;
	if ((note = fold(x->inv->note)) != NULL) {
		for (int k = 0; k < 3 && !hit; k++)
			hit = names_one_of(note, &p->folded[k], names[k]);
		free(note);
	}
	if (!hit && !lexicon(x, ROLE_SHARED_CONTEXT, x->inv->note))
		return false;
	/* someone you met is not a stranger, whatever their job: the owner
	 * sees both */
	decide(x, VERDICT_CONSIDER, reason_name(REASON_SHARED_CONTEXT), hit);
	if (is_pitch(x, title, sizeof title))
		decide(x, VERDICT_CONSIDER, reason_name(REASON_UNSOLICITED_PITCH), title);
	return true;
}

static bool fallback(struct ctx *x)
{
	enum mode m = x->p->mode;

	if (x->inv->note_kind == NOTE_PERSONAL)
		return decide(x, m == MODE_STRICT ? VERDICT_ASK : VERDICT_CONSIDER,
			      reason_name(REASON_PERSONAL_NOTE), NULL);
	return decide(x, m == MODE_STRICT ? VERDICT_DECLINE :
			 m == MODE_OPEN ? VERDICT_CONSIDER : VERDICT_ASK,
		      reason_name(x->inv->note_kind == NOTE_GENERIC ? REASON_GENERIC_NOTE
								: REASON_NO_NOTE), NULL);
}

void classify(const struct policy *c, const struct profile *p,
	      const struct invitation *inv, const char *rcpt, const char *subject,
	      struct verdict_result *r)
{
	struct ctx x = { c, p, inv, rcpt, subject, r };

	memset(r, 0, sizeof *r);
	r->verdict = VERDICT_NONE;
	r->rule = -1;
	/* a forgery is phish whatever any other rule would say */
	if (inv->authentic == 0) {
		decide(&x, VERDICT_PHISH, inv->why && *inv->why ? inv->why : reason_name(REASON_NOT_AUTHENTIC),
		       inv->why_detail);
		return;
	}
	if (user_rules(&x, true) || known_inviter(&x) || claim_mismatch(&x) ||
	    numbers_game(&x) || shared_context(&x) || unsolicited_pitch(&x) ||
	    user_rules(&x, false))
		return;
	fallback(&x);
}

/* ---------------------------------------------------------------- explain */

/* why a message is not LinkedIn's: what it imitates, then one clause per
 * reason id around the detail (a domain, a host) */
static const struct { const char *before, *after; } phish_texts[REASON_COUNT] = {
	[REASON_LOOKALIKE_DOMAIN] = { "the sender or a link uses ", ", a domain made to look like LinkedIn's" },
	[REASON_DKIM_FAIL] = { "our own DKIM check failed for the signature of ", "" },
	[REASON_DMARC_FAIL] = { "our own DMARC check failed for ", "" },
	[REASON_FOREIGN_LINKS] = { "a link of the LinkedIn layout goes to ", ", which is not LinkedIn's" },
	[REASON_FREEMAIL_SENDER] = { "was sent from the free-mail provider ", "" },
	[REASON_FOREIGN_SENDER] = { "was sent by ", "" },
	[REASON_FOREIGN_ENVELOPE] = { "was sent from ", " (envelope) and our checks found no DKIM or DMARC pass for LinkedIn" },
	[REASON_NO_AUTHENTICATION] = { "our verifier ", " found no DKIM or DMARC pass for LinkedIn, which the configuration requires" },
	[REASON_NOT_AUTHENTIC] = { "is not authentic LinkedIn mail ", "" },
};

static bool explain_phish(const struct invitation *inv, enum reason id, const char *d,
			  char *out, size_t len)
{
	if (!phish_texts[id].before)
		return false;
	/* our own DKIM check could not get a key: no evidence, but say so */
	snprintf(out, len, "looks like a LinkedIn %s, but %s%s%s%s",
		 inv->kind == KIND_NONE ? "message" : kind_name(inv->kind), phish_texts[id].before, d,
		 phish_texts[id].after, inv->own_dkim == DKIMV_TEMPERROR ?
		 " (our own DKIM check could not get LinkedIn's key in time: no evidence either way)" : "");
	return true;
}

static void explain_claim(const struct invitation *inv, const char *d, char *out, size_t len)
{
	if (inv->claim == CLAIM_FRIEND)
		snprintf(out, len, "claims to be a friend, but is not in your contacts");
	else if (inv->claim == CLAIM_COLLEAGUE)
		snprintf(out, len, "claims to be a colleague at %s, which is not one of your employers", d);
	else if (inv->claim == CLAIM_CLASSMATE)
		snprintf(out, len, "claims to be a classmate at %s, which is not one of your schools", d);
	else
		snprintf(out, len, "claims to share the group %s, which is not one of your groups", d);
}

void explain(const struct profile *p, const struct invitation *inv,
	     const struct verdict_result *r, size_t i, char *out, size_t len)
{
	const char *d = r->detail[i];
	enum reason id = reason_from_name(r->reasons[i]);

	if (r->rule >= 0)
		snprintf(out, len, "matches your rule on %s (reason %s)", d, r->reasons[i]);
	else if (r->verdict == VERDICT_PHISH && explain_phish(inv, id, d, out, len))
		return;
	else if (id == REASON_KNOWN_INVITER)
		snprintf(out, len, "%s is in your contacts", d);
	else if (id == REASON_CLAIM_MISMATCH)
		explain_claim(inv, d, out, len);
	else if (id == REASON_NUMBERS_GAME)
		snprintf(out, len, "the note or headline is about collecting connections");
	else if (id == REASON_UNSOLICITED_PITCH && *d)
		snprintf(out, len, "the job title \"%s\" is a sales, recruiting, property, insurance "
			 "or finance role, and you are not in open mode", d);
	else if (id == REASON_UNSOLICITED_PITCH)
		snprintf(out, len, "the note sells something, and you are not in open mode");
	else if (id == REASON_SHARED_CONTEXT && *d)
		snprintf(out, len, "the personal note mentions %s", d);
	else if (id == REASON_SHARED_CONTEXT)
		snprintf(out, len, "the personal note says where you met");
	else if (id == REASON_PERSONAL_NOTE)
		snprintf(out, len, "a personal note, with no shared context (mode %s)", mode_name(p->mode));
	else if (id == REASON_GENERIC_NOTE)
		snprintf(out, len, "only LinkedIn's stock note (mode %s)", mode_name(p->mode));
	else
		snprintf(out, len, "no note (mode %s)", mode_name(p->mode));
}
