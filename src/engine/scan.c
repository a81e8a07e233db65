/* scan.c - one message through the engine: headers collected, settled at
 * the end of headers when not LinkedIn-like, else the body read (bounded),
 * and at the end decoded, detected and its invitation's fields extracted */
#include "autoconfig.h"
#include "scan.h"
#include "gateway.h"

#include <stdio.h>
#include <string.h>
#include "authres.h"
#include "detect.h"
#include "dkimv.h"
#include "extract.h"
#include "buf.h"
#include "str.h"

/* all headers of one message kept for DKIM: beyond it, no verification */
#define MAX_RAW_HEADERS (256 * 1024)

void scan_init(struct scan *s, const struct engine_settings *set)
{
	memset(s, 0, sizeof *s);
	s->set = set;
	headers_init(&s->h);
	buf_init(&s->mime, 0);
	buf_init(&s->raw, MAX_RAW_HEADERS);
	invitation_free(&s->inv);
}

void scan_free(struct scan *s)
{
	headers_free(&s->h);
	buf_free(&s->mime);
	buf_free(&s->raw);
	dkimv_abort(s->dkim);
	message_free(&s->msg);
	invitation_free(&s->inv);
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
	if (!s->rcpt[0])
		copy_address(s->rcpt, addr);	/* the first chooses the profile */
	return 0;
}

/* RC, or -1 when memory ran out anywhere in the step (mem_failed(), str.h):
 * a field left NULL for want of memory is not a field the mail lacks */
static int checked(int rc)
{
	return rc < 0 || mem_failed() ? -1 : rc;
}

/* one header kept whole for our DKIM verification (decided at the end of
 * headers): "Name: value\0", its line breaks as CRLF, as it was signed
 * (MTAs give milters bare LFs; libopendkim mends them in the body only) */
static int keep_raw(struct buf *raw, const char *name, const char *value)
{
	buf_printf(raw, "%s:%s", name, *value == ' ' || *value == '\t' ? "" : " ");
	for (const char *p = value; *p; p++) {
		if (*p == '\n' && (p == value || p[-1] != '\r'))
			buf_putc(raw, '\r');
		buf_putc(raw, *p);
	}
	return buf_putc(raw, '\0');	/* -1 when memory ran out, now or before */
}

int scan_header(struct scan *s, const char *name, const char *value)
{
	mem_reset();
	if (s->set->dkim && keep_raw(&s->raw, name, value) < 0)
		return -1;
	return checked(headers_add(&s->h, name, value));
}

/* our own DKIM verification: on, or auto and no word of our verifier */
static bool want_dkim(const struct scan *s)
{
	const struct engine_settings *c = s->set;

	if (!c->dkim || c->dkim_verify == DKIMV_OFF || s->raw.truncated)
		return false;
	return c->dkim_verify == DKIMV_ON ||
	       authres_verdict(&c->authserv_id, (const char *const *)s->h.auth_results,
			       s->h.ar_trust, s->h.n_auth_results,
			       patterns_role(&c->patterns, ROLE_DOMAIN)) == AUTHRES_NONE;
}

/* the verification started and fed the headers kept; left NULL on a failure */
static void start_dkim(struct scan *s)
{
	const char *p = s->raw.data, *end = p + s->raw.len;

	if (!want_dkim(s) || !(s->dkim = dkimv_start(s->set->dkim, "linkedin.com")))
		return;
	for (; p && p < end; p += strlen(p) + 1)
		if (dkimv_header(s->dkim, p, strlen(p)) < 0)
			break;
}

/* our verification's result; a pass of linkedin.com counts only when it
 * aligns with the From domain (relaxed, RFC 7489: linkedin.com or a
 * subdomain of it), else it is no evidence */
static void finish_dkim(struct scan *s)
{
	static const char domain[] = "linkedin.com";
	struct invitation *inv = &s->inv;

	inv->own_dkim = (int)dkimv_finish(s->dkim, domain, &inv->dkim);
	s->dkim = NULL;
	if (inv->own_dkim == DKIMV_PASS && !dkimv_aligned(s->h.from.domain, domain)) {
		inv->own_dkim = DKIMV_NONE;
		snprintf(inv->dkim.why, sizeof inv->dkim.why,
			 "dkim pass d=%s, not aligned with the From domain", inv->dkim.d);
	}
}

/* the parser gets the MIME headers only: nothing else matters to it */
static int start_mime(struct scan *s)
{
	const char *ct = s->h.v[H_CONTENT_TYPE], *cte = s->h.v[H_CONTENT_TRANSFER_ENCODING];

	s->mime.limit = 2 * MAX_HEADER_VALUE + 128 + (size_t)s->set->max_scan_bytes;
	if (buf_reserve_initial(&s->mime, 16384) < 0 ||
	    buf_puts(&s->mime, "MIME-Version: 1.0\r\n") < 0 ||
	    (ct && buf_printf(&s->mime, "Content-Type: %s\r\n", ct) < 0) ||
	    (cte && buf_printf(&s->mime, "Content-Transfer-Encoding: %s\r\n", cte) < 0) ||
	    buf_puts(&s->mime, "\r\n") < 0)
		return -1;
	s->mime.limit = s->mime.len + (size_t)s->set->max_scan_bytes;
	return 0;
}

static int eoh(struct scan *s)
{
	if (headers_finish(&s->h) < 0)
		return -1;
	if (s->h.cut)
		snprintf(s->reason, sizeof s->reason,
			 "a header longer than %d bytes: read in part", MAX_HEADER_VALUE);
	gateway_untag(s->set, &s->h);
	if (!detect_headers(s->set, &s->h, s->envfrom_domain))
		return SCAN_DONE;
	s->need_body = true;
	start_dkim(s);
	return start_mime(s) < 0 ? -1 : SCAN_MORE;
}

int scan_eoh(struct scan *s)
{
	mem_reset();
	return checked(eoh(s));
}

int scan_body(struct scan *s, const char *data, size_t len)
{
	if (!s->need_body)
		return SCAN_DONE;
	if (s->dkim)
		(void)dkimv_body(s->dkim, data, len);	/* a refusal: no evidence */
	if (s->mime.truncated)
		return s->dkim ? SCAN_MORE : SCAN_DONE;
	if (buf_append(&s->mime, data, len) < 0)
		return -1;
	s->body_bytes += len;
	if (s->mime.truncated) {
		snprintf(s->reason, sizeof s->reason,
			 "body longer than max_scan_bytes (%d): read in part",
			 s->set->max_scan_bytes);
		return s->dkim ? SCAN_MORE : SCAN_DONE;
	}
	return SCAN_MORE;
}

static int eom(struct scan *s)
{
	if (!s->need_body) {
		s->inv.kind = KIND_NONE;
		return 0;
	}
	/* the body's bytes are decoded in place and given back with the tree */
	if (message_parse_buf(&s->msg, &s->mime, (size_t)s->set->max_scan_bytes) < 0)
		return -1;
	if (s->msg.reason[0] && !s->reason[0])
		snprintf(s->reason, sizeof s->reason, "%s", s->msg.reason);
	if (s->msg.text)
		s->msg.text_len = gateway_unbanner(s->set, s->msg.text, s->msg.text_len);
	if (gateway_unwrap_text(s->set, &s->msg.text, &s->msg.text_len) < 0)
		return -1;
	gateway_unwrap_links(s->set, &s->msg.links);
	detect_message(s->set, &s->h, s->envfrom_domain, &s->msg, &s->inv);
	if (s->inv.why == detect_why_shape)
		s->inv.note_kind = NOTE_NONE;	/* a fake's text is no invitation's */
	else if ((s->inv.kind == KIND_INVITATION || s->inv.kind == KIND_REMINDER) &&
		 extract_fields(s->set, &s->h, &s->msg, &s->inv) < 0)
		return -1;
	if (s->dkim)
		finish_dkim(s);
	detect_authentic(s->set, &s->h, s->envfrom_domain, &s->msg, &s->inv);
	return 0;
}

int scan_eom(struct scan *s)
{
	mem_reset();
	return checked(eom(s));
}
