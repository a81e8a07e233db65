/* authres.h - what our own Authentication-Results headers say about DKIM
 * and DMARC for a set of domains (RFC 8601) */
#ifndef AUTHRES_H
#define AUTHRES_H
#include <stddef.h>
#include "patterns.h"

enum { AUTHRES_NONE, AUTHRES_PASS, AUTHRES_FAIL };

/* authres_verdict - over the headers whose authserv-id is AUTHSERV_ID:
 * FAIL when one says dkim=fail for a domain of DOMAINS or dmarc=fail with
 * header.from in DOMAINS; else PASS when one says pass for them; else NONE.
 * An empty AUTHSERV_ID trusts no header. */
int authres_verdict(const char *authserv_id, const char *const *headers,
		    size_t n, struct pattern_set domains);

#endif
