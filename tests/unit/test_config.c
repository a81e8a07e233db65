/* test_config.c - the configuration: defaults, the example file, and the
 * exact FILE:LINE message for each kind of error */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <syslog.h>
#include "config.h"
#include "config_keys.h"
#include "strlist.h"

static char tmpdir[] = "/tmp/lm-test-config.XXXXXX";

/* write TEXT to a file in tmpdir and return its path (static buffer) */
static const char *write_conf(const char *name, const char *text)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* load TEXT and expect exactly one error, equal to "<file>:EXPECTED" */
static void expect_error(const char *text, const char *expected)
{
	struct errlist errs = { 0 };
	const char *path = write_conf("bad.conf", text);
	char want[512];
	struct config *c = config_load(path, &errs);

	assert_null(c);
	snprintf(want, sizeof want, "%s:%s", path, expected);
	assert_int_equal(errs.msgs.n, 1);
	assert_string_equal(errs.msgs.v[0], want);
	errlist_free(&errs);
}

/* every row of TABLE (N rows) has a name that finds that row again: no
 * row left empty by an enum value without its initializer, no name twice */
static void rows_round_trip(const struct key *table, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		assert_non_null(table[i].name);
		assert_int_equal(schema_find(table, n, table[i].name), (int)i);
	}
	assert_int_equal(schema_find(table, n, "no_such_key"), -1);
}

/* the rows the code goes to by number hold the key of that number */
static void test_key_tables(void **state)
{
	static const char *const owner[] = { "names", "employers", "schools", "groups",
					     "contacts", "mode", "language", "address" };
	const struct key *t;
	size_t n;

	(void)state;
	t = config_key_table(&n);
	assert_int_equal(n, K_COUNT);
	rows_round_trip(t, n);
	assert_string_equal(t[K_PATTERNS].name, "patterns");
	assert_int_equal(t[K_PATTERNS].offset, offsetof(struct config, patterns_file));
	assert_string_equal(t[K_LEXICONS].name, "lexicons");
	assert_int_equal(t[K_LEXICONS].offset, offsetof(struct config, lexicons_file));
	t = profile_key_table(&n);
	assert_int_equal(n, PK_COUNT);
	rows_round_trip(t, n);
	/* the owner group reads the rows before PK_OWNER_COUNT: exactly these */
	assert_int_equal(PK_OWNER_COUNT, sizeof owner / sizeof owner[0]);
	for (int i = 0; i < PK_OWNER_COUNT; i++)
		assert_int_equal(schema_find(t, PK_OWNER_COUNT, owner[i]), i);
	assert_int_equal(schema_find(t, PK_OWNER_COUNT, "recipients"), -1);
	assert_int_equal(schema_find(t, n, "recipients"), PK_RECIPIENTS);
}

/* the defaults of the enumerated keys are their rows by name */
static void test_enum_defaults(void **state)
{
	struct errlist errs = { 0 };
	struct config *c = config_load(NULL, &errs);

	(void)state;
	assert_non_null(c);
	assert_int_equal(config_log_level(c), LOG_INFO);
	assert_int_equal(config_syslog_facility(c), LOG_MAIL);
	assert_string_equal(mode_name(c->owner.profile.mode), "selective");
	config_unref(c);
	errlist_free(&errs);
}

static void test_defaults(void **state)
{
	struct errlist errs = { 0 };
	struct config *c = config_load(NULL, &errs);

	assert_non_null(c);
	assert_int_equal(errs.msgs.n, 0);
	assert_string_equal(c->socket, "unix:/run/linkedin-milter/linkedin-milter.sock");
	assert_string_equal(c->user, "linkedin-milter");
	assert_string_equal(c->pidfile, "/run/linkedin-milter/linkedin-milter.pid");
	assert_int_equal(c->socket_mode, 0660);
	assert_int_equal(c->on_error, ON_ERROR_ACCEPT);
	assert_int_equal(c->engine.max_scan_bytes, 524288);
	assert_false(c->engine.require_authentication);
	assert_int_equal(c->owner.profile.mode, MODE_SELECTIVE);
	assert_string_equal(c->owner.profile.language, "en");
	assert_string_equal(c->owner.drafts.store, "maildir:/var/lib/linkedin-milter/%u/Drafts");
	assert_int_equal(c->owner.drafts.once_per_days, 30);
	assert_false(c->owner.drafts.auto_send);
	assert_string_equal(c->owner.profile.actions[VERDICT_ASK].draft, "ask");
	assert_string_equal(c->owner.profile.actions[VERDICT_DECLINE].draft, "decline");
	assert_string_equal(c->owner.profile.actions[VERDICT_PHISH].draft, "");
	assert_true(c->owner.profile.actions[VERDICT_ACCEPT].tag);
	/* X-LinkedIn-Explanation: for phish only, by default */
	assert_true(c->owner.profile.actions[VERDICT_PHISH].explain);
	assert_false(c->owner.profile.actions[VERDICT_DECLINE].explain);
	/* the built-in patterns were loaded: there is a genuine domain */
	assert_true(patterns_role(&c->engine.patterns, ROLE_DOMAIN).n > 0);
	assert_int_equal(c->n_profiles, 0);
	config_unref(c);
}

static void test_example_loads(void **state)
{
	char *want;
	struct errlist errs = { 0 };
	struct config *c = config_load(TOP_SRCDIR "/conf/linkedin-milter.conf", &errs);

	if (!c)
		for (size_t i = 0; i < errs.msgs.n; i++)
			print_error("%s\n", errs.msgs.v[i]);
	assert_non_null(c);
	/* the example states the defaults: same values as the built-in ones */
	assert_int_equal(c->engine.max_scan_bytes, 524288);
	assert_int_equal(c->owner.profile.mode, MODE_SELECTIVE);
	assert_string_equal(c->owner.profile.actions[VERDICT_ACCEPT].folder, "LinkedIn/Accept");
	assert_string_equal(c->owner.profile.actions[ACTION_NOTIFICATION].folder,
			    "LinkedIn/Notifications");
	/* relative to the configuration file's directory, resolved */
	want = realpath(TOP_SRCDIR "/conf/patterns.conf", NULL);
	assert_string_equal(c->patterns_file, want);
	free(want);
	config_unref(c);
}

static void test_unknown_key(void **state)
{
	expect_error("socket = \"unix:/run/x.sock\";\nsokcet = \"x\";\n",
		     "2: sokcet: unknown key (did you mean 'socket'?)");
	expect_error("owner = {\n  mode = \"selective\";\n  employer = [];\n};\n",
		     "3: owner.employer: unknown key (did you mean 'employers'?)");
}

static void test_wrong_type(void **state)
{
	expect_error("max_scan_bytes = \"big\";\n",
		     "1: max_scan_bytes: must be an integer, not a string");
	expect_error("\nowner = { names = 3; };\n",
		     "2: owner.names: must be a string or a list of strings, not an integer");
	expect_error("require_authentication = 1;\n",
		     "1: require_authentication: must be true or false, not an integer");
}

static void test_bad_values(void **state)
{
	expect_error("owner = { mode = \"fast\"; };\n",
		     "1: owner.mode: unknown value \"fast\" (expected \"strict\", \"selective\" or \"open\")");
	expect_error("socket = \"tcp:25\";\n",
		     "1: socket: bad socket: expected unix:/PATH, inet:PORT@HOST or inet6:PORT@HOST");
	expect_error("socket = \"inet:70000@127.0.0.1\";\n",
		     "1: socket: bad socket: the port must be 1 to 65535");
	expect_error("on_error = \"reject\";\n",
		     "1: on_error: unknown value \"reject\" (expected \"accept\" or \"tempfail\")");
	expect_error("max_scan_bytes = 10;\n",
		     "1: max_scan_bytes: 10 is out of range (4096 to 67108864)");
	expect_error("actions = { phish = { draft = \"decline\"; }; };\n",
		     "1: actions.phish: phish is never answered: no draft");
	expect_error("actions = { decline = { explain = \"yes\"; }; };\n",
		     "1: actions.decline.explain: must be true or false, not a string");
	expect_error("actions = { ignore = { explian = true; }; };\n",
		     "1: actions.ignore.explian: unknown key (did you mean 'explain'?)");
	expect_error("require_authentication = true;\n",
		     "1: require_authentication: needs authserv_id: only our own "
		     "Authentication-Results count");
	expect_error("drafts = {\n store = \"ftp://x\";\n};\n",
		     "2: drafts.store: expected maildir:/PATH, imap://HOST/FOLDER or imaps://HOST/FOLDER");
}

/* the owner's address is checked as the draft's From is: an address the
 * drafts would refuse (non-ASCII: the From is not encoded) is refused at
 * load (controls are refused in every value) */
static void test_bad_address(void **state)
{
	static const char *const bad[] = { "jos\xc3\xa9@example.org", "me@b\xc3\xbc" "cher.de",
					   "me@example.org ",
					   "<me@example.org>", "me@", "@example.org", "a@b@c" };

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char text[128];

		snprintf(text, sizeof text, "owner = { address = \"%s\"; };\n", bad[i]);
		expect_error(text, "1: owner.address: must be a plain address such as "
			     "\"me@example.org\"");
	}
}

/* draft names are checked with the templates layer's own rule */
static void test_bad_template_name(void **state)
{
	expect_error("actions = { ask = { draft = \"Ask\"; }; };\n",
		     "1: actions.ask.draft: template name may hold only a-z 0-9 - _");
	expect_error("actions = { ask = { draft = \".ask\"; }; };\n",
		     "1: actions.ask.draft: template name may hold only a-z 0-9 - _");
	expect_error("actions = { ask = { draft = \"../ask\"; }; };\n",
		     "1: actions.ask.draft: template name may hold only a-z 0-9 - _");
	expect_error("actions = { ask = { draft = \"a23456789012345678901234567890123\"; }; };\n",
		     "1: actions.ask.draft: template name longer than 32 bytes");
	expect_error("actions = { ask = { draft = \"subject\"; }; };\n",
		     "1: actions.ask.draft: send-hint, subject, titles, given-names, particles and no-name are not drafts");
	expect_error("actions = { ask = { draft = \"send-hint-accept\"; }; };\n",
		     "1: actions.ask.draft: send-hint, subject, titles, given-names, particles and no-name are not drafts");
	expect_error("actions = { ask = { draft = \"given-names\"; }; };\n",
		     "1: actions.ask.draft: send-hint, subject, titles, given-names, particles and no-name are not drafts");
}

static void test_unreadable_contacts(void **state)
{
	char want[256];

	snprintf(want, sizeof want,
		 "1: owner.contacts: cannot read %s/missing.txt: No such file or directory",
		 tmpdir);
	expect_error("owner = { contacts = \"missing.txt\"; };\n", want);
}

static void test_bad_rule_pattern(void **state)
{
	expect_error("rules = (\n { field = \"note\"; match = \"(unclosed\"; verdict = \"ask\"; reason = \"x\"; }\n);\n",
		     "2: rules[0].match: pattern does not compile: missing closing parenthesis at offset 9");
	expect_error("rules = ( { field = \"note\"; match = \"x\"; verdict = \"maybe\"; reason = \"x\"; } );\n",
		     "1: rules[0]: unknown verdict \"maybe\"");
}

static void test_syntax_error(void **state)
{
	expect_error("socket = ;\n", "1: syntax error");
}

static void test_profiles_inherit_owner(void **state)
{
	struct errlist errs = { 0 };
	const char *path = write_conf("p.conf",
		"profiles = ( { recipients = [ \"^press@\" ]; mode = \"strict\"; } );\n"
		"owner = { employers = [ \"Initech\" ]; mode = \"open\"; };\n");
	struct config *c = config_load(path, &errs);
	const struct profile *p;

	assert_non_null(c);
	assert_int_equal(c->n_profiles, 1);
	assert_ptr_equal(config_profile(c, "press@example.org"), &c->profiles[0]);
	p = &c->profiles[0].profile;
	assert_int_equal(p->mode, MODE_STRICT);
	assert_int_equal(p->employers.n, 1);
	assert_string_equal(p->employers.v[0], "Initech");
	assert_ptr_equal(config_profile(c, "bob@example.org"), &c->owner);
	assert_int_equal(c->owner.profile.mode, MODE_OPEN);
	config_unref(c);
}

static void test_rules_and_refcount(void **state)
{
	struct errlist errs = { 0 };
	const char *path = write_conf("r.conf",
		"rules = ( { field = \"inviter.headline\"; match = \"(?i)crypto\"; "
		"verdict = \"ignore\"; reason = \"crypto\"; position = \"after\"; } );\n");
	struct config *c = config_load(path, &errs);

	assert_non_null(c);
	assert_int_equal(c->n_rules, 1);
	assert_int_equal(c->rules[0].field, FIELD_HEADLINE);
	assert_int_equal(c->rules[0].verdict, VERDICT_IGNORE);
	assert_false(c->rules[0].before);
	assert_true(regex_match(c->rules[0].re, "CRYPTO fan", 10));
	assert_ptr_equal(config_ref(c), c);
	config_unref(c);
	assert_int_equal(atomic_load(&c->refs), 1);
	config_unref(c);
}

static void test_bad_patterns_file(void **state)
{
	char want[512];
	const char *pat = write_conf("pat.conf", "[any en]\nsubject.invitation confirmed (oops\n");
	struct errlist errs = { 0 };
	char text[300];
	struct config *c;

	snprintf(text, sizeof text, "patterns = \"%s\";\n", pat);
	c = config_load(write_conf("withpat.conf", text), &errs);
	assert_null(c);
	snprintf(want, sizeof want, "%s/pat.conf:2: subject.invitation: pattern does not "
		 "compile: missing closing parenthesis at offset 5", tmpdir);
	assert_int_equal(errs.msgs.n, 1);
	assert_string_equal(errs.msgs.v[0], want);
	errlist_free(&errs);
}

static void remove_tmpdir(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	char path[512];

	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", tmpdir, e->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(tmpdir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_example_loads),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_wrong_type),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_bad_address),
		cmocka_unit_test(test_bad_template_name),
		cmocka_unit_test(test_unreadable_contacts),
		cmocka_unit_test(test_bad_rule_pattern),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_profiles_inherit_owner),
		cmocka_unit_test(test_rules_and_refcount),
		cmocka_unit_test(test_bad_patterns_file),
		cmocka_unit_test(test_key_tables),
		cmocka_unit_test(test_enum_defaults),
	};
	int rc;

	if (!mkdtemp(tmpdir))
		return 1;
	rc = cmocka_run_group_tests_name("config", tests, NULL, NULL);
	remove_tmpdir();
	return rc;
}
