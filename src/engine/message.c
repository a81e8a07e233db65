/* message.c - one raw message decoded with libetpan: walk the MIME tree,
 * undo the transfer encoding, convert the charset to UTF-8, and turn HTML
 * into text when there is no plain part. Hostile structure (deep nesting,
 * thousands of parts) is bounded before the parser sees it. */
#include "autoconfig.h"
#include "message.h"

#include <libetpan/libetpan.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "html.h"
#include "utf8.h"
#include "buf.h"
#include "strlist.h"

struct walk {
	struct mailmime *plain, *html;	/* first of each, not attachments */
	int parts;
	const char *raw_end;		/* the end of the message handed to libetpan */
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

/* undo the transfer encoding of TEXT[0..N). libetpan's decoders read up to
 * two bytes past a cut escape ("=4" at the very end): a part that ends at
 * the end of the message is decoded from a copy with zero bytes after it */
static int decode_part(const char *text, size_t n, int enc, const char *raw_end,
		       char **decoded, size_t *dlen)
{
	size_t idx = 0;
	char *copy;
	int rc;

	if (enc == MAILMIME_MECHANISM_8BIT || enc == MAILMIME_MECHANISM_7BIT ||
	    enc == MAILMIME_MECHANISM_BINARY || raw_end - (text + n) >= 4)
		return mailmime_part_parse(text, n, &idx, enc, decoded, dlen);
	if (!(copy = calloc(1, n + 4)))
		return MAILIMF_ERROR_MEMORY;
	memcpy(copy, text, n);
	rc = mailmime_part_parse(copy, n, &idx, enc, decoded, dlen);
	free(copy);
	return rc;
}

/* the part's content, transfer encoding undone and converted to UTF-8 */
static char *part_text(struct message *m, struct mailmime *mm, const char *raw_end, size_t *len)
{
	struct mailmime_data *d = mm->mm_data.mm_single;
	char *decoded = NULL, *out, *charset = NULL;
	size_t dlen = 0;
	bool unknown = false;
	int enc;

	if (!d || d->dt_type != MAILMIME_DATA_TEXT)
		return utf8_clean("", 0, len);
	enc = d->dt_encoded ? d->dt_encoding : MAILMIME_MECHANISM_8BIT;
	if (decode_part(d->dt_data.dt_text.dt_data, d->dt_data.dt_text.dt_length, enc, raw_end,
			&decoded, &dlen) != MAILIMF_NO_ERROR) {
		set_reason(m, "a part's transfer encoding could not be decoded");
		return utf8_clean(d->dt_data.dt_text.dt_data, d->dt_data.dt_text.dt_length, len);
	}
	if (mm->mm_content_type)
		charset = mailmime_content_charset_get(mm->mm_content_type);
	out = to_utf8(charset, decoded, dlen, len, &unknown);
	if (unknown)
		set_reason(m, "unknown charset: read as UTF-8 or Latin-1");
	mailmime_decoded_part_free(decoded);
	return out;
}

static int take_text(struct message *m, struct walk *w, size_t max_text)
{
	struct buf text;
	char *t;
	size_t len;

	buf_init(&text, max_text);
	if (w->plain) {
		if (!(t = part_text(m, w->plain, w->raw_end, &len)))
			return -1;
		len = text_entities(t, len);
		buf_append(&text, t, len);
		text_links(t, len, &m->links);
		free(t);
	}
	if (w->html) {
		if (!(t = part_text(m, w->html, w->raw_end, &len)))
			goto oom;
		/* the HTML's links always count; its text only without a plain part */
		if (html_to_text(t, len, w->plain ? NULL : &text, &m->links) < 0) {
			free(t);
			goto oom;
		}
		m->from_html = !w->plain;
		free(t);
	}
	if (text.truncated)
		set_reason(m, "text longer than max_scan_bytes: cut");
	m->text = buf_steal(&text);
	if (!m->text)
		return -1;
	m->text_len = strlen(m->text);
	return 0;
oom:
	buf_free(&text);
	return -1;
}

/* over the bounds: the body as it is, cleaned, is all the text there is */
static int raw_fallback(struct message *m, const char *raw, size_t len, size_t max_text)
{
	const char *body = memmem(raw, len, "\r\n\r\n", 4);

	body = body ? body + 4 : raw;
	len -= (size_t)(body - raw);
	if (len > max_text)
		len = max_text;
	m->text = utf8_clean(body, len, &m->text_len);
	if (!m->text)
		return -1;
	return text_links(m->text, m->text_len, &m->links);
}

int message_parse(struct message *m, const char *raw, size_t len, size_t max_text)
{
	struct mailmime *mime = NULL;
	struct walk w = { .raw_end = raw + len };
	size_t idx = 0, multi, delims;
	int rc;

	memset(m, 0, sizeof *m);
	count_structure(raw, len, &multi, &delims);
	if (multi > MIME_MAX_DEPTH || delims > MIME_MAX_PARTS) {
		snprintf(m->reason, sizeof m->reason,
			 "MIME structure over bounds (%zu multiparts, %zu boundary lines): "
			 "body read as plain text", multi, delims);
		return raw_fallback(m, raw, len, max_text);
	}
	rc = mailmime_parse(raw, len, &idx, &mime);
	if (rc == MAILIMF_ERROR_MEMORY)
		return -1;
	if (rc != MAILIMF_NO_ERROR || !mime) {
		set_reason(m, "MIME structure could not be parsed: body read as plain text");
		return raw_fallback(m, raw, len, max_text);
	}
	walk(mime, 0, &w);
	if (!w.plain && !w.html)
		set_reason(m, "no text part");
	rc = take_text(m, &w, max_text);
	mailmime_free(mime);
	return rc;
}

void message_free(struct message *m)
{
	free(m->text);
	strlist_free(&m->links);
	memset(m, 0, sizeof *m);
}
