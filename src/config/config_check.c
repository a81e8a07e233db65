/* config_check.c - checks of single configuration values: each returns 0,
 * or -1 with a short reason in ERR */
#include "autoconfig.h"
#include "config_check.h"
#include "draft_message.h"
#include "imap_url.h"
#include "store.h"
#include "templates.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "invitation.h"
#include "patterns.h"

static int fail(char *err, size_t len, const char *what)
{
	snprintf(err, len, "%s", what);
	return -1;
}

static int check_port_host(const char *v, bool v6, char *err, size_t len)
{
	char *end;
	long port = strtol(v, &end, 10);

	if (end == v || port < 1 || port > 65535)
		return fail(err, len, "bad socket: the port must be 1 to 65535");
	if (*end == '\0')
		return 0;
	if (*end != '@' || end[1] == '\0')
		return fail(err, len, "bad socket: expected PORT@HOST");
	for (end++; *end; end++)
		if (isspace((unsigned char)*end) || (!v6 && (*end == '[' || *end == ']')))
			return fail(err, len, "bad socket: bad host");
	return 0;
}

int check_socket(const char *v, char *err, size_t len)
{
	if (strncmp(v, "unix:", 5) == 0 || strncmp(v, "local:", 6) == 0) {
		const char *path = strchr(v, ':') + 1;

		if (path[0] != '/')
			return fail(err, len, "bad socket: a unix socket needs an absolute path");
		if (strlen(path) >= 108)
			return fail(err, len, "bad socket: path longer than 107 bytes");
		return 0;
	}
	if (strncmp(v, "inet:", 5) == 0)
		return check_port_host(v + 5, false, err, len);
	if (strncmp(v, "inet6:", 6) == 0)
		return check_port_host(v + 6, true, err, len);
	return fail(err, len,
		    "bad socket: expected unix:/PATH, inet:PORT@HOST or inet6:PORT@HOST");
}

int check_metrics(const char *v, char *err, size_t len)
{
	return *v ? check_socket(v, err, len) : 0;
}

int check_prefix(const char *v, char *err, size_t len)
{
	if (strlen(v) > 200)
		return fail(err, len, "subject prefix longer than 200 bytes");
	return 0;
}

int check_lang(const char *v, char *err, size_t len)
{
	if (strlen(v) != 2 || !islower((unsigned char)v[0]) || !islower((unsigned char)v[1]))
		return fail(err, len, "must be a two-letter language code such as \"en\"");
	return 0;
}

/* "" (the recipient's own address), else what a draft's From may be */
int check_address(const char *v, char *err, size_t len)
{
	if (*v && !draft_plain_address(v))
		return fail(err, len, "must be a plain address such as \"me@example.org\"");
	return 0;
}

int check_folder(const char *v, char *err, size_t len)
{
	size_t n = strlen(v);

	if (n > 200)
		return fail(err, len, "folder name longer than 200 bytes");
	if (n && (isspace((unsigned char)v[0]) || isspace((unsigned char)v[n - 1])))
		return fail(err, len, "folder name starts or ends with a space");
	return 0;
}

int check_detail(const char *v, char *err, size_t len)
{
	if (strlen(v) > 64)
		return fail(err, len, "detail longer than 64 bytes");
	for (; *v; v++)
		if (!isalnum((unsigned char)*v) && !strchr("._-=", *v))
			return fail(err, len, "detail may hold only letters, digits and . _ - =");
	return 0;
}

/* "" (no draft), else a name the templates layer can load */
_Static_assert(TEMPLATE_NAME_MAX == 32, "the message below says 32");
int check_template_name(const char *v, char *err, size_t len)
{
	if (!*v)
		return 0;
	if (strlen(v) > TEMPLATE_NAME_MAX)
		return fail(err, len, "template name longer than 32 bytes");
	/* parts of every draft, not drafts of their own */
	if (!strncmp(v, "send-hint", 9) || !strcmp(v, "subject") || !strcmp(v, "titles") ||
	    !strcmp(v, "given-names") || !strcmp(v, "particles") || !strncmp(v, "no-name", 7))
		return fail(err, len, "send-hint, subject, titles, given-names, particles and no-name are not drafts");
	if (!template_name_ok(v, TEMPLATE_NAME_MAX))
		return fail(err, len, "template name may hold only a-z 0-9 - _");
	return 0;
}

int check_store(const char *v, char *err, size_t len)
{
	if (strncmp(v, "maildir:", 8) == 0) {
		if (v[8] != '/')
			return fail(err, len, "a maildir store needs an absolute path");
		return 0;
	}
	if (strncmp(v, "imap://", 7) == 0 || strncmp(v, "imaps://", 8) == 0) {
		const char *host = strstr(v, "//") + 2;

		if (!*host || *host == '/')
			return fail(err, len, "an IMAP store needs a host");
		return imap_url_check(v, err, len);
	}
	return fail(err, len, "expected maildir:/PATH, imap://HOST/FOLDER or imaps://HOST/FOLDER");
}

int check_folder_name(const char *v, char *err, size_t len)
{
	if (strlen(v) > 100 || v[0] == '.' || strstr(v, ".."))
		return fail(err, len, "a folder name is at most 100 bytes, with no leading '.' "
			    "and no '..'");
	for (; *v; v++)
		if (!isalnum((unsigned char)*v) && !strchr(" ._-", *v))
			return fail(err, len, "a folder name may hold only letters, digits, "
				    "spaces and . _ -");
	return 0;
}

int check_token(const char *v, char *err, size_t len)
{
	if (strlen(v) > 255)
		return fail(err, len, "longer than 255 bytes");
	for (; *v; v++)
		if (isspace((unsigned char)*v) || *v == ';' || *v == '"')
			return fail(err, len, "must be one word (no spaces, ';' or '\"')");
	return 0;
}

int check_delimiter(const char *v, char *err, size_t len)
{
	if (!*v || strlen(v) > 8)
		return fail(err, len, "a recipient delimiter is 1 to 8 characters");
	for (; *v; v++)
		if (!isgraph((unsigned char)*v) || strchr("@<>()[]\\,;:\"", *v))
			return fail(err, len, "a recipient delimiter may hold only printable "
				    "characters allowed in a local part");
	return 0;
}

int check_reason(const char *v, char *err, size_t len)
{
	if (!*v || strlen(v) > 40)
		return fail(err, len, "a reason id is 1 to 40 characters");
	for (; *v; v++)
		if (!islower((unsigned char)*v) && !isdigit((unsigned char)*v) && *v != '-')
			return fail(err, len, "a reason id may hold only a-z 0-9 -");
	return 0;
}

int check_absolute(const char *v, char *err, size_t len)
{
	if (*v && *v != '/')
		return fail(err, len, "must be an absolute path");
	return 0;
}

int check_readable(const char *v, char *err, size_t len)
{
	if (*v && access(v, R_OK) != 0) {
		snprintf(err, len, "cannot read %s: %s", v, strerror(errno));
		return -1;
	}
	return 0;
}

int check_field(const char *v, char *err, size_t len)
{
	if (field_from_name(v) < 0)
		return fail(err, len, "unknown field (inviter.name, inviter.headline, "
			    "inviter.profile_url, inviter.email, note, note_kind, claim, "
			    "claim_org, language, recipient, subject)");
	return 0;
}

int check_regex(const char *v, char *err, size_t len)
{
	pcre2_code *c = compile_regex(v, err, len);

	if (!c)
		return -1;
	pcre2_code_free(c);
	return 0;
}
