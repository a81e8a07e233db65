/* patterns.c - load, check and compile the pattern data files.
 *
 * Format, one entry a line (blank lines and "#" comments ignored):
 *   [ERA LANG]               a section: era ("2008-2013", "any") and language
 *   ROLE STATUS PATTERN      ROLE from role_names[], STATUS one of confirmed,
 *                            likely, unverified; PATTERN is the rest of the
 *                            line, PCRE2 syntax (a domain for literal roles)
 */
#include "autoconfig.h"
#include "patterns.h"
#include "strlist.h"
#include "str.h"
#include "fileio.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 8192
#define MATCH_PAIRS 64

static const char *const role_names[ROLE_COUNT] = {
	[ROLE_DOMAIN] = "domain",
	[ROLE_LINKHOST] = "linkhost",
	[ROLE_FREEMAIL] = "freemail",
	[ROLE_LOOKALIKE] = "lookalike",
	[ROLE_DISPLAY] = "display",
	[ROLE_GATE] = "gate",
	[ROLE_FORWARD] = "forward",
	[ROLE_TAG] = "tag",
	[ROLE_LIST_TAG] = "tag.list",
	[ROLE_REWRITER] = "rewriter",
	[ROLE_SUBJECT_INVITATION] = "subject.invitation",
	[ROLE_SUBJECT_REMINDER] = "subject.reminder",
	[ROLE_SUBJECT_LINKEDIN] = "subject.linkedin",
	[ROLE_TEMPLATE_INVITATION] = "template.invitation",
	[ROLE_TEMPLATE_REMINDER] = "template.reminder",
	[ROLE_TEMPLATE_LINKEDIN] = "template.linkedin",
	[ROLE_CLASS_INVITATION] = "class.invitation",
	[ROLE_CLASS_LINKEDIN] = "class.linkedin",
	[ROLE_BODY_INVITATION] = "body.invitation",
	[ROLE_BODY_REMINDER] = "body.reminder",
	[ROLE_BODY_LINKEDIN] = "body.linkedin",
	[ROLE_BODY_CLAIM] = "body.claim",
	[ROLE_BODY_LURE] = "body.lure",
	[ROLE_MENTION] = "mention",
	[ROLE_CUT] = "cut",
	[ROLE_BANNER] = "banner",
	[ROLE_NAME_FROM] = "name.from",
	[ROLE_NAME_SUBJECT] = "name.subject",
	[ROLE_NAME_BODY] = "name.body",
	[ROLE_LABEL] = "label",
	[ROLE_BOILERPLATE] = "boilerplate",
	[ROLE_LOCATION] = "location",
	[ROLE_CLAIM] = "claim",
	[ROLE_MUTUAL] = "mutual",
	[ROLE_LANGUAGE] = "language",
	[ROLE_NOTE_PREAMBLE] = "note.preamble",
	[ROLE_NOTE_GREETING] = "note.greeting",
	[ROLE_NOTE_SIGNATURE] = "note.signature",
	[ROLE_NOTE_GENERIC] = "note.generic",
	[ROLE_PROFILE_URL] = "profile.url",
	[ROLE_NUMBERS_GAME] = "numbers-game",
	[ROLE_PITCH] = "pitch",
	[ROLE_PITCH_NOTE] = "pitch-note",
	[ROLE_SHARED_CONTEXT] = "shared-context",
	[ROLE_ORG_NOISE] = "org-noise",
};

static const char *const claim_names[CLAIM_COUNT] = {
	"none", "colleague", "classmate", "friend", "business", "group", "other"
};

/* named groups a role may use; NULL = none */
static const char *const name_groups[] = { "name", "email", NULL };
static const char *const claim_groups[] = { "org", NULL };
static const char *const mutual_groups[] = { "mutual", NULL };
static const char *const url_groups[] = { "scheme", "host", "path", "query", NULL };
/* how a rewritten link is recovered: percent-encoded, Proofpoint v2, v3
 * (with its replaced characters), base64; none of them: it cannot be */
static const char *const rewriter_groups[] = { "url", "pp2", "pp3", "pp3x", "b64", NULL };

const char *role_name(enum role r)
{
	return r < ROLE_COUNT ? role_names[r] : "?";
}

const char *claim_name(enum claim_kind c)
{
	return c < CLAIM_COUNT ? claim_names[c] : "?";
}

static const char *const *allowed_groups(enum role r)
{
	switch (r) {
	case ROLE_NAME_FROM: case ROLE_NAME_SUBJECT: case ROLE_NAME_BODY:
		return name_groups;
	case ROLE_CLAIM:
		return claim_groups;
	case ROLE_MUTUAL:
		return mutual_groups;
	case ROLE_PROFILE_URL:
		return url_groups;
	case ROLE_REWRITER:
		return rewriter_groups;
	default:
		return NULL;
	}
}

static bool is_literal_role(enum role r)
{
	return r == ROLE_DOMAIN || r == ROLE_LINKHOST || r == ROLE_FREEMAIL;
}

/* ---------------------------------------------------------------- matching */

struct match_state {
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *stack;
};

static pthread_key_t state_key;
static pthread_once_t state_once = PTHREAD_ONCE_INIT;

static void state_free(void *p)
{
	struct match_state *st = p;

	if (!st)
		return;
	pcre2_match_data_free(st->md);
	pcre2_match_context_free(st->mctx);
	pcre2_jit_stack_free(st->stack);
	free(st);
}

static void state_key_init(void)
{
	pthread_key_create(&state_key, state_free);
}

/* one match data and JIT stack per thread, made on first use */
static struct match_state *match_state(void)
{
	struct match_state *st;

	pthread_once(&state_once, state_key_init);
	st = pthread_getspecific(state_key);
	if (st)
		return st;
	st = alloc_zeroed(1, sizeof *st);
	if (!st)
		return NULL;
	st->md = pcre2_match_data_create(MATCH_PAIRS, NULL);
	st->mctx = pcre2_match_context_create(NULL);
	st->stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (!st->md || !st->mctx) {	/* tried again next time */
		mem_note_failure();
		state_free(st);
		return NULL;
	}
	/* bound the work one hostile subject can cause */
	pcre2_set_match_limit(st->mctx, 2000000);
	pcre2_set_depth_limit(st->mctx, 20000);
	pcre2_set_heap_limit(st->mctx, 16384);	/* KiB */
	if (st->stack)	/* none without a JIT: the interpreter needs none */
		pcre2_jit_stack_assign(st->mctx, NULL, st->stack);
	pthread_setspecific(state_key, st);
	return st;
}

bool pattern_match(const struct pattern *pat, const char *subject, size_t len,
		   struct match *m)
{
	struct match_state *st;
	int rc;

	if (!pat->code || !subject)
		return false;
	st = match_state();
	if (!st)
		return false;
	/* the JIT's own entry skips pcre2_match()'s checks (a third of a short
	 * match); a pattern the JIT could not take answers BADOPTION */
	rc = pcre2_jit_match(pat->code, (PCRE2_SPTR)subject, len, 0, 0, st->md, st->mctx);
	if (rc == PCRE2_ERROR_JIT_BADOPTION)
		rc = pcre2_match(pat->code, (PCRE2_SPTR)subject, len, 0, 0, st->md,
				 st->mctx);
	if (rc == PCRE2_ERROR_NOMEMORY)
		mem_note_failure();	/* not "no match": the answer is unknown */
	if (rc < 0)
		return false;
	if (m) {
		m->pat = pat;
		m->subject = subject;
		m->md = st->md;
	}
	return true;
}

const struct pattern *set_match(struct pattern_set s, const char *subject,
				size_t len, struct match *m)
{
	for (size_t i = 0; i < s.n; i++)
		if (pattern_match(&s.v[i], subject, len, m))
			return &s.v[i];
	return NULL;
}

size_t match_end(const struct match *m)
{
	return pcre2_get_ovector_pointer(m->md)[1];
}

const char *match_group(const struct match *m, const char *name, size_t *len)
{
	PCRE2_SIZE *ov;
	int n;

	n = pcre2_substring_number_from_name(m->pat->code, (PCRE2_SPTR)name);
	if (n < 0 || n >= MATCH_PAIRS)
		return NULL;
	ov = pcre2_get_ovector_pointer(m->md);
	if (ov[2 * n] == PCRE2_UNSET || ov[2 * n + 1] < ov[2 * n])
		return NULL;
	*len = ov[2 * n + 1] - ov[2 * n];
	return m->subject + ov[2 * n];
}

bool regex_match(const pcre2_code *code, const char *s, size_t len)
{
	struct pattern p = { .code = (pcre2_code *)code };

	return pattern_match(&p, s, len, NULL);
}

static bool domain_equal_or_parent(const char *host, size_t hlen, const char *dom)
{
	size_t dlen = strlen(dom);

	if (hlen < dlen || strncasecmp(host + hlen - dlen, dom, dlen) != 0)
		return false;
	return hlen == dlen || host[hlen - dlen - 1] == '.';
}

bool domain_in_set(struct pattern_set s, const char *host, size_t len)
{
	while (len && host[len - 1] == '.')	/* a trailing root dot */
		len--;
	for (size_t i = 0; i < s.n; i++)
		if (domain_equal_or_parent(host, len, s.v[i].text))
			return true;
	return false;
}

/* ---------------------------------------------------------------- loading */

#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF)

pcre2_code *compile_regex(const char *re, char *err, size_t errlen)
{
	int code;
	PCRE2_SIZE off;
	pcre2_code *c;
	PCRE2_UCHAR msg[256];

	c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, COMPILE_OPTIONS,
			  &code, &off, NULL);
	if (!c) {
		pcre2_get_error_message(code, msg, sizeof msg);
		snprintf(err, errlen, "pattern does not compile: %s at offset %zu",
			 (char *)msg, (size_t)off);
		return NULL;
	}
	/* the interpreter stays usable when the JIT cannot get executable memory;
	 * LINKEDIN_MILTER_NO_JIT asks for it (valgrind cannot follow JIT code) */
	if (!getenv("LINKEDIN_MILTER_NO_JIT"))
		(void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
	return c;
}

struct reader {
	const char *file;
	unsigned line;
	char era[32];
	char lang[4];
	struct errlist *errs;
};

static int parse_role(const char *word, enum role *r, enum claim_kind *c)
{
	*c = CLAIM_NONE;
	if (strncmp(word, "claim.", 6) == 0) {
		for (int k = CLAIM_COLLEAGUE; k < CLAIM_COUNT; k++)
			if (strcmp(word + 6, claim_names[k]) == 0) {
				*r = ROLE_CLAIM;
				*c = (enum claim_kind)k;
				return 0;
			}
		return -1;
	}
	for (int k = 0; k < ROLE_COUNT; k++)
		if (k != ROLE_CLAIM && strcmp(word, role_names[k]) == 0) {
			*r = (enum role)k;
			return 0;
		}
	return -1;
}

static bool valid_lang(const char *s)
{
	if (strcmp(s, "any") == 0)
		return true;
	return strlen(s) == 2 && islower((unsigned char)s[0]) &&
	       islower((unsigned char)s[1]);
}

static bool valid_domain(const char *s)
{
	if (!*s || *s == '.' || *s == '-')
		return false;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    *s != '.' && *s != '-')
			return false;
	return true;
}

static int parse_section(struct reader *rd, char *line)
{
	char era[64], lang[16], extra;

	if (sscanf(line, "[%63s %15[^] ]]%c", era, lang, &extra) != 2 ||
	    strlen(era) >= sizeof rd->era || !valid_lang(lang)) {
		errlist_add(rd->errs, rd->file, (int)rd->line, "section",
			    "expected [ERA LANG] with LANG a two-letter code or any");
		return -1;
	}
	strcpy(rd->era, era);
	strcpy(rd->lang, strcmp(lang, "any") == 0 ? "" : lang);
	return 0;
}

/* every named group of P must be one its role knows */
static int check_groups(struct reader *rd, const struct pattern *p)
{
	uint32_t count, size, captures;
	PCRE2_SPTR table;
	const char *const *ok = allowed_groups(p->role);

	pcre2_pattern_info(p->code, PCRE2_INFO_CAPTURECOUNT, &captures);
	if (captures >= MATCH_PAIRS) {
		errlist_add(rd->errs, rd->file, (int)rd->line, role_name(p->role),
			    "too many groups (%u, at most %d)", captures, MATCH_PAIRS - 1);
		return -1;
	}
	pcre2_pattern_info(p->code, PCRE2_INFO_NAMECOUNT, &count);
	pcre2_pattern_info(p->code, PCRE2_INFO_NAMEENTRYSIZE, &size);
	pcre2_pattern_info(p->code, PCRE2_INFO_NAMETABLE, &table);
	for (uint32_t i = 0; i < count; i++) {
		const char *name = (const char *)table + i * size + 2;
		bool known = false;

		for (size_t k = 0; ok && ok[k]; k++)
			known = known || strcmp(ok[k], name) == 0;
		if (!known) {
			errlist_add(rd->errs, rd->file, (int)rd->line, role_name(p->role),
				    "group (?<%s>...) means nothing to this role", name);
			return -1;
		}
	}
	return 0;
}

static int add_pattern(struct patterns *ps, struct pattern *p)
{
	struct pattern *v = realloc_array(ps->v, ps->n + 1, sizeof *v);

	if (!v)
		return -1;
	ps->v = v;
	ps->v[ps->n++] = *p;
	return 0;
}

static void pattern_clear(struct pattern *p)
{
	FREE_ALL(p->era, p->status, p->text, p->file);
	pcre2_code_free(p->code);
}

static int parse_entry(struct reader *rd, struct patterns *ps, char *line)
{
	char role[64], status[16], err[320];
	int off = 0;
	struct pattern p = { 0 };
	const char *key;

	if (sscanf(line, "%63s %15s %n", role, status, &off) != 2 || !line[off]) {
		errlist_add(rd->errs, rd->file, (int)rd->line, "entry",
			    "expected ROLE STATUS PATTERN");
		return -1;
	}
	key = role;
	if (parse_role(role, &p.role, &p.claim) < 0) {
		errlist_add(rd->errs, rd->file, (int)rd->line, key, "unknown role");
		return -1;
	}
	if (strcmp(status, "confirmed") && strcmp(status, "likely") &&
	    strcmp(status, "unverified")) {
		errlist_add(rd->errs, rd->file, (int)rd->line, key,
			    "status must be confirmed, likely or unverified, not '%s'", status);
		return -1;
	}
	if (p.role == ROLE_LANGUAGE && !rd->lang[0]) {
		errlist_add(rd->errs, rd->file, (int)rd->line, key,
			    "a language pattern needs a section with a language");
		return -1;
	}
	if (is_literal_role(p.role) && !valid_domain(line + off)) {
		errlist_add(rd->errs, rd->file, (int)rd->line, key,
			    "'%s' is not a lower-case domain name", line + off);
		return -1;
	}
	memcpy(p.lang, rd->lang, sizeof p.lang);
	p.line = rd->line;
	p.era = str_dup(rd->era);
	p.status = str_dup(status);
	p.text = str_dup(line + off);
	p.file = str_dup(rd->file);
	if (!p.era || !p.status || !p.text || !p.file)
		goto oom;
	if (!is_literal_role(p.role)) {
		p.code = compile_regex(p.text, err, sizeof err);
		if (!p.code) {
			errlist_add(rd->errs, rd->file, (int)rd->line, key, "%s", err);
			pattern_clear(&p);
			return -1;
		}
		if (check_groups(rd, &p) < 0) {
			pattern_clear(&p);
			return -1;
		}
	}
	if (add_pattern(ps, &p) == 0)
		return 0;
oom:
	pattern_clear(&p);
	errlist_add(rd->errs, rd->file, (int)rd->line, key, "out of memory");
	return -1;
}

static void rstrip(char *s)
{
	size_t n = strlen(s);

	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
}

int patterns_load(struct patterns *ps, const char *file, const char *text,
		  struct errlist *errs)
{
	struct reader rd = { .file = file, .errs = errs, .era = "any" };
	char *owned = NULL, *line, *next;
	size_t before = errs->msgs.n;

	if (!text) {
		owned = read_file(file, 16 * 1024 * 1024, NULL);
		if (!owned) {
			errlist_add(errs, file, 0, NULL, "cannot read: %s", strerror(errno));
			return -1;
		}
		text = owned;
	}
	for (line = (char *)text; line && *line; line = next) {
		char buf[MAX_LINE], *s;
		size_t n;

		next = strchr(line, '\n');
		n = next ? (size_t)(next - line) : strlen(line);
		next = next ? next + 1 : NULL;
		rd.line++;
		if (n >= sizeof buf) {
			errlist_add(errs, file, (int)rd.line, "entry", "line too long");
			continue;
		}
		memcpy(buf, line, n);
		buf[n] = '\0';
		rstrip(buf);
		for (s = buf; *s == ' ' || *s == '\t'; s++)
			;
		if (*s == '\0' || *s == '#')
			continue;
		if (*s == '[')
			parse_section(&rd, s);
		else
			parse_entry(&rd, ps, s);
	}
	free(owned);
	return errs->msgs.n == before ? 0 : -1;
}

/* A header role is tried as one alternation of its patterns where that means
 * the same (patterns_any.c): one call on a short value. The other roles run
 * pattern by pattern: on long text an alternation was measured slower (PCRE2
 * loses its start-of-match shortcuts). */
bool role_match(const struct patterns *ps, enum role r, const char *s, size_t len)
{
	if (!s)
		return false;
	if (ps->any[r])
		return regex_match(ps->any[r], s, len);
	return set_match(patterns_role(ps, r), s, len, NULL) != NULL;
}

long role_first(const struct patterns *ps, enum role r, const char *s, size_t len,
		const struct pattern **which)
{
	struct pattern_set set = patterns_role(ps, r);
	struct match m;
	long best = -1;

	for (size_t i = 0; i < set.n; i++)
		if (pattern_match(&set.v[i], s, best < 0 ? len : (size_t)best + 1, &m)) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m.md);

			if (best < 0 || (long)ov[0] < best) {
				best = (long)ov[0];
				if (which)
					*which = &set.v[i];
			}
		}
	return best;
}

int patterns_finish(struct patterns *ps)
{
	size_t i = 0;

	/* a stable insertion sort: file order is kept within a role */
	for (size_t k = 1; k < ps->n; k++) {
		struct pattern tmp = ps->v[k];
		size_t j = k;

		while (j > 0 && ps->v[j - 1].role > tmp.role) {
			ps->v[j] = ps->v[j - 1];
			j--;
		}
		ps->v[j] = tmp;
	}
	ps->jit = true;
	for (int r = 0; r <= ROLE_COUNT; r++) {
		while (i < ps->n && (int)ps->v[i].role < r)
			i++;
		ps->first[r] = i;
	}
	ps->first[ROLE_COUNT] = ps->n;
	if (ps->first[ROLE_DOMAIN + 1] > ps->first[ROLE_DOMAIN]) {
		const char *g = ps->v[ps->first[ROLE_DOMAIN]].text;

		ps->name_len = strcspn(g, ".");
		ps->name_len = ps->name_len < sizeof ps->name ? ps->name_len : 0;
		memcpy(ps->name, g, ps->name_len);
		ps->name[ps->name_len] = '\0';
		for (size_t k = 0; k < ps->name_len && !ps->name_twice; k++)
			if (!strchr("il10o", ps->name[k]) && strchr(ps->name + k + 1, ps->name[k]))
				ps->name_twice = ps->name[k];
	}

	for (i = 0; i < ps->n; i++) {
		size_t jitsize = 0;

		if (!ps->v[i].code)
			continue;
		pcre2_pattern_info(ps->v[i].code, PCRE2_INFO_JITSIZE, &jitsize);
		if (jitsize == 0)
			ps->jit = false;
	}
	patterns_join(ps);
	return 0;
}

void patterns_free(struct patterns *ps)
{
	if (!ps)
		return;
	for (size_t i = 0; i < ps->n; i++)
		pattern_clear(&ps->v[i]);
	free(ps->v);
	patterns_unjoin(ps);
	memset(ps, 0, sizeof *ps);
}
