/* invitation.c - names of kinds, verdicts and fields; freeing an invitation */
#include "autoconfig.h"
#include "invitation.h"

#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = { "none", "invitation", "reminder", "linkedin" };
static const char *const note_kinds[] = { NULL, "none", "personal", "generic" };
static const char *const verdicts[VERDICT_COUNT] = {
	"accept", "consider", "ask", "decline", "ignore", "phish"
};
static const char *const fields[FIELD_COUNT] = {
	"inviter.name", "inviter.headline", "inviter.profile_url", "inviter.email",
	"note", "note_kind", "claim", "claim_org", "language", "recipient", "subject"
};

const char *kind_name(enum kind k)
{
	return (unsigned)k < 4 ? kinds[k] : "none";
}

const char *note_kind_name(enum note_kind k)
{
	return (unsigned)k < 4 ? note_kinds[k] : NULL;
}

const char *verdict_name(enum verdict v)
{
	return v >= 0 && v < VERDICT_COUNT ? verdicts[v] : NULL;
}

const char *field_name(enum field f)
{
	return f >= 0 && f < FIELD_COUNT ? fields[f] : "?";
}

int verdict_from_name(const char *s)
{
	for (int i = 0; i < VERDICT_COUNT; i++)
		if (strcmp(s, verdicts[i]) == 0)
			return i;
	return -1;
}

int field_from_name(const char *s)
{
	for (int i = 0; i < FIELD_COUNT; i++)
		if (strcmp(s, fields[i]) == 0)
			return i;
	return -1;
}

void invitation_free(struct invitation *inv)
{
	free(inv->name);
	free(inv->headline);
	free(inv->profile_url);
	free(inv->email);
	free(inv->note);
	free(inv->claim_org);
	memset(inv, 0, sizeof *inv);
	inv->authentic = -1;
	inv->mutual = -1;
}
