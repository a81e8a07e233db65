/* engine_bench.c - how fast the engine is on one core, and how much memory
 * one message takes: invitations through the whole path (decode, detect,
 * extract, classify), ordinary mail settled at the end of headers, and the
 * memory one message adds at its peak: heap bytes held (counted by
 * heap_count.c) and resident memory (in a fresh child process), over the
 * corpus and over messages made to cost the most (worst_case.c).
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
#include "heap_count.h"
#include "worst_case.h"
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

struct peak {
	long heap_kb, rss_kb;
};

/* the memory one message adds at its peak: heap bytes held (exact), and
 * resident memory (pages the child touches first, libraries included) */
static struct peak message_peak(struct config *c, const struct sample *s)
{
	struct peak pk = { -1, -1 };
	int fd[2];
	pid_t pid;

	if (pipe(fd) < 0 || (pid = fork()) < 0)
		return pk;
	if (pid == 0) {
		long before = maxrss_kb();
		size_t live = heap_live();

		heap_peak_reset();
		run_one(c, s, true);
		pk.heap_kb = (long)((heap_peak() - live + 1023) / 1024);
		pk.rss_kb = maxrss_kb() - before;
		if (write(fd[1], &pk, sizeof pk) < 0)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], &pk, sizeof pk) != sizeof pk)
		pk.heap_kb = pk.rss_kb = -1;
	close(fd[0]);
	waitpid(pid, NULL, 0);
	return pk;
}

/* the peaks over the corpus, then over the worst cases */
static void memory_report(struct config *c, struct sample *v, size_t n, char **files)
{
	struct peak worst = { 0, 0 };
	const char *heap_file = "", *rss_file = "", *name;
	long max = c->engine.max_scan_bytes / 1024;
	const struct sample *inv = NULL;

	for (size_t i = 0; i < n; i++) {
		struct peak pk = message_peak(c, &v[i]);

		if (pk.heap_kb > worst.heap_kb)
			worst.heap_kb = pk.heap_kb, heap_file = files[i];
		if (pk.rss_kb > worst.rss_kb)
			worst.rss_kb = pk.rss_kb, rss_file = files[i];
		if (!inv && v[i].kind == KIND_INVITATION)
			inv = &v[i];
	}
	printf("peak memory added by one message of the corpus: heap %ld KiB (%s), "
	       "resident %ld KiB (%s)\n", worst.heap_kb, heap_file, worst.rss_kb, rss_file);
	for (int i = 0; inv; i++) {
		struct sample w = { .kind = KIND_INVITATION };
		struct peak pk;

		w.raw = worst_case(inv->raw, inv->body, (size_t)c->engine.max_scan_bytes, i,
				   &w.len, &name);
		if (!w.raw)
			break;
		split(&w);
		snprintf(w.envfrom, sizeof w.envfrom, "%s", inv->envfrom);
		pk = message_peak(c, &w);
		printf("  worst case %d, %-55s heap %5ld KiB = %.2f x max_scan_bytes, resident %5ld KiB\n",
		       i + 1, name, pk.heap_kb, (double)pk.heap_kb / (double)max, pk.rss_kb);
		if (pk.heap_kb > worst.heap_kb)
			worst.heap_kb = pk.heap_kb;
		free(w.raw);
		for (size_t k = 0; k < w.n; k++)
			free(w.names[k]), free(w.values[k]);
		free(w.names);
		free(w.values);
	}
	printf("peak heap added by one message, worst: %ld KiB = %.2f x max_scan_bytes (%ld KiB; "
	       "target 3.00)\n", worst.heap_kb, (double)worst.heap_kb / (double)max, max);
}

int main(int argc, char **argv)
{
	struct errlist errs = { 0 };
	struct config *c;
	struct sample *v;
	size_t n = 0, count, inv = 0, none = 0;
	double seconds, r;
	const char *only;

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
	/* BENCH_ONLY=invitations|headers|memory runs one part (for profiling) */
	only = getenv("BENCH_ONLY") ? getenv("BENCH_ONLY") : "";
	if (!*only || strcmp(only, "invitations") == 0) {
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
	if (!*only || strcmp(only, "headers") == 0) {
		r = rate(c, v, n, KIND_NONE, false, seconds, &count);
		printf("ordinary mail settled at end of headers:      %10.0f msg/s  (%zu in %.1f s)\n",
		       r, count, seconds);
	}
	if (*only && strcmp(only, "memory") != 0)
		return 0;
	memory_report(c, v, n, argv + 3);
	config_unref(c);
	return 0;
}
