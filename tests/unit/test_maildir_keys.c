/* test_maildir_keys.c - the draft keys of Maildir folders, looked up by
 * several store threads at once: a folder that is slow to read delays the
 * look-ups of that folder only (one lock per folder, not one for all), keys
 * in file names and in headers are found, and a draft we add is found
 * without reading the folder again. The test's own opendir stands in for
 * libc's in the code under test and is slow for folders named "slow". */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "maildir_keys.h"
#include "unit_tmpdir.h"

#define KEY1 "00112233445566778899aabbccddeeff"
#define KEY2 "ffeeddccbbaa99887766554433221100"
#define SLOW_MS 800

static char dir[] = "/tmp/lm-test-keys.XXXXXX";
static int opened;	/* opendir calls on a slow folder */

DIR *opendir(const char *path)
{
	DIR *(*real)(const char *) = (DIR * (*)(const char *))dlsym(RTLD_NEXT, "opendir");

	if (strstr(path, "/slow")) {
		__atomic_add_fetch(&opened, 1, __ATOMIC_SEQ_CST);
		usleep(SLOW_MS * 1000);
	}
	return real(path);
}

static long now_ms(void)
{
	struct timespec t;

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* DIR/NAME as a Maildir; with a draft of ours for KEY in cur/ (KEY NULL: none) */
static void folder(const char *name, const char *key, char *out, size_t len)
{
	char path[600];
	FILE *f;

	snprintf(out, len, "%s/%s", dir, name);
	mkdir(out, 0700);
	snprintf(path, sizeof path, "%s/cur", out);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/new", out);
	mkdir(path, 0700);
	if (!key)
		return;
	snprintf(path, sizeof path, "%s/cur/1700000000.M1P1Q1.%s.host:2,DS", out, key);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("Subject: hi\r\n\r\nhi\r\n", f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	return unit_tmpdir_make(dir);
}

static int teardown(void **state)
{
	(void)state;
	maildir_keys_clear();
	return unit_tmpdir_remove(dir);
}

struct lookup {
	const char *dir, *key;
	int found;
	long took;
};

static void *look(void *arg)
{
	struct lookup *l = arg;
	long t0 = now_ms();

	l->found = maildir_keys_find(l->dir, l->key, 0);
	l->took = now_ms() - t0;
	return NULL;
}

/* a folder being read slowly does not hold up a look-up in another one */
static void test_slow_folder_delays_only_itself(void **state)
{
	char slow[400], fast[400];
	struct lookup a, b;
	pthread_t ta;

	(void)state;
	maildir_keys_clear();
	folder("slow", KEY1, slow, sizeof slow);
	folder("fast", KEY2, fast, sizeof fast);
	a = (struct lookup){ .dir = slow, .key = KEY1 };
	b = (struct lookup){ .dir = fast, .key = KEY2 };
	assert_int_equal(pthread_create(&ta, NULL, look, &a), 0);
	while (!__atomic_load_n(&opened, __ATOMIC_SEQ_CST))
		usleep(1000);	/* the slow folder is being read */
	look(&b);
	pthread_join(ta, NULL);
	printf("# slow folder: %ld ms; another folder meanwhile: %ld ms\n", a.took, b.took);
	assert_int_equal(a.found, 1);
	assert_int_equal(b.found, 1);
	assert_in_range(a.took, SLOW_MS, 60000);
	assert_in_range(b.took, 0, SLOW_MS / 2);
}

/* keys in names and in headers found; a draft we add found without a read */
static void test_found_and_added(void **state)
{
	char d[400], path[600];
	FILE *f;
	int before;

	(void)state;
	maildir_keys_clear();
	folder("slow-added", NULL, d, sizeof d);
	snprintf(path, sizeof path, "%s/cur/saved-by-a-client:2,S", d);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("Subject: hi\r\nX-LinkedIn-Draft-Key: " KEY1 "\r\n\r\nhi\r\n", f);
	fclose(f);
	assert_int_equal(maildir_keys_find(d, KEY1, 0), 1);
	assert_int_equal(maildir_keys_find(d, KEY2, 0), 0);
	assert_int_equal(maildir_keys_find(d, KEY1, time(NULL) + 3600), 0);	/* too old */
	before = __atomic_load_n(&opened, __ATOMIC_SEQ_CST);
	maildir_keys_added(d, KEY2);	/* no file: the folder is unchanged */
	assert_int_equal(maildir_keys_find(d, KEY2, 0), 1);
	assert_int_equal(__atomic_load_n(&opened, __ATOMIC_SEQ_CST), before);	/* not read */
}

static void *many(void *arg)
{
	char (*dirs)[400] = arg;

	for (int i = 0; i < 300; i++) {
		const char *d = dirs[i % 3];

		assert_true(maildir_keys_find(d, KEY1, 0) >= 0);
		maildir_keys_added(d, KEY2);
		if (i % 100 == 99)
			maildir_keys_clear();
	}
	return NULL;
}

/* several threads over a few folders, some cleared meanwhile: every answer
 * right (under ThreadSanitizer: no race) */
static void test_threads_over_folders(void **state)
{
	static char dirs[3][400];
	pthread_t t[4];

	(void)state;
	folder("a", KEY1, dirs[0], sizeof dirs[0]);
	folder("b", KEY1, dirs[1], sizeof dirs[1]);
	folder("c", KEY1, dirs[2], sizeof dirs[2]);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, many, dirs), 0);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < 3; i++)
		assert_int_equal(maildir_keys_find(dirs[i], KEY1, 0), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slow_folder_delays_only_itself),
		cmocka_unit_test(test_found_and_added),
		cmocka_unit_test(test_threads_over_folders),
	};

	return cmocka_run_group_tests_name("maildir_keys", tests, setup, teardown);
}
