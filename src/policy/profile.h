/* profile.h - whose mail it is and how it is judged: the owner's (or a
 * recipient's) names, organisations, contacts and mode, what is done for
 * each verdict, and the user's own rules. The config layer fills them.
 *
 * DIAGNOSTICS (policy): judging and planning a message cannot fail on
 * input; out of memory while judging fails inbound_eom() (on_error);
 * lists loaded with the configuration report FILE:LINE errors. */
#ifndef LM_PROFILE_H
#define LM_PROFILE_H
#include <stdbool.h>
#include <stddef.h>
#include "invitation.h"
#include "patterns.h"
#include "strlist.h"

enum mode { MODE_STRICT, MODE_SELECTIVE, MODE_OPEN, MODE_COUNT };

/* action slots: one per verdict, and one for other LinkedIn notifications */
#define ACTION_NOTIFICATION VERDICT_COUNT
#define ACTION_COUNT (VERDICT_COUNT + 1)

struct action {
	bool tag;		/* add X-LinkedIn-Verdict/-Reasons/-Inviter */
	char *subject_prefix;	/* "" = leave the subject alone */
	char *folder;		/* X-LinkedIn-Folder value, "" = none */
	char *detail;		/* recipient +detail, "" = none */
	bool quarantine;	/* hold in the MTA's quarantine */
	bool explain;		/* add X-LinkedIn-Explanation: why, in a sentence */
	char *draft;		/* template name, "" = no draft */
};

struct contacts;

struct profile {
	char *label;		/* "owner" or "profiles[N]" for logs */
	struct strlist recipient_res;	/* regexes, as written */
	pcre2_code **recipients;
	struct strlist names, employers, schools, groups, contacts_files;
	struct strlist org_keys[3];	/* employers, schools, groups as compared */
	struct strlist folded[3];	/* the same, folded, to find in notes */
	struct contacts *contacts;
	enum mode mode;
	char *language;		/* draft language when the invitation's has none */
	struct strlist languages;	/* the languages the owner writes: a note
					 * clearly in one of them is answered in it */
	char *address;		/* draft From; "" = the envelope recipient */
	struct action actions[ACTION_COUNT];
};

/* a user rule: a field matched by a regex decides the verdict */
struct rule {
	enum field field;
	pcre2_code *re;
	char *re_text;
	enum verdict verdict;
	char *reason;
	bool before;		/* before the default rules, else after */
};

/* what classification reads besides the profile: the patterns (pitch words,
 * organisation noise) and the user's rules; the config layer's */
struct policy {
	const struct patterns *patterns;
	const struct rule *rules;
	size_t n_rules;
};

extern const char *const mode_names[MODE_COUNT + 1];	/* NULL-terminated */
const char *mode_name(enum mode m);

#endif
