/* patterns_any.c - one regex per role that only asks "does any pattern of
 * this role match?": the role's patterns joined as alternatives, so that a
 * header value is tried once, not once per pattern. A role keeps its separate
 * patterns (and role_match falls back to them) when joining could change
 * what a pattern means: back-references or subroutine calls by number,
 * verbs such as (*COMMIT), \Q without \E, extended mode, or a join that
 * does not compile. */
#include "autoconfig.h"
#include "patterns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"

#define MAX_JOINED (64 * 1024)

/* an inline option setting (?imsx-...) or (?^...) that turns on extended mode */
static bool sets_extended(const char *p)
{
	for (; *p && *p != ')' && *p != ':'; p++)
		if (*p == 'x')
			return true;
		else if (!strchr("imnsxJU^-", *p))
			return false;
	return false;
}

/* TEXT means the same as an alternative among others */
static bool joinable(const char *text)
{
	for (const char *p = text; *p; p++) {
		if (p[0] == '\\' && p[1]) {
			if ((p[1] >= '1' && p[1] <= '9') || strchr("gkQ", p[1]))
				return false;
			p++;
			continue;
		}
		if (p[0] == '(' && p[1] == '*')
			return false;
		if (p[0] == '(' && p[1] == '?') {
			const char *q = p + 2, *d = *q == '+' || *q == '-' ? q + 1 : q;

			if (*d >= '0' && *d <= '9')	/* a group called by number */
				return false;
			if (*q == 'R' || *q == '&' || !strncmp(q, "P=", 2) || !strncmp(q, "P>", 2) ||
			    sets_extended(q))
				return false;
		}
	}
	return true;
}

/* the patterns of S as one regex, or NULL when they must stay apart */
static pcre2_code *join(struct pattern_set s, enum role r)
{
	struct buf re;
	pcre2_code *code = NULL;
	char err[256];

	if (s.n < 2)
		return NULL;
	for (size_t i = 0; i < s.n; i++)
		if (!s.v[i].code || !joinable(s.v[i].text))
			return NULL;
	buf_init(&re, MAX_JOINED);
	if (r >= ROLE_NAME_FROM)	/* roles with groups: a name may recur */
		buf_puts(&re, "(?J)");
	for (size_t i = 0; i < s.n; i++)
		buf_printf(&re, "%s(?:%s)", i ? "|" : "", s.v[i].text);
	if (re.data && !re.truncated)
		code = compile_regex(re.data, err, sizeof err);
	buf_free(&re);
	return code;
}

/* the roles of extraction tried on single lines of the text (a joined
 * regex of several roles, each marked, was measured slower than these one
 * after the other: the JIT loses each role's start-of-match optimisations) */
static const enum role line_roles[] = {
	ROLE_LABEL, ROLE_NAME_BODY, ROLE_BOILERPLATE, ROLE_CLAIM, ROLE_MUTUAL,
	ROLE_LOCATION, ROLE_NOTE_PREAMBLE
};

static void join_role(struct patterns *ps, enum role r)
{
	pcre2_code_free(ps->any[r]);
	ps->any[r] = join(patterns_role(ps, r), r);
}

/* only the roles tried on header values and on single lines: on short
 * strings one call instead of several counts; on the long decoded text a
 * joined regex loses the JIT's start-of-match optimisations and was measured
 * slower (12 % per invitation) */
void patterns_join(struct patterns *ps)
{
	for (int r = ROLE_LOOKALIKE; r <= ROLE_CLASS_LINKEDIN; r++)
		join_role(ps, (enum role)r);
	for (size_t i = 0; i < sizeof line_roles / sizeof line_roles[0]; i++)
		join_role(ps, line_roles[i]);
}

void patterns_unjoin(struct patterns *ps)
{
	for (int r = 0; r < ROLE_COUNT; r++) {
		pcre2_code_free(ps->any[r]);
		ps->any[r] = NULL;
	}

}
