/* note_lang.h - the language a personal note is clearly written in, among
 * the languages the owner writes (owner.languages) *
 * DIAGNOSTICS (drafts): no clear language, or no memory to tell, is NULL:
 * the draft is then in the notification's language, never left unmade */
#ifndef LM_NOTE_LANG_H
#define LM_NOTE_LANG_H
#include <stdbool.h>
#include "strlist.h"
#include "templates.h"

/* note_language - the language of LANGS that NOTE is clearly written in,
 * by the common-words of every language of LIB (the user's file where there
 * is one): at least three of its words, twice as many as of any other
 * language and one word in eight of the note; NULL when none is clear (or
 * out of memory: *OOM set). The result points into LIB. */
const char *note_language(const struct templates *lib, const char *note, const struct strlist *langs,
			  bool *oom);

#endif
