/* greeting.h - the name a reply draft greets the inviter with: the first
 * name of the inviter's name, in Unicode case, titles skipped; or nothing,
 * so that the draft falls back to its neutral greeting
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_GREETING_H
#define LM_GREETING_H

#define MAX_GREETING_NAME 64	/* bytes; a longer first name is refused */

/* greeting_name - the first name of NAME (as the network gave it) to greet
 * with, or NULL when there is none fit for a greeting. The name is first
 * cleaned by person_name ("(she/her)", emoji, ", MBA" out; "Doe, Jane" is
 * "Jane Doe"); words of G's titles (one or more a line, '#' comments)
 * are skipped, and so are G's honorifics when two name words follow them
 * ("Don Raúl Castillo" -> "Raúl", "Don Smith" -> "Don"); a single word
 * after a title is a family name ("Dr. Doe": none); a first word in G's
 * particles ("van den Berg") gives none; a name of three or more words
 * whose first is in G's family_first is greeted by its last ("Nguyễn Văn
 * An" -> "An"); leading
 * words in capitals before a mixed-case word are a family name ("DOE Jane"
 * -> "Jane"); a compound given name of G's list is kept whole ("María
 * José"); "ijsbrand" -> "IJsbrand"; a name all in capitals or all in lower case is written as a
 * name ("JEAN-PIERRE" -> "Jean-Pierre"); a name in Chinese, Japanese or
 * Korean script is kept whole. A first name with anything but letters,
 * combining marks and inner hyphens (quote marks, dots, digits, symbols)
 * is refused. The result is NFC, at most MAX_GREETING_NAME bytes; free() it.
 * NULL with errno ENOMEM when out of memory; errno is 0 after every other
 * return, so a caller tells "no name fit" from "no memory". */
struct greeting_lists {
	const char *titles;	/* "Dr." "Herr": skipped before a first name */
	const char *particles;	/* "de" "van": a name starting so is a family name */
	const char *given;	/* compound given names, one a line ("María José");
				 * "Gian *": joined to whatever word follows */
	const char *honorifics;	/* "Don" "Dona": a title when two name words follow */
	const char *family_first;	/* "Nguyễn": a family name said first */
};
char *greeting_name(const char *name, const struct greeting_lists *g);

/* greeting_formal - for a name that starts with a title of FORMAL (words,
 * '#' comments; "+Herr" is kept when given but asks for nothing), the
 * titles of FORMAL it carries and its family name: "Prof. Dr. Björn
 * Schäfer" -> "Prof. Dr. Schäfer", "Herr Dr. Jürgen Weiß" -> "Herr Dr.
 * Weiß", "Dr. med. Anna Roth" -> "Dr. Roth" (FORMAL spelling, the family
 * name cased as greeting_name cases a first name); NULL when there is no
 * such title or no fit family name (errno as greeting_name's). */
char *greeting_formal(const char *name, const struct greeting_lists *g, const char *formal);

#endif
