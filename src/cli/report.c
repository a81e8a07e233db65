/* report.c - the test-mode JSON object of one scanned message: exactly the
 * keys of the design, null where unknown */
#include "autoconfig.h"
#include "report.h"

#include "plan.h"
#include "classify.h"
#include "json.h"
#include "buf.h"

static void json_bool(struct buf *b, int v)
{
	buf_puts(b, v < 0 ? "null" : v ? "true" : "false");
}

static void inviter(struct buf *b, const struct invitation *inv)
{
	buf_putc(b, '{');
	json_key(b, "name", 1);
	json_string(b, inv->name);
	json_key(b, "headline", 0);
	json_string(b, inv->headline);
	json_key(b, "profile_url", 0);
	json_string(b, inv->profile_url);
	json_key(b, "email", 0);
	json_string(b, inv->email);
	buf_putc(b, '}');
}

static void reasons(struct buf *b, const struct verdict_result *r)
{
	buf_putc(b, '[');
	for (size_t i = 0; i < r->n_reasons; i++) {
		if (i)
			buf_putc(b, ',');
		json_string(b, r->reasons[i]);
	}
	buf_putc(b, ']');
}

/* --explain: one sentence per reason, in the order of the reasons */
static void explanations(struct buf *b, const struct inbound *s)
{
	char text[400];

	json_key(b, "explanations", 0);
	buf_putc(b, '[');
	for (size_t i = 0; i < s->result.n_reasons; i++) {
		if (i)
			buf_putc(b, ',');
		explain(&s->profile->profile, &s->scan.inv, &s->result, i, text, sizeof text);
		json_string(b, text);
	}
	buf_putc(b, ']');
}

void report_json(struct buf *b, const char *file, const struct inbound *s, bool explain)
{
	const struct invitation *inv = &s->scan.inv;
	struct plan plan;
	bool fields = inv->kind == KIND_INVITATION || inv->kind == KIND_REMINDER;

	buf_putc(b, '{');
	json_key(b, "file", 1);
	json_string(b, file);
	json_key(b, "kind", 0);
	json_string(b, kind_name(inv->kind));
	json_key(b, "authentic", 0);
	json_bool(b, inv->kind == KIND_NONE ? -1 : inv->authentic);
	json_key(b, "inviter", 0);
	inviter(b, inv);
	json_key(b, "note", 0);
	json_string(b, inv->note);
	json_key(b, "note_kind", 0);
	json_string(b, fields ? note_kind_name(inv->note_kind) : NULL);
	json_key(b, "claim", 0);
	json_string(b, inv->claim != CLAIM_NONE ? claim_name(inv->claim) : NULL);
	json_key(b, "claim_org", 0);
	json_string(b, inv->claim_org);
	json_key(b, "mutual", 0);
	if (inv->mutual >= 0)
		buf_printf(b, "%ld", inv->mutual);
	else
		buf_puts(b, "null");
	json_key(b, "language", 0);
	json_string(b, inv->language[0] ? inv->language : NULL);
	json_key(b, "verdict", 0);
	json_string(b, verdict_name(s->result.verdict));
	json_key(b, "reasons", 0);
	reasons(b, &s->result);
	json_key(b, "actions", 0);
	inbound_plan(s, &plan);
	plan_json(&plan, b);
	if (explain)
		explanations(b, s);
	buf_putc(b, '}');
}
