/* version.h - the program's version and its libraries'
 *
 * DIAGNOSTICS (cli): an error line on stderr and a non-zero exit status
 * (sysexits.h); test mode prints no line for a message that failed. */
#ifndef LM_VERSION_H
#define LM_VERSION_H
#include <stdio.h>
#include "config.h"

void print_versions(FILE *f);

/* test_mode - each of PATHS (a message, or "-" for standard input) through
 * the layers, one JSON line each; with DRAFTS their drafts stored */
int test_mode(struct config *c, char **paths, int n, bool explain, const char *drafts);

#endif
