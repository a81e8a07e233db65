/* embedded.c - look up a data file compiled into the binary */
#include "autoconfig.h"
#include "embedded.h"

#include <string.h>

const struct embedded_file *embedded_find(const char *name)
{
	for (const struct embedded_file *b = embedded_files; b->name; b++)
		if (strcmp(b->name, name) == 0)
			return b;
	return NULL;
}
