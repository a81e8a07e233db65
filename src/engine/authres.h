/* authres.h - what our own Authentication-Results headers say about DKIM
 * and DMARC for a set of domains (RFC 8601)
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_AUTHRES_H
#define LM_AUTHRES_H
#include <stddef.h>
#include "headers.h"
#include "patterns.h"
#include "strlist.h"

#include <stdbool.h>

enum { AUTHRES_NONE, AUTHRES_PASS, AUTHRES_FAIL, AUTHRES_FAIL_DMARC };

/* authres_verdict - over the headers whose authserv-id is one of
 * AUTHSERV_ID, as far as TRUST (enum ar_trust of each; NULL: all trusted)
 * allows: FAIL_DMARC when one says dmarc=fail with header.from in DOMAINS;
 * else PASS when a trusted one says dkim or dmarc pass for them; else NONE
 * (a dkim=fail is no evidence either way). An empty list trusts no header. */
int authres_verdict(const struct strlist *authserv_id, const char *const *headers,
		    const unsigned char *trust, size_t n, struct pattern_set domains);
/* authres_any_id - IDS has an authserv-id that is not empty */
bool authres_any_id(const struct strlist *ids);
/* authres_ours - VALUE (an Authentication-Results value) names one of AUTHSERV_ID
 * (one that arrived with the mail is a forgery, RFC 8601 section 5); the
 * verifier's job id of "ID/JOB" into JOB (size LEN), "" when none */
bool authres_ours(const struct strlist *authserv_id, const char *value, char *job, size_t len);
/* authres_arc_pass - forwarded mail: a trusted header of ours (as in
 * authres_verdict) says arc=pass, and an ARC-Authentication-Results (AAR, NAAR
 * of them) whose authserv-id is one of SEALERS (or a host under one) says
 * dkim=pass for a domain of DOMAINS: the way Gmail and Microsoft 365 honour
 * mail that a list or forwarder changed after the trusted sealer read it */
bool authres_arc_pass(const struct strlist *authserv_id, const char *const *headers,
		      const unsigned char *trust, size_t n, const char *const *aar, size_t naar,
		      const struct strlist *sealers, struct pattern_set domains);

#endif
