/* reasons.c - the one table of reason ids and the look-ups both ways */
#include "autoconfig.h"
#include "reasons.h"

#include <string.h>

static const char *const names[] = {
	[REASON_LOOKALIKE_DOMAIN] = "lookalike-domain",
	[REASON_DKIM_FAIL] = "dkim-fail",
	[REASON_DMARC_FAIL] = "dmarc-fail",
	[REASON_FOREIGN_LINKS] = "foreign-links",
	[REASON_FREEMAIL_SENDER] = "freemail-sender",
	[REASON_FOREIGN_SENDER] = "foreign-sender",
	[REASON_FOREIGN_ENVELOPE] = "foreign-envelope",
	[REASON_NO_AUTHENTICATION] = "no-authentication",
	[REASON_NOT_AUTHENTIC] = "not-authentic",
	[REASON_CLAIM_MISMATCH] = "claim-mismatch",
	[REASON_NUMBERS_GAME] = "numbers-game",
	[REASON_UNSOLICITED_PITCH] = "unsolicited-pitch",
	[REASON_KNOWN_INVITER] = "known-inviter",
	[REASON_SHARED_CONTEXT] = "shared-context",
	[REASON_PERSONAL_NOTE] = "personal-note",
	[REASON_GENERIC_NOTE] = "generic-note",
	[REASON_NO_NOTE] = "no-note",
	[REASON_USER] = "other",
};
_Static_assert(sizeof names / sizeof names[0] == REASON_COUNT, "a name for every reason");

const char *reason_name(enum reason r)
{
	return (unsigned)r < REASON_COUNT ? names[r] : names[REASON_USER];
}

enum reason reason_from_name(const char *id)
{
	for (int i = 0; i < REASON_USER; i++)
		if (id && strcmp(id, names[i]) == 0)
			return (enum reason)i;
	return REASON_USER;
}

const char *reason_label(unsigned r)
{
	return reason_name((enum reason)r);
}
