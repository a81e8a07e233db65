/* config_profile.c - the owner profile, per-recipient profiles, actions,
 * drafts and user rules: defaults, reading, copying, freeing */
#include "autoconfig.h"
#include "config_profile.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config_check.h"
#include "config_keys.h"
#include "contacts.h"
#include "templates.h"
#include "strlist.h"
#include "str.h"

/* the key of the action group of verdict I (or ACTION_NOTIFICATION) */
static const char *action_name(int i)
{
	return i == ACTION_NOTIFICATION ? kind_name(KIND_NOTIFICATION) : verdict_name((enum verdict)i);
}

/* ---------------------------------------------------------------- tables */

#define PK(name, type, field, ...) \
	{ name, type, offsetof(struct profile_conf, profile.field), __VA_ARGS__ }
static const struct key profile_keys[] = {
	[PK_NAMES] = PK("names", KEY_STRLIST, names, 0, 0, NULL, NULL, NULL),
	[PK_EMPLOYERS] = PK("employers", KEY_STRLIST, employers, 0, 0, NULL, NULL, NULL),
	[PK_SCHOOLS] = PK("schools", KEY_STRLIST, schools, 0, 0, NULL, NULL, NULL),
	[PK_GROUPS] = PK("groups", KEY_STRLIST, groups, 0, 0, NULL, NULL, NULL),
	[PK_CONTACTS] = PK("contacts", KEY_PATHLIST, contacts_files, 0, 0, NULL, check_readable, NULL),
	[PK_MODE] = PK("mode", KEY_ENUM, mode, 0, 0, mode_names, NULL, NULL),
	[PK_LANGUAGE] = PK("language", KEY_STRING, language, 0, 0, NULL, check_lang, NULL),
	[PK_ADDRESS] = PK("address", KEY_STRING, address, 0, 0, NULL, check_address, NULL),
	[PK_LANGUAGES] = PK("languages", KEY_STRLIST, languages, 0, 0, NULL, check_lang, NULL),
	/* only in profiles = ( ... ) */
	[PK_RECIPIENTS] = PK("recipients", KEY_STRLIST, recipient_res, 0, 0, NULL, check_regex, NULL),
	[PK_ACTIONS] = PK("actions", KEY_CUSTOM, actions, 0, 0, NULL, NULL, read_actions),
	[PK_DRAFTS] = { "drafts", KEY_CUSTOM, offsetof(struct profile_conf, drafts), 0, 0, NULL, NULL,
			read_drafts },
};
_Static_assert(ARRAY_LEN(profile_keys) == PK_COUNT, "a row for every enum profile_key");

const struct key *profile_key_table(size_t *n)
{
	*n = ARRAY_LEN(profile_keys);
	return profile_keys;
}

#define AK(name, type, field, check) \
	{ name, type, offsetof(struct action, field), 0, 0, NULL, check, NULL }
static const struct key action_keys[] = {
	AK("tag", KEY_BOOL, tag, NULL),
	AK("subject_prefix", KEY_STRING, subject_prefix, check_prefix),
	AK("folder", KEY_STRING, folder, check_folder),
	AK("detail", KEY_STRING, detail, check_detail),
	AK("quarantine", KEY_BOOL, quarantine, NULL),
	AK("explain", KEY_BOOL, explain, NULL),
	AK("draft", KEY_STRING, draft, check_template_name),
};

#define DK(name, type, field, min, max, check) \
	{ name, type, offsetof(struct draft_settings, field), min, max, NULL, check, NULL }
static const struct key draft_keys[] = {
	DK("store", KEY_STRING, store, 0, 0, check_store),
	DK("templates", KEY_PATH, templates, 0, 0, NULL),
	DK("credentials", KEY_PATH, credentials, 0, 0, check_readable),
	DK("spool", KEY_PATH, spool, 0, 0, NULL),
	DK("once_per_days", KEY_INT, once_per_days, 0, 3650, NULL),
	DK("sent_folder", KEY_STRING, sent_folder, 0, 0, check_folder_name),
	DK("timeout_ms", KEY_INT, timeout_ms, 10, 60000, NULL),
	DK("imap_timeout", KEY_INT, imap_timeout, 1, 300, NULL),
	DK("auto_send", KEY_BOOL, auto_send, 0, 0, NULL),
};

/* ---------------------------------------------------------------- defaults */

static void action_default(struct action *a, const char *folder, const char *draft)
{
	a->tag = true;
	a->subject_prefix = str_dup("");
	a->folder = str_dup(folder);
	a->detail = str_dup("");
	a->quarantine = false;
	a->draft = str_dup(draft);
}

static void drafts_defaults(struct draft_settings *d)
{
	d->store = str_dup("maildir:/var/lib/linkedin-milter/%u/Drafts");
	d->templates = str_dup(SYSCONFDIR "/templates");
	d->credentials = str_dup("");
	d->spool = str_dup("/var/spool/linkedin-milter");
	d->sent_folder = str_dup("Sent");
	d->once_per_days = 30;
	d->timeout_ms = 1000;
	d->imap_timeout = 10;
	d->auto_send = false;
}

void profile_defaults(struct profile_conf *pc)
{
	struct profile *p = &pc->profile;

	memset(pc, 0, sizeof *pc);
	p->label = str_dup("owner");
	p->mode = MODE_SELECTIVE;
	p->language = str_dup("en");
	p->address = str_dup("");
	action_default(&p->actions[VERDICT_ACCEPT], "LinkedIn/Accept", "accept");
	action_default(&p->actions[VERDICT_CONSIDER], "LinkedIn/Consider", "");
	action_default(&p->actions[VERDICT_ASK], "LinkedIn/Review", "ask");
	action_default(&p->actions[VERDICT_DECLINE], "LinkedIn/Decline", "decline");
	action_default(&p->actions[VERDICT_IGNORE], "LinkedIn/Ignore", "");
	action_default(&p->actions[VERDICT_PHISH], "Junk", "");
	action_default(&p->actions[ACTION_NOTIFICATION], "LinkedIn/Notifications", "");
	p->actions[VERDICT_PHISH].explain = true;	/* "why is this in Junk?" */
	p->actions[ACTION_NOTIFICATION].tag = false;
	drafts_defaults(&pc->drafts);
}

/* ---------------------------------------------------------------- copy/free */

static int list_copy(struct strlist *dst, const struct strlist *src)
{
	for (size_t i = 0; i < src->n; i++)
		if (strlist_add(dst, src->v[i]) < 0)
			return -1;
	return 0;
}

static int action_copy(struct action *d, const struct action *s)
{
	*d = *s;
	d->subject_prefix = str_dup(s->subject_prefix);
	d->folder = str_dup(s->folder);
	d->detail = str_dup(s->detail);
	d->draft = str_dup(s->draft);
	return d->subject_prefix && d->folder && d->detail && d->draft ? 0 : -1;
}

static void action_free(struct action *a)
{
	FREE_ALL(a->subject_prefix, a->folder, a->detail, a->draft);
}

static int drafts_copy(struct draft_settings *d, const struct draft_settings *s)
{
	*d = *s;
	d->library = NULL;
	d->store = str_dup(s->store);
	d->templates = str_dup(s->templates);
	d->credentials = str_dup(s->credentials);
	d->spool = str_dup(s->spool);
	d->sent_folder = str_dup(s->sent_folder);
	return d->store && d->templates && d->credentials && d->spool && d->sent_folder ? 0 : -1;
}

static void drafts_free(struct draft_settings *d)
{
	templates_free(d->library);
	FREE_ALL(d->store, d->templates, d->credentials, d->spool, d->sent_folder);
}

/* profile_copy - DST (zeroed) becomes a deep copy of SRC, without recipients */
int profile_copy(struct profile_conf *dstc, const struct profile_conf *srcc)
{
	struct profile *dst = &dstc->profile;
	const struct profile *src = &srcc->profile;
	int rc = 0;

	memset(dstc, 0, sizeof *dstc);
	dst->mode = src->mode;
	dst->label = str_dup(src->label);
	dst->language = str_dup(src->language);
	dst->address = str_dup(src->address);
	rc |= list_copy(&dst->names, &src->names);
	rc |= list_copy(&dst->languages, &src->languages);
	rc |= list_copy(&dst->employers, &src->employers);
	rc |= list_copy(&dst->schools, &src->schools);
	rc |= list_copy(&dst->groups, &src->groups);
	rc |= list_copy(&dst->contacts_files, &src->contacts_files);
	for (int i = 0; i < ACTION_COUNT; i++)
		rc |= action_copy(&dst->actions[i], &src->actions[i]);
	rc |= drafts_copy(&dstc->drafts, &srcc->drafts);
	return rc || !dst->label || !dst->language || !dst->address ? -1 : 0;
}

void profile_free(struct profile_conf *pc)
{
	struct profile *p = &pc->profile;

	FREE_ALL(p->label, p->language, p->address);
	strlist_free(&p->names);
	strlist_free(&p->languages);
	strlist_free(&p->employers);
	strlist_free(&p->schools);
	strlist_free(&p->groups);
	strlist_free(&p->contacts_files);
	for (int i = 0; i < 3; i++) {
		strlist_free(&p->org_keys[i]);
		strlist_free(&p->folded[i]);
	}
	contacts_free(p->contacts);
	for (size_t i = 0; p->recipients && i < p->recipient_res.n; i++)
		pcre2_code_free(p->recipients[i]);
	free(p->recipients);
	strlist_free(&p->recipient_res);
	for (int i = 0; i < ACTION_COUNT; i++)
		action_free(&p->actions[i]);
	drafts_free(&pc->drafts);
	memset(pc, 0, sizeof *pc);
}

/* ---------------------------------------------------------------- readers */

int read_owner(struct schema_ctx *ctx, const config_setting_t *s,
	       const char *path, void *base, const struct key *k)
{
	struct config *cfg = base;

	return schema_read(ctx, s, path, profile_keys, PK_OWNER_COUNT, &cfg->owner, NULL);
}

/* "unknown verdict (accept, ..., phish or notification)" at E */
static void unknown_verdict(struct schema_ctx *ctx, const config_setting_t *e, const char *sub)
{
	char msg[200] = "unknown verdict (";
	size_t n = strlen(msg);

	for (int i = 0; i < ACTION_COUNT && n < sizeof msg; i++) {
		int w = snprintf(msg + n, sizeof msg - n, "%s%s", i == 0 ? "" :
				 i + 1 == ACTION_COUNT ? " or " : ", ", action_name(i));
		n += w > 0 ? (size_t)w : 0;
	}
	if (n + 1 < sizeof msg)
		strcat(msg, ")");
	schema_error(ctx, e, sub, "%s", msg);
}

int read_actions(struct schema_ctx *ctx, const config_setting_t *s,
		 const char *path, void *base, const struct key *k)
{
	struct action *actions = (struct action *)((char *)base + k->offset);
	struct key slots[ACTION_COUNT];
	char sub[256];
	int n, errs = 0;

	/* a group of groups: one per verdict, each read with action_keys */
	for (int i = 0; i < ACTION_COUNT; i++)
		slots[i] = (struct key){ action_name(i), KEY_CUSTOM, 0, 0, 0, NULL, NULL, NULL };
	if (!config_setting_is_group(s))
		return schema_read(ctx, s, path, slots, ACTION_COUNT, NULL, NULL);
	n = config_setting_length(s);
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		int v;

		schema_path(sub, sizeof sub, path, config_setting_name(e), 0);
		for (v = 0; v < ACTION_COUNT; v++)
			if (strcmp(config_setting_name(e), action_name(v)) == 0)
				break;
		if (v == ACTION_COUNT) {
			unknown_verdict(ctx, e, sub);
			errs++;
			continue;
		}
		errs += schema_read(ctx, e, sub, action_keys, ARRAY_LEN(action_keys),
				    &actions[v], NULL);
		if (v == VERDICT_PHISH && actions[v].draft[0]) {
			schema_error(ctx, e, sub, "phish is never answered: no draft");
			errs++;
		}
	}
	return errs;
}

int read_drafts(struct schema_ctx *ctx, const config_setting_t *s,
		const char *path, void *base, const struct key *k)
{
	struct draft_settings *d = (struct draft_settings *)((char *)base + k->offset);

	return schema_read(ctx, s, path, draft_keys, ARRAY_LEN(draft_keys), d, NULL);
}

/* list S at PATH: an array of its length *N in elements of SIZE, zeroed;
 * NULL when S is no list (reported) or memory ran out */
static void *list_alloc(struct schema_ctx *ctx, const config_setting_t *s, const char *path,
			size_t size, int *n)
{
	if (!config_setting_is_list(s) && !config_setting_is_array(s)) {
		schema_error(ctx, s, path, "must be a list ( { ... }, ... )");
		return NULL;
	}
	*n = config_setting_length(s);
	return alloc_zeroed((size_t)*n, size);
}

static int compile_recipients(struct schema_ctx *ctx, const config_setting_t *s,
			      const char *path, struct profile *p)
{
	char err[320];

	if (p->recipient_res.n == 0) {
		schema_error(ctx, s, path, "a profile needs recipients = [ \"regex\", ... ]");
		return -1;
	}
	p->recipients = alloc_zeroed(p->recipient_res.n, sizeof *p->recipients);
	if (!p->recipients)
		return -1;
	for (size_t i = 0; i < p->recipient_res.n; i++) {
		p->recipients[i] = compile_regex(p->recipient_res.v[i], err, sizeof err);
		if (!p->recipients[i])
			return -1;	/* already reported by check_regex */
	}
	return 0;
}

int read_profiles(struct schema_ctx *ctx, const config_setting_t *s,
		  struct config *cfg)
{
	int n, errs = 0;
	char path[64], label[32];

	cfg->profiles = list_alloc(ctx, s, "profiles", sizeof *cfg->profiles, &n);
	if (!cfg->profiles)
		return 1;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		struct profile_conf *p = &cfg->profiles[i];

		schema_path(path, sizeof path, "profiles", NULL, i);
		cfg->n_profiles++;
		if (profile_copy(p, &cfg->owner) < 0)
			return errs + 1;
		snprintf(label, sizeof label, "profiles[%d]", i);
		set_string(&p->profile.label, label);
		if (schema_read(ctx, e, path, profile_keys, ARRAY_LEN(profile_keys), p, NULL)) {
			errs++;
			continue;
		}
		if (compile_recipients(ctx, e, path, &p->profile) < 0)
			errs++;
	}
	return errs;
}

/* ---------------------------------------------------------------- rules */

struct rule_src {
	char *field, *match, *verdict, *reason, *position;
};

#define RK(name, field, check) \
	{ name, KEY_STRING, offsetof(struct rule_src, field), 0, 0, NULL, check, NULL }
static const struct key rule_keys[] = {
	RK("field", field, check_field),
	RK("match", match, check_regex),
	RK("verdict", verdict, NULL),
	RK("reason", reason, check_reason),
	RK("position", position, NULL),
};

static int rule_build(struct schema_ctx *ctx, const config_setting_t *e,
		      const char *path, struct rule_src *src, struct rule *r)
{
	char err[320];

	if (!src->field || !src->match || !src->verdict || !src->reason) {
		schema_error(ctx, e, path, "a rule needs field, match, verdict and reason");
		return -1;
	}
	if (verdict_from_name(src->verdict) < 0) {
		schema_error(ctx, e, path, "unknown verdict \"%.40s\"", src->verdict);
		return -1;
	}
	if (src->position && strcmp(src->position, "before") &&
	    strcmp(src->position, "after")) {
		schema_error(ctx, e, path, "position must be \"before\" or \"after\"");
		return -1;
	}
	r->field = (enum field)field_from_name(src->field);
	r->verdict = (enum verdict)verdict_from_name(src->verdict);
	r->before = !src->position || strcmp(src->position, "before") == 0;
	r->re = compile_regex(src->match, err, sizeof err);
	r->re_text = str_dup(src->match);
	r->reason = str_dup(src->reason);
	return r->re && r->re_text && r->reason ? 0 : -1;
}

int read_rules(struct schema_ctx *ctx, const config_setting_t *s,
	       const char *path, void *base, const struct key *k)
{
	struct config *cfg = base;
	int n, errs = 0;
	char sub[64];

	cfg->rules = list_alloc(ctx, s, path, sizeof *cfg->rules, &n);
	if (!cfg->rules)
		return 1;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		struct rule_src src = { 0 };

		schema_path(sub, sizeof sub, path, NULL, i);
		if (schema_read(ctx, e, sub, rule_keys, ARRAY_LEN(rule_keys), &src, NULL) ||
		    rule_build(ctx, e, sub, &src, &cfg->rules[cfg->n_rules++]) < 0)
			errs++;
		free(src.field);
		free(src.match);
		free(src.verdict);
		free(src.reason);
		free(src.position);
	}
	return errs;
}

void rules_free(struct rule *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		pcre2_code_free(r[i].re);
		free(r[i].re_text);
		free(r[i].reason);
	}
	free(r);
}
