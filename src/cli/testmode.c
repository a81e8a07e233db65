/* testmode.c - run message files through the milter's own callbacks (the
 * daemon's code, with this file answering their calls to the MTA), and
 * print one JSON object per message (JSON Lines) */
#include "autoconfig.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>
#include "plan.h"
#include "draft_submit.h"
#include "inbound.h"
#include "store.h"
#include "json.h"
#include "log.h"
#include "report.h"
#include "version.h"
#include "buf.h"

#include "testmode.h"
/* --drafts: the draft of this message, stored at once; what happened on stderr */
static void store_draft(const char *path, const struct inbound *s, const char *store)
{
	struct draft_input in;
	struct plan p;
	char err[400] = "";
	int rc;
	static const char *const said[] = { "stored", "exists already (not stored again)",
					    "could not be stored now", "cannot be stored" };

	inbound_plan(s, &p);
	if (!p.draft)
		return;
	inbound_draft_input(s, &in);
	rc = drafts_store_now(&in, p.draft, store && *store ? store : NULL, err, sizeof err);
	if (rc < 0)
		log_msg(LOG_WARNING, "%s: no draft: %s", path, err);
	else
		log_msg(rc == STORE_OK || rc == STORE_EXISTS ? LOG_INFO : LOG_WARNING,
			"%s: draft %s %s%s%s", path, p.draft, said[rc], err[0] ? ": " : "", err);
}

static const char *drafts_store;	/* --drafts: NULL = none, "" = the configured store */

/* ---------------------------------------------------------------- the MTA's side */

static struct test_ctx *tctx(SMFICTX *ctx)
{
	return (struct test_ctx *)(void *)ctx;
}

static void *t_getpriv(SMFICTX *ctx)
{
	return tctx(ctx)->priv;
}

static int t_setpriv(SMFICTX *ctx, void *priv)
{
	tctx(ctx)->priv = priv;
	return MI_SUCCESS;
}

/* the queue id: from our Received header of the delivery trace */
static char *t_getsymval(SMFICTX *ctx, char *name)
{
	struct test_ctx *t = tctx(ctx);

	return strcmp(name, "i") == 0 && t->qid[0] ? t->qid : NULL;
}

static int t_setsymlist(SMFICTX *ctx, int stage, char *macros)
{
	(void)ctx, (void)stage, (void)macros;
	return MI_SUCCESS;
}

/* changes to the message are the daemon's to make: here they are planned,
 * and the report's "actions" says what they would be */
static int t_change(SMFICTX *ctx, char *name, char *value)
{
	(void)ctx, (void)name, (void)value;
	return MI_SUCCESS;
}

static int t_chgheader(SMFICTX *ctx, char *name, int index, char *value)
{
	(void)index;
	return t_change(ctx, name, value);
}

static int t_one(SMFICTX *ctx, char *what)
{
	return t_change(ctx, what, NULL);
}

static struct config *t_config(void);
static void t_result(SMFICTX *ctx, const struct inbound *in, bool failed);

static const struct milter_io test_io = {
	.getpriv = t_getpriv,
	.setpriv = t_setpriv,
	.getsymval = t_getsymval,
	.setsymlist = t_setsymlist,
	.addheader = t_change,
	.chgheader = t_chgheader,
	.addrcpt = t_one,
	.addrcpt_par = t_change,
	.delrcpt = t_one,
	.quarantine = t_one,
	.config = t_config,
	.result = t_result,
	.submit_drafts = false,
};

static struct config *test_config;	/* the one configuration of this run */

static struct config *t_config(void)
{
	return config_ref(test_config);
}

/* the message's result, as the daemon logged it: one JSON line */
static void t_result(SMFICTX *ctx, const struct inbound *in, bool failed)
{
	struct test_ctx *t = tctx(ctx);
	const struct scan *s = &in->scan;
	struct buf out;

	t->failed = t->failed || failed;
	if (t->reported)
		return;
	t->reported = true;
	if (failed)
		log_msg(LOG_ERR, "%s: internal error: the message would pass unchanged", t->path);
	if (s->reason[0])
		log_msg(LOG_NOTICE, "%s: %s", t->path, s->reason);
	if (s->msg.text && log_level() >= LOG_DEBUG)	/* for writing patterns */
		log_msg(LOG_DEBUG, "%s: %s text (%s):\n%s", t->path, kind_name(s->inv.kind),
			s->msg.from_html ? "from HTML" : "plain", s->msg.text);
	if (drafts_store && !failed)
		store_draft(t->path, in, drafts_store);
	buf_init(&out, 0);
	report_json(&out, t->path, in, t->explain);
	buf_putc(&out, '\n');
	if (buf_failed(&out)) {	/* never a cut line: no line, and the run fails */
		log_msg(LOG_ERR, "%s: out of memory writing the result", t->path);
		t->failed = true;
	} else {
		fwrite(out.data, 1, out.len, stdout);
	}
	buf_free(&out);
}

static int run_one(struct config *c, const char *path, int fd, bool explain)
{
	struct test_ctx t = { .path = path, .cfg = c, .explain = explain };

	if (feed_message(fd, (SMFICTX *)(void *)&t, &t) < 0) {
		log_msg(LOG_ERR, "%s: read error: %s", path, strerror(errno));
		return EX_IOERR;
	}
	if (!t.reported)
		log_msg(LOG_ERR, "%s: no result: the message would pass unchanged", path);
	return t.failed || !t.reported ? EX_SOFTWARE : EX_OK;
}

static int run_file(struct config *c, const char *path, bool explain)
{
	int fd, rc;

	if (strcmp(path, "-") == 0)
		return run_one(c, "-", STDIN_FILENO, explain);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		log_msg(LOG_ERR, "%s: %s", path, strerror(errno));
		return EX_NOINPUT;
	}
	rc = run_one(c, path, fd, explain);
	close(fd);
	return rc;
}

static int skip_dotfiles(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* every regular file of DIR, in sorted order */
static int run_dir(struct config *c, const char *dir, bool explain)
{
	struct dirent **list;
	int n = scandir(dir, &list, skip_dotfiles, alphasort), rc = EX_OK;
	char path[4096];
	struct stat st;

	if (n < 0) {
		log_msg(LOG_ERR, "%s: %s", dir, strerror(errno));
		return EX_NOINPUT;
	}
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			int r = run_file(c, path, explain);

			rc = rc ? rc : r;
		}
		free(list[i]);
	}
	free(list);
	return rc;
}

/* a relative maildir: path is relative to where the command was run */
static const char *absolute_store(const char *store, char *buf, size_t len)
{
	char cwd[2048];

	if (!store || strncmp(store, "maildir:", 8) != 0 || store[8] == '/' || !getcwd(cwd, sizeof cwd))
		return store;
	snprintf(buf, len, "maildir:%s/%s", cwd, store + 8);
	return buf;
}

int test_mode(struct config *c, char **paths, int n, bool explain, const char *drafts)
{
	int rc = EX_OK;
	struct stat st;
	char store[4096];

	drafts_store = absolute_store(drafts, store, sizeof store);
	test_config = c;
	milter_use_io(&test_io);
	for (int i = 0; i < n; i++) {
		int r;

		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
		    S_ISDIR(st.st_mode))
			r = run_dir(c, paths[i], explain);
		else
			r = run_file(c, paths[i], explain);
		rc = rc ? rc : r;
	}
	fflush(stdout);
	milter_use_io(NULL);
	return rc;
}
