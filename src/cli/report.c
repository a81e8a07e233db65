/* report.c - the test-mode JSON object of one scanned message: exactly the
 * keys of the design, null where unknown */
#include "autoconfig.h"
#include "report.h"

#include <string.h>
#include "plan.h"
#include "classify.h"
#include "json.h"
#include "buf.h"

static void json_bool(struct buf *b, int v)
{
	buf_puts(b, v < 0 ? "null" : v ? "true" : "false");
}

/* one field's value: a string, a number, or null */
static void field_value(struct buf *b, const struct field_def *d, const struct field_src *src)
{
	long n;

	if (!d->number)
		json_string(b, d->text(src));
	else if ((n = d->number(src)) >= 0)
		buf_printf(b, "%ld", n);
	else
		buf_puts(b, "null");
}

/* the fields of the field table the JSON has, in its order; "group.key"
 * fields next to each other go into one object "group" */
static void fields(struct buf *b, const struct field_src *src)
{
	char group[32] = "";

	for (int f = 0; f < FIELD_COUNT; f++) {
		const struct field_def *d = field_def((enum field)f);
		const char *dot = strchr(d->name, '.');
		size_t glen = dot ? (size_t)(dot - d->name) : 0;
		bool first = false;

		if (!d->json)
			continue;
		if (group[0] && (glen != strlen(group) || strncmp(d->name, group, glen))) {
			buf_putc(b, '}');
			group[0] = '\0';
		}
		if (dot && !group[0] && glen < sizeof group) {
			memcpy(group, d->name, glen);
			group[glen] = '\0';
			json_key(b, group, 0);
			buf_putc(b, '{');
			first = true;
		}
		json_key(b, group[0] ? dot + 1 : d->name, first);
		field_value(b, d, src);
	}
	if (group[0])
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
	const struct field_src src = { inv, s->scan.rcpt, s->scan.h.subject };
	struct plan plan;

	buf_putc(b, '{');
	json_key(b, "file", 1);
	json_string(b, file);
	json_key(b, "kind", 0);
	json_string(b, kind_name(inv->kind));
	json_key(b, "authentic", 0);
	json_bool(b, inv->kind == KIND_NONE ? -1 : inv->authentic);
	fields(b, &src);
	json_key(b, "verdict", 0);
	json_string(b, verdict_name(s->result.verdict));
	json_key(b, "reasons", 0);
	reasons(b, &s->result);
	json_key(b, "actions", 0);
	inbound_plan(s, &plan);
	plan_json(&plan, b);
	if (inv->dkim.why[0]) {	/* our own DKIM verification was made */
		json_key(b, "dkim", 0);
		json_string(b, inv->dkim.why);
	}
	if (explain)
		explanations(b, s);
	buf_putc(b, '}');
}
