/* test_extract.c - the pieces of per-field extraction: name keys, the
 * spelling chosen, lines and their classes, where the note is */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lines.h"
#include "namekey.h"
#include "note.h"
#include "patterns.h"
#include "strlist.h"

static struct patterns pats;

static int setup(void **state)
{
	struct errlist errs = { 0 };
	int rc;

	(void)state;
	rc = patterns_load(&pats, TOP_SRCDIR "/conf/patterns.conf", NULL, &errs);
	errlist_free(&errs);
	if (rc != 0 || patterns_finish(&pats) != 0)
		return -1;
	patterns_join(&pats);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	patterns_free(&pats);
	return 0;
}

static void same_key(const char *a, const char *b)
{
	char ka[NAME_KEY_MAX], kb[NAME_KEY_MAX];

	assert_true(name_key(a, strlen(a), ka) > 0);
	assert_true(name_key(b, strlen(b), kb) > 0);
	assert_string_equal(ka, kb);
}

static void test_name_key(void **state)
{
	char k[NAME_KEY_MAX];

	(void)state;
	same_key("Foo Bar", "FOO BAR");
	same_key("Foo Bar", "foo  bar");
	same_key("Jos\xc3\xa9 Garc\xc3\xad" "a", "JOSE GARCIA");		/* accents */
	same_key("Anna Maria", "Anna\xc2\xa0Maria\xe2\x80\x8b");		/* NBSP, ZWSP */
	same_key("J\xc3\xbcrgen Wei\xc3\x9f", "JURGEN WEISS");		/* ß folds to ss */
	same_key("O'Brien-Kowalski", "obrien kowalski");
	assert_int_equal(name_key("Anna", 4, k), 4);
	assert_string_equal(k, "anna");
	assert_int_equal(name_key("\xe2\x80\x9c", 3, k), 0);		/* a quote mark only */
	name_key("Foo Bar", 7, k);
	assert_string_not_equal(k, "foobaz");
}

static void test_name_richer(void **state)
{
	(void)state;
	assert_true(name_richer("FOO BAR", 7, "Foo Bar", 7));
	assert_true(name_richer("jose garcia", 11, "Jos\xc3\xa9 Garc\xc3\xad" "a", 13));
	assert_false(name_richer("Foo Bar", 7, "FOO BAR", 7));
	assert_false(name_richer("MARIA GONZALEZ", 14, "maria gonzalez", 14));
	assert_false(name_richer("Jos\xc3\xa9", 5, "Jose", 4));
}

static const char text_2019[] =
	"\xe2\x80\x9cHi Bob,\n"
	"We met at the summit \xe2\x80\x94 let's talk.\n"
	"- Sophia\xe2\x80\x9d\n"
	"\n"
	"Sophia Alvarez \t\n"
	"Talent Partner @ Hooli\n"
	"Greater Boston\n"
	"12 connections in common\n"
	"\n"
	"Accept: https://www.linkedin.com/comm/mynetwork/invite-accept/x\n"
	"----------\n"
	"https://www.linkedin.com/x\n";

static void test_lines_classes(void **state)
{
	struct lines *l = malloc(sizeof *l);

	(void)state;
	assert_non_null(l);
	lines_read(l, &pats, text_2019, strlen(text_2019));
	assert_int_equal(l->n, 12);
	assert_int_equal(l->v[0].cls, LINE_TEXT);
	assert_int_equal(l->v[3].cls, LINE_BLANK);
	assert_int_equal(l->v[4].len, strlen("Sophia Alvarez"));	/* trimmed */
	assert_int_equal(l->v[7].cls, LINE_MUTUAL);
	assert_int_equal(l->v[9].cls, LINE_LABEL);
	assert_int_equal(l->v[10].cls, LINE_RULE);
	assert_int_equal(l->v[11].cls, LINE_URL);
	assert_int_equal(l->first_label, 9);
	free(l);
}

/* the note read from TEXT, cleaned */
static void note_is(const char *text, const char *want)
{
	struct lines *l = malloc(sizeof *l);
	char *note;

	assert_non_null(l);
	lines_read(l, &pats, text, strlen(text));
	note = note_find(&pats, l, true);
	assert_non_null(note);
	assert_string_equal(note, want);
	free(note);
	free(l);
}

static void test_note_quoted(void **state)
{
	(void)state;
	note_is(text_2019, "We met at the summit \xe2\x80\x94 let's talk.");
}

static void test_note_reply_quoted(void **state)
{
	(void)state;
	note_is("Follow this link to accept Ann Lee's invitation.\n"
		"https://www.linkedin.com/e/x\n\n"
		"On May 3, 2012, Ann Lee wrote:\n\n"
		"> To: Bob Smith\n> From: Ann Lee\n>\n> Bob,\n>\n"
		"> Great meeting you in\n> Chicago.\n>\n> - Ann\n",
		"Great meeting you in Chicago.");
}

static void test_wrapped_claim(void **state)
{
	static const char text[] =
		"Marcus Bell has indicated you are a Colleague at Globex\n"
		"Corporation\n\nBob,\n";
	struct lines *l = malloc(sizeof *l);

	(void)state;
	assert_non_null(l);
	lines_read(l, &pats, text, strlen(text));
	assert_int_equal(l->v[0].cls, LINE_CLAIM);
	assert_int_equal(l->v[1].cls, LINE_CLAIM);
	assert_int_equal(l->v[0].len, strlen("Marcus Bell has indicated you are a Colleague at "
					     "Globex Corporation"));
	assert_int_equal(l->v[3].cls, LINE_TEXT);
	free(l);
}

/* claim lines in several wordings and languages: kind and organisation */
static void test_claims(void **state)
{
	static const struct {
		const char *line, *org;
		enum claim_kind kind;
	} cases[] = {
		{ "Ann Lee has indicated you're a colleague at Globex Corp.", "Globex Corp",
		  CLAIM_COLLEAGUE },
		{ "ann lee has indicated that you have worked together at Initech", "Initech",
		  CLAIM_COLLEAGUE },
		{ "Ann Lee has indicated you've done business together at Fabrikam:", "Fabrikam",
		  CLAIM_BUSINESS },
		{ "Ann Lee has indicated you studied together at Wake Forest University",
		  "Wake Forest University", CLAIM_CLASSMATE },
		{ "Ana Ruiz ha indicado que sois compañeros en Contoso.", "Contoso", CLAIM_COLLEAGUE },
		{ "Marco Neri ha indicato che avete studiato insieme presso il Politecnico di Milano",
		  "il Politecnico di Milano", CLAIM_CLASSMATE },
		{ "Femke Smit heeft aangegeven dat jullie collega's zijn bij Globex.", "Globex",
		  CLAIM_COLLEAGUE },
		/* issue 23: group and business in every language */
		{ "Jonas Weber hat angegeben, dass Sie Mitglieder der Gruppe PRSA Berlin sind:",
		  "PRSA Berlin", CLAIM_GROUP },
		{ "Luc Martin a indiqué que vous êtes membres du groupe Les Amis du Rail.",
		  "Les Amis du Rail", CLAIM_GROUP },
		{ "Ana Ruiz ha indicado que sois miembros del grupo Ingenieros Madrid:",
		  "Ingenieros Madrid", CLAIM_GROUP },
		{ "João Lima indicou que vocês são membros do grupo Dev Porto:", "Dev Porto",
		  CLAIM_GROUP },
		{ "Marco Neri ha indicato che siete membri del gruppo Fotografi Torino.",
		  "Fotografi Torino", CLAIM_GROUP },
		{ "Femke Smit heeft aangegeven dat jullie leden zijn van de groep Zeilclub Delft:",
		  "Zeilclub Delft", CLAIM_GROUP },
		{ "Jonas Weber hat angegeben, dass Sie mit Initech Geschäfte gemacht haben.",
		  "Initech", CLAIM_BUSINESS },
		{ "Marco Neri ha indicato che avete fatto affari con Fabrikam.", "Fabrikam",
		  CLAIM_BUSINESS },
		/* the rest of every type with an organisation in every language */
		{ "Hannah Lee has indicated you are a fellow group member of Open Data Practitioners:",
		  "Open Data Practitioners", CLAIM_GROUP },
		{ "Jonas Weber hat angegeben, dass Sie Kollegen bei Globex GmbH sind.", "Globex GmbH",
		  CLAIM_COLLEAGUE },
		{ "Jonas Weber hat angegeben, dass Sie zusammen an der TU München studiert haben.",
		  "TU München", CLAIM_CLASSMATE },
		{ "Luc Martin a indiqué que vous êtes collègues chez Initech.", "Initech",
		  CLAIM_COLLEAGUE },
		{ "Luc Martin a indiqué que vous avez étudié ensemble à Sciences Po.", "Sciences Po",
		  CLAIM_CLASSMATE },
		{ "Luc Martin a indiqué que vous avez fait des affaires ensemble avec Vandelay.",
		  "Vandelay", CLAIM_BUSINESS },
		{ "Ana Ruiz ha indicado que estudiasteis juntos en la Universidad de Sevilla.",
		  "la Universidad de Sevilla", CLAIM_CLASSMATE },
		{ "Ana Ruiz ha indicado que habéis hecho negocios juntos en Contoso.", "Contoso",
		  CLAIM_BUSINESS },
		{ "João Lima indicou que vocês são colegas de trabalho na Globex.", "Globex",
		  CLAIM_COLLEAGUE },
		{ "João Lima indicou que vocês estudaram juntos na Universidade do Porto.",
		  "Universidade do Porto", CLAIM_CLASSMATE },
		{ "João Lima indicou que vocês fizeram negócios juntos com Fabrikam.", "Fabrikam",
		  CLAIM_BUSINESS },
		{ "Marco Neri ha indicato che siete colleghi presso Initech.", "Initech",
		  CLAIM_COLLEAGUE },
		{ "Femke Smit heeft aangegeven dat jullie samen hebben gestudeerd aan de TU Delft.",
		  "de TU Delft", CLAIM_CLASSMATE },
		{ "Femke Smit heeft aangegeven dat jullie zaken hebben gedaan met Globex.", "Globex",
		  CLAIM_BUSINESS },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct match m;
		const struct pattern *p;
		const char *g;
		size_t gl;

		p = set_match(patterns_role(&pats, ROLE_CLAIM), cases[i].line,
			      strlen(cases[i].line), &m);
		assert_non_null(p);
		assert_int_equal(p->claim, cases[i].kind);
		g = match_group(&m, "org", &gl);
		assert_non_null(g);
		assert_int_equal(gl, strlen(cases[i].org));
		assert_memory_equal(g, cases[i].org, gl);
	}
}

/* claims without an organisation: friend and other in every language */
static void test_claims_kind(void **state)
{
	static const struct {
		const char *line;
		enum claim_kind kind;
	} cases[] = {
		{ "Ann Lee has indicated you are a Friend", CLAIM_FRIEND },
		{ "Jonas Weber hat angegeben, dass Sie befreundet sind.", CLAIM_FRIEND },
		{ "Luc Martin a indiqué que vous êtes amis.", CLAIM_FRIEND },
		{ "Ana Ruiz ha indicado que sois amigos.", CLAIM_FRIEND },
		{ "João Lima indicou que vocês são amigos.", CLAIM_FRIEND },
		{ "Marco Neri ha indicato che siete amici.", CLAIM_FRIEND },
		{ "Femke Smit heeft aangegeven dat jullie vrienden zijn.", CLAIM_FRIEND },
		{ "Jonas Weber hat angegeben, dass Sie sich kennen.", CLAIM_OTHER },
		{ "Femke Smit heeft aangegeven dat jullie elkaar kennen.", CLAIM_OTHER },
		{ "Ann Lee has indicated you know each other", CLAIM_OTHER },
		{ "Luc Martin a indiqué que vous vous connaissez.", CLAIM_OTHER },
		{ "Ana Ruiz ha indicado que os conocéis.", CLAIM_OTHER },
		{ "João Lima indicou que vocês se conhecem.", CLAIM_OTHER },
		{ "Marco Neri ha indicato che vi conoscete.", CLAIM_OTHER },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct match m;
		const struct pattern *p = set_match(patterns_role(&pats, ROLE_CLAIM),
						    cases[i].line, strlen(cases[i].line), &m);

		assert_non_null(p);
		assert_int_equal(p->claim, cases[i].kind);
	}
}

/* stock notes of every era and language are generic, in any template and
 * with either apostrophe (issue 23) */
static void test_stock_notes(void **state)
{
	static const char *const notes[] = {
		"I'd like to connect with you on LinkedIn.",
		"I\xe2\x80\x99" "d like to add you to my professional network on LinkedIn.",
		"J\xe2\x80\x99" "aimerais vous inviter à rejoindre mon réseau professionnel sur LinkedIn.",
		"Me gustaría añadirte a mi red profesional en LinkedIn.",
		"Ik wil graag deel uitmaken van je LinkedIn-netwerk.",
		/* every sentence of the facts file's §6, in every language */
		"Since you are a person I trust, I wanted to invite you to join my network on LinkedIn.",
		"I'd like to add you to my professional network on LinkedIn.",
		"I'd like to add you to my LinkedIn network.",
		"I'd like to join your LinkedIn network.",
		"Da Sie eine Person sind, der ich vertraue, möchte ich Sie einladen, meinem Netzwerk auf "
		"LinkedIn beizutreten.",
		"Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
		"Ich würde mich gerne Ihrem LinkedIn-Netzwerk anschließen.",
		"Ich möchte mich gerne mit Ihnen auf LinkedIn vernetzen.",
		"Comme vous êtes une personne de confiance, je souhaite vous inviter à rejoindre mon "
		"réseau sur LinkedIn.",
		"J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le site LinkedIn.",
		"J'aimerais faire partie de votre réseau LinkedIn.",
		"Je souhaite rejoindre votre réseau LinkedIn.",
		"J'aimerais vous inviter à rejoindre mon réseau professionnel sur LinkedIn.",
		"Je vous invite à faire partie de mon réseau professionnel sur LinkedIn.",
		"Como eres una persona de confianza, me gustaría invitarte a unirte a mi red en LinkedIn.",
		"Me gustaría formar parte de tu red de LinkedIn.",
		"Me gustaría conectar contigo en LinkedIn.",
		"Me gustaría contactar contigo.",
		"Como você é uma pessoa de confiança, gostaria de convidá-lo a participar da minha rede "
		"no LinkedIn.",
		"Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
		"Gostaria de fazer parte da sua rede no LinkedIn.",
		"Gostaria de me conectar com você no LinkedIn.",
		"Poiché sei una persona di cui mi fido, vorrei invitarti a far parte della mia rete su "
		"LinkedIn.",
		"Vorrei aggiungerti alla mia rete professionale su LinkedIn.",
		"Vorrei entrare a far parte della tua rete su LinkedIn.",
		"Vorrei collegarmi con te su LinkedIn.",
		"Omdat u iemand bent die ik vertrouw, wil ik u uitnodigen voor mijn netwerk op LinkedIn.",
		"Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.",
		"Ik wil graag met je connecten op LinkedIn.",
	};

	(void)state;
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
		if (!role_match(&pats, ROLE_NOTE_GENERIC, notes[i], strlen(notes[i])))
			fail_msg("not a stock note: \"%s\"", notes[i]);
	assert_false(role_match(&pats, ROLE_NOTE_GENERIC, "I'd like to connect about PRSA.",
				strlen("I'd like to connect about PRSA.")));
}

/* footers and legal lines end the inviter's part in seven languages:
 * never a headline or a note (issue 23 item 4) */
static void test_footers(void **state)
{
	static const char *const lines[] = {
		"This email was intended for Bob Smith (Head of Comms at Acme)",
		"Diese E-Mail ist für Klaus Becker (Leiter Vertrieb) bestimmt.",
		"Cet e-mail est destiné à Claire Dubois (Chargée de projet)",
		"Este correo electrónico está dirigido a Lucía Fernández (Ingeniera)",
		"Este e-mail foi enviado para João Pereira (Analista)",
		"Questa email è destinata a Giulia Rossi (Architetta)",
		"Deze e-mail is bedoeld voor Pieter de Vries (Adviseur)",
		"You received an invitation to connect. LinkedIn will use your email address",
		"Has recibido una invitación a conectar. LinkedIn utilizará tu dirección",
		"Sie haben eine Einladung zum Vernetzen erhalten.",
		"Vous avez reçu une invitation à vous connecter.",
		"Você recebeu um convite para se conectar.",
		"Hai ricevuto un invito a collegarti.",
		"Je hebt een uitnodiging ontvangen om te connecten.",
		"This email was sent to tom.reed@example.net.",
		"Learn why we included this: https://www.linkedin.com/e/v2?x",
		"Hier erfahren Sie, warum dies angezeigt wird:",
		"Unsubscribe: https://www.linkedin.com/e/v2?u",
		"Se désabonner : https://www.linkedin.com/e/v2?u",
		"Afmelden",
		"\xc2\xa9 2013 LinkedIn Corporation, 2029 Stierlin Court, Mountain View CA 94043",
		"&copy; 2016 LinkedIn Corporation, 2029 Stierlin Court, Mountain View CA 94043",
		"(c) 2012, LinkedIn Corporation",
		"LinkedIn Corporation, 1zwnj000 West Maude Avenue, Sunnyvale, CA 94085.",
		"1zwnj000 West Maude Avenue, Sunnyvale, CA 94085",
		"LinkedIn Ireland Unlimited Company, Wilton Plaza, Wilton Place, Dublin 2.",
	};
	char text[300];

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		int n = snprintf(text, sizeof text, "Ann Lee\n\n%s\n", lines[i]);

		if (role_first(&pats, ROLE_CUT, text, (size_t)n, NULL) != (long)strlen("Ann Lee\n\n"))
			fail_msg("not a footer: \"%s\"", lines[i]);
	}
	/* a note that merely mentions them is none */
	assert_int_equal(role_first(&pats, ROLE_CUT, "Ann\n\nI unsubscribed from your list.\n", 31, NULL), -1);
}

static void test_text_collapse(void **state)
{
	char s[] = "  a\xc2\xa0\xc2\xa0 b\n\tc\xe2\x80\x8b" "d \xe2\x80\x83 ";

	(void)state;
	text_collapse(s);
	assert_string_equal(s, "a b cd");
}

/* every format character (Cf) goes from every field: isolates around a
 * right-to-left headline, marks, soft hyphens, tags; no space left */
static void test_format_chars(void **state)
{
	char s[] = "\xe2\x81\xa6\xd7\x9e\xd7\xa0\xd7\x94\xd7\x9c\xe2\x81\xa9 "
		   "\xe2\x80\x8f" "at\xe2\x80\x8e Glo\xc2\xad" "bex\xe2\x80\xaa\xe2\x80\xac"
		   "\xf3\xa0\x80\x81\xe2\x81\xa8x\xe2\x81\xa9";

	(void)state;
	text_collapse(s);
	assert_string_equal(s, "\xd7\x9e\xd7\xa0\xd7\x94\xd7\x9c at Globexx");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_key),
		cmocka_unit_test(test_name_richer),
		cmocka_unit_test(test_lines_classes),
		cmocka_unit_test(test_note_quoted),
		cmocka_unit_test(test_note_reply_quoted),
		cmocka_unit_test(test_wrapped_claim),
		cmocka_unit_test(test_claims),
		cmocka_unit_test(test_claims_kind),
		cmocka_unit_test(test_stock_notes),
		cmocka_unit_test(test_footers),
		cmocka_unit_test(test_text_collapse),
		cmocka_unit_test(test_format_chars),
	};

	return cmocka_run_group_tests_name("extract", tests, setup, teardown);
}
