/* plan.c - what is done to one message: the profile's action for its
 * verdict (or for other genuine LinkedIn notifications; a forged one is
 * phish), minus what must never happen (a draft for phish or for anything
 * but a genuine invitation) */
#include "autoconfig.h"
#include "plan.h"

#include <string.h>
#include "json.h"
#include "buf.h"

static const char *nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

void plan_actions(const struct profile *p, const struct invitation *inv,
		  const struct verdict_result *r, struct plan *out)
{
	const struct action *a;
	enum kind k = inv->kind;
	bool notification = plan_notification(inv, r);

	memset(out, 0, sizeof *out);
	if (k == KIND_NONE)
		return;
	if (notification)
		a = &p->actions[ACTION_NOTIFICATION];
	else if (r->verdict >= 0 && r->verdict < VERDICT_COUNT)
		a = &p->actions[r->verdict];
	else
		return;
	out->tag = a->tag;
	out->subject_prefix = nonempty(a->subject_prefix);
	out->folder = nonempty(a->folder);
	out->detail = nonempty(a->detail);
	out->quarantine = a->quarantine;
	out->explain = a->explain && !notification;
	/* drafts answer genuine invitations (and reminders of them) only */
	if ((k == KIND_INVITATION || k == KIND_REMINDER) && inv->authentic == 1 &&
	    r->verdict != VERDICT_PHISH)
		out->draft = nonempty(a->draft);
}

static void item(struct buf *b, bool *first, const char *what, const char *value)
{
	struct buf tmp;

	if (!*first)
		buf_putc(b, ',');
	*first = false;
	buf_init(&tmp, 0);
	buf_puts(&tmp, what);
	if (value) {
		buf_putc(&tmp, ':');
		buf_puts(&tmp, value);
	}
	json_string(b, tmp.data);
	buf_free(&tmp);
}

void plan_json(const struct plan *pl, struct buf *b)
{
	bool first = true;

	buf_putc(b, '[');
	if (pl->tag)
		item(b, &first, "tag", NULL);
	if (pl->explain)
		item(b, &first, "explain", NULL);
	if (pl->subject_prefix)
		item(b, &first, "subject", pl->subject_prefix);
	if (pl->folder)
		item(b, &first, "folder", pl->folder);
	if (pl->detail)
		item(b, &first, "detail", pl->detail);
	if (pl->quarantine)
		item(b, &first, "quarantine", NULL);
	if (pl->draft)
		item(b, &first, "draft", pl->draft);
	buf_putc(b, ']');
}
