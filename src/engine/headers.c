/* headers.c - collect the header fields of one message and decode the few
 * that detection reads (From, Sender, Subject ...) */
#include "autoconfig.h"
#include "headers.h"

#include <ctype.h>
#include <libetpan/libetpan.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "utf8.h"
#include "buf.h"
#include "str.h"

#define H_AUTH_RESULTS H_COUNT
#define H_RECEIVED (H_COUNT + 1)
#define H_ARC_RESULTS (H_COUNT + 2)

static const char *const hdr_names[H_COUNT + 3] = {
	[H_FROM] = "From", [H_SENDER] = "Sender", [H_REPLY_TO] = "Reply-To",
	[H_SUBJECT] = "Subject", [H_MESSAGE_ID] = "Message-ID", [H_DATE] = "Date",
	[H_TO] = "To", [H_RETURN_PATH] = "Return-Path",
	[H_DELIVERED_TO] = "Delivered-To", [H_X_TEMPLATE] = "X-LinkedIn-Template",
	[H_X_CLASS] = "X-LinkedIn-Class", [H_AUTO_SUBMITTED] = "Auto-Submitted",
	[H_PRECEDENCE] = "Precedence", [H_LIST_ID] = "List-Id",
	[H_CONTENT_TYPE] = "Content-Type",
	[H_CONTENT_TRANSFER_ENCODING] = "Content-Transfer-Encoding",
	[H_AUTH_RESULTS] = "Authentication-Results", [H_RECEIVED] = "Received",
	[H_ARC_RESULTS] = "ARC-Authentication-Results",
};

void headers_init(struct headers *h)
{
	memset(h, 0, sizeof *h);
	/* room for every kept header at its longest: the arena never grows past it */
	buf_init(&h->arena, (H_COUNT + MAX_AUTH_RESULTS + MAX_ARC_RESULTS) * (MAX_HEADER_VALUE + 1));
}

static void mailbox_free(struct mailbox *mb)
{
	free(mb->display);
	memset(mb, 0, sizeof *mb);
}

void headers_free(struct headers *h)
{
	buf_free(&h->arena);
	free(h->subject);
	mailbox_free(&h->from);
	mailbox_free(&h->sender);
	mailbox_free(&h->reply_to);
	mailbox_free(&h->return_path);
	memset(h, 0, sizeof *h);
}

/* which kept header NAME (N bytes) is: an enum hdr, H_AUTH_RESULTS, or -1;
 * the length picks at most two names to compare (the table holds id + 1) */
static int known_header(const char *name, size_t n)
{
#define K(id) ((id) + 1)
	static const unsigned char by_len[30][2] = {
		[2] = { K(H_TO) }, [4] = { K(H_FROM), K(H_DATE) }, [6] = { K(H_SENDER) },
		[7] = { K(H_SUBJECT), K(H_LIST_ID) }, [8] = { K(H_REPLY_TO), K(H_RECEIVED) },
		[10] = { K(H_MESSAGE_ID), K(H_PRECEDENCE) }, [11] = { K(H_RETURN_PATH) },
		[12] = { K(H_DELIVERED_TO), K(H_CONTENT_TYPE) },
		[14] = { K(H_AUTO_SUBMITTED) }, [16] = { K(H_X_CLASS) }, [19] = { K(H_X_TEMPLATE) },
		[22] = { K(H_AUTH_RESULTS) }, [25] = { K(H_CONTENT_TRANSFER_ENCODING) },
		[26] = { K(H_ARC_RESULTS) },
	};
#undef K

	for (int i = 0; n < 30 && i < 2 && by_len[n][i]; i++) {
		int id = by_len[n][i] - 1;

		if (strcasecmp(name, hdr_names[id]) == 0)
			return id;
	}
	return -1;
}

/* VALUE (N bytes) into the arena without its line breaks, cut to
 * MAX_HEADER_VALUE; returns its offset + 1, 0 when out of memory */
static size_t keep(struct headers *h, const char *value, size_t n)
{
	size_t start = h->arena.len, kept = 0, k;
	const char *p = value, *end = value + n;

	if (n <= MAX_HEADER_VALUE && !memchr(value, '\n', n) && !memchr(value, '\r', n))
		return buf_append(&h->arena, value, n + 1) < 0 ? 0 : start + 1;	/* with its NUL */
	while (p < end && kept < MAX_HEADER_VALUE) {
		k = strcspn(p, "\r\n");
		if (k > MAX_HEADER_VALUE - kept) {
			k = MAX_HEADER_VALUE - kept;
			h->cut = true;
		}
		if (buf_append(&h->arena, p, k) < 0)
			return 0;
		kept += k;
		p += k;
		while (*p == '\r' || *p == '\n')
			p++;
	}
	if (p < end)
		h->cut = true;
	return buf_putc(&h->arena, '\0') < 0 ? 0 : start + 1;
}

int headers_add(struct headers *h, const char *name, const char *value)
{
	int id = known_header(name, strlen(name));
	size_t *slot = NULL;

	h->count++;
	/* below a Received header is what came with the mail */
	if (id == H_RECEIVED)
		h->received = true;
	if (id == H_AUTH_RESULTS && h->n_auth_results < MAX_AUTH_RESULTS) {
		h->ar_trust[h->n_auth_results] = h->received ? AR_FORGED : AR_TRUSTED;
		slot = &h->ar_off[h->n_auth_results++];
	} else if (id == H_ARC_RESULTS && h->n_arc_results < MAX_ARC_RESULTS) {
		slot = &h->arc_off[h->n_arc_results++];
	} else if (id >= H_COUNT)
		return 0;
	else if (id >= 0 && !h->off[id])
		slot = &h->off[id];
	if (!slot)
		return 0;
	if (!h->arena.data && buf_reserve_initial(&h->arena, 2048) < 0)
		return -1;
	*slot = keep(h, value, strlen(value));
	return *slot ? 0 : -1;
}

/* ---------------------------------------------------------------- mailboxes */

/* what one pass over an address header finds outside quotes and comments */
struct addr_scan {
	const char *angle, *angle_end;	/* the <...> (a second '<' before '>' wins) */
	char bare[MAX_ADDRESS + 1];	/* else the bytes of a bare address */
	size_t nb;
};

/* scan VALUE up to its first top-level comma (the first mailbox) */
static void scan_address(const char *value, struct addr_scan *sc)
{
	/* what the loop must look at outside quotes and comments: the rest is
	 * part of a bare address */
	static const bool special[256] = {
		['"'] = true, ['('] = true, ['<'] = true, ['>'] = true, [','] = true,
		[' '] = true, ['\t'] = true, ['\n'] = true, ['\v'] = true, ['\f'] = true,
		['\r'] = true,
	};
	int depth = 0;
	bool quoted = false;

	for (const char *p = value; *p; p++) {
		if (!quoted && !depth && !special[(unsigned char)*p]) {	/* most bytes */
			if (!sc->angle && sc->nb < MAX_ADDRESS)
				sc->bare[sc->nb++] = *p;
			continue;
		}
		if (*p == '\\' && p[1] && (quoted || depth)) {
			p++;
			continue;
		}
		if (quoted) {
			quoted = *p != '"';
			continue;
		}
		if (depth) {
			depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
			continue;
		}
		if (*p == '"')
			quoted = true;
		else if (*p == '(')
			depth = 1;
		else if (*p == '<' && !sc->angle_end)
			sc->angle = p;
		else if (*p == '>' && sc->angle && !sc->angle_end)
			sc->angle_end = p;
		else if (*p == ',' && !sc->angle)
			return;
		else if (!sc->angle && !isspace((unsigned char)*p) && sc->nb < MAX_ADDRESS)
			sc->bare[sc->nb++] = *p;
	}
}

/* the address between ANGLE and ANGLE_END, leading spaces skipped, bounded */
static void copy_angle(struct mailbox *mb, const char *angle, const char *angle_end)
{
	size_t n = (size_t)(angle_end - angle - 1);

	while (n && isspace((unsigned char)angle[1]))
		angle++, n--;
	n = n > MAX_ADDRESS ? MAX_ADDRESS : n;
	memcpy(mb->addr, angle + 1, n);
	mb->addr[n] = '\0';
}

/* spaces inside the address removed, the domain lower-cased and pointed to */
static void tidy_address(struct mailbox *mb)
{
	char *at, *w = mb->addr;

	for (char *r = mb->addr; *r; r++)
		if (!isspace((unsigned char)*r))
			*w++ = *r;
	*w = '\0';
	at = strrchr(mb->addr, '@');
	if (!at) {
		mb->domain = w;
		return;
	}
	for (char *d = at + 1; *d; d++)
		*d = (char)tolower((unsigned char)*d);
	mb->domain = at + 1;
}

/* the first mailbox of an address header: the last <...> outside quotes and
 * comments before a top-level comma, else the bare addr-spec. Not libetpan's
 * RFC 5322 parser: with it the header path took 35,800 instructions an
 * ordinary message against 18,800 (callgrind, as in docs/performance.md), and
 * it refuses or cuts short the malformed addresses this one keeps. */
int parse_mailbox(const char *value, struct mailbox *mb, bool display)
{
	struct addr_scan sc;

	mb->addr[0] = '\0';	/* (not a memset of the whole buffer: this runs per header) */
	mb->display = NULL;
	mb->domain = mb->addr;
	if (!value)
		return 0;
	sc.angle = sc.angle_end = NULL;
	sc.nb = 0;
	scan_address(value, &sc);
	if (sc.angle && sc.angle_end) {
		copy_angle(mb, sc.angle, sc.angle_end);
		if (display && !(mb->display = decode_phrase(value, (size_t)(sc.angle - value))))
			return -1;
	} else {
		memcpy(mb->addr, sc.bare, sc.nb);
		mb->addr[sc.nb] = '\0';
	}
	tidy_address(mb);
	return 0;
}

/* ---------------------------------------------------------------- decoding */

static bool all_plain(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80 || s[i] == '"' || s[i] == '\\' ||
		    (s[i] == '=' && i + 1 < len && s[i + 1] == '?'))
			return false;
	return true;
}

/* a value with nothing to decode (ASCII, no quotes, no encoded words), in one
 * pass: what utf8_clean() and str_collapse_ws() make of it (CR dropped, other
 * controls and whitespace runs one space, none at the ends) */
static char *plain_phrase(const char *value, size_t len)
{
	char *out = malloc(len + 1), *w = out;
	bool pending = false;

	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];

		if (c == '\r')
			continue;
		if (c <= ' ' || c == 0x7f) {
			pending = w != out;
			continue;
		}
		if (pending)
			*w++ = ' ';
		pending = false;
		*w++ = (char)c;
	}
	*w = '\0';
	return out;
}

/* remove the quotes and backslashes of quoted strings, in place */
static void unquote(char *s)
{
	char *w = s;
	bool quoted = false;

	for (char *r = s; *r; r++) {
		if (*r == '"') {
			quoted = !quoted;
			continue;
		}
		if (*r == '\\' && quoted && r[1])
			r++;
		*w++ = *r;
	}
	*w = '\0';
}

char *decode_phrase(const char *value, size_t len)
{
	char *decoded = NULL, *out;
	size_t idx = 0;
	const char *from;
	int rc;

	if (len > MAX_HEADER_VALUE)
		len = MAX_HEADER_VALUE;
	if (all_plain(value, len))
		return plain_phrase(value, len);
	/* 8-bit bytes in a header: UTF-8 when valid, else Latin-1 */
	from = utf8_valid(value, len) ? "utf-8" : "windows-1252";
	rc = mailmime_encoded_phrase_parse(from, value, len, &idx, "utf-8", &decoded);
	if (rc == MAILIMF_ERROR_MEMORY)
		mem_note_failure();	/* a failure, not an undecodable phrase */
	if (rc != MAILIMF_NO_ERROR)
		decoded = NULL;
	out = decoded ? utf8_clean(decoded, strlen(decoded), NULL) :
			utf8_clean(value, len, NULL);
	free(decoded);
	if (!out)
		return NULL;
	unquote(out);
	str_collapse_ws(out);
	return out;
}

const char *headers_get(const struct headers *h, enum hdr id)
{
	return h->off[id] ? h->arena.data + h->off[id] - 1 : NULL;
}

int headers_finish(struct headers *h)
{
	const char *subj;

	for (int i = 0; i < H_COUNT; i++)
		h->v[i] = headers_get(h, (enum hdr)i);
	for (size_t i = 0; i < h->n_auth_results; i++)
		h->auth_results[i] = h->arena.data + h->ar_off[i] - 1;
	for (size_t i = 0; i < h->n_arc_results; i++)
		h->arc_results[i] = h->arena.data + h->arc_off[i] - 1;
	subj = h->v[H_SUBJECT] ? h->v[H_SUBJECT] : "";
	h->subject = decode_phrase(subj, strlen(subj));
	if (!h->subject)
		return -1;
	/* only From's display name is read (detection, extraction): the others are not decoded */
	if (parse_mailbox(h->v[H_FROM], &h->from, true) < 0 ||
	    parse_mailbox(h->v[H_SENDER], &h->sender, false) < 0 ||
	    parse_mailbox(h->v[H_REPLY_TO], &h->reply_to, false) < 0 ||
	    parse_mailbox(h->v[H_RETURN_PATH], &h->return_path, false) < 0)
		return -1;
	return 0;
}

/* ---------------------------------------------------------------- splitting */

/* end of the logical header line starting at P (folded lines included) */
static const char *header_end(const char *p, const char *end)
{
	for (;;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (!nl)
			return end;
		if (nl + 1 < end && (nl[1] == ' ' || nl[1] == '\t')) {
			p = nl + 1;
			continue;
		}
		return nl + 1;
	}
}

size_t headers_split(struct headers *h, const char *raw, size_t len, int *err)
{
	const char *p = raw, *end = raw + len;
	char name[256], *value;

	*err = 0;
	while (p < end) {
		const char *line_end, *colon;
		size_t nlen, vlen;

		if (*p == '\n')
			return (size_t)(p + 1 - raw);
		if (*p == '\r' && p + 1 < end && p[1] == '\n')
			return (size_t)(p + 2 - raw);
		line_end = header_end(p, end);
		colon = memchr(p, ':', (size_t)(line_end - p));
		if (!colon || colon == p || (size_t)(colon - p) >= sizeof name)
			return (size_t)(p - raw);	/* not a header: the body starts */
		nlen = (size_t)(colon - p);
		memcpy(name, p, nlen);
		name[nlen] = '\0';
		while (nlen && isspace((unsigned char)name[nlen - 1]))
			name[--nlen] = '\0';
		for (colon++; colon < line_end && (*colon == ' ' || *colon == '\t'); colon++)
			;
		vlen = (size_t)(line_end - colon);
		while (vlen && (colon[vlen - 1] == '\n' || colon[vlen - 1] == '\r'))
			vlen--;
		value = str_ndup(colon, vlen);
		if (!value || headers_add(h, name, value) < 0)
			*err = -1;
		free(value);
		p = line_end;
	}
	return len;
}
