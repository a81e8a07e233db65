/* config.h - the configuration: an immutable, reference-counted snapshot of
 * the config file and everything it names (patterns, contacts, templates).
 * A reload builds a new one and swaps it in; each message keeps a reference
 * to the one it started with.
 *
 * DIAGNOSTICS (config): loading reports every problem, out of memory
 * included, as an error line (FILE:LINE when it has one); a reload that
 * fails keeps the configuration in force. A message: inbound.h. */
#ifndef LM_CONFIG_H
#define LM_CONFIG_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "draft_input.h"
#include "engine_settings.h"
#include "profile.h"
#include "strlist.h"

enum on_error { ON_ERROR_ACCEPT, ON_ERROR_TEMPFAIL };

/* a profile as the file gives it: the policy's part (who the owner is, how
 * invitations are judged and what is done) and the drafts' part */
struct profile_conf {
	struct profile profile;		/* first: the key tables' offsets start here */
	struct draft_settings drafts;
};

struct config {
	atomic_int refs;
	char *file;		/* NULL for the built-in defaults */
	char *dir;		/* relative paths are relative to this */
	char *socket, *socket_group, *user, *pidfile;
	struct strlist local_hosts;	/* our hosts in Received (test mode's delivery trace) */
	char *metrics;		/* the metrics endpoint's socket, "" = none */
	char *recipient_delimiter;	/* the MTA's: its first character writes a detail */
	char *dns_resolver;	/* our DKIM key lookups' server, "" = the system's */
	char *dkim_keyfile;	/* keys from this file, not DNS (tests), "" = none */
	int dkim_timeout_ms;	/* one message's key lookups' bound */
	bool dkim_authres;	/* our verification's result in an Authentication-Results */
	unsigned socket_mode;
	bool allow_root;
	enum on_error on_error;
	char *patterns_file, *lexicons_file;
	struct engine_settings engine;	/* patterns (both files, by role) and limits */
	struct policy policy;		/* points into engine and rules */
	int log_level, syslog_facility, milter_timeout;
	struct profile_conf owner;
	struct profile_conf *profiles;
	size_t n_profiles;
	struct rule *rules;
	size_t n_rules;
};

/* config_load - read FILE (NULL: the built-in defaults, with the shipped data
 * files looked up in SYSCONFDIR then in the binary). NULL on error, with
 * every problem in ERRS as "FILE:LINE: key: what is wrong". */
struct config *config_load(const char *file, struct errlist *errs);
struct config *config_ref(struct config *c);
void config_unref(struct config *c);

/* config_profile - the profile for envelope recipient RCPT (owner if none) */
const struct profile_conf *config_profile(const struct config *c, const char *rcpt);

int config_log_level(const struct config *c);	/* a syslog priority */
int config_syslog_facility(const struct config *c);

#endif
