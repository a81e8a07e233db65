/* test_dkimv.c - our own DKIM verification (src/engine/dkimv.c) over a
 * message signed here with the test key of tests/data (libopendkim signs;
 * keys from libopendkim's key-file query method): valid, body changed,
 * header changed, another d=, expired, l=, two signatures, key missing;
 * and through the milter's path (scan), only LinkedIn-like mail is verified */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <opendkim/dkim.h>
#include <unistd.h>
#include "config.h"
#include "dkimv.h"
#include "dkimdns.h"
#include "inbound.h"
#include "metrics.h"

#ifndef TESTDATA /* from the source tree */
#define TESTDATA TOP_SRCDIR "/tests/data"
#endif

static const char *const hdrs[] = {
	"From: Ada Example via LinkedIn <invitations@linkedin.com>",
	"To: Grace Reader <grace@example.org>",
	"Subject: Ada Example would like to connect",
	"Date: Mon, 2 Nov 2026 10:00:00 +0000",
	"Message-ID: <test-1@mail.linkedin.com>",
};
static const char body[] = "Hi Grace,\r\nI'd like to add you to my professional network.\r\n"
			   "Accept: https://www.linkedin.com/comm/invitations/\r\n";

struct signopts {
	const char *key, *domain, *selector;
	bool length;		/* an l= tag */
	time_t fixed;		/* the signing time, 0 = now */
	unsigned long ttl;	/* an x= tag this many seconds later, 0 = none */
};

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *s = calloc(1, 8192);

	assert_non_null(f);
	assert_non_null(s);
	assert_true(fread(s, 1, 8191, f) > 0);
	fclose(f);
	return s;
}

/* a DKIM-Signature header for the message as it is now, into OUT */
static void sign(const struct signopts *o, char *out, size_t len)
{
	DKIM_LIB *lib = dkim_init(NULL, NULL);
	char *key = slurp(o->key);
	DKIM_STAT st;
	DKIM *d;
	uint64_t fixed = (uint64_t)o->fixed, ttl = o->ttl;

	if (o->fixed)
		dkim_options(lib, DKIM_OP_SETOPT, DKIM_OPTS_FIXEDTIME, &fixed, sizeof fixed);
	if (o->ttl)
		dkim_options(lib, DKIM_OP_SETOPT, DKIM_OPTS_SIGNATURETTL, &ttl, sizeof ttl);
	d = dkim_sign(lib, (const unsigned char *)"t", NULL, (dkim_sigkey_t)key,
		      (const unsigned char *)o->selector, (const unsigned char *)o->domain,
		      DKIM_CANON_RELAXED, DKIM_CANON_RELAXED, DKIM_SIGN_RSASHA256,
		      o->length ? (ssize_t)strlen(body) : -1, &st);
	assert_non_null(d);
	for (size_t i = 0; i < sizeof hdrs / sizeof *hdrs; i++)
		assert_int_equal(dkim_header(d, (u_char *)hdrs[i], strlen(hdrs[i])), DKIM_STAT_OK);
	assert_int_equal(dkim_eoh(d), DKIM_STAT_OK);
	assert_int_equal(dkim_body(d, (u_char *)body, strlen(body)), DKIM_STAT_OK);
	assert_int_equal(dkim_eom(d, NULL), DKIM_STAT_OK);
	strcpy(out, "DKIM-Signature: ");
	assert_int_equal(dkim_getsighdr(d, (u_char *)out + 16, len - 16, 16), DKIM_STAT_OK);
	dkim_free(d);
	dkim_close(lib);
	free(key);
}

/* verify the message with the signatures SIGS (N), SUBJECT for the third
 * header when not NULL and EXTRA appended to the body */
static enum dkimv_result verify(const char *const *sigs, int n, const char *subject,
				const char *extra)
{
	char err[200];
	struct dkimv_lib *lib = dkimv_lib_new(TESTDATA "/dkim-test.keys", "", 1000, err, sizeof err);
	struct dkimv *v;
	struct dkimv_outcome o;
	enum dkimv_result r;

	assert_non_null(lib);
	v = dkimv_start(lib, "linkedin.com");
	assert_non_null(v);
	for (int i = 0; i < n; i++)
		assert_int_equal(dkimv_header(v, sigs[i], strlen(sigs[i])), 0);
	for (size_t i = 0; i < sizeof hdrs / sizeof *hdrs; i++) {
		const char *h = i == 2 && subject ? subject : hdrs[i];

		assert_int_equal(dkimv_header(v, h, strlen(h)), 0);
	}
	assert_int_equal(dkimv_body(v, body, 20), 0);	/* in two chunks */
	assert_int_equal(dkimv_body(v, body + 20, strlen(body) - 20), 0);
	if (extra)
		assert_int_equal(dkimv_body(v, extra, strlen(extra)), 0);
	r = dkimv_finish(v, "linkedin.com", &o);
	print_message("%s: %s [%s %s]\n", dkimv_result_name(r), o.why, o.d, o.s);
	dkimv_lib_free(lib);
	return r;
}

static const struct signopts good = {
	.key = TESTDATA "/dkim-test.key", .domain = "linkedin.com", .selector = "test",
};

static void test_valid(void **state)
{
	char sig[2048];
	const char *s[] = { sig };
	struct signopts sub = good;

	(void)state;
	sign(&good, sig, sizeof sig);
	assert_int_equal(verify(s, 1, NULL, NULL), DKIMV_PASS);
	sub.domain = "mail.linkedin.com";	/* a subdomain aligns too */
	sign(&sub, sig, sizeof sig);
	assert_int_equal(verify(s, 1, NULL, NULL), DKIMV_PASS);
	assert_int_equal(verify(NULL, 0, NULL, NULL), DKIMV_NONE);
}

static void test_changed(void **state)
{
	char sig[2048];
	const char *s[] = { sig };

	(void)state;
	sign(&good, sig, sizeof sig);
	assert_int_equal(verify(s, 1, NULL, "-- \r\nA list's footer\r\n"), DKIMV_FAIL);
	assert_int_equal(verify(s, 1, "Subject: Urgent: confirm your password", NULL),
			 DKIMV_FAIL);
}

static void test_other_domain(void **state)
{
	char sig[2048];
	const char *s[] = { sig };
	struct signopts o = good;

	(void)state;
	o.domain = "example.com";	/* valid, but not LinkedIn's: no evidence */
	sign(&o, sig, sizeof sig);
	assert_int_equal(verify(s, 1, NULL, NULL), DKIMV_NONE);
	o.domain = "notlinkedin.com";
	sign(&o, sig, sizeof sig);
	assert_int_equal(verify(s, 1, NULL, NULL), DKIMV_NONE);
}

static void test_expired(void **state)
{
	char sig[2048];
	const char *s[] = { sig };
	struct signopts o = good;

	(void)state;
	o.fixed = time(NULL) - 86400;
	o.ttl = 3600;
	sign(&o, sig, sizeof sig);
	assert_non_null(strstr(sig, "x="));
	assert_int_equal(verify(s, 1, NULL, NULL), DKIMV_FAIL);
}

static void test_length(void **state)
{
	char sig[2048];
	const char *s[] = { sig };
	struct signopts o = good;

	(void)state;
	o.length = true;
	sign(&o, sig, sizeof sig);
	assert_non_null(strstr(sig, "l="));
	assert_int_equal(verify(s, 1, NULL, NULL), DKIMV_PASS);
	/* text after the signed length: not a pass */
	assert_int_equal(verify(s, 1, NULL, "Verify your account: https://evil.example/\r\n"),
			 DKIMV_FAIL);
}

static void test_two_signatures(void **state)
{
	char bad[2048], sig[2048];
	const char *s[] = { bad, sig };
	struct signopts o = good;

	(void)state;
	o.key = TESTDATA "/dkim-other.key";	/* the published key does not match */
	sign(&o, bad, sizeof bad);
	assert_int_equal(verify(s, 1, NULL, NULL), DKIMV_FAIL);
	sign(&good, sig, sizeof sig);
	assert_int_equal(verify(s, 2, NULL, NULL), DKIMV_PASS);
}

static void test_key_missing(void **state)
{
	char sig[2048];
	const char *s[] = { sig };
	struct signopts o = good;

	(void)state;
	o.selector = "gone";
	sign(&o, sig, sizeof sig);
	assert_int_equal(verify(s, 1, NULL, NULL), DKIMV_FAIL);	/* no evidence */
}

/* a configuration with dkim_verify on, keys from the test key file */
static struct config *dkim_config(void)
{
	struct errlist errs = { 0 };
	char path[] = "/tmp/lm-test-dkimv.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
	struct config *c;

	assert_non_null(f);
	fputs("patterns = \"" TOP_SRCDIR "/conf/patterns.conf\";\n"
	      "lexicons = \"" TOP_SRCDIR "/conf/lexicons.conf\";\n"
	      "dkim_verify = \"on\";\ndkim_keyfile = \"" TESTDATA "/dkim-test.keys\";\n", f);
	fclose(f);
	c = config_load(path, &errs);
	for (size_t i = 0; i < errs.msgs.n; i++)
		fprintf(stderr, "%s\n", errs.msgs.v[i]);
	errlist_free(&errs);
	unlink(path);
	assert_non_null(c);
	return c;
}

static unsigned long verifications(void)
{
	unsigned long n = 0;

	for (unsigned r = DKIMV_NONE; r <= DKIMV_TEMPERROR; r++)
		n += metrics_value(MC_DKIM_VERIFICATIONS, r, 0);
	return n;
}

/* HDRS (Name: value lines) and the body through scan, as the milter feeds
 * it; the end of headers' answer */
static int through_scan(struct inbound *m, const char *from, const char *const *h, size_t n)
{
	struct scan *s = &m->scan;
	int rc;

	scan_envfrom(s, from);
	scan_rcpt(s, "<grace@example.org>");
	for (size_t i = 0; i < n; i++) {
		char name[64];
		const char *colon = strchr(h[i], ':');

		snprintf(name, sizeof name, "%.*s", (int)(colon - h[i]), h[i]);
		assert_int_equal(scan_header(s, name, colon + 2), 0);
	}
	if ((rc = scan_eoh(s)) == SCAN_MORE)
		scan_body(s, body, strlen(body));
	return rc;
}

/* ordinary mail is settled at the end of headers and never hashed, even
 * when it carries a valid signature; LinkedIn-like mail is verified */
static void test_only_linkedin_like(void **state)
{
	struct config *c = dkim_config();
	struct inbound m;
	char sig[2048];
	const char *plain[] = { sig, "From: Ada <ada@example.com>", "To: grace@example.org",
				"Subject: Dinner on Friday?" };
	const char *li[6] = { sig };
	unsigned long before = verifications();

	(void)state;
	sign(&(struct signopts){ .key = TESTDATA "/dkim-test.key", .domain = "example.com",
				 .selector = "test" }, sig, sizeof sig);
	inbound_init(&m, c);
	assert_int_equal(through_scan(&m, "<ada@example.com>", plain, 4), SCAN_DONE);
	assert_null(m.scan.dkim);
	inbound_free(&m);
	assert_int_equal(verifications(), before);

	sign(&good, sig, sizeof sig);
	memcpy(li + 1, hdrs, sizeof hdrs);
	inbound_init(&m, c);
	assert_int_equal(through_scan(&m, "<s-1@bounce.linkedin.com>", li, 6), SCAN_MORE);
	assert_non_null(m.scan.dkim);
	assert_int_equal(inbound_eom(&m), 0);
	assert_int_equal(m.scan.inv.own_dkim, DKIMV_PASS);
	inbound_free(&m);
	assert_int_equal(verifications(), before + 1);
	config_unref(c);
}

/* dns_resolver: an IPv4 or IPv6 address, a port or not */
static void test_resolver_spec(void **state)
{
	static const char *const good_ones[] = { "", "127.0.0.1", "127.0.0.1:5353", "::1",
						 "[::1]", "[2001:db8::1]:53" };
	static const char *const bad_ones[] = { "localhost", "127.0.0.1:", "127.0.0.1:0",
						"127.0.0.1:65536", "127.0.0.1:53x", "[::1", "[::1]x",
						"1.2.3.4.5", "[]:53" };
	char err[200];
	struct dkimdns *d;

	(void)state;
	for (size_t i = 0; i < sizeof good_ones / sizeof *good_ones; i++)
		assert_true(dkimdns_server_ok(good_ones[i]));
	for (size_t i = 0; i < sizeof bad_ones / sizeof *bad_ones; i++)
		if (dkimdns_server_ok(bad_ones[i]))
			fail_msg("dns_resolver \"%s\" is taken", bad_ones[i]);
	assert_null(dkimdns_new("localhost", 1000, err, sizeof err));
	assert_string_equal(err, "dns_resolver \"localhost\": not an address[:port]");
	assert_non_null(d = dkimdns_new("127.0.0.1:5353", 1000, err, sizeof err));
	dkimdns_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid), cmocka_unit_test(test_changed),
		cmocka_unit_test(test_other_domain), cmocka_unit_test(test_expired),
		cmocka_unit_test(test_length), cmocka_unit_test(test_two_signatures),
		cmocka_unit_test(test_key_missing), cmocka_unit_test(test_only_linkedin_like),
		cmocka_unit_test(test_resolver_spec),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
