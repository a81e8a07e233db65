/* draft_text.h - the words of a reply draft: the template that answers the
 * invitation, in its language, with the inviter's values filled and long
 * lines wrapped; and a subject that makes sense to the inviter
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_DRAFT_TEXT_H
#define LM_DRAFT_TEXT_H
#include <stdbool.h>
#include "buf.h"
#include "draft_input.h"
#include "buf.h"

#define DRAFT_WRAP 72		/* columns a line of the body is wrapped at */

struct draft_text {
	char lang[4], template[48];	/* what was rendered */
	char *subject;			/* "Re: ..." on one line, UTF-8 */
	char *body;			/* LF line ends, UTF-8 */
};

/* draft_text - TEMPLATE (a name: "ask") for the invitation of S: its variant
 * for a mistaken claim ("ask-colleague") or for an organisation the
 * inviter's headline shares with the owner ("ask-shared") when there is
 * one; with the send-hint above it when HINT. -1 with ERR when there is no
 * such template (or no memory). T is initialised here: draft_text_free()
 * it in every case. */
int draft_text(const struct draft_input *s, const char *template, bool hint, struct draft_text *t,
	       char *err, size_t errlen);
void draft_text_free(struct draft_text *t);
/* draft_wrap - TEXT with every paragraph that has a line over DRAFT_WRAP
 * columns filled again (a line that is a URL alone is left alone), appended
 * to OUT; -1 when OUT ran out of memory (now or before: buf_failed) */
int draft_wrap(const char *text, struct buf *out);

#endif
