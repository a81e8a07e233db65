/* fuzz_patterns.c - the patterns data file: any text loads into patterns or
 * errors with a file and line; whatever loaded then matches a fixed
 * invitation text without a crash (PCRE2's limits bound the matching) */
#include <string.h>
#include "fuzz.h"
#include "patterns.h"

static const char sample[] =
	"Hi Bob, I'd like to join your LinkedIn network.\n"
	"Jane Doe\nSenior Recruiter at Acme\nAccept: https://www.linkedin.com/comm/in/jane-doe\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct patterns p;
	struct errlist errs = { 0 };
	char *text = fuzz_string(data, size);

	if (!text)
		return 0;
	memset(&p, 0, sizeof p);
	if (patterns_load(&p, "fuzz.conf", text, &errs) == 0 && patterns_finish(&p) == 0)
		for (int r = 0; r < ROLE_COUNT; r++)
			role_first(&p, (enum role)r, sample, sizeof sample - 1, NULL);
	patterns_free(&p);
	errlist_free(&errs);
	free(text);
	return 0;
}
