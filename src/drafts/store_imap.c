/* store_imap.c - drafts into an IMAP server's Drafts folder with libetpan:
 * imap:// (STARTTLS when offered) or imaps://, the server's certificate
 * verified (tls_check.c), no password in clear to another machine, LOGIN
 * (AUTHENTICATE PLAIN when LOGIN is disabled), the draft key searched first
 * (UID SEARCH HEADER ... SINCE) in the reply memory (store_imap_memory.c),
 * Drafts and Sent, then APPEND with \Draft \Seen. Every network step has a
 * timeout; connections are kept for the next draft (by each thread: one
 * store thread's connections are closed by that thread, imap_close_all). */
#include "autoconfig.h"
#include "store.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <libetpan/libetpan.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "log.h"
#include "store_imap.h"
#include "imap_url.h"
#include "tls_check.h"
#include "fileio.h"

#define POOL 8

struct conn {
	mailimap *imap;
	char id[1200];		/* scheme, host, port, user, TLS options: what makes it reusable */
	time_t used;
};

static __thread struct conn pool[POOL];	/* each store thread its own */

static void read_password(const char *file, struct imap_url *t)
{
	char *pw;

	if (!file || !*file || t->password[0])
		return;
	if (!(pw = read_file(file, sizeof t->password, NULL))) {
		log_msg(LOG_ERR, "IMAP credentials %s: %s", file, strerror(errno));
		return;
	}
	pw[strcspn(pw, "\r\n")] = '\0';
	snprintf(t->password, sizeof t->password, "%s", pw);
	free(pw);
}

static void drop(struct conn *c)
{
	if (c->imap) {
		mailimap_logout(c->imap);
		mailimap_free(c->imap);
	}
	memset(c, 0, sizeof *c);
}

void imap_close_all(void)
{
	for (int i = 0; i < POOL; i++)
		drop(&pool[i]);
}

static int login(mailimap *imap, const struct imap_url *t)
{
	if (!mailimap_has_extension(imap, "LOGINDISABLED"))
		return mailimap_login(imap, t->user, t->password);
	return mailimap_authenticate(imap, "PLAIN", t->host, NULL, NULL, t->user, t->user,
				     t->password, NULL);
}

static bool starttls_offered(mailimap *imap)
{
	struct mailimap_capability_data *cap = NULL;
	bool offered;

	if (mailimap_capability(imap, &cap) != MAILIMAP_NO_ERROR)
		return false;
	offered = mailimap_has_extension(imap, "STARTTLS");
	mailimap_capability_data_free(cap);
	return offered;
}

/* HOST is this machine (localhost, or a loopback address written as one:
 * not a name that merely starts with "127."): a password sent to it in
 * clear crosses no network */
bool imap_host_is_local(const char *host)
{
	struct in_addr a4;
	struct in6_addr a6;

	if (inet_pton(AF_INET, host, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, host, &a6) == 1)
		return IN6_IS_ADDR_LOOPBACK(&a6);
	return strcmp(host, "localhost") == 0;
}

/* encrypted as T asks (TLS, else STARTTLS when offered), the certificate
 * checked, or clear text where that is allowed; RC is the connect's answer */
static int secure(mailimap *imap, const struct imap_url *t, int rc, char *err, size_t errlen)
{
	bool tls = t->tls;

	if (rc != MAILIMAP_NO_ERROR_NON_AUTHENTICATED && rc != MAILIMAP_NO_ERROR_AUTHENTICATED)
		return rc;
	if (!tls && starttls_offered(imap)) {
		if (mailimap_socket_starttls(imap) != MAILIMAP_NO_ERROR) {
			snprintf(err, errlen, "IMAP %s:%u: STARTTLS failed", t->host, t->port);
			return -1;
		}
		tls = true;
	}
	if (tls && t->verify &&
	    tls_check(imap->imap_stream, t->host, t->ca_file, err, errlen) < 0) {
		char why[300];

		snprintf(why, sizeof why, "%s", err);
		snprintf(err, errlen, "IMAP %s:%u: %s", t->host, t->port, why);
		return -1;
	}
	if (!tls && !t->cleartext && !imap_host_is_local(t->host)) {
		snprintf(err, errlen, "IMAP %s:%u offers no STARTTLS: the password is not sent in "
			 "clear (imaps://, or ?cleartext=yes in the URL to allow it)",
			 t->host, t->port);
		return -1;
	}
	return rc;
}

/* a logged-in session for T: the kept one, or a new one */
static mailimap *session(const struct imap_url *t, int timeout, char *err, size_t errlen)
{
	char id[sizeof pool[0].id];
	struct conn *c = &pool[0];
	mailimap *imap;
	int rc;

	snprintf(id, sizeof id, "%d|%s|%u|%s|%d|%d|%s", t->tls, t->host, t->port, t->user,
		 t->verify, t->cleartext, t->ca_file);
	for (int i = 0; i < POOL; i++) {
		if (pool[i].imap && !strcmp(pool[i].id, id)) {
			if (mailimap_noop(pool[i].imap) == MAILIMAP_NO_ERROR)
				return pool[i].imap;
			drop(&pool[i]);	/* the server closed it */
		}
		if (!pool[i].imap || pool[i].used < c->used)
			c = &pool[i];	/* a free slot, else the least recently used */
	}
	drop(c);
	if (!(imap = mailimap_new(0, NULL)))
		return NULL;
	mailimap_set_timeout(imap, timeout);
	rc = t->tls ? mailimap_ssl_connect(imap, t->host, t->port) :
		      mailimap_socket_connect(imap, t->host, t->port);
	err[0] = '\0';
	rc = secure(imap, t, rc, err, errlen);
	if (rc == MAILIMAP_NO_ERROR_NON_AUTHENTICATED)
		rc = login(imap, t);
	if (rc != MAILIMAP_NO_ERROR && rc != MAILIMAP_NO_ERROR_AUTHENTICATED) {
		if (!err[0])
			snprintf(err, errlen, "IMAP %s:%u as %s: %s (libetpan error %d)", t->host,
				 t->port, t->user,
				 rc == MAILIMAP_ERROR_LOGIN ? "login refused" : "no session", rc);
		mailimap_free(imap);
		return NULL;
	}
	c->imap = imap;
	snprintf(c->id, sizeof c->id, "%s", id);
	c->used = time(NULL);
	return imap;
}

/* a draft with KEY from SINCE on is in FOLDER; a missing Sent folder holds none */
static int key_present(mailimap *imap, const char *folder, bool must_exist, const char *key,
		       time_t since)
{
	uint32_t first;
	int rc = mailimap_examine(imap, folder), n;

	if (rc != MAILIMAP_NO_ERROR)
		return !must_exist && rc == MAILIMAP_ERROR_EXAMINE ? 0 : -1;
	n = imap_key_search(imap, key, since, &first);
	return n < 0 ? -1 : n > 0;
}

/* a draft for J's inviter was made: remembered (MEM), in Drafts, or in Sent */
static int drafted(mailimap *imap, const struct imap_url *t, const struct store_job *j,
		   int mem, time_t since)
{
	int found;

	if (mem == 1)
		return 1;
	found = key_present(imap, t->folder, true, j->key, since);
	if (found == 0 && j->sent && *j->sent)
		found = key_present(imap, j->sent, false, j->key, since);
	return found;
}

static int append(mailimap *imap, const struct imap_url *t, const struct store_job *j)
{
	struct mailimap_flag_list *flags = mailimap_flag_list_new_empty();
	int rc;

	mailimap_flag_list_add(flags, mailimap_flag_new_draft());
	mailimap_flag_list_add(flags, mailimap_flag_new_seen());
	rc = mailimap_append(imap, t->folder, flags, NULL, j->msg, j->len);
	mailimap_flag_list_free(flags);
	return rc;
}

static void drop_session(mailimap *imap)
{
	for (int i = 0; i < POOL; i++)
		if (pool[i].imap == imap)
			drop(&pool[i]);
}

/* J stored unless it is drafted already: the memory asked first, then the
 * folders; a new draft claimed in the memory, and the claim taken back when
 * the APPEND fails */
static enum store_result put(mailimap *imap, const struct imap_url *t, const struct store_job *j,
			     char *err, size_t errlen)
{
	time_t now = store_now(), since = now - (time_t)j->once_per_days * 86400;
	int mem = imap_memory_find(imap, j->key, since), found, claim = 0;
	uint32_t ours = 0;
	const char *step = "SEARCH";

	if (mem < 0)
		store_memory_trouble(t->host, "the memory mailbox cannot be read or made");
	if ((found = drafted(imap, t, j, mem, since)) == 0 && mem == 0)
		store_test_pause();
	if (found == 0 && mem == 0 &&
	    (claim = imap_memory_claim(imap, j->key, now, since, &ours)) == 0) {
		found = 1;	/* another gateway drafts it right now */
		log_msg(LOG_INFO, "draft key %s: claimed first by another gateway", j->key);
	}
	if (claim < 0)
		store_memory_trouble(t->host, "the memory mailbox cannot be written");
	if (found == 0 && append(imap, t, j) != MAILIMAP_NO_ERROR) {
		step = "APPEND";
		found = -1;
		if (claim > 0)
			imap_memory_unclaim(imap, ours);
	}
	if (found < 0) {
		snprintf(err, errlen, "IMAP %s:%u folder %s: %s failed", t->host, t->port, t->folder,
			 step);
		drop_session(imap);
		return STORE_RETRY;
	}
	if (claim > 0)
		imap_memory_prune(imap, since);
	return found ? STORE_EXISTS : STORE_OK;
}

enum store_result imap_put(const struct store_job *j, char *err, size_t errlen)
{
	struct imap_url t;
	mailimap *imap;

	if (imap_url_parse(j->url, &t) < 0) {
		snprintf(err, errlen, "bad IMAP URL");
		return STORE_FAIL;
	}
	if (j->password && *j->password && !t.password[0])
		snprintf(t.password, sizeof t.password, "%s", j->password);
	read_password(j->credentials, &t);
	if (!(imap = session(&t, j->timeout > 0 ? j->timeout : 10, err, errlen)))
		return STORE_RETRY;
	if (j->once_per_days <= 0) {	/* every invitation gets its draft */
		if (append(imap, &t, j) == MAILIMAP_NO_ERROR)
			return STORE_OK;
		snprintf(err, errlen, "IMAP %s:%u folder %s: APPEND failed", t.host, t.port,
			 t.folder);
		drop_session(imap);
		return STORE_RETRY;
	}
	return put(imap, &t, j, err, errlen);
}
