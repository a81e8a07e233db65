/* worst_case.h - synthetic messages that cost the engine the most memory */
#ifndef LM_WORST_CASE_H
#define LM_WORST_CASE_H
#include <stddef.h>

/* worst_case - the Ith shape (from 0; NULL past the last): the header block
 * RAW[0..HLEN) of an invitation, its MIME headers replaced, over a body of at
 * least MAX bytes; *NAME says what it is. The caller frees it. */
char *worst_case(const char *raw, size_t hlen, size_t max, int i, size_t *len,
		 const char **name);

#endif
