/* dkimdns.c - libopendkim's key lookups answered by libunbound: a query is
 * started asynchronously, the thread that asked waits on libunbound's file
 * descriptor until the answer or its deadline (then the query is cancelled:
 * a timeout, which libopendkim turns into a key failure, temperror). Answers
 * with data are kept as DNS packets per name for their TTL, in a cache of
 * at most MAX_KEYS names; libopendkim reads the packet either way. */
#include "autoconfig.h"
#include "dkimdns.h"

#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unbound.h>
#include <opendkim/dkim.h>
#include "metrics.h"

#define MAX_KEYS 64		/* names cached */
#define MAX_PACKET 4096		/* a bigger answer is used, not cached */
#define MAX_NAME 256
#define MAX_TTL 86400		/* a key is asked again at least daily */

struct cached {
	char name[MAX_NAME];
	unsigned char pkt[MAX_PACKET];
	size_t len;
	time_t expires;
};

struct dkimdns {
	struct ub_ctx *ub;
	pthread_mutex_t lock;	/* the cache, libunbound's processing, the queries' state */
	int timeout_ms;
	struct cached cache[MAX_KEYS];
};

struct query {
	struct dkimdns *d;
	char name[MAX_NAME];
	unsigned char *buf;	/* libopendkim's, for the answer packet */
	size_t buflen, len;
	int async_id;
	bool done, failed, from_cache;
};

static _Thread_local uint64_t deadline_ms;	/* this thread's message's */

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void dkimdns_deadline(const struct dkimdns *d)
{
	deadline_ms = now_ms() + (uint64_t)d->timeout_ms;
}

/* SERVER as libunbound spells it, "address@port", into OUT; -1 when it is
 * not an IPv4 or IPv6 address with an optional port */
static int server_spec(const char *server, char *out, size_t len)
{
	char addr[64], *end;
	const char *port = NULL, *colon = strrchr(server, ':');
	unsigned char bin[16];
	size_t n;
	long p = 53;

	if (server[0] == '[') {	/* [v6]:port or [v6] */
		const char *close = strchr(server, ']');

		if (!close || (close[1] && close[1] != ':'))
			return -1;
		n = (size_t)(close - server - 1);
		port = close[1] ? close + 2 : NULL;
		server++;
	} else if (colon && strchr(server, ':') == colon) {	/* v4:port */
		n = (size_t)(colon - server);
		port = colon + 1;
	} else {
		n = strlen(server);
	}
	if (n == 0 || n >= sizeof addr)
		return -1;
	memcpy(addr, server, n);
	addr[n] = '\0';
	if (inet_pton(AF_INET, addr, bin) != 1 && inet_pton(AF_INET6, addr, bin) != 1)
		return -1;
	if (port && ((p = strtol(port, &end, 10)) < 1 || p > 65535 || *end || end == port))
		return -1;
	return snprintf(out, len, "%s@%ld", addr, p) < (int)len ? 0 : -1;
}

int dkimdns_server_ok(const char *server)
{
	char spec[80];

	return !server || !*server || server_spec(server, spec, sizeof spec) == 0;
}

struct dkimdns *dkimdns_new(const char *server, int timeout_ms, char *err, size_t len)
{
	struct dkimdns *d = calloc(1, sizeof *d);
	char spec[80];
	int rc = 0;

	if (!d || !(d->ub = ub_ctx_create())) {
		snprintf(err, len, "out of memory");
		free(d);
		return NULL;
	}
	pthread_mutex_init(&d->lock, NULL);
	d->timeout_ms = timeout_ms;
	/* a thread, not a process, answers in the background: the daemon's
	 * privileges and descriptors stay in one process */
	if ((rc = ub_ctx_async(d->ub, 1)) == 0) {
		if (server && *server)
			rc = server_spec(server, spec, sizeof spec) < 0 ? UB_SYNTAX
			     : ub_ctx_set_fwd(d->ub, spec);
		else
			(void)ub_ctx_resolvconf(d->ub, NULL);	/* none: recursion from the roots */
	}
	if (rc != 0) {
		snprintf(err, len, "dns_resolver \"%s\": %s", server ? server : "",
			 rc == UB_SYNTAX ? "not an address[:port]" : ub_strerror(rc));
		dkimdns_free(d);
		return NULL;
	}
	return d;
}

void dkimdns_free(struct dkimdns *d)
{
	if (!d)
		return;
	ub_ctx_delete(d->ub);
	pthread_mutex_destroy(&d->lock);
	free(d);
}

/* ---------------------------------------------------------------- the cache */

/* the cached answer of NAME into Q; under the lock */
static bool cache_get(struct dkimdns *d, struct query *q)
{
	time_t now = time(NULL);

	for (int i = 0; i < MAX_KEYS; i++) {
		struct cached *c = &d->cache[i];

		if (c->len && c->expires > now && strcasecmp(c->name, q->name) == 0 &&
		    c->len <= q->buflen) {
			memcpy(q->buf, c->pkt, c->len);
			q->len = c->len;
			return true;
		}
	}
	return false;
}

/* keep the answer R to NAME: in a free or expired slot, else over the one
 * that expires first; under the lock */
static void cache_put(struct dkimdns *d, const char *name, const struct ub_result *r)
{
	time_t now = time(NULL);
	struct cached *slot = &d->cache[0];

	if (!r->havedata || r->ttl <= 0 || r->answer_len <= 0 || r->answer_len > MAX_PACKET)
		return;
	for (int i = 0; i < MAX_KEYS; i++) {
		struct cached *c = &d->cache[i];

		if (!c->len || c->expires <= now || strcasecmp(c->name, name) == 0) {
			slot = c;
			break;
		}
		if (c->expires < slot->expires)
			slot = c;
	}
	snprintf(slot->name, sizeof slot->name, "%s", name);
	memcpy(slot->pkt, r->answer_packet, (size_t)r->answer_len);
	slot->len = (size_t)r->answer_len;
	slot->expires = now + (r->ttl < MAX_TTL ? r->ttl : MAX_TTL);
}

/* ---------------------------------------------------------------- libopendkim's hooks */

/* libunbound's answer to Q, in whichever thread processes it; under the lock */
static void answered(void *arg, int err, struct ub_result *r)
{
	struct query *q = arg;

	q->done = true;
	/* a server failure, a refusal: no answer (NXDOMAIN is one: no key) */
	q->failed = err != 0 || !r || !r->answer_packet || r->answer_len <= 0 ||
		    (size_t)r->answer_len > q->buflen || (r->rcode != 0 && r->rcode != 3);
	if (!q->failed) {
		memcpy(q->buf, r->answer_packet, (size_t)r->answer_len);
		q->len = (size_t)r->answer_len;
		cache_put(q->d, q->name, r);
	}
	if (r)
		ub_resolve_free(r);
}

static int q_start(void *srv, int type, unsigned char *name, unsigned char *buf,
		   size_t buflen, void **qh)
{
	struct dkimdns *d = srv;
	struct query *q = calloc(1, sizeof *q);
	int rc = 0;

	if (!q || strlen((const char *)name) >= sizeof q->name) {
		free(q);
		return DKIM_DNS_ERROR;
	}
	*q = (struct query){ .d = d, .buf = buf, .buflen = buflen };
	snprintf(q->name, sizeof q->name, "%s", (const char *)name);
	pthread_mutex_lock(&d->lock);
	if (cache_get(d, q)) {
		q->done = q->from_cache = true;
		metrics_count(MC_DKIM_CACHE_HITS, 0, 0);
	} else {
		metrics_count(MC_DKIM_DNS_LOOKUPS, 0, 0);
		rc = ub_resolve_async(d->ub, q->name, type, 1 /* IN */, q, answered, &q->async_id);
	}
	pthread_mutex_unlock(&d->lock);
	if (rc != 0) {
		free(q);
		return DKIM_DNS_ERROR;
	}
	*qh = q;
	return DKIM_DNS_SUCCESS;
}

/* wait for Q until END (ms); true when it is answered. Every waiting thread
 * polls libunbound's descriptor and processes what came, for all of them. */
static bool wait_answer(struct dkimdns *d, struct query *q, uint64_t end)
{
	for (;;) {
		struct pollfd p = { .fd = ub_fd(d->ub), .events = POLLIN };
		uint64_t now = now_ms();
		bool done;

		pthread_mutex_lock(&d->lock);
		done = q->done;
		pthread_mutex_unlock(&d->lock);
		if (done)
			return true;
		if (now >= end)
			return false;
		/* short slices: another thread may process our answer */
		if (poll(&p, 1, (int)(end - now < 20 ? end - now : 20)) < 0 && errno != EINTR)
			return false;
		pthread_mutex_lock(&d->lock);
		(void)ub_process(d->ub);
		pthread_mutex_unlock(&d->lock);
	}
}

static int q_waitreply(void *srv, void *qh, struct timeval *to, size_t *bytes, int *error,
		       int *dnssec)
{
	struct dkimdns *d = srv;
	struct query *q = qh;
	uint64_t end = deadline_ms ? deadline_ms : now_ms() + (uint64_t)d->timeout_ms;

	if (to) {	/* libopendkim's own bound, in seconds, if it is sooner */
		uint64_t theirs = now_ms() + (uint64_t)to->tv_sec * 1000u +
				  (uint64_t)to->tv_usec / 1000u;

		end = theirs < end ? theirs : end;
	}
	if (dnssec)
		*dnssec = DKIM_DNSSEC_UNKNOWN;
	if (!wait_answer(d, q, end))
		return DKIM_DNS_EXPIRED;
	if (error)
		*error = q->failed ? -1 : 0;
	if (q->failed)
		return DKIM_DNS_ERROR;
	*bytes = q->len;
	return DKIM_DNS_SUCCESS;
}

static int q_cancel(void *srv, void *qh)
{
	struct dkimdns *d = srv;
	struct query *q = qh;

	pthread_mutex_lock(&d->lock);
	if (!q->done)	/* not answered: libunbound forgets it, never calls back */
		(void)ub_cancel(d->ub, q->async_id);
	pthread_mutex_unlock(&d->lock);
	free(q);
	return 0;
}

static void no_close(void *srv)
{
	(void)srv;	/* dkimdns_free does it */
}

void dkimdns_hook(struct dkimdns *d, void *lib)
{
	DKIM_LIB *l = lib;

	dkim_dns_set_query_service(l, d);
	dkim_dns_set_query_start(l, q_start);
	dkim_dns_set_query_waitreply(l, q_waitreply);
	dkim_dns_set_query_cancel(l, q_cancel);
	dkim_dns_set_init(l, NULL);
	dkim_dns_set_close(l, no_close);
	dkim_dns_set_nslist(l, NULL);
	dkim_dns_set_config(l, NULL);
	dkim_dns_set_trustanchor(l, NULL);
}
