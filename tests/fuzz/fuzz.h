/* fuzz.h - what every harness shares: libFuzzer's entry point, and a check
 * that stops the run (a finding) when a property of the output is broken */
#ifndef FUZZ_H
#define FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, what)                                                  \
	do {                                                                    \
		if (!(cond)) {                                                  \
			fprintf(stderr, "fuzz: %s:%d: %s\n", __FILE__, __LINE__, what); \
			abort();                                                \
		}                                                               \
	} while (0)

/* fuzz_string - DATA[0..SIZE) as a NUL-terminated copy (NULL: out of memory) */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s) {
		for (size_t i = 0; i < size; i++)
			s[i] = (char)data[i];
		s[size] = '\0';
	}
	return s;
}

#endif
