/* spool_census.h - how many drafts wait in a spool and since when, for the
 * metrics: the spool's file names are this layer's to read (spool.c makes
 * them), never the reader's
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_SPOOL_CENSUS_H
#define LM_SPOOL_CENSUS_H
#include <time.h>

/* spool_census - add the drafts waiting in DIR to *N, and lower *OLDEST (0:
 * none yet) to the creation time of the oldest; at most MAX names looked at.
 * A spool that cannot be read counts nothing. */
void spool_census(const char *dir, long max, long *n, time_t *oldest);

#endif
