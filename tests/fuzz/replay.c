/* replay.c - runs a harness over saved inputs without libFuzzer, so that
 * `make check` replays the corpora and the regressions with any compiler:
 * every file named on the command line, once; a finding aborts */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"

#define MAX_INPUT (8 << 20)

static int replay(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data;
	size_t n;

	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	data = malloc(MAX_INPUT);
	if (!data) {
		fclose(f);
		return -1;
	}
	n = fread(data, 1, MAX_INPUT, f);
	fclose(f);
	LLVMFuzzerTestOneInput(data, n);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	int failed = 0;

	for (int i = 1; i < argc; i++)
		failed |= replay(argv[i]) < 0;
	printf("replayed %d inputs\n", argc - 1 - failed);
	return failed ? 1 : 0;
}
