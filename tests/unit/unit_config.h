/* unit_config.h - for the programs that render drafts: a configuration
 * (lm.conf in a new temporary directory, over the source tree's patterns,
 * lexicons and templates, with the owner given; removed with its directory
 * after) and a scan of an invitation as the engine would leave it */
#ifndef UNIT_CONFIG_H
#define UNIT_CONFIG_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "scan.h"
#include "strlist.h"

/* unit_config - DIR (a mkdtemp template, made here) holding lm.conf with
 * OWNER (the inside of owner = { ... }); the loaded configuration, or NULL
 * with the errors printed */
static inline struct config *unit_config(char *dir, const char *srcdir, const char *owner)
{
	struct errlist errs = { 0 };
	struct config *c = NULL;
	char path[512];
	FILE *f;

	if (!mkdtemp(dir))
		return NULL;
	snprintf(path, sizeof path, "%s/lm.conf", dir);
	if (!(f = fopen(path, "w")))
		return NULL;
	fprintf(f, "patterns = \"%s/conf/patterns.conf\";\nlexicons = \"%s/conf/lexicons.conf\";\n"
		"owner = { %s };\ndrafts = { templates = \"%s/conf/templates\"; };\n",
		srcdir, srcdir, owner, srcdir);
	if (fclose(f) == 0)
		c = config_load(path, &errs);
	for (size_t i = 0; i < errs.msgs.n; i++)
		fprintf(stderr, "%s\n", errs.msgs.v[i]);
	errlist_free(&errs);
	return c;
}

/* unit_config_free - C released, DIR and all in it removed; 0 when done */
static inline int unit_config_free(struct config *c, const char *dir)
{
	char cmd[600];

	config_unref(c);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* a reply draft's input as the layers above leave it, with the invitation it
 * points to */
struct unit_draft {
	struct invitation inv;
	struct draft_input in;
};

/* unit_scan - S for an invitation to the owner of C in LANG; a CLAIM (not
 * CLAIM_NONE) is one that did not match */
static inline void unit_scan(struct unit_draft *s, struct config *c, const char *name,
			     const char *lang, enum claim_kind claim, const char *org,
			     const char *headline, const char *email)
{
	memset(s, 0, sizeof *s);
	s->inv.kind = KIND_INVITATION;
	s->inv.authentic = 1;
	s->inv.name = (char *)name;
	s->inv.email = (char *)email;
	s->inv.headline = (char *)headline;
	s->inv.profile_url = (char *)"https://www.linkedin.com/in/janedoe";
	snprintf(s->inv.language, sizeof s->inv.language, "%s", lang);
	s->inv.claim = claim;
	s->inv.claim_org = (char *)org;
	s->in.inv = &s->inv;
	s->in.rcpt = "bob.smith@example.org";
	s->in.message_id = "<1.2.3@lva1-app1.prod.linkedin.com>";
	s->in.owner = &c->owner.profile;
	s->in.set = &c->owner.drafts;
	s->in.patterns = &c->engine.patterns;
	s->in.claim_mismatch = claim != CLAIM_NONE;
}

#endif
