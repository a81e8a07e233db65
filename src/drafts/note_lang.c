/* note_lang.c - the language a personal note is written in, told by the
 * frequent words of each language (<lang>/common-words): a draft answers a
 * note in the owner's language it is clearly written in, whatever the
 * language of LinkedIn's notification around it. */
#include "autoconfig.h"
#include "note_lang.h"

#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "fold.h"
#include "str.h"

#define MIN_HITS 3	/* fewer frequent words say nothing */

/* LIST without its '#' comment lines, folded; NULL when out of memory */
static char *fold_list(const char *list)
{
	struct buf b;
	char *f;

	buf_init(&b, 0);
	for (const char *p = list; *p; ) {
		size_t n = strcspn(p, "\n");

		if (*p != '#')
			buf_printf(&b, "%.*s ", (int)n, p);
		p += n + (p[n] == '\n');
	}
	buf_putc(&b, '\0');
	if (buf_failed(&b)) {
		buf_free(&b);
		return NULL;
	}
	f = fold(b.data);
	buf_free(&b);
	return f;
}

/* how many words of the folded NOTE the folded LIST holds; *WORDS the
 * number of words of NOTE */
static size_t hits(const char *note, const char *list, size_t *words)
{
	size_t h = 0;
	char w[64];

	*words = 0;
	for (const char *p = note; *p; ) {
		size_t n = strcspn(p, " ");

		if (n && n < sizeof w) {
			memcpy(w, p, n);
			w[n] = '\0';
			h += fold_contains(list, w) != 0;
		}
		*words += n != 0;
		p += n + (p[n] == ' ');
	}
	return h;
}

static bool listed(const struct strlist *langs, const char *lang)
{
	for (size_t i = 0; i < langs->n; i++)
		if (!strcmp(langs->v[i], lang))
			return true;
	return false;
}

const char *note_language(const struct templates *lib, const char *note, const struct strlist *langs,
			  bool *oom)
{
	const char *best = NULL;
	size_t top = 0, second = 0, words = 0;
	char *f;

	*oom = false;
	if (!note || !*note || !langs || !langs->n)
		return NULL;
	if (!(f = fold(note))) {
		*oom = true;
		return NULL;
	}
	for (size_t i = 0; lib && i < lib->n && !*oom; i++) {
		const struct template *t = &lib->v[i];
		char *list;
		size_t h;

		if (strcmp(t->name, "common-words") || templates_find(lib, t->lang, t->name) != t)
			continue;
		if (!(list = fold_list(t->text))) {
			*oom = true;
			break;
		}
		h = hits(f, list, &words);
		free(list);
		if (h > top) {
			second = top;
			top = h;
			best = t->lang;
		} else if (h > second) {
			second = h;
		}
	}
	free(f);
	/* clearly: enough words, twice any other language's, one in eight */
	if (*oom || top < MIN_HITS || top < 2 * second || top * 8 < words || !listed(langs, best))
		return NULL;
	return best;
}
