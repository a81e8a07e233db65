/* fuzz_scan.c - one message through the path the milter takes: envelope,
 * headers one at a time, end of headers, the body in chunks of a size the
 * input chooses, end of message; then the reply draft of every template.
 * The first two bytes choose the chunk size and the envelope sender (a
 * LinkedIn bounce address reaches the deep paths). A draft never gains a
 * header from the message: its header names are the ones we write, and
 * every header line ends in CRLF with no bare CR or LF inside. */
#include <string.h>
#include "config.h"
#include "draft_message.h"
#include "inbound.h"
#include "fuzz.h"
#include "strlist.h"

static struct config *cfg;

static const char *const allowed[] = {
	"From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
	"MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted",
	"X-LinkedIn-Draft-Key", "X-LinkedIn-Verdict", "X-LinkedIn-Milter", "Content-Language",
};

static int known(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof allowed / sizeof *allowed; i++)
		if (strlen(allowed[i]) == len && !strncasecmp(allowed[i], name, len))
			return 1;
	return 0;
}

static void check_draft(const struct draft *d)
{
	const char *p = d->msg.data, *end;

	while (p && (end = strstr(p, "\r\n")) != NULL && end != p) {
		for (const char *q = p; q < end; q++)
			FUZZ_CHECK(*q != '\r' && *q != '\n', "bare CR or LF in a draft header");
		FUZZ_CHECK(end - p <= 998, "draft header line over 998 characters");
		if (*p != ' ' && *p != '\t') {
			const char *colon = memchr(p, ':', (size_t)(end - p));

			FUZZ_CHECK(colon != NULL, "draft header line without a name");
			FUZZ_CHECK(known(p, (size_t)(colon - p)), "unexpected header in a draft");
		}
		p = end + 2;
	}
	FUZZ_CHECK(p && strncmp(p, "\r\n", 2) == 0, "draft has no end of headers");
}

static void drafts(const struct inbound *m)
{
	struct draft_input in;

	static const char *const names[] = { "accept", "ask", "decline" };

	for (size_t i = 0; i < 3; i++) {
		struct draft d;
		char err[200];

		inbound_draft_input(m, &in);
		if (draft_render(&in, names[i], &d, err, sizeof err) == 0)
			check_draft(&d);
		draft_free(&d);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct inbound m;
	struct scan *s = &m.scan;
	size_t chunk, body, off;
	int err = 0;

	if (!cfg) {
		struct errlist errs = { 0 };

		cfg = config_load(NULL, &errs);
		errlist_free(&errs);
		if (!cfg)
			abort();
	}
	if (size < 2)
		return 0;
	chunk = 1 + (size_t)data[0] * 61;
	inbound_init(&m, cfg);
	scan_envfrom(s, data[1] & 1 ? "s-abc@bounce.linkedin.com" : "someone@example.net");
	scan_rcpt(s, "bob.smith@example.org");
	data += 2;
	size -= 2;
	body = headers_split(&s->h, (const char *)data, size, &err);
	if (err == 0 && scan_eoh(s) == SCAN_MORE)
		for (off = body; off < size; off += chunk)
			if (scan_body(s, (const char *)data + off,
				      size - off < chunk ? size - off : chunk) != SCAN_MORE)
				break;
	if (err == 0 && inbound_eom(&m) == 0 && s->inv.kind == KIND_INVITATION)
		drafts(&m);
	inbound_free(&m);
	return 0;
}
