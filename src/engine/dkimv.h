/* dkimv.h - our own DKIM verification of LinkedIn's signatures, with
 * libopendkim: one library handle per configuration, one verification per
 * LinkedIn-like message, fed its headers and its whole body in chunks *
 * DIAGNOSTICS (engine): a verification that cannot start or finish (no
 * memory, no key in time) is no evidence (none or temperror), never a fail;
 * out of memory in our own allocations fails the scan step (scan.h) */
#ifndef LM_DKIMV_H
#define LM_DKIMV_H
#include <stddef.h>
#include <stdbool.h>

enum dkimv_mode { DKIMV_AUTO, DKIMV_ON, DKIMV_OFF };
enum dkimv_result { DKIMV_NONE, DKIMV_PASS, DKIMV_FAIL, DKIMV_TEMPERROR };

struct dkimv_lib;
struct dkimv;

/* dkimv_lib_new - KEYFILE (a libopendkim key file: "selector._domainkey.domain
 * TXT-data" lines; tests only) or, when NULL/"", DNS through RESOLVER
 * ("address[:port]" or "", the system's; dkimdns.h), one message's key
 * lookups bounded by TIMEOUT_MS, keys cached for their TTL; NULL when out of
 * memory or libopendkim or libunbound refuses (why into ERR, size LEN) */
struct dkimv_lib *dkimv_lib_new(const char *keyfile, const char *resolver, int timeout_ms,
				 char *err, size_t len);
void dkimv_lib_free(struct dkimv_lib *lib);

/* dkimv_start - a verification of the signatures of DOMAIN (a string that
 * outlives it) and its subdomains, others ignored; NULL when it cannot
 * start (no evidence) */
struct dkimv *dkimv_start(struct dkimv_lib *lib, const char *domain);
/* dkimv_header - one header, "Name: value" (LEN bytes); -1 on an error */
int dkimv_header(struct dkimv *v, const char *hdr, size_t len);
/* dkimv_body - a chunk of the body, as it came; -1 on an error */
int dkimv_body(struct dkimv *v, const char *data, size_t len);
/* what a verification found: the result, why, and the signature it is about */
struct dkimv_outcome {
	char why[160];		/* a short explanation, for logs and test mode */
	char d[64], s[64];	/* its d= and s=, letters, digits, "-._" only; "" when none */
};

/* dkimv_finish - the result over the signatures whose d= is DOMAIN or a
 * subdomain of it: PASS when one verifies over the whole body, TEMPERROR
 * when a key could not be had, FAIL when one is there and broken, NONE when
 * none; what it is about into OUT; frees V */
enum dkimv_result dkimv_finish(struct dkimv *v, const char *domain, struct dkimv_outcome *out);
/* dkimv_aligned - D is DOMAIN or a subdomain of it (relaxed alignment) */
bool dkimv_aligned(const char *d, const char *domain);
/* dkimv_abort - frees V without a result */
void dkimv_abort(struct dkimv *v);
/* dkimv_result_name - "pass", "fail", "temperror", "none" */
const char *dkimv_result_name(enum dkimv_result r);

/* dkimv_result_label - dkimv_result_name for the metrics (metrics_names) */
const char *dkimv_result_label(unsigned r);

#endif
