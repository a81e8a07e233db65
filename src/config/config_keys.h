/* config_keys.h - the rows of the key tables of config.c and
 * config_profile.c, by name: each table is indexed by its enum with
 * designated initializers, so a key inserted anywhere shifts no other one
 *
 * DIAGNOSTICS (config): loading reports every problem, out of memory
 * included, as an error line (FILE:LINE when it has one); a reload that
 * fails keeps the configuration in force. A message: inbound.h. */
#ifndef LM_CONFIG_KEYS_H
#define LM_CONFIG_KEYS_H
#include <stddef.h>
#include "config_schema.h"

/* the top level of the file; bit K of schema_read's SEEN is key K */
enum config_key {
	K_SOCKET, K_SOCKET_GROUP, K_SOCKET_MODE, K_USER, K_ALLOW_ROOT, K_PIDFILE,
	K_ON_ERROR, K_MAX_SCAN_BYTES, K_AUTHSERV_ID, K_LOCAL_HOSTS, K_TRUSTED_ARC_SEALERS, K_REQUIRE_AUTHENTICATION,
	K_PATTERNS, K_LEXICONS, K_LOG_LEVEL, K_SYSLOG_FACILITY, K_MILTER_TIMEOUT,
	K_OWNER, K_ACTIONS, K_PROFILES, K_DRAFTS, K_METRICS, K_RULES,
	K_RECIPIENT_DELIMITER,
	K_DKIM_VERIFY, K_DNS_RESOLVER, K_DKIM_KEYFILE, K_DKIM_TIMEOUT_MS, K_DKIM_AUTHRES,
	K_COUNT
};

/* a profile: the owner group has the keys before PK_OWNER_COUNT, each of
 * profiles = ( ... ) has them all */
enum profile_key {
	PK_NAMES, PK_EMPLOYERS, PK_SCHOOLS, PK_GROUPS, PK_CONTACTS, PK_MODE,
	PK_LANGUAGE, PK_ADDRESS, PK_LANGUAGES,
	PK_OWNER_COUNT,
	PK_RECIPIENTS = PK_OWNER_COUNT, PK_ACTIONS, PK_DRAFTS,
	PK_COUNT
};

/* the tables, for the unit tests: their rows and *N the number of rows */
const struct key *config_key_table(size_t *n);
const struct key *profile_key_table(size_t *n);

#endif
