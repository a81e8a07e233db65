/* headers.h - the header fields of one message, collected one at a time (as
 * the milter receives them) with the few the engine reads kept apart
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_HEADERS_H
#define LM_HEADERS_H
#include <stdbool.h>
#include <stddef.h>
#include "buf.h"

enum hdr {
	H_FROM, H_SENDER, H_REPLY_TO, H_SUBJECT, H_MESSAGE_ID, H_DATE, H_TO,
	H_RETURN_PATH, H_DELIVERED_TO, H_X_TEMPLATE, H_X_CLASS,
	H_AUTO_SUBMITTED, H_PRECEDENCE, H_LIST_ID,
	H_CONTENT_TYPE, H_CONTENT_TRANSFER_ENCODING, H_COUNT
};

#define MAX_AUTH_RESULTS 16
#define MAX_ARC_RESULTS 4	/* ARC-Authentication-Results kept (one per sealing hop) */

/* how far an Authentication-Results header is believed */
enum ar_trust {
	AR_FORGED,		/* came with the mail: not at all */
	AR_FAIL_ONLY,		/* origin unknown: a fail, not a pass (forging a fail gains nothing) */
	AR_TRUSTED		/* added on this host by the verifier */
};
#define MAX_HEADER_VALUE 4096	/* bytes kept of one header the engine reads */
#define MAX_ADDRESS 320

/* a mailbox taken from a From, Sender, Reply-To or Return-Path value */
struct mailbox {
	char addr[MAX_ADDRESS + 1];	/* lower-cased domain, "" if none */
	const char *domain;		/* points into addr, "" if none */
	char *display;			/* decoded UTF-8 display name, or NULL */
};

/* Only the headers the engine reads are kept, unfolded and bounded, in one
 * arena: no allocation per header, nothing kept of the others. */
struct headers {
	struct buf arena;		/* the kept values, each NUL-terminated */
	size_t off[H_COUNT];		/* offset + 1 of the first occurrence; 0 absent */
	size_t ar_off[MAX_AUTH_RESULTS];	/* Authentication-Results, in order */
	size_t n_auth_results;
	size_t arc_off[MAX_ARC_RESULTS];	/* ARC-Authentication-Results, in order */
	size_t n_arc_results;
	bool received;			/* a Received header was seen */
	size_t count;			/* headers seen */
	bool cut;			/* a value was cut to MAX_HEADER_VALUE */
	/* filled by headers_finish() */
	const char *v[H_COUNT];		/* the values, NULL when absent */
	const char *auth_results[MAX_AUTH_RESULTS];
	unsigned char ar_trust[MAX_AUTH_RESULTS];	/* enum ar_trust of each */
	const char *arc_results[MAX_ARC_RESULTS];
	char *subject;			/* decoded UTF-8, "" when absent */
	struct mailbox from, sender, reply_to, return_path;
};

void headers_init(struct headers *h);
void headers_free(struct headers *h);
/* headers_add - one header as the MTA gives it (value may be folded);
 * -1 only when out of memory */
int headers_add(struct headers *h, const char *name, const char *value);
/* headers_get - the value of ID so far (valid until the next headers_add) */
const char *headers_get(const struct headers *h, enum hdr id);
/* headers_finish - resolve the values and decode what detection needs;
 * -1 when out of memory */
int headers_finish(struct headers *h);
/* headers_split - feed the header block of RAW to headers_add(); returns the
 * offset of the body (after the blank line). *ERR is -1 when memory ran out
 * (the headers after it missing), else 0. */
size_t headers_split(struct headers *h, const char *raw, size_t len, int *err);

/* parse_mailbox - the first mailbox of VALUE into MB, its display name
 * decoded when DISPLAY; 0 (a VALUE with no address leaves MB->addr ""), -1
 * only when out of memory decoding the display name */
int parse_mailbox(const char *value, struct mailbox *mb, bool display);
/* decode_phrase - RFC 2047 words and quotes of a header value, to UTF-8,
 * whitespace collapsed; NULL when out of memory */
char *decode_phrase(const char *value, size_t len);

#endif
