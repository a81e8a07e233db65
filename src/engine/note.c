/* note.c - where the note is: LinkedIn has shown it above the name, below
 * the inviter block, in quotes, and quoted with "> " in reminders; it is read
 * wherever it stands, and never from the name, headline or label lines */
#include "autoconfig.h"
#include "note.h"

#include <stdlib.h>
#include <string.h>
#include "invitation.h"
#include "buf.h"

#define QUOTE_MAX_LINES 40	/* lines a quoted note may span */

struct quote {
	const char *open, *close;
};

/* opening and closing marks: English, German, French, straight */
static const struct quote quotes[] = {
	{ "\xe2\x80\x9c", "\xe2\x80\x9d" },	/* “ ” */
	{ "\xe2\x80\x9e", "\xe2\x80\x9c" },	/* „ “ */
	{ "\xe2\x80\x9e", "\xe2\x80\x9d" },	/* „ ” */
	{ "\xc2\xab", "\xc2\xbb" },		/* « » */
	{ "\xc2\xbb", "\xc2\xab" },		/* » « */
	{ "\"", "\"" },
};

static bool starts(const struct line *ln, const char *m)
{
	size_t k = strlen(m);

	return ln->len > k && memcmp(ln->s, m, k) == 0;
}

static bool ends(const struct line *ln, const char *m, bool first)
{
	size_t k = strlen(m);

	return ln->len >= k + (first ? k : 0) && memcmp(ln->s + ln->len - k, m, k) == 0;
}

/* a paragraph from line I in quote marks: its last line in *END */
static const struct quote *quoted_paragraph(const struct lines *l, size_t i, size_t *end)
{
	for (size_t q = 0; q < sizeof quotes / sizeof quotes[0]; q++) {
		if (!starts(&l->v[i], quotes[q].open))
			continue;
		for (size_t j = i; j < l->n && j < i + QUOTE_MAX_LINES; j++) {
			if (l->v[j].cls != LINE_TEXT && l->v[j].cls != LINE_BLANK)
				break;
			if (ends(&l->v[j], quotes[q].close, j == i)) {
				*end = j;
				return &quotes[q];
			}
		}
	}
	return NULL;
}

/* "> " lines from line I: the last one in *END */
static bool reply_quoted(const struct lines *l, size_t i, size_t *end)
{
	size_t j = i;

	if (!l->v[i].len || l->v[i].s[0] != '>')
		return false;
	for (size_t k = i; k < l->n && k < i + QUOTE_MAX_LINES; k++) {
		if (l->v[k].len && l->v[k].s[0] == '>')
			j = k;
		else if (l->v[k].len)
			break;
	}
	*end = j;
	return true;
}

/* lines A..B joined by LF, less PREFIX bytes of A and SUFFIX bytes of B, and
 * a leading '>' (and one space) on every line when UNQUOTE */
static char *join_lines(const struct lines *l, size_t a, size_t b, size_t prefix,
			size_t suffix, bool unquote)
{
	struct buf out;

	buf_init(&out, MAX_NOTE * 2);
	for (size_t i = a; i <= b; i++) {
		const char *s = l->v[i].s;
		size_t len = l->v[i].len;

		if (i == a)
			s += prefix, len -= prefix;
		if (i == b)
			len -= suffix;
		if (unquote && len && *s == '>') {
			s++, len--;
			if (len && *s == ' ')
				s++, len--;
		}
		buf_append(&out, s, len);
		buf_putc(&out, '\n');
	}
	return buf_steal(&out);
}

void note_clean(const struct patterns *p, char *note);

/* characters of a script written without spaces (kana, CJK ideographs,
 * fullwidth forms: UTF-8 lead bytes E3-E9 and EF BC/BD) in LN */
static size_t nospace_chars(const struct line *ln)
{
	size_t n = 0;

	for (size_t k = 0; k < ln->len; k++) {
		unsigned char c = (unsigned char)ln->s[k];

		n += (c >= 0xe3 && c <= 0xe9) ||
		     (c == 0xef && k + 1 < ln->len && (unsigned char)ln->s[k + 1] >= 0xbc &&
		      (unsigned char)ln->s[k + 1] <= 0xbd);
	}
	return n;
}

/* a paragraph that reads as a sentence: four words or more, or an ending
 * mark; in a script without spaces, characters are counted (eight or more)
 * and its full stop, 。, ends a sentence; button rows and names do not */
static bool sentence_like(const struct lines *l, size_t a, size_t b)
{
	size_t words = 0, chars = 0;
	const struct line *last = &l->v[b];

	for (size_t i = a; i <= b; i++) {
		for (size_t k = 0; k < l->v[i].len; k++)
			words += (k == 0 || l->v[i].s[k - 1] == ' ') && l->v[i].s[k] != ' ';
		chars += nospace_chars(&l->v[i]);
	}
	return words >= 4 || chars >= 8 || (last->len && strchr(".!?", last->s[last->len - 1])) ||
	       (last->len >= 3 && memcmp(last->s + last->len - 3, "\xe3\x80\x82", 3) == 0) ||
	       (last->len >= 3 && memcmp(last->s + last->len - 3, "\xe2\x80\xa6", 3) == 0);
}

/* the end of the paragraph of text lines that starts at line A (a link
 * alone on a line inside it is the inviter's: "My portfolio:" + URL) */
static size_t paragraph_end(const struct lines *l, size_t a, size_t limit)
{
	while (a + 1 < limit &&
	       (l->v[a + 1].cls == LINE_TEXT || l->v[a + 1].cls == LINE_URL))
		a++;
	return a;
}

/* the next run of text lines from *FROM before the first label, in *A..*B:
 * above the inviter's name the paragraphs up to the next other line; below
 * it the paragraphs that read as sentences (what follows the block may be
 * buttons in a language without patterns, or another person) */
static bool next_run(const struct lines *l, size_t *from, bool *below, size_t *a, size_t *b)
{
	size_t i = *from, j, k, e;

	while (i < l->first_label && l->v[i].cls != LINE_TEXT)
		*below |= l->v[i++].cls == LINE_NAME;
	if (i >= l->first_label)
		return false;
	j = paragraph_end(l, i, l->first_label);
	if (*below && !sentence_like(l, i, j))
		return false;
	for (;;) {	/* the paragraphs that follow, blank lines between */
		k = lines_next(l, j + 1);
		if (k >= l->first_label || l->v[k].cls != LINE_TEXT)
			break;
		e = paragraph_end(l, k, l->first_label);
		if (*below && !sentence_like(l, k, e))
			break;
		j = e;
	}
	*a = i;
	*b = j;
	*from = j + 1;
	return true;
}

/* NOTE cleaned, or NULL (and freed) when nothing is left of it */
static char *cleaned(const struct patterns *p, char *note)
{
	note_clean(p, note);
	if (*note)
		return note;
	free(note);
	return NULL;
}

/* the first run whose text is more than a greeting and a signature */
static char *text_run(const struct patterns *p, const struct lines *l)
{
	size_t from = 0, a, b;
	bool below = false;

	while (next_run(l, &from, &below, &a, &b)) {
		char *note = join_lines(l, a, b, 0, 0, false);

		if (!note)
			return NULL;
		if ((note = cleaned(p, note)) != NULL)
			return note;
	}
	return NULL;
}

/* a guest reminder puts the note after its links, under a line that
 * greets the recipient ("tom.reed,"): the sentences that follow that line,
 * after the last label and before the next other line */
static char *after_labels(const struct patterns *p, const struct lines *l)
{
	size_t last, i, j;
	char *note;

	if ((last = l->first_label) >= l->n)
		return NULL;
	/* past the first label the lines have no roles: a line with a link is
	 * another label ("View <name>'s profile: <link>") */
	for (i = last + 1; i < l->n && (l->v[i].cls != LINE_TEXT ||
					memmem(l->v[i].s, l->v[i].len, "://", 3)); i++)
		if (l->v[i].cls != LINE_BLANK && l->v[i].cls != LINE_URL &&
		    l->v[i].cls != LINE_TEXT && l->v[i].cls != LINE_LABEL)
			return NULL;
	/* the greeting: one short line of its own that ends with a comma */
	if (i >= l->n || l->v[i].len > 80 || l->v[i].s[l->v[i].len - 1] != ',' ||
	    (i + 1 < l->n && l->v[i + 1].cls == LINE_TEXT))
		return NULL;
	if ((i = lines_next(l, i + 1)) >= l->n || l->v[i].cls != LINE_TEXT)
		return NULL;
	j = paragraph_end(l, i, l->n);
	if (!sentence_like(l, i, j) || !(note = join_lines(l, i, j, 0, 0, false)))
		return NULL;
	return cleaned(p, note);
}

bool note_quote_at(const struct lines *l, size_t i, size_t *end)
{
	return reply_quoted(l, i, end) || quoted_paragraph(l, i, end);
}

char *note_find(const struct patterns *p, const struct lines *l, bool runs)
{
	char *note = NULL;

	for (size_t i = 0; i < l->n; i++) {
		const struct quote *q;
		size_t end;

		if (l->v[i].cls != LINE_TEXT)
			continue;
		if (i && l->v[i - 1].cls == LINE_TEXT)
			continue;	/* quotes inside a paragraph are not a note */
		if (reply_quoted(l, i, &end))
			note = join_lines(l, i, end, 0, 0, true);
		else if ((q = quoted_paragraph(l, i, &end)))
			note = join_lines(l, i, end, strlen(q->open), strlen(q->close), false);
		else
			continue;
		if (note)
			note_clean(p, note);
		break;
	}
	if (note && *note)
		return note;
	free(note);
	if (!runs)
		return NULL;
	return (note = text_run(p, l)) ? note : after_labels(p, l);
}

/* quote marks around the whole of NOTE go (a note quoted between its
 * greeting and its signature) */
static void unquote(char *note)
{
	size_t len = strlen(note);

	for (size_t q = 0; q < sizeof quotes / sizeof quotes[0]; q++) {
		size_t o = strlen(quotes[q].open), c = strlen(quotes[q].close);

		if (len >= o + c + 1 && memcmp(note, quotes[q].open, o) == 0 &&
		    memcmp(note + len - c, quotes[q].close, c) == 0) {
			note[len - c] = '\0';
			memmove(note, note + o, len - c - o + 1);
			text_collapse(note);
			return;
		}
	}
}

/* the first lines of NOTE go while they match role R (blank lines too) */
static void drop_lines(const struct patterns *p, enum role r, char *note)
{
	for (;;) {
		size_t skip = strspn(note, "\n"), len;
		char *nl;

		memmove(note, note + skip, strlen(note + skip) + 1);
		nl = strchr(note, '\n');
		len = nl ? (size_t)(nl - note) : strlen(note);
		if (!len || !role_match(p, r, note, len))
			return;
		memmove(note, note + len, strlen(note + len) + 1);
	}
}

void note_clean(const struct patterns *p, char *note)
{
	struct match m;
	size_t len;

	drop_lines(p, ROLE_NOTE_PREAMBLE, note);
	len = strlen(note);
	while (len && (note[len - 1] == '\n' || note[len - 1] == ' ' || note[len - 1] == '\t'))
		note[--len] = '\0';
	if (set_match(patterns_role(p, ROLE_NOTE_GREETING), note, len, &m)) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m.md);

		if (ov[0] == 0 && ov[1] <= len) {
			memmove(note, note + ov[1], len - ov[1] + 1);
			len -= ov[1];
		}
	}
	if (set_match(patterns_role(p, ROLE_NOTE_SIGNATURE), note, len, &m)) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m.md);

		if (ov[1] == len)
			note[ov[0]] = '\0';
	}
	text_collapse(note);
	unquote(note);
}
