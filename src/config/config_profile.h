/* config_profile.h - the owner profile, per-recipient profiles, actions,
 * drafts and user rules of the configuration
 *
 * DIAGNOSTICS (config): loading reports every problem, out of memory
 * included, as an error line (FILE:LINE when it has one); a reload that
 * fails keeps the configuration in force. A message: inbound.h. */
#ifndef LM_CONFIG_PROFILE_H
#define LM_CONFIG_PROFILE_H
#include "config.h"
#include "config_schema.h"

void profile_defaults(struct profile_conf *p);
int profile_copy(struct profile_conf *dst, const struct profile_conf *src);
void profile_free(struct profile_conf *p);

/* readers for KEY_CUSTOM keys; BASE is the profile (or the config for rules) */
int read_owner(struct schema_ctx *ctx, const config_setting_t *s,
	       const char *path, void *base, const struct key *k);
int read_actions(struct schema_ctx *ctx, const config_setting_t *s,
		 const char *path, void *base, const struct key *k);
int read_drafts(struct schema_ctx *ctx, const config_setting_t *s,
		const char *path, void *base, const struct key *k);
/* read_profiles - profiles = ( {...}, ... ) into CFG, each starting from the owner */
int read_profiles(struct schema_ctx *ctx, const config_setting_t *s,
		  struct config *cfg);
int read_rules(struct schema_ctx *ctx, const config_setting_t *s,
	       const char *path, void *base, const struct key *k);
void rules_free(struct rule *r, size_t n);

#endif
