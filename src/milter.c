/* milter.c - the libmilter glue: per-message state in the private pointer,
 * mail that is not LinkedIn's accepted at the end of its headers (the MTA
 * then never sends the body), the body read up to max_scan_bytes, and at
 * the end of the message the plan of actions carried out. The work is the
 * engine's: scan_*() in engine.c. */
#include "autoconfig.h"
#include "milter.h"

#include <libmilter/mfapi.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "actions.h"
#include "drafts.h"
#include "engine.h"
#include "log.h"
#include "milter_act.h"
#include "milter_ar.h"

#define MAX_RCPTS 256

static atomic_int sessions;
static atomic_long n_messages, n_early, n_linkedin, n_errors, n_verdict[VERDICT_COUNT];
static const char *fault;	/* LINKEDIN_MILTER_TEST_FAULT: an injected error, for tests */
static bool can_skip;		/* the MTA understands SMFIS_SKIP */

struct session {
	struct scan scan;
	bool active, failed;
	unsigned forged[N_OWN_HEADERS];	/* our headers in the incoming mail */
	struct ar_track ar;		/* our Authentication-Results: added here or forged */
	char *rcpts[MAX_RCPTS];
	size_t n_rcpts;
};

static struct session *session_get(SMFICTX *ctx)
{
	struct session *s = smfi_getpriv(ctx);

	if (!s && (s = calloc(1, sizeof *s)) != NULL) {
		smfi_setpriv(ctx, s);
		atomic_fetch_add(&sessions, 1);
	}
	return s;
}

static void message_end(struct session *s)
{
	if (s->active)
		scan_free(&s->scan);
	for (size_t i = 0; i < s->n_rcpts; i++)
		free(s->rcpts[i]);
	memset(s, 0, sizeof *s);
}

static const char *queue_id(SMFICTX *ctx)
{
	const char *id = smfi_getsymval(ctx, "i");

	return id ? id : "NOQUEUE";
}

/* an internal error: the configured on_error decides, the mail is not lost */
static sfsistat failure(SMFICTX *ctx, struct session *s, const char *where)
{
	bool tempfail = !s || !s->active || s->scan.cfg->on_error == ON_ERROR_TEMPFAIL;

	atomic_fetch_add(&n_errors, 1);
	log_msg(LOG_ERR, "%s: internal error at %s: message %s", queue_id(ctx), where,
		tempfail ? "deferred (on_error tempfail)" : "passed unchanged (on_error accept)");
	if (s)
		message_end(s);
	return tempfail ? SMFIS_TEMPFAIL : SMFIS_ACCEPT;
}

static sfsistat on_envfrom(SMFICTX *ctx, char **argv)
{
	struct session *s = session_get(ctx);
	struct config *c;

	if (!s)
		return failure(ctx, s, "MAIL FROM");
	message_end(s);
	c = current_config();
	scan_init(&s->scan, c);
	config_unref(c);	/* the scan holds its own reference */
	s->active = true;
	atomic_fetch_add(&n_messages, 1);
	scan_envfrom(&s->scan, argv[0] ? argv[0] : "");
	return SMFIS_CONTINUE;
}

static sfsistat on_envrcpt(SMFICTX *ctx, char **argv)
{
	struct session *s = smfi_getpriv(ctx);

	if (!s || !s->active || !argv[0])
		return SMFIS_CONTINUE;
	if (s->n_rcpts < MAX_RCPTS && !(s->rcpts[s->n_rcpts] = strdup(argv[0])))
		s->failed = true;
	else if (s->n_rcpts < MAX_RCPTS)
		s->n_rcpts++;
	scan_rcpt(&s->scan, argv[0]);
	return SMFIS_CONTINUE;
}

static sfsistat reply(bool noreply)
{
	return noreply ? SMFIS_NOREPLY : SMFIS_CONTINUE;
}

static sfsistat on_header(SMFICTX *ctx, char *name, char *value)
{
	struct session *s = smfi_getpriv(ctx);
	int own;

	if (!s || !s->active || s->failed)
		return reply(true);
	if ((own = own_header(name)) >= 0) {
		s->forged[own]++;
		return reply(true);
	}
	if (strcasecmp(name, "Authentication-Results") == 0)
		ar_track_header(&s->ar, s->scan.cfg->authserv_id, value, s->scan.h.received);
	if (scan_header(&s->scan, name, value) < 0)
		s->failed = true;	/* reported at the end of headers */
	return reply(true);
}

static bool forged_headers(const struct session *s)
{
	for (int i = 0; i < N_OWN_HEADERS; i++)
		if (s->forged[i])
			return true;
	return s->ar.n_forged > 0;
}

static sfsistat on_eoh(SMFICTX *ctx)
{
	struct session *s = smfi_getpriv(ctx);
	int rc;

	if (!s || !s->active)
		return SMFIS_CONTINUE;
	if (s->failed || (fault && !strcmp(fault, "eoh")) || (rc = scan_eoh(&s->scan)) < 0)
		return failure(ctx, s, "end of headers");
	ar_track_settle(&s->ar, smfi_getsymval(ctx, "i"), &s->scan.h);
	if (rc == SCAN_DONE && !forged_headers(s)) {
		atomic_fetch_add(&n_early, 1);
		message_end(s);
		return SMFIS_ACCEPT;	/* not LinkedIn's: the MTA keeps the body */
	}
	return SMFIS_CONTINUE;
}

static sfsistat on_body(SMFICTX *ctx, unsigned char *data, size_t len)
{
	struct session *s = smfi_getpriv(ctx);
	int rc;

	if (!s || !s->active)
		return SMFIS_CONTINUE;
	if ((fault && !strcmp(fault, "body")) || (rc = scan_body(&s->scan, (char *)data, len)) < 0)
		return failure(ctx, s, "body");
	return rc == SCAN_DONE && can_skip ? SMFIS_SKIP : SMFIS_CONTINUE;
}

static sfsistat on_eom(SMFICTX *ctx)
{
	struct session *s = smfi_getpriv(ctx);
	struct act a = { ctx, NULL, NULL, 0 };

	if (!s || !s->active)
		return SMFIS_CONTINUE;
	if ((fault && !strcmp(fault, "eom")) || scan_eom(&s->scan) < 0)
		return failure(ctx, s, "end of message");
	a.qid = queue_id(ctx);
	a.rcpts = s->rcpts;
	a.n_rcpts = s->n_rcpts;
	remove_forged(&a, s->forged);
	ar_track_remove(&a, &s->ar);
	if (s->scan.inv.kind != KIND_NONE) {
		atomic_fetch_add(&n_linkedin, 1);
		if (s->scan.result.verdict >= 0 && s->scan.result.verdict < VERDICT_COUNT)
			atomic_fetch_add(&n_verdict[s->scan.result.verdict], 1);
		carry_out(&a, &s->scan);
	}
	message_end(s);
	return SMFIS_ACCEPT;
}

static sfsistat on_abort(SMFICTX *ctx)
{
	struct session *s = smfi_getpriv(ctx);

	if (s)
		message_end(s);
	return SMFIS_CONTINUE;
}

static sfsistat on_close(SMFICTX *ctx)
{
	struct session *s = smfi_getpriv(ctx);

	if (s) {
		message_end(s);
		free(s);
		smfi_setpriv(ctx, NULL);
		atomic_fetch_sub(&sessions, 1);
	}
	return SMFIS_CONTINUE;
}

/* ask for the least: no connect, HELO, DATA or unknown steps, no replies to
 * headers; the queue id macro at the end of headers and of the message */
static sfsistat on_negotiate(SMFICTX *ctx, unsigned long f0, unsigned long f1,
			     unsigned long f2, unsigned long f3, unsigned long *pf0,
			     unsigned long *pf1, unsigned long *pf2, unsigned long *pf3)
{
	unsigned long want = SMFIP_NOCONNECT | SMFIP_NOHELO | SMFIP_NOUNKNOWN |
			     SMFIP_NODATA | SMFIP_NR_HDR | SMFIP_SKIP;

	*pf0 = f0 & (SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_ADDRCPT | SMFIF_DELRCPT |
		     SMFIF_QUARANTINE);
	*pf1 = f1 & want;
	*pf2 = *pf3 = 0;
	can_skip = (f1 & SMFIP_SKIP) != 0;
	smfi_setsymlist(ctx, SMFIM_EOH, "i");
	smfi_setsymlist(ctx, SMFIM_EOM, "i");
	return SMFIS_CONTINUE;
}

int milter_register(void)
{
	static struct smfiDesc desc = {
		.xxfi_name = "linkedin-milter",
		.xxfi_version = SMFI_VERSION,
		.xxfi_flags = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_ADDRCPT |
			      SMFIF_DELRCPT | SMFIF_QUARANTINE,
		.xxfi_envfrom = on_envfrom,
		.xxfi_envrcpt = on_envrcpt,
		.xxfi_header = on_header,
		.xxfi_eoh = on_eoh,
		.xxfi_body = on_body,
		.xxfi_eom = on_eom,
		.xxfi_abort = on_abort,
		.xxfi_close = on_close,
		.xxfi_negotiate = on_negotiate,
	};

	fault = getenv("LINKEDIN_MILTER_TEST_FAULT");
	return smfi_register(desc) == MI_SUCCESS ? 0 : -1;
}

int milter_sessions(void)
{
	return atomic_load(&sessions);
}

void milter_log_counters(void)
{
	log_msg(LOG_NOTICE, "totals: messages=%ld accepted-at-headers=%ld linkedin=%ld "
		"accept=%ld consider=%ld ask=%ld decline=%ld ignore=%ld phish=%ld errors=%ld",
		atomic_load(&n_messages), atomic_load(&n_early), atomic_load(&n_linkedin),
		atomic_load(&n_verdict[VERDICT_ACCEPT]), atomic_load(&n_verdict[VERDICT_CONSIDER]),
		atomic_load(&n_verdict[VERDICT_ASK]), atomic_load(&n_verdict[VERDICT_DECLINE]),
		atomic_load(&n_verdict[VERDICT_IGNORE]), atomic_load(&n_verdict[VERDICT_PHISH]),
		atomic_load(&n_errors));
}
