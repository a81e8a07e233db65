/* tls_check.c - is an IMAP server's certificate one to trust: the chain it
 * presented, verified with GnuTLS against the system's CAs (or a file of
 * them), and its names checked against the host the URL asked for.
 * libetpan's TLS streams do the handshake but verify nothing themselves. */
#include "autoconfig.h"
#include "tls_check.h"

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <string.h>

#define MAX_CHAIN 16

/* the DER certificates of CHAIN into CRT; how many, -1 (none kept) when one
 * is unreadable */
static int import_chain(carray *chain, gnutls_x509_crt_t *crt)
{
	int n = 0;

	for (unsigned i = 0; i < carray_count(chain) && n < MAX_CHAIN; i++) {
		MMAPString *der = carray_get(chain, i);
		gnutls_datum_t d = { (unsigned char *)der->str, (unsigned int)der->len };

		if (gnutls_x509_crt_init(&crt[n]) < 0)
			break;
		if (gnutls_x509_crt_import(crt[n], &d, GNUTLS_X509_FMT_DER) < 0) {
			gnutls_x509_crt_deinit(crt[n]);
			break;
		}
		n++;
	}
	if (n == (int)carray_count(chain) || n == MAX_CHAIN)
		return n;
	while (n > 0)
		gnutls_x509_crt_deinit(crt[--n]);
	return -1;
}

/* the trusted CAs: CA_FILE's, or the system's; -1 when there are none */
static int load_trust(gnutls_x509_trust_list_t tl, const char *ca_file)
{
	int r = ca_file && *ca_file ?
		gnutls_x509_trust_list_add_trust_file(tl, ca_file, NULL, GNUTLS_X509_FMT_PEM, 0, 0) :
		gnutls_x509_trust_list_add_system_trust(tl, 0, 0);

	return r > 0 ? 0 : -1;
}

/* why STATUS failed, in GnuTLS's words */
static void describe(unsigned int status, char *err, size_t errlen)
{
	gnutls_datum_t out = { NULL, 0 };

	if (gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, &out, 0) == 0) {
		size_t n = strlen((char *)out.data);

		while (n && (out.data[n - 1] == ' ' || out.data[n - 1] == '\n'))
			n--;
		snprintf(err, errlen, "certificate not trusted: %.*s", (int)n, (char *)out.data);
		gnutls_free(out.data);
	} else {
		snprintf(err, errlen, "certificate not trusted (status 0x%x)", status);
	}
}

int tls_check(mailstream *s, const char *host, const char *ca_file, char *err, size_t errlen)
{
	carray *chain = mailstream_get_certificate_chain(s);
	gnutls_x509_crt_t crt[MAX_CHAIN];
	gnutls_x509_trust_list_t tl = NULL;
	gnutls_typed_vdata_st name = { GNUTLS_DT_DNS_HOSTNAME, (unsigned char *)host, 0 };
	unsigned int status = 0;
	int n = -1, rc = -1;

	if (!chain || carray_count(chain) == 0) {
		snprintf(err, errlen, "no certificate presented");
	} else if ((n = import_chain(chain, crt)) <= 0) {
		snprintf(err, errlen, "a certificate could not be read");
	} else if (gnutls_x509_trust_list_init(&tl, 0) < 0) {
		snprintf(err, errlen, "out of memory checking the certificate");
		tl = NULL;
	} else if (load_trust(tl, ca_file) < 0) {
		snprintf(err, errlen, "no trusted CA certificate in %s",
			 ca_file && *ca_file ? ca_file : "the system's store");
	} else if (gnutls_x509_trust_list_verify_crt2(tl, crt, (unsigned int)n, &name, 1, 0,
						      &status, NULL) < 0 || status) {
		describe(status, err, errlen);
	} else {
		rc = 0;
	}
	if (tl)
		gnutls_x509_trust_list_deinit(tl, 1);
	for (int i = 0; i < n; i++)
		gnutls_x509_crt_deinit(crt[i]);
	if (chain)
		mailstream_certificate_chain_free(chain);
	return rc;
}
