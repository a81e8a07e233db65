/* pitch.h - pitches by role: the job title of a headline, a note that sells;
 * lexicons matched in the notification's language and English only
 *
 * DIAGNOSTICS (policy): judging and planning a message cannot fail on
 * input; out of memory while judging fails inbound_eom() (on_error);
 * lists loaded with the configuration report FILE:LINE errors. */
#ifndef LM_PITCH_H
#define LM_PITCH_H
#include <stdbool.h>
#include <stddef.h>
#include "patterns.h"

/* lexicon_match - S matches an entry of role R whose section is for any
 * language, for English, or for LANG (NULL or "": English only) */
bool lexicon_match(const struct patterns *p, enum role r, const char *lang,
		   const char *s, size_t len);
/* pitch_title - a job title of HEADLINE (before " at ", "@", " bei " ...;
 * the first "|" segment, and later ones written "title at org") is a
 * pitch; that title into TITLE (size LEN) */
bool pitch_title(const struct patterns *p, const char *lang, const char *headline,
		 char *title, size_t len);
/* pitch_note - NOTE sells something ("cut your print costs by 30 %") */
bool pitch_note(const struct patterns *p, const char *lang, const char *note);

#endif
