/* message.c - one raw message decoded with libetpan: walk the MIME tree,
 * undo the transfer encoding, convert the charset to UTF-8, and turn HTML
 * into text when there is no plain part. Hostile structure (deep nesting,
 * thousands of parts) is bounded before the parser sees it. */
#include "autoconfig.h"
#include "message.h"
#include "str.h"

#include <libetpan/libetpan.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "html.h"
#include "transfer.h"
#include "utf8.h"
#include "buf.h"
#include "strlist.h"

struct walk {
	struct mailmime *plain, *html;	/* first of each, not attachments */
	int parts;
};

static void set_reason(struct message *m, const char *what)
{
	if (!m->reason[0])
		snprintf(m->reason, sizeof m->reason, "%s", what);
}

/* ---------------------------------------------------------------- bounds */

/* count "multipart/" (any case) and lines starting "--" without parsing:
 * every '/' is looked at, so no spelling of the word escapes the count */
static void count_structure(const char *s, size_t len, size_t *multi, size_t *delims)
{
	const char *p = s, *end = s + len;

	*multi = *delims = 0;
	while (p < end) {
		const char *slash = memchr(p, '/', (size_t)(end - p));

		if (!slash)
			break;
		if (slash - s >= 9 && strncasecmp(slash - 9, "multipart", 9) == 0)
			(*multi)++;
		p = slash + 1;
	}
	for (p = s; p < end; ) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			(*delims)++;
		p = nl ? nl + 1 : end;
	}
}

/* ---------------------------------------------------------------- tree */

static bool is_attachment(struct mailmime *mm)
{
	clistiter *it;

	if (!mm->mm_mime_fields)
		return false;
	for (it = clist_begin(mm->mm_mime_fields->fld_list); it; it = clist_next(it)) {
		struct mailmime_field *f = clist_content(it);

		if (f->fld_type == MAILMIME_FIELD_DISPOSITION && f->fld_data.fld_disposition &&
		    f->fld_data.fld_disposition->dsp_type &&
		    f->fld_data.fld_disposition->dsp_type->dsp_type ==
			    MAILMIME_DISPOSITION_TYPE_ATTACHMENT)
			return true;
	}
	return false;
}

/* "plain", "html" or NULL for a text part; no Content-Type means text/plain */
static const char *text_subtype(struct mailmime *mm)
{
	struct mailmime_content *ct = mm->mm_content_type;

	if (!ct)
		return "plain";
	if (!ct->ct_type || ct->ct_type->tp_type != MAILMIME_TYPE_DISCRETE_TYPE ||
	    !ct->ct_type->tp_data.tp_discrete_type ||
	    ct->ct_type->tp_data.tp_discrete_type->dt_type != MAILMIME_DISCRETE_TYPE_TEXT ||
	    !ct->ct_subtype)
		return NULL;
	if (strcasecmp(ct->ct_subtype, "plain") == 0)
		return "plain";
	if (strcasecmp(ct->ct_subtype, "html") == 0)
		return "html";
	return NULL;
}

static void walk(struct mailmime *mm, int depth, struct walk *w)
{
	clistiter *it;
	const char *sub;

	if (!mm || depth > MIME_MAX_DEPTH || ++w->parts > MIME_MAX_PARTS)
		return;
	switch (mm->mm_type) {
	case MAILMIME_SINGLE:
		if (is_attachment(mm) || !(sub = text_subtype(mm)))
			return;
		if (!w->plain && strcmp(sub, "plain") == 0)
			w->plain = mm;
		else if (!w->html && strcmp(sub, "html") == 0)
			w->html = mm;
		return;
	case MAILMIME_MULTIPLE:
		for (it = clist_begin(mm->mm_data.mm_multipart.mm_mp_list); it;
		     it = clist_next(it))
			walk(clist_content(it), depth + 1, w);
		return;
	case MAILMIME_MESSAGE:
		/* the message itself, not messages attached to it */
		if (depth == 0)
			walk(mm->mm_data.mm_message.mm_msg_mime, depth + 1, w);
		return;
	}
}

/* a text part found in the tree, its transfer encoding undone in place in
 * the message's buffer: the only copy of its bytes until they are UTF-8 */
struct part {
	size_t off, len;	/* in the message's buffer */
	char charset[64];	/* "" for none (UTF-8 assumed) */
	bool found;
};

static void take_part(struct message *m, struct mailmime *mm, struct buf *raw,
		      struct part *p)
{
	struct mailmime_data *d = mm ? mm->mm_data.mm_single : NULL;
	const char *cs = NULL;
	char *at;
	size_t n;

	if (!d || d->dt_type != MAILMIME_DATA_TEXT)
		return;
	at = (char *)d->dt_data.dt_text.dt_data;	/* in RAW: ours to rewrite */
	n = d->dt_data.dt_text.dt_length;
	if (at < raw->data || at > raw->data + raw->len || n > raw->len - (size_t)(at - raw->data)) {
		set_reason(m, "a part's content was not in the message: not read");
		return;
	}
	if (d->dt_encoded && d->dt_encoding == MAILMIME_MECHANISM_BASE64)
		n = base64_decode_in_place(at, n);
	else if (d->dt_encoded && d->dt_encoding == MAILMIME_MECHANISM_QUOTED_PRINTABLE)
		n = qp_decode_in_place(at, n);
	if (mm->mm_content_type)
		cs = mailmime_content_charset_get(mm->mm_content_type);
	if (cs && strlen(cs) >= sizeof p->charset)
		cs = "x-unknown";	/* no charset has so long a name */
	snprintf(p->charset, sizeof p->charset, "%s", cs ? cs : "");
	p->off = (size_t)(at - raw->data);
	p->len = n;
	p->found = true;
}

/* the part's bytes in RAW as UTF-8, at most MAX bytes */
static char *part_text(struct message *m, const struct part *p, const char *raw, size_t max,
		       size_t *len)
{
	bool unknown = false, cut = false;
	char *out;

	if (!p->found)
		return utf8_clean("", 0, len);
	out = to_utf8_max(p->charset[0] ? p->charset : NULL, raw + p->off, p->len, max, len,
			  &unknown, &cut);
	if (unknown)
		set_reason(m, "unknown charset: read as UTF-8 or Latin-1");
	if (cut)
		set_reason(m, "text longer than max_scan_bytes: cut");
	return out;
}

/* the text: the plain part's when there is one, else the HTML's; links of
 * both. Each part is converted once, at most MAX bytes; RAW is given back
 * as soon as nothing more is read from it. */
static int take_text(struct message *m, struct part *plain, struct part *html,
		     struct buf *raw, size_t max)
{
	struct buf text;
	char *t;
	size_t len;
	int rc;

	if (plain->found) {
		if (!(m->text = part_text(m, plain, raw->data, max, &m->text_len)))
			return -1;
		/* LinkedIn's 2015-2016 text parts carry entities literally */
		m->text_len = text_entities(m->text, m->text_len);
		if (text_links(m->text, m->text_len, &m->links) < 0)
			return -1;
	}
	if (!html->found) {
		buf_free(raw);
		if (!m->text && !(m->text = utf8_clean("", 0, &m->text_len)))
			return -1;
		return 0;
	}
	if (buf_keep(raw, html->off, html->len) < 0)	/* the HTML alone is kept */
		return -1;
	html->off = 0;
	t = part_text(m, html, raw->data, max, &len);
	buf_free(raw);
	if (!t)
		return -1;
	/* the HTML's links always count; its text only without a plain part */
	buf_init(&text, max);
	rc = html_to_text(t, len, plain->found ? NULL : &text, &m->links);
	free(t);
	if (rc < 0) {
		buf_free(&text);
		return -1;
	}
	m->from_html = !plain->found;
	if (text.truncated)
		set_reason(m, "text longer than max_scan_bytes: cut");
	if (!plain->found && !(m->text = buf_steal(&text)))
		return -1;
	buf_free(&text);
	m->text_len = strlen(m->text);
	return 0;
}

/* over the bounds: the body as it is, cleaned, is all the text there is */
static int raw_fallback(struct message *m, struct buf *raw, size_t max_text)
{
	const char *body = memmem(raw->data, raw->len, "\r\n\r\n", 4);
	size_t len;

	body = body ? body + 4 : raw->data;
	len = raw->len - (size_t)(body - raw->data);
	if (len > max_text)
		len = max_text;
	m->text = utf8_clean_max(body, len, max_text, &m->text_len, NULL);
	buf_free(raw);
	if (!m->text)
		return -1;
	return text_links(m->text, m->text_len, &m->links);
}

int message_parse_buf(struct message *m, struct buf *raw, size_t max_text)
{
	struct mailmime *mime = NULL;
	struct walk w = { 0 };
	struct part plain = { 0 }, html = { 0 };
	size_t idx = 0, multi, delims;
	int rc;

	memset(m, 0, sizeof *m);
	if (!raw->data && buf_reserve_initial(raw, 0) < 0)
		return -1;
	count_structure(raw->data, raw->len, &multi, &delims);
	if (multi > MIME_MAX_DEPTH || delims > MIME_MAX_PARTS) {
		snprintf(m->reason, sizeof m->reason,
			 "MIME structure over bounds (%zu multiparts, %zu boundary lines): "
			 "body read as plain text", multi, delims);
		return raw_fallback(m, raw, max_text);
	}
	rc = mailmime_parse(raw->data, raw->len, &idx, &mime);
	if (rc == MAILIMF_ERROR_MEMORY) {
		mem_note_failure();
		buf_free(raw);
		return -1;
	}
	if (rc != MAILIMF_NO_ERROR || !mime) {
		set_reason(m, "MIME structure could not be parsed: body read as plain text");
		return raw_fallback(m, raw, max_text);
	}
	walk(mime, 0, &w);
	if (!w.plain && !w.html)
		set_reason(m, "no text part");
	take_part(m, w.plain, raw, &plain);
	take_part(m, w.html, raw, &html);
	mailmime_free(mime);	/* the tree is done with once the parts are found */
	rc = take_text(m, &plain, &html, raw, max_text);
	buf_free(raw);
	return rc;
}

int message_parse(struct message *m, const char *raw, size_t len, size_t max_text)
{
	struct buf copy;

	buf_init(&copy, 0);
	if (buf_append(&copy, raw, len) < 0) {
		memset(m, 0, sizeof *m);
		return -1;
	}
	return message_parse_buf(m, &copy, max_text);
}

void message_free(struct message *m)
{
	free(m->text);
	strlist_free(&m->links);
	memset(m, 0, sizeof *m);
}
