/* daemon.c - start the milter: the listening socket opened before
 * privileges are dropped, a pidfile, the configuration in force (swapped on
 * SIGUSR1), then libmilter's main loop; on SIGTERM the sessions in progress
 * finish and the totals are logged */
#include "autoconfig.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include <libmilter/mfapi.h>
#include "daemon_os.h"
#include "log.h"
#include "metrics.h"
#include "metrics_http.h"
#include "milter.h"
#include "draft_worker.h"
#include "daemon.h"
#include "strlist.h"

#define SESSION_WAIT 30		/* seconds open sessions get to finish at exit */

static pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;
static struct config *in_force;
static const char *config_file;

struct config *current_config(void)
{
	struct config *c;

	pthread_mutex_lock(&config_lock);
	c = config_ref(in_force);
	pthread_mutex_unlock(&config_lock);
	return c;
}

/* build a new configuration; swap it in, or keep the old one on error */
static void reload(void)
{
	struct errlist errs = { 0 };
	struct config *c, *old;

	if (!config_file) {
		log_msg(LOG_NOTICE, "reload: running on the built-in defaults, nothing to read");
		return;
	}
	c = config_load(config_file, &errs);
	for (size_t i = 0; i < errs.msgs.n; i++)
		log_msg(LOG_ERR, "reload: %s", errs.msgs.v[i]);
	errlist_free(&errs);
	if (!c) {
		log_msg(LOG_ERR, "reload of %s failed: keeping the configuration in force",
			config_file);
		metrics_count(MC_RELOADS, 1, 0);
		metrics_gauge_set(MG_RELOAD_OK, 0);
		return;
	}
	if (strcmp(c->metrics, in_force->metrics))
		log_msg(LOG_WARNING, "reload: metrics changed: that takes a restart");
	pthread_mutex_lock(&config_lock);
	old = in_force;
	in_force = c;
	pthread_mutex_unlock(&config_lock);
	log_set_level(config_log_level(c));
	config_unref(old);	/* messages in flight keep their own reference */
	metrics_count(MC_RELOADS, 0, 0);
	metrics_gauge_set(MG_RELOAD_OK, 1);
	metrics_gauge_add(MG_CONFIG_GENERATION, 1);
	log_msg(LOG_NOTICE, "reloaded %s", config_file);
}

/* every file the configuration names must be readable as the user the
 * daemon became, or the first reload would fail: read it all again now */
static int readable_as_user(void)
{
	struct errlist errs = { 0 };
	struct config *c, *old;

	if (!config_file || getuid() == 0)
		return 0;
	c = config_load(config_file, &errs);
	for (size_t i = 0; i < errs.msgs.n; i++)
		log_msg(LOG_ERR, "as user %ld: %s", (long)getuid(), errs.msgs.v[i]);
	errlist_free(&errs);
	if (!c) {
		log_msg(LOG_ERR, "the configuration cannot be read as the daemon's user");
		return -1;
	}
	old = in_force;
	in_force = c;
	config_unref(old);
	return 0;
}

/* SIGUSR1 reloads and retries the drafts waiting in the spool; SIGUSR2 (sent by main at exit) ends the thread */
static void *signal_thread(void *arg)
{
	sigset_t *set = arg;
	int sig;

	for (;;) {
		if (sigwait(set, &sig) != 0)
			continue;
		if (sig == SIGUSR1) {
			reload();
			draft_queue_retry_now();	/* and the waiting drafts get another try */
		}
		else
			return NULL;
	}
}

static void kick_spools(const struct config *c)
{
	draft_queue_kick(c->owner.drafts.spool);
	for (size_t i = 0; i < c->n_profiles; i++)
		draft_queue_kick(c->profiles[i].drafts.spool);
}

static int start_milter(const struct config *c)
{
	if (milter_register() < 0 || smfi_setconn(c->socket) != MI_SUCCESS ||
	    smfi_settimeout(c->milter_timeout) != MI_SUCCESS) {
		log_msg(LOG_ERR, "cannot set up the milter on %s", c->socket);
		return -1;
	}
	return open_listener(c);
}

static void wait_sessions(void)
{
	for (int i = 0; i < SESSION_WAIT * 10 && milter_sessions() > 0; i++)
		usleep(100000);
	if (milter_sessions() > 0)
		log_msg(LOG_WARNING, "%d sessions still open at exit", milter_sessions());
}

int daemon_run(struct config *c, const char *file, bool foreground)
{
	static sigset_t set;
	sigset_t blocked;
	pthread_t thread;
	int rc;

	config_file = file;
	in_force = config_ref(c);
	log_close();
	log_open("linkedin-milter", foreground, config_syslog_facility(c), config_log_level(c));
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	signal(SIGPIPE, SIG_IGN);
	/* blocked from the start in every thread: USR1 and USR2 are for our signal
	 * thread, HUP TERM INT for libmilter's (a thread that did not block them
	 * would take them and die of them, cutting sessions short) */
	blocked = set;
	sigaddset(&blocked, SIGHUP);
	sigaddset(&blocked, SIGTERM);
	sigaddset(&blocked, SIGINT);
	pthread_sigmask(SIG_BLOCK, &blocked, NULL);
	/* what can fail is checked before the parent returns to the shell */
	if (check_start(c) < 0)
		return EX_NOPERM;
	if (start_milter(c) < 0 || metrics_listen(c) < 0)
		return EX_UNAVAILABLE;
	if (!foreground && go_background() < 0)
		return EX_OSERR;
	if (write_pidfile(c) < 0 || prepare_spools(c) < 0 || drop_privileges(c) < 0)
		return EX_NOPERM;
	if (readable_as_user() < 0)
		return EX_CONFIG;
	if (draft_queue_start() < 0) {
		log_msg(LOG_ERR, "cannot start the draft store thread: %s", strerror(errno));
		return EX_OSERR;
	}
	kick_spools(c);	/* drafts left by an earlier run */
	metrics_gauge_set(MG_CONFIG_GENERATION, 1);
	if (metrics_start() < 0)
		return EX_OSERR;
	if (pthread_create(&thread, NULL, signal_thread, &set) != 0) {
		log_msg(LOG_ERR, "cannot start the signal thread: %s", strerror(errno));
		return EX_OSERR;
	}
	log_msg(LOG_NOTICE, "linkedin-milter %s listening on %s", PACKAGE_VERSION, c->socket);
	background_status(0);
	rc = smfi_main();
	wait_sessions();
	metrics_stop();
	draft_queue_stop();
	pthread_kill(thread, SIGUSR2);
	pthread_join(thread, NULL);
	milter_log_counters();
	remove_pidfile(c);
	log_msg(LOG_NOTICE, "stopped");
	config_unref(in_force);
	return rc == MI_SUCCESS ? EX_OK : EX_SOFTWARE;
}
