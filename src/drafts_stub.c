/* drafts_stub.c - placeholder until the draft store lands */
#include "autoconfig.h"
#include "drafts.h"

int drafts_submit(const struct scan *s, const char *template, const char *qid)
{
	return -1;
}
