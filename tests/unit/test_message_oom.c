/* test_message_oom.c - running out of memory anywhere on a message's way
 * through the milter (the callbacks, decoding, detection, extraction, the
 * profile, classification, the plan and carrying it out): the allocation
 * functions are wrapped (linked with -Wl,--wrap=malloc,...) and the Nth
 * allocation fails, for every N in turn, for messages of every shape in the
 * corpus. Each run must either end in on_error (the callback answers
 * tempfail, the result is reported as failed, no header or recipient was
 * changed but forged copies of ours removed) or give exactly what a run with
 * memory gives: the same calls to the MTA (headers, Subject, recipients,
 * quarantine) and the same test-mode JSON (kind, authenticity, verdict,
 * reasons, fields, actions), never another verdict or a field lost.
 * libetpan's, PCRE2's and iconv's own allocations are not failed (they are
 * not ours to wrap); their failures reach us as error codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>
#include "fileio.h"
#include "inbound.h"
#include "milter_io.h"
#include "report.h"
#include "fail_alloc.h"

static struct config *cfg;
static const struct milter_io recorder;	/* below */

static int setup(void **state)
{
	struct errlist errs = { 0 };

	(void)state;
	if (chdir(TOP_SRCDIR "/tests/data") < 0)
		return -1;
	cfg = config_load("corpus.conf", &errs);
	errlist_free(&errs);
	milter_use_io(&recorder);
	return cfg ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	config_unref(cfg);
	return 0;
}

/* one run: the calls the milter made to the MTA, and its result */
static struct run {
	void *priv;
	char calls[8192];	/* no allocation: it is written while they fail */
	size_t len;
	char *json;		/* the test-mode JSON, NULL when failed */
	bool failed;
} run;

static void record(const char *what, const char *name, const char *value)
{
	int n = snprintf(run.calls + run.len, sizeof run.calls - run.len, "%s %s: %s\n", what,
			 name ? name : "", value ? value : "(none)");

	if (n > 0 && (size_t)n < sizeof run.calls - run.len)
		run.len += (size_t)n;
}

static void *r_getpriv(SMFICTX *ctx) { (void)ctx; return run.priv; }
static int r_setpriv(SMFICTX *ctx, void *p) { (void)ctx; run.priv = p; return MI_SUCCESS; }
static char *r_getsymval(SMFICTX *ctx, char *name)
{
	(void)ctx;
	return strcmp(name, "i") == 0 ? "QID1" : NULL;
}
static int r_setsymlist(SMFICTX *ctx, int stage, char *m) { (void)ctx, (void)stage, (void)m; return MI_SUCCESS; }
static int r_addheader(SMFICTX *ctx, char *n, char *v) { (void)ctx; record("add", n, v); return MI_SUCCESS; }
static int r_chgheader(SMFICTX *ctx, char *n, int i, char *v) { (void)ctx, (void)i; record("chg", n, v); return MI_SUCCESS; }
static int r_addrcpt(SMFICTX *ctx, char *r) { (void)ctx; record("addrcpt", r, NULL); return MI_SUCCESS; }
static int r_addrcpt_par(SMFICTX *ctx, char *r, char *a) { (void)ctx; record("addrcpt", r, a); return MI_SUCCESS; }
static int r_delrcpt(SMFICTX *ctx, char *r) { (void)ctx; record("delrcpt", r, NULL); return MI_SUCCESS; }
static int r_quarantine(SMFICTX *ctx, char *r) { (void)ctx; record("quarantine", r, NULL); return MI_SUCCESS; }
static struct config *r_config(void) { return config_ref(cfg); }

/* the result, written with every allocation let through */
static void r_result(SMFICTX *ctx, const struct inbound *in, bool failed)
{
	long saved = countdown;
	struct buf out;

	(void)ctx;
	countdown = -1;
	run.failed = failed;
	if (!failed) {
		buf_init(&out, 0);
		report_json(&out, "message", in, true);
		run.json = buf_steal(&out);
		assert_non_null(run.json);
	}
	countdown = saved;
}

static const struct milter_io recorder = {
	.getpriv = r_getpriv, .setpriv = r_setpriv, .getsymval = r_getsymval,
	.setsymlist = r_setsymlist, .addheader = r_addheader, .chgheader = r_chgheader,
	.addrcpt = r_addrcpt, .addrcpt_par = r_addrcpt_par, .delrcpt = r_delrcpt,
	.quarantine = r_quarantine, .config = r_config, .result = r_result,
	.submit_drafts = false,
};

/* the headers of RAW, each to the milter as libmilter gives it; the offset
 * of the body, or 0 after a callback that did not answer continue */
static size_t headers(SMFICTX *ctx, const char *raw, size_t len)
{
	const char *p = raw, *end = raw + len;

	while (p < end && *p != '\n' && *p != '\r') {
		const char *colon = memchr(p, ':', (size_t)(end - p)), *e = p, *v;
		char name[128], value[8192];
		size_t vlen;

		do {
			e = memchr(e, '\n', (size_t)(end - e));
			e = e ? e + 1 : end;
		} while (e < end && (*e == ' ' || *e == '\t'));
		if (!colon || colon > e || (size_t)(colon - p) >= sizeof name)
			break;
		snprintf(name, sizeof name, "%.*s", (int)(colon - p), p);
		v = colon + 1 + (colon[1] == ' ');
		vlen = (size_t)(e - v);
		while (vlen && (v[vlen - 1] == '\n' || v[vlen - 1] == '\r'))
			vlen--;
		snprintf(value, sizeof value, "%.*s", (int)vlen, v);
		if (milter_header(ctx, name, value) != SMFIS_CONTINUE)
			return 0;
		p = e;
	}
	p += p < end && *p == '\r';
	return (size_t)(p + (p < end) - raw);
}

/* RAW through the milter's callbacks as an MTA feeds them (the body in
 * chunks of 64 KiB); the answer of the last callback called */
static sfsistat feed(const char *raw, size_t len)
{
	SMFICTX *ctx = (SMFICTX *)(void *)&run;
	char from[] = "<sender@example.net>", rcpt[] = "<bob.smith@example.org>";
	char *fromv[] = { from, NULL }, *rcptv[] = { rcpt, NULL };
	sfsistat rc;
	size_t at;

	if ((rc = milter_envfrom(ctx, fromv)) != SMFIS_CONTINUE ||
	    (rc = milter_envrcpt(ctx, rcptv)) != SMFIS_CONTINUE)
		return rc;
	if ((at = headers(ctx, raw, len)) == 0)
		return SMFIS_TEMPFAIL;
	if ((rc = milter_eoh(ctx)) != SMFIS_CONTINUE)
		return rc;
	while (at < len) {
		size_t n = len - at < 65536 ? len - at : 65536;

		rc = milter_body(ctx, (unsigned char *)(uintptr_t)(raw + at), n);
		if (rc != SMFIS_CONTINUE && rc != SMFIS_SKIP)
			return rc;
		at += n;
	}
	return milter_eom(ctx);
}

/* RAW through the milter with the Nth allocation failing (N < 0: none):
 * its calls to the MTA and its JSON, or NULL when it ended in on_error */
static char *result(const char *raw, size_t len, long n)
{
	sfsistat rc;
	char *out = NULL;

	memset(&run, 0, sizeof run);
	countdown = n;
	injected = 0;
	rc = feed(raw, len);
	milter_close((SMFICTX *)(void *)&run);
	countdown = -1;
	if (run.failed || !run.json) {
		assert_true(injected);	/* only memory can make this message fail */
		/* on_error: accept (corpus.conf's default) once the session is
		 * there, tempfail when memory ran out for the session itself */
		assert_true(rc == SMFIS_ACCEPT || rc == SMFIS_TEMPFAIL);
		assert_null(strstr(run.calls, "add "));	/* nothing changed */
		assert_null(strstr(run.calls, "rcpt "));
		free(run.json);
		return NULL;
	}
	assert_int_equal(rc, SMFIS_ACCEPT);
	out = malloc(run.len + strlen(run.json) + 1);
	assert_non_null(out);
	sprintf(out, "%s%s", run.calls, run.json);
	free(run.json);
	assert_non_null(out);
	return out;
}

/* every allocation of FILE's way in failed in turn */
static void every_allocation(const char *file)
{
	size_t len;
	char *raw = read_file(file, 1 << 20, &len), *want, *got;
	long n, failed = 0;

	assert_non_null(raw);
	want = result(raw, len, -1);
	assert_non_null(want);
	for (n = 0; ; n++) {
		got = result(raw, len, n);
		if (got && strcmp(got, want))
			fail_msg("%s: allocation %ld failed and the result was\n%s\ninstead of\n%s",
				 file, n, got, want);
		failed += !got;
		free(got);
		if (!injected)	/* N is past the last allocation */
			break;
	}
	print_message("%s: %ld allocations, %ld ended in on_error, the rest the same\n",
		      file, n, failed);
	assert_true(n > 2);
	free(want);
	free(raw);
}

#define CORPUS(test, name) \
	static void test(void **state) { (void)state; every_allocation("corpus/" name); }

CORPUS(test_invitation_personal, "042-2019-en-personal.eml")
CORPUS(test_invitation_claim_latin1, "017-2010-de-claim-classmate-latin1.eml")
CORPUS(test_invitation_base64, "040-2016-it-personal-base64.eml")
CORPUS(test_invitation_html_only, "029-2017-en-html-only-named-entities.eml")
CORPUS(test_invitation_mixed_charset, "046-2023-en-chinese-name-mixed-charset.eml")
CORPUS(test_reminder, "067-2012-en-reminder-repeats-personal-note.eml")
CORPUS(test_notification, "076-2017-en-digest.eml")
CORPUS(test_phish_lookalike, "094-phish-lookalike-lindkedin.eml")
CORPUS(test_phish_links, "099-phish-genuine-from-foreign-links.eml")
CORPUS(test_gateway_rewritten, "166-gw-safelinks-genuine.eml")
CORPUS(test_ordinary_mail, "112-none-newsletter-html.eml")
CORPUS(test_mime_over_bounds, "142-none-mime-deep-nesting.eml")

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invitation_personal),
		cmocka_unit_test(test_invitation_claim_latin1),
		cmocka_unit_test(test_invitation_base64),
		cmocka_unit_test(test_invitation_html_only),
		cmocka_unit_test(test_invitation_mixed_charset),
		cmocka_unit_test(test_reminder),
		cmocka_unit_test(test_notification),
		cmocka_unit_test(test_phish_lookalike),
		cmocka_unit_test(test_phish_links),
		cmocka_unit_test(test_gateway_rewritten),
		cmocka_unit_test(test_ordinary_mail),
		cmocka_unit_test(test_mime_over_bounds),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
