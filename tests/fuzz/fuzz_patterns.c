/* fuzz_patterns.c - the patterns data file: any text loads into patterns or
 * errors with a file and line; whatever loaded then matches a fixed
 * invitation text without a crash (PCRE2's limits bound the matching), and
 * a role's patterns joined into one regex (patterns_any.c) match exactly
 * when one of them alone does, on the sample and on a subject line */
#include <string.h>
#include "fuzz.h"
#include "patterns.h"
#include "strlist.h"

static const char sample[] =
	"Hi Bob, I'd like to join your LinkedIn network.\n"
	"Jane Doe\nSenior Recruiter at Acme\nAccept: https://www.linkedin.com/comm/in/jane-doe\n";
static const char *const subjects[] = {
	sample, "Jane Doe wants to connect", "Invitation to connect on LinkedIn", "linkedin.com",
	"mail.lnkedin.example", "Re: Fwd: your invitation", "",
};

/* the joined regex of role R says what its patterns one by one say */
static void joined_agrees(struct patterns *p, enum role r)
{
	for (size_t i = 0; i < sizeof subjects / sizeof *subjects; i++) {
		size_t len = strlen(subjects[i]);
		bool joined = role_match(p, r, subjects[i], len);
		bool alone = set_match(patterns_role(p, r), subjects[i], len, NULL) != NULL;

		FUZZ_CHECK(joined == alone, "a joined role disagrees with its patterns");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct patterns p;
	struct errlist errs = { 0 };
	char *text = fuzz_string(data, size);

	if (!text)
		return 0;
	memset(&p, 0, sizeof p);
	if (patterns_load(&p, "fuzz.conf", text, &errs) == 0 && patterns_finish(&p) == 0)
		for (int r = 0; r < ROLE_COUNT; r++) {
			role_first(&p, (enum role)r, sample, sizeof sample - 1, NULL);
			if (p.any[r])
				joined_agrees(&p, (enum role)r);
		}
	patterns_free(&p);
	errlist_free(&errs);
	free(text);
	return 0;
}
