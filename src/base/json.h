/* json.h - write JSON values into a buffer: strings always valid UTF-8 and
 * escaped, whatever bytes they came from
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
#ifndef LM_JSON_H
#define LM_JSON_H
#include "buf.h"

void json_string(struct buf *b, const char *s);	/* NULL writes null */
void json_key(struct buf *b, const char *key, int first);

#endif
