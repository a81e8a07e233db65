/* note.h - the inviter's personal note, found by its place among the
 * classified lines and cleaned of quote marks, greeting and signature
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_NOTE_H
#define LM_NOTE_H
#include "lines.h"
#include "patterns.h"

/* note_find - the note of L, cleaned (note_clean): the first quoted block
 * ("> " lines, or a paragraph in typographic or straight quotes) anywhere,
 * else (when RUNS) the first run of text lines before the first label that
 * is more than a greeting. NULL when there is none (or out of memory). */
char *note_find(const struct patterns *p, const struct lines *l, bool runs);
/* note_quote_at - a quoted note starts at line I of L; its last line in *END */
bool note_quote_at(const struct lines *l, size_t i, size_t *end);
/* note_clean - in place: preamble lines, the greeting and the signature
 * removed (roles note.preamble, note.greeting, note.signature), whitespace
 * collapsed */
void note_clean(const struct patterns *p, char *note);

#endif
