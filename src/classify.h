/* classify.h - an invitation and the owner's profile into a verdict with reasons */
#ifndef CLASSIFY_H
#define CLASSIFY_H
#include "config.h"
#include "engine.h"

void classify(const struct config *c, const struct profile *p,
	      const struct invitation *inv, const char *rcpt, const char *subject,
	      struct verdict_result *r);

#endif
