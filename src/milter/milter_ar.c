/* milter_ar.c - our Authentication-Results headers, told apart: the ones a
 * verifier milter added on this host before us count; the ones that came
 * with the mail are forgeries (RFC 8601 section 5), removed like forged
 * X-LinkedIn-* headers. Below a Received header, one came with the mail.
 * Over SMTP neither Postfix nor Sendmail shows a milter its own Received
 * header, so a forgery at the head of the mail looks like the verifier's:
 * the verifier's job id in its authserv-id (OpenDKIM and OpenDMARC with
 * AuthservIDWithJobID: "mx.example.org/QUEUEID") proves its headers; an
 * unstamped one on top is believed when it says fail, not when it says
 * pass. */
#include "autoconfig.h"
#include "milter_ar.h"

#include <stdio.h>
#include <string.h>
#include "authres.h"
#include "log.h"

void ar_track_header(struct ar_track *t, const struct strlist *authserv_id, const char *value,
		     bool below)
{
	char job[MAX_JOB_ID];

	t->seen++;
	if (!authres_ours(authserv_id, value, job, sizeof job))
		return;
	if (t->n == MAX_OWN_AR) {
		t->more = true;
		return;
	}
	t->ours[t->n].index = t->seen;
	t->ours[t->n].below = below;
	memcpy(t->ours[t->n].job, job, sizeof job);
	t->n++;
}

static enum ar_trust trust(const struct own_ar *o, const char *qid, bool stamped)
{
	if (o->below)
		return AR_FORGED;
	if (o->job[0])
		return qid && strcmp(o->job, qid) == 0 ? AR_TRUSTED : AR_FORGED;
	/* on top, unstamped: the verifier's (one that does not stamp), or a
	 * forgery at the head of the mail; the MTA's Received header, which
	 * would tell, is not shown to milters over SMTP (Postfix, Sendmail) */
	return stamped ? AR_FORGED : AR_FAIL_ONLY;
}

size_t ar_track_settle(struct ar_track *t, const char *qid, struct headers *h)
{
	bool stamped = false;

	for (size_t i = 0; qid && i < t->n; i++)
		stamped = stamped || strcmp(t->ours[i].job, qid) == 0;
	t->n_forged = 0;
	for (size_t i = 0; i < t->n; i++) {
		unsigned k = t->ours[i].index;
		enum ar_trust v = trust(&t->ours[i], qid, stamped);

		if (k - 1 < MAX_AUTH_RESULTS)	/* the engine keeps them in the same order */
			h->ar_trust[k - 1] = (unsigned char)v;
		if (v == AR_FORGED)
			t->forged[t->n_forged++] = k;
	}
	return t->n_forged;
}

void ar_track_remove(struct act *a, const struct ar_track *t)
{
	for (size_t k = t->n_forged; k > 0; k--)	/* last first: indexes stay valid */
		remove_header(a, "Authentication-Results", t->forged[k - 1]);
	if (t->n_forged)
		log_msg(LOG_NOTICE, "%s: removed %zu forged Authentication-Results header%s "
			"naming our authserv-id%s", a->qid, t->n_forged, t->n_forged == 1 ? "" : "s",
			t->more ? " (and kept more of them unread)" : "");
}
