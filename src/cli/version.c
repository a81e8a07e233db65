/* version.c - the program's version and the run-time versions of libmilter,
 * libetpan, libconfig and PCRE2 */
#include "autoconfig.h"
#include "version.h"

#include <libconfig.h>
#include <libetpan/libetpan.h>
#include <libmilter/mfapi.h>
#include <link.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "patterns.h"

struct lib_lookup {
	const char *prefix;
	char path[PATH_MAX];
};

static int find_lib(struct dl_phdr_info *info, size_t size, void *data)
{
	struct lib_lookup *l = data;
	const char *base = strrchr(info->dlpi_name, '/');

	base = base ? base + 1 : info->dlpi_name;
	if (strncmp(base, l->prefix, strlen(l->prefix)) != 0)
		return 0;
	if (!realpath(info->dlpi_name, l->path))
		snprintf(l->path, sizeof l->path, "%s", info->dlpi_name);
	return 1;
}

/* the file a shared library was loaded from, which names its version */
static const char *loaded_file(const char *prefix, struct lib_lookup *l)
{
	l->prefix = prefix;
	l->path[0] = '\0';
	dl_iterate_phdr(find_lib, l);
	return l->path[0] ? l->path : "not loaded as a shared library";
}

void print_versions(FILE *f)
{
	unsigned maj = 0, min = 0, pl = 0;
	char pcre[64] = "";
	uint32_t jit = 0;
	struct lib_lookup l;

	smfi_version(&maj, &min, &pl);
	pcre2_config(PCRE2_CONFIG_VERSION, pcre);
	pcre2_config(PCRE2_CONFIG_JIT, &jit);
	fprintf(f, "linkedin-milter %s\n", PACKAGE_VERSION);
	fprintf(f, "libmilter %u.%u.%u\n", maj, min, pl);
	fprintf(f, "libetpan %d.%d\n", libetpan_get_version_major(),
		libetpan_get_version_minor());
	fprintf(f, "libconfig %d.%d.%d (%s)\n", LIBCONFIG_VER_MAJOR,
		LIBCONFIG_VER_MINOR, LIBCONFIG_VER_REVISION,
		loaded_file("libconfig.so", &l));
	fprintf(f, "PCRE2 %s (JIT %s)\n", pcre, jit ? "available" : "not available");
}
