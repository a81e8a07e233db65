/* engine.c - one message through the engine: headers collected, settled at
 * the end of headers when not LinkedIn-like, else the body read (bounded)
 * and decoded, detected, extracted and classified at the end */
#include "autoconfig.h"
#include "engine.h"

#include <stdio.h>
#include <string.h>
#include "classify.h"
#include "detect.h"
#include "extract.h"

void scan_init(struct scan *s, struct config *cfg)
{
	memset(s, 0, sizeof *s);
	s->cfg = config_ref(cfg);
	s->profile = &cfg->owner;
	headers_init(&s->h, (size_t)cfg->max_scan_bytes);
	invitation_free(&s->inv);
	s->result.verdict = VERDICT_NONE;
}

void scan_free(struct scan *s)
{
	headers_free(&s->h);
	message_free(&s->msg);
	invitation_free(&s->inv);
	config_unref(s->cfg);
	memset(s, 0, sizeof *s);
}

/* ADDR without its angle brackets, bounded */
static void copy_address(char *dst, const char *addr)
{
	size_t n;

	while (*addr == '<' || *addr == ' ')
		addr++;
	n = strcspn(addr, ">");
	n = n > MAX_ADDRESS ? MAX_ADDRESS : n;
	memcpy(dst, addr, n);
	dst[n] = '\0';
}

int scan_envfrom(struct scan *s, const char *addr)
{
	char *at;

	copy_address(s->envfrom, addr);
	at = strrchr(s->envfrom, '@');
	s->envfrom_domain = at ? at + 1 : NULL;
	for (char *p = at; p && *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	return 0;
}

int scan_rcpt(struct scan *s, const char *addr)
{
	if (s->rcpt[0])
		return 0;	/* the first recipient chooses the profile */
	copy_address(s->rcpt, addr);
	s->profile = config_profile(s->cfg, s->rcpt);
	return 0;
}

int scan_header(struct scan *s, const char *name, const char *value)
{
	return headers_add(&s->h, name, value);
}

int scan_eoh(struct scan *s)
{
	if (headers_finish(&s->h) < 0)
		return -1;
	if (s->h.raw.truncated)
		snprintf(s->reason, sizeof s->reason, "headers longer than max_scan_bytes: cut");
	if (!detect_headers(s->cfg, &s->h, s->envfrom_domain))
		return SCAN_DONE;
	s->need_body = true;
	/* the body follows the headers in the same buffer, for the MIME parser */
	s->h.raw.limit = s->h.raw.len + 2 + (size_t)s->cfg->max_scan_bytes;
	return buf_puts(&s->h.raw, "\r\n") < 0 ? -1 : SCAN_MORE;
}

int scan_body(struct scan *s, const char *data, size_t len)
{
	if (!s->need_body)
		return SCAN_DONE;
	if (buf_append(&s->h.raw, data, len) < 0)
		return -1;
	s->body_bytes += len;
	if (s->h.raw.truncated) {
		snprintf(s->reason, sizeof s->reason,
			 "body longer than max_scan_bytes (%d): read in part",
			 s->cfg->max_scan_bytes);
		return SCAN_DONE;
	}
	return SCAN_MORE;
}

int scan_eom(struct scan *s)
{
	if (!s->need_body) {
		s->inv.kind = KIND_NONE;
		return 0;
	}
	if (message_parse(&s->msg, s->h.raw.data, s->h.raw.len,
			  (size_t)s->cfg->max_scan_bytes) < 0)
		return -1;
	if (s->msg.reason[0] && !s->reason[0])
		snprintf(s->reason, sizeof s->reason, "%s", s->msg.reason);
	detect_message(s->cfg, &s->h, s->envfrom_domain, &s->msg, &s->inv);
	if (s->inv.kind == KIND_INVITATION || s->inv.kind == KIND_REMINDER) {
		if (extract_fields(s->cfg, &s->h, &s->msg, &s->inv) < 0)
			return -1;
		classify(s->cfg, s->profile, &s->inv, s->rcpt, s->h.subject, &s->result);
	}
	return 0;
}
