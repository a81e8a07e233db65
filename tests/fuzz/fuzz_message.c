/* fuzz_message.c - the MIME layer: any bytes as a raw message through
 * libetpan's parser and our decoding; the text that comes out is valid
 * UTF-8, within the bound, and every link is a NUL-free string */
#include <string.h>
#include "fuzz.h"
#include "message.h"
#include "utf8.h"

#define MAX_TEXT (64 << 10)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct message m;

	if (message_parse(&m, (const char *)data, size, MAX_TEXT) < 0)
		return 0;	/* out of memory */
	if (m.text) {
		FUZZ_CHECK(m.text_len <= MAX_TEXT, "text longer than its bound");
		FUZZ_CHECK(strlen(m.text) == m.text_len, "text has a NUL inside");
		FUZZ_CHECK(utf8_valid(m.text, m.text_len), "text is not valid UTF-8");
	}
	for (size_t i = 0; i < m.links.n; i++)
		FUZZ_CHECK(m.links.v[i] != NULL, "a NULL link");
	message_free(&m);
	return 0;
}
