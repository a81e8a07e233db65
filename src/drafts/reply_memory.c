/* reply_memory.c - the reply memory of a Maildir store: which inviters got a
 * draft, kept whatever the owner does with the draft. One dot-file beside
 * the folder's cur/ new/ tmp/ (mail clients and Dovecot ignore it), one line
 * "KEY SECONDS" per draft; read whole, rewritten whole under a new name,
 * synced and renamed over the old one, so a reader never sees half a file.
 * The caller holds the folder's lock (two writers, one file); lines older
 * than once_per_days are dropped on each write, and at most MAX_LINES kept. */
#include "autoconfig.h"
#include "reply_memory.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"
#include "str.h"
#include "fileio.h"

#define LEDGER ".linkedin-milter-memory"
#define MAX_LINES 50000
#define MAX_BYTES (MAX_LINES * 96)	/* a line is 16..63 hex digits and a time */
#define KEY_MAX 64

/* the next line of P (up to END) as KEY and WHEN; 0 at the end, -1 for a bad line */
static int next_line(const char **p, const char *end, char key[KEY_MAX], long long *when)
{
	const char *s = *p, *nl;
	size_t n;
	char *stop;

	if (s >= end)
		return 0;
	nl = memchr(s, '\n', (size_t)(end - s));
	*p = nl ? nl + 1 : end;
	n = strspn(s, "0123456789abcdef");
	if (n < 16 || n >= KEY_MAX || s + n >= end || s[n] != ' ')
		return -1;
	memcpy(key, s, n);
	key[n] = '\0';
	errno = 0;
	*when = strtoll(s + n + 1, &stop, 10);
	return errno || stop == s + n + 1 || (stop != end && *stop != '\n') ? -1 : 1;
}

static char *ledger_read(const char *dir, size_t *len)
{
	char path[4400];
	char *text;

	snprintf(path, sizeof path, "%s/" LEDGER, dir);
	text = read_file(path, MAX_BYTES, len);
	if (!text && errno == ENOENT) {
		*len = 0;
		return str_dup("");
	}
	return text;
}

int memory_find(const char *dir, const char *key, time_t since)
{
	char k[KEY_MAX];
	long long when;
	size_t len;
	char *text = ledger_read(dir, &len);
	const char *p = text;
	int r, found = 0;

	if (!text)
		return -1;
	while (!found && (r = next_line(&p, text + len, k, &when)) != 0)
		found = r > 0 && when >= (long long)since && !strcmp(k, key);
	free(text);
	return found;
}

/* the lines of TEXT still current (at most MAX_LINES - 1 of them, the
 * newest), then KEY at NOW, into OUT */
static int ledger_rewrite(const char *text, size_t len, const char *key, time_t now,
			  time_t since, struct buf *out)
{
	const char *p = text;
	char k[KEY_MAX];
	long long when;
	size_t kept = 0, skip = 0;
	int r;

	while ((r = next_line(&p, text + len, k, &when)) != 0)
		kept += r > 0 && when >= (long long)since;
	if (kept >= MAX_LINES)
		skip = kept - (MAX_LINES - 1);	/* the oldest come first */
	p = text;
	while ((r = next_line(&p, text + len, k, &when)) != 0) {
		if (r < 0 || when < (long long)since || strcmp(k, key) == 0)
			continue;
		if (skip) {
			skip--;
			continue;
		}
		if (buf_printf(out, "%s %lld\n", k, when) < 0)
			return -1;
	}
	return buf_printf(out, "%s %lld\n", key, (long long)now);
}

int memory_add(const char *dir, const char *key, time_t now, time_t since, char *err,
	       size_t errlen)
{
	static unsigned long counter;
	char tmp[4400], path[4400];
	struct buf out;
	size_t len;
	char *text = ledger_read(dir, &len);
	int fd = -1, rc = -1;

	buf_init(&out, MAX_BYTES + 128);
	snprintf(path, sizeof path, "%s/" LEDGER, dir);
	snprintf(tmp, sizeof tmp, "%s/" LEDGER ".%ld.%lu", dir, (long)getpid(),
		 __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED));
	if (!text || ledger_rewrite(text, len, key, now, since, &out) < 0 || out.truncated)
		snprintf(err, errlen, "%s: %s", path, text ? "out of memory" : strerror(errno));
	else if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0 ||
		 write_all(fd, out.data, out.len) < 0 || fsync(fd) < 0 || rename(tmp, path) < 0)
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
	else
		rc = 0;
	if (fd >= 0)
		close(fd);
	if (rc < 0)
		unlink(tmp);
	free(text);
	buf_free(&out);
	return rc;
}
