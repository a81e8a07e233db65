/* report.h - the test-mode JSON object of one scanned message
 *
 * DIAGNOSTICS (cli): an error line on stderr and a non-zero exit status
 * (sysexits.h); test mode prints no line for a message that failed. */
#ifndef LM_REPORT_H
#define LM_REPORT_H
#include <stdbool.h>
#include "inbound.h"
#include "buf.h"

void report_json(struct buf *b, const char *file, const struct inbound *s, bool explain);

#endif
