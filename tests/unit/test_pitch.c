/* test_pitch.c - the pitch rule on a set of headlines in the seven languages
 * (tests/data/pitch-headlines.txt): prints its precision and recall, and
 * fails unless both are 1.0 on that set */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "config.h"
#include "pitch.h"
#include "strlist.h"

static struct patterns pats;

static int setup(void **state)
{
	struct errlist errs = { 0 };
	int rc = patterns_load(&pats, TOP_SRCDIR "/conf/lexicons.conf", NULL, &errs);

	for (size_t i = 0; i < errs.msgs.n; i++)
		fprintf(stderr, "%s\n", errs.msgs.v[i]);
	errlist_free(&errs);
	return rc < 0 || patterns_finish(&pats) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
	patterns_free(&pats);
	return 0;
}

static void test_headlines(void **state)
{
	FILE *f = fopen(TOP_SRCDIR "/tests/data/pitch-headlines.txt", "r");
	char line[1024], lang[8], want[8], title[160];
	unsigned tp = 0, fp = 0, fn = 0, n = 0, langs[7] = { 0 };
	static const char *const all[7] = { "en", "de", "fr", "es", "pt", "it", "nl" };

	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		int off = 0;
		bool got;

		line[strcspn(line, "\n")] = '\0';
		if (!*line || *line == '#')
			continue;
		assert_int_equal(sscanf(line, "%7[^\t]\t%7[^\t]\t%n", lang, want, &off), 2);
		got = pitch_title(&pats, lang, line + off, title, sizeof title);
		tp += got && !strcmp(want, "pitch");
		fp += got && strcmp(want, "pitch");
		fn += !got && !strcmp(want, "pitch");
		if (got != !strcmp(want, "pitch"))
			print_message("# wrong: [%s] %s (expected %s)\n", lang, line + off, want);
		for (int k = 0; k < 7; k++)
			langs[k] += !strcmp(lang, all[k]);
		n++;
	}
	fclose(f);
	print_message("# pitch rule on %u headlines: precision %.2f, recall %.2f\n", n,
		      tp + fp ? (double)tp / (tp + fp) : 0.0, tp + fn ? (double)tp / (tp + fn) : 0.0);
	assert_true(n >= 60);
	assert_int_equal(tp + fn, n / 2);	/* half are pitches */
	for (int k = 0; k < 7; k++)
		assert_true(langs[k] >= 5);
	assert_int_equal(fp, 0);
	assert_int_equal(fn, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headlines),
	};

	return cmocka_run_group_tests_name("pitch", tests, setup, teardown);
}
