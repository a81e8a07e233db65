/* test_classify.c - every default rule in every mode, the boundaries between
 * them, user rules, contacts, claim normalisation, and one test per seed
 * article showing the product follows its advice */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "classify.h"
#include "config.h"
#include "contacts.h"
#include "fold.h"
#include "reasons.h"
#include "strlist.h"

static char dir[] = "/tmp/lm-test-classify.XXXXXX";
static struct config *cfg;

static const char config_text[] =
	"patterns = \"" TOP_SRCDIR "/conf/patterns.conf\";\n"
	"lexicons = \"" TOP_SRCDIR "/conf/lexicons.conf\";\n"
	"owner = { names = [\"Bob Smith\"]; employers = [\"Acme Inc.\", \"Initrode\"];\n"
	"  schools = [\"University of Northfield\"]; groups = [\"Open Data Practitioners\"];\n"
	"  contacts = [\"contacts.txt\", \"contacts.vcf\"]; mode = \"selective\"; };\n"
	"profiles = (\n"
	"  { recipients = [\"^strict@\"]; mode = \"strict\"; },\n"
	"  { recipients = [\"^open@\"]; mode = \"open\"; },\n"
	"  { recipients = [\"^rules@\"]; mode = \"selective\"; }\n"
	");\n"
	"rules = (\n"
	"  { field = \"inviter.headline\"; match = \"(?i)\\\\bcrypto\\\\b\"; verdict = \"ignore\";\n"
	"    reason = \"crypto\"; position = \"before\"; },\n"
	"  { field = \"language\"; match = \"^nl$\"; verdict = \"consider\";\n"
	"    reason = \"dutch-colleagues\"; position = \"after\"; }\n"
	");\n";

static void write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	struct errlist errs = { 0 };
	char path[256];

	if (!mkdtemp(dir))
		return -1;
	write_file("contacts.txt", "# people Bob knows\nJos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez\n"
	      "carol@example.com\nRita Recruiter\n");
	write_file("contacts.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN;ENCODING=QUOTED-PRINTABLE;"
	      "CHARSET=UTF-8:Ren=C3=A9e Fa=\r\nure\r\nEMAIL:renee@example.net\r\nEND:VCARD\r\n"
	      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Tom\r\n  Lee\r\nEND:VCARD\r\n");
	write_file("lm.conf", config_text);
	snprintf(path, sizeof path, "%s/lm.conf", dir);
	cfg = config_load(path, &errs);
	for (size_t i = 0; i < errs.msgs.n; i++)
		fprintf(stderr, "%s\n", errs.msgs.v[i]);
	errlist_free(&errs);
	return cfg ? 0 : -1;
}

static int teardown(void **state)
{
	const char *files[] = { "contacts.txt", "contacts.vcf", "lm.conf" };
	char path[256];

	config_unref(cfg);
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
	return 0;
}

struct row {
	const char *rcpt;		/* chooses the profile: strict@, open@, bob@ */
	const char *name, *email, *headline, *note;
	enum note_kind note_kind;
	enum claim_kind claim;
	const char *claim_org;
	int authentic;
	const char *lang;
	const char *verdict, *reason;
};

static void check(const struct row *r)
{
	struct invitation inv = { 0 };
	struct verdict_result res;
	const struct profile *p = &config_profile(cfg, r->rcpt)->profile;

	inv.kind = KIND_INVITATION;
	inv.authentic = r->authentic;
	inv.name = (char *)r->name;
	inv.email = (char *)r->email;
	inv.headline = (char *)r->headline;
	inv.note = (char *)r->note;
	inv.note_kind = r->note_kind;
	inv.claim = r->claim;
	inv.claim_org = (char *)r->claim_org;
	inv.mutual = -1;
	snprintf(inv.language, sizeof inv.language, "%s", r->lang ? r->lang : "en");
	classify(&cfg->policy, p, &inv, r->rcpt, "I want to connect", &res);
	if (strcmp(verdict_name(res.verdict), r->verdict) != 0 ||
	    strcmp(res.reasons[0], r->reason) != 0)
		fail_msg("%s / %s / %s: got %s (%s), expected %s (%s)", r->rcpt,
			 r->name ? r->name : "-", r->headline ? r->headline : "-",
			 verdict_name(res.verdict), res.reasons[0], r->verdict, r->reason);
}

static void run(const struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		check(&rows[i]);
}

/* rule 1: not authentic is phish in every mode, whatever else matches */
static void test_rule1_phish(void **state)
{
	const struct row rows[] = {
		{ "bob@x", "José Núñez", NULL, NULL, NULL, NOTE_NONE, 0, NULL, 0, 0, "phish", "not-authentic" },
		{ "strict@x", "A B", NULL, "crypto fan", NULL, NOTE_NONE, 0, NULL, 0, 0, "phish", "not-authentic" },
		{ "open@x", "A B", NULL, NULL, "We met at PRSA", NOTE_PERSONAL, 0, NULL, 0, 0, "phish", "not-authentic" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* rule 2: contacts by address, by name without case or accents, from vCard */
static void test_rule2_known_inviter(void **state)
{
	const struct row rows[] = {
		{ "bob@x", "JOSE NUNEZ", NULL, NULL, NULL, NOTE_NONE, 0, NULL, 1, 0, "accept", "known-inviter" },
		{ "strict@x", "Somebody", "Carol@Example.com", NULL, NULL, NOTE_NONE, 0, NULL, 1, 0, "accept", "known-inviter" },
		{ "open@x", "Renée Faure", NULL, NULL, NULL, NOTE_GENERIC, 0, NULL, 1, 0, "accept", "known-inviter" },
		{ "bob@x", "tom lee", NULL, NULL, NULL, NOTE_NONE, 0, NULL, 1, 0, "accept", "known-inviter" },
		/* a known contact who is also a recruiter is accepted */
		{ "bob@x", "Rita Recruiter", NULL, "Senior Recruiter at Hooli", NULL, NOTE_NONE, 0, NULL, 1, 0, "accept", "known-inviter" },
		/* a known "friend" is a friend */
		{ "strict@x", "José Núñez", NULL, NULL, NULL, NOTE_GENERIC, CLAIM_FRIEND, NULL, 1, 0, "accept", "known-inviter" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* rule 3: claims checked against employers, schools and groups */
static void test_rule3_claim_mismatch(void **state)
{
	const struct row rows[] = {
		{ "bob@x", "Ann", NULL, NULL, NULL, NOTE_GENERIC, CLAIM_COLLEAGUE, "Initech", 1, 0, "ask", "claim-mismatch" },
		{ "strict@x", "Ann", NULL, NULL, NULL, NOTE_GENERIC, CLAIM_CLASSMATE, "Southfield College", 1, 0, "ask", "claim-mismatch" },
		{ "open@x", "Ann", NULL, NULL, NULL, NOTE_NONE, CLAIM_GROUP, "Crypto Traders", 1, 0, "ask", "claim-mismatch" },
		{ "open@x", "Ann", NULL, NULL, NULL, NOTE_NONE, CLAIM_FRIEND, NULL, 1, 0, "ask", "claim-mismatch" },
		/* a former employer the owner lists, written differently: no mismatch */
		{ "bob@x", "Ann", NULL, NULL, NULL, NOTE_GENERIC, CLAIM_COLLEAGUE, "ACME, Inc", 1, 0, "ask", "generic-note" },
		{ "bob@x", "Ann", NULL, NULL, NULL, NOTE_GENERIC, CLAIM_COLLEAGUE, "Initrode", 1, 0, "ask", "generic-note" },
		/* "Northfield University" is the owner's "University of Northfield" */
		{ "strict@x", "Ann", NULL, NULL, NULL, NOTE_GENERIC, CLAIM_CLASSMATE, "Northfield University", 1, 0, "decline", "generic-note" },
		{ "open@x", "Ann", NULL, NULL, NULL, NOTE_NONE, CLAIM_GROUP, "open data practitioners", 1, 0, "consider", "no-note" },
		/* business and other claims are not checked */
		{ "bob@x", "Ann", NULL, NULL, NULL, NOTE_NONE, CLAIM_BUSINESS, "Tailspin Toys", 1, 0, "ask", "no-note" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* rule 4: the numbers game, in note or headline, in every mode */
static void test_rule4_numbers_game(void **state)
{
	const struct row rows[] = {
		{ "bob@x", "Ann", NULL, "LION | 25,000+ connections", NULL, NOTE_NONE, 0, NULL, 1, 0, "ignore", "numbers-game" },
		{ "strict@x", "Ann", NULL, "Open Networker", NULL, NOTE_GENERIC, 0, NULL, 1, 0, "ignore", "numbers-game" },
		{ "open@x", "Ann", NULL, NULL, "I accept all invitations, never IDK!", NOTE_PERSONAL, 0, NULL, 1, 0, "ignore", "numbers-game" },
		{ "bob@x", "Ann", NULL, NULL, "Ich nehme alle Kontaktanfragen an.", NOTE_PERSONAL, 0, NULL, 1, "de", "ignore", "numbers-game" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* rule 5: pitches declined unless the owner is open */
static void test_rule5_pitch(void **state)
{
	const struct row rows[] = {
		{ "bob@x", "Ann", NULL, "Talent Acquisition Partner at Initech", NULL, NOTE_GENERIC, 0, NULL, 1, 0, "decline", "unsolicited-pitch" },
		/* someone you met is not a stranger, whatever their job (and see test_shared_context_pitch) */
		{ "strict@x", "Ann", NULL, "Real Estate Agent", "We met at PRSA", NOTE_PERSONAL, 0, NULL, 1, 0, "consider", "shared-context" },
		/* a note that sells is a pitch too */
		{ "bob@x", "Ann", NULL, "Founder", "We can cut your print costs by 30 %.", NOTE_PERSONAL, 0, NULL, 1, 0, "decline", "unsolicited-pitch" },
		/* the employer's name is no pitch, nor a field of work */
		{ "bob@x", "Ann", NULL, "Software Engineer at Zurich Insurance", NULL, NOTE_NONE, 0, NULL, 1, 0, "ask", "no-note" },
		{ "bob@x", "Ann", NULL, "Data Scientist, Mortgage Risk Models", NULL, NOTE_NONE, 0, NULL, 1, 0, "ask", "no-note" },
		/* another language's list does not read an English headline */
		{ "bob@x", "Ann", NULL, "Commercial Lawyer at Baker Partners", NULL, NOTE_NONE, 0, NULL, 1, "en", "ask", "no-note" },
		{ "bob@x", "Ann", NULL, "Immobilienmaklerin bei Haus & Hof", NULL, NOTE_NONE, 0, NULL, 1, "de", "decline", "unsolicited-pitch" },
		{ "bob@x", "Ann", NULL, "Conseillère en gestion de patrimoine", NULL, NOTE_NONE, 0, NULL, 1, "fr", "decline", "unsolicited-pitch" },
		{ "bob@x", "Ann", NULL, "Corretora de seguros", NULL, NOTE_NONE, 0, NULL, 1, "pt", "decline", "unsolicited-pitch" },
		/* a recruiter in open mode: let people in */
		{ "open@x", "Ann", NULL, "Senior Recruiter", NULL, NOTE_GENERIC, 0, NULL, 1, 0, "consider", "generic-note" },
		{ "open@x", "Ann", NULL, "Insurance broker", "We met at the PRSA conference", NOTE_PERSONAL, 0, NULL, 1, 0, "consider", "shared-context" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* rules 6 and 7: personal notes, with and without shared context */
static void test_rules6_7_personal_notes(void **state)
{
	const struct row rows[] = {
		{ "bob@x", "Ann", NULL, NULL, "Great meeting you at the summit", NOTE_PERSONAL, 0, NULL, 1, 0, "consider", "shared-context" },
		{ "strict@x", "Ann", NULL, NULL, "I enjoyed your talk; we both worked at Initrode years ago", NOTE_PERSONAL, 0, NULL, 1, 0, "consider", "shared-context" },
		{ "open@x", "Ann", NULL, NULL, "Nous nous sommes rencontrés à Lyon.", NOTE_PERSONAL, 0, NULL, 1, "fr", "consider", "shared-context" },
		{ "bob@x", "Ann", NULL, NULL, "Your profile looks interesting.", NOTE_PERSONAL, 0, NULL, 1, 0, "consider", "personal-note" },
		{ "strict@x", "Ann", NULL, NULL, "Your profile looks interesting.", NOTE_PERSONAL, 0, NULL, 1, 0, "ask", "personal-note" },
		{ "open@x", "Ann", NULL, NULL, "Your profile looks interesting.", NOTE_PERSONAL, 0, NULL, 1, 0, "consider", "personal-note" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* rule 8: generic or no note, per mode */
static void test_rule8_generic_and_no_note(void **state)
{
	const struct row rows[] = {
		{ "bob@x", "Ann", NULL, NULL, "I'd like to join your LinkedIn network.", NOTE_GENERIC, 0, NULL, 1, 0, "ask", "generic-note" },
		{ "strict@x", "Ann", NULL, NULL, "I'd like to join your LinkedIn network.", NOTE_GENERIC, 0, NULL, 1, 0, "decline", "generic-note" },
		{ "open@x", "Ann", NULL, NULL, "I'd like to join your LinkedIn network.", NOTE_GENERIC, 0, NULL, 1, 0, "consider", "generic-note" },
		{ "bob@x", "Ann", NULL, "Engineer", NULL, NOTE_NONE, 0, NULL, 1, 0, "ask", "no-note" },
		{ "strict@x", "Ann", NULL, "Engineer", NULL, NOTE_NONE, 0, NULL, 1, 0, "decline", "no-note" },
		{ "open@x", "Ann", NULL, "Engineer", NULL, NOTE_NONE, 0, NULL, 1, 0, "consider", "no-note" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* user rules: before the defaults (but never before phish), after them
 * before the fallbacks */
static void test_user_rules(void **state)
{
	const struct row rows[] = {
		{ "rules@x", "Ann", NULL, "Crypto evangelist", NULL, NOTE_NONE, 0, NULL, 1, 0, "ignore", "crypto" },
		{ "rules@x", "José Núñez", NULL, "Crypto evangelist", NULL, NOTE_NONE, 0, NULL, 1, 0, "ignore", "crypto" },
		{ "rules@x", "Ann", NULL, "Crypto evangelist", NULL, NOTE_NONE, 0, NULL, 0, 0, "phish", "not-authentic" },
		{ "rules@x", "Ann", NULL, NULL, NULL, NOTE_NONE, 0, NULL, 1, "nl", "consider", "dutch-colleagues" },
		/* an "after" rule does not override a specific default rule */
		{ "rules@x", "Ann", NULL, "Recruiter", NULL, NOTE_NONE, 0, NULL, 1, "nl", "decline", "unsolicited-pitch" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* seed 000: turning down a pitch is a courteous "decline" with a reply, never silence */
static void test_seed000_decline_respectfully(void **state)
{
	struct row r = { "bob@x", "Jo", NULL, "Business Development Manager", NULL, NOTE_NONE, 0, NULL, 1, 0, "decline", "unsolicited-pitch" };
	const struct profile *p = &config_profile(cfg, "bob@x")->profile;

	check(&r);
	assert_string_equal(p->actions[VERDICT_DECLINE].draft, "decline");
}

/* seed 001: strangers with no reason, recruiters, HR and real estate are refused when strict */
static void test_seed001_refuse_strangers_without_reason(void **state)
{
	const struct row rows[] = {
		{ "strict@x", "Ann", NULL, "Consultant", NULL, NOTE_GENERIC, 0, NULL, 1, 0, "decline", "generic-note" },
		{ "strict@x", "Ann", NULL, "HR Manager", NULL, NOTE_NONE, 0, NULL, 1, 0, "decline", "unsolicited-pitch" },
		{ "strict@x", "Ann", NULL, "Realtor", NULL, NOTE_NONE, 0, NULL, 1, 0, "decline", "unsolicited-pitch" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* seed 002: a false "friend" or classmate claim gets a reply without accepting */
static void test_seed002_false_friend_gets_ask(void **state)
{
	const struct row rows[] = {
		{ "bob@x", "Betty CPA", NULL, NULL, NULL, NOTE_GENERIC, CLAIM_FRIEND, NULL, 1, 0, "ask", "claim-mismatch" },
		{ "bob@x", "Betty CPA", NULL, NULL, NULL, NOTE_GENERIC, CLAIM_CLASSMATE, "Wake Forest University", 1, 0, "ask", "claim-mismatch" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* seed 003: while job-hunting (open), a generic note is worth considering */
static void test_seed003_job_seeker_considers_generic_note(void **state)
{
	const struct row r = { "open@x", "Ann", NULL, "Hiring Manager", "I'd like to join your LinkedIn network.", NOTE_GENERIC, 0, NULL, 1, 0, "consider", "generic-note" };
	check(&r);
}

/* seed 004: context ("we met at") earns a look; the numbers game is ignored;
 * a stock note gets "ask": remind me where we met */
static void test_seed004_context_or_ignore(void **state)
{
	const struct row rows[] = {
		{ "bob@x", "Ann", NULL, NULL, "We met after your talk at the PRSA conference.", NOTE_PERSONAL, 0, NULL, 1, 0, "consider", "shared-context" },
		{ "bob@x", "Ann", NULL, "Open networker (LION)", NULL, NOTE_NONE, 0, NULL, 1, 0, "ignore", "numbers-game" },
		{ "bob@x", "Ann", NULL, NULL, "I'd like to add you to my professional network on LinkedIn.", NOTE_GENERIC, 0, NULL, 1, 0, "ask", "generic-note" },
	};
	run(rows, sizeof rows / sizeof rows[0]);
}

/* a note naming where you met, from a recruiter: consider, and both reasons */
static void test_shared_context_pitch(void **state)
{
	struct invitation inv = { .kind = KIND_INVITATION, .authentic = 1, .mutual = -1,
				  .headline = "Talent Partner @ Hooli | Hiring engineers in Berlin & Lisbon",
				  .note = "We met at the Open Data Summit in Lisbon",
				  .note_kind = NOTE_PERSONAL, .language = "en" };
	struct verdict_result res;
	char text[300];

	classify(&cfg->policy, &cfg->owner.profile, &inv, "bob@x", "s", &res);
	assert_string_equal(verdict_name(res.verdict), "consider");
	assert_int_equal(res.n_reasons, 2);
	assert_string_equal(res.reasons[0], "shared-context");
	assert_string_equal(res.reasons[1], "unsolicited-pitch");
	explain(&cfg->owner.profile, &inv, &res, 1, text, sizeof text);
	assert_string_equal(text, "the job title \"Talent Partner\" is a sales, recruiting, property, "
			    "insurance or finance role, and you are not in open mode");
}

static void test_explain(void **state)
{
	struct invitation inv = { .kind = KIND_INVITATION, .authentic = 1, .claim = CLAIM_COLLEAGUE,
				  .claim_org = "Initech", .note_kind = NOTE_GENERIC, .mutual = -1 };
	struct verdict_result res;
	char text[300];

	classify(&cfg->policy, &cfg->owner.profile, &inv, "bob@x", "s", &res);
	explain(&cfg->owner.profile, &inv, &res, 0, text, sizeof text);
	assert_string_equal(text, "claims to be a colleague at Initech, which is not one of your employers");
}

/* every reason id of the table comes back to its own number, and any other
 * text (a user rule's) is REASON_USER, counted as "other" */
static void test_reason_table(void **state)
{
	(void)state;
	for (int r = 0; r < REASON_USER; r++) {
		assert_non_null(reason_name((enum reason)r));
		assert_non_null(strchr(reason_name((enum reason)r), '-'));
		assert_int_equal(reason_from_name(reason_name((enum reason)r)), r);
	}
	assert_string_equal(reason_name(REASON_CLAIM_MISMATCH), "claim-mismatch");
	assert_string_equal(reason_name(REASON_NO_NOTE), "no-note");
	assert_int_equal(reason_from_name("too pushy"), REASON_USER);
	assert_int_equal(reason_from_name("friend"), REASON_USER);
	assert_int_equal(reason_from_name(NULL), REASON_USER);
	assert_string_equal(reason_label(REASON_USER), "other");
	assert_string_equal(reason_label(REASON_COUNT + 3), "other");
}

/* the field table: every rule field's name finds its row again, the
 * number field is no rule field, and each text comes from its own member */
static void test_field_table(void **state)
{
	struct invitation inv = { .kind = KIND_INVITATION, .name = "N", .headline = "H",
				  .profile_url = "U", .email = "E", .note = "T",
				  .note_kind = NOTE_GENERIC, .claim = CLAIM_FRIEND,
				  .claim_org = "O", .mutual = 7, .language = "de" };
	const struct field_src src = { &inv, "r@example.org", "S" };
	static const char *const want[FIELD_COUNT] = {
		"N", "H", "U", "E", "T", "generic", "friend", "O", NULL, "de",
		"r@example.org", "S"
	};

	(void)state;
	for (int f = 0; f < FIELD_COUNT; f++) {
		const struct field_def *d = field_def((enum field)f);

		assert_non_null(d);
		assert_non_null(d->name);
		assert_int_equal(field_from_name(d->name), d->rule ? f : -1);
		if (want[f])
			assert_string_equal(field_text((enum field)f, &src), want[f]);
		else
			assert_null(field_text((enum field)f, &src));
	}
	assert_string_equal(field_name(FIELD_EMAIL), "inviter.email");
	assert_int_equal(field_from_name("mutual"), -1);
	assert_int_equal(field_def(FIELD_MUTUAL)->number(&src), 7);
	assert_null(field_def(FIELD_COUNT));
	inv.kind = KIND_NOTIFICATION;	/* a note kind only for invitations and reminders */
	assert_null(field_text(FIELD_NOTE_KIND, &src));
}

static void test_fold(void **state)
{
	char *f = fold("  José   NÚÑEZ-García, Jr. ");

	assert_string_equal(f, "jose nunez garcia jr");
	free(f);
	f = fold("Straße Ærø Łódź");
	assert_string_equal(f, "strasse aero lodz");
	free(f);
	/* every script, one folding (libunistring): no locale needed */
	f = fold("ИВАН Петров · ΓΙΏΡΓΟΣ · Nguyễn Văn · İPEK Yıldız · ĐỖ");
	assert_string_equal(f, "иван петров γιωργοσ nguyen van ipek yildiz do");
	free(f);
}

/* issue 23 item 9: a name is found inside text of a script written without
 * spaces (Japanese, Chinese, Thai), still only as a whole word */
static void test_fold_nospace(void **state)
{
	static const struct {
		const char *hay, *needle;
		int want;
	} cases[] = {
		{ "PRSAの国際会議で名刺を交換しました。", "PRSA", 1 },
		{ "我们在PRSA年会上见过面，希望保持联系。", "prsa", 1 },
		{ "เราพบกันที่งาน PRSAประจำปี", "PRSA", 1 },
		{ "我们在Comms Leaders Forum见过面。", "Comms Leaders Forum", 1 },
		{ "PRSAXの会議", "PRSA", 0 },
		{ "我们在XPRSA年会上见过面", "PRSA", 0 },
		{ "We met at PRSA.", "PRSA", 1 },
		{ "We met at PRSAcon.", "PRSA", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *h = fold(cases[i].hay), *n = fold(cases[i].needle);

		assert_non_null(h);
		assert_non_null(n);
		if (fold_contains(h, n) != cases[i].want)
			fail_msg("\"%s\" in \"%s\": not %d", cases[i].needle, cases[i].hay, cases[i].want);
		free(h);
		free(n);
	}
}

/* issue 24: a known contact's LinkedIn name with a title, a credential,
 * pronouns, an emoji, the family name first, or another script matches the
 * name in the contacts file without them; strangers stay strangers */
static void test_contact_names(void **state)
{
	static const char *const known[] = {
		"Dr. Sabine Krüger", "Kevin Osei, MBA", "Jane Doe (she/her)", "Jane Doe \xf0\x9f\x9a\x80",
		"Dra. Ana Conceição", "Drs. Sanne de Vries", "Prof. Dr. Björn Schäfer", "Herr Jürgen Weiß",
		"KRÜGER, Sabine", "Doe, Jane", "Osei, Kevin, MBA", "ANA CONCEICAO", "иван петров",
		"ΓΙΏΡΓΟΣ ΠΑΠΑΔΆΚΗΣ", "Nguyen Van An", "İpek Yıldız", "IPEK YILDIZ", "Maria José Núñez García",
		"Núñez García, María José", "Lars Ødegård",
		/* the review of 2026-12-05: family name first, honorifics, titles as register */
		"NGUYỄN VĂN AN", "Don Raúl Castillo", "Doña Carmen Ruiz", "Herr Dr. Jürgen Weiß",
		"Avv. Marco Bellini", "Dott.ssa Giulia Bianchi", "PROF. DR. BJÖRN SCHÄFER",
	};
	static const char *const unknown[] = {
		"Sabine Krüger-Hahn", "Kevin", "Dr. Doe", "Jane", "Anna Conceição", "Mr. Osei", "",
		"Nguyễn Văn Anh", "Don Castillo", "Raúl", "Avv. Bellini",
	};
	char path[256], file[300];
	struct strlist files = { 0 };
	struct errlist errs = { 0 };
	struct contacts *c;

	snprintf(path, sizeof path, "%s/names.txt", dir);
	write_file("names.txt", "Sabine Krüger\nKevin Osei\nJane Doe\nAna Conceição\nSanne de Vries\n"
		   "Björn Schäfer\nJürgen Weiß\nИван Петров\nΓιώργος Παπαδάκης\nNguyễn Văn An\n"
		   "İpek Yıldız\nMaría José Núñez García\nLars Odegard\n"
		   "Raúl Castillo\nCarmen Ruiz\nMarco Bellini\nGiulia Bianchi\n");
	snprintf(file, sizeof file, "%s", path);
	assert_int_equal(strlist_add(&files, file), 0);
	c = contacts_load(&files, &errs);
	assert_non_null(c);
	assert_int_equal(errs.msgs.n, 0);
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (!contacts_has_name(c, known[i]))
			fail_msg("\"%s\" is not recognised", known[i]);
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
		if (contacts_has_name(c, unknown[i]))
			fail_msg("\"%s\" is taken for a contact", unknown[i]);
	contacts_free(c);
	strlist_free(&files);
	errlist_free(&errs);
	unlink(path);
}

/* issue 23 item 10: "Family, Given" as corporate address books write it,
 * in a plain contacts file and in a vCard FN (its comma escaped, RFC 6350),
 * is the same person as "Given Family" in an invitation, and the other way */
static void test_contact_family_first(void **state)
{
	char plain[256], vcf[256];
	struct strlist files = { 0 };
	struct errlist errs = { 0 };
	struct contacts *c;

	(void)state;
	snprintf(plain, sizeof plain, "%s/family-first.txt", dir);
	snprintf(vcf, sizeof vcf, "%s/family-first.vcf", dir);
	write_file("family-first.txt", "Okafor, Imani\nSchäfer, Björn\n");
	write_file("family-first.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Mensah;Kofi;;;\r\n"
		   "FN:Mensah\\, Kofi\r\nEND:VCARD\r\n");
	assert_int_equal(strlist_add(&files, plain), 0);
	assert_int_equal(strlist_add(&files, vcf), 0);
	c = contacts_load(&files, &errs);
	assert_non_null(c);
	assert_int_equal(errs.msgs.n, 0);
	assert_true(contacts_has_name(c, "Imani Okafor"));
	assert_true(contacts_has_name(c, "Okafor, Imani"));
	assert_true(contacts_has_name(c, "Björn Schäfer"));
	assert_true(contacts_has_name(c, "Kofi Mensah"));
	assert_true(contacts_has_name(c, "Mensah, Kofi"));
	assert_false(contacts_has_name(c, "Kofi Okafor"));
	assert_false(contacts_has_name(c, "Imani"));
	contacts_free(c);
	strlist_free(&files);
	errlist_free(&errs);
	unlink(plain);
	unlink(vcf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule1_phish),
		cmocka_unit_test(test_rule2_known_inviter),
		cmocka_unit_test(test_rule3_claim_mismatch),
		cmocka_unit_test(test_rule4_numbers_game),
		cmocka_unit_test(test_rule5_pitch),
		cmocka_unit_test(test_rules6_7_personal_notes),
		cmocka_unit_test(test_rule8_generic_and_no_note),
		cmocka_unit_test(test_user_rules),
		cmocka_unit_test(test_seed000_decline_respectfully),
		cmocka_unit_test(test_seed001_refuse_strangers_without_reason),
		cmocka_unit_test(test_seed002_false_friend_gets_ask),
		cmocka_unit_test(test_seed003_job_seeker_considers_generic_note),
		cmocka_unit_test(test_seed004_context_or_ignore),
		cmocka_unit_test(test_shared_context_pitch),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_reason_table),
		cmocka_unit_test(test_field_table),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_nospace),
		cmocka_unit_test(test_contact_names),
		cmocka_unit_test(test_contact_family_first),
	};

	return cmocka_run_group_tests_name("classify", tests, setup, teardown);
}
