/* test_daemon_threads.c - the daemon's threads side by side: the metrics
 * page read over and over (its own thread, libmicrohttpd's) while sessions
 * open and close on other threads and the configuration is reloaded every
 * few milliseconds. The session gauge ends where the sessions leave it (a
 * scrape that wrote back what it had read lost their updates for good),
 * every reload is counted, every page is whole; built with ThreadSanitizer
 * (./configure --enable-tsan) the same run must give no report. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "config.h"
#include "daemon.h"
#include "metrics.h"
#include "metrics_http.h"
#include "milter.h"
#include "strlist.h"
#include "unit_tmpdir.h"

#define RUN_MS 3000
#define SESSIONS 4

static char dir[] = "/tmp/lm-test-threads.XXXXXX";
static char conf[300], sock[300];
static int stop;

static void write_conf(const char *extra)
{
	FILE *f = fopen(conf, "w");

	assert_non_null(f);
	fprintf(f, "patterns = \"%s/conf/patterns.conf\";\nlexicons = \"%s/conf/lexicons.conf\";\n"
		"user = \"root\";\nmetrics = \"unix:%s\";\n"
		"drafts = { templates = \"%s/conf/templates\"; spool = \"%s/spool\"; };\n%s",
		TOP_SRCDIR, TOP_SRCDIR, sock, TOP_SRCDIR, dir, extra);
	assert_int_equal(fclose(f), 0);
}

/* the metrics page into OUT (NUL-terminated); its length, -1 on failure */
static int scrape(char *out, size_t len)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	const char req[] = "GET /metrics HTTP/1.0\r\n\r\n";
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	size_t got = 0;
	ssize_t n;

	snprintf(sa.sun_path, sizeof sa.sun_path, "%.100s", sock);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
	    write(fd, req, sizeof req - 1) != (ssize_t)(sizeof req - 1)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while (got + 1 < len && (n = read(fd, out + got, len - got - 1)) > 0)
		got += (size_t)n;
	out[got] = '\0';
	close(fd);
	return (int)got;
}

/* the value on the line of the page PAGE that starts with NAME, or -1 */
static long value(const char *page, const char *name)
{
	char want[200];
	const char *p;

	snprintf(want, sizeof want, "\n%s ", name);
	return (p = strstr(page, want)) ? atol(p + strlen(want)) : -1;
}

/* one lock a session thread holds while its session is open: the test
 * takes them all to see the gauge with no session open */
static pthread_mutex_t open_lock[SESSIONS];

/* a session: opened and closed again and again, each with its reference to
 * the configuration in force, as milter.c does */
static void *session(void *arg)
{
	pthread_mutex_t *lock = arg;

	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		struct config *c;

		pthread_mutex_lock(lock);
		c = current_config();
		metrics_gauge_add(MG_SESSIONS, 1);
		assert_true(c && c->metrics[0]);
		metrics_gauge_add(MG_SESSIONS, -1);
		config_unref(c);
		pthread_mutex_unlock(lock);
	}
	return NULL;
}

/* the gauge while every session is closed, looked at every 100 ms: the
 * first that is not 0 (0 when all are) */
static long gauge_when_closed(int ms)
{
	long seen = 0;

	for (int t = 0; t < ms && !seen; t += 100) {
		usleep(100000);
		for (int i = 0; i < SESSIONS; i++)
			pthread_mutex_lock(&open_lock[i]);
		seen = metrics_gauge(MG_SESSIONS);
		for (int i = 0; i < SESSIONS; i++)
			pthread_mutex_unlock(&open_lock[i]);
	}
	return seen;
}

static void *reloader(void *arg)
{
	long *n = arg;

	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		daemon_reload();
		(*n)++;
		usleep(5000);
	}
	return NULL;
}

static void *scraper(void *arg)
{
	static char page[1 << 16];
	long *n = arg;

	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED))
		if (scrape(page, sizeof page) > 0 && strstr(page, " 200 ") &&
		    strstr(page, "linkedin_milter_sessions_open "))
			(*n)++;
	return NULL;
}

static int setup(void **state)
{
	struct errlist errs = { 0 };
	struct config *c;

	(void)state;
	if (unit_tmpdir_make(dir) < 0)
		return -1;
	snprintf(conf, sizeof conf, "%s/lm.conf", dir);
	snprintf(sock, sizeof sock, "%s/metrics.sock", dir);
	write_conf("");
	if (!(c = config_load(conf, &errs)))
		return -1;
	errlist_free(&errs);
	daemon_use(c, conf);
	if (metrics_listen(c) < 0 || metrics_start() < 0) {
		config_unref(c);
		return -1;
	}
	config_unref(c);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	metrics_stop();
	return unit_tmpdir_remove(dir);
}

/* scrapes, sessions and reloads at once: the gauge ends at 0 sessions, the
 * page says so, and every reload was counted as one that worked */
static void test_scrapes_sessions_and_reloads(void **state)
{
	pthread_t s[SESSIONS], r, m;
	long reloads = 0, pages = 0;
	static char page[1 << 16];

	long drift;

	(void)state;
	for (int i = 0; i < SESSIONS; i++) {
		pthread_mutex_init(&open_lock[i], NULL);
		assert_int_equal(pthread_create(&s[i], NULL, session, &open_lock[i]), 0);
	}
	assert_int_equal(pthread_create(&r, NULL, reloader, &reloads), 0);
	assert_int_equal(pthread_create(&m, NULL, scraper, &pages), 0);
	drift = gauge_when_closed(RUN_MS);
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (int i = 0; i < SESSIONS; i++)
		pthread_join(s[i], NULL);
	pthread_join(r, NULL);
	pthread_join(m, NULL);
	printf("# %ld pages read, %ld reloads in %d ms\n", pages, reloads, RUN_MS);
	assert_int_equal(drift, 0);
	assert_true(pages > 0 && reloads > 0);
	assert_int_equal(metrics_gauge(MG_SESSIONS), 0);
	assert_int_equal(milter_sessions(), 0);
	assert_true(scrape(page, sizeof page) > 0);
	assert_int_equal(value(page, "linkedin_milter_sessions_open"), 0);
	assert_int_equal(value(page, "linkedin_milter_reloads_total{result=\"ok\"}"), reloads);
	assert_int_equal(value(page, "linkedin_milter_config_generation"), reloads);
}

/* a reload that fails keeps the configuration in force, and says so */
static void test_failed_reload_keeps_config(void **state)
{
	static char page[1 << 16];
	struct config *before = current_config(), *after;

	(void)state;
	write_conf("owner = this is not valid;\n");
	daemon_reload();
	after = current_config();
	assert_ptr_equal(before, after);
	config_unref(before);
	config_unref(after);
	assert_true(scrape(page, sizeof page) > 0);
	assert_int_equal(value(page, "linkedin_milter_last_reload_ok"), 0);
	assert_int_equal(value(page, "linkedin_milter_reloads_total{result=\"failed\"}"), 1);
	write_conf("");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scrapes_sessions_and_reloads),
		cmocka_unit_test(test_failed_reload_keeps_config),
	};

	return cmocka_run_group_tests_name("daemon_threads", tests, setup, teardown);
}
