/* testmode.c - run the engine on message files and print one JSON line each */
#include "autoconfig.h"

#include <stdio.h>
#include <sysexits.h>
#include "version.h"

int test_mode(struct config *c, char **paths, int n, bool explain, const char *drafts)
{
	fprintf(stderr, "linkedin-milter: test mode needs the message engine, not built yet\n");
	return EX_UNAVAILABLE;
}
