/* test_draft.c - reply drafts: every template in every language renders
 * with its placeholders filled, as valid quoted-printable in short lines;
 * hostile names stay inside the body; stores refuse path escapes; one draft
 * per inviter; user templates override the shipped ones */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "config.h"
#include "draft_message.h"
#include "scan.h"
#include "maildir_keys.h"
#include "store.h"
#include "templates.h"
#include "unit_config.h"
#include "strlist.h"

static struct config *cfg;
static char dir[] = "/tmp/lm-test-draft.XXXXXX";

static int setup(void **state)
{
	cfg = unit_config(dir, TOP_SRCDIR, "names = [ \"Bob Smith\" ];");
	return cfg ? 0 : -1;
}

static int teardown(void **state)
{
	return unit_config_free(cfg, dir);
}

/* a scan as the engine leaves it for an invitation */
static void fake_scan(struct unit_draft *s, const char *name, const char *lang, enum claim_kind claim,
		      const char *org, const char *email)
{
	unit_scan(s, cfg, name, lang, claim, org, NULL, email);
}

/* the body of MSG, quoted-printable decoded; checks the encoding on the way */
static char *qp_decode(const char *msg)
{
	const char *p = strstr(msg, "\r\n\r\n");
	char *out = malloc(strlen(msg) + 1), *w = out;

	assert_non_null(p);
	for (p += 4; *p; ) {
		const char *eol = strstr(p, "\r\n");
		size_t n = eol ? (size_t)(eol - p) : strlen(p);

		assert_true(n <= 76);	/* RFC 2045 line length */
		for (size_t i = 0; i < n; i++) {
			if (p[i] == '=' && i + 1 == n)
				break;			/* soft break */
			if (p[i] == '=') {
				char hex[3] = { p[i + 1], p[i + 2], 0 };

				assert_true(i + 2 < n);
				*w++ = (char)strtol(hex, NULL, 16);
				i += 2;
			} else {
				assert_true((unsigned char)p[i] >= 32 && (unsigned char)p[i] < 127);
				*w++ = p[i];
			}
		}
		if (!(n && p[n - 1] == '=' ))
			*w++ = '\n';
		p += n + (eol ? 2 : 0);
	}
	*w = '\0';
	return out;
}

/* the header names of MSG, one a line; every header line under 78 characters */
static void header_names(const char *msg, char *names, size_t len)
{
	const char *end = strstr(msg, "\r\n\r\n");

	names[0] = '\0';
	for (const char *p = msg; p < end; ) {
		const char *eol = strstr(p, "\r\n");

		if (eol - p >= 78)
			fail_msg("header line of %d characters: %.*s", (int)(eol - p), (int)(eol - p), p);
		if (*p != ' ' && *p != '\t') {
			size_t n = strcspn(p, ":");

			assert_true(n < (size_t)(eol - p));
			strncat(names, p, n < 40 ? n : 40);
			strncat(names, "\n", len - strlen(names) - 1);
		}
		p = eol + 2;
	}
}

static const char expected_headers[] =
	"From\nTo\nSubject\nIn-Reply-To\nReferences\nDate\nMessage-ID\nX-LinkedIn-Draft-Key\n"
	"MIME-Version\nContent-Type\nContent-Transfer-Encoding\n";

static void test_every_template_every_language(void **state)
{
	static const char *const langs[] = { "en", "de", "fr", "es", "pt", "it", "nl" };
	static const struct { const char *name; enum claim_kind claim; } tpls[] = {
		{ "accept", CLAIM_NONE }, { "consider", CLAIM_NONE }, { "ask", CLAIM_NONE },
		{ "ask", CLAIM_COLLEAGUE }, { "ask", CLAIM_CLASSMATE }, { "ask", CLAIM_GROUP },
		{ "ask", CLAIM_FRIEND }, { "decline", CLAIM_NONE },
	};

	for (size_t l = 0; l < 7; l++)
		for (size_t t = 0; t < sizeof tpls / sizeof tpls[0]; t++) {
			struct unit_draft s;
			struct draft d;
			char err[200], names[1024], want[64];
			char *body;

			fake_scan(&s, "Jane Doe", langs[l], tpls[t].claim, "Initech", "jane@example.com");
			assert_int_equal(draft_render(&s.in, tpls[t].name, &d, err, sizeof err), 0);
			snprintf(want, sizeof want, "%s%s%s", tpls[t].name,
				 tpls[t].claim ? "-" : "", tpls[t].claim ? claim_name(tpls[t].claim) : "");
			assert_string_equal(d.template, want);
			assert_string_equal(d.lang, langs[l]);
			header_names(d.msg.data, names, sizeof names);
			assert_string_equal(names, expected_headers);
			body = qp_decode(d.msg.data);
			if (!strstr(body, "Jane") || !strstr(body, "Bob Smith") || strchr(body, '{') ||
			    (tpls[t].claim && tpls[t].claim != CLAIM_FRIEND && !strstr(body, "Initech")))
				fail_msg("%s/%s renders wrong:\n%s", langs[l], want, body);
			free(body);
			draft_free(&d);
		}
}

static void test_no_name_uses_fallback_and_hint(void **state)
{
	struct unit_draft s;
	struct draft d;
	char err[200], names[1024];
	char *body;

	fake_scan(&s, NULL, "en", CLAIM_NONE, NULL, NULL);
	assert_int_equal(draft_render(&s.in, "ask", &d, err, sizeof err), 0);
	body = qp_decode(d.msg.data);
	assert_non_null(strstr(body, "Hello,"));	/* the no-name line, not "Hi there," */
	assert_null(strstr(body, "Hi there"));
	/* no address to write to: a note to send it on LinkedIn, no To */
	assert_non_null(strstr(body, "https://www.linkedin.com/in/janedoe"));
	header_names(d.msg.data, names, sizeof names);
	assert_null(strstr(names, "\nTo\n"));
	free(body);
	draft_free(&d);
	/* a LinkedIn address is never written to */
	fake_scan(&s, "Jane", "en", CLAIM_NONE, NULL, "member@linkedin.com");
	assert_int_equal(draft_render(&s.in, "accept", &d, err, sizeof err), 0);
	header_names(d.msg.data, names, sizeof names);
	assert_null(strstr(names, "\nTo\n"));
	draft_free(&d);
}

static void test_unknown_language_falls_back(void **state)
{
	struct unit_draft s;
	struct draft d;
	char err[200];

	fake_scan(&s, "Jane", "sv", CLAIM_NONE, NULL, NULL);
	assert_int_equal(draft_render(&s.in, "decline", &d, err, sizeof err), 0);
	assert_string_equal(d.lang, "en");
	draft_free(&d);
	assert_int_equal(draft_render(&s.in, "no-such-template", &d, err, sizeof err), -1);
	draft_free(&d);
}

static void test_hostile_names_stay_inside(void **state)
{
	char big[10240 + 64];
	const char *names[] = {
		"Eve\r\nBcc: victim@example.net",
		"Eve\nContent-Type: multipart/mixed; boundary=x\n\n--x",
		"=?UTF-8?B?RXZlDQpCY2M6IHZpY3RpbUBleGFtcGxlLm5ldA==?=",
		"\xe2\x80\xae" "evE naJ " "\xe2\x80\xac" " Doe",		/* RTL override */
		big,
	};

	memset(big, 'A', 10240);
	strcpy(big + 10240, "\r\nX-Evil: 1");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct unit_draft s;
		struct draft d;
		char err[200], hnames[1024];

		fake_scan(&s, names[i], "en", CLAIM_GROUP, names[i], "jane@example.com");
		assert_int_equal(draft_render(&s.in, "ask", &d, err, sizeof err), 0);
		header_names(d.msg.data, hnames, sizeof hnames);
		assert_string_equal(hnames, expected_headers);
		assert_null(strstr(d.msg.data, "\nBcc:"));
		assert_null(strstr(d.msg.data, "\nX-Evil:"));
		assert_null(strstr(d.msg.data, "\xe2\x80\xae"));
		assert_true(d.msg.len < 8192);		/* bounded */
		draft_free(&d);
	}
}

static void test_store_paths_never_escape(void **state)
{
	char out[512], err[200];
	const char *bad[] = { "../etc@example.org", "a/b@example.org", ".hidden@example.org",
			      "bob@../x", "bob@x/y", "a..b@example.org", "" };

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(store_resolve("maildir:/var/lib/lm/%u/%d", bad[i], out, sizeof out,
					       err, sizeof err), -1);
	assert_int_equal(store_resolve("maildir:/var/lib/lm/%d/%u/Drafts", "bob.smith@Example.ORG",
				       out, sizeof out, err, sizeof err), 0);
	assert_string_equal(out, "maildir:/var/lib/lm/example.org/bob.smith/Drafts");
}

static int count_drafts(const char *cur)
{
	DIR *d = opendir(cur);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)) != NULL)
		n += strstr(e->d_name, ":2,D") != NULL;
	if (d)
		closedir(d);
	return n;
}

static void test_maildir_once_per_inviter(void **state)
{
	char url[300], cur[300], err[200];
	struct store_job j = { url, "", "0123456789abcdef0123456789abcdef", 30, 10,
			       "Subject: x\r\nX-LinkedIn-Draft-Key: 0123456789abcdef0123456789abcdef\r\n\r\nhi\r\n", 0,
			       NULL };

	j.len = strlen(j.msg);
	snprintf(url, sizeof url, "maildir:%s/md/bob/Drafts", dir);
	snprintf(cur, sizeof cur, "%s/md/bob/Drafts/cur", dir);
	assert_int_equal(store_put(&j, err, sizeof err), STORE_OK);
	assert_int_equal(store_put(&j, err, sizeof err), STORE_EXISTS);
	assert_int_equal(count_drafts(cur), 1);
	j.key = "ffffffffffffffffffffffffffffffff";
	assert_int_equal(store_put(&j, err, sizeof err), STORE_OK);
	assert_int_equal(count_drafts(cur), 2);
	/* a relative path is refused, not written somewhere unexpected */
	j.url = "maildir:relative/Drafts";
	assert_int_equal(store_put(&j, err, sizeof err), STORE_FAIL);
}

/* the keys of a folder are remembered, and read again when someone else changes it */
static void test_maildir_keys_follow_the_folder(void **state)
{
	char url[300], path[400], err[200];
	const char *key = "aaaabbbbccccddddaaaabbbbccccdddd";
	struct store_job j = { url, "", key, 30, 10, "Subject: x\r\n\r\nhi\r\n", 0, NULL };
	struct timespec old[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	FILE *f;

	j.len = strlen(j.msg);
	snprintf(url, sizeof url, "maildir:%s/keys/Drafts", dir);
	assert_int_equal(store_put(&j, err, sizeof err), STORE_OK);
	assert_int_equal(store_put(&j, err, sizeof err), STORE_EXISTS);
	/* the user deletes the draft and the reply memory (reply_memory.c) with
	 * it: the next one is stored again */
	snprintf(path, sizeof path, "rm -f %s/keys/Drafts/cur/* %s/keys/Drafts/.linkedin-milter-memory",
		 dir, dir);
	assert_int_equal(system(path), 0);
	assert_int_equal(store_put(&j, err, sizeof err), STORE_OK);
	assert_int_equal(system(path), 0);
	/* a client saved the draft again under its own name: found by its header */
	snprintf(path, sizeof path, "%s/keys/Drafts/cur/1700000000.M1P2.imap:2,DS", dir);
	f = fopen(path, "w");
	fprintf(f, "Subject: x\r\nX-LinkedIn-Draft-Key: %s\r\n\r\nedited\r\n", key);
	fclose(f);
	assert_int_equal(store_put(&j, err, sizeof err), STORE_EXISTS);
	/* older than once_per_days: a new draft */
	utimensat(AT_FDCWD, path, old, 0);
	snprintf(path, sizeof path, "%s/keys/Drafts/cur", dir);
	utimensat(AT_FDCWD, path, NULL, 0);	/* (a folder changed in the same tick) */
	assert_int_equal(store_put(&j, err, sizeof err), STORE_OK);
	assert_int_equal(count_drafts(path), 2);
}

/* a Maildir DIR/NAME (its cur, new and tmp made) with N drafts in cur/, named
 * as store_maildir.c names them, the Ith with the key "%016x" of I twice; the
 * path of cur/ into CUR */
static void big_maildir(const char *name, unsigned n, char *cur, size_t len)
{
	char cmd[800], first[700], file[700];
	FILE *f;

	snprintf(cmd, sizeof cmd, "mkdir -p %s/%s/cur %s/%s/new %s/%s/tmp", dir, name, dir, name,
		 dir, name);
	assert_int_equal(system(cmd), 0);
	snprintf(cur, len, "%s/%s/cur", dir, name);
	snprintf(first, sizeof first, "%s/draft", cur);
	for (unsigned i = 0; i < n; i++) {	/* a file has many names: quick */
		if (i % 30000 == 0) {		/* (links to a file are bounded) */
			unlink(first);
			f = fopen(first, "w");
			assert_non_null(f);
			fputs("Subject: x\r\n\r\nhi\r\n", f);
			assert_int_equal(fclose(f), 0);
		}
		snprintf(file, sizeof file, "%s/1700000000.M%uP42Q%u.%016x%016x.host:2,D",
			 cur, i, i + 1, i, i);
		assert_int_equal(link(first, file), 0);
	}
	assert_int_equal(unlink(first), 0);
}

/* the name of the last draft of CUR in the order a directory read gives */
static void last_read(const char *cur, char *name, size_t len)
{
	DIR *d = opendir(cur);
	struct dirent *e;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			snprintf(name, len, "%s", e->d_name);
	closedir(d);
}

/* 20,000 drafts: every one is known, the last one read too (no second draft) */
static void test_maildir_large_folder(void **state)
{
	char url[300], cur[600], name[300], key[33], err[200];
	struct store_job j = { url, "", key, 30, 10, "Subject: x\r\n\r\nhi\r\n", 0, NULL };
	const char *k;

	j.len = strlen(j.msg);
	big_maildir("big/Drafts", 20000, cur, sizeof cur);
	last_read(cur, name, sizeof name);
	k = strstr(name, "Q");
	k += strcspn(k, ".") + 1;
	snprintf(key, sizeof key, "%.32s", k);
	snprintf(url, sizeof url, "maildir:%s/big/Drafts", dir);
	assert_int_equal(store_put(&j, err, sizeof err), STORE_EXISTS);
	assert_int_equal(count_drafts(cur), 20000);
	for (unsigned i = 0; i < 20000; i += 7) {
		snprintf(key, sizeof key, "%016x%016x", i, i);
		assert_int_equal(store_put(&j, err, sizeof err), STORE_EXISTS);
	}
	/* a key it does not hold: a new draft */
	snprintf(key, sizeof key, "%032x", 0xabcdefu);
	assert_int_equal(store_put(&j, err, sizeof err), STORE_OK);
	assert_int_equal(count_drafts(cur), 20001);
}

/* a folder over MAX_KEYS drafts is refused: no new draft at all (and an
 * error logged) rather than keys forgotten; one under the bound works again */
static void test_maildir_too_large_folder(void **state)
{
	char url[300], cur[600], err[200], path[700];
	struct store_job j = { url, "", "abcdefabcdefabcdefabcdefabcdef01", 30, 10,
			       "Subject: x\r\n\r\nhi\r\n", 0, NULL };

	j.len = strlen(j.msg);
	big_maildir("huge/Drafts", MAX_KEYS + 1, cur, sizeof cur);
	snprintf(url, sizeof url, "maildir:%s/huge/Drafts", dir);
	assert_int_equal(store_put(&j, err, sizeof err), STORE_EXISTS);
	assert_int_equal(count_drafts(cur), MAX_KEYS + 1);
	snprintf(path, sizeof path, "%s/1700000000.M0P42Q1.%016x%016x.host:2,D", cur, 0, 0);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(store_put(&j, err, sizeof err), STORE_OK);
	assert_int_equal(count_drafts(cur), MAX_KEYS + 1);
}

static void test_user_templates_override(void **state)
{
	char path[300];
	struct errlist errs = { 0 };
	struct templates *t;
	const struct template *tpl;
	FILE *f;

	snprintf(path, sizeof path, "%s/tpl", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/tpl/de", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/tpl/de/decline", dir);
	f = fopen(path, "w");
	fputs("Hallo {first|du},\nnein danke.\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/tpl", dir);
	t = templates_load(path, &errs);
	assert_non_null(t);
	tpl = templates_find(t, "de", "decline");
	assert_false(tpl->builtin);
	assert_string_equal(tpl->text, "Hallo {first|du},\nnein danke.\n");
	assert_true(templates_find(t, "de", "accept")->builtin);
	templates_free(t);
	/* a placeholder that does not exist is an error with file and line */
	snprintf(path, sizeof path, "%s/tpl/de/ask", dir);
	f = fopen(path, "w");
	fputs("Hallo,\n\n{firstname}\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/tpl", dir);
	assert_null(templates_load(path, &errs));
	assert_int_equal(errs.msgs.n, 1);
	assert_non_null(strstr(errs.msgs.v[0], "/tpl/de/ask:3: template: unknown placeholder {firstname}"));
	errlist_free(&errs);
}

/* the hosts an IMAP password may be sent to without TLS */
static void test_imap_local_hosts(void **state)
{
	static const char *const local[] = { "localhost", "127.0.0.1", "127.1.2.3", "::1" };
	static const char *const other[] = { "127.evil.example", "127.0.0.1.nip.io", "2130706433",
					     "localhost.example", "10.0.0.1", "::ffff:10.0.0.1", "" };

	for (size_t i = 0; i < sizeof local / sizeof *local; i++)
		assert_true(imap_host_is_local(local[i]));
	for (size_t i = 0; i < sizeof other / sizeof *other; i++)
		assert_false(imap_host_is_local(other[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_template_every_language),
		cmocka_unit_test(test_no_name_uses_fallback_and_hint),
		cmocka_unit_test(test_unknown_language_falls_back),
		cmocka_unit_test(test_hostile_names_stay_inside),
		cmocka_unit_test(test_store_paths_never_escape),
		cmocka_unit_test(test_imap_local_hosts),
		cmocka_unit_test(test_maildir_once_per_inviter),
		cmocka_unit_test(test_maildir_keys_follow_the_folder),
		cmocka_unit_test(test_maildir_large_folder),
		cmocka_unit_test(test_maildir_too_large_folder),
		cmocka_unit_test(test_user_templates_override),
	};

	return cmocka_run_group_tests_name("draft", tests, setup, teardown);
}
