/* draft_message.c - the reply draft of one invitation as an RFC 5322 message: From
 * the owner, To the inviter when the invitation carries an address (never a
 * LinkedIn one), "Re:" the subject, In-Reply-To the invitation, the body
 * from a template as quoted-printable UTF-8. Everything that came from the
 * network is cleaned, bounded and encoded: no name can add a header line.
 * The message is appended to without a check on each call: its buffer
 * remembers running out of memory, and draft_render asks it once at the end. */
#include "autoconfig.h"
#include "draft_message.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "draft_text.h"
#include "encode.h"
#include "fold.h"
#include "buf.h"

void draft_free(struct draft *d)
{
	buf_free(&d->msg);
}

/* two FNV-1a hashes with different bases: 128 bits, enough to name a pair */
void draft_key(const char *rcpt, const struct invitation *inv, char *out)
{
	const char *who = inv->profile_url ? inv->profile_url : inv->email ? inv->email :
			  inv->name ? inv->name : "";
	char *f = fold(who);
	unsigned long long h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
	const char *parts[3] = { rcpt, "\n", f };

	if (!f) {
		out[0] = '\0';		/* out of memory: no key rather than another one */
		return;
	}
	for (int k = 0; k < 3; k++)
		for (const unsigned char *p = (const unsigned char *)parts[k]; *p; p++) {
			unsigned char c = (unsigned char)tolower(*p);

			h1 = (h1 ^ c) * 0x100000001b3ULL;
			h2 = (h2 ^ c) * 0x100000001b3ULL;
		}
	free(f);
	snprintf(out, DRAFT_KEY_LEN + 1, "%016llx%016llx", h1, h2);
}

/* NAME: VALUE, folded between the encoded words so no line passes 78 */
static void header(struct buf *b, const char *name, const char *value)
{
	size_t col = strlen(name) + 2;

	buf_printf(b, "%s:", name);
	while (*value) {
		size_t n = strcspn(value, " ");

		if (col + n + 1 > 78 && col > strlen(name) + 2) {
			buf_puts(b, "\r\n");
			col = 0;
		}
		buf_putc(b, ' ');
		buf_append(b, value, n);
		col += n + 1;
		value += n;
		while (*value == ' ')
			value++;
	}
	buf_puts(b, "\r\n");
}

/* "Display <addr>" with the display name encoded */
static void address_header(struct buf *b, const char *name, const char *display,
			   const char *addr)
{
	struct buf v;
	char *clean = display ? header_text(display, 200) : NULL;

	buf_init(&v, 0);
	if (clean && *clean) {
		rfc2047_phrase(&v, clean);
		buf_putc(&v, ' ');
	}
	buf_printf(&v, "<%s>", addr);
	if ((display && !clean) || buf_failed(&v))
		buf_fail(b);
	else
		header(b, name, v.data);
	buf_free(&v);
	free(clean);
}

bool draft_plain_address(const char *a)
{
	const char *at = a ? strchr(a, '@') : NULL;

	if (!at || at == a || !at[1] || strchr(at + 1, '@') || strlen(a) > 254)
		return false;
	for (const unsigned char *p = (const unsigned char *)a; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || strchr("<>()[],;:\\\"", *p))
			return false;
	return true;
}

/* a Message-ID as the invitation gave it, if it looks like one */
static bool plain_msgid(const char *id)
{
	size_t n = id ? strlen(id) : 0;

	if (n < 5 || n > 500 || id[0] != '<' || id[n - 1] != '>' || !memchr(id, '@', n))
		return false;
	for (const unsigned char *p = (const unsigned char *)id + 1; p < (const unsigned char *)id + n - 1; p++)
		if (*p <= 0x20 || *p >= 0x7f || *p == '<' || *p == '>')
			return false;
	return true;
}

static void date_header(struct buf *b, time_t now)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;

	gmtime_r(&now, &tm);
	buf_printf(b, "Date: %s, %d %s %d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday],
		   tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
		   tm.tm_sec);
}

/* the inviter's address, when the invitation carries one that is not LinkedIn's */
static const char *reply_to(const struct draft_input *s)
{
	const char *e = s->inv->email, *at;

	if (!draft_plain_address(e))
		return NULL;
	at = strrchr(e, '@') + 1;
	if (domain_in_set(patterns_role(s->patterns, ROLE_DOMAIN), at, strlen(at)))
		return NULL;
	return e;
}

static void headers(const struct draft_input *s, struct draft *d, const char *from, const char *to,
		    const char *subject)
{
	struct buf *b = &d->msg, encoded;
	const char *owner = s->owner->names.n ? s->owner->names.v[0] : NULL;
	const char *at = strrchr(from, '@');
	static unsigned long counter;

	address_header(b, "From", owner, from);
	if (to)
		address_header(b, "To", s->inv->name, to);
	buf_init(&encoded, 0);
	if (rfc2047(&encoded, subject) < 0 || !encoded.data)
		buf_fail(b);
	else
		header(b, "Subject", encoded.data);
	buf_free(&encoded);
	if (plain_msgid(s->message_id)) {
		header(b, "In-Reply-To", s->message_id);
		header(b, "References", s->message_id);
	}
	date_header(b, time(NULL));
	buf_printf(b, "Message-ID: <%ld.%ld.%lu.%.12s@%s>\r\n", (long)time(NULL), (long)getpid(),
		   __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED), d->key,
		   at ? at + 1 : "localhost");
	if (s->set->auto_send && to)
		buf_puts(b, "Auto-Submitted: auto-replied\r\n");
	buf_printf(b, DRAFT_KEY_HEADER ": %s\r\n", d->key);
	buf_puts(b, "MIME-Version: 1.0\r\n"
		    "Content-Type: text/plain; charset=UTF-8\r\n"
		    "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
}

int draft_render(const struct draft_input *s, const char *template, struct draft *d,
		 char *err, size_t errlen)
{
	const char *from, *to = reply_to(s);
	struct draft_text t;

	memset(d, 0, sizeof *d);
	buf_init(&d->msg, 0);
	from = s->owner->address[0] ? s->owner->address : s->rcpt;
	if (!draft_plain_address(from)) {
		snprintf(err, errlen, "no owner address for the From");
		return -1;
	}
	if (draft_text(s, template, !to, &t, err, errlen) < 0) {
		draft_text_free(&t);
		return -1;
	}
	snprintf(d->rcpt, sizeof d->rcpt, "%s", s->rcpt[0] ? s->rcpt : from);
	snprintf(d->lang, sizeof d->lang, "%s", t.lang);
	snprintf(d->template, sizeof d->template, "%s", t.template);
	draft_key(d->rcpt, s->inv, d->key);
	if (!d->key[0])
		buf_fail(&d->msg);
	headers(s, d, from, to, t.subject);
	qp_body(&d->msg, t.body);
	draft_text_free(&t);
	if (buf_failed(&d->msg) || !d->msg.data) {
		snprintf(err, errlen, "out of memory rendering the draft");
		return -1;
	}
	return 0;
}
