/* drafts.h - reply drafts handed over by the milter: rendered and stored
 * without holding the MTA longer than drafts.timeout_ms */
#ifndef DRAFTS_H
#define DRAFTS_H
#include "engine.h"

/* drafts_submit - queue the draft TEMPLATE for the invitation of S;
 * 0 when queued (or one exists already), -1 when it could not be */
int drafts_submit(const struct scan *s, const char *template, const char *qid);

#endif
