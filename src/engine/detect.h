/* detect.h - is this LinkedIn mail, of which kind, and is it authentic
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_DETECT_H
#define LM_DETECT_H
#include <stdbool.h>
#include "engine_settings.h"
#include "headers.h"
#include "invitation.h"
#include "message.h"

/* detect_headers - true when the headers alone leave the message possibly
 * LinkedIn mail (the body is needed); false settles it as kind none.
 * ENVFROM is the envelope sender's domain, or NULL when unknown. */
bool detect_headers(const struct engine_settings *c, const struct headers *h,
		    const char *envfrom_domain);
/* the INV->why of a fake invitation known by its shape alone (a button and
 * connection wording, no layout of LinkedIn's): it has no fields to read */
extern const char detect_why_shape[];
/* detect_message - the kind into INV */
void detect_message(const struct engine_settings *c, const struct headers *h,
		    const char *envfrom_domain, const struct message *m,
		    struct invitation *inv);
/* detect_authentic - whether LinkedIn mail is LinkedIn's, into INV (after
 * extraction: links inside the inviter's note are the inviter's); when not,
 * INV->why is the reason id and INV->why_detail what it is about */
void detect_authentic(const struct engine_settings *c, const struct headers *h,
		      const char *envfrom_domain, const struct message *m,
		      struct invitation *inv);
/* url_host - the host of URL, lower-cased, into HOST (size LEN); false if none */
bool url_host(const char *url, char *host, size_t len);

#endif
