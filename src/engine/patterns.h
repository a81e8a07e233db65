/* patterns.h - the pattern data files (patterns.conf, lexicons.conf): loaded,
 * checked and compiled once (PCRE2 with the JIT where it can), then shared
 * read-only by every thread. The roles are the engine's vocabulary; the
 * strings that recognise LinkedIn mail live only in the data files.
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_PATTERNS_H
#define LM_PATTERNS_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include "strlist.h"

enum role {
	/* literal entries: a domain, compared exactly or as a parent domain */
	ROLE_DOMAIN,		/* genuine sender / bounce domains */
	ROLE_LINKHOST,		/* hosts genuine mail may link to */
	ROLE_FREEMAIL,		/* free-mail providers (a sender there is no company) */
	/* regexes on headers */
	ROLE_LOOKALIKE,		/* a domain that imitates a genuine one */
	ROLE_DISPLAY,		/* a From display name that claims to be LinkedIn */
	ROLE_GATE,		/* a subject that may be LinkedIn mail: read the body */
	ROLE_FORWARD,		/* a subject of a reply or forward */
	ROLE_TAG,		/* a gateway's tag before a subject or display name */
	ROLE_LIST_TAG,		/* a list's subject prefix (mail with List-Id) */
	ROLE_SUBJECT_INVITATION,
	ROLE_SUBJECT_REMINDER,
	ROLE_SUBJECT_LINKEDIN,
	ROLE_TEMPLATE_INVITATION,	/* X-LinkedIn-Template */
	ROLE_TEMPLATE_REMINDER,
	ROLE_TEMPLATE_LINKEDIN,
	ROLE_CLASS_INVITATION,		/* X-LinkedIn-Class */
	ROLE_CLASS_LINKEDIN,
	/* regexes on the decoded text */
	ROLE_BODY_INVITATION,
	ROLE_BODY_REMINDER,
	ROLE_BODY_LINKEDIN,
	ROLE_BODY_CLAIM,	/* LinkedIn's own layout or wording: the text claims to be its */
	ROLE_BODY_LURE,		/* an invitation shape: a button with connection wording */
	ROLE_MENTION,		/* the name LinkedIn (or a look-alike) in a subject or text */
	ROLE_CUT,		/* where the inviter's part of the text ends */
	ROLE_BANNER,		/* a gateway's warning paragraph, top or bottom */
	ROLE_REWRITER,		/* a gateway's rewritten link: how to recover it */
	/* reading the invitation: each role one job (extract.c) */
	ROLE_NAME_FROM,		/* group name: the inviter in the From name */
	ROLE_NAME_SUBJECT,	/* group name: the inviter in the subject */
	ROLE_NAME_BODY,		/* groups name, email: a line naming the inviter */
	ROLE_LABEL,		/* a button or link label line */
	ROLE_BOILERPLATE,	/* LinkedIn's own sentence in the inviter's part */
	ROLE_LOCATION,		/* a location line of the inviter block */
	ROLE_CLAIM,		/* claim.<kind>, group org: a claim line */
	ROLE_MUTUAL,		/* group mutual: a shared-connections line */
	ROLE_LANGUAGE,		/* the section's language */
	ROLE_NOTE_PREAMBLE,	/* a line that introduces a quoted note */
	ROLE_NOTE_GREETING,	/* stripped from the start of a note */
	ROLE_NOTE_SIGNATURE,	/* stripped from the end of a note */
	ROLE_NOTE_GENERIC,	/* a stock note (matched on the normalised note) */
	ROLE_PROFILE_URL,	/* groups scheme host path query: canonical profile */
	/* lexicons used by classification */
	ROLE_NUMBERS_GAME,
	ROLE_PITCH,		/* in the job title of a headline */
	ROLE_PITCH_NOTE,	/* in a note: it sells */
	ROLE_SHARED_CONTEXT,
	ROLE_ORG_NOISE,		/* removed from folded organisation names */
	ROLE_COUNT
};

enum claim_kind {
	CLAIM_NONE, CLAIM_COLLEAGUE, CLAIM_CLASSMATE, CLAIM_FRIEND,
	CLAIM_BUSINESS, CLAIM_GROUP, CLAIM_OTHER, CLAIM_COUNT
};

struct pattern {
	enum role role;
	enum claim_kind claim;	/* ROLE_CLAIM only */
	char lang[4];		/* "en", ... or "" for any */
	char *era;		/* "2008-2013", "any", ... */
	char *status;		/* confirmed, likely, unverified */
	char *text;		/* the pattern as written */
	char *file;		/* where it came from */
	unsigned line;
	pcre2_code *code;	/* NULL for literal roles */
};

struct pattern_set {
	const struct pattern *v;
	size_t n;
};

struct patterns {
	struct pattern *v;	/* sorted by role, file order kept */
	size_t n;
	size_t first[ROLE_COUNT + 1];	/* role r is v[first[r] .. first[r+1]) */
	uint32_t max_groups;
	bool jit;		/* every pattern has JIT code */
	pcre2_code *any[ROLE_COUNT];	/* a role's patterns joined, or NULL */
	char name[32];		/* the first label of the first genuine domain
				 * ("linkedin"): look-alike names are told by it */
	size_t name_len;
	char name_twice;	/* a letter twice in it ('n'), none of those read
				 * alike (i l 1 0 o): one edit leaves one; or 0 */
};

/* patterns_load - add the patterns of FILE (or, when TEXT is not NULL, of
 * that text under the name FILE) to *P; errors go to ERRS. Returns 0 when
 * the file had no error. */
int patterns_load(struct patterns *p, const char *file, const char *text,
		  struct errlist *errs);
/* patterns_finish - sort by role and index; call once after loading; 0 */
int patterns_finish(struct patterns *p);
void patterns_free(struct patterns *p);
/* patterns_join - for each role, its patterns as one regex where that means
 * the same (patterns_any.c); patterns_unjoin frees them */
void patterns_join(struct patterns *p);
void patterns_unjoin(struct patterns *p);

static inline struct pattern_set patterns_role(const struct patterns *p,
						enum role r)
{
	struct pattern_set s = { NULL, 0 };

	if (p->v) {	/* (no patterns at all: NULL + 0 is not C) */
		s.v = p->v + p->first[r];
		s.n = p->first[r + 1] - p->first[r];
	}
	return s;
}

const char *role_name(enum role r);
const char *claim_name(enum claim_kind c);

/* A match against one pattern; groups are read with match_group(). */
struct match {
	const struct pattern *pat;
	const char *subject;
	pcre2_match_data *md;
};

/* pattern_match - true when PAT matches SUBJECT[0..LEN); M may be NULL */
bool pattern_match(const struct pattern *pat, const char *subject, size_t len,
		   struct match *m);
/* set_match - first pattern of S that matches, or NULL */
const struct pattern *set_match(struct pattern_set s, const char *subject,
				size_t len, struct match *m);
/* role_match - S matches a pattern of role R */
bool role_match(const struct patterns *p, enum role r, const char *s, size_t len);
/* role_first - where the earliest match of any pattern of role R starts
 * in S, or -1; *WHICH (if not NULL) gets that pattern */
long role_first(const struct patterns *p, enum role r, const char *s, size_t len,
		const struct pattern **which);
/* match_end - where the whole match of M ends in its subject */
size_t match_end(const struct match *m);
/* match_group - the named group NAME of M; *LEN set; NULL when unset */
const char *match_group(const struct match *m, const char *name, size_t *len);
/* compile_regex - compile one user regex with the engine's options; on error
 * NULL and a message in ERR */
pcre2_code *compile_regex(const char *re, char *err, size_t errlen);
/* regex_match - true when CODE matches S (used for user rules and profiles) */
bool regex_match(const pcre2_code *code, const char *s, size_t len);
/* domain_in_set - HOST equals an entry of S or is a subdomain of one */
bool domain_in_set(struct pattern_set s, const char *host, size_t len);

#endif
