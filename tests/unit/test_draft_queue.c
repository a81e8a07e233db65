/* test_draft_queue.c - the hand-over between the milter and the store
 * thread: a draft stored while the milter waits leaves nothing in the spool;
 * one whose store is down, slow or wrong is in the spool before the call
 * returns; a store that answers after the wait settles that spool file, so
 * there is always exactly one copy of each draft. The test binary's own
 * clock_gettime, rename, unlink and fsync stand in for libc's in the code
 * under test: a CLOCK_REALTIME that steps, a record of renames and
 * directory syncs, a slow unlink. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "draft_worker.h"

#define KEY "00112233445566778899aabbccddeeff"
#define MSG "Subject: hello\r\nX-LinkedIn-Draft-Key: " KEY "\r\n\r\nhi\r\n"

static char dir[] = "/tmp/lm-test-queue.XXXXXX";
static char spool[300], drafts[300];

/* ---------------------------------------------------------------- the shims */

static long realtime_shift;	/* seconds added to CLOCK_REALTIME */
static int unlink_delay_ms;	/* for spool files (*.draft) */
static pthread_mutex_t ev_lock = PTHREAD_MUTEX_INITIALIZER;
static char events[64][520];	/* "rename TO", "fsync DIR" */
static int n_events;

int clock_gettime(clockid_t id, struct timespec *ts)
{
	int rc = (int)syscall(SYS_clock_gettime, id, ts);

	if (rc == 0 && id == CLOCK_REALTIME)
		ts->tv_sec += __atomic_load_n(&realtime_shift, __ATOMIC_RELAXED);
	return rc;
}

static void event(const char *what, const char *path)
{
	pthread_mutex_lock(&ev_lock);
	if (n_events < 64)
		snprintf(events[n_events++], sizeof events[0], "%s %s", what, path);
	pthread_mutex_unlock(&ev_lock);
}

int rename(const char *from, const char *to)
{
	int (*real)(const char *, const char *) =
		(int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
	int rc = real(from, to);

	if (rc == 0)
		event("rename", to);
	return rc;
}

int unlink(const char *path)
{
	int (*real)(const char *) = (int (*)(const char *))dlsym(RTLD_NEXT, "unlink");
	size_t n = strlen(path);
	int ms = __atomic_load_n(&unlink_delay_ms, __ATOMIC_RELAXED);

	if (ms && n > 6 && !strcmp(path + n - 6, ".draft"))
		usleep((useconds_t)ms * 1000);
	return real(path);
}

int fsync(int fd)
{
	int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	struct stat st;
	char link[64], path[400];
	ssize_t n;

	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode) &&
	    (n = readlink(link, path, sizeof path - 1)) > 0) {
		path[n] = '\0';
		event("fsync", path);
	}
	return real(fd);
}

/* the index of the first event from FROM that is WHAT then PATH (a prefix of
 * the rest when PREFIX), or -1 */
static int find_event(int from, const char *what, const char *path, bool prefix)
{
	char want[520];
	int found = -1;

	snprintf(want, sizeof want, "%s %s", what, path);
	pthread_mutex_lock(&ev_lock);
	for (int i = from; i < n_events && found < 0; i++)
		if (prefix ? !strncmp(events[i], want, strlen(want)) : !strcmp(events[i], want))
			found = i;
	pthread_mutex_unlock(&ev_lock);
	return found;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void start_clock(struct timespec *t0)
{
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, t0);
}

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
	for (int i = 0; i < 800 && count(path, suffix) != n; i++)
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

/* the Maildir's lock held: its store waits for it */
static int hold_drafts_lock(void)
{
	char lock[400];
	int fd;

	snprintf(lock, sizeof lock, "%s/.linkedin-milter.lock", drafts);
	mkdir(drafts, 0700);
	fd = open(lock, O_RDWR | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	return fd;
}

/* a port on 127.0.0.1: LISTENING accepts connections and never says a word
 * (a dead server); otherwise nobody listens there */
static int imap_port(bool listening, int *fd)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t alen = sizeof a;

	*fd = socket(AF_INET, SOCK_STREAM, 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(*fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(getsockname(*fd, (struct sockaddr *)&a, &alen), 0);
	if (listening)
		assert_int_equal(listen(*fd, 16), 0);
	else
		close(*fd);
	return ntohs(a.sin_port);
}

/* the wait for a store that does not answer lasts the timeout, whatever
 * CLOCK_REALTIME does meanwhile (stepped back an hour, or forward 5 s) */
static void test_wait_ignores_wall_clock_steps(void **state)
{
	static const long shifts[] = { -3600, 5 };
	char url[400], cur[400], err[400] = "";
	struct timespec t0;
	int fd;

	(void)state;
	clean();
	snprintf(url, sizeof url, "maildir:%s", drafts);
	snprintf(cur, sizeof cur, "%s/cur", drafts);
	fd = hold_drafts_lock();
	for (size_t i = 0; i < sizeof shifts / sizeof shifts[0]; i++) {
		__atomic_store_n(&realtime_shift, shifts[i], __ATOMIC_RELAXED);
		start_clock(&t0);
		assert_int_equal(submit(url, 300, err, sizeof err), HANDOFF_SPOOLED);
		long took = ms_since(&t0);

		__atomic_store_n(&realtime_shift, 0, __ATOMIC_RELAXED);
		printf("# shift %ld s: waited %ld ms for a 300 ms timeout\n", shifts[i], took);
		assert_in_range(took, 280, 1500);
	}
	close(fd);
	assert_int_equal(wait_for(spool, ".draft", 0), 0);
	assert_int_equal(count(cur, ":2,D"), 1);
}

/* a dead IMAP server holds up its own drafts only: a Maildir draft handed
 * over meanwhile is stored within its wait */
static void test_dead_server_delays_only_its_drafts(void **state)
{
	char imap[400], url[400], cur[400], err[400] = "";
	struct spooled m;
	int fd, port = imap_port(true, &fd);

	(void)state;
	clean();
	snprintf(imap, sizeof imap, "imap://bob:secret@127.0.0.1:%d/Drafts", port);
	snprintf(url, sizeof url, "maildir:%s", drafts);
	snprintf(cur, sizeof cur, "%s/cur", drafts);
	m = meta(imap);
	m.timeout = 3;		/* seconds for the greeting that never comes */
	assert_int_equal(draft_queue_submit(spool, &m, MSG, strlen(MSG), 200, err, sizeof err),
			 HANDOFF_SPOOLED);
	assert_non_null(strstr(err, "no answer"));
	assert_int_equal(submit(url, 1500, err, sizeof err), HANDOFF_STORED);
	assert_int_equal(count(cur, ":2,D"), 1);
	/* the IMAP draft, once its server times out, waits for its next try */
	assert_int_equal(wait_for(spool, ".1.draft", 1), 1);
	assert_int_equal(count(spool, ".draft"), 1);
	close(fd);
}

/* a slow spool operation (here: removing a settled spool file) delays no
 * other session's hand-over */
static void test_slow_spool_io_blocks_nobody(void **state)
{
	char url[400], imap[400], err[400] = "";
	struct timespec t0;
	int fd, dead, port = imap_port(false, &dead);

	(void)state;
	clean();
	snprintf(url, sizeof url, "maildir:%s", drafts);
	snprintf(imap, sizeof imap, "imap://bob:secret@127.0.0.1:%d/Drafts", port);
	fd = hold_drafts_lock();
	assert_int_equal(submit(url, 50, err, sizeof err), HANDOFF_SPOOLED);
	__atomic_store_n(&unlink_delay_ms, 1500, __ATOMIC_RELAXED);
	close(fd);	/* stored now; its spool file is removed, slowly */
	usleep(300000);
	start_clock(&t0);
	assert_int_equal(submit(imap, 3000, err, sizeof err), HANDOFF_SPOOLED);
	long took = ms_since(&t0);

	printf("# a refused store's hand-over took %ld ms during a slow unlink\n", took);
	assert_in_range(took, 0, 400);
	assert_int_equal(wait_for(spool, ".0.draft", 0), 0);
	__atomic_store_n(&unlink_delay_ms, 0, __ATOMIC_RELAXED);
}

/* the spool directory is synced after a draft is renamed into it, and the
 * failed/ directory after a draft is set aside there */
static void test_spool_directory_synced(void **state)
{
	char failed[400], err[400] = "";
	int fd, port = imap_port(false, &fd), i;
	char url[400];

	(void)state;
	clean();
	snprintf(failed, sizeof failed, "%s/failed", spool);
	snprintf(url, sizeof url, "imap://bob:secret@127.0.0.1:%d/Drafts", port);
	pthread_mutex_lock(&ev_lock);
	n_events = 0;
	pthread_mutex_unlock(&ev_lock);
	assert_int_equal(submit(url, 3000, err, sizeof err), HANDOFF_SPOOLED);
	char prefix[420];

	snprintf(prefix, sizeof prefix, "%s/", spool);
	assert_true((i = find_event(0, "rename", prefix, true)) >= 0);
	assert_true(find_event(i + 1, "fsync", spool, false) > i);
	assert_int_equal(submit("maildir:relative/Drafts", 3000, err, sizeof err), HANDOFF_SPOOLED);
	snprintf(prefix, sizeof prefix, "%s/", failed);
	assert_true((i = find_event(0, "rename", prefix, true)) >= 0);
	assert_true(find_event(i + 1, "fsync", failed, false) > i);
}

/* ---------------------------------------------------------------- issue 25 */

static int pause_armed;	/* the next draft_worker_test_pause() waits for a spool pass */

void draft_worker_test_pause(void)
{
	if (!__atomic_exchange_n(&pause_armed, 0, __ATOMIC_SEQ_CST))
		return;
	draft_queue_retry_now();	/* the spool thread looks at every file now */
	usleep(400000);
}

/* a lane that settled an abandoned job lets go of it before freeing it: the
 * spool thread's look at the lanes during a pass never reads a freed job
 * (ASan in tests/sanitizers.sh and TSan report it when it does) */
static void test_abandoned_job_not_read_after_free(void **state)
{
	char url[400], imap[400], cur[400], err[400] = "";
	int fd, dead, port = imap_port(false, &dead);

	(void)state;
	clean();
	snprintf(url, sizeof url, "maildir:%s", drafts);
	snprintf(cur, sizeof cur, "%s/cur", drafts);
	/* a spool file the pass will look at: its store refuses connections */
	snprintf(imap, sizeof imap, "imap://bob@127.0.0.1:%d/Drafts", port);
	assert_int_equal(submit(imap, 3000, err, sizeof err), HANDOFF_SPOOLED);
	fd = hold_drafts_lock();
	assert_int_equal(submit(url, 50, err, sizeof err), HANDOFF_SPOOLED);	/* abandoned */
	__atomic_store_n(&pause_armed, 1, __ATOMIC_SEQ_CST);
	close(fd);	/* the lane stores it, settles its file, pauses, frees it */
	for (int i = 0; i < 300 && __atomic_load_n(&pause_armed, __ATOMIC_SEQ_CST); i++)
		usleep(10000);
	assert_int_equal(__atomic_load_n(&pause_armed, __ATOMIC_SEQ_CST), 0);
	usleep(600000);
	assert_int_equal(count(cur, ":2,D"), 1);
	assert_int_equal(count(spool, ".draft"), 1);	/* the IMAP one, postponed */
}

/* COUNT drafts for URL written straight into the spool directory D */
static void spool_files(const char *d, const char *url, int timeout, int n)
{
	struct spooled m = meta(url);
	struct spool_file f;
	char err[400];

	m.timeout = timeout;
	for (int i = 0; i < n; i++) {
		assert_int_equal(spool_prepare(d, &m, MSG, strlen(MSG), &f, err, sizeof err), 0);
		assert_int_equal(spool_commit(&f, err, sizeof err), 0);
	}
}

/* a pass over the spool tries an IMAP host that does not answer once: its
 * other files wait for the next pass instead of a timeout each */
static void test_dead_host_tried_once_a_pass(void **state)
{
	char imap[400], other[400], url[400], cur[400];
	struct timespec t0;
	int fd, port = imap_port(true, &fd);

	(void)state;
	clean();
	snprintf(other, sizeof other, "%s/other", dir);	/* a spool the queue does not scan */
	snprintf(imap, sizeof imap, "imap://bob@127.0.0.1:%d/Drafts", port);
	snprintf(url, sizeof url, "maildir:%s", drafts);
	snprintf(cur, sizeof cur, "%s/cur", drafts);
	spool_files(other, imap, 1, 3);
	spool_files(other, url, 1, 1);
	start_clock(&t0);
	spool_deliver_due(other, true, NULL, NULL);
	long took = ms_since(&t0);

	printf("# a pass over 3 drafts for a silent host took %ld ms (timeout 1 s, one try about 2 s)\n", took);
	assert_in_range(took, 900, 3500);	/* one try: about 2 s (connect, greeting) */
	assert_int_equal(count(other, ".1.draft"), 1);	/* tried, postponed */
	assert_int_equal(count(other, ".0.draft"), 2);	/* not tried this pass */
	assert_int_equal(count(cur, ":2,D"), 1);	/* the Maildir's draft went on */
	close(fd);
}

/* the spool thread scans every spool directory it is told of, not only 16 */
static void test_every_spool_directory_scanned(void **state)
{
	char url[400], d[400];
	int n = 0;

	(void)state;
	clean();
	snprintf(url, sizeof url, "maildir:%s", drafts);
	for (int i = 0; i < 24; i++) {
		snprintf(d, sizeof d, "%s/spool%02d", dir, i);
		spool_files(d, url, 1, 1);
		draft_queue_kick(d);
	}
	for (int i = 0; i < 24; i++) {
		snprintf(d, sizeof d, "%s/spool%02d", dir, i);
		n += wait_for(d, ".draft", 0) == 0;
	}
	assert_int_equal(n, 24);
}

#define PASSWORD "pw-n0t-in-any-file"

static char asked[4096];	/* the stores the spool asked a password for */

static int test_secret(const char *store, char *pw, size_t len)
{
	size_t n = strlen(asked);

	snprintf(asked + n, sizeof asked - n, "%s\n", store);
	snprintf(pw, len, "%s", PASSWORD);
	return 0;
}

/* 1 when a file under PATH (its subdirectories too) holds TEXT */
static int found_in_files(const char *path, const char *text)
{
	char cmd[700];

	snprintf(cmd, sizeof cmd, "grep -r -q -F -e '%s' '%s'", text, path);
	return system(cmd) == 0;
}

/* a store's password never reaches a spool file nor failed/: the spool
 * names the store, the password is looked up when the file is delivered */
static void test_no_password_in_spool(void **state)
{
	char url[400], bad[400], want[400], err[400] = "";
	struct spooled m;
	int fd, silent = imap_port(true, &fd), dead, refused = imap_port(false, &dead);

	(void)state;
	clean();
	/* refused at once, silent past the wait (the session writes the file), never valid */
	snprintf(url, sizeof url, "imap://bob:" PASSWORD "@127.0.0.1:%d/Drafts", refused);
	assert_int_equal(submit(url, 3000, err, sizeof err), HANDOFF_SPOOLED);
	snprintf(url, sizeof url, "imap://bob:" PASSWORD "@127.0.0.1:%d/Drafts", silent);
	m = meta(url);
	m.timeout = 1;
	assert_int_equal(draft_queue_submit(spool, &m, MSG, strlen(MSG), 100, err, sizeof err),
			 HANDOFF_SPOOLED);
	snprintf(bad, sizeof bad, "imap://bob:" PASSWORD "@127.0.0.1:%d/Drafts?no-such=1", refused);
	assert_int_equal(submit(bad, 3000, err, sizeof err), HANDOFF_SPOOLED);
	/* the password apart in memory, as draft_submit.c hands it over */
	snprintf(m.url, sizeof m.url, "imap://bob@127.0.0.1:%d/Drafts", refused);
	snprintf(m.password, sizeof m.password, "%s", PASSWORD);
	assert_int_equal(draft_queue_submit(spool, &m, MSG, strlen(MSG), 3000, err, sizeof err),
			 HANDOFF_SPOOLED);
	assert_int_equal(wait_for(spool, ".1.draft", 3), 3);	/* the silent one too */
	snprintf(want, sizeof want, "%s/failed", spool);
	assert_int_equal(count(want, ".draft"), 1);
	assert_int_equal(found_in_files(spool, PASSWORD), 0);
	assert_int_equal(found_in_files(spool, "bob@127.0.0.1"), 1);	/* the store named */
	/* delivered again: the password is asked for by the store's name */
	spool_secrets(test_secret);
	spool_deliver_due(spool, true, NULL, NULL);
	spool_secrets(NULL);
	snprintf(want, sizeof want, "imap://bob@127.0.0.1:%d/Drafts\n", refused);
	assert_non_null(strstr(asked, want));
	snprintf(want, sizeof want, "imap://bob@127.0.0.1:%d/Drafts\n", silent);
	assert_non_null(strstr(asked, want));
	assert_int_equal(found_in_files(spool, PASSWORD), 0);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stored_while_waiting),
		cmocka_unit_test(test_store_down_spools_with_backoff),
		cmocka_unit_test(test_wrong_store_set_aside),
		cmocka_unit_test(test_slow_store_settles_the_spool_file),
		cmocka_unit_test(test_queue_stopped_goes_to_spool),
		cmocka_unit_test(test_wait_ignores_wall_clock_steps),
		cmocka_unit_test(test_dead_server_delays_only_its_drafts),
		cmocka_unit_test(test_slow_spool_io_blocks_nobody),
		cmocka_unit_test(test_spool_directory_synced),
		cmocka_unit_test(test_abandoned_job_not_read_after_free),
		cmocka_unit_test(test_dead_host_tried_once_a_pass),
		cmocka_unit_test(test_every_spool_directory_scanned),
		cmocka_unit_test(test_no_password_in_spool),
	};

	if (getenv("TEST_FILTER"))	/* one test alone, e.g. TEST_FILTER=test_wait* */
		cmocka_set_test_filter(getenv("TEST_FILTER"));
	return cmocka_run_group_tests_name("draft_queue", tests, setup, teardown);
}
