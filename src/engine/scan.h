/* scan.h - one message through the engine, fed the way the milter gets it:
 * envelope, headers one by one, end of headers, body chunks, end of message.
 * What comes out is the invitation: its kind, authenticity and fields. The
 * verdict is the policy layer's (config/inbound.h puts the two together).
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_SCAN_H
#define LM_SCAN_H
#include <stdbool.h>
#include "engine_settings.h"
#include "headers.h"
#include "invitation.h"
#include "message.h"
#include "buf.h"

struct dkimv;

struct scan {
	const struct engine_settings *set;	/* outlives the scan (the caller's) */
	char envfrom[MAX_ADDRESS + 1];
	const char *envfrom_domain;	/* in envfrom, NULL when unknown */
	char rcpt[MAX_ADDRESS + 1];	/* first envelope recipient */
	struct headers h;		/* the headers the engine reads */
	struct buf mime;		/* MIME headers and the body, for the parser */
	size_t body_bytes;
	bool need_body;
	struct message msg;
	struct invitation inv;
	struct buf raw;			/* every header "Name: value\0", for DKIM */
	struct dkimv *dkim;		/* our verification, NULL when none */
	char reason[256];		/* why the message was read only in part */
};

enum scan_step { SCAN_MORE, SCAN_DONE };

void scan_init(struct scan *s, const struct engine_settings *set);
void scan_free(struct scan *s);
/* scan_envfrom, scan_rcpt - the envelope (the first recipient kept); 0 */
int scan_envfrom(struct scan *s, const char *addr);
int scan_rcpt(struct scan *s, const char *addr);
/* scan_header - one header; -1 only when out of memory */
int scan_header(struct scan *s, const char *name, const char *value);
/* scan_eoh - SCAN_DONE settles the message as not LinkedIn (kind none),
 * SCAN_MORE asks for the body; -1 when out of memory */
int scan_eoh(struct scan *s);
/* scan_body - SCAN_DONE once max_scan_bytes were read (or the body is not
 * needed), else SCAN_MORE; -1 when out of memory. A message under DKIM
 * verification is read to its end (fed on, not kept). */
int scan_body(struct scan *s, const char *data, size_t len);
/* scan_eom - decode, detect, extract; -1 on an internal error (out of memory) */
int scan_eom(struct scan *s);

#endif
