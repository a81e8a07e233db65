/* extract.h - the fields of an invitation, read with the patterns of
 * patterns.conf from the decoded text, the subject and the From name
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_EXTRACT_H
#define LM_EXTRACT_H
#include "engine_settings.h"
#include "headers.h"
#include "invitation.h"
#include "message.h"

/* extract_fields - fill INV's fields (kind invitation or reminder); -1
 * when there is no memory for its table of lines. A field whose copy runs
 * out of memory is left NULL and the failure noted (mem_failed()): the
 * scan_eom() that called this fails, never reads it as a field not there. */
int extract_fields(const struct engine_settings *c, const struct headers *h,
		   const struct message *m, struct invitation *inv);
/* canonical_profile - URL without tracking, per the profile.url patterns;
 * NULL when URL is not a profile link (or out of memory) */
char *canonical_profile(const struct engine_settings *c, const char *url, size_t len);

#endif
