/* encode.h - text from the network made safe for headers and drafts:
 * control characters and line breaks removed, lengths bounded, RFC 2047
 * words for headers and quoted-printable for bodies
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
#ifndef LM_ENCODE_H
#define LM_ENCODE_H
#include <stddef.h>
#include "buf.h"

/* header_text - a copy of S for a header: controls, CR and LF become spaces,
 * whitespace collapsed, bidi overrides removed, cut to MAX bytes on a
 * character boundary. NULL when out of memory. */
char *header_text(const char *s, size_t max);
/* rfc2047 - S (UTF-8) as a header value: unchanged when it is printable
 * ASCII with no "=?", else base64 encoded words of at most 52 characters
 * separated by a space; appended to B. */
int rfc2047(struct buf *b, const char *s);
/* rfc2047_phrase - the same for a display name: specials are encoded too */
int rfc2047_phrase(struct buf *b, const char *s);
/* qp_body - TEXT (UTF-8, LF line ends) as quoted-printable lines of at
 * most 76 characters with CRLF ends, appended to B */
int qp_body(struct buf *b, const char *text);

#endif
