/* config.h - the configuration: an immutable, reference-counted snapshot of
 * the config file and everything it names (patterns, contacts, templates).
 * A reload builds a new one and swaps it in; each message keeps a reference
 * to the one it started with. */
#ifndef LM_CONFIG_H
#define LM_CONFIG_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "invitation.h"
#include "patterns.h"
#include "strlist.h"

enum mode { MODE_STRICT, MODE_SELECTIVE, MODE_OPEN };
enum on_error { ON_ERROR_ACCEPT, ON_ERROR_TEMPFAIL };

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

struct drafts {
	char *store;		/* maildir:PATH or imap[s]://... (%u %d) */
	char *templates;	/* directory of <lang>/<name> templates */
	char *credentials;	/* file with the IMAP password, "" = none */
	char *spool;		/* where drafts wait when the store is down */
	char *sent_folder;	/* where sent drafts go, searched for keys; "" = none */
	int once_per_days;
	int timeout_ms;		/* longest the MTA waits for the store */
	int imap_timeout;	/* seconds per IMAP network step */
	bool auto_send;
};

struct contacts;
struct templates;

struct profile {
	char *label;		/* "owner" or "profiles[N]" for logs */
	struct strlist recipient_res;	/* regexes, as written */
	pcre2_code **recipients;
	struct strlist names, employers, schools, groups, contacts_files;
	struct strlist org_keys[3];	/* employers, schools, groups as compared */
	struct strlist folded[3];	/* the same, folded, to find in notes */
	struct contacts *contacts;
	struct templates *templates;	/* drafts.templates over the shipped ones */
	enum mode mode;
	char *language;		/* draft language when the invitation's has none */
	char *address;		/* draft From; "" = the envelope recipient */
	struct action actions[ACTION_COUNT];
	struct drafts drafts;
};

struct rule {
	enum field field;
	pcre2_code *re;
	char *re_text;
	enum verdict verdict;
	char *reason;
	bool before;		/* before the default rules, else after */
};

struct config {
	atomic_int refs;
	char *file;		/* NULL for the built-in defaults */
	char *dir;		/* relative paths are relative to this */
	char *socket, *socket_group, *user, *pidfile;
	char *metrics;		/* the metrics endpoint's socket, "" = none */
	unsigned socket_mode;
	bool allow_root;
	enum on_error on_error;
	int max_scan_bytes;
	char *authserv_id;
	bool require_authentication;
	char *patterns_file, *lexicons_file;
	struct patterns patterns;	/* both files, indexed by role */
	int log_level, syslog_facility, milter_timeout;
	struct profile owner;
	struct profile *profiles;
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
const struct profile *config_profile(const struct config *c, const char *rcpt);

const char *mode_name(enum mode m);
int config_log_level(const struct config *c);	/* a syslog priority */
int config_syslog_facility(const struct config *c);

#endif
