/* spool.h - the files of drafts that wait for their store: written durably,
 * delivered by the store thread, retried with backoff while the store is
 * away, set aside when they can never be stored, never lost */
#ifndef LM_SPOOL_H
#define LM_SPOOL_H
/* DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#include <stdbool.h>
#include "store.h"

struct spooled {
	char url[2048], credentials[1024], key[64], sent[256];
	char store[2048];	/* the configured store (no password): where the secret is */
	char password[256];	/* the store's password: in memory only, never in a file */
	int once_per_days, timeout;
};

struct spool_file {
	char tmp[1200];		/* written and synced, not yet seen by the store thread */
	char path[1200];	/* its name once committed */
};

/* spool_secrets - FIND gives the password of a configured store (its URL
 * without the password) when a spool file is delivered: the spool keeps the
 * store's name, never its secret. 0 when found. */
void spool_secrets(int (*find)(const char *store, char *pw, size_t len));

/* spooled_job - the store's job for META and the draft MSG */
struct store_job spooled_job(const struct spooled *meta, const char *msg, size_t len);

/* spool_prepare - META (never a password: not META's, not one in its URL)
 * and the draft MSG written and synced under a hidden name in DIR; -1 with ERR when it could not be (the draft is then lost to
 * us, and the caller says so) */
int spool_prepare(const char *dir, const struct spooled *meta, const char *msg, size_t len,
		  struct spool_file *f, char *err, size_t errlen);
/* spool_commit - the prepared file under its name, for the store thread;
 * -1 with ERR when it cannot be renamed (the prepared file is removed) */
int spool_commit(const struct spool_file *f, char *err, size_t errlen);
/* spool_commit_settled - the prepared file straight under the name the
 * store result R gives it (postponed, set aside; removed when stored), so
 * that it is never seen due in between; -1 with ERR when it could not be */
int spool_commit_settled(const struct spool_file *f, enum store_result r, char *err,
			 size_t errlen);
/* spool_discard - the prepared file is not needed after all */
void spool_discard(const struct spool_file *f);

/* spool_deliver - one spool file to its store; removed when stored (or
 * already there), postponed with backoff when the store is away, moved to
 * DIR/failed when it can never be stored. The store result. */
enum store_result spool_deliver(const char *path);
/* spool_deliver_due - every file of DIR whose time has come (all: every
 * file), but those for which BUSY (when not NULL) says true with ARG; an
 * IMAP host that does not answer is tried once a pass, its other files
 * wait for the next pass */
void spool_deliver_due(const char *dir, bool all, bool (*busy)(const char *, void *),
		       void *arg);
/* spool_settle - what the store result R means for the spool file PATH */
void spool_settle(const char *path, enum store_result r);
void spool_postpone(const char *path);
void spool_set_aside(const char *path);
/* spool_report - the log line for a draft stored, found, or not stored */
void spool_report(const char *key, enum store_result r, const char *err);

#endif
