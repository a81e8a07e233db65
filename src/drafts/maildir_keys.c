/* maildir_keys.c - which draft keys a Maildir holds. A folder is read once
 * (file names of ours carry the key; other files, drafts a client saved
 * again, are opened for their X-LinkedIn-Draft-Key header) and the keys kept
 * in memory with the folder's cur/ and new/ mtimes; while those have not
 * changed the keys are current, and a draft we add is added to them. A few
 * folders are kept, the least recently used given up first. The keys of a
 * folder take the memory the folder needs, up to MAX_KEYS drafts (72 bytes
 * each); a folder with more, or one that memory runs out reading, is refused
 * with a logged error, and every key counts as found in it: a missing draft
 * the log explains is better than a second draft for the same inviter.
 *
 * Locks: the table's lock is held only to find a folder's slot and pin it
 * (a pinned slot is never given to another folder); each folder has its own
 * lock, held while it is read or searched, so a slow folder (a large one, a
 * slow disk, NFS) delays the stores of that folder only. The table's lock
 * is never taken with a folder's held. */
#include "autoconfig.h"
#include "maildir_keys.h"
#include "draft_message.h"

#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "log.h"

#define HEAD_READ 16384		/* bytes of a draft read to find its key */
#define MAX_FOLDERS 64
#define KEY_MAX 64
#define HEADER_LEN (sizeof DRAFT_KEY_HEADER ":" - 1)	/* "X-LinkedIn-Draft-Key:" */

struct entry {
	char key[KEY_MAX];
	time_t mtime;
};

struct folder {
	pthread_mutex_t lock;		/* guards what follows dir and used */
	char *dir;			/* the table's lock guards dir, used, pins */
	unsigned long used;
	int pins;			/* threads using the slot now */
	struct timespec stamp[2];	/* cur/ and new/ as last seen */
	struct entry *keys;
	size_t n, cap;
	bool refused;			/* too many drafts to keep, or no memory */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;	/* the table's */
static pthread_cond_t unpinned = PTHREAD_COND_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct folder folders[MAX_FOLDERS];
static unsigned long tick;
static const char *const subs[2] = { "cur", "new" };

/* the key in a file name of ours ("SEC.MusecPpidQn.KEY.host..."), or NULL */
static const char *key_in_name(const char *name, size_t *len)
{
	const char *q = strchr(name, 'Q'), *k;

	if (!q || !strchr(name, 'M') || !strchr(name, 'P'))
		return NULL;
	k = q + 1 + strspn(q + 1, "0123456789");
	if (k == q + 1 || *k != '.')
		return NULL;
	k++;
	*len = strspn(k, "0123456789abcdef");
	return *len >= 16 && *len < KEY_MAX && k[*len] == '.' ? k : NULL;
}

/* the X-LinkedIn-Draft-Key of the file at PATH into OUT; 0 when it has none */
static int key_in_file(const char *path, char *out)
{
	char buf[HEAD_READ + 1], *end, *p;
	ssize_t n;
	size_t len;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return 0;
	n = read(fd, buf, HEAD_READ);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	if ((end = strstr(buf, "\r\n\r\n")) || (end = strstr(buf, "\n\n")))
		*end = '\0';
	for (p = buf; (p = strcasestr(p, DRAFT_KEY_HEADER ":")) != NULL; p++) {
		if (p != buf && p[-1] != '\n')
			continue;
		p += HEADER_LEN + strspn(p + HEADER_LEN, " \t");
		len = strspn(p, "0123456789abcdef");
		if (len >= 16 && len < KEY_MAX) {
			memcpy(out, p, len);
			out[len] = '\0';
			return 1;
		}
	}
	return 0;
}

static int stamps(const char *dir, struct timespec out[2])
{
	char path[4400];
	struct stat st;

	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, subs[i]);
		if (stat(path, &st) < 0)
			return -1;
		out[i] = st.st_mtim;
	}
	return 0;
}

static bool same(const struct timespec a[2], const struct timespec b[2])
{
	return a[0].tv_sec == b[0].tv_sec && a[0].tv_nsec == b[0].tv_nsec &&
	       a[1].tv_sec == b[1].tv_sec && a[1].tv_nsec == b[1].tv_nsec;
}

/* KEY into F; -1 when F holds MAX_KEYS already, or out of memory */
static int add(struct folder *f, const char *key, size_t len, time_t mtime)
{
	if (f->n >= MAX_KEYS)
		return -1;
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		struct entry *k;

		if (cap > MAX_KEYS)
			cap = MAX_KEYS;
		k = realloc(f->keys, cap * sizeof *k);

		if (!k)
			return -1;
		f->keys = k;
		f->cap = cap;
	}
	memcpy(f->keys[f->n].key, key, len);
	f->keys[f->n].key[len] = '\0';
	f->keys[f->n++].mtime = mtime;
	return 0;
}

/* one file of DIR/SUB into F; -1 when its key could not be kept */
static int read_one(struct folder *f, const char *sub, const char *name)
{
	char path[4700], key[KEY_MAX];
	struct stat st;
	size_t len;
	const char *k = key_in_name(name, &len);

	if (snprintf(path, sizeof path, "%s/%s/%s", f->dir, sub, name) >= (int)sizeof path ||
	    stat(path, &st) < 0)
		return 0;
	if (k)
		return add(f, k, len, st.st_mtime);
	if (key_in_file(path, key))
		return add(f, key, strlen(key), st.st_mtime);
	return 0;
}

/* F refused: its keys given up, the reason logged (each time it is read) */
static void refuse(struct folder *f)
{
	if (f->n >= MAX_KEYS)
		log_msg(LOG_ERR, "%s: more than %d drafts: no new draft is stored in this "
			"folder until old ones are deleted", f->dir, MAX_KEYS);
	else
		log_msg(LOG_ERR, "%s: out of memory reading its drafts: no new draft is "
			"stored in it until it is read", f->dir);
	free(f->keys);
	f->keys = NULL;
	f->n = f->cap = 0;
	f->refused = true;
}

/* F read afresh; -1 when a directory cannot be read. A folder too large to
 * keep is refused (f->refused). */
static int read_folder(struct folder *f)
{
	char path[4400];
	int rc = 0;

	f->n = 0;
	f->refused = false;
	if (stamps(f->dir, f->stamp) < 0)
		return -1;
	for (int i = 0; i < 2; i++) {
		DIR *d;
		struct dirent *e;

		snprintf(path, sizeof path, "%s/%s", f->dir, subs[i]);
		if (!(d = opendir(path)))
			return -1;
		while (rc == 0 && (e = readdir(d)) != NULL)
			if (e->d_name[0] != '.')
				rc = read_one(f, subs[i], e->d_name);
		closedir(d);
	}
	if (rc < 0)
		refuse(f);
	return 0;
}

static void folders_init(void)
{
	for (int i = 0; i < MAX_FOLDERS; i++)
		pthread_mutex_init(&folders[i].lock, NULL);
}

/* F's keys given up: read again at its next use (F's lock held, or F unpinned) */
static void forget_keys(struct folder *f)
{
	free(f->keys);
	f->keys = NULL;
	f->n = f->cap = 0;
	f->refused = false;
	f->stamp[0].tv_nsec = f->stamp[1].tv_nsec = -1;	/* never read */
}

/* DIR's slot pinned: its own (when MAKE is false, only that), else an empty
 * one or the least recently used unpinned one; NULL when out of memory */
static struct folder *pin(const char *dir, bool make)
{
	struct folder *best = NULL;

	pthread_once(&once, folders_init);
	pthread_mutex_lock(&lock);
	for (;;) {
		for (int i = 0; i < MAX_FOLDERS; i++) {
			struct folder *f = &folders[i];

			if (f->dir && !strcmp(f->dir, dir)) {
				best = f;
				break;
			}
			if (make && !f->pins &&
			    (!best || (best->dir && (!f->dir || f->used < best->used))))
				best = f;
		}
		if (best || !make)
			break;
		pthread_cond_wait(&unpinned, &lock);	/* every slot in use */
	}
	if (best && (!best->dir || strcmp(best->dir, dir))) {
		free(best->dir);
		forget_keys(best);	/* unpinned: nobody holds its lock */
		if (!(best->dir = strdup(dir)))
			best = NULL;
	}
	if (best) {
		best->pins++;
		best->used = ++tick;
	}
	pthread_mutex_unlock(&lock);
	return best;
}

static void unpin(struct folder *f)
{
	pthread_mutex_lock(&lock);
	if (--f->pins == 0)
		pthread_cond_signal(&unpinned);
	pthread_mutex_unlock(&lock);
}

int maildir_keys_find(const char *dir, const char *key, time_t since)
{
	struct timespec now[2];
	struct folder *f = pin(dir, true);
	int found = 0;

	if (!f)
		return -1;
	pthread_mutex_lock(&f->lock);
	if (stamps(dir, now) < 0 || (!same(now, f->stamp) && read_folder(f) < 0)) {
		forget_keys(f);
		found = -1;
	} else {
		found = f->refused;
		for (size_t i = 0; i < f->n && !found; i++)
			found = f->keys[i].mtime >= since && !strcmp(f->keys[i].key, key);
	}
	pthread_mutex_unlock(&f->lock);
	unpin(f);
	return found;
}

void maildir_keys_added(const char *dir, const char *key)
{
	struct timespec before[2];
	struct folder *f = pin(dir, false);

	if (!f)
		return;
	pthread_mutex_lock(&f->lock);
	/* the folder as it is now includes our draft: current only if that
	 * draft is the one change since it was read */
	memcpy(before, f->stamp, sizeof before);
	if (stamps(dir, f->stamp) < 0 || before[1].tv_sec != f->stamp[1].tv_sec ||
	    before[1].tv_nsec != f->stamp[1].tv_nsec || add(f, key, strlen(key), time(NULL)) < 0)
		forget_keys(f);
	pthread_mutex_unlock(&f->lock);
	unpin(f);
}

void maildir_keys_clear(void)
{
	pthread_once(&once, folders_init);
	pthread_mutex_lock(&lock);
	for (int i = 0; i < MAX_FOLDERS; i++) {
		struct folder *f = &folders[i];

		pthread_mutex_lock(&f->lock);	/* a pinned one: after its user */
		forget_keys(f);
		if (!f->pins) {
			free(f->dir);
			f->dir = NULL;
		}
		pthread_mutex_unlock(&f->lock);
	}
	pthread_mutex_unlock(&lock);
}
