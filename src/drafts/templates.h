/* templates.h - reply-draft templates: <lang>/<name> files in the configured
 * directory, over the shipped ones compiled into the binary; checked at load
 * (reload included), rendered with the invitation's values
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_TEMPLATES_H
#define LM_TEMPLATES_H
#include <stdbool.h>
#include "buf.h"
#include "strlist.h"

struct template {
	char lang[4];
	char name[40];
	char *text;
	bool builtin;
};

struct templates {
	struct template *v;
	size_t n;
};

/* values for the placeholders; NULL means "use the fallback" */
struct tpl_values {
	const char *first, *owner, *claim_org, *profile_url, *shared_org;
	const char *formal;	/* "Prof. Dr. Schäfer": titles and family name */
};

/* templates_load - DIR's templates (when DIR exists) and the built-in ones;
 * errors "FILE:LINE: template: what" into ERRS. NULL on error. */
struct templates *templates_load(const char *dir, struct errlist *errs);
void templates_free(struct templates *t);
/* templates_find - LANG/NAME: the user's, else the built-in one, else NULL */
const struct template *templates_find(const struct templates *t, const char *lang,
				      const char *name);
/* template_render - the text with placeholders filled, appended to OUT (a
 * placeholder left empty takes the space before it along: "Buongiorno
 * {first|}," -> "Buongiorno,"); -1
 * when OUT ran out of memory (now or before: buf_failed), never a part of
 * the text reported as done */
int template_render(const struct template *t, const struct tpl_values *v, struct buf *out);
/* template_name_ok - S names a template file or language folder: 1 to MAX
 * bytes of a-z 0-9 - _ (no dot: no hidden file, no path). Configuration
 * checks the draft names of its actions with it too. */
#define TEMPLATE_NAME_MAX 32
bool template_name_ok(const char *s, size_t max);
/* template_check - 0, or -1 with ERR set and *LINE the offending line */
int template_check(const char *text, char *err, size_t errlen, int *line);

#endif
