/* draft_worker.c - the store workers. The milter hands a draft over in
 * memory and waits at most drafts.timeout_ms; a worker (a lane) stores it
 * (one file and no spool traffic in the usual case). A draft not stored by
 * then is written to the spool before the milter answers the MTA, so a crash
 * loses nothing, and the lane settles that file when its store finally
 * answers. There is one lane per store host (IMAP host:port; one for all the
 * Maildirs), at most MAX_LANES, so a dead server holds up its own drafts
 * only; a spool thread delivers the spool files whose time has come.
 *
 * Ownership: a job has one owner at a time, and only the owner frees it.
 * The session creates it and gives it to the queue (a lane's list). It takes
 * it back, under the lock, when it finds it done or still queued. A job being
 * stored when the session stops waiting is abandoned: the session writes its
 * spool file, names it in the job (so the spool thread leaves that file alone)
 * and from then on the lane owns the job, settles the file and frees it.
 *
 * The lock guards the lists and the jobs' state only: no file, network or
 * syslog call is made while it is held; what to do is decided under it and
 * done after. Deadlines are on CLOCK_MONOTONIC (a clock step changes nothing). */
#include "autoconfig.h"
#include "draft_worker.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "imap_url.h"
#include "log.h"

#define MAX_LANES 8
#define MAX_QUEUED 256		/* more waiting than this: straight to the spool */
#define SCAN_EVERY 30		/* seconds between looks for postponed drafts */

enum job_state { JOB_QUEUED, JOB_STORING, JOB_DONE };

struct job {
	struct job *next;
	struct lane *lane;
	struct spooled meta;
	char *msg;
	size_t len;
	enum job_state state;
	enum store_result result;
	char err[400];
	bool abandoned;		/* the session went on: the lane owns the job */
	int committed;		/* its spool file: 0 being renamed, 1 there, -1 none */
	struct spool_file spooled;
};

struct lane {
	struct draft_queue *q;
	pthread_t thread;
	pthread_cond_t work;	/* a job in its list, or stopping */
	struct job *head, *tail;
	struct job *current;	/* the job being stored (and settled) */
	char host[300];		/* the store host its jobs go to */
};

struct draft_queue {
	pthread_mutex_t lock;
	pthread_cond_t changed;	/* a job done, a spool file renamed, stopping */
	pthread_cond_t scan;	/* the spool thread's */
	struct lane lanes[MAX_LANES];
	int n_lanes;		/* threads started */
	pthread_t spooler;
	int queued;
	char **dirs;		/* the spool directories seen, never removed */
	int n_dirs, cap_dirs;
	bool running, stopping, pending, force;
};

static struct draft_queue queue = { .lock = PTHREAD_MUTEX_INITIALIZER };
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void queue_init(void)
{
	pthread_condattr_t a;

	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	pthread_cond_init(&queue.changed, &a);
	pthread_cond_init(&queue.scan, &a);
	for (int i = 0; i < MAX_LANES; i++) {
		pthread_cond_init(&queue.lanes[i].work, &a);
		queue.lanes[i].q = &queue;
	}
	pthread_condattr_destroy(&a);
}

static struct draft_queue *the_queue(void)
{
	pthread_once(&once, queue_init);
	return &queue;
}

static void deadline(struct timespec *t, int ms)
{
	clock_gettime(CLOCK_MONOTONIC, t);
	t->tv_sec += ms / 1000;
	t->tv_nsec += (long)(ms % 1000) * 1000000;
	if (t->tv_nsec >= 1000000000) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000;
	}
}

static void job_free(struct job *j)
{
	if (j) {
		free(j->msg);
		free(j);
	}
}

/* ---------------------------------------------------------------- with the lock held */

/* DIR among the directories the spool thread scans (as many as the
 * configurations name); -1 when out of memory */
static int add_dir(struct draft_queue *q, const char *dir)
{
	char **grown;
	int i;

	for (i = 0; i < q->n_dirs && strcmp(q->dirs[i], dir); i++)
		;
	if (i < q->n_dirs)
		return 0;
	if (q->n_dirs == q->cap_dirs) {
		int cap = q->cap_dirs ? q->cap_dirs * 2 : 16;

		if (!(grown = realloc(q->dirs, (size_t)cap * sizeof *grown)))
			return -1;
		q->dirs = grown;
		q->cap_dirs = cap;
	}
	if (!(q->dirs[q->n_dirs] = strdup(dir)))
		return -1;
	q->n_dirs++;
	return 0;
}

/* the lane for HOST: the one busy with it, else an idle one (the last to
 * serve it first: its connections are kept), else one shared by hash */
static struct lane *lane_for(struct draft_queue *q, const char *host)
{
	struct lane *idle = NULL;
	unsigned h = 5381;

	for (int i = 0; i < q->n_lanes; i++) {
		struct lane *l = &q->lanes[i];
		bool same = strcmp(l->host, host) == 0;

		if (l->head || l->current) {
			if (same)
				return l;
		} else if (!idle || same) {
			idle = l;
		}
	}
	if (idle) {
		snprintf(idle->host, sizeof idle->host, "%s", host);
		return idle;
	}
	for (const char *c = host; *c; c++)
		h = h * 33 + (unsigned char)*c;
	return &q->lanes[h % (unsigned)q->n_lanes];
}

static void enqueue(struct draft_queue *q, struct lane *l, struct job *j)
{
	j->lane = l;
	if (l->tail)
		l->tail->next = j;
	else
		l->head = j;
	l->tail = j;
	q->queued++;
	pthread_cond_signal(&l->work);
}

static struct job *dequeue(struct draft_queue *q, struct lane *l, struct job *j)
{				/* J, or the first when NULL */
	struct job **pp = &l->head, *prev = NULL;

	while (*pp && j && *pp != j) {
		prev = *pp;
		pp = &(*pp)->next;
	}
	if (!(j = *pp))
		return NULL;
	*pp = j->next;
	if (l->tail == j)
		l->tail = prev;
	j->next = NULL;
	q->queued--;
	return j;
}

/* ---------------------------------------------------------------- the threads */

/* J stored; its session told, or (abandoned) its spool file settled by us */
static void lane_store(struct draft_queue *q, struct lane *l, struct job *j)
{
	struct store_job sj = spooled_job(&j->meta, j->msg, j->len);
	char err[400] = "";
	enum store_result r = store_put(&sj, err, sizeof err);
	bool ours;

	pthread_mutex_lock(&q->lock);
	j->state = JOB_DONE;
	j->result = r;
	snprintf(j->err, sizeof j->err, "%s", err);
	pthread_cond_broadcast(&q->changed);
	while (j->abandoned && j->committed == 0)	/* the session renames its file */
		pthread_cond_wait(&q->changed, &q->lock);
	if (!(ours = j->abandoned))
		l->current = NULL;	/* the session takes the job back */
	pthread_mutex_unlock(&q->lock);
	if (!ours)
		return;
	if (j->committed > 0) {
		spool_report(j->meta.key, r, err);
		spool_settle(j->spooled.path, r);
	}
	if (draft_worker_test_pause)	/* a test widens the window here */
		draft_worker_test_pause();
	pthread_mutex_lock(&q->lock);
	l->current = NULL;	/* before the free: in_flight() reads the job */
	pthread_mutex_unlock(&q->lock);
	job_free(j);
}

static void *lane_main(void *arg)
{
	struct lane *l = arg;
	struct draft_queue *q = l->q;
	struct job *j;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (!l->head && !q->stopping)
			pthread_cond_wait(&l->work, &q->lock);
		if (q->stopping)
			break;
		j = dequeue(q, l, NULL);
		j->state = JOB_STORING;
		l->current = j;
		pthread_mutex_unlock(&q->lock);
		lane_store(q, l, j);
		pthread_mutex_lock(&q->lock);
	}
	pthread_mutex_unlock(&q->lock);
	imap_close_all();	/* this thread's connections */
	return NULL;
}

/* PATH is the spool file of an abandoned job: its lane settles it */
static bool in_flight(const char *path, void *arg)
{
	struct draft_queue *q = arg;
	bool busy = false;

	pthread_mutex_lock(&q->lock);
	for (int i = 0; i < q->n_lanes && !busy; i++) {
		const struct job *j = q->lanes[i].current;

		busy = j && j->abandoned && j->committed >= 0 &&
		       strcmp(j->spooled.path, path) == 0;
	}
	pthread_mutex_unlock(&q->lock);
	return busy;
}

/* the Ith spool directory into OUT; false past the last */
static bool nth_dir(struct draft_queue *q, int i, char *out, size_t len)
{
	bool there;

	pthread_mutex_lock(&q->lock);
	if ((there = i < q->n_dirs))
		snprintf(out, len, "%s", q->dirs[i]);
	pthread_mutex_unlock(&q->lock);
	return there;
}

static void *spool_main(void *arg)
{
	char dir[4096];
	struct draft_queue *q = arg;
	struct timespec until;
	bool all;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		deadline(&until, SCAN_EVERY * 1000);
		while (!q->pending && !q->stopping &&
		       pthread_cond_timedwait(&q->scan, &q->lock, &until) != ETIMEDOUT)
			;
		if (q->stopping)
			break;
		q->pending = false;
		all = q->force;
		q->force = false;
		pthread_mutex_unlock(&q->lock);
		for (int i = 0; nth_dir(q, i, dir, sizeof dir); i++)
			spool_deliver_due(dir, all, in_flight, q);
		pthread_mutex_lock(&q->lock);
	}
	pthread_mutex_unlock(&q->lock);
	imap_close_all();
	return NULL;
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

/* the session owns J again (done, or never started): its outcome, J freed */
static enum handoff take_back(const char *dir, struct job *j, char *err, size_t errlen)
{
	struct spool_file f;
	enum handoff h = HANDOFF_LOST;

	if (j->state != JOB_DONE)
		h = spool_now(dir, &j->meta, j->msg, j->len, err, errlen);
	else if (j->result == STORE_OK || j->result == STORE_EXISTS)
		h = j->result == STORE_OK ? HANDOFF_STORED : HANDOFF_EXISTS;
	else if (spool_prepare(dir, &j->meta, j->msg, j->len, &f, err, errlen) == 0 &&
		 spool_commit_settled(&f, j->result, err, errlen) == 0) {
		snprintf(err, errlen, "%s", j->err);	/* the store answered no */
		h = HANDOFF_SPOOLED;
	}
	job_free(j);
	return h;
}

/* J is being stored and the wait is over: its spool file, then the lane's */
static enum handoff abandon(struct draft_queue *q, const char *dir, struct job *j,
			    char *err, size_t errlen)
{
	struct spool_file f;
	int rc = spool_prepare(dir, &j->meta, j->msg, j->len, &f, err, errlen);

	pthread_mutex_lock(&q->lock);
	if (j->state == JOB_DONE) {	/* it finished meanwhile: still ours */
		pthread_mutex_unlock(&q->lock);
		if (rc == 0)
			spool_discard(&f);
		return take_back(dir, j, err, errlen);
	}
	j->abandoned = true;
	j->committed = rc == 0 ? 0 : -1;
	if (rc == 0)
		j->spooled = f;	/* named before it exists: the spool thread keeps off */
	pthread_mutex_unlock(&q->lock);
	if (rc < 0)
		return HANDOFF_LOST;
	rc = spool_commit(&f, err, errlen);
	pthread_mutex_lock(&q->lock);
	j->committed = rc == 0 ? 1 : -1;	/* J is the lane's from here */
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
	if (rc < 0)
		return HANDOFF_LOST;
	snprintf(err, errlen, "no answer from the store within the wait");
	return HANDOFF_SPOOLED;
}

static struct job *job_new(const struct spooled *m, const char *msg, size_t len)
{
	struct job *j = calloc(1, sizeof *j);

	if (!j || !(j->msg = malloc(len ? len : 1))) {
		free(j);
		return NULL;
	}
	memcpy(j->msg, msg, len);
	j->len = len;
	j->meta = *m;
	return j;
}

enum handoff draft_queue_submit(const char *dir, const struct spooled *m, const char *msg,
				size_t len, int ms, char *err, size_t errlen)
{
	struct draft_queue *q = the_queue();
	struct job *j = job_new(m, msg, len);
	struct timespec until;
	char host[300];

	imap_url_host_key(m->url, host, sizeof host);
	deadline(&until, ms);
	pthread_mutex_lock(&q->lock);
	if (!j || !q->running || q->stopping || q->queued >= MAX_QUEUED ||
	    add_dir(q, dir) < 0) {
		pthread_mutex_unlock(&q->lock);
		job_free(j);
		return spool_now(dir, m, msg, len, err, errlen);
	}
	enqueue(q, lane_for(q, host), j);
	while (j->state != JOB_DONE && !q->stopping &&
	       pthread_cond_timedwait(&q->changed, &q->lock, &until) != ETIMEDOUT)
		;
	if (j->state == JOB_STORING) {
		pthread_mutex_unlock(&q->lock);
		return abandon(q, dir, j, err, errlen);
	}
	if (j->state == JOB_QUEUED)
		dequeue(q, j->lane, j);
	pthread_mutex_unlock(&q->lock);
	return take_back(dir, j, err, errlen);
}

/* ---------------------------------------------------------------- control */

/* every thread started told to end, and joined */
static void stop_threads(struct draft_queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->stopping = true;
	for (int i = 0; i < q->n_lanes; i++)
		pthread_cond_signal(&q->lanes[i].work);
	pthread_cond_signal(&q->scan);
	pthread_cond_broadcast(&q->changed);	/* anyone still waiting spools its draft */
	pthread_mutex_unlock(&q->lock);
	for (int i = 0; i < q->n_lanes; i++)
		pthread_join(q->lanes[i].thread, NULL);
	pthread_join(q->spooler, NULL);
	pthread_mutex_lock(&q->lock);
	q->n_lanes = 0;
	q->running = false;
	pthread_mutex_unlock(&q->lock);
}

int draft_queue_start(void)
{
	struct draft_queue *q = the_queue();
	int rc = 0;

	pthread_mutex_lock(&q->lock);
	if (q->running) {
		pthread_mutex_unlock(&q->lock);
		return 0;
	}
	q->stopping = false;
	q->n_lanes = 0;
	if (pthread_create(&q->spooler, NULL, spool_main, q) != 0) {
		pthread_mutex_unlock(&q->lock);
		return -1;
	}
	while (q->n_lanes < MAX_LANES && rc == 0) {
		struct lane *l = &q->lanes[q->n_lanes];

		l->host[0] = '\0';
		if ((rc = pthread_create(&l->thread, NULL, lane_main, l)) == 0)
			q->n_lanes++;
	}
	q->running = true;
	pthread_mutex_unlock(&q->lock);
	if (rc == 0)
		return 0;
	stop_threads(q);
	return -1;
}

void draft_queue_kick(const char *dir)
{
	struct draft_queue *q = the_queue();
	int rc;

	pthread_mutex_lock(&q->lock);
	rc = add_dir(q, dir);
	q->pending = true;
	pthread_cond_signal(&q->scan);
	pthread_mutex_unlock(&q->lock);
	if (rc < 0)
		log_msg(LOG_ERR, "spool %s: out of memory, not scanned until the next kick", dir);
}

void draft_queue_retry_now(void)
{
	struct draft_queue *q = the_queue();

	pthread_mutex_lock(&q->lock);
	q->force = q->pending = true;
	pthread_cond_signal(&q->scan);
	pthread_mutex_unlock(&q->lock);
}

void draft_queue_stop(void)
{
	struct draft_queue *q = the_queue();
	bool running;

	pthread_mutex_lock(&q->lock);
	running = q->running && !q->stopping;
	pthread_mutex_unlock(&q->lock);
	if (running)
		stop_threads(q);	/* stopping stays true until the next start */
}
