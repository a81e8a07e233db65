/* imap_url.c - the URL of an IMAP store taken apart: scheme, user and
 * password (%-decoded), host (an IPv6 literal in brackets), port (1 to
 * 65535, range-checked), folder (Drafts when none) and the options tls-ca,
 * tls-verify and cleartext; anything else is refused */
#include "autoconfig.h"
#include "imap_url.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* %XX in a URL part */
static void url_decode(char *s)
{
	char *w = s;

	for (char *r = s; *r; r++) {
		if (r[0] == '%' && isxdigit((unsigned char)r[1]) && isxdigit((unsigned char)r[2])) {
			char hex[3] = { r[1], r[2], 0 };

			*w++ = (char)strtol(hex, NULL, 16);
			r += 2;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

static int copy_part(char *dst, size_t len, const char *src, size_t n)
{
	if (n >= len)
		return -1;
	memcpy(dst, src, n);
	dst[n] = '\0';
	url_decode(dst);
	return 0;
}

/* one OPTION=VALUE of the URL's query into T; -1 when unknown */
static int url_option(const char *opt, size_t n, struct imap_url *t)
{
	char o[600];

	if (copy_part(o, sizeof o, opt, n) < 0)
		return -1;
	if (strncmp(o, "tls-ca=/", 8) == 0)
		return snprintf(t->ca_file, sizeof t->ca_file, "%s", o + 7) <
		       (int)sizeof t->ca_file ? 0 : -1;
	if (strcmp(o, "tls-verify=no") == 0 || strcmp(o, "tls-verify=yes") == 0)
		t->verify = o[11] == 'y';
	else if (strcmp(o, "cleartext=no") == 0 || strcmp(o, "cleartext=yes") == 0)
		t->cleartext = o[10] == 'y';
	else
		return -1;
	return 0;
}

/* the options after '?' in Q, separated by '&' */
static int url_options(const char *q, struct imap_url *t)
{
	while (*q) {
		size_t n = strcspn(q, "&");

		if (n && url_option(q, n, t) < 0)
			return -1;
		q += n + (q[n] == '&');
	}
	return 0;
}

/* the port in P..END: 1 to 65535, digits only */
static int parse_port(const char *p, const char *end, uint16_t *port)
{
	unsigned long v = 0;

	if (p == end)
		return -1;
	for (; p < end; p++) {
		if (!isdigit((unsigned char)*p) || (v = v * 10 + (unsigned long)(*p - '0')) > 65535)
			return -1;
	}
	*port = (uint16_t)v;
	return v ? 0 : -1;
}

/* host[:port] or [IPv6]:port in P..END into T (the brackets taken off) */
static int host_port(const char *p, const char *end, struct imap_url *t)
{
	const char *host = p, *host_end, *colon;

	if (*p == '[') {
		if (!(host_end = memchr(p, ']', (size_t)(end - p))) ||
		    strspn(p + 1, "0123456789abcdefABCDEF:.") != (size_t)(host_end - p - 1))
			return -1;
		host++;
		colon = host_end + 1 < end ? host_end + 1 : NULL;
		if (colon && *colon != ':')
			return -1;
	} else {
		colon = memchr(p, ':', (size_t)(end - p));
		host_end = colon ? colon : end;
	}
	if (copy_part(t->host, sizeof t->host, host, (size_t)(host_end - host)) < 0 ||
	    !t->host[0] || strpbrk(t->host, "[]/ \t\r\n"))
		return -1;
	if (!colon) {
		t->port = t->tls ? 993 : 143;
		return 0;
	}
	return parse_port(colon + 1, end, &t->port);
}

/* imap[s]://[user[:password]@]host[:port]/folder[?options] */
int imap_url_parse(const char *url, struct imap_url *t)
{
	const char *p, *at, *slash, *colon, *query;
	size_t flen;

	memset(t, 0, sizeof *t);
	t->verify = true;
	t->tls = strncmp(url, "imaps://", 8) == 0;
	p = url + (t->tls ? 8 : 7);
	slash = p + strcspn(p, "/?");
	at = memrchr(p, '@', (size_t)(slash - p));
	if (at) {
		colon = memchr(p, ':', (size_t)(at - p));
		if (copy_part(t->user, sizeof t->user, p, (size_t)((colon ? colon : at) - p)) < 0 ||
		    (colon && copy_part(t->password, sizeof t->password, colon + 1,
					(size_t)(at - colon - 1)) < 0))
			return -1;
		p = at + 1;
	}
	if (host_port(p, slash, t) < 0)
		return -1;
	query = slash + strcspn(slash, "?");
	flen = *slash == '/' ? (size_t)(query - slash - 1) : 0;
	if (copy_part(t->folder, sizeof t->folder, slash + (*slash == '/'), flen) < 0 ||
	    (*query && url_options(query + 1, t) < 0))
		return -1;
	if (!t->folder[0])
		strcpy(t->folder, "Drafts");
	return 0;
}

int imap_url_check(const char *url, char *err, size_t errlen)
{
	struct imap_url t;

	if (imap_url_parse(url, &t) == 0)
		return 0;
	snprintf(err, errlen, "not imap[s]://[USER[:PASSWORD]@]HOST[:PORT]/FOLDER"
		 "[?tls-ca=/FILE&tls-verify=no&cleartext=yes]");
	return -1;
}

void imap_url_host_key(const char *url, char *out, size_t len)
{
	struct imap_url u;

	if (strncmp(url, "imap", 4) == 0 && imap_url_parse(url, &u) == 0)
		snprintf(out, len, "imap:%s:%u", u.host, (unsigned)u.port);
	else
		snprintf(out, len, "local");
}

int imap_url_split_password(const char *url, char *bare, size_t barelen, char *pw, size_t pwlen)
{
	const char *start = strstr(url, "://"), *end, *at, *colon;
	size_t n = strlen(url);

	if (pwlen)
		pw[0] = '\0';
	if (strncmp(url, "imap", 4) || !start)
		return snprintf(bare, barelen, "%s", url) < (int)barelen ? 0 : -1;
	start += 3;
	end = start + strcspn(start, "/?");	/* as imap_url_parse splits it */
	at = memrchr(start, '@', (size_t)(end - start));
	colon = at ? memchr(start, ':', (size_t)(at - start)) : NULL;
	if (!colon)
		return snprintf(bare, barelen, "%s", url) < (int)barelen ? 0 : -1;
	if (copy_part(pw, pwlen, colon + 1, (size_t)(at - colon - 1)) < 0 ||
	    n - (size_t)(at - colon) >= barelen)
		return -1;
	memcpy(bare, url, (size_t)(colon - url));
	memcpy(bare + (colon - url), at, n - (size_t)(at - url) + 1);
	return 1;
}
