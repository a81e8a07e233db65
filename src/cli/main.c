/* main.c - the command line: check the configuration, run test mode on
 * message files, print versions, or start the milter daemon */
#include "autoconfig.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include "config.h"
#include "log.h"
#include "daemon.h"
#include "daemon_os.h"
#include "version.h"
#include "strlist.h"

#define DEFAULT_CONFIG SYSCONFDIR "/linkedin-milter.conf"

struct options {
	const char *config;	/* NULL: default file, or the built-in defaults */
	bool config_given;
	bool foreground, check, test, explain, version;
	const char *drafts;	/* test mode: write drafts (store or "" = configured) */
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: linkedin-milter [-c FILE] [-f]          run the milter (-f: foreground)\n"
		"       linkedin-milter [-c FILE] -n            check the configuration\n"
		"       linkedin-milter [-c FILE] -t [--explain] [--drafts[=STORE]] FILE|DIR|- ...\n"
		"                                               test mode: one JSON line per message\n"
		"       linkedin-milter -V                      versions of the program and its libraries\n"
		"       linkedin-milter -h                      this help\n"
		"default configuration: %s (built-in defaults when it does not exist)\n",
		DEFAULT_CONFIG);
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "explain", no_argument, NULL, 'E' },
		{ "drafts", optional_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "c:fntVh", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': o->config = optarg; o->config_given = true; break;
		case 'f': o->foreground = true; break;
		case 'n': o->check = true; break;
		case 't': o->test = true; break;
		case 'E': o->explain = true; break;
		case 'D': o->drafts = optarg ? optarg : ""; break;
		case 'V': o->version = true; break;
		case 'h': usage(stdout); exit(EX_OK);
		default: usage(stderr); return -1;
		}
	}
	if ((o->explain || o->drafts) && !o->test) {
		fprintf(stderr, "linkedin-milter: --explain and --drafts go with -t\n");
		return -1;
	}
	if (o->check + o->test + o->version > 1) {
		fprintf(stderr, "linkedin-milter: -n, -t and -V exclude each other\n");
		return -1;
	}
	if (o->test && optind >= argc) {
		fprintf(stderr, "linkedin-milter: -t needs a FILE, DIR or -\n");
		return -1;
	}
	if (!o->test && optind < argc) {
		fprintf(stderr, "linkedin-milter: unexpected argument '%s'\n", argv[optind]);
		return -1;
	}
	return 0;
}

/* the configuration named on the command line, the default file, or the
 * built-in defaults when no file was named and the default does not exist */
static struct config *load_config(const struct options *o, bool quiet)
{
	struct errlist errs = { 0 };
	const char *file = o->config;
	struct config *c;

	if (!o->config_given) {
		file = access(DEFAULT_CONFIG, F_OK) == 0 ? DEFAULT_CONFIG : NULL;
		if (!file && !quiet)
			fprintf(stderr, "linkedin-milter: %s does not exist: using the built-in defaults\n",
				DEFAULT_CONFIG);
	}
	c = config_load(file, &errs);
	for (size_t i = 0; i < errs.msgs.n; i++)
		fprintf(stderr, "%s\n", errs.msgs.v[i]);
	if (errs.oom)
		fprintf(stderr, "linkedin-milter: out of memory while reading the configuration\n");
	errlist_free(&errs);
	return c;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct config *c;
	int rc;

	if (parse_options(argc, argv, &o) < 0)
		return EX_USAGE;
	if (o.version) {
		print_versions(stdout);
		return EX_OK;
	}
	log_open("linkedin-milter", o.check || o.test || o.foreground, LOG_MAIL, LOG_INFO);
	c = load_config(&o, o.test);
	if (o.check) {
		if (c && !c->owner.profile.names.n)	/* drafts would be signed by nobody */
			fprintf(stderr, "%s: warning: owner.names is empty: reply drafts end without "
				"a name and have no display name in From\n",
				c->file ? c->file : "built-in defaults");
		if (c)
			printf("%s: configuration OK\n", c->file ? c->file : "built-in defaults");
		config_unref(c);
		return c ? EX_OK : 1;
	}
	if (!c)
		return EX_CONFIG;
	log_set_level(config_log_level(c));
	if (!c->engine.patterns.jit)	/* e.g. under MemoryDenyWriteExecute=yes */
		log_msg(o.test ? LOG_INFO : LOG_NOTICE,
			"PCRE2 JIT unavailable (no writable executable memory): patterns run in the interpreter");
	if (o.test)
		rc = test_mode(c, argv + optind, argc - optind, o.explain, o.drafts);
	else {
		rc = daemon_run(c, o.config ? o.config : (c->file ? c->file : NULL),
				o.foreground);
		background_status(rc);	/* a failure after the fork: the shell hears it */
	}
	config_unref(c);
	return rc;
}
