/* personname.c - a person's name cleaned the way people read it: the words
 * someone adds to their LinkedIn name ("(she/her)", "🚀", ", MBA") are not
 * part of it, and "Family, Given" is "Given Family". Shared by the greeting
 * of a draft and the matching of known contacts, so both see one name. */
#include "autoconfig.h"
#include "personname.h"

#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include "buf.h"
#include "encode.h"
#include "fold.h"
#include "str.h"

#define MAX_NAME 256

/* credentials written all in capitals that look like a short name */
static const char *const credentials[] = {
	"MBA", "PHD", "MD", "CPA", "CFA", "PMP", "MSC", "BSC", "MA", "BA", "JD", "LLM",
	"RN", "ESQ", "CISSP", "MPH", "DDS", "FRSA", "ACCA", "CEng", "MEng", "BEng",
};

bool person_name_credential(const char *w, size_t len)
{
	size_t caps = 0, letters = 0;

	if (memchr(w, '.', len))
		return true;
	for (size_t i = 0; i < ARRAY_LEN(credentials); i++)
		if (strlen(credentials[i]) == len && !strncasecmp(w, credentials[i], len))
			return true;
	for (size_t i = 0; i < len; i++) {
		letters += (w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= 'a' && w[i] <= 'z');
		caps += w[i] >= 'A' && w[i] <= 'Z';
	}
	/* "PhD", "MSc", "DPhil": short, ASCII, capitals inside, not all capitals */
	return letters == len && caps >= 2 && caps < len && len <= 5;
}

/* every word of S[0..N) is a credential */
static bool only_credentials(const char *s, size_t n)
{
	bool any = false;

	for (size_t i = 0; i < n; ) {
		size_t k;

		while (i < n && s[i] == ' ')
			i++;
		for (k = i; k < n && s[k] != ' '; k++)
			;
		if (k > i && !person_name_credential(s + i, k - i))
			return false;
		any = any || k > i;
		i = k;
	}
	return any;
}

/* S without parenthesised parts and symbols (category S: emoji, ©, ★) */
static void strip(const char *s, struct buf *b)
{
	int depth = 0;

	for (size_t i = 0, n = strlen(s); i < n; ) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);

		if (k <= 0)
			k = 1;
		if (c == '(' || c == '[')
			depth++;
		else if ((c == ')' || c == ']') && depth > 0)
			depth--;
		else if (!depth && (c == 0xfffd || !uc_is_general_category(c, UC_CATEGORY_S)) && c != 0xfe0f &&
			 c != 0x200d)
			buf_append(b, s + i, (size_t)k);
		i += (size_t)k;
	}
	buf_putc(b, '\0');
}

char *person_name(const char *raw)
{
	char *clean = raw ? header_text(raw, MAX_NAME) : NULL, *comma;
	struct buf b, out;

	if (!clean)
		return NULL;
	buf_init(&b, 0);
	strip(clean, &b);
	free(clean);
	if (buf_failed(&b))
		return NULL;
	str_collapse_ws(b.data);
	buf_init(&out, 0);
	/* "Osei, Kevin, MBA": the credentials go, then the order turns */
	while ((comma = strrchr(b.data, ',')) && only_credentials(comma + 1, strlen(comma + 1)))
		*comma = '\0';
	if ((comma = strchr(b.data, ',')) && !strchr(comma + 1, ',')) {
		*comma = '\0';
		buf_printf(&out, "%s %s", comma + 1, b.data);
	} else {
		if (comma)
			*comma = ' ';	/* "A, B, C": left to the greeting's refusal */
		buf_puts(&out, b.data);
	}
	buf_free(&b);
	if (buf_failed(&out))
		return NULL;
	str_collapse_ws(out.data);
	return buf_steal(&out);
}

/* titles common in the languages LinkedIn shows, for contacts: a word with a
 * dot ("Dr.", "Dra.", "Prof.") is a title before a name anyway */
static const char *const titles[] = {
	"herr", "frau", "mr", "mrs", "ms", "mx", "miss", "sir", "dr", "dra", "drs", "prof",
	"mme", "mlle", "don", "dona", "doña", "sr", "sra", "srta", "sig", "avv", "ing", "ir",
	"mevr", "dhr", "dott", "ssa",
};

static bool title_word(const char *w, size_t n)
{
	if (memchr(w, '.', n))
		return true;
	for (size_t i = 0; i < ARRAY_LEN(titles); i++)
		if (strlen(titles[i]) == n && !strncasecmp(w, titles[i], n))
			return true;
	return false;
}

char *person_name_key(const char *raw)
{
	char *name = person_name(raw), *w, *key;

	if (!name)
		return NULL;
	for (w = name; *w; ) {
		size_t n = strcspn(w, " ");

		if (!w[n] || !title_word(w, n))
			break;	/* the last word is the name, whatever it is */
		w += n + 1;
	}
	key = fold(w);
	free(name);
	return key;
}
