/* test_authres.c - our own Authentication-Results, as far as they are
 * trusted: a pass only from a trusted one, a DMARC fail from any of ours
 * not forged, a DKIM fail never, other authserv-ids never; a list of
 * authserv-ids; the job id of "id/job" */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "authres.h"
#include "strlist.h"

static struct patterns pats;
static struct pattern_set doms;
static char *mx_ids[] = { "mx1.example.org", "mx.example.org" };
static const struct strlist ids = { mx_ids, 2 };	/* several MX hosts */
static char *no_ids[] = { "" };
static const struct strlist none = { no_ids, 1 };

static int setup(void **state)
{
	struct errlist errs = { 0 };
	int rc = patterns_load(&pats, "t", "[any any]\ndomain confirmed linkedin.com\n", &errs);

	errlist_free(&errs);
	if (rc < 0 || patterns_finish(&pats) < 0)
		return -1;
	doms = patterns_role(&pats, ROLE_DOMAIN);
	return 0;
}

static int teardown(void **state)
{
	patterns_free(&pats);
	return 0;
}

static int one(const char *value, unsigned char trust)
{
	const char *h[1] = { value };

	return authres_verdict(&ids, h, &trust, 1, doms);
}

static void test_trust(void **state)
{
	static const char pass[] = "mx.example.org; dkim=pass header.d=linkedin.com";
	static const char dmarc_fail[] = "mx.example.org/Q1; dmarc=fail (p=reject) header.from=linkedin.com";
	static const char dkim_fail[] = "mx.example.org; dkim=fail header.d=mail.linkedin.com; dkim=pass header.d=linkedin.com";

	assert_int_equal(one(pass, AR_TRUSTED), AUTHRES_PASS);
	assert_int_equal(one(pass, AR_FAIL_ONLY), AUTHRES_NONE);	/* a pass needs proof */
	assert_int_equal(one(pass, AR_FORGED), AUTHRES_NONE);
	assert_int_equal(one(dmarc_fail, AR_FAIL_ONLY), AUTHRES_FAIL_DMARC);
	assert_int_equal(one(dmarc_fail, AR_FORGED), AUTHRES_NONE);
	/* a failed signature is as if absent (RFC 6376 6.1): the pass counts */
	assert_int_equal(one(dkim_fail, AR_TRUSTED), AUTHRES_PASS);
	assert_int_equal(one("mx.example.org; dkim=fail header.d=linkedin.com", AR_TRUSTED), AUTHRES_NONE);
	assert_int_equal(one("mx.example.org; dkim=fail header.d=linkedin.com; dmarc=fail "
			     "header.from=linkedin.com", AR_TRUSTED), AUTHRES_FAIL_DMARC);
	/* the second authserv-id of the list counts as much as the first */
	assert_int_equal(one("mx1.example.org; dkim=pass header.d=linkedin.com", AR_TRUSTED), AUTHRES_PASS);
	assert_int_equal(one("evil.example.net; dkim=pass header.d=linkedin.com", AR_TRUSTED), AUTHRES_NONE);
	assert_int_equal(one("mx.example.org; dkim=pass header.d=linkedin.com.evil.example", AR_TRUSTED), AUTHRES_NONE);
	assert_int_equal(one("mx.example.org (comment; dkim=fail header.d=linkedin.com); dkim=pass "
			     "header.i=@linkedin.com", AR_TRUSTED), AUTHRES_PASS);
}

static void test_arc(void **state)
{
	static char *g[] = { "google.com" };
	static const struct strlist sealers = { g, 1 };
	const char *ours[1] = { "mx.example.org/Q2; arc=pass (i=1); dkim=fail header.d=linkedin.com" };
	const char *ours_fail[1] = { "mx.example.org/Q2; arc=fail; dkim=fail header.d=linkedin.com" };
	const char *aar[2] = { "i=2; lists.example.net; dkim=pass header.d=linkedin.com",
			       "i=1; mx.google.com; dkim=pass header.i=@linkedin.com; dmarc=pass header.from=linkedin.com" };
	const char *aar_other[1] = { "i=1; mx.google.com.evil.example; dkim=pass header.d=linkedin.com" };
	unsigned char t = AR_TRUSTED, forged = AR_FORGED;

	assert_true(authres_arc_pass(&ids, ours, &t, 1, aar, 2, &sealers, doms));
	assert_false(authres_arc_pass(&ids, ours, &forged, 1, aar, 2, &sealers, doms));	/* ours, forged */
	assert_false(authres_arc_pass(&ids, ours_fail, &t, 1, aar, 2, &sealers, doms));	/* chain broken */
	assert_false(authres_arc_pass(&ids, ours, &t, 1, aar, 1, &sealers, doms));	/* sealer not trusted */
	assert_false(authres_arc_pass(&ids, ours, &t, 1, aar_other, 1, &sealers, doms));
	assert_false(authres_arc_pass(&ids, ours, &t, 1, aar, 2, NULL, doms));	/* none trusted: off */
}

static void test_ours_and_job(void **state)
{
	char job[64];

	assert_true(authres_ours(&ids, "mx.example.org/4QfLm23xYbz; dkim=pass", job, sizeof job));
	assert_string_equal(job, "4QfLm23xYbz");
	assert_true(authres_ours(&ids, " (x) MX.Example.ORG 1; none", job, sizeof job));
	assert_string_equal(job, "");
	assert_false(authres_ours(&ids, "mx.example.org.evil; dkim=pass", job, sizeof job));
	assert_false(authres_ours(&none, "mx.example.org; dkim=pass", job, sizeof job));
	assert_false(authres_ours(NULL, "mx.example.org; dkim=pass", job, sizeof job));
	assert_true(authres_ours(&ids, "MX1.example.org/Q9; none", job, sizeof job));
	assert_string_equal(job, "Q9");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trust),
		cmocka_unit_test(test_ours_and_job),
		cmocka_unit_test(test_arc),
	};

	return cmocka_run_group_tests_name("authres", tests, setup, teardown);
}
