/* strlist.c - lists of owned strings, and the error list a file load fills */
#include "autoconfig.h"
#include "strlist.h"
#include "str.h"
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int strlist_add(struct strlist *l, const char *s)
{
	char **v;
	char *copy = str_dup(s);

	if (!copy)
		return -1;
	v = realloc_array(l->v, l->n + 1, sizeof *v);
	if (!v) {
		free(copy);
		return -1;
	}
	v[l->n++] = copy;
	l->v = v;
	return 0;
}

void strlist_free(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void errlist_add(struct errlist *e, const char *file, int line,
		 const char *key, const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	char what[512];

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	buf_init(&b, 4096);
	if (line > 0)
		buf_printf(&b, "%s:%d: ", file ? file : "(config)", line);
	else
		buf_printf(&b, "%s: ", file ? file : "(config)");
	if (key && *key)
		buf_printf(&b, "%s: ", key);
	buf_puts(&b, what);
	if (b.data)	/* one line each: a value with a line break cannot make two */
		for (char *p = b.data; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				*p = ' ';
	if (!b.data || strlist_add(&e->msgs, b.data) < 0)
		e->oom = true;
	buf_free(&b);
}

void errlist_free(struct errlist *e)
{
	strlist_free(&e->msgs);
	e->oom = false;
}
