/* entities.h - HTML5's named character references beyond the common ones
 * html.c knows by heart, read by gumbo's tokenizer (WHATWG's whole list) *
 * DIAGNOSTICS (engine): a reference gumbo cannot read (unknown, partial,
 * or no memory for it) is left as written; nothing here fails a message */
#ifndef LM_ENTITIES_H
#define LM_ENTITIES_H
#include <stddef.h>

/* the longest name of the list ("CounterClockwiseContourIntegral") */
#define ENTITY_NAME_MAX 32
/* the most UTF-8 bytes one reference stands for (two code points) */
#define ENTITY_MAX 8

/* entity_named - NAME (LEN bytes, without "&" and ";") as HTML5 reads
 * "&NAME;": its UTF-8 in OUT, the byte count returned; 0 when NAME is not
 * a whole name of the list ("&notit;" is not "&not;" followed by "it;") */
size_t entity_named(const char *name, size_t len, char out[ENTITY_MAX]);

#endif
