/* spool_census.c - the drafts waiting in a spool, counted from the names
 * spool_prepare() gives them: "BORN.PID.SEQ.TRIES.draft", BORN the time the
 * draft was spooled (a file's mtime is its next try, not its age) */
#include "autoconfig.h"
#include "spool_census.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>

/* NAME is a spooled draft's: its creation time into *BORN */
static int draft_born(const char *name, time_t *born)
{
	size_t len = strlen(name);
	long long t;

	if (name[0] == '.' || len < 6 || strcmp(name + len - 6, ".draft") != 0 ||
	    sscanf(name, "%lld.", &t) != 1)
		return -1;
	*born = (time_t)t;
	return 0;
}

void spool_census(const char *dir, long max, long *n, time_t *oldest)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	long seen = 0;
	time_t born;

	while (d && (e = readdir(d)) != NULL && seen++ < max) {
		if (draft_born(e->d_name, &born) < 0)
			continue;
		(*n)++;
		if (!*oldest || born < *oldest)
			*oldest = born;
	}
	if (d)
		closedir(d);
}
