/* authres.c - read Authentication-Results headers (RFC 8601): only ours,
 * named by authserv-id, and only the dkim and dmarc results about the
 * genuine domains. Only passes are evidence for the mail (a failed DKIM
 * signature is as if absent, RFC 6376 section 6.1); a DMARC fail is the
 * evidence against it */
#include "autoconfig.h"
#include "authres.h"
#include "str.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "headers.h"

/* a copy of S without comments, and with ';' inside quotes made ',' */
static char *strip_comments(const char *s)
{
	char *out = str_ndup(s, strlen(s)), *w = out;
	int depth = 0;
	bool quoted = false;

	if (!out)
		return NULL;
	for (; *s; s++) {
		if (*s == '\\' && s[1] && (quoted || depth)) {
			if (!depth)
				*w++ = s[1];
			s++;
			continue;
		}
		if (depth) {
			depth += *s == '(' ? 1 : *s == ')' ? -1 : 0;
			continue;
		}
		if (*s == '"') {
			quoted = !quoted;
			continue;
		}
		if (!quoted && *s == '(') {
			depth = 1;
			*w++ = ' ';
			continue;
		}
		*w++ = quoted && *s == ';' ? ',' : *s;
	}
	*w = '\0';
	return out;
}

/* the value of property NAME ("header.d") in RESINFO, domain part only */
static bool prop_domain(const char *resinfo, const char *name, char *out, size_t len)
{
	size_t nl = strlen(name);
	const char *p = resinfo;

	while ((p = strcasestr(p, name)) != NULL) {
		const char *v, *e;

		if ((p > resinfo && !isspace((unsigned char)p[-1])) || p[nl] != '=') {
			p += nl;
			continue;
		}
		v = p + nl + 1;
		e = v + strcspn(v, " \t\r\n");
		if (memchr(v, '@', (size_t)(e - v)))	/* header.i=@d or user@d */
			v = (const char *)memrchr(v, '@', (size_t)(e - v)) + 1;
		if ((size_t)(e - v) >= len || e == v)
			return false;
		memcpy(out, v, (size_t)(e - v));
		out[e - v] = '\0';
		for (char *q = out; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		return true;
	}
	return false;
}

/* "dkim=pass ..." : method and result of one resinfo */
static bool method_result(const char *resinfo, char *method, char *result)
{
	const char *p = resinfo, *eq;
	size_t n;

	while (isspace((unsigned char)*p))
		p++;
	eq = p + strcspn(p, "= \t");
	if (*eq != '=' || eq == p)
		return false;
	n = strcspn(p, "/=");
	if (n >= 16)
		return false;
	memcpy(method, p, n);
	method[n] = '\0';
	p = eq + 1;
	n = strcspn(p, " \t;");
	if (n == 0 || n >= 16)
		return false;
	memcpy(result, p, n);
	result[n] = '\0';
	return true;
}

/* the verdict of one resinfo about DOMAINS; *DMARC tells which method said it */
static int resinfo_verdict(const char *resinfo, struct pattern_set domains, bool *dmarc)
{
	char method[16], result[16], dom[256];
	bool dkim;

	if (!method_result(resinfo, method, result))
		return AUTHRES_NONE;
	dkim = strcasecmp(method, "dkim") == 0;
	*dmarc = strcasecmp(method, "dmarc") == 0;
	if (!dkim && !*dmarc)
		return AUTHRES_NONE;
	if (!prop_domain(resinfo, dkim ? "header.d" : "header.from", dom, sizeof dom) &&
	    !(dkim && prop_domain(resinfo, "header.i", dom, sizeof dom)))
		return AUTHRES_NONE;
	if (!domain_in_set(domains, dom, strlen(dom)))
		return AUTHRES_NONE;
	if (strcasecmp(result, "pass") == 0)
		return AUTHRES_PASS;
	/* RFC 6376 section 6.1: a signature that fails is as if absent; only
	 * DMARC's fail (no aligned pass at all) is evidence against the mail */
	if (strcasecmp(result, "fail") == 0 && *dmarc)
		return AUTHRES_FAIL_DMARC;
	return AUTHRES_NONE;
}

/* the authserv-id that starts VALUE (after comments are gone) is one of
 * IDS; an opendkim-style "/job-id" after it is allowed */
static bool starts_with_id(const char *value, const struct strlist *ids)
{
	size_t n;

	while (isspace((unsigned char)*value))
		value++;
	n = strcspn(value, " \t;/");
	for (size_t i = 0; ids && i < ids->n; i++)
		if (ids->v[i][0] && n == strlen(ids->v[i]) &&
		    strncasecmp(value, ids->v[i], n) == 0)
			return true;
	return false;
}

bool authres_any_id(const struct strlist *ids)
{
	for (size_t i = 0; ids && i < ids->n; i++)
		if (ids->v[i][0])
			return true;
	return false;
}

static bool failed(int v)
{
	return v == AUTHRES_FAIL || v == AUTHRES_FAIL_DMARC;
}

static int header_verdict(const struct strlist *authserv_id, const char *value,
			  struct pattern_set domains)
{
	char *copy = strip_comments(value), *save = NULL, *part;
	int verdict = AUTHRES_NONE;

	if (!copy)
		return AUTHRES_NONE;
	part = strtok_r(copy, ";", &save);
	if (part && starts_with_id(part, authserv_id))
		while ((part = strtok_r(NULL, ";", &save)) != NULL) {
			bool dmarc = false;
			int v = resinfo_verdict(part, domains, &dmarc);

			if ((failed(v) && !failed(verdict)) || (v == AUTHRES_PASS && verdict == AUTHRES_NONE))
				verdict = v;
		}
	free(copy);
	return verdict;
}

/* the job id after "ID/" at the start of VALUE, into JOB ("" when none) */
static void job_id(const char *value, char *job, size_t len)
{
	size_t n;

	value += strspn(value, " \t");
	value += strcspn(value, " \t;/");
	*job = '\0';
	if (*value != '/')
		return;
	n = strcspn(++value, " \t;");
	if (n < len) {
		memcpy(job, value, n);
		job[n] = '\0';
	}
}

bool authres_ours(const struct strlist *authserv_id, const char *value, char *job, size_t len)
{
	char *copy;
	bool ours;

	*job = '\0';
	if (!authres_any_id(authserv_id) || !value)
		return false;
	if ((copy = strip_comments(value)) == NULL)
		return true;	/* out of memory: when in doubt, it goes */
	ours = starts_with_id(copy, authserv_id);
	if (ours)
		job_id(copy, job, len);
	free(copy);
	return ours;
}

int authres_verdict(const struct strlist *authserv_id, const char *const *headers,
		    const unsigned char *trust, size_t n, struct pattern_set domains)
{
	int verdict = AUTHRES_NONE;

	if (!authres_any_id(authserv_id))
		return AUTHRES_NONE;
	for (size_t i = 0; i < n; i++) {
		int t = trust ? trust[i] : AR_TRUSTED;
		int v = t == AR_FORGED ? AUTHRES_NONE : header_verdict(authserv_id, headers[i], domains);

		if (failed(v))
			return v;
		if (v == AUTHRES_PASS && t == AR_TRUSTED)
			verdict = v;
	}
	return verdict;
}

/* ---------------------------------------------------------------- ARC */

/* a trusted header of ours (IDS) says arc=pass */
static bool ours_arc_pass(const struct strlist *ids, const char *const *headers,
			  const unsigned char *trust, size_t n)
{
	bool pass = false;

	for (size_t i = 0; i < n && !pass; i++) {
		char *copy, *save = NULL, *part, method[16], result[16];

		if ((trust ? trust[i] : AR_TRUSTED) != AR_TRUSTED ||
		    (copy = strip_comments(headers[i])) == NULL)
			continue;
		part = strtok_r(copy, ";", &save);
		if (part && starts_with_id(part, ids))
			while (!pass && (part = strtok_r(NULL, ";", &save)) != NULL)
				pass = method_result(part, method, result) &&
				       strcasecmp(method, "arc") == 0 && strcasecmp(result, "pass") == 0;
		free(copy);
	}
	return pass;
}

/* AUTHSERV (N bytes) is one of SEALERS or a host under one */
static bool sealer_trusted(const char *authserv, size_t n, const struct strlist *sealers)
{
	for (size_t i = 0; sealers && i < sealers->n; i++) {
		size_t k = strlen(sealers->v[i]);

		if (k && n >= k && strncasecmp(authserv + n - k, sealers->v[i], k) == 0 &&
		    (n == k || authserv[n - k - 1] == '.'))
			return true;
	}
	return false;
}

/* one ARC-Authentication-Results ("i=1; mx.google.com; dkim=pass ...") of a
 * trusted sealer says dkim=pass for DOMAINS */
static bool aar_pass(const char *value, const struct strlist *sealers, struct pattern_set domains)
{
	char *copy = strip_comments(value), *save = NULL, *part;
	bool pass = false;

	if (!copy)
		return false;
	part = strtok_r(copy, ";", &save);	/* i=N */
	if (part && (part = strtok_r(NULL, ";", &save)) != NULL) {
		size_t n;

		part += strspn(part, " \t");
		n = strcspn(part, " \t/");
		if (sealer_trusted(part, n, sealers))
			while (!pass && (part = strtok_r(NULL, ";", &save)) != NULL) {
				bool dmarc = false;

				pass = resinfo_verdict(part, domains, &dmarc) == AUTHRES_PASS && !dmarc;
			}
	}
	free(copy);
	return pass;
}

bool authres_arc_pass(const struct strlist *authserv_id, const char *const *headers,
		      const unsigned char *trust, size_t n, const char *const *aar, size_t naar,
		      const struct strlist *sealers, struct pattern_set domains)
{
	if (!sealers || !sealers->n || !naar || !authres_any_id(authserv_id) ||
	    !ours_arc_pass(authserv_id, headers, trust, n))
		return false;
	for (size_t i = 0; i < naar; i++)
		if (aar_pass(aar[i], sealers, domains))
			return true;
	return false;
}
