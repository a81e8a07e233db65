/* config_schema.h - read a libconfig group through a table of known keys:
 * types, ranges and names are checked, unknown keys reported with the file
 * and line, values stored at offsets of a C struct.
 *
 * DIAGNOSTICS (config): loading reports every problem, out of memory
 * included, as an error line (FILE:LINE when it has one); a reload that
 * fails keeps the configuration in force. A message: inbound.h. */
#ifndef LM_CONFIG_SCHEMA_H
#define LM_CONFIG_SCHEMA_H
#include <libconfig.h>
#include <stddef.h>
#include "strlist.h"

struct schema_ctx {
	const char *file;	/* the top-level file, for settings with no source */
	const char *dir;	/* base of relative paths */
	struct errlist *errs;
	void *user;		/* passed to custom readers */
};

enum key_type {
	KEY_STRING,	/* char * */
	KEY_PATH,	/* char *, made absolute against ctx->dir */
	KEY_BOOL,	/* bool */
	KEY_INT,	/* int, within [min, max] */
	KEY_ENUM,	/* int: index of the value in names[] */
	KEY_STRLIST,	/* struct strlist: a string or a list of strings */
	KEY_PATHLIST,	/* struct strlist of paths */
	KEY_OCTAL,	/* unsigned: a string such as "0660" */
	KEY_CUSTOM	/* read(): groups and lists with their own rules */
};

struct key;
typedef int (*key_reader)(struct schema_ctx *ctx, const config_setting_t *s,
			  const char *path, void *base, const struct key *k);
typedef int (*key_check)(const char *value, char *err, size_t errlen);

struct key {
	const char *name;
	enum key_type type;
	size_t offset;
	long min, max;			/* KEY_INT */
	const char *const *names;	/* KEY_ENUM, NULL-terminated */
	key_check check;		/* extra check of a string value */
	key_reader read;		/* KEY_CUSTOM */
};

/* schema_read - read GROUP (named PATH in messages) into BASE; SEEN, when
 * not NULL, gets bit i set for keys[i] present. Returns errors added. */
int schema_read(struct schema_ctx *ctx, const config_setting_t *group,
		const char *path, const struct key *keys, size_t nkeys,
		void *base, unsigned long *seen);

/* schema_find - the row of KEYS (N rows) named NAME; -1 when none is */
int schema_find(const struct key *keys, size_t n, const char *name);

/* schema_error - report a problem with setting S at PATH */
void schema_error(struct schema_ctx *ctx, const config_setting_t *s,
		  const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* join PARENT and NAME (or "[i]") into OUT */
void schema_path(char *out, size_t len, const char *parent, const char *name,
		 int index);

/* replace *DST with a copy of SRC; -1 when out of memory */
int set_string(char **dst, const char *src);
/* a path made absolute against DIR (a copy) */
char *resolve_path(const char *dir, const char *path);

#endif
