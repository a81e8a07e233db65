/* drafts-doc.c - docs/drafts/<lang>.md: one reply draft per template and
 * language, rendered by the engine (draft_text, as the milter renders them)
 * from the shipped templates, so a reader can see every draft without
 * running the program. tests/drafts-doc.sh checks the committed pages are
 * current; `make drafts-doc` writes them again.
 * usage: drafts-doc SRCDIR OUTDIR */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "draft_text.h"
#include "scan.h"
#include "unit/unit_config.h"

static const struct { const char *lang, *title, *inviter; } langs[] = {
	{ "en", "English", "Jane Doe" }, { "de", "German", "ANNA SCHMIDT" },
	{ "fr", "French", "Dr. Jean-Pierre Martin" }, { "es", "Spanish", "José Núñez" },
	{ "pt", "Portuguese", "Maria Souza" }, { "it", "Italian", "Giulia Bianchi" },
	{ "nl", "Dutch", "jan de vries" },
};

static const struct {
	const char *tpl, *shows;
	enum claim_kind claim;
	const char *headline;
	int hint;
} drafts[] = {
	{ "accept", "accept: an inviter in the owner's contacts", CLAIM_NONE, NULL, 0 },
	{ "consider", "consider: a personal note", CLAIM_NONE, NULL, 0 },
	{ "ask", "ask: no note, and no address to reply to (the send hint on top)",
	  CLAIM_NONE, NULL, 1 },
	{ "ask", "ask-colleague: \"we were colleagues at Initech\", not an employer of the owner",
	  CLAIM_COLLEAGUE, NULL, 0 },
	{ "ask", "ask-classmate: \"we studied at King's College London\", not a school of the owner",
	  CLAIM_CLASSMATE, NULL, 0 },
	{ "ask", "ask-group: \"we are both in Rust Zurich\", not a group of the owner",
	  CLAIM_GROUP, NULL, 0 },
	{ "ask", "ask-friend: \"we are friends\" from someone not in the contacts",
	  CLAIM_FRIEND, NULL, 0 },
	{ "ask", "ask-shared: the headline names the owner's employer Contoso",
	  CLAIM_NONE, "Product Manager at Contoso", 0 },
	{ "decline", "decline: an unsolicited pitch", CLAIM_NONE, "Recruiter at Hooli", 0 },
};

static const char *claim_org(enum claim_kind c)
{
	return c == CLAIM_COLLEAGUE ? "Initech" : c == CLAIM_CLASSMATE ? "King's College London" :
	       c == CLAIM_GROUP ? "Rust Zurich" : NULL;
}

static int page(struct config *cfg, size_t l, FILE *out)
{
	fprintf(out, "# Reply drafts in %s\n\n"
		"One draft per template, rendered by `tests/drafts-doc` from the shipped\n"
		"templates in `conf/templates/%s/` (regenerate with `make drafts-doc`).\n"
		"The inviter is \"%s\"; the owner is Bob Smith, who works at\n"
		"Contoso. The headers other than the Subject are left out.\n",
		langs[l].title, langs[l].lang, langs[l].inviter);
	for (size_t i = 0; i < sizeof drafts / sizeof drafts[0]; i++) {
		struct unit_draft s;
		struct draft_text d;
		char err[200];

		unit_scan(&s, cfg, langs[l].inviter, langs[l].lang, drafts[i].claim,
			  claim_org(drafts[i].claim), drafts[i].headline, NULL);
		s.inv.profile_url = (char *)"https://www.linkedin.com/in/example-inviter";
		if (draft_text(&s.in, drafts[i].tpl, drafts[i].hint, &d, err, sizeof err) < 0) {
			fprintf(stderr, "drafts-doc: %s: %s\n", langs[l].lang, err);
			draft_text_free(&d);
			return -1;
		}
		fprintf(out, "\n## %s\n\n%s\n\n```text\nSubject: %s\n\n%s```\n", d.template,
			drafts[i].shows, d.subject, d.body);
		draft_text_free(&d);
	}
	return 0;
}

int main(int argc, char **argv)
{
	char dir[] = "/tmp/drafts-doc.XXXXXX";
	struct config *cfg;
	int rc = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: drafts-doc SRCDIR OUTDIR\n");
		return 2;
	}
	if (!(cfg = unit_config(dir, argv[1], "names = [ \"Bob Smith\" ]; employers = [ \"Contoso\" ];")))
		return 1;
	for (size_t l = 0; l < sizeof langs / sizeof langs[0] && rc == 0; l++) {
		char path[4096];
		FILE *out;

		snprintf(path, sizeof path, "%s/%s.md", argv[2], langs[l].lang);
		if (!(out = fopen(path, "w"))) {
			perror(path);
			rc = 1;
			break;
		}
		rc = page(cfg, l, out) < 0 ? 1 : 0;
		if (fclose(out) != 0)
			rc = 1;
	}
	if (unit_config_free(cfg, dir) < 0)
		rc = 1;
	return rc;
}
