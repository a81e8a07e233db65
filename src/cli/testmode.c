/* testmode.c - run the engine on message files, fed exactly as the milter
 * feeds it, and print one JSON object per message (JSON Lines) */
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

#define CHUNK 65536

struct feed {
	struct scan *s;
	struct buf head;	/* the header block until its blank line */
	bool in_body, done;
	int err;
};

/* the end of the header block in B (after its blank line), or 0 */
static size_t blank_line(const struct buf *b, size_t from)
{
	for (size_t i = from; i < b->len; i++) {
		if (b->data[i] != '\n')
			continue;
		if (i + 1 < b->len && b->data[i + 1] == '\n')
			return i + 2;
		if (i + 2 < b->len && b->data[i + 1] == '\r' && b->data[i + 2] == '\n')
			return i + 3;
		if (i == 0)
			return 1;	/* no headers at all */
	}
	return 0;
}

/* test mode has no envelope: Return-Path and Delivered-To (or To) stand in
 * for MAIL FROM and RCPT TO */
static void envelope_from_headers(struct scan *s)
{
	const char *rcpt = headers_get(&s->h, H_DELIVERED_TO), *rp = headers_get(&s->h, H_RETURN_PATH);
	struct mailbox mb;

	if (!rcpt)
		rcpt = headers_get(&s->h, H_TO);
	if (rp && parse_mailbox(rp, &mb, false) == 0) {
		scan_envfrom(s, mb.addr);
		free(mb.display);
	}
	if (rcpt && parse_mailbox(rcpt, &mb, false) == 0) {
		scan_rcpt(s, mb.addr);
		free(mb.display);
	}
}

static void start_body(struct feed *f, size_t head_len)
{
	int err = 0;
	size_t body;

	body = headers_split(&f->s->h, f->head.data, head_len, &err);
	envelope_from_headers(f->s);
	if (err == 0 && scan_raw_headers(f->s, f->head.data, body) < 0)
		err = -1;
	if (err < 0 || (f->err = scan_eoh(f->s)) < 0) {
		f->err = -1;
		f->done = true;
		return;
	}
	f->in_body = true;
	if (f->err == SCAN_DONE) {
		f->done = true;
		return;
	}
	f->err = 0;
	if (f->head.len > body && scan_body(f->s, f->head.data + body,
					     f->head.len - body) != SCAN_MORE)
		f->done = true;
}

static void feed(struct feed *f, const char *data, size_t len)
{
	size_t from, end;
	int rc;

	if (f->in_body) {
		rc = scan_body(f->s, data, len);
		f->err = rc < 0 ? -1 : 0;
		f->done = rc != SCAN_MORE;
		return;
	}
	from = f->head.len > 3 ? f->head.len - 3 : 0;
	if (buf_append(&f->head, data, len) < 0) {
		f->err = -1;
		f->done = true;
		return;
	}
	end = blank_line(&f->head, from);
	if (f->head.len && f->head.data[0] == '\n')
		end = 1;
	if (end || f->head.truncated)
		start_body(f, end ? end : f->head.len);
}

/* read FD through the engine; -1 read error, -2 internal error */
static int scan_fd(int fd, struct inbound *m)
{
	struct feed f = { .s = &m->scan };
	char chunk[CHUNK];
	ssize_t n;

	buf_init(&f.head, (size_t)m->cfg->engine.max_scan_bytes);
	while (!f.done && (n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			buf_free(&f.head);
			return -1;
		}
		feed(&f, chunk, (size_t)n);
	}
	if (!f.in_body && !f.done)
		start_body(&f, f.head.len);	/* a message that is all headers */
	buf_free(&f.head);
	if (f.err < 0 || inbound_eom(m) < 0)
		return -2;
	return 0;
}

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

static int run_one(struct config *c, const char *path, int fd, bool explain)
{
	struct inbound m;
	const struct scan *s = &m.scan;
	struct buf out;
	int rc;

	inbound_init(&m, c);
	rc = scan_fd(fd, &m);
	if (rc == -1) {
		log_msg(LOG_ERR, "%s: read error: %s", path, strerror(errno));
		inbound_free(&m);
		return EX_IOERR;
	}
	if (rc == -2)
		log_msg(LOG_ERR, "%s: internal error: the message would pass unchanged", path);
	if (s->reason[0])
		log_msg(LOG_NOTICE, "%s: %s", path, s->reason);
	if (s->msg.text && log_level() >= LOG_DEBUG)	/* for writing patterns */
		log_msg(LOG_DEBUG, "%s: %s text (%s):\n%s", path, kind_name(s->inv.kind),
			s->msg.from_html ? "from HTML" : "plain", s->msg.text);
	if (drafts_store && rc == 0)
		store_draft(path, &m, drafts_store);
	buf_init(&out, 0);
	report_json(&out, path, &m, explain);
	buf_putc(&out, '\n');
	fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	inbound_free(&m);
	return rc == -2 ? EX_SOFTWARE : EX_OK;
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
	return rc;
}
