/* fuzz_encode.c - text from the network on its way into headers and drafts:
 * whatever goes in, header text has no control character or line break,
 * encoded words are printable ASCII without line breaks, quoted-printable
 * lines are at most 76 characters and end in CRLF */
#include <string.h>
#include "encode.h"
#include "fuzz.h"
#include "buf.h"

static void check_header_text(const char *s)
{
	char *t = header_text(s, 200);

	if (!t)
		return;
	FUZZ_CHECK(strlen(t) <= 200, "header text longer than its bound");
	for (const unsigned char *p = (const unsigned char *)t; *p; p++)
		FUZZ_CHECK(*p >= 0x20 && *p != 0x7f, "control character in header text");
	free(t);
}

static void check_words(int (*encode)(struct buf *, const char *), const char *s)
{
	struct buf b;

	buf_init(&b, 0);
	if (encode(&b, s) == 0 && b.data) {
		size_t word = 0;

		for (const unsigned char *p = (const unsigned char *)b.data; *p; p++) {
			FUZZ_CHECK(*p >= 0x20 && *p < 0x7f, "encoded header is not printable ASCII");
			word = *p == ' ' ? 0 : word + 1;
			FUZZ_CHECK(word <= 75 || !strstr(b.data, "=?"), "encoded word over 75 characters");
		}
	}
	buf_free(&b);
}

static void check_qp(const char *s)
{
	struct buf b;

	buf_init(&b, 0);
	if (qp_body(&b, s) == 0 && b.data) {
		const char *line = b.data, *end;

		while ((end = strstr(line, "\r\n")) != NULL) {
			FUZZ_CHECK(end - line <= 76, "quoted-printable line over 76 characters");
			for (const char *p = line; p < end; p++)
				FUZZ_CHECK(*p != '\r' && *p != '\n', "bare CR or LF in quoted-printable");
			line = end + 2;
		}
		FUZZ_CHECK(*line == '\0', "quoted-printable does not end in CRLF");
	}
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);

	if (!s)
		return 0;
	check_header_text(s);
	check_words(rfc2047, s);
	check_words(rfc2047_phrase, s);
	check_qp(s);
	free(s);
	return 0;
}
