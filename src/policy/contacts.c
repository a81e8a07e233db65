/* contacts.c - the people the owner knows. A file is a plain list (one name
 * or address a line, "#" comments) or vCard 3.0/4.0 (FN and EMAIL; folded
 * lines; quoted-printable values) when it starts with BEGIN:VCARD. */
#include "autoconfig.h"
#include "contacts.h"

#include <ctype.h>
#include <errno.h>
#include <libetpan/libetpan.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "fold.h"
#include "personname.h"
#include "utf8.h"
#include "strlist.h"
#include "str.h"
#include "fileio.h"

#define MAX_CONTACTS_FILE (16 << 20)

/* NAME folded as written, and as a person's name (titles, credentials,
 * "(she/her)" and emoji left out, "Doe, Jane" turned round) when that differs */
static int add_name(struct strlist *l, const char *name)
{
	char *f = fold(name), *k = f ? person_name_key(name) : NULL;
	int rc;

	if (!f || !k) {
		free(f);
		return -1;
	}
	rc = *f ? strlist_add(l, f) : 0;
	if (rc == 0 && *k && strcmp(k, f))
		rc = strlist_add(l, k);
	free(f);
	free(k);
	return rc;
}

static int add_addr(struct strlist *l, const char *addr)
{
	char *a = str_dup(addr);
	int rc;

	if (!a)
		return -1;
	for (char *p = a; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	rc = strlist_add(l, a);
	free(a);
	return rc;
}

static char *trim(char *s)
{
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* ---------------------------------------------------------------- plain */

static int load_plain(char *text, struct strlist *names, struct strlist *addrs)
{
	char *save = NULL;

	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *s = trim(line), *lt;

		if (!*s || *s == '#')
			continue;
		/* "Name <addr>" gives both */
		if ((lt = strchr(s, '<')) && strchr(lt, '>') && strchr(lt, '@')) {
			*strchr(lt, '>') = '\0';
			*lt = '\0';
			if (add_addr(addrs, trim(lt + 1)) < 0 || add_name(names, trim(s)) < 0)
				return -1;
		} else if (strchr(s, '@') && !strchr(s, ' ')) {
			if (add_addr(addrs, s) < 0)
				return -1;
		} else if (add_name(names, s) < 0) {
			return -1;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- vCard */

/* join folded lines (a line starting with a space or tab continues the last)
 * and quoted-printable soft breaks ("=" at the end), in place */
static void unfold(char *text)
{
	char *r = text, *w = text;

	while (*r) {
		if (*r == '\r') {
			r++;
			continue;
		}
		if (*r == '\n' && (r[1] == ' ' || r[1] == '\t')) {
			r += 2;
			continue;
		}
		if (*r == '=' && r[1] == '\n' && w > text) {
			r += 2;		/* QP soft line break */
			continue;
		}
		if (*r == '=' && r[1] == '\r' && r[2] == '\n') {
			r += 3;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

/* the value of a vCard line, decoded (QP, charset) to UTF-8; NULL if none */
static char *vcard_value(const char *params, const char *value)
{
	char *decoded = NULL, *out, charset[40] = "utf-8";
	const char *cs = strcasestr(params, "CHARSET=");
	size_t idx = 0, len = 0;

	if (cs) {
		size_t n = strcspn(cs + 8, ";:");

		if (n < sizeof charset) {
			memcpy(charset, cs + 8, n);
			charset[n] = '\0';
		}
	}
	if (strcasestr(params, "QUOTED-PRINTABLE") &&
	    mailmime_quoted_printable_body_parse(value, strlen(value), &idx, &decoded,
						 &len, 0) == MAILIMF_NO_ERROR) {
		out = to_utf8(charset, decoded, len, NULL, NULL);
		mailmime_decoded_part_free(decoded);
		return out;
	}
	return to_utf8(charset, value, strlen(value), NULL, NULL);
}

static int vcard_line(char *line, struct strlist *names, struct strlist *addrs)
{
	char *colon = strchr(line, ':'), *name = line, *dot, *value;
	int rc = 0;

	if (!colon)
		return 0;
	*colon = '\0';
	dot = strchr(name, '.');	/* "item1.EMAIL" groups */
	if (dot && dot < name + strcspn(name, ";"))
		name = dot + 1;
	if (strncasecmp(name, "FN", 2) == 0 && (name[2] == ';' || name[2] == '\0')) {
		if ((value = vcard_value(name, colon + 1)) == NULL)
			return -1;
		rc = add_name(names, trim(value));
		free(value);
	} else if (strncasecmp(name, "EMAIL", 5) == 0 && (name[5] == ';' || name[5] == '\0')) {
		char *v = trim(colon + 1);

		if (strncasecmp(v, "mailto:", 7) == 0)
			v += 7;
		rc = *v ? add_addr(addrs, v) : 0;
	}
	return rc;
}

static int load_vcard(char *text, struct strlist *names, struct strlist *addrs)
{
	char *save = NULL;

	unfold(text);
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (vcard_line(line, names, addrs) < 0)
			return -1;
	return 0;
}

/* ---------------------------------------------------------------- set */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct contacts *contacts_load(const struct strlist *files, struct errlist *errs)
{
	struct strlist names = { 0 }, addrs = { 0 };
	struct contacts *c;

	for (size_t i = 0; i < files->n; i++) {
		char *text = read_file(files->v[i], MAX_CONTACTS_FILE, NULL);
		const char *p;
		int rc;

		if (!text) {
			errlist_add(errs, files->v[i], 0, NULL, "cannot read contacts: %s",
				    strerror(errno));
			goto fail;
		}
		for (p = text; isspace((unsigned char)*p); p++)
			;
		rc = strncasecmp(p, "BEGIN:VCARD", 11) == 0 ?
			load_vcard(text, &names, &addrs) : load_plain(text, &names, &addrs);
		free(text);
		if (rc < 0) {
			errlist_add(errs, files->v[i], 0, NULL, "out of memory");
			goto fail;
		}
	}
	c = calloc(1, sizeof *c);
	if (!c) {
		errs->oom = true;
		goto fail;
	}
	if (names.n)
		qsort(names.v, names.n, sizeof *names.v, cmp_str);
	if (addrs.n)
		qsort(addrs.v, addrs.n, sizeof *addrs.v, cmp_str);
	c->names = names.v;
	c->n_names = names.n;
	c->addrs = addrs.v;
	c->n_addrs = addrs.n;
	return c;
fail:
	strlist_free(&names);
	strlist_free(&addrs);
	return NULL;
}

void contacts_free(struct contacts *c)
{
	struct strlist l;

	if (!c)
		return;
	l = (struct strlist){ c->names, c->n_names };
	strlist_free(&l);
	l = (struct strlist){ c->addrs, c->n_addrs };
	strlist_free(&l);
	free(c);
}

static bool in_sorted(char **v, size_t n, const char *key)
{
	return n && bsearch(&key, v, n, sizeof *v, cmp_str) != NULL;
}

bool contacts_has_name(const struct contacts *c, const char *name)
{
	char *f, *k;
	bool found;

	if (!c || !name || !(f = fold(name)))
		return false;
	found = *f && in_sorted(c->names, c->n_names, f);
	if (!found && (k = person_name_key(name)) != NULL) {
		found = *k && in_sorted(c->names, c->n_names, k);
		free(k);
	}
	free(f);
	return found;
}

bool contacts_has_address(const struct contacts *c, const char *addr)
{
	char low[512];
	size_t n;

	if (!c || !addr || (n = strlen(addr)) >= sizeof low)
		return false;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)addr[i]);
	return in_sorted(c->addrs, c->n_addrs, low);
}
