/* milter_ar.c - our Authentication-Results headers, told apart: the ones a
 * verifier milter added on this host before us count; the ones that came
 * with the mail are forgeries (RFC 8601 section 5), removed like forged
 * X-LinkedIn-* headers. Sendmail, and Postfix for local submissions, show
 * a later milter their own Received header: a verifier's header is above
 * it, what came with the mail below. Postfix's smtpd does not show it:
 * there a verifier that stamps its job id (opendkim and opendmarc with
 * AuthservIDWithJobID) tells them apart, or it removes the forged ones
 * itself (opendkim's RemoveARFrom). */
#include "autoconfig.h"
#include "milter_ar.h"

#include <stdio.h>
#include <string.h>
#include "authres.h"
#include "log.h"

void ar_track_header(struct ar_track *t, const char *authserv_id, const char *value,
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

static bool forged(const struct own_ar *o, const char *qid, bool stamped)
{
	if (o->below)
		return true;
	if (o->job[0])
		return !qid || strcmp(o->job, qid) != 0;
	return stamped;
}

size_t ar_track_settle(struct ar_track *t, const char *qid, struct headers *h)
{
	bool stamped = false;

	for (size_t i = 0; qid && i < t->n; i++)
		stamped = stamped || strcmp(t->ours[i].job, qid) == 0;
	t->n_forged = 0;
	for (size_t i = 0; i < t->n; i++) {
		unsigned k = t->ours[i].index;

		if (!forged(&t->ours[i], qid, stamped))
			continue;
		t->forged[t->n_forged++] = k;
		if (k - 1 < MAX_AUTH_RESULTS)	/* the engine keeps them in the same order */
			h->ar_local[k - 1] = false;
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
