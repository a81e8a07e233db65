/* draft_submit.h - reply drafts from the milter (through the store thread, never
 * holding the MTA longer than drafts.timeout_ms) and from test mode (stored
 * at once)
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_DRAFT_SUBMIT_H
#define LM_DRAFT_SUBMIT_H
#include "draft_input.h"

/* drafts_submit - render TEMPLATE for the invitation of S and hand it over;
 * 0 when stored, spooled or found in the store already; -1 (logged) when
 * nothing was rendered or the draft was neither stored nor spooled */
int drafts_submit(const struct draft_input *s, const char *template, const char *qid);
/* drafts_store_now - render and store at once, in STORE (NULL: the
 * profile's); the store result, or -1 (ERR set) when nothing was rendered */
int drafts_store_now(const struct draft_input *s, const char *template, const char *store,
		     char *err, size_t errlen);

/* drafts_metrics_names - the metrics' labels of stores and of what became
 * of drafts, from this layer's tables (metrics_names); once at the start */
void drafts_metrics_names(void);

#endif
