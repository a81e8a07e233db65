/* entities.c - HTML5's named character references (WHATWG's list of 2,231
 * names, fixed by the standard) for the names html.c's table of the common
 * ones lacks ("&rarr;", "&check;", "&nGt;"): the reference alone is given to
 * gumbo's tokenizer (libgumbo, tested against html5lib) and the text it
 * makes of it is taken when it is one or two code points, the whole name
 * used. Only complete references with ";" come here. */
#include "autoconfig.h"
#include "entities.h"

#include <ctype.h>
#include <gumbo.h>
#include <stdbool.h>
#include <string.h>

/* the one text node gumbo made of the fragment, NULL if anything else */
static const char *only_text(const GumboOutput *g)
{
	const GumboVector *kids;
	const GumboNode *n;

	if (!g || !g->root || g->root->type != GUMBO_NODE_ELEMENT)
		return NULL;
	kids = &g->root->v.element.children;
	if (kids->length != 1)
		return NULL;
	n = kids->data[0];
	if (n->type != GUMBO_NODE_TEXT && n->type != GUMBO_NODE_WHITESPACE)
		return NULL;
	return n->v.text.text;
}

/* one or two code points: a reference read whole. Part of a name read as a
 * legacy reference ("&not" of "&notit;") leaves at least two more bytes. */
static bool one_reference(const char *s, size_t n)
{
	size_t cps = 0;

	for (size_t i = 0; i < n; i++)
		cps += ((unsigned char)s[i] & 0xc0) != 0x80;
	return cps >= 1 && cps <= 2;
}

size_t entity_named(const char *name, size_t len, char out[ENTITY_MAX])
{
	char ref[ENTITY_NAME_MAX + 3];
	GumboOptions opt = kGumboDefaultOptions;
	GumboOutput *g;
	const char *text;
	size_t n = 0;

	if (!len || len > ENTITY_NAME_MAX)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)name[i]))
			return 0;
	ref[0] = '&';
	memcpy(ref + 1, name, len);
	ref[len + 1] = ';';
	ref[len + 2] = '\0';
	/* a fragment of a <div>: the text alone under the root, no tree around */
	opt.fragment_context = GUMBO_TAG_DIV;
	opt.fragment_namespace = GUMBO_NAMESPACE_HTML;
	if (!(g = gumbo_parse_with_options(&opt, ref, len + 2)))
		return 0;
	text = only_text(g);
	if (text && strcmp(text, ref) != 0 && (n = strlen(text)) <= ENTITY_MAX &&
	    one_reference(text, n))
		memcpy(out, text, n);
	else
		n = 0;
	gumbo_destroy_output(&opt, g);
	return n;
}
