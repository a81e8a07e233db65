/* engine_bench.c - how fast the engine is on one core, and how much memory
 * one message takes: invitations through the whole path (decode, detect,
 * extract, classify), ordinary mail settled at the end of headers, and the
 * peak resident memory of one message in a child process.
 *
 * usage: engine_bench CONFIG SECONDS FILE...   (files: the corpus) */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "classify.h"
#include "inbound.h"
#include "headers.h"
#include "strlist.h"
#include "fileio.h"
#include <libetpan/libetpan.h>

struct sample {
	char *raw;
	size_t len, body;
	char **names, **values;	/* headers as the milter gets them */
	size_t n;
	char envfrom[400];	/* MAIL FROM: the file's Return-Path */
	enum kind kind;
};

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* the headers of RAW as (name, value) pairs, and where the body starts */
static void split(struct sample *s)
{
	const char *p = s->raw, *end = s->raw + s->len;
	size_t cap = 0;

	snprintf(s->envfrom, sizeof s->envfrom, "<sender@example.net>");
	while (p < end && *p != '\n' && !(*p == '\r' && p[1] == '\n')) {
		const char *e = p, *colon = memchr(p, ':', (size_t)(end - p));

		do {	/* a header ends at a newline not followed by folding */
			e = memchr(e, '\n', (size_t)(end - e));
			e = e ? e + 1 : end;
		} while (e < end && (*e == ' ' || *e == '\t'));
		if (!colon || colon > e)
			break;
		if (s->n == cap) {
			cap = cap ? 2 * cap : 32;
			s->names = realloc(s->names, cap * sizeof *s->names);
			s->values = realloc(s->values, cap * sizeof *s->values);
		}
		s->names[s->n] = strndup(p, (size_t)(colon - p));
		s->values[s->n] = strndup(colon + 2, (size_t)(e - colon - 2));
		if (strcasecmp(s->names[s->n], "Return-Path") == 0)
			snprintf(s->envfrom, sizeof s->envfrom, "%s", s->values[s->n]);
		s->n++;
		p = e;
	}
	s->body = (size_t)(p - s->raw) + (*p == '\r' ? 2 : 1);
	if (s->body > s->len)
		s->body = s->len;
}

/* S through the layers as the milter feeds it, into *M (inbound_free() it);
 * with BODY false it stops at the end of headers */
static void scan_sample(struct config *c, const struct sample *s, bool body, struct inbound *m)
{
	struct scan *sc = &m->scan;

	inbound_init(m, c);
	scan_envfrom(sc, s->envfrom);
	scan_rcpt(sc, "<bob.smith@example.org>");
	for (size_t i = 0; i < s->n; i++)
		scan_header(sc, s->names[i], s->values[i]);
	if (scan_eoh(sc) == SCAN_MORE && body) {
		scan_body(sc, s->raw + s->body, s->len - s->body);
		inbound_eom(m);
	}
}

static int run_one(struct config *c, const struct sample *s, bool body)
{
	struct inbound m;
	int kind;

	scan_sample(c, s, body, &m);
	kind = m.scan.inv.kind;
	inbound_free(&m);
	return kind;
}

/* the floor: libetpan alone parsing the message and decoding every part */
static void decode_parts(struct mailmime *m)
{
	struct mailmime_data *d;
	char *r;
	size_t rl, idx = 0;

	if (m->mm_type == MAILMIME_MULTIPLE) {
		for (clistiter *it = clist_begin(m->mm_data.mm_multipart.mm_mp_list); it;
		     it = clist_next(it))
			decode_parts(clist_content(it));
		return;
	}
	if (m->mm_type == MAILMIME_MESSAGE) {
		if (m->mm_data.mm_message.mm_msg_mime)
			decode_parts(m->mm_data.mm_message.mm_msg_mime);
		return;
	}
	d = m->mm_data.mm_single;
	if (d && d->dt_type == MAILMIME_DATA_TEXT &&
	    mailmime_part_parse(d->dt_data.dt_text.dt_data, d->dt_data.dt_text.dt_length,
				&idx, d->dt_encoding, &r, &rl) == MAILIMF_NO_ERROR)
		mailmime_decoded_part_free(r);
}

static double libetpan_rate(struct sample *v, size_t n, double seconds)
{
	double t0 = now(), t;
	size_t done = 0;

	do {
		for (size_t i = 0; i < n; i++) {
			struct mailmime *m;
			size_t idx = 0;

			if (v[i].kind != KIND_INVITATION)
				continue;
			if (mailmime_parse(v[i].raw, v[i].len, &idx, &m) == MAILIMF_NO_ERROR) {
				decode_parts(m);
				mailmime_free(m);
			}
			done++;
		}
		t = now() - t0;
	} while (t < seconds);
	return (double)done / t;
}

/* messages per second over SECONDS, cycling through the samples of KIND */
static double rate(struct config *c, struct sample *v, size_t n, enum kind kind,
		   bool body, double seconds, size_t *count)
{
	double t0 = now(), t;
	size_t done = 0;
	/* BENCH_ROUNDS=N: exactly N rounds (for instruction counts under callgrind) */
	long rounds = getenv("BENCH_ROUNDS") ? atol(getenv("BENCH_ROUNDS")) : 0;

	do {
		for (size_t i = 0; i < n; i++)
			if (v[i].kind == kind) {
				run_one(c, &v[i], body);
				done++;
			}
		t = now() - t0;
	} while (rounds ? --rounds > 0 : t < seconds);
	*count = done;
	return (double)done / t;
}

/* classification alone: each invitation scanned once, then classify() over and over */
static double classify_rate(struct config *c, const struct sample *v, size_t n, double seconds,
			    size_t *count)
{
	struct inbound *sc = calloc(n, sizeof *sc);
	size_t m = 0, done = 0;
	double t0, t;

	if (!sc)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind == KIND_INVITATION)
			scan_sample(c, &v[i], true, &sc[m++]);
	}
	t0 = now();
	do {
		for (size_t i = 0; i < m; i++) {
			struct verdict_result r;

			classify(&c->policy, &sc[i].profile->profile, &sc[i].scan.inv, sc[i].scan.rcpt,
				 sc[i].scan.h.subject, &r);
			done++;
		}
		t = now() - t0;
	} while (t < seconds);
	for (size_t i = 0; i < m; i++)
		inbound_free(&sc[i]);
	free(sc);
	*count = done;
	return (double)done / t;
}

static long maxrss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* peak resident memory added by one message, measured in a fresh child */
static long message_peak_kb(struct config *c, const struct sample *s)
{
	int fd[2];
	long kb = -1;
	pid_t pid;

	if (pipe(fd) < 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		long before = maxrss_kb(), after;

		run_one(c, s, true);
		after = maxrss_kb();
		after -= before;
		if (write(fd[1], &after, sizeof after) < 0)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], &kb, sizeof kb) != sizeof kb)
		kb = -1;
	close(fd[0]);
	waitpid(pid, NULL, 0);
	return kb;
}

int main(int argc, char **argv)
{
	struct errlist errs = { 0 };
	struct config *c;
	struct sample *v;
	size_t n = 0, count, inv = 0, none = 0;
	double seconds, r;
	long worst = 0;
	const char *worst_file = "", *only;

	if (argc < 4) {
		fprintf(stderr, "usage: engine_bench CONFIG SECONDS FILE...\n");
		return 64;
	}
	c = config_load(argv[1], &errs);
	if (!c)
		return 78;
	seconds = atof(argv[2]);
	v = calloc((size_t)argc, sizeof *v);
	for (int i = 3; i < argc; i++) {
		struct sample *s = &v[n];

		s->raw = read_file(argv[i], 64 << 20, &s->len);
		if (!s->raw)
			continue;
		split(s);
		s->kind = (enum kind)run_one(c, s, true);
		inv += s->kind == KIND_INVITATION;
		none += s->kind == KIND_NONE;
		n++;
	}
	printf("engine benchmark: %zu messages (%zu invitations, %zu ordinary), one core\n",
	       n, inv, none);
	/* BENCH_ONLY=invitations|headers runs one part (for profiling) */
	only = getenv("BENCH_ONLY") ? getenv("BENCH_ONLY") : "";
	if (strcmp(only, "headers") != 0) {
		double floor;

		r = rate(c, v, n, KIND_INVITATION, true, seconds, &count);
		printf("invitations (decode+detect+extract+classify): %10.0f msg/s  (%zu in %.1f s)\n",
		       r, count, seconds);
		floor = libetpan_rate(v, n, seconds);
		printf("  baseline, libetpan alone (parse + decode):  %10.0f msg/s  -> engine = %.2f x libetpan\n",
		       floor, r / floor);
		floor = classify_rate(c, v, n, seconds, &count);
		printf("  classification alone:                       %10.0f msg/s  -> %.1f %% of an invitation's time\n",
		       floor, 100.0 * r / floor);
	}
	if (strcmp(only, "invitations") != 0) {
		r = rate(c, v, n, KIND_NONE, false, seconds, &count);
		printf("ordinary mail settled at end of headers:      %10.0f msg/s  (%zu in %.1f s)\n",
		       r, count, seconds);
	}
	if (*only)
		return 0;
	for (size_t i = 0; i < n; i++) {
		long kb = message_peak_kb(c, &v[i]);

		if (kb > worst) {
			worst = kb;
			worst_file = argv[3 + i];
		}
	}
	printf("peak memory added by one message: %ld KiB (max_scan_bytes %d KiB; worst %s)\n",
	       worst, c->engine.max_scan_bytes / 1024, worst_file);
	config_unref(c);
	return 0;
}
