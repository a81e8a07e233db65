/* inbound.c - one message through the layers: the engine reads it, the
 * recipient's profile is chosen, the policy judges and plans it, and the
 * drafts layer gets what a reply is made from */
#include "autoconfig.h"
#include "inbound.h"

#include <string.h>
#include "classify.h"
#include "reasons.h"
#include "str.h"

void inbound_init(struct inbound *m, struct config *cfg)
{
	/* no memset of the whole: scan_init clears the scan, the rest is set */
	m->cfg = config_ref(cfg);
	m->profile = &cfg->owner;
	scan_init(&m->scan, &cfg->engine);
	m->result.verdict = VERDICT_NONE;
	m->result.n_reasons = 0;
	m->result.rule = -1;
}

void inbound_free(struct inbound *m)
{
	scan_free(&m->scan);	/* clears the scan: no memset of the whole again */
	if (m->cfg)
		config_unref(m->cfg);
	m->cfg = NULL;
	m->profile = NULL;
	m->result.n_reasons = 0;
}

/* invitations are judged, and so is every forgery of any kind (phish) */
static bool is_judged(const struct invitation *inv)
{
	return inv->kind == KIND_INVITATION || inv->kind == KIND_REMINDER ||
	       (inv->kind != KIND_NONE && inv->authentic == 0);
}

int inbound_eom(struct inbound *m)
{
	const struct scan *s = &m->scan;

	if (scan_eom(&m->scan) < 0)
		return -1;
	if (s->inv.kind != KIND_NONE)	/* the recipient's profile decides the actions */
		m->profile = config_profile(m->cfg, s->rcpt[0] ? s->rcpt : NULL);
	if (is_judged(&s->inv))
		classify(&m->cfg->policy, &m->profile->profile, &s->inv, s->rcpt, s->h.subject,
			 &m->result);
	return mem_failed() ? -1 : 0;	/* scan_eom() cleared it: the profile's or the policy's */
}

void inbound_plan(const struct inbound *m, struct plan *out)
{
	plan_actions(&m->profile->profile, &m->scan.inv, &m->result, out);
}

void inbound_draft_input(const struct inbound *m, struct draft_input *in)
{
	memset(in, 0, sizeof *in);
	in->inv = &m->scan.inv;
	in->rcpt = m->scan.rcpt;
	in->message_id = m->scan.h.v[H_MESSAGE_ID];
	in->owner = &m->profile->profile;
	in->set = &m->profile->drafts;
	in->patterns = &m->cfg->engine.patterns;
	in->claim_mismatch = m->result.n_reasons > 0 &&
			     reason_from_name(m->result.reasons[0]) == REASON_CLAIM_MISMATCH;
}
