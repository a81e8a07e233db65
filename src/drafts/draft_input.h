/* draft_input.h - everything a reply draft is made from: the invitation, the
 * owner it answers for, what the verdict found, and the drafts' settings.
 * The drafts layer reads only this, never the scan or the configuration.
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_DRAFT_INPUT_H
#define LM_DRAFT_INPUT_H
#include <stdbool.h>
#include "invitation.h"
#include "patterns.h"
#include "profile.h"

struct templates;

/* the drafts settings of one profile (drafts = { ... } in the file) */
struct draft_settings {
	char *store;		/* maildir:PATH or imap[s]://... (%u %d) */
	char *templates;	/* directory of <lang>/<name> templates */
	char *credentials;	/* file with the IMAP password, "" = none */
	char *spool;		/* where drafts wait when the store is down */
	char *sent_folder;	/* where sent drafts go, searched for keys; "" = none */
	int once_per_days;
	int timeout_ms;		/* longest the MTA waits for the store */
	int imap_timeout;	/* seconds per IMAP network step */
	bool auto_send;
	struct templates *library;	/* `templates` over the shipped ones, loaded */
};

struct draft_input {
	const struct invitation *inv;	/* name, headline, claim, language, ... */
	const char *rcpt;		/* the envelope recipient, "" when unknown */
	const char *message_id;		/* of the invitation, NULL when none */
	const struct profile *owner;	/* names, organisations, language, address */
	const struct draft_settings *set;
	const struct patterns *patterns;	/* LinkedIn's domains (no reply to them) */
	bool claim_mismatch;		/* the verdict's first reason: use the claim's variant */
};

#endif
