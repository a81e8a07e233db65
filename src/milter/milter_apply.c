/* milter_apply.c - carrying out the plan of actions on one message through
 * libmilter. Nothing here can lose mail: a recipient is added before the
 * one it replaces is removed, and a failed action is logged and skipped. */
#include "autoconfig.h"
#include "milter_apply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "plan.h"
#include "classify.h"
#include "draft_submit.h"
#include "milter_io.h"
#include "encode.h"
#include "log.h"
#include "buf.h"
#include "str.h"

#define MAX_INVITER_HEADER 200	/* bytes of the name in X-LinkedIn-Inviter */
#define MAX_EXPLANATION 300	/* bytes of the sentence in X-LinkedIn-Explanation and logs */

static const char *const own_names[N_OWN_HEADERS] = {
	"X-LinkedIn-Verdict", "X-LinkedIn-Reasons", "X-LinkedIn-Inviter", "X-LinkedIn-Folder",
	"X-LinkedIn-Explanation"
};

int own_header(const char *name)
{
	for (int i = 0; i < N_OWN_HEADERS; i++)
		if (strcasecmp(name, own_names[i]) == 0)
			return i;
	return -1;
}

void remove_header(struct act *a, const char *name, unsigned index)
{
	if (milter_io->chgheader(a->ctx, (char *)name, (int)index, NULL) != MI_SUCCESS)
		log_msg(LOG_WARNING, "%s: could not remove a forged %s header", a->qid, name);
}

void remove_forged(struct act *a, const unsigned *forged)
{
	for (int i = 0; i < N_OWN_HEADERS; i++)
		for (unsigned k = forged[i]; k > 0; k--)	/* last first: indexes stay valid */
			remove_header(a, own_names[i], k);
}

/* one more action done, for the log line: "tag,folder:X,..." */
static void done_add(struct buf *done, const char *what, const char *value)
{
	buf_printf(done, "%s%s%s%s", done->len ? "," : "", what, value ? ":" : "", value ? value : "");
}

static void add_header(struct act *a, const char *name, const char *value, struct buf *done)
{
	if (milter_io->addheader(a->ctx, (char *)name, (char *)value) != MI_SUCCESS)
		log_msg(LOG_WARNING, "%s: could not add %s", a->qid, name);
	else if (done)
		done_add(done, "tag", NULL);
}

/* the values of our headers, the new Subject and the new recipients, all
 * made before anything is changed: when memory runs out for one of them,
 * nothing is (carry_out() fails, on_error decides) */
struct values {
	char *reasons, *inviter, *explanation, *subject;
	char **to;	/* per recipient: the new address, NULL to leave it */
};

static void tag(struct act *a, const struct inbound *s, const struct values *v,
		struct buf *done)
{
	if (plan_notification(&s->scan.inv, &s->result)) {
		add_header(a, own_names[0], kind_name(KIND_NOTIFICATION), done);
		return;
	}
	add_header(a, own_names[0], verdict_name(s->result.verdict), done);
	if (v->reasons)
		add_header(a, own_names[1], v->reasons, NULL);
	if (v->inviter)
		add_header(a, own_names[2], v->inviter, NULL);
}

/* the first reason in a sentence, safe for a header or a log line: no
 * control characters, bounded, quotes made single; NULL when none */
static char *first_explanation(const struct inbound *s)
{
	char text[400], *safe;

	if (plan_notification(&s->scan.inv, &s->result) || s->result.n_reasons == 0)
		return NULL;
	explain(&s->profile->profile, &s->scan.inv, &s->result, 0, text, sizeof text);
	if ((safe = header_text(text, MAX_EXPLANATION)) != NULL)
		for (char *q = safe; *q; q++)
			if (*q == '"')
				*q = '\'';
	return safe;
}

/* TEXT as a header value (RFC 2047 words where needed); NULL for none */
static char *encoded(const char *text)
{
	struct buf v;

	if (!text || !*text)
		return NULL;
	buf_init(&v, 0);
	rfc2047(&v, text);
	return buf_steal(&v);
}

static char *reasons_value(const struct inbound *s)
{
	struct buf v;

	if (plan_notification(&s->scan.inv, &s->result) || s->result.n_reasons == 0)
		return NULL;
	buf_init(&v, 0);
	for (size_t i = 0; i < s->result.n_reasons; i++)
		buf_printf(&v, "%s%s", i ? ", " : "", s->result.reasons[i]);
	return buf_steal(&v);
}

/* the prefix in front of the Subject exactly as received (folding and
 * length kept); NULL when it is there already */
static char *subject_value(const struct act *a, const char *prefix)
{
	const char *old = a->subject;
	struct buf v;

	if (old && strncmp(old, prefix, strlen(prefix)) == 0)
		return NULL;
	buf_init(&v, 0);
	buf_printf(&v, "%s%s%s", prefix, old ? " " : "", old ? old : "");
	return buf_steal(&v);
}

static void subject_prefix(struct act *a, const char *prefix, const char *value,
			   struct buf *done)
{
	int rc;

	if (!value)
		return;
	rc = a->subject ? milter_io->chgheader(a->ctx, "Subject", 1, (char *)value) :
			  milter_io->addheader(a->ctx, "Subject", (char *)value);
	if (rc == MI_SUCCESS)
		done_add(done, "subject", prefix);
	else
		log_msg(LOG_WARNING, "%s: could not change the subject (left as it was)", a->qid);
}

/* user@domain as user<D>DETAIL@domain, D the first of the MTA's recipient
 * delimiters DELIMS; NULL when the local part has a detail already */
static char *with_detail(const char *rcpt, const char *detail, const char *delims)
{
	const char *at = strrchr(rcpt, '@'), *start = rcpt + (*rcpt == '<');
	struct buf b;

	if (!at || !*delims)
		return NULL;
	for (const char *d = delims; *d; d++)
		if (memchr(start, *d, (size_t)(at - start)))
			return NULL;
	buf_init(&b, 0);
	buf_printf(&b, "%.*s%c%s%s", (int)(at - rcpt), rcpt, *delims, detail, at);
	return buf_steal(&b);
}

/* the new recipient, with the old one's ESMTP args (NOTIFY, ORCPT) when
 * it had some and the MTA takes them */
static int add_rcpt(struct act *a, char *to, size_t i)
{
	if (a->rcpt_par && a->rcpt_args[i])
		return milter_io->addrcpt_par(a->ctx, to, a->rcpt_args[i]);
	return milter_io->addrcpt(a->ctx, to);
}

static void recipient_detail(struct act *a, const char *detail, char **to, struct buf *done)
{
	size_t changed = 0;

	for (size_t i = 0; i < a->n_rcpts; i++) {
		/* add first: a failure can duplicate nothing and lose nothing */
		if (to[i] && add_rcpt(a, to[i], i) == MI_SUCCESS) {
			if (milter_io->delrcpt(a->ctx, a->rcpts[i]) == MI_SUCCESS)
				changed++;
			else
				log_msg(LOG_WARNING, "%s: could not remove recipient %s after adding %s",
					a->qid, a->rcpts[i], to[i]);
		}
	}
	if (changed)
		done_add(done, "detail", detail);
}

static void quarantine(struct act *a, const struct inbound *s, struct buf *done)
{
	char reason[200];

	snprintf(reason, sizeof reason, "linkedin-milter: %s%s%s%s",
		 plan_notification(&s->scan.inv, &s->result) ? kind_name(KIND_NOTIFICATION) :
							       verdict_name(s->result.verdict),
		 s->result.n_reasons ? " (" : "", s->result.n_reasons ? s->result.reasons[0] : "",
		 s->result.n_reasons ? ")" : "");
	if (milter_io->quarantine(a->ctx, reason) == MI_SUCCESS)
		done_add(done, "quarantine", NULL);
	else
		log_msg(LOG_WARNING, "%s: could not quarantine", a->qid);
}

static void log_line(const struct act *a, const struct inbound *s, const struct buf *done)
{
	struct buf r;
	char *why = first_explanation(s);

	buf_init(&r, 0);
	for (size_t i = 0; i < s->result.n_reasons; i++)
		buf_printf(&r, "%s%s", i ? "," : "", s->result.reasons[i]);
	log_msg(LOG_INFO, "%s: kind=%s authentic=%s verdict=%s reasons=%s actions=%s%s%s%s%s%s%s%s%s",
		a->qid, kind_name(s->scan.inv.kind), s->scan.inv.authentic ? "yes" : "no",
		s->result.verdict >= 0 ? verdict_name(s->result.verdict) : "none",
		r.data ? r.data : "-", done->len ? done->data : "none",
		why ? " why=\"" : "", why ? why : "", why ? "\"" : "",
		s->scan.reason[0] ? " note=" : "", s->scan.reason,
		s->scan.inv.dkim.why[0] ? " dkim=\"" : "", s->scan.inv.dkim.why,
		s->scan.inv.dkim.why[0] ? "\"" : "");
	if (buf_failed(&r) || buf_failed(done))
		log_msg(LOG_WARNING, "%s: the line above is incomplete (out of memory); "
			"every action in it was done", a->qid);
	free(why);
	if (log_level() >= LOG_DEBUG)
		log_msg(LOG_DEBUG, "%s: inviter=\"%s\" note_kind=%s note=\"%s\"", a->qid,
			s->scan.inv.name ? s->scan.inv.name : "", note_kind_name(s->scan.inv.note_kind) ?
			note_kind_name(s->scan.inv.note_kind) : "-", s->scan.inv.note ? s->scan.inv.note : "");
	buf_free(&r);
}

/* our own DKIM verification's result, in an Authentication-Results header
 * under our first authserv-id stamped with the queue id (RFC 8601), when
 * dkim_authres asks for it and a verification was made */
static void dkim_authres(struct act *a, const struct inbound *s, struct buf *done)
{
	const struct invitation *inv = &s->scan.inv;
	const struct strlist *ids = &s->cfg->engine.authserv_id;
	const char *id = NULL;
	struct buf v;

	for (size_t i = 0; i < ids->n && !id; i++)
		id = ids->v[i][0] ? ids->v[i] : NULL;
	if (!s->cfg->dkim_authres || !inv->dkim.why[0] || !id)
		return;
	buf_init(&v, 0);
	buf_printf(&v, "%s/%s; dkim=%s", id, a->qid, dkimv_result_name((enum dkimv_result)inv->own_dkim));
	if (inv->dkim.d[0])
		buf_printf(&v, " header.d=%s header.s=%s", inv->dkim.d, inv->dkim.s[0] ? inv->dkim.s : "-");
	buf_printf(&v, " (linkedin-milter)");
	if (!buf_failed(&v) && milter_io->addheader(a->ctx, "Authentication-Results", v.data) == MI_SUCCESS)
		done_add(done, "authres", NULL);
	else
		log_msg(LOG_WARNING, "%s: could not add Authentication-Results", a->qid);
	buf_free(&v);
}

static void values_free(struct values *v, size_t n_rcpts)
{
	for (size_t i = 0; v->to && i < n_rcpts; i++)
		free(v->to[i]);
	FREE_ALL(v->reasons, v->inviter, v->explanation, v->subject, v->to);
}

/* every value the plan P needs, into V; -1 when memory ran out for one */
static int make_values(const struct act *a, const struct inbound *s, const struct plan *p,
		       struct values *v)
{
	char *name = NULL, *why = NULL;

	memset(v, 0, sizeof *v);
	mem_reset();
	if (p->tag) {
		v->reasons = reasons_value(s);
		if (!plan_notification(&s->scan.inv, &s->result) && s->scan.inv.name)
			name = header_text(s->scan.inv.name, MAX_INVITER_HEADER);
		v->inviter = encoded(name);
	}
	if (p->explain)
		v->explanation = encoded(why = first_explanation(s));
	if (p->subject_prefix)
		v->subject = subject_value(a, p->subject_prefix);
	if (p->detail && a->n_rcpts && (v->to = alloc_zeroed(a->n_rcpts, sizeof *v->to)))
		for (size_t i = 0; i < a->n_rcpts; i++)
			v->to[i] = with_detail(a->rcpts[i], p->detail, s->cfg->recipient_delimiter);
	FREE_ALL(name, why);
	if (!mem_failed())
		return 0;
	values_free(v, a->n_rcpts);
	return -1;
}

int carry_out(struct act *a, const struct inbound *s)
{
	struct plan p;
	struct buf done;
	struct draft_input in;
	struct values v;

	inbound_plan(s, &p);
	if (make_values(a, s, &p, &v) < 0)
		return -1;
	buf_init(&done, 0);
	dkim_authres(a, s, &done);
	if (p.tag)
		tag(a, s, &v, &done);
	if (v.explanation) {
		add_header(a, own_names[4], v.explanation, NULL);
		done_add(&done, "explain", NULL);
	}
	if (p.subject_prefix)
		subject_prefix(a, p.subject_prefix, v.subject, &done);
	if (p.folder) {
		add_header(a, own_names[3], p.folder, NULL);
		done_add(&done, "folder", p.folder);
	}
	if (p.detail && v.to)
		recipient_detail(a, p.detail, v.to, &done);
	if (p.quarantine)
		quarantine(a, s, &done);
	if (p.draft) {
		if (!milter_io->submit_drafts)	/* test mode stores it itself */
			done_add(&done, "draft", p.draft);
		else if (inbound_draft_input(s, &in), drafts_submit(&in, p.draft, a->qid) == 0)
			done_add(&done, "draft", p.draft);
	}
	log_line(a, s, &done);
	buf_free(&done);
	values_free(&v, a->n_rcpts);
	return 0;
}
