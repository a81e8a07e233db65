/* gateway.h - taking off what mail gateways and lists add on the way: tags,
 * banners and rewritten links (patterns.conf: tag, tag.list, banner,
 * rewriter). Only mail that is LinkedIn-like at the end of its headers
 * gets the body work; the tags are taken off every subject cheaply.
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_GATEWAY_H
#define LM_GATEWAY_H
#include <stddef.h>
#include "engine_settings.h"
#include "headers.h"
#include "strlist.h"

#define MAX_LINK_BYTES 4096	/* an unwrapped link is never longer */
#define MAX_REWRITERS 2		/* nested rewriters unwrapped; more: neutral */

/* gateway_untag - gateways' tags off the Subject and the From display
 * name, and a list's subject prefix when the mail has a List-Id; in place */
void gateway_untag(const struct engine_settings *c, struct headers *h);
/* gateway_unbanner - warning paragraphs at the top and bottom of TEXT
 * (LEN bytes, NUL-terminated) taken off, in place; the new length */
size_t gateway_unbanner(const struct engine_settings *c, char *text, size_t len);
/* gateway_unwrap_links - each rewritten link replaced by its original;
 * one whose target is hidden (or past MAX_REWRITERS) is removed: neutral,
 * neither LinkedIn's nor foreign. 0 (out of memory only loses a link) */
int gateway_unwrap_links(const struct engine_settings *c, struct strlist *links);
/* gateway_unwrap_text - the rewritten links in *TEXT (*LEN bytes) replaced
 * by their originals (a new string; a hidden target stays as it was), so
 * that a note quotes the link its writer wrote; -1 when out of memory (the
 * text is then unchanged) */
int gateway_unwrap_text(const struct engine_settings *c, char **text, size_t *len);

#endif
