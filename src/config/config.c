/* config.c - load the configuration file and everything it names into an
 * immutable, reference-counted struct config */
#include "autoconfig.h"
#include "config.h"

#include <errno.h>
#include <libconfig.h>
#include <libgen.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "authres.h"
#include "embedded.h"
#include "config_check.h"
#include "config_keys.h"
#include "config_profile.h"
#include "config_schema.h"
#include "contacts.h"
#include "fold.h"
#include "templates.h"
#include "log.h"
#include "strlist.h"
#include "str.h"
#include "org_key.h"

static const char *const on_error_names[] = {
	[ON_ERROR_ACCEPT] = "accept", [ON_ERROR_TEMPFAIL] = "tempfail", NULL
};

/* log_level and syslog_facility: a name and its syslog value per row */
enum { LEVEL_ERROR, LEVEL_WARNING, LEVEL_NOTICE, LEVEL_INFO, LEVEL_DEBUG, LEVEL_COUNT };
static const char *const level_names[LEVEL_COUNT + 1] = {
	[LEVEL_ERROR] = "error", [LEVEL_WARNING] = "warning", [LEVEL_NOTICE] = "notice",
	[LEVEL_INFO] = "info", [LEVEL_DEBUG] = "debug", [LEVEL_COUNT] = NULL
};
static const int level_values[LEVEL_COUNT] = {
	[LEVEL_ERROR] = LOG_ERR, [LEVEL_WARNING] = LOG_WARNING, [LEVEL_NOTICE] = LOG_NOTICE,
	[LEVEL_INFO] = LOG_INFO, [LEVEL_DEBUG] = LOG_DEBUG
};
enum { FAC_MAIL, FAC_DAEMON, FAC_USER, FAC_LOCAL0, FAC_COUNT = FAC_LOCAL0 + 8 };
static const char *const facility_names[FAC_COUNT + 1] = {
	[FAC_MAIL] = "mail", [FAC_DAEMON] = "daemon", [FAC_USER] = "user",
	[FAC_LOCAL0] = "local0", "local1", "local2", "local3", "local4", "local5", "local6",
	"local7", [FAC_COUNT] = NULL
};
static const int facility_values[FAC_COUNT] = {
	[FAC_MAIL] = LOG_MAIL, [FAC_DAEMON] = LOG_DAEMON, [FAC_USER] = LOG_USER,
	[FAC_LOCAL0] = LOG_LOCAL0, LOG_LOCAL1, LOG_LOCAL2, LOG_LOCAL3, LOG_LOCAL4,
	LOG_LOCAL5, LOG_LOCAL6, LOG_LOCAL7
};

static int read_profiles_later(struct schema_ctx *ctx, const config_setting_t *s,
			       const char *path, void *base, const struct key *k)
{
	return 0;	/* read after the owner, see config_read() */
}

#define CK(name, type, field, min, max, names, check, read) \
	{ name, type, offsetof(struct config, field), min, max, names, check, read }
static const struct key config_keys[] = {
	[K_SOCKET] = CK("socket", KEY_STRING, socket, 0, 0, NULL, check_socket, NULL),
	[K_SOCKET_GROUP] = CK("socket_group", KEY_STRING, socket_group,
		0, 0, NULL, check_token, NULL),
	[K_SOCKET_MODE] = CK("socket_mode", KEY_OCTAL, socket_mode, 0, 0, NULL, NULL, NULL),
	[K_USER] = CK("user", KEY_STRING, user, 0, 0, NULL, check_token, NULL),
	[K_ALLOW_ROOT] = CK("allow_root", KEY_BOOL, allow_root, 0, 0, NULL, NULL, NULL),
	[K_PIDFILE] = CK("pidfile", KEY_STRING, pidfile, 0, 0, NULL, check_absolute, NULL),
	[K_ON_ERROR] = CK("on_error", KEY_ENUM, on_error, 0, 0, on_error_names, NULL, NULL),
	[K_MAX_SCAN_BYTES] = CK("max_scan_bytes", KEY_INT, engine.max_scan_bytes,
		4096, 64 << 20, NULL, NULL, NULL),
	[K_AUTHSERV_ID] = CK("authserv_id", KEY_STRLIST, engine.authserv_id,
		0, 0, NULL, check_token, NULL),
	[K_LOCAL_HOSTS] = CK("local_hosts", KEY_STRLIST, local_hosts, 0, 0, NULL, check_token, NULL),
	[K_TRUSTED_ARC_SEALERS] = CK("trusted_arc_sealers", KEY_STRLIST, engine.trusted_arc_sealers,
		0, 0, NULL, check_token, NULL),
	[K_REQUIRE_AUTHENTICATION] = CK("require_authentication", KEY_BOOL, engine.require_authentication,
		0, 0, NULL, NULL, NULL),
	[K_PATTERNS] = CK("patterns", KEY_PATH, patterns_file,
		0, 0, NULL, check_readable, NULL),
	[K_LEXICONS] = CK("lexicons", KEY_PATH, lexicons_file,
		0, 0, NULL, check_readable, NULL),
	[K_LOG_LEVEL] = CK("log_level", KEY_ENUM, log_level, 0, 0, level_names, NULL, NULL),
	[K_SYSLOG_FACILITY] = CK("syslog_facility", KEY_ENUM, syslog_facility,
		0, 0, facility_names, NULL, NULL),
	[K_MILTER_TIMEOUT] = CK("milter_timeout", KEY_INT, milter_timeout,
		1, 86400, NULL, NULL, NULL),
	[K_OWNER] = CK("owner", KEY_CUSTOM, owner, 0, 0, NULL, NULL, read_owner),
	[K_ACTIONS] = CK("actions", KEY_CUSTOM, owner.profile.actions, 0, 0, NULL, NULL, read_actions),
	[K_PROFILES] = CK("profiles", KEY_CUSTOM, profiles,
		0, 0, NULL, NULL, read_profiles_later),
	[K_DRAFTS] = CK("drafts", KEY_CUSTOM, owner.drafts, 0, 0, NULL, NULL, read_drafts),
	[K_METRICS] = CK("metrics", KEY_STRING, metrics, 0, 0, NULL, check_metrics, NULL),
	[K_RULES] = CK("rules", KEY_CUSTOM, rules, 0, 0, NULL, NULL, read_rules),
	[K_RECIPIENT_DELIMITER] = CK("recipient_delimiter", KEY_STRING, recipient_delimiter,
		0, 0, NULL, check_delimiter, NULL),
};
_Static_assert(ARRAY_LEN(config_keys) == K_COUNT, "a row for every enum config_key");
_Static_assert(K_COUNT <= sizeof(unsigned long) * 8, "a bit of SEEN for every key");

const struct key *config_key_table(size_t *n)
{
	*n = ARRAY_LEN(config_keys);
	return config_keys;
}

static struct config *config_new(void)
{
	struct config *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	atomic_init(&c->refs, 1);
	c->socket = str_dup("unix:/run/linkedin-milter/linkedin-milter.sock");
	c->socket_group = str_dup("");
	c->metrics = str_dup("");
	c->recipient_delimiter = str_dup("+");
	c->socket_mode = 0660;
	c->user = str_dup("linkedin-milter");
	c->pidfile = str_dup("/run/linkedin-milter/linkedin-milter.pid");
	c->on_error = ON_ERROR_ACCEPT;
	c->engine.max_scan_bytes = 524288;
	c->patterns_file = str_dup(SYSCONFDIR "/patterns.conf");
	c->lexicons_file = str_dup(SYSCONFDIR "/lexicons.conf");
	c->log_level = LEVEL_INFO;
	c->syslog_facility = FAC_MAIL;
	c->milter_timeout = 7210;
	profile_defaults(&c->owner);
	return c;
}

/* a data file the user did not name: the installed copy, else the built-in one */
static int load_data_file(struct config *c, const char *path, bool named,
			  const char *builtin, struct errlist *errs)
{
	const struct embedded_file *b;

	if (named || access(path, R_OK) == 0)
		return patterns_load(&c->engine.patterns, path, NULL, errs);
	b = embedded_find(builtin);
	if (!b) {
		errlist_add(errs, path, 0, NULL, "missing, and no built-in copy");
		return -1;
	}
	return patterns_load(&c->engine.patterns, b->name, b->data, errs);
}

/* what the classification compares, computed once: the profile's contacts,
 * and its employers, schools and groups as organisation keys and folded */
static void prepare_profile(struct config *c, struct profile_conf *pc, struct errlist *errs)
{
	struct profile *p = &pc->profile;
	const struct strlist *lists[3] = { &p->employers, &p->schools, &p->groups };

	if (p->contacts_files.n)
		p->contacts = contacts_load(&p->contacts_files, errs);
	pc->drafts.library = templates_load(pc->drafts.templates, errs);
	for (int k = 0; k < 3; k++)
		for (size_t i = 0; i < lists[k]->n; i++) {
			char *key = org_key(&c->engine.patterns, lists[k]->v[i]);
			char *f = fold(lists[k]->v[i]);

			if (!key || !f || strlist_add(&p->org_keys[k], key) < 0 ||
			    strlist_add(&p->folded[k], f) < 0)
				errs->oom = true;
			free(key);
			free(f);
		}
}

static void read_all(struct config *c, config_t *lc, struct schema_ctx *ctx,
		     unsigned long *seen)
{
	const config_setting_t *root = config_root_setting(lc);
	const config_setting_t *profiles;

	schema_read(ctx, root, "", config_keys, ARRAY_LEN(config_keys), c, seen);
	profiles = config_setting_get_member(root, "profiles");
	if (profiles)
		read_profiles(ctx, profiles, c);
	if (c->engine.require_authentication && !authres_any_id(&c->engine.authserv_id)) {
		const config_setting_t *s = config_setting_get_member(root,
							"require_authentication");
		schema_error(ctx, s, "require_authentication",
			     "needs authserv_id: only our own Authentication-Results count");
	}
}

static int read_file_into(struct config *c, const char *file, struct errlist *errs,
			  unsigned long *seen)
{
	config_t lc;
	char *copy = str_dup(file);
	struct schema_ctx ctx = { .file = file, .errs = errs };

	if (!copy)
		return -1;
	c->file = str_dup(file);
	/* absolute, so a reload after a chdir finds the same files */
	c->dir = realpath(dirname(copy), NULL);
	if (!c->dir)
		c->dir = str_dup(dirname(copy));
	free(copy);
	ctx.dir = c->dir;
	config_init(&lc);
	config_set_include_dir(&lc, c->dir);
	if (!config_read_file(&lc, file)) {
		if (config_error_type(&lc) == CONFIG_ERR_FILE_IO)
			errlist_add(errs, file, 0, NULL, "cannot read: %s", strerror(errno));
		else
			errlist_add(errs, config_error_file(&lc) ? config_error_file(&lc) : file,
				    config_error_line(&lc), NULL, "%s", config_error_text(&lc));
		config_destroy(&lc);
		return -1;
	}
	read_all(c, &lc, &ctx, seen);
	config_destroy(&lc);
	return 0;
}

struct config *config_load(const char *file, struct errlist *errs)
{
	struct config *c = config_new();
	unsigned long seen = 0;
	size_t before = errs->msgs.n;

	if (!c || !c->socket || !c->owner.profile.label) {
		errlist_add(errs, file, 0, NULL, "out of memory");
		config_unref(c);
		return NULL;
	}
	if (file && read_file_into(c, file, errs, &seen) < 0)
		goto fail;
	if (errs->msgs.n == before) {
		load_data_file(c, c->patterns_file, seen & (1UL << K_PATTERNS),
			       "patterns.conf", errs);
		load_data_file(c, c->lexicons_file, seen & (1UL << K_LEXICONS),
			       "lexicons.conf", errs);
		if (patterns_finish(&c->engine.patterns) < 0)
			errs->oom = true;
		c->policy = (struct policy){ &c->engine.patterns, c->rules, c->n_rules };
		prepare_profile(c, &c->owner, errs);
		for (size_t i = 0; i < c->n_profiles; i++)
			prepare_profile(c, &c->profiles[i], errs);
	}
	if (errs->msgs.n != before || errs->oom)
		goto fail;
	return c;
fail:
	config_unref(c);
	return NULL;
}

struct config *config_ref(struct config *c)
{
	atomic_fetch_add(&c->refs, 1);
	return c;
}

void config_unref(struct config *c)
{
	if (!c || atomic_fetch_sub(&c->refs, 1) != 1)
		return;
	FREE_ALL(c->file, c->dir, c->socket, c->socket_group, c->metrics, c->user, c->pidfile,
		 c->recipient_delimiter, c->patterns_file, c->lexicons_file);
	strlist_free(&c->engine.authserv_id);
	strlist_free(&c->local_hosts);
	strlist_free(&c->engine.trusted_arc_sealers);
	patterns_free(&c->engine.patterns);
	profile_free(&c->owner);
	for (size_t i = 0; i < c->n_profiles; i++)
		profile_free(&c->profiles[i]);
	free(c->profiles);
	rules_free(c->rules, c->n_rules);
	free(c);
}

const struct profile_conf *config_profile(const struct config *c, const char *rcpt)
{
	size_t len = rcpt ? strlen(rcpt) : 0;

	for (size_t i = 0; rcpt && i < c->n_profiles; i++)
		for (size_t j = 0; j < c->profiles[i].profile.recipient_res.n; j++)
			if (regex_match(c->profiles[i].profile.recipients[j], rcpt, len))
				return &c->profiles[i];
	return &c->owner;
}

int config_log_level(const struct config *c)
{
	return level_values[c->log_level];
}

int config_syslog_facility(const struct config *c)
{
	return facility_values[c->syslog_facility];
}
