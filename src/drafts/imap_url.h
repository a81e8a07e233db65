/* imap_url.h - an IMAP store's URL,
 * imap[s]://[user[:password]@]host[:port]/folder[?options], taken apart;
 * the store connects with it and the configuration checks it
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_IMAP_URL_H
#define LM_IMAP_URL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct imap_url {
	bool tls;
	char host[256];
	uint16_t port;
	char user[256], password[256];
	char folder[256];
	/* the URL's options (?tls-ca=FILE&tls-verify=no&cleartext=yes) */
	char ca_file[512];	/* CAs to trust instead of the system's */
	bool verify;		/* the certificate is checked (the default) */
	bool cleartext;		/* a password may cross the network unencrypted */
};

/* imap_url_parse - URL into T (decoded, the port and folder defaulted);
 * -1 when it is not an IMAP store URL with known options */
int imap_url_parse(const char *url, struct imap_url *t);
/* imap_url_check - 0 when URL is an IMAP store URL with known options, else
 * -1 with what it should look like in ERR */
int imap_url_check(const char *url, char *err, size_t errlen);
/* imap_url_host_key - the store host of URL in OUT: "imap:HOST:PORT", or
 * "local" for a Maildir (and for a URL that is neither) */
void imap_url_host_key(const char *url, char *out, size_t len);
/* imap_url_split_password - URL without the password of its user into BARE
 * and that password (decoded) into PW ("" when none): 1 when there was one,
 * 0 when not (or URL is not an IMAP URL), -1 when a part does not fit */
int imap_url_split_password(const char *url, char *bare, size_t barelen, char *pw,
			    size_t pwlen);

#endif
