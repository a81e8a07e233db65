/* pitch.c - is an invitation a pitch? By role, not by a word anywhere: the
 * job title of the headline (not the employer: "Software Engineer at Zurich
 * Insurance" sells nothing), matched with the lexicon of the notification's
 * language and English only; and a note that sells. */
#include "autoconfig.h"
#include "pitch.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_TITLE 512		/* bytes of one title that are read */

bool lexicon_match(const struct patterns *p, enum role r, const char *lang,
		   const char *s, size_t len)
{
	struct pattern_set set = patterns_role(p, r);

	if (!s)
		return false;
	for (size_t i = 0; i < set.n; i++) {
		const char *l = set.v[i].lang;

		/* any-language entries, English, and the notification's language */
		if (*l && strcmp(l, "en") != 0 && (!lang || strcmp(l, lang) != 0))
			continue;
		if (pattern_match(&set.v[i], s, len, NULL))
			return true;
	}
	return false;
}

/* where the employer starts in SEG[0..LEN): " at ", "@", and the word the
 * notification's language uses; LEN when there is none */
static size_t employer_at(const char *seg, size_t len, const char *lang)
{
	static const struct { const char *lang, *sep; } seps[] = {
		{ NULL, " at " }, { NULL, "@" }, { "de", " bei " }, { "fr", " chez " },
		{ "es", " en " }, { "nl", " bij " }, { "it", " presso " }, { "pt", " na " },
		{ "pt", " no " },
	};
	size_t best = len;

	for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
		size_t n = strlen(seps[k].sep);

		if (seps[k].lang && (!lang || strcmp(seps[k].lang, lang) != 0))
			continue;
		for (size_t i = 0; i + n <= best; i++)
			if (strncasecmp(seg + i, seps[k].sep, n) == 0) {
				best = i;
				break;
			}
	}
	return best;
}

/* SEG[0..LEN) without the spaces around it, into OUT */
static void trimmed(const char *seg, size_t len, char *out, size_t size)
{
	while (len && (*seg == ' ' || *seg == '\t')) {
		seg++;
		len--;
	}
	while (len && (seg[len - 1] == ' ' || seg[len - 1] == '\t'))
		len--;
	snprintf(out, size, "%.*s", (int)len, seg);
}

bool pitch_title(const struct patterns *p, const char *lang, const char *headline,
		 char *title, size_t len)
{
	const char *seg = headline;
	char t[MAX_TITLE];

	for (int i = 0; seg && *seg; i++) {
		const char *bar = strchr(seg, '|');
		size_t n = bar ? (size_t)(bar - seg) : strlen(seg), cut = employer_at(seg, n, lang);

		/* the first segment is a title; a later one only as "title at org"
		 * (else it names a field, an employer, a place) */
		if (i == 0 || cut < n) {
			trimmed(seg, cut, t, sizeof t);
			if (*t && lexicon_match(p, ROLE_PITCH, lang, t, strlen(t))) {
				snprintf(title, len, "%s", t);
				return true;
			}
		}
		seg = bar ? bar + 1 : NULL;
	}
	return false;
}

bool pitch_note(const struct patterns *p, const char *lang, const char *note)
{
	return note && lexicon_match(p, ROLE_PITCH_NOTE, lang, note, strlen(note));
}
