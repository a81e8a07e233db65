/* report.h - the test-mode JSON object of one scanned message */
#ifndef REPORT_H
#define REPORT_H
#include <stdbool.h>
#include "inbound.h"
#include "buf.h"

void report_json(struct buf *b, const char *file, const struct inbound *s, bool explain);

#endif
