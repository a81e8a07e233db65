/* store_maildir.c - drafts into a Maildir: written to tmp/, fsync'd, renamed
 * into cur/ with the Draft flag; the draft key looked up in the folder first
 * (maildir_keys.c), under a lock, so one inviter gets one draft; the reply
 * memory (reply_memory.c) and the Sent folder asked first, so a draft the
 * owner deleted or sent still counts */
#include "autoconfig.h"
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "log.h"
#include "maildir_keys.h"
#include "reply_memory.h"
#include "fileio.h"


static int mkdirs(const char *path)
{
	char tmp[4096];
	size_t n = strlen(path);

	if (n >= sizeof tmp)
		return -1;
	memcpy(tmp, path, n + 1);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0700) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(tmp, 0700) < 0 && errno != EEXIST ? -1 : 0;
}

static int make_maildir(const char *dir)
{
	static const char *const subs[] = { "cur", "new", "tmp" };
	char path[4200];

	if (mkdirs(dir) < 0)
		return -1;
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, subs[i]);
		if (mkdir(path, 0700) < 0 && errno != EEXIST)
			return -1;
	}
	return 0;
}

static enum store_result deliver(const char *dir, const struct store_job *j, char *err,
				 size_t errlen)
{
	char host[64] = "localhost", name[256], tmp[4400], cur[4400];
	static unsigned long counter;
	struct timespec ts;
	int fd;

	gethostname(host, sizeof host - 1);
	host[strcspn(host, "/:")] = '\0';
	clock_gettime(CLOCK_REALTIME, &ts);
	snprintf(name, sizeof name, "%ld.M%ldP%ldQ%lu.%s.%s", (long)ts.tv_sec, ts.tv_nsec / 1000,
		 (long)getpid(), __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED), j->key, host);
	snprintf(tmp, sizeof tmp, "%s/tmp/%s", dir, name);
	snprintf(cur, sizeof cur, "%s/cur/%s:2,D", dir, name);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, j->msg, j->len) < 0 || fsync(fd) < 0) {
		int e = errno;

		snprintf(err, errlen, "%s: %s", tmp, strerror(e));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		return STORE_RETRY;	/* a full or read-only disk may come back */
	}
	close(fd);
	if (rename(tmp, cur) < 0) {
		snprintf(err, errlen, "%s: %s", cur, strerror(errno));
		unlink(tmp);
		return STORE_RETRY;
	}
	snprintf(tmp, sizeof tmp, "%s/cur", dir);
	fsync_dir(tmp);
	return STORE_OK;
}

/* the Maildir++ folder NAME beside DIR (inside DIR when DIR is the top one) */
static int sibling(const char *dir, const char *name, char *out, size_t len)
{
	const char *slash = strrchr(dir, '/');
	int n;

	if (!name || !*name || !slash)
		return -1;
	if (slash[1] == '.')
		n = snprintf(out, len, "%.*s/.%s", (int)(slash - dir), dir, name);
	else
		n = snprintf(out, len, "%s/.%s", dir, name);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* a draft with J's key since SINCE: remembered, still in DIR, or in the Sent
 * folder beside it; the memory first, the folders when it has no answer */
static bool drafted(const char *dir, const struct store_job *j, time_t since)
{
	char sent[4400];
	int m = memory_find(dir, j->key, since);

	if (m < 0)
		store_memory_trouble(dir, "the memory file cannot be read");
	if (m == 1 || maildir_keys_find(dir, j->key, since) == 1)
		return true;
	return sibling(dir, j->sent, sent, sizeof sent) == 0 &&
	       maildir_keys_find(sent, j->key, since) == 1;
}

enum store_result maildir_put(const struct store_job *j, char *err, size_t errlen)
{
	const char *dir = j->url + 8;
	char lock[4400], why[400];
	time_t now = store_now(), since = now - (time_t)j->once_per_days * 86400;
	enum store_result r;
	int lfd;

	if (dir[0] != '/') {
		snprintf(err, errlen, "maildir path %.60s is not absolute", dir);
		return STORE_FAIL;
	}
	if (make_maildir(dir) < 0) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		/* permissions and full or read-only disks get fixed: only a file
		 * where a directory must be is for ever */
		return errno == ENOTDIR ? STORE_FAIL : STORE_RETRY;
	}
	/* look and write under one lock: two threads, one draft */
	snprintf(lock, sizeof lock, "%s/.linkedin-milter.lock", dir);
	lfd = open(lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (lfd < 0 || flock(lfd, LOCK_EX) < 0) {
		snprintf(err, errlen, "%s: %s", lock, strerror(errno));
		if (lfd >= 0)
			close(lfd);
		return STORE_RETRY;
	}
	r = j->once_per_days > 0 && drafted(dir, j, since) ? STORE_EXISTS : deliver(dir, j, err, errlen);
	if (r == STORE_OK) {
		maildir_keys_added(dir, j->key);
		if (j->once_per_days > 0 &&
		    memory_add(dir, j->key, now, since, why, sizeof why) < 0)
			store_memory_trouble(dir, why);
	}
	close(lfd);
	return r;
}
