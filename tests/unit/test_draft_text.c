/* test_draft_text.c - the words of reply drafts: every template in every
 * language rendered for names of many scripts and cases and for
 * organisations of many shapes, each checked for line length, leftover
 * placeholders, doubled spaces and punctuation, the exact greeting, the
 * exact subject and an organisation never after an article or preposition;
 * the first name of a greeting (case, hyphens, titles, refusals); the
 * variant for a shared organisation; the wrapping of long lines */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uniwidth.h>
#include "config.h"
#include "draft_message.h"
#include "draft_text.h"
#include "scan.h"
#include "greeting.h"
#include "templates.h"
#include "unit_config.h"
#include "buf.h"

static struct config *cfg;
static char dir[] = "/tmp/lm-test-draft-text.XXXXXX";

static const char *const langs[] = { "en", "de", "fr", "es", "pt", "it", "nl" };
#define N_LANGS (sizeof langs / sizeof langs[0])

static int setup(void **state)
{
	cfg = unit_config(dir, TOP_SRCDIR, "names = [ \"Bob Smith\" ]; employers = [ \"Contoso\" ];"
			  " schools = [ \"Wake Forest University\" ]; groups = [ \"Rust Berlin\" ];");
	return cfg ? 0 : -1;
}

static int teardown(void **state)
{
	return unit_config_free(cfg, dir);
}

/* a scan as the engine leaves it for a reminder; a claim is a mismatch */
static void fake_scan(struct unit_draft *s, const char *name, const char *lang, enum claim_kind claim,
		      const char *org, const char *headline, const char *email)
{
	unit_scan(s, cfg, name, lang, claim, org, headline, email);
}

/* ---------------------------------------------------------------- first names */

static const char *titles_of(const char *lang)
{
	const struct template *t = templates_find(cfg->owner.drafts.library, lang, "titles");

	assert_non_null(t);
	return t->text;
}

/* every language's LIST, one after another, as a draft reads it */
static char *all_of(const char *list)
{
	struct buf b;

	buf_init(&b, 0);
	for (size_t i = 0; i < N_LANGS; i++) {
		const struct template *t = templates_find(cfg->owner.drafts.library, langs[i], list);

		assert_non_null(t);
		buf_puts(&b, t->text);
	}
	return buf_steal(&b);
}

static void expect_name(const char *lang, const char *name, const char *want)
{
	char *particles = all_of("particles"), *given = all_of("given-names");
	char *hon = all_of("honorifics"), *fam = all_of("family-first");
	struct greeting_lists g = { titles_of(lang), particles, given, hon, fam };
	char *got = greeting_name(name, &g);

	free(particles);
	free(given);
	free(hon);
	free(fam);

	if (want ? !got || strcmp(got, want) : got != NULL)
		fail_msg("%s: \"%s\" greets \"%s\", not \"%s\"", lang, name ? name : "(null)",
			 got ? got : "(none)", want ? want : "(none)");
	free(got);
}

/* the draft TPL for NAME in LANG (with the note when HINT) holds WANT, or
 * starts with it when AT_START */
static void expect_body(const char *lang, const char *name, const char *tpl, bool hint,
			const char *want, bool at_start)
{
	struct unit_draft s;
	struct draft_text t;
	char err[200];

	fake_scan(&s, name, lang, CLAIM_NONE, NULL, NULL, hint ? NULL : "x@example.com");
	s.inv.note_kind = NOTE_PERSONAL;	/* Reply is there: send-hint */
	assert_int_equal(draft_text(&s.in, tpl, hint, &t, err, sizeof err), 0);
	if (at_start ? strncmp(t.body, want, strlen(want)) != 0 : !strstr(t.body, want))
		fail_msg("%s/%s for \"%s\": no \"%s\" in:\n%s", lang, tpl, name, want, t.body);
	assert_null(strstr(t.body, "profile:\n"));
	draft_text_free(&t);
}

static void test_first_names(void **state)
{
	static const struct { const char *lang, *name, *want; } cases[] = {
		{ "en", "Jane Doe", "Jane" },
		{ "en", "jane doe", "Jane" },
		{ "es", "José Núñez", "José" },
		{ "es", "JOSÉ NÚÑEZ", "José" },
		{ "fr", "JEAN-PIERRE MARTIN", "Jean-Pierre" },
		/* issue 24: particles, family name first, commas, compound names */
		{ "nl", "Dr. de Vries", NULL },
		{ "nl", "van den Berg", NULL },
		{ "de", "von Weizsäcker", NULL },
		{ "fr", "LE GALL Yann", "Yann" },
		{ "it", "ROSSI Giulia", "Giulia" },
		{ "en", "DOE Jane", "Jane" },
		{ "en", "DOE JANE", "Doe" },		/* all in capitals: as it stands */
		{ "es", "Núñez García, María José", "María José" },
		{ "en", "Doe, Jane", "Jane" },
		{ "en", "Kevin Osei, MBA", "Kevin" },
		{ "en", "Jane Doe, PhD", "Jane" },
		{ "en", "Osei, Kevin, MBA", "Kevin" },
		{ "en", "Jane Doe (she/her)", "Jane" },
		{ "en", "Jane Doe \xf0\x9f\x9a\x80", "Jane" },
		{ "de", "Dr. Sabine Krüger", "Sabine" },
		{ "pt", "Dra. Ana Conceição", "Ana" },
		{ "nl", "Drs. Sanne de Vries", "Sanne" },
		{ "es", "María José Núñez", "María José" },
		{ "es", "MARÍA JOSÉ NÚÑEZ", "María José" },
		{ "es", "maria jose nuñez", "Maria Jose" },
		{ "es", "Juan Carlos Pérez", "Juan Carlos" },
		{ "es", "José Luis Ortega", "José Luis" },
		{ "it", "Gian Luca Neri", "Gian Luca" },
		{ "it", "Gian Marco Neri", "Gian Marco" },
		{ "it", "Pier Paolo Conti", "Pier Paolo" },
		{ "it", "Anna Maria Ferri", "Anna Maria" },
		{ "it", "Maria Grazia Russo", "Maria Grazia" },
		{ "pt", "João Pedro Alves", "João Pedro" },
		{ "pt", "Ana Beatriz Lima", "Ana Beatriz" },
		{ "pt", "Maria da Graça Souza", "Maria da Graça" },
		{ "en", "Maria José Núñez", "Maria José" },	/* whatever the language */
		{ "nl", "IJSBRAND DE JONG", "IJsbrand" },
		{ "nl", "ijsbrand de jong", "IJsbrand" },
		{ "nl", "IJsbrand de Jong", "IJsbrand" },
		{ "es", "Don Raúl Castillo", "Raúl" },
		{ "es", "Doña Carmen Ruiz", "Carmen" },
		{ "en", "Don Smith", "Don" },			/* a bare "Don" is a title in es only */
		{ "en", "ИВАН ПЕТРОВ", "Иван" },
		{ "en", "Γιώργος Παπαδάκης", "Γιώργος" },
		{ "en", "Nguyễn Văn An", "An" },		/* family name first (family-first) */
		{ "en", "İPEK YILDIZ", "İpek" },
		{ "en", "ılgın demir", "Ilgın" },
		{ "fr", "jean-pierre martin", "Jean-Pierre" },
		{ "fr", "Marie-Ève Tremblay", "Marie-Ève" },
		{ "en", "McKenzie Lee", "McKenzie" },		/* mixed case: as written */
		{ "de", "ÖZLEM YILMAZ", "Özlem" },
		{ "en", "ΝΊΚΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ", "Νίκος" },	/* final sigma */
		{ "en", "ŁUKASZ KOWALSKI", "Łukasz" },
		{ "en", "王小明", "王小明" },			/* said whole */
		{ "en", "王 小明", "王小明" },
		{ "en", "محمد علي", "محمد" },
		{ "en", "Dr. Jane Doe", "Jane" },
		{ "en", "Mr Tom Jones", "Tom" },
		{ "de", "Prof. Dr. Hans Müller", "Hans" },
		{ "de", "Dipl.-Ing. Petra Lang", "Petra" },
		{ "de", "DR. ANNA SCHMIDT", "Anna" },
		{ "fr", "M. Jean Dupont", "Jean" },
		{ "es", "Dra. Ana López", "Ana" },
		{ "pt", "Sra. Maria Souza", "Maria" },
		{ "it", "Dott.ssa Giulia Bianchi", "Giulia" },
		{ "nl", "Ir. Jan de Vries", "Jan" },
		{ "en", "  Jane   Doe  ", "Jane" },
		{ "en", "Jane\r\nBcc: eve@example.net", "Jane" },
		/* a title and one word: that word is a family name */
		{ "de", "Dr. Schmidt", NULL },
		{ "de", "Herr Müller", NULL },
		{ "fr", "M. Dupont", NULL },
		{ "en", "Dr.", NULL },
		/* quote marks, punctuation, digits, symbols: no first name */
		{ "en", "\"Jane\" Doe", NULL },
		{ "en", "“Jane” Doe", NULL },
		{ "fr", "«Jean» Dupont", NULL },
		{ "en", "O'Neil Smith", NULL },
		{ "en", "Jane, PhD", "Jane" },
		{ "en", "J. Robert Smith", NULL },
		{ "en", "Jane2 Doe", NULL },
		{ "en", "-Jane Doe", NULL },
		{ "en", "Jane- Doe", NULL },
		{ "en", "Jean--Pierre Doe", NULL },
		{ "en", "J Smith", NULL },
		{ "en", "\xf0\x9f\x9a\x80 Jane", "Jane" },	/* an emoji is not part of a name */
		{ "en", "Jane\xe2\x80\x8b Doe", NULL },		/* a zero-width space inside */
		{ "en", "Ja\xffne Doe", NULL },			/* not UTF-8 */
		{ "en", "", NULL },
		{ "en", NULL, NULL },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect_name(cases[i].lang, cases[i].name, cases[i].want);
	/* a draft skips the dotted titles of every language: "Dra.", "Avv." */
	{
		static const struct { const char *lang, *name, *want; } d[] = {
			{ "en", "Dra. Ana Conceição", "Hi Ana,\n" },
			{ "de", "Avv. Marco Bellini", "Hallo Marco,\n" },
			{ "es", "Don Raúl Castillo", "¡Hola, Raúl!\n" },
			{ "nl", "Dr. de Vries", "Hallo,\n" },
		};

		for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
			expect_body(d[i].lang, d[i].name, "accept", false, d[i].want, true);
	}
	/* a first name over 64 bytes is refused, not cut */
	{
		char big[200];

		memset(big, 'a', 100);
		strcpy(big + 100, " Doe");
		expect_name("en", big, NULL);
	}
}

/* ---------------------------------------------------------------- the matrix */

/* what each language's drafts look like: its greeting, its subject, and the
 * words an organisation's name must never follow */
static const struct {
	const char *hello_pre, *hello_post, *fallback, *fallback_note, *subject;
	const char *before[24];
} L[N_LANGS] = {
	{ "Hi ", ",", "Hello,", "Hello,", "Re: Your LinkedIn invitation",
	  { "at", "the", "from", "in", "of", "with", "for", "a", "an", NULL } },
	{ "Hallo ", ",", "Guten Tag,", "Guten Tag,", "Re: Ihre Einladung auf LinkedIn",
	  { "an", "der", "die", "das", "dem", "den", "bei", "in", "im", "von", "vom", "zur",
	    "zum", "Gruppe", "mit", "aus", NULL } },
	{ "Bonjour ", ",", "Bonjour,", "Bonjour,", "Re: Votre invitation sur LinkedIn",
	  { "à", "au", "aux", "chez", "de", "du", "des", "le", "la", "les", "l'", "en",
	    "groupe", "dans", NULL } },
	{ "¡Hola, ", "!", "¡Hola!", "¡Hola!", "Re: Tu invitación en LinkedIn",
	  { "en", "de", "del", "el", "la", "los", "las", "a", "al", "grupo", "con", NULL } },
	{ "Olá, ", "!", "Olá!", "Olá!", "Re: Seu convite no LinkedIn",
	  { "em", "na", "no", "da", "do", "de", "a", "o", "grupo", "com", NULL } },
	{ "Ciao ", ",", "Ciao,", "Ciao,", "Re: Il tuo invito su LinkedIn",
	  { "presso", "a", "al", "alla", "in", "da", "di", "del", "della", "il", "la", "lo",
	    "gruppo", "con", NULL } },
	{ "Hallo ", ",", "Hallo,", "Hallo,", "Re: Je uitnodiging op LinkedIn",
	  { "bij", "op", "aan", "van", "de", "het", "een", "in", "groep", "met", NULL } },
};

static const struct { const char *name, *first; } names[] = {
	{ "Jane Doe", "Jane" }, { "José Núñez", "José" }, { "JOSÉ NÚÑEZ", "José" },
	{ "MARTIN Jean-Pierre", "Jean-Pierre" }, { "Dr. Anna Schmidt", "Anna" },
	{ "王小明", "王小明" }, { "محمد علي", "محمد" }, { "\"Jane\" Doe", NULL }, { NULL, NULL },
	{ "LE GALL Yann", "Yann" }, { "Núñez García, María José", "María José" },
	{ "van den Berg", NULL }, { "Kevin Osei, MBA", "Kevin" }, { "Jane Doe (she/her)", "Jane" },
	{ "Gian Luca Neri", "Gian Luca" }, { "IJSBRAND", "IJsbrand" }, { "İPEK YILDIZ", "İpek" },
};
#define N_NAMES (sizeof names / sizeof names[0])

static const char *const orgs[] = {
	"University of California, Berkeley", "Freie Universität Berlin", "MIT",
	"King's College London", "École Polytechnique Fédérale de Lausanne",
};

static const struct { const char *name; enum claim_kind claim; const char *headline, *want; } tpls[] = {
	{ "accept", CLAIM_NONE, NULL, "accept" },
	{ "consider", CLAIM_NONE, NULL, "consider" },
	{ "ask", CLAIM_NONE, NULL, "ask" },
	{ "ask", CLAIM_COLLEAGUE, NULL, "ask-colleague" },
	{ "ask", CLAIM_CLASSMATE, NULL, "ask-classmate" },
	{ "ask", CLAIM_GROUP, NULL, "ask-group" },
	{ "ask", CLAIM_FRIEND, NULL, "ask-friend" },
	{ "ask", CLAIM_NONE, "Product Manager at Contoso", "ask-shared" },
	{ "decline", CLAIM_NONE, NULL, "decline" },
};

static void check_lines(const char *what, const char *body)
{
	for (const char *l = body; *l; ) {
		size_t n = strcspn(l, "\n");
		int w = u8_width((const uint8_t *)l, n, "UTF-8");
		bool url = !strncmp(l, "https://", 8) && !memchr(l, ' ', n);

		if ((w < 0 || w > 76) && !url)
			fail_msg("%s: a line of %d columns: %.*s", what, w, (int)n, l);
		if (n && (l[n - 1] == ' ' || l[0] == ' '))
			fail_msg("%s: a line that starts or ends with a space: %.*s", what, (int)n, l);
		l += n + (l[n] == '\n');
	}
}

/* the body (after the note) has each paragraph on one line: LinkedIn keeps
 * every line break of a pasted text. Only the sign-off, the last paragraph,
 * has two lines (the closing and the owner's name). */
static void check_paragraphs(const char *what, const char *body)
{
	const char *p = body, *end;

	while ((end = strstr(p, "\n\n")) != NULL) {
		if (memchr(p, '\n', (size_t)(end - p)))
			fail_msg("%s: a line break inside a paragraph: %.*s", what, (int)(end - p), p);
		p = end + 2;
	}
	if (p == body || strchr(p, '\n') == strrchr(p, '\n'))
		fail_msg("%s: no sign-off of two lines at the end:\n%s", what, body);
}

static void check_marks(const char *what, const char *body)
{
	static const char *const bad[] = {
		"{", "}", "  ", "..", ",,", ";;", "::", "!!", "??", " ,", " .", ",.", ".,.",
		"\r", "\t", "(null)", "\"",
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (strstr(body, bad[i]))
			fail_msg("%s: \"%s\" in:\n%s", what, bad[i], body);
}

/* the word before the first ORG in TEXT (lines joined) is not one of BEFORE */
static void check_org_alone(const char *what, const char *text, const char *org,
			    const char *const *before)
{
	char body[4096];
	const char *at, *w;
	size_t n;

	snprintf(body, sizeof body, "%s", text);
	for (char *c = body; *c; c++)
		if (*c == '\n')
			*c = ' ';
	if (!(at = strstr(body, org)))
		fail_msg("%s: \"%s\" is not in:\n%s", what, org, text);
	/* after a generic noun and a colon: "... a shared employer: Acme." */
	if (at - body < 2 || strncmp(at - 2, ": ", 2))
		fail_msg("%s: \"%s\" does not follow a colon:\n%s", what, org, text);
	for (w = at; w > body && (w[-1] == ' ' || w[-1] == '\n'); w--)
		;
	n = (size_t)(w - body);
	while (w > body && w[-1] != ' ' && w[-1] != '\n' && w[-1] != '\'')
		w--;
	n -= (size_t)(w - body);
	for (size_t i = 0; before[i]; i++)
		if (strlen(before[i]) == n && !strncasecmp(w, before[i], n))
			fail_msg("%s: \"%.*s\" before \"%s\"", what, (int)n, w, org);
}

static void check_greeting(const char *what, size_t l, const char *tpl, const char *first,
			   const char *body, bool hint)
{
	const char *line = body;
	char want[160];
	bool noted = !strcmp(tpl, "accept") || !strcmp(tpl, "consider");

	if (hint) {	/* the note ends with "]" and a blank line */
		line = strstr(body, "]\n\n");
		assert_non_null(line);
		line += 3;
	}
	/* a title that asks for a formal greeting (formal-titles, titled) */
	if (first && !strcmp(first, "Anna") && !strcmp(langs[l], "de"))
		snprintf(want, sizeof want, "Guten Tag Dr. Schmidt,\n");
	else if (first && !strcmp(first, "Anna") && !strcmp(langs[l], "it"))
		snprintf(want, sizeof want, "Buongiorno Anna,\n");
	/* without a name, the language's whole no-name line */
	else if (first)
		snprintf(want, sizeof want, "%s%s%s\n", L[l].hello_pre, first, L[l].hello_post);
	else
		snprintf(want, sizeof want, "%s\n", noted ? L[l].fallback_note : L[l].fallback);
	if (strncmp(line, want, strlen(want)))
		fail_msg("%s: the greeting is not \"%.*s\":\n%s", what, (int)strlen(want) - 1, want, body);
}

static void check_hint(const char *what, const char *body, bool hint)
{
	const char *url = strstr(body, "\nhttps://www.linkedin.com/in/janedoe\n");

	if (!hint) {
		assert_null(strstr(body, "linkedin-milter"));
		return;
	}
	if (strncmp(body, "[linkedin-milter", 16) || !url)
		fail_msg("%s: no note, or the profile link not on a line of its own:\n%s", what, body);
}

static void render_one(size_t l, size_t t, size_t n, const char *org, bool hint)
{
	struct unit_draft s;
	struct draft_text d;
	char err[200], what[200];

	fake_scan(&s, names[n].name, langs[l], tpls[t].claim, org, tpls[t].headline,
		  hint ? NULL : "jane@example.com");
	snprintf(what, sizeof what, "%s/%s for %s, %s%s", langs[l], tpls[t].want,
		 names[n].name ? names[n].name : "(no name)", org, hint ? ", with the note" : "");
	if (draft_text(&s.in, tpls[t].name, hint, &d, err, sizeof err) < 0)
		fail_msg("%s: %s", what, err);
	assert_string_equal(d.template, tpls[t].want);
	assert_string_equal(d.lang, langs[l]);
	assert_string_equal(d.subject, L[l].subject);
	{
		const char *text = hint ? strstr(d.body, "]\n\n") : d.body;
		char *note = hint && text ? strndup(d.body, (size_t)(text - d.body) + 2) : NULL;

		assert_non_null(text);
		if (note)
			check_lines(what, note);
		free(note);
		check_paragraphs(what, hint ? text + 3 : text);
	}
	check_marks(what, d.body);
	check_greeting(what, l, tpls[t].want, names[n].first, d.body, hint);
	check_hint(what, d.body, hint);
	if (tpls[t].claim && tpls[t].claim != CLAIM_FRIEND)
		check_org_alone(what, d.body, org, L[l].before);
	if (tpls[t].headline)
		check_org_alone(what, d.body, "Contoso", L[l].before);
	assert_non_null(strstr(d.body, "\nBob Smith\n"));
	draft_text_free(&d);
}

static void test_every_template_language_name_and_org(void **state)
{
	size_t count = 0;

	for (size_t l = 0; l < N_LANGS; l++)
		for (size_t t = 0; t < sizeof tpls / sizeof tpls[0]; t++)
			for (size_t n = 0; n < sizeof names / sizeof names[0]; n++)
				for (size_t o = 0; o < sizeof orgs / sizeof orgs[0]; o++)
					for (int hint = 0; hint < 2; hint++, count++)
						render_one(l, t, n, orgs[o], hint);
	assert_int_equal(count, 7 * 9 * N_NAMES * 5 * 2);
}

/* ---------------------------------------------------------------- one by one */

static void test_subject_and_draft(void **state)
{
	struct unit_draft s;
	struct draft d;
	char err[200];

	/* LinkedIn's reminder subject speaks to the owner: the draft has its own */
	fake_scan(&s, "Logan Roy", "en", CLAIM_NONE, NULL, NULL, "logan@example.com");
	assert_int_equal(draft_render(&s.in, "ask", &d, err, sizeof err), 0);
	assert_non_null(strstr(d.msg.data, "\r\nSubject: Re: Your LinkedIn invitation\r\n"));
	assert_null(strstr(d.msg.data, "Reminder"));
	assert_non_null(strstr(d.msg.data, "\r\n\r\nHi Logan,\r\n"));
	draft_free(&d);
	/* nor is LinkedIn's German one: the German subject */
	fake_scan(&s, "Anna", "de", CLAIM_NONE, NULL, NULL, "anna@example.com");
	assert_int_equal(draft_render(&s.in, "accept", &d, err, sizeof err), 0);
	assert_non_null(strstr(d.msg.data, "\r\nSubject: Re: Ihre Einladung auf LinkedIn\r\n"));
	assert_null(strstr(d.msg.data, "Antwort"));
	draft_free(&d);
}

static void test_shared_organisation(void **state)
{
	static const struct { const char *headline; enum claim_kind claim; const char *tpl, *org; } cases[] = {
		{ "Software Engineer at Contoso", CLAIM_NONE, "ask-shared", "Contoso" },
		{ "PhD student | Wake Forest University", CLAIM_NONE, "ask-shared", "Wake Forest University" },
		{ "Organiser of Rust Berlin", CLAIM_NONE, "ask-shared", "Rust Berlin" },
		{ "Engineer at Contosoft", CLAIM_NONE, "ask", NULL },	/* whole words only */
		{ "Designer", CLAIM_NONE, "ask", NULL },
		{ NULL, CLAIM_NONE, "ask", NULL },
		/* a mistaken claim is answered first */
		{ "Engineer at Contoso", CLAIM_COLLEAGUE, "ask-colleague", "Initech" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct unit_draft s;
		struct draft_text d;
		char err[200];

		fake_scan(&s, "Jane Doe", "en", cases[i].claim, "Initech", cases[i].headline,
			  "jane@example.com");
		assert_int_equal(draft_text(&s.in, "ask", false, &d, err, sizeof err), 0);
		assert_string_equal(d.template, cases[i].tpl);
		if (cases[i].org)
			assert_non_null(strstr(d.body, cases[i].org));
		if (!strcmp(cases[i].tpl, "ask-shared")) {
			char want[200];

			snprintf(want, sizeof want, "\n\nThank you for the invitation to connect. I see from your "
				 "profile that we have something in common: %s. Still,", cases[i].org);
			assert_non_null(strstr(d.body, want));
		}
		draft_text_free(&d);
	}
	/* a group claim that is true: the group shared, not "I can't place you" */
	{
		struct unit_draft s;
		struct draft_text d;
		char err[200];

		fake_scan(&s, "Jane Doe", "de", CLAIM_GROUP, "rust berlin", NULL, "jane@example.com");
		s.in.claim_mismatch = false;
		assert_int_equal(draft_text(&s.in, "ask", false, &d, err, sizeof err), 0);
		assert_string_equal(d.template, "ask-shared");
		assert_non_null(strstr(d.body, "eine Gemeinsamkeit: Rust Berlin."));
		draft_text_free(&d);
	}
	/* no variant of decline: the decline itself */
	{
		struct unit_draft s;
		struct draft_text d;
		char err[200];

		fake_scan(&s, "Jane Doe", "fr", CLAIM_NONE, NULL, "Recruiter at Contoso", NULL);
		assert_int_equal(draft_text(&s.in, "decline", true, &d, err, sizeof err), 0);
		assert_string_equal(d.template, "decline");
		draft_text_free(&d);
	}
}

/* an organisation that cannot be quoted safely: the plain ask, which names none */
static void test_unfit_organisation(void **state)
{
	static const char *const bad[] = {
		"Contoso <script>", "https://evil.example/x", "www.evil.example", "Foo \"Bar\" Ltd",
		"eve@evil.example", "{first}", "", "   ",
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct unit_draft s;
		struct draft_text d;
		char err[200];

		fake_scan(&s, "Jane Doe", "en", CLAIM_COLLEAGUE, bad[i], NULL, "jane@example.com");
		assert_int_equal(draft_text(&s.in, "ask", false, &d, err, sizeof err), 0);
		assert_string_equal(d.template, "ask");
		assert_null(strstr(d.body, "evil"));
		draft_text_free(&d);
	}
}

/* a profile link that is not a plain http(s) URL is not copied: the fallback,
 * on a line of its own that needs no wrapping, in every language */
static void test_unfit_profile_link(void **state)
{
	for (size_t l = 0; l < N_LANGS; l++) {
		struct unit_draft s;
		struct draft_text d;
		char err[200], what[64];
		const char *fb;

		fake_scan(&s, "Jane Doe", langs[l], CLAIM_NONE, NULL, NULL, NULL);
		s.inv.profile_url = (char *)"https://www.linkedin.com/in/jane\nBcc: eve@example.net";
		assert_int_equal(draft_text(&s.in, "ask", true, &d, err, sizeof err), 0);
		snprintf(what, sizeof what, "%s/send-hint without a link", langs[l]);
		assert_null(strstr(d.body, "Bcc"));
		assert_null(strstr(d.body, "http"));
		{
			const char *end = strstr(d.body, "]\n\n");
			char *note = end ? strndup(d.body, (size_t)(end - d.body)) : NULL;

			assert_non_null(note);
			check_lines(what, note);
			free(note);
		}
		/* the line after "...profile:" is the fallback, whole: "(...)" */
		if (!(fb = strstr(d.body, ":\n(")) || fb[2 + strcspn(fb + 2, "\n") - 1] != ')')
			fail_msg("%s: the fallback is not a line of its own:\n%s", what, d.body);
		if (!strcmp(langs[l], "en"))
			assert_non_null(strstr(d.body, "\n(no link in the invitation: search LinkedIn "
						  "for the name)\n"));
		draft_text_free(&d);
	}
}

/* the note fits the verdict: accept first, then message; or reply to the
 * pending invitation without accepting it (a message from the profile
 * would need InMail) */
static void test_hint_per_verdict(void **state)
{
	static const struct { const char *tpl, *lang, *want; } cases[] = {
		{ "accept", "en", "\nFirst accept the invitation on LinkedIn (My Network > Invitations).\n" },
		{ "ask", "en", "\nchoose Reply on this invitation" },
		{ "decline", "en", "\nchoose Reply on this invitation" },
		{ "accept", "de", "\nNehmen Sie zuerst die Einladung auf LinkedIn an" },
		{ "decline", "nl", "\nDegene die je heeft uitgenodigd:\n" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect_body(cases[i].lang, "Jane Doe", cases[i].tpl, true, cases[i].want, false);
}

static void test_wrap(void **state)
{
	struct buf b;
	const char *in =
		"Hi Jane,\n\n"
		"You mention The Very Long Name of an Organisation With Many Words, but I've never\n"
		"worked there.\n"
		"https://www.linkedin.com/in/a-very-long-profile-name-that-goes-past-the-edge-of-the-line\n"
		"short line\n\nBest regards,\nBob\n";
	const char *want =
		"Hi Jane,\n\n"
		"You mention The Very Long Name of an Organisation With Many Words, but\n"
		"I've never worked there.\n"
		"https://www.linkedin.com/in/a-very-long-profile-name-that-goes-past-the-edge-of-the-line\n"
		"short line\n\nBest regards,\nBob\n";

	buf_init(&b, 0);
	assert_int_equal(draft_wrap(in, &b), 0);
	assert_string_equal(b.data, want);
	buf_free(&b);
	/* short paragraphs keep their lines as written */
	buf_init(&b, 0);
	assert_int_equal(draft_wrap("a\nb\n\nc\n", &b), 0);
	assert_string_equal(b.data, "a\nb\n\nc\n");
	buf_free(&b);
}

/* a value that ends a sentence takes the place of the template's full stop */
static void test_value_ends_sentence(void **state)
{
	struct template t = { "en", "x", (char *)"You mention {claim_org}. And {owner|}.\n", false };
	struct tpl_values v = { NULL, "Bob", "Acme Inc.", NULL, NULL, NULL };
	struct buf b;

	buf_init(&b, 0);
	assert_int_equal(template_render(&t, &v, &b), 0);
	assert_string_equal(b.data, "You mention Acme Inc. And Bob.\n");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_names),
		cmocka_unit_test(test_every_template_language_name_and_org),
		cmocka_unit_test(test_subject_and_draft),
		cmocka_unit_test(test_shared_organisation),
		cmocka_unit_test(test_unfit_organisation),
		cmocka_unit_test(test_unfit_profile_link),
		cmocka_unit_test(test_hint_per_verdict),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_value_ends_sentence),
	};

	return cmocka_run_group_tests_name("draft_text", tests, setup, teardown);
}
