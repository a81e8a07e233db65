/* reasons.h - the reason ids of the default rules, one table: the id a
 * verdict carries (JSON, headers, log lines), its metric label, and the
 * number the explanation, the drafts and the metrics go by. Detection
 * (engine) gives the ids of mail that is not LinkedIn's, classification
 * (policy) the others. A user rule gives its own reason text: that is
 * REASON_USER.
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_REASONS_H
#define LM_REASONS_H

/* in the order of the metric's label values */
enum reason {
	/* not LinkedIn's mail (the ids detect.c and the phish rule give) */
	REASON_LOOKALIKE_DOMAIN, REASON_DKIM_FAIL, REASON_DMARC_FAIL,
	REASON_FOREIGN_LINKS, REASON_FREEMAIL_SENDER, REASON_FOREIGN_SENDER,
	REASON_FOREIGN_ENVELOPE, REASON_NO_AUTHENTICATION, REASON_NOT_AUTHENTIC,
	/* the default rules */
	REASON_CLAIM_MISMATCH, REASON_NUMBERS_GAME, REASON_UNSOLICITED_PITCH,
	REASON_KNOWN_INVITER, REASON_SHARED_CONTEXT, REASON_PERSONAL_NOTE,
	REASON_GENERIC_NOTE, REASON_NO_NOTE,
	REASON_USER,		/* any other text: a user rule's; its label is "other" */
	REASON_COUNT
};

/* reason_name - the id of R ("claim-mismatch"); "other" for REASON_USER */
const char *reason_name(enum reason r);
/* reason_from_name - the reason of id ID; REASON_USER when it is none of the table's */
enum reason reason_from_name(const char *id);
/* reason_label - reason_name for the metrics (an unsigned, as metrics_names asks) */
const char *reason_label(unsigned r);

#endif
