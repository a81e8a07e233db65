/* lookalike.h - domains that imitate LinkedIn's: ASCII look-alike patterns,
 * and IDN homographs by their Unicode confusable skeletons (UTS #39)
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_LOOKALIKE_H
#define LM_LOOKALIKE_H
#include <stdbool.h>
#include <stddef.h>
#include "patterns.h"

/* lookalike_domain - D (lower-case ASCII, xn-- labels or UTF-8) matches a
 * look-alike pattern, or reads like a genuine domain (a domain of P) or
 * carries a label that reads like its first label. The caller has already
 * found D not genuine. */
bool lookalike_domain(const struct patterns *p, const char *d);
/* lookalike_idn - D has an xn-- label or a non-ASCII byte: only such names
 * are decoded and compared by skeleton (the cheap test of the header path) */
bool lookalike_idn(const char *d);
/* lookalike_decode - D with its xn-- labels decoded, UTF-8, into OUT (size
 * LEN); false when D is not a valid IDN name, is too long, or OUT too small */
bool lookalike_decode(const char *d, char *out, size_t len);
/* lookalike_name - a word of the display name DISPLAY (UTF-8) reads like
 * the first label of the first genuine domain ("linkedin") without being it:
 * one letter off, l/i/1 swapped ("Linkedln", "LinkeIn"), or a Unicode
 * confusable of it. The name itself is left to the display patterns. */
bool lookalike_name(const struct patterns *p, const char *display);

#endif
