/* test_message.c - the message layer: UTF-8 cleaning, header words,
 * mailboxes, HTML to text, MIME decoding and its bounds */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "headers.h"
#include "entities.h"
#include "html.h"
#include "message.h"
#include "transfer.h"
#include "utf8.h"
#include "buf.h"
#include "strlist.h"
#include "str.h"

static void test_utf8_clean(void **state)
{
	size_t n;
	char *s = utf8_clean("a\xff" "b\0c\r\nd\xc3\xa9", 10, &n);

	assert_string_equal(s, "a\xef\xbf\xbd" "b c\nd\xc3\xa9");
	assert_true(utf8_valid(s, n));
	free(s);
	/* an overlong encoding and a lone surrogate are not valid */
	assert_false(utf8_valid("\xc0\xaf", 2));
	assert_false(utf8_valid("\xed\xa0\x80", 3));
}

/* the one encoder html.c and fold.c share: every length, and what is not a
 * character becomes U+FFFD */
static void test_utf8_put(void **state)
{
	char out[4];

	assert_int_equal(utf8_put('A', out), 1);
	assert_memory_equal(out, "A", 1);
	assert_int_equal(utf8_put(0xe9, out), 2);
	assert_memory_equal(out, "\xc3\xa9", 2);
	assert_int_equal(utf8_put(0x20ac, out), 3);
	assert_memory_equal(out, "\xe2\x82\xac", 3);
	assert_int_equal(utf8_put(0x1f600, out), 4);
	assert_memory_equal(out, "\xf0\x9f\x98\x80", 4);
	assert_int_equal(utf8_put(0x10ffff, out), 4);
	assert_memory_equal(out, "\xf4\x8f\xbf\xbf", 4);
	for (unsigned long bad = 0; bad < 4; bad++) {
		const unsigned long cp[] = { 0, 0xd800, 0xdfff, 0x110000 };

		assert_int_equal(utf8_put(cp[bad], out), 3);
		assert_memory_equal(out, "\xef\xbf\xbd", 3);
	}
}

static void test_to_utf8(void **state)
{
	bool unknown;
	char *s = to_utf8("ISO-8859-1", "Caf\xe9", 4, NULL, &unknown);

	assert_string_equal(s, "Caf\xc3\xa9");
	assert_false(unknown);
	free(s);
	s = to_utf8("x-unknown", "Caf\xc3\xa9", 5, NULL, &unknown);
	assert_string_equal(s, "Caf\xc3\xa9");
	assert_true(unknown);
	free(s);
	s = to_utf8("x-unknown", "Caf\xe9", 4, NULL, &unknown);	/* not UTF-8: Latin-1 */
	assert_string_equal(s, "Caf\xc3\xa9");
	free(s);
}

static void expect_phrase(const char *raw, const char *want)
{
	char *s = decode_phrase(raw, strlen(raw));

	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void test_decode_phrase(void **state)
{
	expect_phrase("=?UTF-8?Q?Jos=C3=A9_N=C3=BA=C3=B1ez?=", "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez");
	expect_phrase("=?UTF-8?B?5p2O5bCP6b6Z?=", "\xe6\x9d\x8e\xe5\xb0\x8f\xe9\xbe\x99");
	/* mixed charsets, folded, adjacent words joined */
	expect_phrase("=?ISO-8859-1?Q?Ren=E9?=\r\n =?UTF-8?Q?_M=C3=BCller?=",
		      "Ren\xc3\xa9 M\xc3\xbcller");
	expect_phrase("\"Doe, Jane\"", "Doe, Jane");
	/* a word that decodes to CR/LF can never break a line */
	expect_phrase("=?UTF-8?Q?Eve=0D=0ABcc:_x@example.com?=", "Eve Bcc: x@example.com");
	/* plain ASCII (the one-pass path): CR dropped, controls and runs of
	 * whitespace one space, none at the ends */
	expect_phrase("  Weekly\r\n\t report \x01\x7f for\fyou \r\n", "Weekly report for you");
	expect_phrase("a\rb", "ab");
	expect_phrase("\r\n\t ", "");
	expect_phrase("back\\slash", "back\\slash");
	/* the same text with one 8-bit byte takes the decoding path: same spaces */
	expect_phrase("  Caf\xc3\xa9\r\n\t report \x01 ", "Caf\xc3\xa9 report");
}

static void test_mailbox(void **state)
{
	struct mailbox mb;

	assert_int_equal(parse_mailbox("Jane Doe <Jane@LinkedIn.COM>", &mb, true), 0);
	assert_string_equal(mb.addr, "Jane@linkedin.com");
	assert_string_equal(mb.domain, "linkedin.com");
	assert_string_equal(mb.display, "Jane Doe");
	free(mb.display);
	/* an address inside quotes or a comment is not the address */
	assert_int_equal(parse_mailbox("\"x <a@linkedin.com>\" (b@linkedin.com) <eve@evil.example>", &mb, true), 0);
	assert_string_equal(mb.domain, "evil.example");
	free(mb.display);
	assert_int_equal(parse_mailbox("bare@example.org (Comment)", &mb, true), 0);
	assert_string_equal(mb.addr, "bare@example.org");
	assert_null(mb.display);
	assert_int_equal(parse_mailbox("a@one.example, b@linkedin.com", &mb, true), 0);
	assert_string_equal(mb.domain, "one.example");
	assert_int_equal(parse_mailbox(NULL, &mb, true), 0);
	assert_string_equal(mb.addr, "");
	/* what is outside angles, quotes and comments: spaces dropped, a ')'
	 * or '\\' kept, a second '<' before the '>' wins */
	assert_int_equal(parse_mailbox(" bare @ Ex)ample.ORG \\x", &mb, false), 0);
	assert_string_equal(mb.addr, "bare@ex)ample.org\\x");
	assert_int_equal(parse_mailbox("a <b <c@D.example> d", &mb, false), 0);
	assert_string_equal(mb.addr, "c@d.example");
	assert_int_equal(parse_mailbox("x@y.example <unclosed", &mb, false), 0);
	assert_string_equal(mb.addr, "x@y.example");
}

static void test_html(void **state)
{
	struct buf t;
	struct strlist links = { 0 };
	const char *h = "<html><head><title>x</title><style>p{}</style></head><body>"
			"<div style=\"display:none\">hidden <b>preheader</b></div>"
			"<p>Caf&eacute; &amp; Bar&#233;&#x41;</p><a href=\"https://a.example/x?a=1&amp;b=2\">link</a>"
			"<script>var x='<p>';</script><!-- <a href=\"https://c.example/\"> -->tail</body></html>";

	buf_init(&t, 0);
	assert_int_equal(html_to_text(h, strlen(h), &t, &links), 0);
	str_collapse_ws(t.data);
	assert_string_equal(t.data, "Caf\xc3\xa9 & Bar\xc3\xa9" "A linktail");
	assert_int_equal(links.n, 1);
	assert_string_equal(links.v[0], "https://a.example/x?a=1&b=2");
	buf_free(&t);
	strlist_free(&links);
	assert_int_equal(text_links("see https://x.example/a, and http://y.example/b)", 48, &links), 0);
	assert_int_equal(links.n, 2);
	assert_string_equal(links.v[1], "http://y.example/b");
	strlist_free(&links);
}

/* issue 23 item 3: HTML5's whole list of names (gumbo's tokenizer) beside
 * the common ones, in HTML and in text parts; only whole names are read */
static void test_entities(void **state)
{
	struct buf t;
	char out[ENTITY_MAX], txt[160];
	size_t n;
	const char *h = "<p>A &rarr; B &check; &CounterClockwiseContourIntegral; &nGt; &Afr; "
			"&notit; &notin; &semi; &bogus; &not</p>";

	(void)state;
	assert_int_equal(entity_named("rarr", 4, out), 3);
	assert_memory_equal(out, "\xe2\x86\x92", 3);
	assert_int_equal(entity_named("nGt", 3, out), 6);	/* two code points */
	assert_memory_equal(out, "\xe2\x89\xab\xe2\x83\x92", 6);
	assert_int_equal(entity_named("notit", 5, out), 0);	/* not "&not;" + "it;" */
	assert_int_equal(entity_named("bogus", 5, out), 0);
	assert_int_equal(entity_named("r<b", 3, out), 0);
	assert_int_equal(entity_named("", 0, out), 0);
	assert_int_equal(entity_named("CounterClockwiseContourIntegralX", 32, out), 0);
	buf_init(&t, 0);
	assert_int_equal(html_to_text(h, strlen(h), &t, NULL), 0);
	str_collapse_ws(t.data);
	assert_string_equal(t.data, "A \xe2\x86\x92 B \xe2\x9c\x93 \xe2\x88\xb3 \xe2\x89\xab\xe2\x83\x92 "
			    "\xf0\x9d\x94\x84 &notit; \xe2\x88\x89 ; &bogus; &not");
	buf_free(&t);
	/* a text part: whole references only ("R&D", "&copy 2015" stay); one
	 * longer in UTF-8 than written stays in place */
	snprintf(txt, sizeof txt, "%s", "View Kevin&#39;s profile &rarr; R&D &copy 2015 &copy; "
		 "&Afr; &nGt; a=1&amp;b=2&notify=3");
	n = text_entities(txt, strlen(txt));
	assert_int_equal(n, strlen(txt));
	assert_string_equal(txt, "View Kevin's profile \xe2\x86\x92 R&D &copy 2015 \xc2\xa9 "
			    "\xf0\x9d\x94\x84 &nGt; a=1&b=2&notify=3");
}

static void parse(struct message *m, const char *raw)
{
	assert_int_equal(message_parse(m, raw, strlen(raw), 1 << 20), 0);
}

static void test_mime_qp_alternative(void **state)
{
	struct message m;

	parse(&m, "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n"
		  "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n"
		  "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
		  "Ol=C3=A1, see https://www.linkedin.com/comm/in/x?a=3D1&=\r\nb=3D2\r\n"
		  "--b\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
		  "<a href=\"https://evil.example/\">x</a>\r\n--b--\r\n");
	assert_string_equal(m.text, "Ol\xc3\xa1, see https://www.linkedin.com/comm/in/x?a=1&b=2");
	assert_false(m.from_html);
	/* the HTML part's links count even when its text is not used */
	assert_int_equal(m.links.n, 2);
	assert_string_equal(m.links.v[1], "https://evil.example/");
	assert_string_equal(m.reason, "");
	message_free(&m);
}

static void test_mime_base64_latin1_html_only(void **state)
{
	struct message m;

	/* "<p>Ren&eacute; M\xfcller</p>" in ISO-8859-1, base64 */
	parse(&m, "Content-Type: text/html; charset=ISO-8859-1\r\n"
		  "Content-Transfer-Encoding: base64\r\n\r\n"
		  "PHA+UmVuJmVhY3V0ZTsgTfxsbGVyPC9wPg==\r\n");
	assert_true(m.from_html);
	str_collapse_ws(m.text);
	assert_string_equal(m.text, "Ren\xc3\xa9 M\xc3\xbcller");
	message_free(&m);
}

static void test_mime_bad_input(void **state)
{
	struct message m;
	char *deep = malloc(200 * 64 + 64), *p = deep;

	/* empty, headers only, unknown charset, missing closing boundary */
	parse(&m, "");
	assert_string_equal(m.text, "");
	message_free(&m);
	parse(&m, "Content-Type: text/plain; charset=x-unknown\r\n\r\nabc\xff\r\n");
	assert_non_null(strstr(m.text, "abc\xc3\xbf"));
	assert_true(utf8_valid(m.text, m.text_len));
	assert_string_equal(m.reason, "unknown charset: read as UTF-8 or Latin-1");
	message_free(&m);
	parse(&m, "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\nunterminated\r\n");
	assert_non_null(strstr(m.text, "unterminated"));
	message_free(&m);
	/* 200 nested multiparts never reach the parser */
	for (int i = 0; i < 200; i++)
		p += sprintf(p, "Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n", i, i);
	parse(&m, deep);
	assert_non_null(strstr(m.reason, "over bounds"));
	assert_true(utf8_valid(m.text, m.text_len));
	message_free(&m);
	free(deep);
}

static void test_headers_split(void **state)
{
	struct headers h;
	int err;
	const char raw[] = "From: =?UTF-8?Q?Ana_Mar=C3=ADa?= <invitations@linkedin.com>\n"
			   "Subject: I want\n to connect\nX-Other: 1\n\nbody\n";
	size_t body;

	headers_init(&h);
	body = headers_split(&h, raw, sizeof raw - 1, &err);
	assert_int_equal(err, 0);
	assert_string_equal(raw + body, "body\n");
	assert_int_equal(headers_finish(&h), 0);
	assert_string_equal(h.subject, "I want to connect");
	assert_string_equal(h.from.display, "Ana Mar\xc3\xad" "a");
	assert_string_equal(h.from.domain, "linkedin.com");
	assert_int_equal(h.count, 3);
	/* only the headers the engine reads are kept */
	assert_null(h.v[H_TO]);
	assert_string_equal(h.v[H_SUBJECT], "I want to connect");
	headers_free(&h);
}

/* transfer encodings undone in place: never a byte read past the part */
static void test_transfer_in_place(void **state)
{
	char b[64];
	size_t n;

	(void)state;
	strcpy(b, "SGVs\r\nbG8=");
	n = base64_decode_in_place(b, strlen(b));
	assert_int_equal(n, 5);
	assert_memory_equal(b, "Hello", 5);
	strcpy(b, "SGVsbG8*!");	/* junk skipped, a partial group dropped */
	assert_int_equal(base64_decode_in_place(b, strlen(b)), 5);
	strcpy(b, "caf=E9 =C3=a9 soft=  \r\nbreak a=b =4");
	n = qp_decode_in_place(b, strlen(b));
	assert_int_equal(n, strlen("caf\xe9 \xc3\xa9 softbreak a=b =4"));
	assert_memory_equal(b, "caf\xe9 \xc3\xa9 softbreak a=b =4", n);
	/* a cut escape at the very end: "=4" is kept, nothing past N is read */
	memcpy(b, "ab=4XY", 6);
	assert_int_equal(qp_decode_in_place(b, 4), 4);
	assert_memory_equal(b, "ab=4", 4);
	memcpy(b, "ab=", 3);
	assert_int_equal(qp_decode_in_place(b, 3), 2);	/* "=" at the end: a soft break */
}

/* charset conversion bounded: the output is never larger than asked for,
 * never a character cut */
static void test_to_utf8_max(void **state)
{
	char in[100];
	size_t n;
	bool unknown, cut = false;
	char *out;

	(void)state;
	memset(in, 0xe9, sizeof in);	/* Latin-1 é: two bytes each in UTF-8 */
	out = to_utf8_max("iso-8859-1", in, sizeof in, 51, &n, &unknown, &cut);
	assert_non_null(out);
	assert_int_equal(n, 50);
	assert_true(cut);
	assert_false(unknown);
	assert_true(utf8_valid(out, n));
	free(out);
	cut = false;
	out = to_utf8_max("windows-874", "\xa1\r\n\x01", 4, 100, &n, &unknown, &cut);
	assert_non_null(out);
	assert_string_equal(out, "\xe0\xb8\x81\n ");	/* Thai ko kai; CR dropped, ^A a space */
	assert_false(cut);
	free(out);
	out = to_utf8_max("x-no-such-charset", "caf\xe9", 4, 100, &n, &unknown, NULL);
	assert_true(unknown);
	assert_string_equal(out, "caf\xc3\xa9");
	free(out);
	out = to_utf8_max("gb2312", "\xd6\xd0", 2, 100, &n, &unknown, NULL);	/* via GBK */
	assert_string_equal(out, "\xe4\xb8\xad");
	free(out);
	out = utf8_clean_max("ab\xe2\x82\xac", 5, 4, &n, &cut);
	assert_string_equal(out, "ab");	/* the euro sign does not fit: not cut in two */
	free(out);
}

/* a buffer with a limit never allocates room for more than the limit */
static void test_buf_capacity(void **state)
{
	struct buf b;
	char chunk[1000];

	(void)state;
	memset(chunk, 'x', sizeof chunk);
	buf_init(&b, 5000);
	for (int i = 0; i < 10; i++)
		buf_append(&b, chunk, sizeof chunk);
	assert_int_equal(b.len, 5000);
	assert_true(b.truncated);
	assert_int_equal(b.cap, 5001);	/* doubling would have made 8192 */
	assert_int_equal(buf_keep(&b, 4990, 10), 0);
	assert_int_equal(b.len, 10);
	assert_int_equal(b.cap, 11);
	assert_int_equal(buf_keep(&b, 5, 10), -1);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_clean),
		cmocka_unit_test(test_utf8_put),
		cmocka_unit_test(test_to_utf8),
		cmocka_unit_test(test_transfer_in_place),
		cmocka_unit_test(test_to_utf8_max),
		cmocka_unit_test(test_buf_capacity),
		cmocka_unit_test(test_decode_phrase),
		cmocka_unit_test(test_mailbox),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_mime_qp_alternative),
		cmocka_unit_test(test_mime_base64_latin1_html_only),
		cmocka_unit_test(test_mime_bad_input),
		cmocka_unit_test(test_headers_split),
	};

	return cmocka_run_group_tests_name("message", tests, NULL, NULL);
}
