/* store.h - where drafts go: a Maildir (the default) or an IMAP server's
 * Drafts folder; one interface, chosen by the URL
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_STORE_H
#define LM_STORE_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* the kinds of store, by the scheme of their URL (metrics label them) */
enum store_kind { STORE_MAILDIR, STORE_IMAP, STORE_KIND_COUNT };
enum store_kind store_kind(const char *url);
const char *store_kind_name(unsigned k);
/* store_result_name - "stored", "exists", "retry", "fail" (metrics) */
const char *store_result_name(unsigned r);

enum store_result {
	STORE_OK,	/* stored */
	STORE_EXISTS,	/* a draft with this key is there already: nothing to do */
	STORE_RETRY,	/* could not now (server down, disk full, login refused:
			 * the password may be fixed): try again later */
	STORE_FAIL	/* cannot ever succeed as written (bad path, bad URL) */
};

struct store_job {
	const char *url;	/* maildir:/PATH or imap[s]://..., %u and %d resolved */
	const char *credentials;	/* file with the IMAP password, or "" */
	const char *key;	/* X-LinkedIn-Draft-Key */
	int once_per_days;	/* a draft with the key this recent means EXISTS */
	int timeout;		/* seconds per network step */
	const char *msg;	/* the draft, CRLF line ends */
	size_t len;
	const char *sent;	/* the Sent folder's name; NULL or "" = not looked at */
	const char *password;	/* the IMAP password (configuration), NULL or "" */
};

/* store_resolve - TEMPLATE with %u and %d of RCPT into OUT; -1 with ERR when
 * RCPT could escape the store ("../", "/", a leading dot, odd characters) */
int store_resolve(const char *template, const char *rcpt, char *out, size_t len,
		  char *err, size_t errlen);
enum store_result store_put(const struct store_job *j, char *err, size_t errlen);
/* store_now - the stores' clock: the time, moved by the test clock
 * (LINKEDIN_MILTER_TEST_CLOCK seconds) that the tests of once_per_days use */
time_t store_now(void);
/* store_test_pause - the tests' window for a race between gateways: a pause
 * of LINKEDIN_MILTER_TEST_CLAIM_PAUSE_MS before a new draft is claimed */
void store_test_pause(void);
/* store_memory_trouble - the reply memory of WHERE failed (WHY): logged once
 * an hour at most; drafts go on, found by their key in the folders */
void store_memory_trouble(const char *where, const char *why);

enum store_result maildir_put(const struct store_job *j, char *err, size_t errlen);
enum store_result imap_put(const struct store_job *j, char *err, size_t errlen);
/* imap_host_is_local - HOST is this machine: "localhost", or an IPv4 or IPv6
 * loopback address in its usual form (a name is never taken for one) */
bool imap_host_is_local(const char *host);
/* imap_close_all - close the connections the calling thread kept for reuse */
void imap_close_all(void);

#endif
