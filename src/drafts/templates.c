/* templates.c - reply-draft templates: <lang>/<name> files in the configured
 * directory, over the shipped ones compiled into the binary. Placeholders:
 * {first|FALLBACK} {owner|FALLBACK} {claim_org} {profile_url|FALLBACK}
 * {shared_org} {formal|FALLBACK}; {{ and }} are literal braces. A value that ends a sentence
 * ("Acme Inc.") takes the place of the template's own full stop. */
#include "autoconfig.h"
#include "templates.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "embedded.h"
#include "utf8.h"
#include "buf.h"
#include "strlist.h"
#include "str.h"
#include "fileio.h"

#define MAX_TEMPLATE 65536
#define MAX_TEMPLATES 4096

static const char *const placeholders[] = { "first", "owner", "claim_org", "profile_url",
					    "shared_org", "formal", NULL };

/* the placeholder at S ('{'); its name and fallback spans; bytes used, 0 if bad */
static size_t parse_placeholder(const char *s, const char **name, size_t *nlen,
				const char **fb, size_t *fblen)
{
	const char *end = strchr(s + 1, '}'), *bar;

	if (!end || memchr(s + 1, '{', (size_t)(end - s - 1)) || memchr(s + 1, '\n', (size_t)(end - s - 1)))
		return 0;
	bar = memchr(s + 1, '|', (size_t)(end - s - 1));
	*name = s + 1;
	*nlen = (size_t)((bar ? bar : end) - s - 1);
	*fb = bar ? bar + 1 : NULL;
	*fblen = bar ? (size_t)(end - bar - 1) : 0;
	return (size_t)(end - s + 1);
}

static int placeholder_index(const char *name, size_t len)
{
	for (int i = 0; placeholders[i]; i++)
		if (strlen(placeholders[i]) == len && strncmp(placeholders[i], name, len) == 0)
			return i;
	return -1;
}

int template_check(const char *text, char *err, size_t errlen, int *line)
{
	*line = 1;
	if (!utf8_valid(text, strlen(text))) {
		snprintf(err, errlen, "not valid UTF-8");
		return -1;
	}
	for (const char *p = text; *p; p++) {
		const char *name, *fb;
		size_t nlen, fblen, used;

		if (*p == '\n')
			(*line)++;
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			p++;
			continue;
		}
		if (*p == '}') {
			snprintf(err, errlen, "a } that closes nothing (write }} for a brace)");
			return -1;
		}
		if (*p != '{')
			continue;
		used = parse_placeholder(p, &name, &nlen, &fb, &fblen);
		if (!used || placeholder_index(name, nlen) < 0) {
			snprintf(err, errlen, "unknown placeholder %.*s (first, owner, claim_org, "
				 "profile_url, shared_org, formal)", used ? (int)used : 12, p);
			return -1;
		}
		p += used - 1;
	}
	return 0;
}

int template_render(const struct template *t, const struct tpl_values *v, struct buf *out)
{
	const char *vals[6] = { v->first, v->owner, v->claim_org, v->profile_url, v->shared_org,
				v->formal };

	for (const char *p = t->text; *p; p++) {
		const char *name, *fb;
		size_t nlen, fblen, used;
		int i;

		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			buf_putc(out, *p++);
			continue;
		}
		if (*p != '{' || !(used = parse_placeholder(p, &name, &nlen, &fb, &fblen)) ||
		    (i = placeholder_index(name, nlen)) < 0) {
			buf_putc(out, *p);
			continue;
		}
		if (vals[i] && *vals[i]) {
			buf_puts(out, vals[i]);
			if (vals[i][strlen(vals[i]) - 1] == '.' && p[used] == '.')
				used++;		/* "Acme Inc.." */
		} else if (fb && fblen) {
			buf_append(out, fb, fblen);
		} else if (out->len && out->data[out->len - 1] == ' ') {
			out->data[--out->len] = '\0';	/* "Buongiorno {first|}," */
		}
		p += used - 1;
	}
	return buf_failed(out) ? -1 : 0;
}

/* ---------------------------------------------------------------- loading */

static int add(struct templates *t, const char *lang, const char *name, char *text,
	       bool builtin)
{
	struct template *v;

	if (t->n >= MAX_TEMPLATES)
		return -1;
	v = realloc_array(t->v, t->n + 1, sizeof *v);
	if (!v)
		return -1;
	t->v = v;
	memset(&v[t->n], 0, sizeof v[t->n]);
	snprintf(v[t->n].lang, sizeof v[t->n].lang, "%s", lang);
	snprintf(v[t->n].name, sizeof v[t->n].name, "%s", name);
	v[t->n].text = text;
	v[t->n].builtin = builtin;
	t->n++;
	return 0;
}

bool template_name_ok(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n == 0 || n > max || s[0] == '.')
		return false;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '-' && *s != '_')
			return false;
	return true;
}

static void load_file(struct templates *t, const char *path, const char *lang,
		      const char *name, struct errlist *errs)
{
	char *text = read_file(path, MAX_TEMPLATE, NULL), err[200];
	int line;

	if (!text) {
		errlist_add(errs, path, 0, "template", "cannot read: %s", strerror(errno));
		return;
	}
	if (template_check(text, err, sizeof err, &line) < 0) {
		errlist_add(errs, path, line, "template", "%s", err);
		free(text);
		return;
	}
	if (add(t, lang, name, text, false) < 0) {
		errlist_add(errs, path, 0, "template", "too many templates, or out of memory");
		free(text);
	}
}

static void load_lang(struct templates *t, const char *dir, const char *lang,
		      struct errlist *errs)
{
	char path[4096];
	DIR *d;
	struct dirent *e;

	snprintf(path, sizeof path, "%s/%s", dir, lang);
	if (!(d = opendir(path)))
		return;
	while ((e = readdir(d)) != NULL) {
		char file[4096];

		if (!template_name_ok(e->d_name, TEMPLATE_NAME_MAX))
			continue;	/* README, editor backups, dotfiles */
		if (snprintf(file, sizeof file, "%s/%s", path, e->d_name) >= (int)sizeof file)
			continue;
		load_file(t, file, lang, e->d_name, errs);
	}
	closedir(d);
}

static int load_builtin(struct templates *t)
{
	for (const struct embedded_file *b = embedded_files; b->name; b++) {
		char lang[4], name[40];
		char *text;

		if (sscanf(b->name, "templates/%3[a-z]/%39s", lang, name) != 2 ||
		    !template_name_ok(name, TEMPLATE_NAME_MAX))
			continue;
		if (!(text = str_dup(b->data)) || add(t, lang, name, text, true) < 0) {
			free(text);
			return -1;
		}
	}
	return 0;
}

struct templates *templates_load(const char *dir, struct errlist *errs)
{
	struct templates *t = calloc(1, sizeof *t);
	size_t before = errs->msgs.n;
	DIR *d;
	struct dirent *e;

	if (!t)
		return NULL;
	if (dir && *dir && (d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strlen(e->d_name) == 2 && template_name_ok(e->d_name, 2))
				load_lang(t, dir, e->d_name, errs);
		closedir(d);
	}
	if (load_builtin(t) < 0)
		errs->oom = true;
	if (errs->msgs.n != before || errs->oom) {
		templates_free(t);
		return NULL;
	}
	return t;
}

void templates_free(struct templates *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
	free(t->v);
	free(t);
}

const struct template *templates_find(const struct templates *t, const char *lang,
				      const char *name)
{
	const struct template *builtin = NULL;

	for (size_t i = 0; t && i < t->n; i++) {
		if (strcmp(t->v[i].lang, lang) || strcmp(t->v[i].name, name))
			continue;
		if (!t->v[i].builtin)
			return &t->v[i];
		builtin = &t->v[i];
	}
	return builtin;
}
