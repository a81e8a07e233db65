/* milter_ar.h - which Authentication-Results naming our authserv-id were
 * added on this host by a verifier milter before us, and which came with
 * the mail (forged, RFC 8601 section 5: not believed, and removed)
 *
 * DIAGNOSTICS (milter): an internal error in a message's path (out of
 * memory anywhere in it) is on_error: tempfail, or accept unchanged; one
 * error line; carry_out() changes nothing when it cannot make a value. */
#ifndef LM_MILTER_AR_H
#define LM_MILTER_AR_H
#include <stdbool.h>
#include <stddef.h>
#include "headers.h"
#include "milter_apply.h"
#include "strlist.h"

#define MAX_OWN_AR 32		/* of ours that are told apart; more are forged */
#define MAX_JOB_ID 64

struct own_ar {
	unsigned index;			/* among all Authentication-Results, 1 = first */
	bool below;			/* below the MTA's own Received header */
	char job[MAX_JOB_ID];		/* "mx.example.org/JOB": the verifier's job id */
};

struct ar_track {
	unsigned seen;			/* Authentication-Results headers so far */
	struct own_ar ours[MAX_OWN_AR];
	size_t n;
	unsigned forged[MAX_OWN_AR + 1];	/* settled at the end of headers */
	size_t n_forged;
	bool more;			/* more of ours than MAX_OWN_AR */
};

/* ar_track_header - one Authentication-Results header as it arrives;
 * BELOW when the MTA's Received header was seen before it */
void ar_track_header(struct ar_track *t, const struct strlist *authserv_id, const char *value,
		     bool below);
/* ar_track_settle - at the end of headers, with the queue id QID: ours
 * are forged when below a Received header, or when their job id is not
 * this message's (once the verifier is seen to stamp job ids, one of ours
 * without this job id came with the mail); trusted with this job id;
 * believed for a fail only otherwise. Sets their trust in H; returns how
 * many are forged. */
size_t ar_track_settle(struct ar_track *t, const char *qid, struct headers *h);
/* ar_track_remove - delete the forged ones, and say so in the log */
void ar_track_remove(struct act *a, const struct ar_track *t);

#endif
