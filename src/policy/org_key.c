/* org_key.c - an organisation's name reduced to what identifies it: folded,
 * and the noise words of patterns.conf (role org-noise) blanked */
#include "autoconfig.h"
#include "org_key.h"
#include "fold.h"
#include "str.h"

#include <string.h>

char *org_key(const struct patterns *ps, const char *name)
{
	struct pattern_set noise = patterns_role(ps, ROLE_ORG_NOISE);
	char *f = fold(name);
	struct match m;

	if (!f)
		return NULL;
	for (size_t i = 0; i < noise.n; i++) {
		/* blank every match of this pattern, one at a time */
		for (int guard = 0; guard < 64 && pattern_match(&noise.v[i], f, strlen(f), &m); guard++) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m.md);

			if (ov[1] <= ov[0])
				break;
			memset(f + ov[0], ' ', ov[1] - ov[0]);
		}
	}
	str_collapse_ws(f);
	return f;
}
