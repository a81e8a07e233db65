/* embedded.h - the shipped data files compiled into the binary (see embed.sh)
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
#ifndef LM_EMBEDDED_H
#define LM_EMBEDDED_H
#include <stddef.h>

struct embedded_file {
	const char *name;	/* path below conf/, e.g. "templates/en/ask" */
	const char *data;	/* NUL-terminated contents */
	size_t len;
};

extern const struct embedded_file embedded_files[];

/* embedded_find - the embedded copy of NAME, or NULL */
const struct embedded_file *embedded_find(const char *name);

#endif
