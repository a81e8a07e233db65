/* strlist.h - a list of strings owned by the list, and the list of errors a
 * file load collects ("FILE:LINE: key: what is wrong")
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
#ifndef LM_STRLIST_H
#define LM_STRLIST_H
#include <stdbool.h>
#include <stddef.h>

struct strlist {
	char **v;
	size_t n;
};

int strlist_add(struct strlist *l, const char *s);
void strlist_free(struct strlist *l);

struct errlist {
	struct strlist msgs;
	bool oom;
};

void errlist_add(struct errlist *e, const char *file, int line,
		 const char *key, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void errlist_free(struct errlist *e);

#endif
