/* dkimdns.h - the DNS of our DKIM verification: libopendkim's resolver hooks
 * (dkim_dns_set_*) answered by libunbound, each lookup bounded by a deadline
 * in milliseconds, and the answers kept per key name for their TTL in a
 * cache of a bounded number of keys *
 * DIAGNOSTICS (engine): a lookup that fails, times out or finds no memory
 * is a temporary error to libopendkim (no evidence); only NXDOMAIN says
 * the key is missing */
#ifndef LM_DKIMDNS_H
#define LM_DKIMDNS_H
#include <stddef.h>
#include <stdint.h>

struct dkimdns;

/* dkimdns_new - a resolver asking SERVER ("address", "address:port",
 * "[v6]:port"; NULL or "" the system's, /etc/resolv.conf), every lookup
 * bounded by TIMEOUT_MS; NULL when SERVER is not an address or libunbound
 * refuses (a line into ERR, size LEN) */
struct dkimdns *dkimdns_new(const char *server, int timeout_ms, char *err, size_t len);
void dkimdns_free(struct dkimdns *d);
/* dkimdns_hook - libopendkim's lookups of LIB (a DKIM_LIB *) go through D */
void dkimdns_hook(struct dkimdns *d, void *lib);
/* dkimdns_deadline - the lookups this thread makes from now on end by
 * now + the timeout, all together (one message's keys) */
void dkimdns_deadline(const struct dkimdns *d);
/* dkimdns_server_ok - SERVER is an address dkimdns_new takes */
int dkimdns_server_ok(const char *server);

#endif
