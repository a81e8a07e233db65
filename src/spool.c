/* spool.c - drafts wait here until their store takes them. A draft is a
 * file written whole (tmp name, fsync, rename), delivered by one background
 * thread, postponed with backoff while its store is away (its mtime is the
 * time of the next try), moved aside if it can never be stored: never lost. */
#include "autoconfig.h"
#include "spool.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "log.h"
#include "util.h"

#define MAX_DIRS 16
#define MAX_DRAFT (4 << 20)
#define SCAN_EVERY 30		/* seconds between looks for postponed drafts */
#define MAX_BACKOFF 3600

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t kicked = PTHREAD_COND_INITIALIZER, delivered = PTHREAD_COND_INITIALIZER;
static char dirs[MAX_DIRS][1024];
static int n_dirs;
static bool running, stopping, pending, force;
static pthread_t thread;

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int spool_write(const char *dir, const struct spooled *m, const char *msg, size_t len,
		char *out, size_t outlen, char *err, size_t errlen)
{
	static unsigned long counter;
	char tmp[1200], head[4096];
	int fd, n;

	n = snprintf(head, sizeof head, "LM-Store: %s\nLM-Credentials: %s\nLM-Key: %s\n"
		     "LM-Days: %d\nLM-Timeout: %d\n\n", m->url, m->credentials, m->key,
		     m->once_per_days, m->timeout);
	if (n < 0 || (size_t)n >= sizeof head) {
		snprintf(err, errlen, "draft details too long");
		return -1;
	}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	snprintf(out, outlen, "%s/%ld.%ld.%lu.0.draft", dir, (long)time(NULL), (long)getpid(),
		 __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED));
	snprintf(tmp, sizeof tmp, "%s/.new.%ld.%lu", dir, (long)getpid(), counter);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, head, (size_t)n) < 0 || write_all(fd, msg, len) < 0 ||
	    fsync(fd) < 0 || close(fd) < 0 || rename(tmp, out) < 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* the meta lines at the top of a spool file; the draft after them */
static const char *parse(char *text, struct spooled *m)
{
	char *line = text, *next;

	memset(m, 0, sizeof *m);
	while (line && *line && *line != '\n') {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!strncmp(line, "LM-Store: ", 10))
			snprintf(m->url, sizeof m->url, "%s", line + 10);
		else if (!strncmp(line, "LM-Credentials: ", 16))
			snprintf(m->credentials, sizeof m->credentials, "%s", line + 16);
		else if (!strncmp(line, "LM-Key: ", 8))
			snprintf(m->key, sizeof m->key, "%s", line + 8);
		else if (!strncmp(line, "LM-Days: ", 9))
			m->once_per_days = atoi(line + 9);
		else if (!strncmp(line, "LM-Timeout: ", 12))
			m->timeout = atoi(line + 12);
		line = next;
	}
	return line && *line == '\n' && m->url[0] && m->key[0] ? line + 1 : NULL;
}

/* PATH renamed with one more attempt, its mtime the time of the next one */
static void postpone(const char *path)
{
	char next[1200], *dot;
	int attempts = 0;
	time_t when;
	struct timespec ts[2];

	snprintf(next, sizeof next, "%s", path);
	dot = strrchr(next, '.');	/* ".draft" */
	if (dot) {
		*dot = '\0';
		dot = strrchr(next, '.');
		if (dot) {
			attempts = atoi(dot + 1) + 1;
			snprintf(dot, sizeof next - (size_t)(dot - next), ".%d.draft", attempts);
		}
	}
	when = time(NULL) + (attempts < 12 ? (30 << attempts > MAX_BACKOFF ? MAX_BACKOFF : 30 << attempts) :
			     MAX_BACKOFF);
	ts[0].tv_sec = ts[1].tv_sec = when;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	if (rename(path, next) == 0)
		utimensat(AT_FDCWD, next, ts, 0);
}

static void set_aside(const char *path)
{
	char failed[1200], to[1400];
	const char *base = strrchr(path, '/');

	snprintf(failed, sizeof failed, "%.*s/failed", (int)(base - path), path);
	mkdir(failed, 0700);
	snprintf(to, sizeof to, "%s%s", failed, base);
	if (rename(path, to) == 0)
		log_msg(LOG_ERR, "draft %s can never be stored: kept in %s", base + 1, failed);
}

enum store_result spool_deliver(const char *path)
{
	size_t len;
	char *text = read_file(path, MAX_DRAFT, &len), err[400] = "";
	struct spooled m;
	const char *msg = text ? parse(text, &m) : NULL;
	struct store_job j;
	enum store_result r;

	if (!msg) {
		free(text);
		set_aside(path);
		return STORE_FAIL;
	}
	j = (struct store_job){ m.url, m.credentials, m.key, m.once_per_days, m.timeout, msg,
				len - (size_t)(msg - text) };
	r = store_put(&j, err, sizeof err);
	free(text);
	if (r == STORE_OK || r == STORE_EXISTS) {
		unlink(path);
		log_msg(LOG_INFO, "draft %s %s", m.key, r == STORE_OK ? "stored" : "exists already: not stored again");
	} else if (r == STORE_RETRY) {
		log_msg(LOG_WARNING, "draft %s: %s: will try again", m.key, err);
		postpone(path);
	} else {
		log_msg(LOG_ERR, "draft %s: %s", m.key, err);
		set_aside(path);
	}
	return r;
}

/* every draft of DIR whose time has come (all of them when NOW_ALL) */
static void deliver_dir(const char *dir, bool now_all)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	time_t now = time(NULL);

	while (d && (e = readdir(d)) != NULL) {
		char path[1400];
		struct stat st;
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.' || n < 7 || strcmp(e->d_name + n - 6, ".draft") != 0 ||
		    snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
			continue;
		if (stat(path, &st) == 0 && (now_all || st.st_mtime <= now))
			spool_deliver(path);
		pthread_mutex_lock(&lock);
		pthread_cond_broadcast(&delivered);
		pthread_mutex_unlock(&lock);
	}
	if (d)
		closedir(d);
}

static void *worker(void *arg)
{
	char copy[MAX_DIRS][1024];
	int n;
	bool all;

	for (;;) {
		struct timespec until;

		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += SCAN_EVERY;
		pthread_mutex_lock(&lock);
		while (!pending && !stopping &&
		       pthread_cond_timedwait(&kicked, &lock, &until) != ETIMEDOUT)
			;
		pending = false;
		all = force;
		force = false;
		n = n_dirs;
		memcpy(copy, dirs, sizeof copy);
		if (stopping) {
			pthread_mutex_unlock(&lock);
			return NULL;
		}
		pthread_mutex_unlock(&lock);
		for (int i = 0; i < n; i++)
			deliver_dir(copy[i], all);
	}
}

int spool_start(void)
{
	if (running)
		return 0;
	if (pthread_create(&thread, NULL, worker, NULL) != 0)
		return -1;
	running = true;
	return 0;
}

void spool_kick(const char *dir)
{
	int i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < n_dirs && strcmp(dirs[i], dir); i++)
		;
	if (i == n_dirs && n_dirs < MAX_DIRS)
		snprintf(dirs[n_dirs++], sizeof dirs[0], "%s", dir);
	pending = true;
	pthread_cond_signal(&kicked);
	pthread_mutex_unlock(&lock);
}

void spool_retry_now(void)
{
	pthread_mutex_lock(&lock);
	force = pending = true;
	pthread_cond_signal(&kicked);
	pthread_mutex_unlock(&lock);
}

void spool_wait(const char *path, int ms)
{
	struct timespec until;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000;
	if (until.tv_nsec >= 1000000000) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&lock);
	while (access(path, F_OK) == 0 &&
	       pthread_cond_timedwait(&delivered, &lock, &until) != ETIMEDOUT)
		;
	pthread_mutex_unlock(&lock);
}

void spool_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_cond_signal(&kicked);
	pthread_mutex_unlock(&lock);
	pthread_join(thread, NULL);
	running = false;
	imap_close_all();
}
