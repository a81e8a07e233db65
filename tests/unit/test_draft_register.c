/* test_draft_register.c - what the native review of 2026-12-05 (issue 24)
 * asked of the drafts, each with its exact text: the Vietnamese family name
 * said first, Don/Dom/Dona in every language, titles as register (de, it),
 * the send hint for an invitation without a note, the wording fixes of nl,
 * it, de, es and pt, and the draft in the language of the owner's that a
 * personal note is written in (owner.languages) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "draft_text.h"
#include "greeting.h"
#include "scan.h"
#include "templates.h"
#include "unit_config.h"

static struct config *cfg, *polyglot;
static char dir[] = "/tmp/lm-test-draft-register.XXXXXX";
static char dir2[] = "/tmp/lm-test-draft-register2.XXXXXX";

static const char *const langs[] = { "en", "de", "fr", "es", "pt", "it", "nl" };
#define N_LANGS (sizeof langs / sizeof langs[0])

static int setup(void **state)
{
	cfg = unit_config(dir, TOP_SRCDIR, "names = [ \"Bob Smith\" ];");
	polyglot = unit_config(dir2, TOP_SRCDIR, "names = [ \"Bob Smith\" ]; languages = [ \"en\", \"de\", \"es\", \"it\" ];");
	return cfg && polyglot ? 0 : -1;
}

static int teardown(void **state)
{
	int rc = unit_config_free(cfg, dir);

	return unit_config_free(polyglot, dir2) || rc;
}

/* the draft TPL for NAME in LANG from C (a CLAIM with ORG when not
 * CLAIM_NONE; with the note when HINT; NOTE_KIND and NOTE as the engine
 * found them); WANT_LANG the language it is in, WANT in its body (at its
 * start when AT_START) */
struct want {
	struct config *c;
	const char *lang, *name, *tpl;
	enum claim_kind claim;
	const char *org;
	bool hint;
	enum note_kind note_kind;
	const char *note, *want_lang, *want;
	bool at_start;
};

static void expect(const struct want *w)
{
	struct unit_draft s;
	struct draft_text t;
	char err[200];

	unit_scan(&s, w->c ? w->c : cfg, w->name, w->lang, w->claim, w->org, NULL,
		  w->hint ? NULL : "x@example.com");
	s.inv.note_kind = w->note_kind;
	s.inv.note = (char *)w->note;
	if (draft_text(&s.in, w->tpl, w->hint, &t, err, sizeof err) < 0)
		fail_msg("%s/%s for \"%s\": %s", w->lang, w->tpl, w->name, err);
	if (w->want_lang && strcmp(t.lang, w->want_lang))
		fail_msg("%s/%s for \"%s\": in %s, not %s:\n%s", w->lang, w->tpl, w->name, t.lang,
			 w->want_lang, t.body);
	if (w->at_start ? strncmp(t.body, w->want, strlen(w->want)) != 0 : !strstr(t.body, w->want))
		fail_msg("%s/%s for \"%s\": no \"%s\" in:\n%s", w->lang, w->tpl, w->name, w->want, t.body);
	draft_text_free(&t);
}

/* the greeting line of an accept draft for NAME in LANG is WANT */
static void expect_greeting(const char *lang, const char *name, const char *want)
{
	struct want w = { NULL, lang, name, "accept", CLAIM_NONE, NULL, false, NOTE_PERSONAL, NULL, lang,
			  want, true };

	expect(&w);
}

/* names and the greeting lines they get, as { lang, name, line } */
struct greeting_case {
	const char *lang, *name, *want;
};

static void expect_greetings(const struct greeting_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		expect_greeting(c[i].lang, c[i].name, c[i].want);
}

/* A: "Nguyễn Văn An" is greeted by the given name, said last; the family
 * names are data (en/family-first), written with their diacritics */
static void test_family_name_first(void **state)
{
	static const char *const want[N_LANGS] = {
		"Hi An,\n", "Hallo An,\n", "Bonjour An,\n", "¡Hola, An!\n", "Olá, An!\n", "Ciao An,\n",
		"Hallo An,\n",
	};

	for (size_t l = 0; l < N_LANGS; l++)
		expect_greeting(langs[l], "Nguyễn Văn An", want[l]);
	{
		static const struct greeting_case more[] = {
			{ "en", "NGUYỄN VĂN AN", "Hi An,\n" },
			{ "en", "Trần Thị Mai", "Hi Mai,\n" },
			{ "fr", "Lê Văn Hưng", "Bonjour Hưng,\n" },
			{ "en", "Nguyễn An", "Hi An,\n" },	/* two words: family name first too */
			{ "fr", "Lê Minh", "Bonjour Minh,\n" },
			{ "de", "NGUYỄN An", "Hallo An,\n" },
			{ "en", "Hoàng Nguyễn", "Hello,\n" },	/* two family names: either order */
			{ "fr", "Le Minh", "Bonjour,\n" },	/* the particle "Le", not "Lê" */
			{ "fr", "Le Gall Yann Marie", "Bonjour,\n" },	/* the particle "Le" is not "Lê" */
		};

		expect_greetings(more, sizeof more / sizeof more[0]);
	}
}

/* compound given names of the es and pt lists are said whole */
static void test_compound_given_names(void **state)
{
	static const struct greeting_case c[] = {
		{ "es", "Juan Sebastián Gómez", "¡Hola, Juan Sebastián!\n" },
		{ "es", "María Belén Díaz Ortega", "¡Hola, María Belén!\n" },
		{ "es", "Luis Fernando Ríos", "¡Hola, Luis Fernando!\n" },
		{ "pt", "Ana Carolina Souza", "Olá, Ana Carolina!\n" },
		{ "pt", "Luiz Felipe Costa", "Olá, Luiz Felipe!\n" },
		{ "pt", "Maria de Lourdes Silva", "Olá, Maria de Lourdes!\n" },
		{ "en", "Maria Fernanda Lima", "Hi Maria Fernanda,\n" },
	};

	expect_greetings(c, sizeof c / sizeof c[0]);
}

/* B: Don, Doña, Dom and Dona are honorifics in every language when two
 * name words follow; "Don Smith" is a man called Don */
static void test_honorifics(void **state)
{
	static const char *const want[N_LANGS] = {
		"Hi Raúl,\n", "Hallo Raúl,\n", "Bonjour Raúl,\n", "¡Hola, Raúl!\n", "Olá, Raúl!\n",
		"Ciao Raúl,\n", "Hallo Raúl,\n",
	};

	for (size_t l = 0; l < N_LANGS; l++)
		expect_greeting(langs[l], "Don Raúl Castillo", want[l]);
	{
		static const struct greeting_case more[] = {
			{ "en", "Don Smith", "Hi Don,\n" },
			{ "de", "Don Smith", "Hallo Don,\n" },
			{ "en", "Doña Carmen Ruiz", "Hi Carmen,\n" },
			{ "nl", "Dona Maria Silva", "Hallo Maria,\n" },
			{ "fr", "Dom Pedro Alves", "Bonjour Pedro,\n" },
			{ "es", "Don Castillo", "¡Hola!\n" },	/* es: a title before a family name */
		};

		expect_greetings(more, sizeof more / sizeof more[0]);
	}
}

/* E: a title that asks for a formal greeting in the draft's language:
 * German with title and family name (Herr/Frau when given), Italian
 * "Buongiorno" and the first name (the body keeps tu); the other languages
 * greet by the first name */
static void test_titles_as_register(void **state)
{
	static const struct greeting_case cases[] = {
		{ "de", "Prof. Dr. Björn Schäfer", "Guten Tag Prof. Dr. Schäfer,\n\nvielen Dank" },
		{ "de", "Herr Dr. Jürgen Weiß", "Guten Tag Herr Dr. Weiß,\n" },
		{ "de", "Frau Prof. Anna Roth", "Guten Tag Frau Prof. Roth,\n" },
		{ "de", "Dr. med. Anna Roth", "Guten Tag Dr. Roth,\n" },
		{ "de", "PROF. DR. BJÖRN SCHÄFER", "Guten Tag Prof. Dr. Schäfer,\n" },
		{ "de", "Prof. Dr. Schäfer", "Guten Tag Prof. Dr. Schäfer,\n" },
		{ "de", "Dr. de Vries", "Guten Tag Dr. de Vries,\n" },
		{ "de", "Dr. Hans Peter Müller-Lüdenscheidt", "Guten Tag Dr. Müller-Lüdenscheidt,\n" },
		{ "de", "Herr Jürgen Weiß", "Hallo Jürgen,\n" },	/* no title to honour */
		{ "de", "Avv. Marco Bellini", "Hallo Marco,\n" },	/* not a German title */
		{ "de", "Dipl.-Ing. Petra Lang", "Hallo Petra,\n" },
		{ "de", "Dr. \"Doc\" Roth", "Guten Tag Dr. Roth,\n" },	/* a nickname aside */
		{ "de", "Dr. Roth2", "Guten Tag,\n" },	/* no fit family name */
		{ "it", "Avv. Marco Bellini", "Buongiorno Marco,\n\ngrazie" },
		{ "it", "Dott.ssa Giulia Bianchi", "Buongiorno Giulia,\n" },
		{ "it", "Geom. Mario Rossi", "Buongiorno Mario,\n" },
		{ "it", "Rag. Anna Verdi", "Buongiorno Anna,\n" },
		{ "it", "Prof. Dr. Björn Schäfer", "Buongiorno Björn,\n" },
		{ "it", "Avv. Bellini", "Buongiorno,\n" },
		{ "en", "Prof. Dr. Björn Schäfer", "Hi Björn,\n" },
		/* another language's title without a dot: skipped too, unless an honorific */
		{ "en", "Herr Dr. Jürgen Weiß", "Hi Jürgen,\n" },
		{ "en", "Frau Anna Roth", "Hi Anna,\n" },
		{ "es", "Madame Claire Petit", "¡Hola, Claire!\n" },
		{ "nl", "Herr Weiß", "Hallo,\n" },
		{ "fr", "Prof. Dr. Björn Schäfer", "Bonjour Björn,\n" },
		{ "es", "Avv. Marco Bellini", "¡Hola, Marco!\n" },
		{ "pt", "Dra. Ana Conceição", "Olá, Ana!\n" },
		{ "nl", "Dr. Sanne de Vries", "Hallo Sanne,\n" },
	};

	expect_greetings(cases, sizeof cases / sizeof cases[0]);
	/* every template of the language, with or without the note */
	{
		static const char *const tpls[] = { "accept", "consider", "ask", "decline" };

		for (size_t i = 0; i < 4; i++) {
			struct want w = { NULL, "de", "Herr Dr. Jürgen Weiß", tpls[i], CLAIM_NONE, NULL, true,
					  NOTE_PERSONAL, NULL, "de", "]\n\nGuten Tag Herr Dr. Weiß,\n\nvielen Dank",
					  false };

			expect(&w);
		}
	}
}

static void test_formal_name(void **state)
{
	static const struct { const char *name, *want; } cases[] = {
		{ "Prof. Dr. Björn Schäfer", "Prof. Dr. Schäfer" },
		{ "Herr Dr. Jürgen Weiß", "Herr Dr. Weiß" },
		{ "prof. dr. björn schäfer", "Prof. Dr. Schäfer" },
		{ "Dr. DOE Jane", "Dr. Doe" },
		{ "Herr Jürgen Weiß", NULL },
		{ "Dr.", NULL },
		{ "Dr. Jane", "Dr. Jane" },	/* one word after a title: a family name */
		{ NULL, NULL },
	};
	struct greeting_lists g = { "Herr Frau Dr. Prof. med.", "de van", "Hans Peter", "Don", "Nguyễn" };

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = greeting_formal(cases[i].name, &g, "Dr. Prof.\n+Herr +Frau\n");

		if (cases[i].want ? !got || strcmp(got, cases[i].want) : got != NULL)
			fail_msg("\"%s\" is \"%s\", not \"%s\"", cases[i].name ? cases[i].name : "(null)",
				 got ? got : "(none)", cases[i].want ? cases[i].want : "(none)");
		free(got);
	}
}

/* C: without a personal note LinkedIn may offer no Reply: the hint says
 * what to do then, in every language; with a note, Reply; to accept, the
 * accept hint whatever the note */
static void test_hint_without_note(void **state)
{
	/* true of a reminder too, whose e-mail does not show the note */
	static const char *const nonote[N_LANGS] = {
		"\nThe e-mail from LinkedIn shows no personal note, and without one\n",
		"\nDie E-Mail von LinkedIn zeigt keine persönliche Nachricht; LinkedIn\n",
		"\nL'e-mail de LinkedIn n'affiche pas de message personnel\xc2\xa0; LinkedIn\n",
		"\nEl correo de LinkedIn no muestra mensaje personal, y sin él puede que\n",
		"\nO e-mail do LinkedIn não mostra mensagem pessoal, e sem ela o LinkedIn\n",
		"\nL'e-mail di LinkedIn non riporta un messaggio personale, e senza\n",
		"\nDe e-mail van LinkedIn toont geen persoonlijk bericht; LinkedIn biedt\n",
	};
	/* a decline is never sent by accepting, note or none */
	static const char *const decline[N_LANGS] = {
		"Do not accept the\ninvitation just to send the text: the text says you are declining.]\n",
		"Nehmen Sie die\nEinladung nicht an, nur um den Text zu senden: Der Text lehnt sie\nja ab.]\n",
		"\nN'acceptez pas l'invitation pour envoyer ce texte\xc2\xa0: il annonce\njustement que vous la déclinez.]\n",
		"No la aceptes\npara enviarlo: el texto dice que no la aceptas.]\n",
		"Não aceite o\nconvite só para enviar o texto: ele diz que você não vai aceitar.]\n",
		"Non accettare l'invito per poter inviare il messaggio: il\ntesto dice proprio che non lo accetti.]\n",
		"\nAccepteer de uitnodiging niet om de tekst te kunnen sturen: in de\ntekst sla je de uitnodiging juist af.]\n",
	};

	for (size_t l = 0; l < N_LANGS; l++) {
		struct want ask = { NULL, langs[l], "Jane Doe", "ask", CLAIM_NONE, NULL, true, NOTE_NONE,
				    NULL, langs[l], nonote[l], false };
		struct want stock = ask, unknown = ask, dec = ask, dec_note = ask;

		expect(&ask);
		stock.note_kind = NOTE_GENERIC;
		expect(&stock);
		unknown.note_kind = NOTE_UNKNOWN;
		expect(&unknown);
		dec.tpl = "decline";
		dec.want = decline[l];
		expect(&dec);
		dec_note = dec;
		dec_note.note_kind = NOTE_PERSONAL;
		dec_note.note = "Hello, we met in Leeds.";
		expect(&dec_note);
	}
	{
		static const struct { const char *lang, *tpl; enum note_kind kind; const char *want; } h[] = {
			{ "en", "ask", NOTE_PERSONAL, "\nchoose Reply on this invitation, and send the text below" },
			{ "en", "accept", NOTE_NONE,
			  "\nFirst accept the invitation on LinkedIn (My Network > Invitations).\n" },
			{ "en", "ask", NOTE_NONE, "\nInvitations on LinkedIn: if this invitation has a Reply option, choose\n" },
			{ "de", "ask", NOTE_PERSONAL, "\nNetzwerk > Einladungen, wählen Sie bei dieser Einladung „Antworten“\n"
			  "und senden Sie den folgenden Text (ohne diesen Hinweis). Eine\n" },
			{ "de", "ask", NOTE_NONE, "\nklicken Sie darauf und senden Sie den folgenden Text (ohne diesen\n" },
			{ "it", "accept", NOTE_NONE,
			  "\nPrima accetta l'invito su LinkedIn (Rete > Inviti), poi invia il\n" },
			{ "pt", "accept", NOTE_NONE, "\nDepois de aceitar, envie o texto abaixo (sem esta nota) como\n" },
			{ "es", "ask", NOTE_NONE, "\nen LinkedIn: si esta invitación tiene la opción Responder, elígela y\n" },
			{ "pt", "ask", NOTE_NONE, "\nLinkedIn: se este convite tiver a opção Responder, use-a e envie o\n" },
		};

		for (size_t i = 0; i < sizeof h / sizeof h[0]; i++) {
			struct want w = { NULL, h[i].lang, "Jane Doe", h[i].tpl, CLAIM_NONE, NULL, true, h[i].kind,
					  h[i].kind == NOTE_PERSONAL ? "Hi" : NULL, h[i].lang, h[i].want, false };

			expect(&w);
		}
	}
}

/* the hint names the menus of the owner's LinkedIn: the notification's
 * language, though owner.languages answers a German note in German */
static void test_hint_language(void **state)
{
	static const char de_note[] = "Hallo Bob, wir haben uns auf der Konferenz in Köln kennengelernt und "
				      "ich würde mich freuen, mit Ihnen in Kontakt zu bleiben. Viele Grüße";
	struct want hint = { polyglot, "en", "Jane Doe", "consider", CLAIM_NONE, NULL, true, NOTE_PERSONAL,
			     de_note, "de", "\nTo reply without accepting, open My Network > Invitations on LinkedIn,\n",
			     false };
	struct want body = hint;

	expect(&hint);
	body.want = "\nHallo Jane,\n\nvielen Dank für Ihre Einladung";
	expect(&body);
}

/* D: the wording the review asked for, word for word */
static void test_review_wording(void **state)
{
	static const struct { const char *lang, *tpl; enum claim_kind claim; bool hint; const char *want; } w[] = {
		{ "nl", "ask", CLAIM_GROUP, false,
		  "Je noemt daarin een groep waar we allebei lid van zouden zijn: Acme. Voor zover ik weet, hoor ik "
		  "daar echter niet bij." },
		{ "nl", "ask", CLAIM_COLLEAGUE, false, "Je noemt daarin een gemeenschappelijke werkgever: Acme." },
		{ "nl", "ask", CLAIM_CLASSMATE, false,
		  "Je noemt daarin een gemeenschappelijke onderwijsinstelling: Acme." },
		{ "nl", "decline", CLAIM_NONE, false, "\n\nBedankt voor je uitnodiging, en leuk dat je aan me dacht. " },
		{ "it", "ask", CLAIM_NONE, true, "\nChi ha inviato l'invito:\nhttps://" },
		{ "it", "accept", CLAIM_NONE, true, "\nChi ha inviato l'invito:\nhttps://" },
		{ "it", "ask", CLAIM_CLASSMATE, false, "Vedo che indichi una scuola o università in comune: Acme." },
		{ "de", "ask", CLAIM_CLASSMATE, false, "Sie nennen darin eine gemeinsame Hochschule oder Schule: Acme." },
		{ "es", "ask", CLAIM_COLLEAGUE, false, "¿Quizá pensabas en otra persona con el mismo nombre que yo?" },
		{ "es", "ask", CLAIM_CLASSMATE, false, "¿Quizá pensabas en otra persona con el mismo nombre que yo?" },
		{ "es", "ask", CLAIM_GROUP, false, "¿Quizá pensabas en otra persona con el mismo nombre que yo?" },
		{ "pt", "ask", CLAIM_COLLEAGUE, false, "Vi que você mencionou um local de trabalho em comum: Acme." },
		{ "pt", "ask", CLAIM_CLASSMATE, false, "Vi que você mencionou uma instituição de ensino em comum: Acme." },
		{ "pt", "ask", CLAIM_GROUP, false, "Vi que você mencionou um grupo em comum: Acme." },
		{ "it", "ask", CLAIM_COLLEAGUE, false,
		  "Altrimenti, mi ricordi come ci conosciamo? E dimmi pure come potrei esserti d'aiuto.\n" },
		{ "it", "ask", CLAIM_CLASSMATE, false,
		  "Altrimenti, mi ricordi come ci conosciamo? E dimmi pure come potrei esserti d'aiuto.\n" },
		{ "it", "ask", CLAIM_GROUP, false,
		  "Altrimenti, mi ricordi come ci conosciamo? E dimmi pure come potrei esserti d'aiuto.\n" },
		{ "fr", "decline", CLAIM_NONE, false,
		  "personnellement\xc2\xa0; je préfère donc ne pas l'accepter. Je vous souhaite" },
		/* consider: a closing that fits every note, no question */
		{ "en", "consider", CLAIM_NONE, false,
		  "for your kind note. It's good to hear from you, and I'll be in touch soon.\n\nBest" },
		{ "de", "consider", CLAIM_NONE, false,
		  "über die ich mich gefreut habe. Ich melde mich in Kürze bei Ihnen.\n\nViele" },
		{ "fr", "consider", CLAIM_NONE, false,
		  "qui m'a fait plaisir. Je reviens vers vous très bientôt.\n\nBien" },
		{ "nl", "consider", CLAIM_NONE, false,
		  "leuk om van je te horen! Ik neem binnenkort contact met je op.\n\nHartelijke" },
		{ "es", "consider", CLAIM_NONE, false, "me alegró mucho leerlo. Te escribo pronto.\n\nUn saludo" },
		{ "pt", "consider", CLAIM_NONE, false, "foi um prazer lê-la. Em breve entro em contato.\n\nUm abraço" },
		{ "it", "consider", CLAIM_NONE, false, "mi ha fatto piacere leggerlo. Ti scrivo a breve.\n\nUn saluto" },
	};

	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		struct want x = { NULL, w[i].lang, "Jane Doe", w[i].tpl, w[i].claim, "Acme", w[i].hint,
				  NOTE_PERSONAL, NULL, w[i].lang, w[i].want, false };

		expect(&x);
	}
}

/* F: owner.languages: a personal note clearly in one of the owner's
 * languages is answered in it; otherwise the notification's language */
static void test_note_language(void **state)
{
	static const struct { const char *note; enum note_kind kind; struct config **c; const char *lang; } cases[] = {
		{ "Hallo Bob, wir haben uns auf der Konferenz in Köln kennengelernt und ich würde mich "
		  "freuen, mit Ihnen in Kontakt zu bleiben. Viele Grüße", NOTE_PERSONAL, &polyglot, "de" },
		{ "Hola Bob, nos conocimos en la feria de Sevilla y me gustaría seguir en contacto contigo. "
		  "¡Gracias y saludos!", NOTE_PERSONAL, &polyglot, "es" },
		{ "Hi Bob, we met at the conference in Leeds and I would like to stay in touch with you.",
		  NOTE_PERSONAL, &polyglot, "en" },
		/* a short Italian recruiter's note */
		{ "Salve, lavoro nel recruiting IT e avrei una posizione interessante da proporti.",
		  NOTE_PERSONAL, &polyglot, "it" },
		/* French is not one of the owner's: the notification's */
		{ "Bonjour Bob, je serais ravi de vous compter dans mon réseau. Merci et à bientôt pour "
		  "la suite.", NOTE_PERSONAL, &polyglot, "fr" },
		/* too short to tell */
		{ "Danke!", NOTE_PERSONAL, &polyglot, "fr" },
		/* a stock note is LinkedIn's, not the inviter's */
		{ "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen und mich mit "
		  "Ihnen vernetzen.", NOTE_GENERIC, &polyglot, "fr" },
		/* without owner.languages: always the notification's */
		{ "Hallo Bob, wir haben uns auf der Konferenz in Köln kennengelernt und ich würde mich "
		  "freuen, mit Ihnen in Kontakt zu bleiben. Viele Grüße", NOTE_PERSONAL, &cfg, "fr" },
		/* two languages half and half: not clear */
		{ "Hallo Bob, ich würde mich freuen. Hola, me gustaría conocerte, gracias y saludos. Und "
		  "auch mit Ihnen.", NOTE_PERSONAL, &polyglot, "fr" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct want w = { *cases[i].c, "fr", "Jane Doe", "consider", CLAIM_NONE, NULL, false,
				  cases[i].kind, cases[i].note, cases[i].lang, "Bob Smith", false };

		expect(&w);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_family_name_first),
		cmocka_unit_test(test_compound_given_names),
		cmocka_unit_test(test_honorifics),
		cmocka_unit_test(test_titles_as_register),
		cmocka_unit_test(test_formal_name),
		cmocka_unit_test(test_hint_without_note),
		cmocka_unit_test(test_hint_language),
		cmocka_unit_test(test_review_wording),
		cmocka_unit_test(test_note_language),
	};

	return cmocka_run_group_tests_name("draft_register", tests, setup, teardown);
}
