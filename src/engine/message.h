/* message.h - one raw message decoded with libetpan into the UTF-8 text of
 * its best part and the link targets it carries
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_MESSAGE_H
#define LM_MESSAGE_H
#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "strlist.h"

#define MIME_MAX_DEPTH 16	/* nested multiparts handed to the parser */
#define MIME_MAX_PARTS 512	/* boundary lines handed to the parser */

struct message {
	char *text;		/* UTF-8 text of the text/plain part, else of the HTML */
	size_t text_len;
	bool from_html;
	struct strlist links;	/* link targets in the text and HTML parts */
	char reason[200];	/* why reading was partial; "" when it was not */
};

/* message_parse - decode RAW[0..LEN) (header block, blank line, body);
 * never fails on bad input: what could be read is kept and M->reason says
 * what went wrong. -1 only when out of memory. MAX_TEXT bounds the text. */
int message_parse(struct message *m, const char *raw, size_t len, size_t max_text);
/* message_parse_buf - the same over RAW's bytes, which it decodes in place
 * and frees (RAW is empty after, whatever the result): at its peak the
 * message holds its undecoded bytes, or its decoded parts and their UTF-8
 * text (each at most MAX_TEXT bytes), never all of them. */
int message_parse_buf(struct message *m, struct buf *raw, size_t max_text);
void message_free(struct message *m);

#endif
