/* spool.c - the files of drafts waiting for their store: written whole (tmp
 * name, fsync, rename, fsync of the directory), delivered by the spool
 * thread (draft_worker.c), postponed with backoff while the store is away
 * (the mtime is the time of the next try, set before the rename so a due
 * name never shows early), moved aside when they can never be stored:
 * never lost. */
#include "autoconfig.h"
#include "spool.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "log.h"
#include "fileio.h"
#include "imap_url.h"

#define MAX_DRAFT (4 << 20)
#define MAX_BACKOFF 3600

static int (*secret_source)(const char *store, char *pw, size_t len);

void spool_secrets(int (*find)(const char *store, char *pw, size_t len))
{
	__atomic_store_n(&secret_source, find, __ATOMIC_RELEASE);
}

struct store_job spooled_job(const struct spooled *m, const char *msg, size_t len)
{
	return (struct store_job){ .url = m->url, .credentials = m->credentials,
				   .password = m->password, .key = m->key,
				   .once_per_days = m->once_per_days, .timeout = m->timeout,
				   .msg = msg, .len = len, .sent = m->sent };
}

int spool_prepare(const char *dir, const struct spooled *m, const char *msg, size_t len,
		  struct spool_file *f, char *err, size_t errlen)
{
	static unsigned long counter;
	char head[6200], url[2048], store[2048], pw[256];
	unsigned long seq = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
	int fd, n = -1;

	/* the passwords stay out: the store is named (LM-Store-Ref), its secret
	 * is the configuration's when the file is delivered */
	if (imap_url_split_password(m->url, url, sizeof url, pw, sizeof pw) >= 0 &&
	    imap_url_split_password(m->store[0] ? m->store : url, store, sizeof store, pw,
				    sizeof pw) >= 0)
		n = snprintf(head, sizeof head, "LM-Store: %s\nLM-Store-Ref: %s\n"
			     "LM-Credentials: %s\nLM-Key: %s\nLM-Days: %d\nLM-Timeout: %d\n"
			     "LM-Sent: %s\n\n", url, store, m->credentials, m->key,
			     m->once_per_days, m->timeout, m->sent);
	explicit_bzero(pw, sizeof pw);
	if (n < 0 || (size_t)n >= sizeof head) {
		snprintf(err, errlen, "draft details too long");
		return -1;
	}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	/* one sequence number for both names: threads write side by side */
	snprintf(f->path, sizeof f->path, "%s/%ld.%ld.%lu.0.draft", dir, (long)time(NULL),
		 (long)getpid(), seq);
	snprintf(f->tmp, sizeof f->tmp, "%s/.new.%ld.%lu", dir, (long)getpid(), seq);
	fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, head, (size_t)n) < 0 || write_all(fd, msg, len) < 0 ||
	    fsync(fd) < 0) {
		snprintf(err, errlen, "%s: %s", f->tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(f->tmp);
		return -1;
	}
	close(fd);
	return 0;
}

/* FROM renamed TO, and TO's directory synced */
static int publish(const char *from, const char *to)
{
	if (rename(from, to) < 0)
		return -1;
	fsync_parent(to);
	return 0;
}

int spool_commit(const struct spool_file *f, char *err, size_t errlen)
{
	if (publish(f->tmp, f->path) == 0)
		return 0;
	snprintf(err, errlen, "%s: %s", f->path, strerror(errno));
	unlink(f->tmp);
	return -1;
}

void spool_discard(const struct spool_file *f)
{
	unlink(f->tmp);
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
		else if (!strncmp(line, "LM-Store-Ref: ", 14))
			snprintf(m->store, sizeof m->store, "%s", line + 14);
		else if (!strncmp(line, "LM-Credentials: ", 16))
			snprintf(m->credentials, sizeof m->credentials, "%s", line + 16);
		else if (!strncmp(line, "LM-Key: ", 8))
			snprintf(m->key, sizeof m->key, "%s", line + 8);
		else if (!strncmp(line, "LM-Days: ", 9))
			m->once_per_days = atoi(line + 9);
		else if (!strncmp(line, "LM-Timeout: ", 12))
			m->timeout = atoi(line + 12);
		else if (!strncmp(line, "LM-Sent: ", 9))
			snprintf(m->sent, sizeof m->sent, "%s", line + 9);
		line = next;
	}
	return line && *line == '\n' && m->url[0] && m->key[0] ? line + 1 : NULL;
}

/* the name of spool file PATH with one more attempt in NEXT, and in TS the
 * time of that attempt */
static void postponed(const char *path, char *next, size_t len, struct timespec ts[2])
{
	char *dot;
	int attempts = 0;
	time_t when;

	snprintf(next, len, "%s", path);
	dot = strrchr(next, '.');	/* ".draft" */
	if (dot) {
		*dot = '\0';
		dot = strrchr(next, '.');
		if (dot) {
			attempts = atoi(dot + 1) + 1;
			snprintf(dot, len - (size_t)(dot - next), ".%d.draft", attempts);
		}
	}
	when = time(NULL) + (attempts < 12 ? (30 << attempts > MAX_BACKOFF ? MAX_BACKOFF : 30 << attempts) :
			     MAX_BACKOFF);
	ts[0].tv_sec = ts[1].tv_sec = when;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
}

/* PATH renamed with one more attempt, its mtime the time of the next one */
void spool_postpone(const char *path)
{
	char next[1200];
	struct timespec ts[2];

	postponed(path, next, sizeof next, ts);
	if (utimensat(AT_FDCWD, path, ts, 0) == 0)
		rename(path, next);
}

/* the failed/ directory beside spool file PATH made, and PATH's name in it */
static const char *aside_name(const char *path, char *to, size_t len)
{
	char failed[1200];
	const char *base = strrchr(path, '/');

	if (!base)
		return NULL;
	snprintf(failed, sizeof failed, "%.*s/failed", (int)(base - path), path);
	mkdir(failed, 0700);
	snprintf(to, len, "%s%s", failed, base);
	return base + 1;
}

/* FROM moved to failed/ under the name of spool file PATH; -1 if it could not be */
static int set_aside(const char *from, const char *path)
{
	char to[1400];
	const char *name = aside_name(path, to, sizeof to);

	if (!name || publish(from, to) < 0)
		return -1;
	log_msg(LOG_ERR, "draft %s can never be stored: kept in %.*s", name,
		(int)(strlen(to) - strlen(name) - 1), to);
	return 0;
}

void spool_set_aside(const char *path)
{
	set_aside(path, path);
}

int spool_commit_settled(const struct spool_file *f, enum store_result r, char *err,
			 size_t errlen)
{
	char next[1200];
	struct timespec ts[2];

	if (r == STORE_OK || r == STORE_EXISTS) {
		spool_discard(f);
		return 0;
	}
	if (r == STORE_FAIL)	/* no failed/: in the spool, where it is tried again */
		return set_aside(f->tmp, f->path) == 0 ? 0 : spool_commit(f, err, errlen);
	postponed(f->path, next, sizeof next, ts);
	if (utimensat(AT_FDCWD, f->tmp, ts, 0) == 0 && publish(f->tmp, next) == 0)
		return 0;
	snprintf(err, errlen, "%s: %s", next, strerror(errno));
	unlink(f->tmp);
	return -1;
}

/* the store hosts found away in this pass of the spool: their other files
 * wait for the next pass (one probe per pass, not a timeout per file) */
struct away_hosts {
	char key[8][300];
	int n;
};

static bool is_away(const struct away_hosts *a, const char *key)
{
	for (int i = 0; a && i < a->n; i++)
		if (!strcmp(a->key[i], key))
			return true;
	return false;
}

/* the password of M's store, from the configuration in force (a file an
 * older version spooled may carry it in its URL still: that one is used) */
static void find_secret(struct spooled *m)
{
	int (*find)(const char *, char *, size_t) =
		__atomic_load_n(&secret_source, __ATOMIC_ACQUIRE);

	if (!m->store[0] || m->password[0] || !find ||
	    find(m->store, m->password, sizeof m->password) == 0)
		return;
	m->password[0] = '\0';
	if (strncmp(m->url, "imap", 4) == 0 && !m->credentials[0])
		log_msg(LOG_WARNING, "draft %s: store %s is no longer in the configuration: "
			"tried without its password", m->key, m->store);
}

/* PATH to its store, unless its host is in AWAY (then STORE_RETRY, the
 * file untouched); a host that does not answer is added to AWAY */
static enum store_result deliver(const char *path, struct away_hosts *away)
{
	size_t len;
	char *text = read_file(path, MAX_DRAFT, &len), err[400] = "", host[300];
	struct spooled m;
	const char *msg = text ? parse(text, &m) : NULL;
	struct store_job j;
	enum store_result r;

	if (!msg) {
		free(text);
		spool_set_aside(path);
		return STORE_FAIL;
	}
	imap_url_host_key(m.url, host, sizeof host);
	if (is_away(away, host)) {
		free(text);
		return STORE_RETRY;
	}
	find_secret(&m);
	j = spooled_job(&m, msg, len - (size_t)(msg - text));
	r = store_put(&j, err, sizeof err);
	explicit_bzero(m.password, sizeof m.password);
	free(text);
	spool_report(m.key, r, err);
	spool_settle(path, r);
	if (r == STORE_RETRY && away && away->n < 8 && strcmp(host, "local"))
		snprintf(away->key[away->n++], sizeof away->key[0], "%s", host);
	return r;
}

enum store_result spool_deliver(const char *path)
{
	return deliver(path, NULL);
}

void spool_report(const char *key, enum store_result r, const char *err)
{
	if (r == STORE_OK || r == STORE_EXISTS)
		log_msg(LOG_INFO, "draft %s %s", key,
			r == STORE_OK ? "stored" : "exists already: not stored again");
	else if (r == STORE_RETRY)
		log_msg(LOG_WARNING, "draft %s: %s: will try again", key, err);
	else
		log_msg(LOG_ERR, "draft %s: %s", key, err);
}

void spool_settle(const char *path, enum store_result r)
{
	if (r == STORE_OK || r == STORE_EXISTS)
		unlink(path);
	else if (r == STORE_RETRY)
		spool_postpone(path);
	else
		spool_set_aside(path);
}

/* every draft of DIR whose time has come (all of them when NOW_ALL) but
 * those BUSY says another thread is settling */
void spool_deliver_due(const char *dir, bool now_all, bool (*busy)(const char *, void *),
		       void *arg)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	time_t now = time(NULL);
	struct away_hosts away = { .n = 0 };

	while (d && (e = readdir(d)) != NULL) {
		char path[1400];
		struct stat st;
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.' || n < 7 || strcmp(e->d_name + n - 6, ".draft") != 0 ||
		    snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
			continue;
		if (stat(path, &st) == 0 && (now_all || st.st_mtime <= now) &&
		    !(busy && busy(path, arg)))
			deliver(path, &away);
	}
	if (d)
		closedir(d);
}
