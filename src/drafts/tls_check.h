/* tls_check.h - whether a TLS peer's certificate is one to trust
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_TLS_CHECK_H
#define LM_TLS_CHECK_H
#include <stddef.h>
#include <libetpan/libetpan.h>

/* tls_check - 0 when the certificate chain of stream S verifies against the
 * CAs of CA_FILE (PEM; NULL or "" for the system's) and names HOST (a DNS
 * name or an IP address); -1 with the reason in ERR otherwise */
int tls_check(mailstream *s, const char *host, const char *ca_file, char *err, size_t errlen);

#endif
