/* invitation.h - what the engine learns about one message: its kind, whether
 * it is authentic, and the fields of the invitation it carries
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_INVITATION_H
#define LM_INVITATION_H
#include <stdbool.h>
#include "dkimv.h"
#include "patterns.h"

enum kind { KIND_NONE, KIND_INVITATION, KIND_REMINDER, KIND_NOTIFICATION };

enum note_kind { NOTE_UNKNOWN, NOTE_NONE, NOTE_PERSONAL, NOTE_GENERIC };

enum verdict {
	VERDICT_ACCEPT, VERDICT_CONSIDER, VERDICT_ASK, VERDICT_DECLINE,
	VERDICT_IGNORE, VERDICT_PHISH, VERDICT_COUNT, VERDICT_NONE = -1
};

/* the fields of an invitation and its message, in the order of the test
 * mode's JSON: each a row of the field table (invitation.c) */
enum field {
	FIELD_NAME, FIELD_HEADLINE, FIELD_PROFILE_URL, FIELD_EMAIL, FIELD_NOTE,
	FIELD_NOTE_KIND, FIELD_CLAIM, FIELD_CLAIM_ORG, FIELD_MUTUAL, FIELD_LANGUAGE,
	FIELD_RECIPIENT, FIELD_SUBJECT, FIELD_COUNT
};

#define MAX_FIELD 1024		/* bytes kept of a name, headline, url, org */
#define MAX_NOTE 4096		/* bytes kept of a note */

struct invitation {
	enum kind kind;
	int authentic;		/* 1, 0, or -1 when not LinkedIn mail */
	char *name, *headline, *profile_url, *email;
	char *note;
	enum note_kind note_kind;
	enum claim_kind claim;
	char *claim_org;
	long mutual;		/* -1 when absent */
	char language[4];	/* "" when unknown */
	const char *why;	/* what settled the kind; when not authentic, the reason id */
	char why_detail[160];	/* what that reason is about: a domain, a host */
	int own_dkim;		/* enum dkimv_result of our own verification */
	struct dkimv_outcome dkim;	/* what it found; dkim.why "" when not made */
};

/* what a field is read from: the invitation and the message around it */
struct field_src {
	const struct invitation *inv;
	const char *rcpt, *subject;
};

/* one row of the field table */
struct field_def {
	const char *name;	/* in rules; "inviter.name" is "name" in the JSON object "inviter" */
	bool rule;		/* user rules can match it (its text) */
	bool json;		/* the test mode's JSON has it */
	const char *(*text)(const struct field_src *src);	/* NULL when unknown */
	long (*number)(const struct field_src *src);	/* a number field: -1 when unknown */
};

/* field_def - the row of field F; NULL when F is out of range */
const struct field_def *field_def(enum field f);
/* field_text - the text of field F of SRC; NULL when unknown or not a text */
const char *field_text(enum field f, const struct field_src *src);
const char *kind_name(enum kind k);
const char *note_kind_name(enum note_kind k);
const char *verdict_name(enum verdict v);
const char *field_name(enum field f);
int verdict_from_name(const char *s);	/* -1 when unknown */
int field_from_name(const char *s);	/* a field rules can match; -1 when none */
void invitation_free(struct invitation *inv);

#endif
