/* test_memory.c - the reply memory of a Maildir store: a draft the owner
 * deleted or sent still counts until once_per_days have passed (test clock),
 * the ledger drops what expired and what it cannot read, and the store goes
 * on from the folders when the ledger is unusable */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "maildir_keys.h"
#include "reply_memory.h"
#include "store.h"
#include "fileio.h"
#include "unit_tmpdir.h"

#define KEY_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define KEY_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define DAY 86400

static char dir[] = "/tmp/lm-test-memory.XXXXXX";

static int setup(void **state)
{
	(void)state;
	return unit_tmpdir_make(dir);
}

static int teardown(void **state)
{
	(void)state;
	return unit_tmpdir_remove(dir);
}

/* a shell command, with DRAFTS in place of every @ */
static void sh(const char *cmd, const char *drafts)
{
	char line[2048];
	size_t o = 0;

	for (const char *p = cmd; *p && o + 300 < sizeof line; p++)
		o += (size_t)snprintf(line + o, sizeof line - o, "%s",
				      *p == '@' ? drafts : (char[]){ *p, 0 });
	assert_int_equal(system(line), 0);
}

static char *ledger(const char *drafts)
{
	char path[512];

	snprintf(path, sizeof path, "%s/.linkedin-milter-memory", drafts);
	return read_file(path, 1 << 20, NULL);
}

static enum store_result put(const char *url, const char *key, const char *sent)
{
	char err[400] = "", msg[200];
	struct store_job j = { .url = url, .credentials = "", .key = key, .once_per_days = 30,
			       .timeout = 10, .msg = msg, .sent = sent };

	snprintf(msg, sizeof msg, "Subject: x\r\nX-LinkedIn-Draft-Key: %s\r\n\r\nhi\r\n", key);
	j.len = strlen(msg);
	return store_put(&j, err, sizeof err);
}

/* deleted, then a reminder: nothing; 31 days later: a new draft, one line */
static void test_deleted_draft_is_remembered(void **state)
{
	char url[400], drafts[300], *text;

	(void)state;
	snprintf(drafts, sizeof drafts, "%s/del/Maildir/.Drafts", dir);
	snprintf(url, sizeof url, "maildir:%s", drafts);
	assert_int_equal(put(url, KEY_A, "Sent"), STORE_OK);
	sh("rm @/cur/*", drafts);
	assert_int_equal(put(url, KEY_A, "Sent"), STORE_EXISTS);
	setenv("LINKEDIN_MILTER_TEST_CLOCK", "2678400", 1);	/* 31 days on */
	maildir_keys_clear();
	assert_int_equal(put(url, KEY_A, "Sent"), STORE_OK);
	assert_int_equal(put(url, KEY_A, "Sent"), STORE_EXISTS);
	unsetenv("LINKEDIN_MILTER_TEST_CLOCK");
	assert_non_null(text = ledger(drafts));
	assert_int_equal(strlen(text), 32 + 1 + 10 + 1);	/* the old line dropped */
	assert_memory_equal(text, KEY_A " ", 33);
	free(text);
}

/* sent from the client: the draft is in .Sent, the memory gone too */
static void test_sent_draft_counts(void **state)
{
	char url[400], drafts[300];

	(void)state;
	snprintf(drafts, sizeof drafts, "%s/sent/Maildir/.Drafts", dir);
	snprintf(url, sizeof url, "maildir:%s", drafts);
	assert_int_equal(put(url, KEY_B, "Sent"), STORE_OK);
	sh("mkdir -p @/../.Sent/cur @/../.Sent/new", drafts);
	sh("mv @/cur/* @/../.Sent/cur/ && rm @/.linkedin-milter-memory", drafts);
	assert_int_equal(put(url, KEY_B, "Sent"), STORE_EXISTS);
	assert_int_equal(put(url, KEY_B, ""), STORE_OK);	/* Sent not looked at */
}

/* the ledger as read: bad lines skipped, expired lines dropped on the next write */
static void test_ledger_lines(void **state)
{
	char path[300], err[200];
	time_t now = time(NULL);
	FILE *f;
	char *text;

	(void)state;
	snprintf(path, sizeof path, "%s/.linkedin-milter-memory", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "garbage\n" KEY_A " 12x\n" KEY_A " %lld\nZZZZ 1\n" KEY_B " %lld", (long long)now - 40 * DAY,
		(long long)now);
	fclose(f);
	assert_int_equal(memory_find(dir, KEY_B, now - 30 * DAY), 1);
	assert_int_equal(memory_find(dir, KEY_A, now - 30 * DAY), 0);
	assert_int_equal(memory_find(dir, KEY_A, now - 50 * DAY), 1);
	assert_int_equal(memory_add(dir, "cccccccccccccccc", now, now - 30 * DAY, err, sizeof err), 0);
	assert_non_null(text = ledger(dir));
	assert_true(strncmp(text, KEY_B " ", 33) == 0);
	assert_non_null(strstr(text, "\ncccccccccccccccc "));
	assert_null(strstr(text, KEY_A));
	assert_null(strstr(text, "garbage"));
	free(text);
}

/* a ledger that cannot be read or written: drafts go on, found in the folder */
static void test_unusable_ledger(void **state)
{
	char url[400], drafts[300];

	(void)state;
	snprintf(drafts, sizeof drafts, "%s/bad/Drafts", dir);
	snprintf(url, sizeof url, "maildir:%s", drafts);
	sh("mkdir -p @/.linkedin-milter-memory/x", drafts);
	assert_int_equal(memory_find(drafts, KEY_A, 0), -1);
	assert_int_equal(put(url, KEY_A, "Sent"), STORE_OK);
	assert_int_equal(put(url, KEY_A, "Sent"), STORE_EXISTS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deleted_draft_is_remembered),
		cmocka_unit_test(test_sent_draft_counts),
		cmocka_unit_test(test_ledger_lines),
		cmocka_unit_test(test_unusable_ledger),
	};

	return cmocka_run_group_tests_name("memory", tests, setup, teardown);
}
