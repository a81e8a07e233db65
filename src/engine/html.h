/* html.h - HTML to plain text: tags removed, entities decoded, block
 * elements as line breaks, link targets collected
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_HTML_H
#define LM_HTML_H
#include <stddef.h>
#include "buf.h"
#include "strlist.h"

#define MAX_LINKS 1024	/* more: an empty last entry says so */
#define MAX_LINK_LEN 2048

/* html_to_text - append the text of HTML[0..LEN) to TEXT (UTF-8 in, UTF-8
 * out) and the href targets to LINKS (when not NULL); -1 out of memory */
int html_to_text(const char *html, size_t len, struct buf *text,
		 struct strlist *links);
/* html_links - only collect the href targets; -1 out of memory */
int html_links(const char *html, size_t len, struct strlist *links);
/* text_links - collect the http(s) URLs written in plain TEXT; -1 out of
 * memory (a link is never kept cut short) */
int text_links(const char *text, size_t len, struct strlist *links);
/* decode_entity - decode the entity at S ("&amp;", "&#39;", any of HTML5's
 * names) into OUT (UTF-8, at most ENTITY_MAX bytes: entities.h); returns
 * bytes of S used, 0 if not an entity */
size_t decode_entity(const char *s, size_t len, char *out, size_t *outlen);

/* text_entities - in place, decode the complete entities ("&#39;",
 * "&amp;", "&copy;") of a plain text part (LinkedIn's 2015-2016 text parts
 * carry them literally); returns the new length, S stays NUL-terminated */
size_t text_entities(char *s, size_t len);
#endif
