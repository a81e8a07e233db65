/* testmode_feed.c - one message file through the daemon's own callbacks, fed
 * the way an MTA feeds a milter. A file saved from a mailbox starts with what
 * this site added at delivery, which the milter never saw: Return-Path,
 * Delivered-To, X-Original-To, and the Received headers of our own hosts (the
 * authserv-ids and local_hosts), mixed with our verifier's results. That
 * trace is taken off; it gives the envelope (MAIL FROM, RCPT TO) and, from
 * the lowest of our Received headers, the queue id that our verifier's
 * stamp must carry. The rest goes
 * to MAIL FROM, RCPT TO, each header, the end of headers, the body in
 * chunks and the end of the message, exactly as in the daemon. */
#include "autoconfig.h"
#include "testmode.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "buf.h"
#include "authres.h"
#include "headers.h"

#define CHUNK 65536
#define MAX_FIELDS 4096		/* headers fed; more are not read */

struct hfield {
	char *name, *value;
	bool trace;		/* added at delivery: the milter never saw it */
};

struct head {
	struct buf raw;		/* the header block, then the start of the body */
	size_t end;		/* where the body starts in raw */
	struct hfield *v;
	size_t n;
};

/* the end of the header block in B (after its blank line), or 0 */
static size_t blank_line(const struct buf *b, size_t from)
{
	if (b->len && b->data[0] == '\n')
		return 1;	/* no headers at all */
	for (size_t i = from; i + 1 < b->len; i++) {
		if (b->data[i] != '\n')
			continue;
		if (b->data[i + 1] == '\n')
			return i + 2;
		if (i + 2 < b->len && b->data[i + 1] == '\r' && b->data[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/* read FD until the header block is complete (or too long); -1 on error */
static int read_head(int fd, struct head *h)
{
	char chunk[CHUNK];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		size_t from = h->raw.len > 3 ? h->raw.len - 3 : 0;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf_append(&h->raw, chunk, (size_t)n);
		if (buf_failed(&h->raw))
			return -1;
		if ((h->end = blank_line(&h->raw, from)) != 0 || h->raw.truncated)
			break;
	}
	if (!h->end)
		h->end = h->raw.len;	/* all headers, or a header block too long to read */
	return 0;
}

/* one field [P, E) of the header block: name, and the value as an MTA
 * gives it (after the colon and its blanks, line breaks as LF) */
static int add_field(struct head *h, const char *p, const char *e)
{
	const char *colon = memchr(p, ':', (size_t)(e - p));
	struct buf v;
	struct hfield *f;

	if (!colon || colon == p || h->n == MAX_FIELDS)
		return 0;	/* not a header: an MTA would not pass it on */
	buf_init(&v, 0);
	for (const char *q = colon + 1 + strspn(colon + 1, " \t"); q < e; q++)
		if (*q != '\r')
			buf_putc(&v, *q);
	while (v.len && v.data[v.len - 1] == '\n')
		v.len--;
	f = realloc(h->v, (h->n + 1) * sizeof *h->v);
	if (!f || buf_putc(&v, '\0') < 0) {
		buf_free(&v);
		return -1;
	}
	h->v = f;
	f[h->n].value = buf_steal(&v);
	f[h->n].trace = false;
	f[h->n].name = strndup(p, (size_t)(colon - p));
	if (!f[h->n++].value || !f[h->n - 1].name)
		return -1;	/* (freed with the others) */
	f[h->n - 1].name[strcspn(f[h->n - 1].name, " \t")] = '\0';
	return 0;
}

static int split_fields(struct head *h)
{
	const char *p = h->raw.data, *end = h->raw.data + h->end;

	while (p < end && *p != '\n' && *p != '\r') {
		const char *e = p;

		do {	/* a field goes on over its folded lines */
			const char *nl = memchr(e, '\n', (size_t)(end - e));

			e = nl ? nl + 1 : end;
		} while (e < end && (*e == ' ' || *e == '\t'));
		if (add_field(h, p, e) < 0)
			return -1;
		p = e;
	}
	return 0;
}

/* ---------------------------------------------------------------- trace */

/* the value of the token after WORD (" by ", " id ") in V, into OUT */
static bool token_after(const char *v, const char *word, char *out, size_t len)
{
	const char *p = v;
	size_t wl = strlen(word), n;

	while ((p = strcasestr(p, word)) != NULL) {
		if (p == v || isspace((unsigned char)p[-1]))
			break;
		p += wl;
	}
	if (!p)
		return false;
	p += wl;
	p += strspn(p, " \t\n");
	n = strcspn(p, " \t\n;()");
	if (n == 0 || n >= len)
		return false;
	memcpy(out, p, n);
	out[n] = '\0';
	return true;
}

static bool in_list(const struct strlist *l, const char *s)
{
	for (size_t i = 0; l && i < l->n; i++)
		if (strcasecmp(l->v[i], s) == 0)
			return true;
	return false;
}

/* F is a Received header added by one of our hosts; its queue id into QID */
static bool our_received(const struct config *c, const struct hfield *f, char *qid, size_t len)
{
	char host[256];

	if (strcasecmp(f->name, "Received") != 0 || !token_after(f->value, "by", host, sizeof host) ||
	    !(in_list(&c->engine.authserv_id, host) || in_list(&c->local_hosts, host)))
		return false;
	if (!token_after(f->value, "id", qid, len))
		*qid = '\0';
	return true;
}

/* F is an Authentication-Results header of our verifier */
static bool our_results(const struct config *c, const struct hfield *f)
{
	char job[QUEUE_ID_LEN];

	return strcasecmp(f->name, "Authentication-Results") == 0 &&
	       authres_ours(&c->engine.authserv_id, f->value, job, sizeof job);
}

/* The run of fields at the top that this site added: the delivery trace
 * and our verifier's results (Postfix puts a milter's header inserted at
 * the top above its own Received, so they mix). Marks in H->trace the
 * ones the milter never saw; the envelope into FROM and RCPT (pointers
 * into H), the queue id into T. Returns where the run ends. */
static size_t trace(struct head *h, struct test_ctx *t, const char **from, const char **rcpt)
{
	size_t i = 0;
	char qid[QUEUE_ID_LEN];

	for (; i < h->n; i++) {
		const struct hfield *f = &h->v[i];
		bool delivery = true;

		if (strcasecmp(f->name, "Return-Path") == 0)
			*from = f->value;
		else if (strcasecmp(f->name, "Delivered-To") == 0 ||
			 strcasecmp(f->name, "X-Original-To") == 0)
			*rcpt = *rcpt ? *rcpt : f->value;
		else if (our_received(t->cfg, f, qid, sizeof qid))
			memcpy(t->qid, qid, sizeof qid);	/* the lowest is the first hop here */
		else if (our_results(t->cfg, f))
			delivery = false;	/* the milter saw it, at the top */
		else
			break;
		h->v[i].trace = delivery;
	}
	return i;
}

/* ---------------------------------------------------------------- feeding */

static const char *field_value(const struct head *h, size_t from, const char *name)
{
	for (size_t i = from; i < h->n; i++)
		if (strcasecmp(h->v[i].name, name) == 0)
			return h->v[i].value;
	return NULL;
}

/* MAIL FROM and RCPT TO as an MTA passes them: "<address>" */
static void envelope(SMFICTX *ctx, const char *from, const char *rcpt)
{
	struct mailbox mb;
	char arg[MAX_ADDRESS + 3];
	char *argv[2] = { arg, NULL };

	snprintf(arg, sizeof arg, "<>");
	if (from && parse_mailbox(from, &mb, false) == 0) {
		snprintf(arg, sizeof arg, "<%s>", mb.addr);
		free(mb.display);
	}
	milter_envfrom(ctx, argv);
	if (rcpt && parse_mailbox(rcpt, &mb, false) == 0) {
		snprintf(arg, sizeof arg, "<%s>", mb.addr);
		free(mb.display);
		if (mb.addr[0])
			milter_envrcpt(ctx, argv);
	}
}

/* the body: what was read with the header block, then the rest of FD */
static int feed_body(int fd, SMFICTX *ctx, const struct head *h)
{
	char chunk[CHUNK];
	ssize_t n;
	sfsistat r = SMFIS_CONTINUE;

	if (h->raw.len > h->end)
		r = milter_body(ctx, (unsigned char *)h->raw.data + h->end, h->raw.len - h->end);
	while (r == SMFIS_CONTINUE && (n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		r = milter_body(ctx, (unsigned char *)chunk, (size_t)n);
	}
	if (r == SMFIS_CONTINUE || r == SMFIS_SKIP)
		milter_eom(ctx);
	return 0;
}

static int feed_fields(int fd, SMFICTX *ctx, struct test_ctx *t, struct head *h)
{
	const char *from = NULL, *rcpt = NULL;
	size_t first = trace(h, t, &from, &rcpt);
	sfsistat r = SMFIS_CONTINUE;

	if (!rcpt)	/* no delivery trace: the To header stands in */
		rcpt = field_value(h, first, "To");
	envelope(ctx, from, rcpt);
	for (size_t i = 0; i < h->n && (r == SMFIS_CONTINUE || r == SMFIS_NOREPLY); i++)
		if (!h->v[i].trace)
			r = milter_header(ctx, h->v[i].name, h->v[i].value);
	if (r == SMFIS_CONTINUE || r == SMFIS_NOREPLY)
		r = milter_eoh(ctx);
	return r == SMFIS_CONTINUE ? feed_body(fd, ctx, h) : 0;
}

int feed_message(int fd, SMFICTX *ctx, struct test_ctx *t)
{
	struct head h = { .v = NULL, .n = 0 };
	int rc = -1;

	buf_init(&h.raw, (size_t)t->cfg->engine.max_scan_bytes + CHUNK);
	if (read_head(fd, &h) == 0) {
		rc = 0;
		if (split_fields(&h) < 0)
			t->failed = true;	/* out of memory: reported like the daemon's */
		else
			rc = feed_fields(fd, ctx, t, &h);
	}
	milter_close(ctx);
	for (size_t i = 0; i < h.n; i++) {
		free(h.v[i].name);
		free(h.v[i].value);
	}
	free(h.v);
	buf_free(&h.raw);
	return rc;
}
