/* test_gateway.c - what gateways add, taken off: a rewritten link unwrapped to
 * its original (in the link list and in the text), a hidden or hostile target
 * left neutral, at most two nested rewriters, banners at either end */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "gateway.h"
#include "str.h"

static struct engine_settings set;

static const char rows[] =
	"[any any]\n"
	"rewriter likely (?i)^https?://[a-z0-9-]+\\.safelinks\\.protection\\.outlook\\.com/?\\?(?:[^#]*?&)?url=(?<url>[^&#]+)\n"
	"rewriter likely (?i)^https?://[a-z0-9-]+\\.mimecast\\.com/s/\n"
	"banner likely (?i)^\\W{0,4}CAUTION\\b.{0,160}\\boutside\\b.{0,120}\\borgani[sz]ation\\b\n";

#define SL "https://eur01.safelinks.protection.outlook.com/?url="

static int setup(void **state)
{
	struct errlist errs = { 0 };
	int rc = patterns_load(&set.patterns, "t", rows, &errs);

	(void)state;
	errlist_free(&errs);
	return rc < 0 || patterns_finish(&set.patterns) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	patterns_free(&set.patterns);
	return 0;
}

static void test_links(void **state)
{
	struct strlist l = { NULL, 0 };

	(void)state;
	strlist_add(&l, SL "https%3A%2F%2Fwww.linkedin.com%2Fin%2Fnadia&data=1");
	strlist_add(&l, "https://protect-eu.mimecast.com/s/Qx7v?domain=linkedin.com");
	strlist_add(&l, "https://www.linkedin.com/comm/in/omar");
	/* a target that decodes to a line break is not recovered: neutral */
	strlist_add(&l, SL "https%3A%2F%2Fwww.linkedin.com%2F%0AAccept%3A%20https%3A%2F%2Fevil.example%2F");
	/* three nested rewriters: neutral */
	strlist_add(&l, SL "https%3A%2F%2Feur01.safelinks.protection.outlook.com%2F%3Furl%3Dhttps%"
		    "253A%252F%252Feur01.safelinks.protection.outlook.com%252F%253Furl%253D"
		    "https%25253A%25252F%25252Fevil.example%25252F%2526data%253D3%26data%3D"
		    "2");
	strlist_add(&l, SL "https%3A%2F%2Feur01.safelinks.protection.outlook.com%2F%3Furl%3Dhttps%"
		    "253A%252F%252Fwww.linkedin.com%252Fin%252Fines%26data%3D2");
	gateway_unwrap_links(&set, &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "https://www.linkedin.com/in/nadia");
	assert_string_equal(l.v[1], "https://www.linkedin.com/comm/in/omar");
	assert_string_equal(l.v[2], "https://www.linkedin.com/in/ines");	/* two nested */
	strlist_free(&l);
}

static void test_text(void **state)
{
	char *t = str_dup("My portfolio: " SL "https%3A%2F%2Fportfolio.example.com%2Ftomas&data=1 thanks\n"
			  "Bad: " SL "https%3A%2F%2Fx.example%2F%0D%0AFake%20line\n");
	size_t n = strlen(t);

	(void)state;
	assert_int_equal(gateway_unwrap_text(&set, &t, &n), 0);
	assert_string_equal(t, "My portfolio: https://portfolio.example.com/tomas thanks\n"
			       "Bad: " SL "https%3A%2F%2Fx.example%2F%0D%0AFake%20line\n");
	assert_int_equal(n, strlen(t));
	free(t);
}

static void test_banners(void **state)
{
	char t[] = "CAUTION: This email originated from outside of the\norganization. Do not click links.\n"
		   "Hi Bob,\nWe met in Lyon.\n\nNadia Rahman\n\n"
		   "CAUTION: This email originated from outside of the organization.\n";
	size_t n;

	(void)state;
	n = gateway_unbanner(&set, t, strlen(t));
	assert_string_equal(t, "Hi Bob,\nWe met in Lyon.\n\nNadia Rahman\n\n");
	assert_int_equal(n, strlen(t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_banners),
	};

	return cmocka_run_group_tests_name("gateway", tests, setup, teardown);
}
