/* dkimv.h - our own DKIM verification of LinkedIn's signatures, with
 * libopendkim: one library handle per configuration, one verification per
 * LinkedIn-like message, fed its headers and its whole body in chunks */
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
 * ("address" or "", the system's), every lookup bounded by TIMEOUT_MS;
 * NULL when out of memory or libopendkim refuses */
struct dkimv_lib *dkimv_lib_new(const char *keyfile, const char *resolver, int timeout_ms);
void dkimv_lib_free(struct dkimv_lib *lib);

/* dkimv_start - a verification; NULL when it cannot start (no evidence) */
struct dkimv *dkimv_start(struct dkimv_lib *lib);
/* dkimv_header - one header, "Name: value" (LEN bytes); -1 on an error */
int dkimv_header(struct dkimv *v, const char *hdr, size_t len);
/* dkimv_body - a chunk of the body, as it came; -1 on an error */
int dkimv_body(struct dkimv *v, const char *data, size_t len);
/* dkimv_finish - the result over the signatures whose d= is DOMAIN or a
 * subdomain of it: PASS when one verifies over the whole body, TEMPERROR
 * when a key could not be had, FAIL when one is there and broken, NONE when
 * none; a short explanation into WHY (size LEN); frees V */
enum dkimv_result dkimv_finish(struct dkimv *v, const char *domain, char *why, size_t len);
/* dkimv_abort - frees V without a result */
void dkimv_abort(struct dkimv *v);
/* dkimv_result_name - "pass", "fail", "temperror", "none" */
const char *dkimv_result_name(enum dkimv_result r);
/* dkimv_counts - verifications by result, the key lookups made; for metrics */
void dkimv_counts(unsigned long by_result[4], unsigned long *lookups);

#endif
