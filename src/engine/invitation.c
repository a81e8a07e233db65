/* invitation.c - names of kinds and verdicts, the field table (what the
 * test mode writes and user rules match); freeing an invitation */
#include "autoconfig.h"
#include "invitation.h"
#include "str.h"

#include <stdlib.h>
#include <string.h>

/* the one spelling of each kind: JSON, logs, our headers, metrics, actions */
static const char *const kinds[] = { "none", "invitation", "reminder", "notification" };
static const char *const note_kinds[] = { NULL, "none", "personal", "generic" };
static const char *const verdicts[VERDICT_COUNT] = {
	"accept", "consider", "ask", "decline", "ignore", "phish"
};

/* ---------------------------------------------------------------- fields */

static const char *f_name(const struct field_src *s) { return s->inv->name; }
static const char *f_headline(const struct field_src *s) { return s->inv->headline; }
static const char *f_profile_url(const struct field_src *s) { return s->inv->profile_url; }
static const char *f_email(const struct field_src *s) { return s->inv->email; }
static const char *f_note(const struct field_src *s) { return s->inv->note; }
static const char *f_claim_org(const struct field_src *s) { return s->inv->claim_org; }
static const char *f_recipient(const struct field_src *s) { return s->rcpt; }
static const char *f_subject(const struct field_src *s) { return s->subject; }
static long f_mutual(const struct field_src *s) { return s->inv->mutual; }

static const char *f_note_kind(const struct field_src *s)
{
	enum kind k = s->inv->kind;

	return k == KIND_INVITATION || k == KIND_REMINDER ? note_kind_name(s->inv->note_kind)
							    : NULL;
}

static const char *f_claim(const struct field_src *s)
{
	return s->inv->claim != CLAIM_NONE ? claim_name(s->inv->claim) : NULL;
}

static const char *f_language(const struct field_src *s)
{
	return s->inv->language[0] ? s->inv->language : NULL;
}

#define TEXT(n, rule, json, get) { n, rule, json, get, NULL }
static const struct field_def fields[] = {
	[FIELD_NAME] = TEXT("inviter.name", true, true, f_name),
	[FIELD_HEADLINE] = TEXT("inviter.headline", true, true, f_headline),
	[FIELD_PROFILE_URL] = TEXT("inviter.profile_url", true, true, f_profile_url),
	[FIELD_EMAIL] = TEXT("inviter.email", true, true, f_email),
	[FIELD_NOTE] = TEXT("note", true, true, f_note),
	[FIELD_NOTE_KIND] = TEXT("note_kind", true, true, f_note_kind),
	[FIELD_CLAIM] = TEXT("claim", true, true, f_claim),
	[FIELD_CLAIM_ORG] = TEXT("claim_org", true, true, f_claim_org),
	[FIELD_MUTUAL] = { "mutual", false, true, NULL, f_mutual },
	[FIELD_LANGUAGE] = TEXT("language", true, true, f_language),
	[FIELD_RECIPIENT] = TEXT("recipient", true, false, f_recipient),
	[FIELD_SUBJECT] = TEXT("subject", true, false, f_subject),
};
_Static_assert(sizeof fields / sizeof fields[0] == FIELD_COUNT, "a row for every field");

const struct field_def *field_def(enum field f)
{
	return f >= 0 && f < FIELD_COUNT ? &fields[f] : NULL;
}

const char *field_text(enum field f, const struct field_src *src)
{
	const struct field_def *d = field_def(f);

	return d && d->text ? d->text(src) : NULL;
}

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
	return f >= 0 && f < FIELD_COUNT ? fields[f].name : "?";
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
		if (fields[i].rule && strcmp(s, fields[i].name) == 0)
			return i;
	return -1;
}

void invitation_free(struct invitation *inv)
{
	FREE_ALL(inv->name, inv->headline, inv->profile_url, inv->email, inv->note, inv->claim_org);
	memset(inv, 0, sizeof *inv);
	inv->authentic = -1;
	inv->mutual = -1;
}
