/* transfer.h - a MIME part's transfer encoding undone in place: the decoded
 * bytes are never more than the encoded ones, so the message's own buffer
 * holds them and no second copy of the part is made
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_TRANSFER_H
#define LM_TRANSFER_H
#include <stddef.h>

/* base64_decode_in_place - S[0..N) decoded over itself; characters outside
 * the alphabet (line breaks, padding, junk) are skipped, a last partial
 * group dropped. Returns the decoded length. */
size_t base64_decode_in_place(char *s, size_t n);
/* qp_decode_in_place - quoted-printable S[0..N) decoded over itself: "=XX"
 * becomes its byte, "=" at the end of a line (spaces allowed before the line
 * break) joins the lines, any other "=" is kept as it is. Returns the
 * decoded length. */
size_t qp_decode_in_place(char *s, size_t n);

#endif
