/* lines.h - the inviter's part of the decoded text cut into lines, each
 * trimmed of blanks (Unicode spaces and zero-width characters too) and
 * given a structural class by the line roles of patterns.conf
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_LINES_H
#define LM_LINES_H
#include <stdbool.h>
#include <stddef.h>
#include "patterns.h"

enum line_class {
	LINE_TEXT,		/* none of the below: a note or a field */
	LINE_BLANK,
	LINE_RULE,		/* only punctuation: ------, ......, ____ */
	LINE_URL,		/* a link alone */
	LINE_LABEL,		/* role label: a button or link label */
	LINE_BOILERPLATE,	/* role boilerplate */
	LINE_NAME_BODY,		/* role name.body: a sentence naming the inviter */
	LINE_CLAIM,		/* role claim.* */
	LINE_MUTUAL,		/* role mutual */
	LINE_LOCATION,		/* role location (set while reading the block) */
	LINE_QUOTED,		/* part of a quoted note */
	LINE_NAME,		/* the inviter's name alone */
	LINE_HEADLINE
};

#define MAX_LINES 256		/* lines of the inviter's part looked at */

struct line {
	const char *s;		/* trimmed */
	size_t len;
	enum line_class cls;
};

#define JOINED_MAX 4096	/* bytes of lines joined after re-wrapping */

struct lines {
	struct line v[MAX_LINES];
	size_t n;
	size_t first_label;	/* index of the first label line, or n */
	char joined[JOINED_MAX];	/* sentences a client wrapped, rejoined */
	size_t joined_len;
};

/* lines_read - cut TEXT[0..LEN) into lines and classify them (past the
 * first label only as blank, rule, link or text: what follows the buttons
 * is read only for a quoted note); a sentence
 * naming the inviter or a claim that a client wrapped over two lines is
 * joined again (the first line then points into l->joined, the second gets
 * the same class) */
void lines_read(struct lines *l, const struct patterns *p, const char *text, size_t len);
/* lines_continue - line I+1 of L may be the rest of line I that a client
 * wrapped: line I is long and ends no sentence, I+1 a text line that is no
 * greeting ("Bob,") */
#define WRAPPED_MIN 40
bool lines_continue(const struct lines *l, size_t i);
/* lines_next - the first line at or after I that is not blank, or l->n */
size_t lines_next(const struct lines *l, size_t i);
/* blank_len - bytes of the blank character at S (LEFT bytes there), or 0:
 * ASCII blanks, no-break and other Unicode spaces, zero-width characters */
size_t blank_len(const unsigned char *s, size_t left);
/* text_collapse - in place: blanks and line breaks become one space,
 * format characters (Unicode Cf: zero-width, bidi isolates and marks)
 * go, no space at either end */
void text_collapse(char *s);

#endif
