/* milter.c - the libmilter glue: per-message state in the private pointer,
 * mail that is not LinkedIn's accepted at the end of its headers (the MTA
 * then never sends the body), the body read up to max_scan_bytes, and at
 * the end of the message the plan of actions carried out. The work is the
 * layers': the message's path through them is config/inbound.c. */
#include "autoconfig.h"
#include "milter.h"

#include <libmilter/mfapi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "plan.h"
#include "reasons.h"
#include "draft_submit.h"
#include "inbound.h"
#include "str.h"
#include "log.h"
#include "metrics.h"
#include "milter_apply.h"
#include "milter_ar.h"
#include "milter_io.h"
#include "buf.h"

#define MAX_RCPTS 256

static const char *fault;	/* LINKEDIN_MILTER_TEST_FAULT: an injected error, for tests */

/* one per connection, made at its negotiation; all but can_skip is the message's */
struct session {
	bool can_skip;			/* this connection's MTA understands SMFIS_SKIP */
	bool nr_hdr;			/* negotiated: headers are not answered */
	bool rcpt_par;			/* negotiated: recipients added with their ESMTP args */
	struct inbound in;		/* the message, while active */
	bool active, failed;
	unsigned forged[N_OWN_HEADERS];	/* our headers in the incoming mail */
	struct ar_track ar;		/* our Authentication-Results: added here or forged */
	char *rcpts[MAX_RCPTS];
	char *rcpt_args[MAX_RCPTS];	/* the ESMTP args of each (NOTIFY, ORCPT), or NULL */
	size_t n_rcpts;
	char *subject;			/* the first Subject as received, folding kept */
};

static struct session *session_get(SMFICTX *ctx)
{
	struct session *s = milter_io->getpriv(ctx);

	if (!s && (s = calloc(1, sizeof *s)) != NULL) {
		milter_io->setpriv(ctx, s);
		metrics_gauge_add(MG_SESSIONS, 1);
	}
	return s;
}

static void message_end(struct session *s)
{
	bool can_skip = s->can_skip, nr_hdr = s->nr_hdr, rcpt_par = s->rcpt_par;

	if (s->active)
		inbound_free(&s->in);
	for (size_t i = 0; i < s->n_rcpts; i++) {
		free(s->rcpts[i]);
		free(s->rcpt_args[i]);
	}
	free(s->subject);
	memset(s, 0, sizeof *s);
	/* the connection's, kept for its next message */
	s->can_skip = can_skip;
	s->nr_hdr = nr_hdr;
	s->rcpt_par = rcpt_par;
}

static const char *queue_id(SMFICTX *ctx)
{
	const char *id = milter_io->getsymval(ctx, "i");

	return id ? id : "NOQUEUE";
}

/* an internal error: the configured on_error decides, the mail is not lost */
static sfsistat failure(SMFICTX *ctx, struct session *s, enum metric_place where)
{
	static const char *const place[MP_COUNT] = { "MAIL FROM", "end of headers", "body",
						     "end of message" };
	bool tempfail = !s || !s->active || s->in.cfg->on_error == ON_ERROR_TEMPFAIL;

	metrics_count(MC_ERRORS, where, 0);
	metrics_count(MC_ON_ERROR, tempfail, 0);
	log_msg(LOG_ERR, "%s: internal error at %s: message %s", queue_id(ctx), place[where],
		tempfail ? "deferred (on_error tempfail)" : "passed unchanged (on_error accept)");
	if (s && s->active && milter_io->result)
		milter_io->result(ctx, &s->in, true);
	if (s)
		message_end(s);
	return tempfail ? SMFIS_TEMPFAIL : SMFIS_ACCEPT;
}

static sfsistat do_envfrom(SMFICTX *ctx, char **argv)
{
	struct session *s = session_get(ctx);
	struct config *c;

	if (!s)
		return failure(ctx, s, MP_MAIL_FROM);
	message_end(s);
	c = milter_io->config();
	inbound_init(&s->in, c);
	config_unref(c);	/* the message holds its own reference */
	s->active = true;
	metrics_count(MC_MESSAGES, 0, 0);
	scan_envfrom(&s->in.scan, argv[0] ? argv[0] : "");
	return SMFIS_CONTINUE;
}

/* the ESMTP args of a recipient (argv[1] on), joined by spaces; NULL when none */
static char *esmtp_args(char **argv)
{
	struct buf b;

	buf_init(&b, 0);	/* bounded by the MTA's command line and libmilter's packet */
	for (size_t i = 1; argv[i]; i++)
		buf_printf(&b, "%s%s", i > 1 ? " " : "", argv[i]);
	return buf_steal(&b);
}

/* a recipient and its ESMTP args, kept for a detail rewrite; -1 when out of memory */
static int keep_rcpt(struct session *s, char **argv)
{
	size_t n = s->n_rcpts;

	if ((s->rcpts[n] = strdup(argv[0])) == NULL)
		return -1;
	s->n_rcpts++;
	if (argv[1] && (s->rcpt_args[n] = esmtp_args(argv)) == NULL)
		return -1;
	return 0;
}

static sfsistat do_envrcpt(SMFICTX *ctx, char **argv)
{
	struct session *s = milter_io->getpriv(ctx);

	if (!s || !s->active || !argv[0])
		return SMFIS_CONTINUE;
	if (s->n_rcpts < MAX_RCPTS && keep_rcpt(s, argv) < 0)
		s->failed = true;
	scan_rcpt(&s->in.scan, argv[0]);
	return SMFIS_CONTINUE;
}

/* NOREPLY only where the MTA agreed to get no reply to a header */
static sfsistat header_reply(const struct session *s)
{
	return s && s->nr_hdr ? SMFIS_NOREPLY : SMFIS_CONTINUE;
}

/* the first Subject exactly as received: a prefix goes in front of it */
static void keep_subject(struct session *s, const char *name, const char *value)
{
	if (s->subject || strcasecmp(name, "Subject") != 0)
		return;
	if ((s->subject = strdup(value)) == NULL)
		s->failed = true;	/* on_error at the end of headers */
}

static sfsistat do_header(SMFICTX *ctx, char *name, char *value)
{
	struct session *s = milter_io->getpriv(ctx);
	int own;

	if (!s || !s->active || s->failed)
		return header_reply(s);
	if ((own = own_header(name)) >= 0) {
		s->forged[own]++;
		return header_reply(s);
	}
	keep_subject(s, name, value);
	mem_reset();	/* a forgery not recognised for want of memory is not let through */
	if (strcasecmp(name, "Authentication-Results") == 0)
		ar_track_header(&s->ar, &s->in.cfg->engine.authserv_id, value, s->in.scan.h.received);
	if (mem_failed() || scan_header(&s->in.scan, name, value) < 0)
		s->failed = true;	/* reported at the end of headers */
	return header_reply(s);
}

static bool forged_headers(const struct session *s)
{
	for (int i = 0; i < N_OWN_HEADERS; i++)
		if (s->forged[i])
			return true;
	return s->ar.n_forged > 0;
}

static sfsistat do_eoh(SMFICTX *ctx)
{
	struct session *s = milter_io->getpriv(ctx);
	int rc;

	if (!s || !s->active)
		return SMFIS_CONTINUE;
	if (s->failed || (fault && !strcmp(fault, "eoh")) || (rc = scan_eoh(&s->in.scan)) < 0)
		return failure(ctx, s, MP_HEADERS);
	ar_track_settle(&s->ar, milter_io->getsymval(ctx, "i"), &s->in.scan.h);
	if (rc == SCAN_DONE && !forged_headers(s)) {
		metrics_count(MC_ACCEPTED_AT_HEADERS, 0, 0);
		if (milter_io->result)
			milter_io->result(ctx, &s->in, false);
		message_end(s);
		return SMFIS_ACCEPT;	/* not LinkedIn's: the MTA keeps the body */
	}
	return SMFIS_CONTINUE;
}

static sfsistat do_body(SMFICTX *ctx, unsigned char *data, size_t len)
{
	struct session *s = milter_io->getpriv(ctx);
	int rc;

	if (!s || !s->active)
		return SMFIS_CONTINUE;
	if ((fault && !strcmp(fault, "body")) || (rc = scan_body(&s->in.scan, (char *)data, len)) < 0)
		return failure(ctx, s, MP_BODY);
	return rc == SCAN_DONE && s->can_skip ? SMFIS_SKIP : SMFIS_CONTINUE;
}

static void count_linkedin(const struct inbound *s)
{
	metrics_count(MC_LINKEDIN, (unsigned)s->scan.inv.kind - 1, 0);
	if (s->result.verdict >= 0 && s->result.verdict < VERDICT_COUNT)
		metrics_count(MC_VERDICTS, (unsigned)s->result.verdict, 0);
	for (size_t i = 0; i < s->result.n_reasons; i++)
		metrics_count(MC_REASONS, reason_from_name(s->result.reasons[i]), 0);
}

static sfsistat do_eom(SMFICTX *ctx)
{
	struct session *s = milter_io->getpriv(ctx);
	struct act a = { .ctx = ctx };

	if (!s || !s->active)
		return SMFIS_CONTINUE;
	if ((fault && !strcmp(fault, "eom")) || inbound_eom(&s->in) < 0)
		return failure(ctx, s, MP_MESSAGE);
	a.qid = queue_id(ctx);
	a.rcpts = s->rcpts;
	a.rcpt_args = s->rcpt_args;
	a.n_rcpts = s->n_rcpts;
	a.rcpt_par = s->rcpt_par;
	a.subject = s->subject;
	remove_forged(&a, s->forged);
	ar_track_remove(&a, &s->ar);
	if (s->in.scan.inv.kind != KIND_NONE) {
		count_linkedin(&s->in);
		if (carry_out(&a, &s->in) < 0)
			return failure(ctx, s, MP_MESSAGE);
	}
	if (milter_io->result)
		milter_io->result(ctx, &s->in, false);
	message_end(s);
	return SMFIS_ACCEPT;
}

/* ---------------------------------------------------------------- timed */

/* each callback's time into its histogram (two clock reads, one atomic add) */
#define TIMED(cb, call) \
	do { \
		uint64_t t0 = metrics_clock(); \
		sfsistat r = (call); \
		metrics_observe(MH_CALLBACK, (cb), t0); \
		return r; \
	} while (0)

sfsistat milter_envfrom(SMFICTX *ctx, char **argv)
{
	TIMED(MCB_ENVFROM, do_envfrom(ctx, argv));
}

sfsistat milter_envrcpt(SMFICTX *ctx, char **argv)
{
	TIMED(MCB_ENVRCPT, do_envrcpt(ctx, argv));
}

sfsistat milter_header(SMFICTX *ctx, char *n, char *v)
{
	TIMED(MCB_HEADER, do_header(ctx, n, v));
}

sfsistat milter_eoh(SMFICTX *ctx)
{
	TIMED(MCB_EOH, do_eoh(ctx));
}

sfsistat milter_body(SMFICTX *ctx, unsigned char *d, size_t n)
{
	TIMED(MCB_BODY, do_body(ctx, d, n));
}

sfsistat milter_eom(SMFICTX *ctx)
{
	TIMED(MCB_EOM, do_eom(ctx));
}

sfsistat milter_abort(SMFICTX *ctx)
{
	struct session *s = milter_io->getpriv(ctx);

	if (s)
		message_end(s);
	return SMFIS_CONTINUE;
}

sfsistat milter_close(SMFICTX *ctx)
{
	struct session *s = milter_io->getpriv(ctx);

	if (s) {
		message_end(s);
		free(s);
		milter_io->setpriv(ctx, NULL);
		metrics_gauge_add(MG_SESSIONS, -1);
	}
	return SMFIS_CONTINUE;
}

/* ask for the least: no connect, HELO, DATA or unknown steps, no replies to
 * headers; the queue id macro at the end of headers and of the message
 * (when the MTA lets us name it); a recipient with ESMTP args added with
 * them when the MTA can take them (smfi_addrcpt_par), else without. Only what was granted is used later: SKIP,
 * NOREPLY to headers, smfi_addrcpt_par. This runs first on a connection,
 * so it makes the session; without one (no memory) the connection is
 * never answered SKIP nor NOREPLY. */
static sfsistat on_negotiate(SMFICTX *ctx, unsigned long f0, unsigned long f1,
			     unsigned long f2, unsigned long f3, unsigned long *pf0,
			     unsigned long *pf1, unsigned long *pf2, unsigned long *pf3)
{
	unsigned long want = SMFIP_NOCONNECT | SMFIP_NOHELO | SMFIP_NOUNKNOWN |
			     SMFIP_NODATA | SMFIP_NR_HDR | SMFIP_SKIP;
	struct session *s = session_get(ctx);

	*pf0 = f0 & (SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_ADDRCPT | SMFIF_ADDRCPT_PAR |
		     SMFIF_DELRCPT | SMFIF_QUARANTINE | SMFIF_SETSYMLIST);
	*pf1 = f1 & want;
	*pf2 = *pf3 = 0;
	if (s) {
		s->can_skip = (*pf1 & SMFIP_SKIP) != 0;
		s->nr_hdr = (*pf1 & SMFIP_NR_HDR) != 0;
		s->rcpt_par = (*pf0 & SMFIF_ADDRCPT_PAR) != 0;
	}
	if (*pf0 & SMFIF_SETSYMLIST) {
		milter_io->setsymlist(ctx, SMFIM_EOH, "i");
		milter_io->setsymlist(ctx, SMFIM_EOM, "i");
	}
	return SMFIS_CONTINUE;
}

/* the kind label of the metrics (kinds but none), from the one table of kind names */
static const char *kind_label(unsigned k)
{
	return kind_name((enum kind)(k + 1));
}

/* the verdict label of the metrics, from the one table of verdict names */
static const char *verdict_label(unsigned v)
{
	return verdict_name((enum verdict)v);
}

int milter_register(void)
{
	static struct smfiDesc desc = {
		.xxfi_name = "linkedin-milter",
		.xxfi_version = SMFI_VERSION,
		.xxfi_flags = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_ADDRCPT |
			      SMFIF_ADDRCPT_PAR | SMFIF_DELRCPT | SMFIF_QUARANTINE |
			      SMFIF_SETSYMLIST,
		.xxfi_envfrom = milter_envfrom,
		.xxfi_envrcpt = milter_envrcpt,
		.xxfi_header = milter_header,
		.xxfi_eoh = milter_eoh,
		.xxfi_body = milter_body,
		.xxfi_eom = milter_eom,
		.xxfi_abort = milter_abort,
		.xxfi_close = milter_close,
		.xxfi_negotiate = on_negotiate,
	};

	fault = getenv("LINKEDIN_MILTER_TEST_FAULT");
	metrics_names(MC_LINKEDIN, 0, kind_label, KIND_NOTIFICATION);
	metrics_names(MC_VERDICTS, 0, verdict_label, VERDICT_COUNT);
	metrics_names(MC_REASONS, 0, reason_label, REASON_COUNT);
	drafts_metrics_names();
	return smfi_register(desc) == MI_SUCCESS ? 0 : -1;
}

int milter_sessions(void)
{
	return (int)metrics_gauge(MG_SESSIONS);
}

void milter_log_counters(void)
{
	unsigned long linkedin = 0, errors = 0;
	char verdicts[VERDICT_COUNT * 32] = "";
	size_t n = 0;

	for (unsigned k = 0; k < 3; k++)
		linkedin += metrics_value(MC_LINKEDIN, k, 0);
	for (unsigned p = 0; p < MP_COUNT; p++)
		errors += metrics_value(MC_ERRORS, p, 0);
	for (int v = 0; v < VERDICT_COUNT && n < sizeof verdicts; v++) {
		int w = snprintf(verdicts + n, sizeof verdicts - n, "%s=%lu ", verdict_name(v),
				 metrics_value(MC_VERDICTS, (unsigned)v, 0));
		n += w > 0 ? (size_t)w : 0;
	}
	log_msg(LOG_NOTICE, "totals: messages=%lu accepted-at-headers=%lu linkedin=%lu "
		"%serrors=%lu", metrics_value(MC_MESSAGES, 0, 0),
		metrics_value(MC_ACCEPTED_AT_HEADERS, 0, 0), linkedin, verdicts, errors);
}
