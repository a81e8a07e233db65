/* builtin_find.c - look up a data file compiled into the binary */
#include "autoconfig.h"
#include "builtin.h"

#include <string.h>

const struct builtin_file *builtin_find(const char *name)
{
	for (const struct builtin_file *b = builtin_files; b->name; b++)
		if (strcmp(b->name, name) == 0)
			return b;
	return NULL;
}
