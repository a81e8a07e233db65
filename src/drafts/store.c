/* store.c - where drafts go: the URL chooses the Maildir or the IMAP store;
 * %u and %d (the recipient's local part and domain) are checked before they
 * become part of a path or a login */
#include "autoconfig.h"
#include "store.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "log.h"
#include "metrics.h"

/* a local part or domain safe in a path: no "/", no leading ".", no ".." */
static int safe_part(const char *s, size_t n)
{
	if (n == 0 || n > 200 || s[0] == '.' || s[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!isalnum((unsigned char)s[i]) && !strchr("._+=-", s[i]))
			return 0;
		if (s[i] == '.' && i + 1 < n && s[i + 1] == '.')
			return 0;
	}
	return 1;
}

int store_resolve(const char *template, const char *rcpt, char *out, size_t len,
		  char *err, size_t errlen)
{
	const char *at = strrchr(rcpt, '@');
	size_t lp = at ? (size_t)(at - rcpt) : strlen(rcpt), o = 0;
	const char *dom = at ? at + 1 : "";

	/* only what the template uses must be fit for a path or a login */
	if ((strstr(template, "%u") && !safe_part(rcpt, lp)) ||
	    (strstr(template, "%d") && (!at || !safe_part(dom, strlen(dom))))) {
		snprintf(err, errlen, "recipient \"%.80s\" cannot name a store path", rcpt);
		return -1;
	}
	for (const char *p = template; *p; p++) {
		const char *v = NULL;
		size_t n = 1;

		if (p[0] == '%' && p[1] == 'u') {
			v = rcpt;
			n = lp;
			p++;
		} else if (p[0] == '%' && p[1] == 'd') {
			v = dom;
			n = strlen(dom);
			p++;
		} else {
			v = p;
		}
		if (o + n >= len) {
			snprintf(err, errlen, "store path too long");
			return -1;
		}
		for (size_t i = 0; i < n; i++)	/* domains compare in lower case */
			out[o++] = v == dom ? (char)tolower((unsigned char)v[i]) : v[i];
	}
	out[o] = '\0';
	return 0;
}

static enum store_result put(const struct store_job *j, char *err, size_t errlen)
{
	if (strncmp(j->url, "maildir:", 8) == 0)
		return maildir_put(j, err, errlen);
	if (strncmp(j->url, "imap://", 7) == 0 || strncmp(j->url, "imaps://", 8) == 0)
		return imap_put(j, err, errlen);
	snprintf(err, errlen, "unknown store %.60s", j->url);
	return STORE_FAIL;
}

enum store_kind store_kind(const char *url)
{
	return strncmp(url, "imap", 4) == 0 ? STORE_IMAP : STORE_MAILDIR;
}

const char *store_kind_name(unsigned k)
{
	static const char *const names[STORE_KIND_COUNT] = { "maildir", "imap" };

	return k < STORE_KIND_COUNT ? names[k] : "?";
}

const char *store_result_name(unsigned r)
{
	static const char *const names[] = {
		[STORE_OK] = "stored", [STORE_EXISTS] = "exists", [STORE_RETRY] = "retry",
		[STORE_FAIL] = "fail",
	};

	return r < sizeof names / sizeof *names ? names[r] : "?";
}

enum store_result store_put(const struct store_job *j, char *err, size_t errlen)
{
	uint64_t t0 = metrics_clock();
	enum store_result r = put(j, err, errlen);

	metrics_observe(MH_STORE, store_kind(j->url), t0);
	metrics_count(MC_STORE_RESULTS, store_kind(j->url), r);
	return r;
}

time_t store_now(void)
{
	const char *skew = getenv("LINKEDIN_MILTER_TEST_CLOCK");

	return time(NULL) + (skew ? (time_t)strtol(skew, NULL, 10) : 0);
}

void store_test_pause(void)
{
	const char *ms = getenv("LINKEDIN_MILTER_TEST_CLAIM_PAUSE_MS");
	long n = ms ? strtol(ms, NULL, 10) : 0;

	if (n > 0 && n <= 10000)
		usleep((useconds_t)n * 1000);
}

void store_memory_trouble(const char *where, const char *why)
{
	static time_t last;
	time_t now = time(NULL), before = __atomic_load_n(&last, __ATOMIC_RELAXED);

	if (before && now - before < 3600)
		return;
	if (!__atomic_compare_exchange_n(&last, &before, now, false, __ATOMIC_RELAXED,
					 __ATOMIC_RELAXED))
		return;
	log_msg(LOG_WARNING, "reply memory of %.200s: %.200s; drafts are looked for in the "
		"folders instead (said once an hour)", where, why);
}
