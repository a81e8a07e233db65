/* test_lookalike.c - IDN homographs of linkedin.com, built with libidn2 from
 * Cyrillic, Greek and fullwidth letters, are look-alikes, and a message from
 * one is phish even when its subject passes no gate; real IDNs are not.
 * Display names and domain labels one letter off are look-alikes too, a
 * forged notification is phish with the phish actions, and a genuine one
 * relayed by a list with our own dkim pass stays a notification (issue 27) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <idn2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config.h"
#include "inbound.h"
#include "classify.h"
#include "lookalike.h"
#include "plan.h"
#include "strlist.h"

static struct config *cfg;

static int setup(void **state)
{
	struct errlist errs = { 0 };
	char path[] = "/tmp/lm-test-lookalike.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w");

	if (!f)
		return -1;
	fputs("authserv_id = \"mx.example.org\";\n"
	      "patterns = \"" TOP_SRCDIR "/conf/patterns.conf\";\n"
	      "lexicons = \"" TOP_SRCDIR "/conf/lexicons.conf\";\n", f);
	fclose(f);
	cfg = config_load(path, &errs);
	for (size_t i = 0; i < errs.msgs.n; i++)
		fprintf(stderr, "%s\n", errs.msgs.v[i]);
	errlist_free(&errs);
	unlink(path);
	return cfg ? 0 : -1;
}

static int teardown(void **state)
{
	config_unref(cfg);
	return 0;
}

/* the homographs as a sender would write them: xn-- labels from libidn2 */
static const char *const homographs[] = {
	"l\xd1\x96nked\xd1\x96n.com",		/* Cyrillic і (U+0456) twice */
	"link\xd0\xb5" "din.com",		/* Cyrillic е (U+0435) */
	"\xd3\x8finkedin.com",			/* Cyrillic palochka (U+04CF) for l */
	"linked\xce\xb9n.com",			/* Greek iota (U+03B9) */
	"l\xce\xb9nked\xce\xb9n.com",		/* Greek iota twice */
	"mail.l\xd1\x96nkedin.com",		/* a subdomain of one */
	"l\xd1\x96nkedin-mail.com",		/* and the ASCII pattern on the skeleton */
};

static void test_homographs(void **state)
{
	for (size_t i = 0; i < sizeof homographs / sizeof homographs[0]; i++) {
		char *ascii = NULL;

		assert_int_equal(idn2_to_ascii_8z(homographs[i], &ascii, IDN2_NONTRANSITIONAL), IDN2_OK);
		assert_true(strncmp(ascii, "xn--", 4) == 0 || strstr(ascii, ".xn--"));
		if (!lookalike_domain(&cfg->engine.patterns, ascii))
			fail_msg("%s (%s) is not found a look-alike", ascii, homographs[i]);
		assert_true(lookalike_domain(&cfg->engine.patterns, homographs[i]));	/* as UTF-8 */
		idn2_free(ascii);
	}
	/* fullwidth letters: IDNA maps them to ASCII, so they arrive raw (SMTPUTF8)
	 * or as the bare punycode of the fullwidth label */
	assert_true(lookalike_domain(&cfg->engine.patterns,
		"\xef\xbd\x8c\xef\xbd\x89\xef\xbd\x8e\xef\xbd\x8b\xef\xbd\x85\xef\xbd\x84\xef\xbd\x89\xef\xbd\x8e.com"));
	assert_true(lookalike_domain(&cfg->engine.patterns, "xn--pi7cblchepe.com"));
	assert_true(lookalike_domain(&cfg->engine.patterns, "XN--LNKEDN-PVFE.COM"));
}

static void test_not_lookalikes(void **state)
{
	static const char *const fine[] = {
		"xn--mnchen-3ya.de", "m\xc3\xbcnchen.de", "xn--bcher-kva.example", "example.org",
		"linkedinfluence.example", "xn--garbage-.com", "xn--", "",
	};

	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
		if (lookalike_domain(&cfg->engine.patterns, fine[i]))
			fail_msg("%s is taken for a look-alike", fine[i]);
	assert_false(lookalike_idn("linkedin.com"));
	assert_true(lookalike_idn("xn--lnkedn-pvfe.com"));
}

/* MESSAGE (NAME, VALUE pairs, NULL-ended) from ENVFROM to bob@example.org with
 * BODY, through the milter's path into M */
static void feed(struct inbound *m, const char *envfrom, const char *const *hdrs, const char *body)
{
	struct scan *s = &m->scan;

	inbound_init(m, cfg);
	scan_envfrom(s, envfrom);
	scan_rcpt(s, "<bob@example.org>");
	for (size_t i = 0; hdrs[i]; i += 2)
		scan_header(s, hdrs[i], hdrs[i + 1]);
	scan_header(s, "Content-Type", "text/plain; charset=utf-8");
	assert_int_equal(scan_eoh(s), SCAN_MORE);
	assert_int_equal(scan_body(s, body, strlen(body)), SCAN_MORE);
	assert_int_equal(inbound_eom(m), 0);
}

/* decided from the sender first: a subject that passes no gate, a notice
 * that names no invitation, still phish */
static void test_sender_first(void **state)
{
	static const char body[] = "You have 1 new invitation.\r\n\r\nSee it: "
		"https://www.xn--lnkedn-pvfe.com/comm/mynetwork/\r\n";
	static const char *const hdrs[] = {
		"From", "Linkedln <messages-noreply@xn--lnkedn-pvfe.com>", "To", "bob@example.org",
		"Subject", "Bob, you have 1 new invitation", NULL
	};
	struct inbound m;

	feed(&m, "<messages-noreply@xn--lnkedn-pvfe.com>", hdrs, body);
	assert_int_equal(m.scan.inv.kind, KIND_INVITATION);
	assert_int_equal(m.scan.inv.authentic, 0);
	assert_string_equal(verdict_name(m.result.verdict), "phish");
	assert_string_equal(m.result.reasons[0], "lookalike-domain");
	assert_string_equal(m.result.detail[0], "l\xd1\x96nked\xd1\x96n.com (xn--lnkedn-pvfe.com)");
	inbound_free(&m);
}

/* display names: a word one edit from "linkedin", l/i/1 read alike, or a
 * confusable of it; LinkedIn itself is left to the display patterns */
static void test_display_names(void **state)
{
	static const char *const fakes[] = {
		"LinkeIn", "Linkedln", "L1nkedIn", "Security | Lnkedin", "LinkedIin Team",
		"Linkdein", "l\xd1\x96nked\xd1\x96n",	/* Cyrillic і */
	};
	static const char *const fine[] = {
		"LinkedIn", "Linkin Park News", "Lindqvist", "Linked Solutions", "M\xc3\xbcller Lindemann",
		"Jane Doe", "", "Linkedinfluencer", "J\xc3\xb6rg Lindenk\xc3\xa4mper",
	};
	const struct patterns *p = &cfg->engine.patterns;

	for (size_t i = 0; i < sizeof fakes / sizeof fakes[0]; i++)
		if (!lookalike_name(p, fakes[i]))
			fail_msg("%s is not found a look-alike name", fakes[i]);
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
		if (lookalike_name(p, fine[i]))
			fail_msg("%s is taken for a look-alike name", fine[i]);
	assert_false(lookalike_name(p, NULL));
	assert_true(lookalike_domain(p, "liinkedin.com"));
	assert_true(lookalike_domain(p, "mail.l1nkedin.example"));
	assert_true(lookalike_domain(p, "linkedim.example"));
	assert_false(lookalike_domain(p, "unlinked.example"));
	assert_false(lookalike_domain(p, "linked.example"));
}

/* a notification through a Mailman list (From LinkedIn's, Sender the
 * list's): with our own dkim pass for linkedin.com the list does not make
 * it foreign, it is filed as a notification; without it, phish */
static void test_list_relayed_notification(void **state)
{
	static const char body[] = "4 people viewed your profile this week.\r\n\r\n"
		"See them: https://www.linkedin.com/comm/me/profile-views/\r\n";
	const char *hdrs[] = {
		"Authentication-Results",
		"mx.example.org; dkim=pass header.d=linkedin.com header.i=@linkedin.com",
		"From", "LinkedIn <notifications-noreply@linkedin.com>",
		"Sender", "devel-bounces@lists.example.net", "List-Id", "<devel.lists.example.net>",
		"Subject", "[devel] Bob, 4 people viewed your profile", NULL
	};
	struct inbound m;
	struct plan pl;
	char text[400];

	feed(&m, "<devel-bounces@lists.example.net>", hdrs, body);
	assert_int_equal(m.scan.inv.kind, KIND_NOTIFICATION);
	assert_int_equal(m.scan.inv.authentic, 1);
	assert_int_equal(m.result.verdict, VERDICT_NONE);
	inbound_plan(&m, &pl);
	assert_true(plan_notification(&m.scan.inv, &m.result));
	assert_false(pl.explain);
	inbound_free(&m);

	feed(&m, "<devel-bounces@lists.example.net>", hdrs + 2, body);	/* no pass */
	assert_int_equal(m.scan.inv.kind, KIND_NOTIFICATION);
	assert_int_equal(m.scan.inv.authentic, 0);
	assert_string_equal(verdict_name(m.result.verdict), "phish");
	/* the list's Sender, or its envelope where list mail is judged by From */
	if (strcmp(m.result.reasons[0], "foreign-sender") && strcmp(m.result.reasons[0], "foreign-envelope"))
		fail_msg("reason %s", m.result.reasons[0]);
	inbound_plan(&m, &pl);
	assert_false(plan_notification(&m.scan.inv, &m.result));
	assert_true(pl.tag && pl.explain);
	assert_null(pl.draft);
	explain(&m.profile->profile, &m.scan.inv, &m.result, 0, text, sizeof text);
	if (strncmp(text, "looks like a LinkedIn notification, but was sent ", 49) || !strstr(text, "lists.example.net"))
		fail_msg("explanation: %s", text);
	inbound_free(&m);
}

/* LinkedIn's own digest relayed by a list, with buttons and connection
 * wording: with our dkim pass it is a notification, not a fake invitation
 * (no verdict, no draft); without, a fake invitation and phish */
static void test_relayed_shape(void **state)
{
	static const char body[] = "You have 2 pending connection requests.\r\n\r\n"
		"Maya Lin\r\nAccept\r\n\r\nOmar Said\r\nAccept\r\n";
	const char *hdrs[] = {
		"Authentication-Results", "mx.example.org; dkim=pass header.d=linkedin.com",
		"From", "LinkedIn <invitations@linkedin.com>", "Sender", "devel-bounces@lists.example.net",
		"Subject", "[devel] Bob, see who wants to join your network", NULL
	};
	struct inbound m;
	struct plan pl;

	feed(&m, "<devel-bounces@lists.example.net>", hdrs, body);
	assert_int_equal(m.scan.inv.kind, KIND_NOTIFICATION);
	assert_int_equal(m.scan.inv.authentic, 1);
	inbound_plan(&m, &pl);
	assert_true(plan_notification(&m.scan.inv, &m.result));
	assert_null(pl.draft);
	inbound_free(&m);
	feed(&m, "<devel-bounces@lists.example.net>", hdrs + 2, body);
	assert_int_equal(m.scan.inv.kind, KIND_INVITATION);
	assert_string_equal(verdict_name(m.result.verdict), "phish");
	inbound_free(&m);
}

/* only the text says it is LinkedIn's: its footer; a person's forward of
 * the same text is that person's mail */
static void test_footer_claims(void **state)
{
	static const char body[] = "Your password was changed.\r\n\r\n"
		"\xc2\xa9 2024 LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA.\r\n";
	const char *hdrs[] = {
		"From", "Account Notice <alerts@notice.example.net>", "Subject", "Your LinkedIn password", NULL
	};
	struct inbound m;

	feed(&m, "<alerts@notice.example.net>", hdrs, body);
	assert_int_equal(m.scan.inv.kind, KIND_NOTIFICATION);
	assert_string_equal(verdict_name(m.result.verdict), "phish");
	inbound_free(&m);
	hdrs[3] = "Fwd: Your LinkedIn password";
	feed(&m, "<alerts@notice.example.net>", hdrs, body);
	assert_int_equal(m.scan.inv.kind, KIND_NONE);
	inbound_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_homographs),
		cmocka_unit_test(test_not_lookalikes),
		cmocka_unit_test(test_sender_first),
		cmocka_unit_test(test_display_names),
		cmocka_unit_test(test_list_relayed_notification),
		cmocka_unit_test(test_relayed_shape),
		cmocka_unit_test(test_footer_claims),
	};

	return cmocka_run_group_tests_name("lookalike", tests, setup, teardown);
}
