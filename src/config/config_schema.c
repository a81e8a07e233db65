/* config_schema.c - read a libconfig group through a table of known keys */
#include "autoconfig.h"
#include "config_schema.h"
#include "strlist.h"
#include "str.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STRING 4096

void schema_path(char *out, size_t len, const char *parent, const char *name,
		 int index)
{
	int n;

	if (name)
		n = snprintf(out, len, "%s%s%s", parent, *parent ? "." : "", name);
	else
		n = snprintf(out, len, "%s[%d]", parent, index);
	if (n < 0 || (size_t)n >= len)
		out[len - 1] = '\0';	/* a cut path still names the key */
}

void schema_error(struct schema_ctx *ctx, const config_setting_t *s,
		  const char *path, const char *fmt, ...)
{
	char what[512];
	const char *file = s ? config_setting_source_file(s) : NULL;
	int line = s ? (int)config_setting_source_line(s) : 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	errlist_add(ctx->errs, file ? file : ctx->file, line, path, "%s", what);
}

int set_string(char **dst, const char *src)
{
	char *copy = str_dup(src);

	if (!copy)
		return -1;
	free(*dst);
	*dst = copy;
	return 0;
}

char *resolve_path(const char *dir, const char *path)
{
	size_t n;
	char *out;

	if (path[0] == '/' || !dir || !*path)
		return str_dup(path);
	n = strlen(dir) + strlen(path) + 2;
	out = malloc(n);
	if (out)
		snprintf(out, n, "%s/%s", dir, path);
	return out;
}

/* edit distance, bounded: enough to suggest a key for a typo */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[64], prev, tmp;

	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			tmp = row[j];
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

static void unknown_key(struct schema_ctx *ctx, const config_setting_t *s,
			const char *path, const struct key *keys, size_t n)
{
	const char *best = NULL;
	int bestd = 3;

	for (size_t i = 0; i < n; i++) {
		int d = keys[i].name ? distance(config_setting_name(s), keys[i].name) : bestd;

		if (d < bestd) {
			bestd = d;
			best = keys[i].name;
		}
	}
	if (best)
		schema_error(ctx, s, path, "unknown key (did you mean '%s'?)", best);
	else
		schema_error(ctx, s, path, "unknown key");
}

static const char *type_name(int t)
{
	switch (t) {
	case CONFIG_TYPE_GROUP: return "a group";
	case CONFIG_TYPE_INT: case CONFIG_TYPE_INT64: return "an integer";
	case CONFIG_TYPE_FLOAT: return "a number";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_BOOL: return "true or false";
	case CONFIG_TYPE_ARRAY: return "an array";
	case CONFIG_TYPE_LIST: return "a list";
	default: return "something else";
	}
}

static bool string_ok(struct schema_ctx *ctx, const config_setting_t *s,
		      const char *path, const char *v, key_check check)
{
	char err[256];

	if (strlen(v) > MAX_STRING) {
		schema_error(ctx, s, path, "value longer than %d bytes", MAX_STRING);
		return false;
	}
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f) {
			schema_error(ctx, s, path, "control character in value");
			return false;
		}
	if (check && check(v, err, sizeof err) < 0) {
		schema_error(ctx, s, path, "%s", err);
		return false;
	}
	return true;
}

static int read_string(struct schema_ctx *ctx, const config_setting_t *s,
		       const char *path, const struct key *k, char **dst)
{
	const char *v = config_setting_get_string(s);
	char *r;

	if (!v) {
		schema_error(ctx, s, path, "must be a string, not %s",
			     type_name(config_setting_type(s)));
		return -1;
	}
	if (!string_ok(ctx, s, path, v, NULL))
		return -1;
	/* paths are checked once made absolute */
	r = k->type == KEY_PATH || k->type == KEY_PATHLIST ?
		resolve_path(ctx->dir, v) : str_dup(v);
	if (!r) {
		schema_error(ctx, s, path, "out of memory");
		return -1;
	}
	if (!string_ok(ctx, s, path, r, k->check)) {
		free(r);
		return -1;
	}
	free(*dst);
	*dst = r;
	return 0;
}

static int read_list(struct schema_ctx *ctx, const config_setting_t *s,
		     const char *path, const struct key *k, struct strlist *l)
{
	int t = config_setting_type(s), n;
	char sub[256];

	strlist_free(l);
	if (t == CONFIG_TYPE_STRING) {
		char *v = NULL;

		if (read_string(ctx, s, path, k, &v) < 0)
			return -1;
		n = strlist_add(l, v);
		free(v);
		return n;
	}
	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST) {
		schema_error(ctx, s, path, "must be a string or a list of strings, not %s",
			     type_name(t));
		return -1;
	}
	n = config_setting_length(s);
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		char *v = NULL;

		schema_path(sub, sizeof sub, path, NULL, i);
		if (read_string(ctx, e, sub, k, &v) < 0)
			return -1;
		if (strlist_add(l, v) < 0) {
			free(v);
			return -1;
		}
		free(v);
	}
	return 0;
}

static int read_int(struct schema_ctx *ctx, const config_setting_t *s,
		    const char *path, const struct key *k, int *dst)
{
	long long v;
	int t = config_setting_type(s);

	if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64) {
		schema_error(ctx, s, path, "must be an integer, not %s", type_name(t));
		return -1;
	}
	v = config_setting_get_int64(s);
	if (v < k->min || v > k->max) {
		schema_error(ctx, s, path, "%lld is out of range (%ld to %ld)",
			     v, k->min, k->max);
		return -1;
	}
	*dst = (int)v;
	return 0;
}

static int read_enum(struct schema_ctx *ctx, const config_setting_t *s,
		     const char *path, const struct key *k, int *dst)
{
	const char *v = config_setting_get_string(s);
	char allowed[256] = "";

	if (!v) {
		schema_error(ctx, s, path, "must be a string, not %s",
			     type_name(config_setting_type(s)));
		return -1;
	}
	for (int i = 0; k->names[i]; i++) {
		if (strcmp(v, k->names[i]) == 0) {
			*dst = i;
			return 0;
		}
		snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed),
			 "%s\"%s\"", i ? (k->names[i + 1] ? ", " : " or ") : "",
			 k->names[i]);
	}
	schema_error(ctx, s, path, "unknown value \"%.64s\" (expected %s)", v, allowed);
	return -1;
}

static int read_octal(struct schema_ctx *ctx, const config_setting_t *s,
		      const char *path, unsigned *dst)
{
	const char *v = config_setting_get_string(s);
	char *end;
	unsigned long m;

	if (!v || !*v || strspn(v, "01234567") != strlen(v) ||
	    (m = strtoul(v, &end, 8)) > 07777) {
		schema_error(ctx, s, path, "must be an octal mode in a string, such as \"0660\"");
		return -1;
	}
	*dst = (unsigned)m;
	return 0;
}

static int read_key(struct schema_ctx *ctx, const config_setting_t *s,
		    const char *path, const struct key *k, void *base)
{
	void *dst = (char *)base + k->offset;

	switch (k->type) {
	case KEY_STRING:
	case KEY_PATH:
		return read_string(ctx, s, path, k, dst);
	case KEY_BOOL:
		if (config_setting_type(s) != CONFIG_TYPE_BOOL) {
			schema_error(ctx, s, path, "must be true or false, not %s",
				     type_name(config_setting_type(s)));
			return -1;
		}
		*(bool *)dst = config_setting_get_bool(s);
		return 0;
	case KEY_INT:
		return read_int(ctx, s, path, k, dst);
	case KEY_ENUM:
		return read_enum(ctx, s, path, k, dst);
	case KEY_STRLIST:
	case KEY_PATHLIST:
		return read_list(ctx, s, path, k, dst);
	case KEY_OCTAL:
		return read_octal(ctx, s, path, dst);
	case KEY_CUSTOM:
		return k->read(ctx, s, path, base, k);
	}
	return -1;
}

int schema_find(const struct key *keys, size_t n, const char *name)
{
	for (size_t j = 0; j < n; j++)
		if (keys[j].name && strcmp(name, keys[j].name) == 0)
			return (int)j;
	return -1;
}

int schema_read(struct schema_ctx *ctx, const config_setting_t *group,
		const char *path, const struct key *keys, size_t nkeys,
		void *base, unsigned long *seen)
{
	size_t before = ctx->errs->msgs.n;
	int n;
	char sub[256];

	if (!config_setting_is_group(group)) {
		schema_error(ctx, group, path, "must be a group { ... }, not %s",
			     type_name(config_setting_type(group)));
		return 1;
	}
	n = config_setting_length(group);
	for (int i = 0; i < n; i++) {
		const config_setting_t *s = config_setting_get_elem(group, (unsigned)i);
		const char *name = config_setting_name(s);
		int j = schema_find(keys, nkeys, name);

		schema_path(sub, sizeof sub, path, name, 0);
		if (j < 0) {
			unknown_key(ctx, s, sub, keys, nkeys);
			continue;
		}
		if (seen && (size_t)j < sizeof *seen * 8)
			*seen |= 1UL << j;
		read_key(ctx, s, sub, &keys[j], base);
	}
	return (int)(ctx->errs->msgs.n - before);
}
