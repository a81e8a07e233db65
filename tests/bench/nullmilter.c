/*
 * nullmilter.c - a do-nothing libmilter filter: the floor for benchmarks and the
 * end-to-end harness self-tests.
 *
 * It adds exactly one header, "X-Null-Milter: yes", at the end of every message
 * and changes nothing else.  Every protocol step up to the end of the message is
 * negotiated and answered with "continue", so the MTA sends connect, HELO,
 * envelope, headers and body as it would to a real content filter; the cost
 * measured is that of the milter protocol itself.
 *
 * Build:  cc -O2 -Wall -Wextra -o nullmilter nullmilter.c -lmilter -lpthread
 * Run:    nullmilter -p unix:/run/x/null.sock [-m 0666]
 *         nullmilter -p inet:9999@127.0.0.1
 *   -p SPEC  libmilter connection spec (unix:/path, local:/path, inet:PORT@HOST,
 *            inet6:PORT@HOST)
 *   -m MODE  octal mode set on a unix socket once it is created, so that an MTA
 *            running as another user (postfix) can connect
 * Runs in the foreground; SIGTERM (or SIGINT, SIGHUP) stops it, as libmilter
 * handles those signals itself.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <libmilter/mfapi.h>

static sfsistat
null_connect(SMFICTX *ctx, char *host, _SOCK_ADDR *addr)
{
	(void)ctx; (void)host; (void)addr;
	return SMFIS_CONTINUE;
}

static sfsistat
null_helo(SMFICTX *ctx, char *name)
{
	(void)ctx; (void)name;
	return SMFIS_CONTINUE;
}

static sfsistat
null_envelope(SMFICTX *ctx, char **argv)
{
	(void)ctx; (void)argv;
	return SMFIS_CONTINUE;
}

static sfsistat
null_header(SMFICTX *ctx, char *name, char *value)
{
	(void)ctx; (void)name; (void)value;
	return SMFIS_CONTINUE;
}

static sfsistat
null_ctx(SMFICTX *ctx)
{
	(void)ctx;
	return SMFIS_CONTINUE;
}

static sfsistat
null_body(SMFICTX *ctx, unsigned char *chunk, size_t len)
{
	(void)ctx; (void)chunk; (void)len;
	return SMFIS_CONTINUE;
}

static sfsistat
null_eom(SMFICTX *ctx)
{
	if (smfi_addheader(ctx, "X-Null-Milter", "yes") != MI_SUCCESS)
		return SMFIS_TEMPFAIL;
	return SMFIS_CONTINUE;
}

static struct smfiDesc null_desc = {
	"nullmilter",		/* filter name */
	SMFI_VERSION,		/* version code */
	SMFIF_ADDHDRS,		/* flags: we only add headers */
	null_connect,		/* connection info */
	null_helo,		/* SMTP HELO */
	null_envelope,		/* envelope sender */
	null_envelope,		/* envelope recipient */
	null_header,		/* header */
	null_ctx,		/* end of header */
	null_body,		/* body block */
	null_eom,		/* end of message */
	null_ctx,		/* message aborted */
	null_ctx,		/* connection cleanup */
	NULL,			/* unknown SMTP command */
	NULL,			/* DATA command */
	NULL			/* option negotiation */
};

/* the file name of a unix socket spec, or NULL for an inet one */
static const char *
unix_path(const char *spec)
{
	if (strncmp(spec, "unix:", 5) == 0)
		return spec + 5;
	if (strncmp(spec, "local:", 6) == 0)
		return spec + 6;
	if (spec[0] == '/')
		return spec;
	return NULL;
}

static void
usage(const char *prog)
{
	fprintf(stderr, "usage: %s -p SOCKET [-m MODE]\n", prog);
	exit(64);
}

int
main(int argc, char **argv)
{
	const char *spec = NULL, *path;
	long mode = -1;
	mode_t old_umask = 0;
	char *end;
	int c;

	while ((c = getopt(argc, argv, "p:m:h")) != -1) {
		switch (c) {
		case 'p':
			spec = optarg;
			break;
		case 'm':
			errno = 0;
			mode = strtol(optarg, &end, 8);
			if (errno != 0 || *end != '\0' || mode < 0 || mode > 07777)
				usage(argv[0]);
			break;
		default:
			usage(argv[0]);
		}
	}
	if (spec == NULL || optind != argc)
		usage(argv[0]);

	if (smfi_setconn((char *)spec) != MI_SUCCESS) {
		fprintf(stderr, "nullmilter: bad socket %s\n", spec);
		return 69;
	}
	if (smfi_register(null_desc) != MI_SUCCESS) {
		fprintf(stderr, "nullmilter: smfi_register failed\n");
		return 70;
	}
	/* create a unix socket with its final mode already, so that nobody waiting for
	 * the file to appear can find it with the wrong one; chmod for the record */
	if (mode >= 0)
		old_umask = umask((mode_t)(~mode & 0777));
	if (smfi_opensocket(1) != MI_SUCCESS) {
		fprintf(stderr, "nullmilter: cannot open %s\n", spec);
		return 71;
	}
	if (mode >= 0)
		umask(old_umask);
	path = unix_path(spec);
	if (mode >= 0 && path != NULL && chmod(path, (mode_t)mode) != 0) {
		fprintf(stderr, "nullmilter: chmod %s: %s\n", path, strerror(errno));
		return 71;
	}
	return smfi_main() == MI_SUCCESS ? 0 : 1;
}
