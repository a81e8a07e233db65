/* draft_queue.c - the store thread. The milter hands a draft over in memory
 * and waits at most drafts.timeout_ms; the thread stores it (one file and
 * no spool traffic in the usual case). A draft not stored by then is written
 * to the spool before the milter answers the MTA, so a crash loses nothing,
 * and the thread settles that file when its store finally answers. Between
 * drafts the thread delivers spool files whose time has come. */
#include "autoconfig.h"
#include "draft_worker.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "log.h"

#define MAX_DIRS 16
#define MAX_QUEUED 256		/* more waiting than this: straight to the spool */
#define SCAN_EVERY 30		/* seconds between looks for postponed drafts */

enum job_state { JOB_QUEUED, JOB_STORING, JOB_DONE };

struct job {
	struct job *next;
	struct spooled meta;
	char *msg;
	size_t len;
	enum job_state state;
	enum store_result result;
	char err[400];
	char spooled[1200];	/* its spool file, when the milter stopped waiting */
	int refs;		/* the milter's and the thread's */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t kicked = PTHREAD_COND_INITIALIZER, done = PTHREAD_COND_INITIALIZER;
static struct job *head, *tail;
static int queued;
static char dirs[MAX_DIRS][1024];
static int n_dirs;
static bool running, stopping, pending, force;
static pthread_t thread;

/* the following run with the lock held */

static void job_release(struct job *j)
{
	if (--j->refs == 0) {
		free(j->msg);
		free(j);
	}
}

static void add_dir(const char *dir)
{
	int i;

	for (i = 0; i < n_dirs && strcmp(dirs[i], dir); i++)
		;
	if (i == n_dirs && n_dirs < MAX_DIRS)
		snprintf(dirs[n_dirs++], sizeof dirs[0], "%s", dir);
}

static void enqueue(struct job *j)
{
	if (tail)
		tail->next = j;
	else
		head = j;
	tail = j;
	queued++;
}

static struct job *dequeue(struct job *j)	/* J, or the first when NULL */
{
	struct job **pp = &head, *prev = NULL;

	while (*pp && j && *pp != j) {
		prev = *pp;
		pp = &(*pp)->next;
	}
	if (!(j = *pp))
		return NULL;
	*pp = j->next;
	if (tail == j)
		tail = prev;
	j->next = NULL;
	queued--;
	return j;
}

/* ---------------------------------------------------------------- the thread */

static void store_one(struct job *j)
{
	struct store_job sj = spooled_job(&j->meta, j->msg, j->len);
	char err[400] = "";
	enum store_result r = store_put(&sj, err, sizeof err);

	pthread_mutex_lock(&lock);
	j->state = JOB_DONE;
	j->result = r;
	snprintf(j->err, sizeof j->err, "%s", err);
	if (j->spooled[0]) {	/* the milter went on: the spool file is ours to settle */
		spool_report(j->meta.key, r, err);
		spool_settle(j->spooled, r);
	}
	pthread_cond_broadcast(&done);
	job_release(j);
	pthread_mutex_unlock(&lock);
}

static void *worker(void *arg)
{
	char copy[MAX_DIRS][1024];
	struct job *j;
	int n;
	bool all;

	(void)arg;
	for (;;) {
		struct timespec until;

		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += SCAN_EVERY;
		pthread_mutex_lock(&lock);
		while (!head && !pending && !stopping &&
		       pthread_cond_timedwait(&kicked, &lock, &until) != ETIMEDOUT)
			;
		if (stopping) {
			pthread_mutex_unlock(&lock);
			return NULL;
		}
		if ((j = dequeue(NULL)) != NULL) {
			j->state = JOB_STORING;
			pthread_mutex_unlock(&lock);
			store_one(j);
			continue;
		}
		pending = false;
		all = force;
		force = false;
		n = n_dirs;
		memcpy(copy, dirs, sizeof copy);
		pthread_mutex_unlock(&lock);
		for (int i = 0; i < n; i++)
			spool_deliver_due(copy[i], all, NULL, NULL);
	}
}

/* ---------------------------------------------------------------- the milter's side */

static enum handoff spool_now(const char *dir, const struct spooled *m, const char *msg,
			      size_t len, char *err, size_t errlen)
{
	struct spool_file f;

	if (spool_prepare(dir, m, msg, len, &f, err, errlen) < 0 ||
	    spool_commit(&f, err, errlen) < 0)
		return HANDOFF_LOST;
	draft_queue_kick(dir);
	return HANDOFF_SPOOLED;
}

static void deadline(struct timespec *t, int ms)
{
	clock_gettime(CLOCK_REALTIME, t);
	t->tv_sec += ms / 1000;
	t->tv_nsec += (long)(ms % 1000) * 1000000;
	if (t->tv_nsec >= 1000000000) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000;
	}
}

static bool stored(const struct job *j)
{
	return j->state == JOB_DONE && (j->result == STORE_OK || j->result == STORE_EXISTS);
}

/* J was not stored in time: into the spool, unless the thread stores it meanwhile */
static enum handoff spool_job(const char *dir, struct job *j, char *err, size_t errlen)
{
	struct spool_file f;
	enum handoff h = HANDOFF_LOST;
	int rc = spool_prepare(dir, &j->meta, j->msg, j->len, &f, err, errlen);

	pthread_mutex_lock(&lock);
	if (rc == 0 && stored(j)) {
		spool_discard(&f);
		h = j->result == STORE_OK ? HANDOFF_STORED : HANDOFF_EXISTS;
	} else if (rc == 0 && spool_commit(&f, err, errlen) == 0) {
		if (j->state == JOB_DONE) {	/* the store answered no */
			snprintf(err, errlen, "%s", j->err);
			spool_settle(f.path, j->result);
		} else {
			snprintf(err, errlen, "no answer from the store within the wait");
			snprintf(j->spooled, sizeof j->spooled, "%s", f.path);
		}
		h = HANDOFF_SPOOLED;
		pending = true;
		pthread_cond_signal(&kicked);
	}
	job_release(j);
	pthread_mutex_unlock(&lock);
	return h;
}

enum handoff draft_queue_submit(const char *dir, const struct spooled *m, const char *msg,
				size_t len, int ms, char *err, size_t errlen)
{
	struct job *j = calloc(1, sizeof *j);
	struct timespec until;

	if (!j || !(j->msg = malloc(len ? len : 1))) {
		free(j);
		return spool_now(dir, m, msg, len, err, errlen);
	}
	memcpy(j->msg, msg, len);
	j->len = len;
	j->meta = *m;
	j->refs = 2;
	deadline(&until, ms);
	pthread_mutex_lock(&lock);
	if (!running || stopping || queued >= MAX_QUEUED) {
		pthread_mutex_unlock(&lock);
		free(j->msg);
		free(j);
		return spool_now(dir, m, msg, len, err, errlen);
	}
	add_dir(dir);
	enqueue(j);
	pthread_cond_signal(&kicked);
	while (j->state != JOB_DONE && !stopping &&
	       pthread_cond_timedwait(&done, &lock, &until) != ETIMEDOUT)
		;
	if (stored(j)) {
		enum handoff h = j->result == STORE_OK ? HANDOFF_STORED : HANDOFF_EXISTS;

		job_release(j);
		pthread_mutex_unlock(&lock);
		return h;
	}
	if (j->state == JOB_QUEUED && dequeue(j))
		j->refs--;	/* the thread will never see it */
	pthread_mutex_unlock(&lock);
	return spool_job(dir, j, err, errlen);
}

/* ---------------------------------------------------------------- control */

int draft_queue_start(void)
{
	if (running)
		return 0;
	stopping = false;
	if (pthread_create(&thread, NULL, worker, NULL) != 0)
		return -1;
	running = true;
	return 0;
}

void draft_queue_kick(const char *dir)
{
	pthread_mutex_lock(&lock);
	add_dir(dir);
	pending = true;
	pthread_cond_signal(&kicked);
	pthread_mutex_unlock(&lock);
}

void draft_queue_retry_now(void)
{
	pthread_mutex_lock(&lock);
	force = pending = true;
	pthread_cond_signal(&kicked);
	pthread_mutex_unlock(&lock);
}

void draft_queue_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_cond_signal(&kicked);
	pthread_cond_broadcast(&done);	/* anyone still waiting spools its draft */
	pthread_mutex_unlock(&lock);
	pthread_join(thread, NULL);
	running = false;
	imap_close_all();
}
