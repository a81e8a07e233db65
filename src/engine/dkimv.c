/* dkimv.c - our own DKIM verification of LinkedIn's signatures: libopendkim
 * does the canonicalization, the hashes, the RSA and the key lookup (from
 * DNS with its timeout, or from a key file in tests); this file only feeds
 * it and reads which signatures of the domain passed */
#include "autoconfig.h"
#include "dkimv.h"
#include "dkimdns.h"
#include <pthread.h>
#include "metrics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <opendkim/dkim.h>

#define MAX_SIGS 4	/* signatures of the domain checked; more are ignored */

struct dkimv_lib {
	DKIM_LIB *lib;
	struct dkimdns *dns;	/* NULL with a key file */
};

struct dkimv {
	DKIM *d;
	const struct dkimv_lib *lib;
	const char *domain;
	bool broken;		/* libopendkim refused a header or a chunk */
	bool eoh_done;
	DKIM_STAT eoh;
};

static int setopt(DKIM_LIB *lib, dkim_opts_t opt, void *val, size_t len)
{
	return dkim_options(lib, DKIM_OP_SETOPT, opt, val, len) == DKIM_STAT_OK ? 0 : -1;
}

bool dkimv_aligned(const char *d, const char *domain)
{
	size_t n = strlen(d), m = strlen(domain);

	if (n == m)
		return strcasecmp(d, domain) == 0;
	return n > m && d[n - m - 1] == '.' && strcasecmp(d + n - m, domain) == 0;
}

/* libopendkim asks before it looks up keys: the signatures of other
 * domains, and those of ours beyond MAX_SIGS, are ignored (never a key
 * lookup for a domain of the sender's choosing) */
static DKIM_CBSTAT prescreen(DKIM *d, DKIM_SIGINFO **sigs, int nsigs)
{
	const struct dkimv *v = dkim_get_user_context(d);
	int ours = 0;

	for (int i = 0; i < nsigs; i++) {
		const char *dom = (const char *)dkim_sig_getdomain(sigs[i]);

		if (!v || !dom || !dkimv_aligned(dom, v->domain) || ++ours > MAX_SIGS)
			dkim_sig_ignore(sigs[i]);
	}
	return DKIM_CBSTAT_CONTINUE;
}

/* the metrics' result labels, this layer's names: once, with the first library */
static void name_results(void)
{
	metrics_names(MC_DKIM_VERIFICATIONS, 0, dkimv_result_label, DKIMV_TEMPERROR + 1);
}

struct dkimv_lib *dkimv_lib_new(const char *keyfile, const char *resolver, int timeout_ms,
				 char *err, size_t len)
{
	struct dkimv_lib *l = calloc(1, sizeof *l);
	unsigned int flags = DKIM_LIBFLAGS_FIXCRLF, secs;
	dkim_query_t q = DKIM_QUERY_FILE;

	static pthread_once_t named = PTHREAD_ONCE_INIT;

	pthread_once(&named, name_results);
	snprintf(err, len, "libopendkim cannot start");
	if (!l || !(l->lib = dkim_init(NULL, NULL)))
		goto fail;
	/* libopendkim counts whole seconds: rounded up, never below 1 */
	secs = (unsigned int)((timeout_ms + 999) / 1000);
	secs = secs ? secs : 1;
	if (setopt(l->lib, DKIM_OPTS_FLAGS, &flags, sizeof flags) < 0 ||
	    setopt(l->lib, DKIM_OPTS_TIMEOUT, &secs, sizeof secs) < 0)
		goto fail;
	if (keyfile && *keyfile) {
		if (setopt(l->lib, DKIM_OPTS_QUERYMETHOD, &q, sizeof q) < 0 ||
		    setopt(l->lib, DKIM_OPTS_QUERYINFO, (void *)keyfile, strlen(keyfile)) < 0)
			goto fail;
	} else {
		if (!(l->dns = dkimdns_new(resolver, timeout_ms, err, len)))
			goto fail;
		dkimdns_hook(l->dns, l->lib);
	}
	if (dkim_set_prescreen(l->lib, prescreen) != DKIM_STAT_OK)
		goto fail;
	return l;
fail:
	dkimv_lib_free(l);
	return NULL;
}

void dkimv_lib_free(struct dkimv_lib *l)
{
	if (!l)
		return;
	if (l->lib)
		dkim_close(l->lib);
	dkimdns_free(l->dns);
	free(l);
}

struct dkimv *dkimv_start(struct dkimv_lib *l, const char *domain)
{
	struct dkimv *v;
	DKIM_STAT st;

	if (!l || !(v = calloc(1, sizeof *v)))
		return NULL;
	v->d = dkim_verify(l->lib, (const unsigned char *)"linkedin-milter", NULL, &st);
	if (!v->d || dkim_set_user_context(v->d, v) != DKIM_STAT_OK) {
		if (v->d)
			dkim_free(v->d);
		free(v);
		return NULL;
	}
	v->lib = l;
	v->domain = domain;
	return v;
}

int dkimv_header(struct dkimv *v, const char *hdr, size_t len)
{
	if (v->broken)
		return -1;
	if (dkim_header(v->d, (u_char *)hdr, len) != DKIM_STAT_OK)
		v->broken = true;
	return v->broken ? -1 : 0;
}

int dkimv_body(struct dkimv *v, const char *data, size_t len)
{
	DKIM_STAT st;

	if (v->broken)
		return -1;
	if (!v->eoh_done) {
		v->eoh_done = true;
		v->eoh = dkim_eoh(v->d);
	}
	if (v->eoh != DKIM_STAT_OK || len == 0)
		return 0;
	st = dkim_body(v->d, (u_char *)data, len);
	if (st != DKIM_STAT_OK && st != DKIM_STAT_NORESOURCE)
		v->broken = true;
	return v->broken ? -1 : 0;
}

/* the whole body was signed: an l= shorter than the body leaves room for
 * text appended after the signature, so it is no pass */
static bool whole_body(DKIM *d, DKIM_SIGINFO *sig)
{
	ssize_t msglen = 0, canonlen = 0, signlen = 0;

	if (dkim_sig_getcanonlen(d, sig, &msglen, &canonlen, &signlen) != DKIM_STAT_OK)
		return false;
	return signlen == (ssize_t)-1 || canonlen >= msglen;
}

/* SRC with only letters, digits and "-._" into DST (size LEN): a header value */
static void tag_value(char *dst, size_t len, const unsigned char *src)
{
	size_t n = 0;

	for (; src && *src && n + 1 < len; src++)
		if (isalnum(*src) || strchr("-._", *src))
			dst[n++] = (char)*src;
	dst[n] = '\0';
}

/* one signature of the domain: its result, the reason into WHY */
static enum dkimv_result one_sig(DKIM *d, DKIM_SIGINFO *sig, char *why, size_t len)
{
	int err = dkim_sig_geterror(sig);
	char dom[64];

	tag_value(dom, sizeof dom, dkim_sig_getdomain(sig));
	if (DKIM_SIG_CHECK(sig) && whole_body(d, sig)) {
		snprintf(why, len, "dkim pass d=%s", dom);
		return DKIMV_PASS;
	}
	if (DKIM_SIG_CHECK(sig)) {
		snprintf(why, len, "dkim l= covers part of the body d=%s", dom);
		return DKIMV_FAIL;
	}
	if (err == DKIM_SIGERROR_KEYFAIL || err == DKIM_SIGERROR_DNSSYNTAX) {
		snprintf(why, len, "dkim temperror d=%s: key lookup %s", dom,
			 dkim_geterror(d) && strstr(dkim_geterror(d), "timed out") ? "timed out"
										   : "failed");
		return DKIMV_TEMPERROR;
	}
	snprintf(why, len, "dkim fail d=%s: %s", dom,
		 err != DKIM_SIGERROR_OK ? dkim_sig_geterrorstr(err) :
		 dkim_sig_getbh(sig) == DKIM_SIGBH_MISMATCH ? "body changed" : "bad signature");
	return DKIMV_FAIL;
}

/* the best result over the signatures of DOMAIN: pass > temperror > fail */
static enum dkimv_result best_sig(struct dkimv *v, const char *domain, struct dkimv_outcome *o)
{
	DKIM_SIGINFO **sigs = NULL;
	int nsigs = 0;
	enum dkimv_result best = DKIMV_NONE, r;
	static const int rank[4] = { 0, 3, 1, 2 };
	char w[160];

	if (dkim_getsiglist(v->d, &sigs, &nsigs) != DKIM_STAT_OK)
		return DKIMV_NONE;
	for (int i = 0; i < nsigs; i++) {
		const char *dom = (const char *)dkim_sig_getdomain(sigs[i]);

		if (!dom || !dkimv_aligned(dom, domain) ||
		    (dkim_sig_getflags(sigs[i]) & DKIM_SIGFLAG_IGNORE))
			continue;
		r = one_sig(v->d, sigs[i], w, sizeof w);
		if (rank[r] > rank[best]) {
			best = r;
			snprintf(o->why, sizeof o->why, "%s", w);
			tag_value(o->d, sizeof o->d, dkim_sig_getdomain(sigs[i]));
			tag_value(o->s, sizeof o->s, dkim_sig_getselector(sigs[i]));
		}
	}
	return best;
}

enum dkimv_result dkimv_finish(struct dkimv *v, const char *domain, struct dkimv_outcome *o)
{
	enum dkimv_result r = DKIMV_NONE;

	memset(o, 0, sizeof *o);
	snprintf(o->why, sizeof o->why, "no dkim signature of %s", domain);
	if (!v->eoh_done)
		dkimv_body(v, "", 0);
	if (!v->broken && v->eoh == DKIM_STAT_OK) {
		if (v->lib->dns)
			dkimdns_deadline(v->lib->dns);	/* all its key lookups in timeout_ms */
		(void)dkim_eom(v->d, NULL);	/* the per-signature results say it all */
		r = best_sig(v, domain, o);
	} else if (v->broken) {
		snprintf(o->why, sizeof o->why, "dkim: the message could not be read");
	}
	metrics_count(MC_DKIM_VERIFICATIONS, r, 0);
	dkimv_abort(v);
	return r;
}

void dkimv_abort(struct dkimv *v)
{
	if (!v)
		return;
	dkim_free(v->d);
	free(v);
}

const char *dkimv_result_name(enum dkimv_result r)
{
	static const char *const names[] = { "none", "pass", "fail", "temperror" };

	return (unsigned)r < 4 ? names[r] : "none";
}

const char *dkimv_result_label(unsigned r)
{
	return dkimv_result_name((enum dkimv_result)r);
}
