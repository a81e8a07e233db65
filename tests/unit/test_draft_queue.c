/* test_draft_queue.c - the hand-over between the milter and the store
 * thread: a draft stored while the milter waits leaves nothing in the spool;
 * one whose store is down, slow or wrong is in the spool before the call
 * returns; a store that answers after the wait settles that spool file, so
 * there is always exactly one copy of each draft */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "draft_worker.h"

#define KEY "00112233445566778899aabbccddeeff"
#define MSG "Subject: hello\r\nX-LinkedIn-Draft-Key: " KEY "\r\n\r\nhi\r\n"

static char dir[] = "/tmp/lm-test-queue.XXXXXX";
static char spool[300], drafts[300];

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(spool, sizeof spool, "%s/spool", dir);
	snprintf(drafts, sizeof drafts, "%s/Drafts", dir);
	mkdir(spool, 0700);
	return draft_queue_start();
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	draft_queue_stop();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* files in PATH whose names end in SUFFIX */
static int count(const char *path, const char *suffix)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name), s = strlen(suffix);

		n += e->d_name[0] != '.' && l >= s && !strcmp(e->d_name + l - s, suffix);
	}
	if (d)
		closedir(d);
	return n;
}

static void clean(void)
{
	char cmd[700];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'/* '%s'", spool, drafts);
	assert_int_equal(system(cmd), 0);
}

static struct spooled meta(const char *url)
{
	struct spooled m = { .once_per_days = 30, .timeout = 1 };

	snprintf(m.url, sizeof m.url, "%s", url);
	snprintf(m.key, sizeof m.key, "%s", KEY);
	return m;
}

static enum handoff submit(const char *url, int ms, char *err, size_t errlen)
{
	struct spooled m = meta(url);

	return draft_queue_submit(spool, &m, MSG, strlen(MSG), ms, err, errlen);
}

static int wait_for(const char *path, const char *suffix, int n)
{
	for (int i = 0; i < 300 && count(path, suffix) != n; i++)
		usleep(10000);
	return count(path, suffix);
}

static void test_stored_while_waiting(void **state)
{
	char url[400], cur[400], err[400] = "";

	(void)state;
	clean();
	snprintf(url, sizeof url, "maildir:%s", drafts);
	snprintf(cur, sizeof cur, "%s/cur", drafts);
	assert_int_equal(submit(url, 5000, err, sizeof err), HANDOFF_STORED);
	assert_int_equal(count(cur, ":2,D"), 1);
	assert_int_equal(count(spool, ".draft"), 0);
	/* the same inviter again: found, not stored twice */
	assert_int_equal(submit(url, 5000, err, sizeof err), HANDOFF_EXISTS);
	assert_int_equal(count(cur, ":2,D"), 1);
	assert_int_equal(count(spool, ".draft"), 0);
}

static void test_store_down_spools_with_backoff(void **state)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t alen = sizeof a;
	char url[400], err[400] = "";
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	(void)state;
	clean();
	/* a port nobody listens on: bound, then closed */
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	getsockname(fd, (struct sockaddr *)&a, &alen);
	close(fd);
	snprintf(url, sizeof url, "imap://bob:secret@127.0.0.1:%d/Drafts", ntohs(a.sin_port));
	assert_int_equal(submit(url, 5000, err, sizeof err), HANDOFF_SPOOLED);
	assert_non_null(strstr(err, "127.0.0.1"));
	/* in the spool, its next try postponed (attempt 1) */
	assert_int_equal(count(spool, ".1.draft"), 1);
	assert_int_equal(count(spool, ".draft"), 1);
}

static void test_wrong_store_set_aside(void **state)
{
	char failed[400], err[400] = "";

	(void)state;
	clean();
	assert_int_equal(submit("maildir:relative/Drafts", 5000, err, sizeof err), HANDOFF_SPOOLED);
	assert_non_null(strstr(err, "not absolute"));
	snprintf(failed, sizeof failed, "%s/failed", spool);
	assert_int_equal(count(failed, ".draft"), 1);
	assert_int_equal(count(spool, ".draft"), 0);
}

static void test_slow_store_settles_the_spool_file(void **state)
{
	char url[400], cur[400], lock[400], err[400] = "";
	int fd;

	(void)state;
	clean();
	snprintf(url, sizeof url, "maildir:%s", drafts);
	snprintf(cur, sizeof cur, "%s/cur", drafts);
	snprintf(lock, sizeof lock, "%s/.linkedin-milter.lock", drafts);
	/* hold the Maildir's lock: the store thread waits for it */
	mkdir(drafts, 0700);
	fd = open(lock, O_RDWR | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	assert_int_equal(submit(url, 50, err, sizeof err), HANDOFF_SPOOLED);
	assert_non_null(strstr(err, "no answer"));
	assert_int_equal(count(spool, ".0.draft"), 1);
	assert_int_equal(count(cur, ":2,D"), 0);
	/* the store comes back: the thread stores the draft and removes its spool file */
	close(fd);
	assert_int_equal(wait_for(spool, ".draft", 0), 0);
	assert_int_equal(count(cur, ":2,D"), 1);
	/* and a later look at the spool stores nothing twice */
	draft_queue_retry_now();
	usleep(200000);
	assert_int_equal(count(cur, ":2,D"), 1);
}

static void test_queue_stopped_goes_to_spool(void **state)
{
	char url[400], err[400] = "";

	(void)state;
	clean();
	draft_queue_stop();
	snprintf(url, sizeof url, "maildir:%s", drafts);
	assert_int_equal(submit(url, 5000, err, sizeof err), HANDOFF_SPOOLED);
	assert_int_equal(count(spool, ".0.draft"), 1);
	/* started again, the thread finds it there */
	assert_int_equal(draft_queue_start(), 0);
	draft_queue_kick(spool);
	assert_int_equal(wait_for(spool, ".draft", 0), 0);
	snprintf(url, sizeof url, "%s/cur", drafts);
	assert_int_equal(count(url, ":2,D"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stored_while_waiting),
		cmocka_unit_test(test_store_down_spools_with_backoff),
		cmocka_unit_test(test_wrong_store_set_aside),
		cmocka_unit_test(test_slow_store_settles_the_spool_file),
		cmocka_unit_test(test_queue_stopped_goes_to_spool),
	};

	return cmocka_run_group_tests_name("draft_queue", tests, setup, teardown);
}
