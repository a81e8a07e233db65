/* draft_submit.c - reply drafts: rendered, their store named for the recipient
 * (never outside the configured base), then handed to the store thread
 * (milter) or stored at once (test mode) */
#include "autoconfig.h"
#include "draft_submit.h"

#include <stdio.h>
#include <string.h>
#include "draft_message.h"
#include "log.h"
#include "draft_worker.h"
#include "imap_url.h"
#include "metrics.h"
#include "store.h"

/* the spool meta of draft D: the store resolved for its recipient */
static int target(const struct draft_input *s, const struct draft *d, const char *store,
		  struct spooled *m, char *err, size_t errlen)
{
	const struct draft_settings *cfg = s->set;

	memset(m, 0, sizeof *m);
	/* the password apart (never in the URL a spool file gets), the store named */
	if (imap_url_split_password(store ? store : cfg->store, m->store, sizeof m->store,
				    m->password, sizeof m->password) < 0) {
		snprintf(err, errlen, "store URL too long");
		return -1;
	}
	if (store_resolve(m->store, d->rcpt, m->url, sizeof m->url, err, errlen) < 0)
		return -1;
	snprintf(m->credentials, sizeof m->credentials, "%s", cfg->credentials);
	snprintf(m->key, sizeof m->key, "%s", d->key);
	snprintf(m->sent, sizeof m->sent, "%s", cfg->sent_folder);
	m->once_per_days = cfg->once_per_days;
	m->timeout = cfg->imap_timeout;
	return 0;
}

int drafts_submit(const struct draft_input *s, const char *template, const char *qid)
{
	static const char *const outcome[] = {
		[HANDOFF_STORED] = "stored", [HANDOFF_EXISTS] = "exists already: not stored again",
		[HANDOFF_SPOOLED] = "waits in the spool",
	};
	struct draft d;
	struct spooled m;
	char err[400] = "";
	enum handoff h;

	if (draft_render(s, template, &d, err, sizeof err) < 0 ||
	    target(s, &d, NULL, &m, err, sizeof err) < 0) {
		log_msg(LOG_WARNING, "%s: no draft: %s", qid, err);
		draft_free(&d);
		return -1;
	}
	h = draft_queue_submit(s->set->spool, &m, d.msg.data, d.msg.len,
			       s->set->timeout_ms, err, sizeof err);
	metrics_count(MC_DRAFTS, store_kind(m.url), h);
	if (h == HANDOFF_LOST)
		log_msg(LOG_ERR, "%s: draft not stored nor spooled: %s", qid, err);
	else
		log_msg(h == HANDOFF_SPOOLED ? LOG_WARNING : LOG_INFO,
			"%s: draft %s (%s) for %s, key %s: %s%s%s", qid, d.template, d.lang, d.rcpt,
			d.key, outcome[h], h == HANDOFF_SPOOLED ? ": " : "",
			h == HANDOFF_SPOOLED ? err : "");
	draft_free(&d);
	return h == HANDOFF_LOST ? -1 : 0;
}

int drafts_store_now(const struct draft_input *s, const char *template, const char *store,
		     char *err, size_t errlen)
{
	struct draft d;
	struct spooled m;
	struct store_job j;
	int rc;

	if (draft_render(s, template, &d, err, errlen) < 0 ||
	    target(s, &d, store, &m, err, errlen) < 0) {
		draft_free(&d);
		return -1;
	}
	j = spooled_job(&m, d.msg.data, d.msg.len);
	rc = store_put(&j, err, errlen);
	draft_free(&d);
	return rc;
}

/* what became of a draft handed to the store thread, by enum handoff */
static const char *handoff_name(unsigned h)
{
	static const char *const names[] = {
		[HANDOFF_STORED] = "stored", [HANDOFF_EXISTS] = "exists",
		[HANDOFF_SPOOLED] = "spooled", [HANDOFF_LOST] = "lost",
	};

	return h < sizeof names / sizeof *names ? names[h] : "?";
}

void drafts_metrics_names(void)
{
	metrics_names(MC_DRAFTS, 0, store_kind_name, STORE_KIND_COUNT);
	metrics_names(MC_DRAFTS, 1, handoff_name, HANDOFF_LOST + 1);
	metrics_names(MC_STORE_RESULTS, 0, store_kind_name, STORE_KIND_COUNT);
	metrics_names(MC_STORE_RESULTS, 1, store_result_name, STORE_FAIL + 1);
	metrics_histogram_names(MH_STORE, store_kind_name, STORE_KIND_COUNT);
}
