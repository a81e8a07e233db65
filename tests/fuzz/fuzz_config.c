/* fuzz_config.c - the configuration reader: any text as a configuration
 * file gives a configuration or errors, never a crash or a leak. Inputs
 * naming other files (@include, device and proc paths) are skipped: the
 * file is the administrator's, and reading /dev/zero is not a parser bug. */
#include <string.h>
#include <unistd.h>
#include "config.h"
#include "fuzz.h"
#include "strlist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct errlist errs = { 0 };
	struct config *c;
	char *text = fuzz_string(data, size);
	FILE *f;

	if (!text || strstr(text, "@include") || strstr(text, "/dev") || strstr(text, "/proc") ||
	    strstr(text, "/sys")) {
		free(text);
		return 0;
	}
	if (!path[0])
		snprintf(path, sizeof path, "/tmp/fuzz-config.%ld.conf", (long)getpid());
	if (!(f = fopen(path, "w"))) {
		free(text);
		return 0;
	}
	fwrite(text, 1, size, f);
	fclose(f);
	free(text);
	c = config_load(path, &errs);
	FUZZ_CHECK(c != NULL || errs.msgs.n > 0 || errs.oom, "no configuration and no error");
	for (size_t i = 0; i < errs.msgs.n; i++)
		FUZZ_CHECK(!strchr(errs.msgs.v[i], '\n'), "an error message spans lines");
	config_unref(c);
	errlist_free(&errs);
	unlink(path);
	return 0;
}
