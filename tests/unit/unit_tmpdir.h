/* unit_tmpdir.h - a test's temporary directory: made (a mkdtemp template)
 * before the tests, removed with all in it after */
#ifndef UNIT_TMPDIR_H
#define UNIT_TMPDIR_H
#include <stdio.h>
#include <stdlib.h>

/* unit_tmpdir_make - DIR (a mkdtemp template) made; 0, or -1 */
static inline int unit_tmpdir_make(char *dir)
{
	return mkdtemp(dir) ? 0 : -1;
}

/* unit_tmpdir_remove - DIR and all in it removed; 0, or -1 */
static inline int unit_tmpdir_remove(const char *dir)
{
	char cmd[600];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

#endif
