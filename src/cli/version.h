/* version.h - the program's version and its libraries' */
#ifndef VERSION_H
#define VERSION_H
#include <stdio.h>
#include "config.h"

void print_versions(FILE *f);

/* entry points of the two modes (testmode.c, daemon.c) */
int test_mode(struct config *c, char **paths, int n, bool explain, const char *drafts);
int daemon_run(struct config *c, const char *config_file, bool foreground);

#endif
