/* daemon.c - start the milter: socket, privileges, signals, libmilter main loop */
#include "autoconfig.h"

#include <stdio.h>
#include <sysexits.h>
#include "version.h"

int daemon_run(struct config *c, const char *config_file, bool foreground)
{
	fprintf(stderr, "linkedin-milter: the milter daemon is not built yet\n");
	return EX_UNAVAILABLE;
}
