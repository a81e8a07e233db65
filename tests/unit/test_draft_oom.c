/* test_draft_oom.c - running out of memory while a draft is rendered: the
 * allocation functions are wrapped (linked with -Wl,--wrap=malloc,...) and
 * the Nth allocation of a render fails, for every N in turn; each render
 * must either fail or give exactly the draft a render with memory gives,
 * never a cut or changed draft reported as done. The links of a text the
 * same: all of them, or an error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "draft_message.h"
#include "html.h"
#include "scan.h"
#include "unit_config.h"

#include "fail_alloc.h"

static struct config *cfg;
static char dir[] = "/tmp/lm-test-draft-oom.XXXXXX";

static int setup(void **state)
{
	(void)state;
	cfg = unit_config(dir, TOP_SRCDIR, "names = [ \"Bob Smith\" ]; employers = [ \"Contoso\" ];");
	return cfg ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return unit_config_free(cfg, dir);
}

/* MSG without its Date and Message-ID lines (they change from one render to the next) */
static char *stable(const char *msg)
{
	char *out = __real_malloc(strlen(msg) + 1), *w = out;

	assert_non_null(out);
	for (const char *p = msg; *p; ) {
		size_t n = strcspn(p, "\n") + (p[strcspn(p, "\n")] == '\n');

		if (strncmp(p, "Date: ", 6) && strncmp(p, "Message-ID: ", 12)) {
			memcpy(w, p, n);
			w += n;
		}
		p += n;
	}
	*w = '\0';
	return out;
}

/* a render of TEMPLATE for S with the Nth allocation failing (N < 0: none);
 * the draft's stable text when it succeeds, else NULL */
static char *render(const struct draft_input *s, const char *template, long n)
{
	struct draft d;
	char err[200] = "", *text = NULL;
	int rc;

	countdown = n;
	calls = 0;
	injected = 0;
	rc = draft_render(s, template, &d, err, sizeof err);
	countdown = -1;
	if (rc == 0) {
		assert_non_null(d.msg.data);
		text = stable(d.msg.data);
	} else {
		assert_true(injected);		/* only memory can make this render fail */
		assert_non_null(strstr(err, "out of memory"));
	}
	draft_free(&d);
	return text;
}

/* every allocation of the render of TEMPLATE for S failed in turn */
static void every_allocation(const struct draft_input *s, const char *template)
{
	char *want = render(s, template, -1), *got;
	long n, total, failed = 0;

	assert_non_null(want);
	for (n = 0; ; n++) {
		got = render(s, template, n);
		if (!injected) {	/* N is past the last allocation */
			assert_non_null(got);
			assert_string_equal(got, want);
			free(got);
			break;
		}
		if (got) {
			if (strcmp(got, want))
				fail_msg("allocation %ld failed, the render succeeded with:\n%s\n"
					 "instead of:\n%s", n, got, want);
			free(got);
		} else {
			failed++;
		}
	}
	total = n;
	print_message("%s: %ld allocations, %ld renders failed\n", template, total, failed);
	assert_true(total > 10);
	assert_true(failed > 0);
	free(want);
}

/* to the inviter's address; a claim that did not match, quoted; a name that
 * needs encoded words; a line long enough to be wrapped */
static void test_reply_with_claim(void **state)
{
	struct unit_draft s;

	(void)state;
	unit_scan(&s, cfg, "Jürgen Müller-Lüdenscheidt", "de", CLAIM_COLLEAGUE, "Initech GmbH",
		  NULL, "juergen@example.com");
	every_allocation(&s.in, "ask");
}

/* no address: the send-hint above the text; a headline naming the owner's employer */
static void test_hint_and_shared_org(void **state)
{
	struct unit_draft s;

	(void)state;
	unit_scan(&s, cfg, "Dr. Jane Doe", "en", CLAIM_NONE, NULL,
		  "Engineering lead at Contoso, building things", NULL);
	every_allocation(&s.in, "ask");
	every_allocation(&s.in, "accept");
}

/* the links of a text with the Nth allocation failing: all of them or -1 */
static void test_text_links(void **state)
{
	static const char text[] = "see https://www.linkedin.com/in/janedoe and "
		"https://example.com/a-long-path-of-more-than-two-hundred-and-fifty-six-"
		"characters/0123456789012345678901234567890123456789012345678901234567890123456789"
		"/0123456789012345678901234567890123456789012345678901234567890123456789/"
		"0123456789012345678901234567890123456789 then http://example.org/x";
	long n, failed = 0;

	(void)state;
	for (n = 0; ; n++) {
		struct strlist links = { 0 };
		int rc;

		countdown = n;
		injected = 0;
		rc = text_links(text, strlen(text), &links);
		countdown = -1;
		if (rc == 0) {
			assert_int_equal(links.n, 3);
			assert_string_equal(links.v[0], "https://www.linkedin.com/in/janedoe");
			assert_int_equal(strlen(links.v[1]), 264);	/* whole */
			assert_memory_equal(links.v[1], strstr(text, "https://example.com/"), 264);
			assert_string_equal(links.v[2], "http://example.org/x");
		} else {
			assert_true(injected);
			failed++;
		}
		strlist_free(&links);
		if (!injected)
			break;
	}
	assert_true(n > 3);
	assert_int_equal(failed, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reply_with_claim),
		cmocka_unit_test(test_hint_and_shared_org),
		cmocka_unit_test(test_text_links),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
