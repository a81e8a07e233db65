/* metrics.c - counters, gauges and histograms of the daemon in fixed tables:
 * each family a name, a help line, at most two labels whose values are
 * listed here, and its slots in one array of atomics. The mail path adds
 * with relaxed atomics and takes no lock; the metrics thread reads the same
 * atomics and writes the Prometheus text exposition format. */
#include "autoconfig.h"
#include "metrics.h"
#include "buf.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define P "linkedin_milter_"
#define MAX_VALUES 20
#define N_BUCKETS 11

struct family {
	const char *name, *help, *type;
	const char *label[2];
	const char *values[2][MAX_VALUES];
	unsigned n[2];
};

/* not const: the label values that name things of the layers above (kinds,
 * verdicts, reasons, stores and what became of drafts) are their tables,
 * given at the start by metrics_names; here only the metrics' own */
static struct family counters[MC_COUNT] = {
	[MC_MESSAGES] = { P "messages_total", "Messages seen (MAIL FROM).", "counter",
			  { NULL }, { { NULL } }, { 1, 1 } },
	[MC_ACCEPTED_AT_HEADERS] = { P "accepted_at_headers_total",
				     "Messages accepted at the end of their headers: not LinkedIn's.",
				     "counter", { NULL }, { { NULL } }, { 1, 1 } },
	[MC_LINKEDIN] = { P "linkedin_total", "LinkedIn mails by kind.", "counter",
			  { "kind" }, { { NULL } }, { 0, 1 } },
	[MC_VERDICTS] = { P "verdicts_total", "Invitations by verdict.", "counter",
			  { "verdict" }, { { NULL } }, { 0, 1 } },
	[MC_REASONS] = { P "reasons_total", "Reasons given, by the default rules' ids.", "counter",
			 { "reason" }, { { NULL } }, { 0, 1 } },
	[MC_ERRORS] = { P "errors_total", "Internal errors by where they happened.", "counter",
			{ "place" }, { { "mail_from", "end_of_headers", "body", "end_of_message" } },
			{ 4, 1 } },
	[MC_ON_ERROR] = { P "on_error_total", "What on_error did with a message after an error.",
			  "counter", { "outcome" }, { { "accept", "tempfail" } }, { 2, 1 } },
	[MC_DRAFTS] = { P "drafts_total", "Drafts handed to the store thread, by what became of "
			"them before the message went on.", "counter", { "store", "result" },
			{ { NULL }, { NULL } }, { 0, 0 } },
	[MC_STORE_RESULTS] = { P "store_results_total", "Answers of the draft stores (drafts "
			       "from the spool included).", "counter", { "store", "result" },
			       { { NULL }, { NULL } }, { 0, 0 } },
	[MC_RELOADS] = { P "reloads_total", "Configuration reloads by result.", "counter",
			 { "result" }, { { "ok", "failed" } }, { 2, 1 } },
	[MC_DKIM_VERIFICATIONS] = { P "dkim_verifications_total", "Our own DKIM verifications "
				    "of LinkedIn-like mail, by result.", "counter", { "result" },
				    { { NULL } }, { 0, 1 } },
	[MC_DKIM_DNS_LOOKUPS] = { P "dkim_dns_lookups_total", "DKIM key lookups sent to the DNS.",
				  "counter", { NULL }, { { NULL } }, { 1, 1 } },
	[MC_DKIM_CACHE_HITS] = { P "dkim_key_cache_hits_total", "DKIM key lookups answered from "
				 "the cache (keys kept for their TTL).", "counter", { NULL },
				 { { NULL } }, { 1, 1 } },
};

static const struct family gauges[MG_COUNT] = {
	[MG_SESSIONS] = { P "sessions_open", "Milter sessions open now.", "gauge" },
	[MG_CONFIG_GENERATION] = { P "config_generation", "Configurations taken into use "
				   "since the start (1: the first).", "gauge" },
	[MG_RELOAD_OK] = { P "last_reload_ok", "1 when the last reload worked or none was "
			   "asked for, 0 when it failed.", "gauge" },
	[MG_SPOOL_DRAFTS] = { P "spool_drafts", "Drafts waiting in the spools.", "gauge" },
	[MG_SPOOL_OLDEST] = { P "spool_oldest_seconds", "Age of the oldest draft waiting in "
			      "the spools (0: none).", "gauge" },
};

static struct family histograms[MH_COUNT] = {	/* not const: as counters */
	[MH_CALLBACK] = { P "callback_seconds", "Time spent in each milter callback.", "histogram",
			  { "callback" }, { { "envfrom", "envrcpt", "header", "eoh", "body",
					      "eom" } }, { 6, 1 } },
	[MH_STORE] = { P "store_seconds", "Time a draft store took to answer.", "histogram",
		       { "store" }, { { NULL } }, { 0, 1 } },
};

/* upper bounds in microseconds; the last bucket is +Inf */
static const uint64_t bounds[N_BUCKETS] = { 100, 500, 1000, 5000, 10000, 50000, 100000,
					    500000, 1000000, 5000000, 10000000 };

struct histogram {
	atomic_ulong bucket[N_BUCKETS + 1], count;
	atomic_ullong sum_us;
};

static atomic_ulong counter_slot[MC_COUNT][MAX_VALUES * 4];
static atomic_long gauge_slot[MG_COUNT] = { [MG_RELOAD_OK] = 1 };
static struct histogram histo[MH_COUNT][MAX_VALUES];

static atomic_ulong *slot(enum metric_counter c, unsigned a, unsigned b)
{
	const struct family *f = &counters[c];

	if ((unsigned)c >= MC_COUNT || a >= f->n[0] || b >= f->n[1] ||
	    a * f->n[1] + b >= MAX_VALUES * 4)
		return NULL;
	return &counter_slot[c][a * f->n[1] + b];
}

void metrics_count(enum metric_counter c, unsigned a, unsigned b)
{
	atomic_ulong *s = slot(c, a, b);

	if (s)
		atomic_fetch_add_explicit(s, 1, memory_order_relaxed);
}

unsigned long metrics_value(enum metric_counter c, unsigned a, unsigned b)
{
	atomic_ulong *s = slot(c, a, b);

	return s ? atomic_load_explicit(s, memory_order_relaxed) : 0;
}

void metrics_gauge_set(enum metric_gauge g, long v)
{
	if ((unsigned)g < MG_COUNT)
		atomic_store_explicit(&gauge_slot[g], v, memory_order_relaxed);
}

void metrics_gauge_add(enum metric_gauge g, long d)
{
	if ((unsigned)g < MG_COUNT)
		atomic_fetch_add_explicit(&gauge_slot[g], d, memory_order_relaxed);
}

long metrics_gauge(enum metric_gauge g)
{
	return (unsigned)g < MG_COUNT ? atomic_load_explicit(&gauge_slot[g], memory_order_relaxed)
				      : 0;
}

uint64_t metrics_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void metrics_observe(enum metric_histogram h, unsigned a, uint64_t start)
{
	uint64_t us = (metrics_clock() - start) / 1000;
	struct histogram *x;
	unsigned i = 0;

	if ((unsigned)h >= MH_COUNT || a >= histograms[h].n[0])
		return;
	x = &histo[h][a];
	while (i < N_BUCKETS && us > bounds[i])
		i++;
	atomic_fetch_add_explicit(&x->bucket[i], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&x->sum_us, us, memory_order_relaxed);
	atomic_fetch_add_explicit(&x->count, 1, memory_order_relaxed);
}

static void name_label(struct family *f, unsigned label, const char *(*name)(unsigned),
		       unsigned n)
{
	if (label > 1 || !f->label[label] || n > MAX_VALUES)
		return;
	for (unsigned i = 0; i < n; i++)
		f->values[label][i] = name(i);
	f->n[label] = n;
}

void metrics_names(enum metric_counter c, unsigned label, const char *(*name)(unsigned),
		   unsigned n)
{
	if ((unsigned)c < MC_COUNT)
		name_label(&counters[c], label, name, n);
}

void metrics_histogram_names(enum metric_histogram h, const char *(*name)(unsigned), unsigned n)
{
	if ((unsigned)h < MH_COUNT)
		name_label(&histograms[h], 0, name, n);
}

/* ---------------------------------------------------------------- the text format */

static int head(struct buf *out, const struct family *f)
{
	return buf_printf(out, "# HELP %s %s\n# TYPE %s %s\n", f->name, f->help, f->name, f->type);
}

/* {label="value",...} of F for A and B, with EXTRA (le="...") last, into LABELS */
static void labels(char *l, size_t len, const struct family *f, unsigned a, unsigned b,
		   const char *extra)
{
	int n = 0;

	l[0] = '\0';
	if (f->label[0])
		n = snprintf(l, len, "%s=\"%s\"", f->label[0], f->values[0][a]);
	if (f->label[1] && n >= 0 && (size_t)n < len)
		n += snprintf(l + n, len - (size_t)n, ",%s=\"%s\"", f->label[1], f->values[1][b]);
	if (extra && n >= 0 && (size_t)n < len)
		snprintf(l + n, len - (size_t)n, "%s%s", n ? "," : "", extra);
}

static int render_counter(struct buf *out, enum metric_counter c)
{
	const struct family *f = &counters[c];
	char l[200];
	int rc = head(out, f);

	for (unsigned a = 0; a < f->n[0]; a++)
		for (unsigned b = 0; b < f->n[1]; b++) {
			labels(l, sizeof l, f, a, b, NULL);
			rc |= buf_printf(out, "%s%s%s%s %lu\n", f->name, *l ? "{" : "", l,
					 *l ? "}" : "", metrics_value(c, a, b));
		}
	return rc;
}

static int render_histogram(struct buf *out, enum metric_histogram h)
{
	const struct family *f = &histograms[h];
	char l[200], le[40];
	int rc = head(out, f);

	for (unsigned a = 0; a < f->n[0]; a++) {
		const struct histogram *x = &histo[h][a];
		unsigned long cumulative = 0;

		for (unsigned i = 0; i <= N_BUCKETS; i++) {
			cumulative += atomic_load_explicit(&x->bucket[i], memory_order_relaxed);
			if (i < N_BUCKETS)
				snprintf(le, sizeof le, "le=\"%g\"", (double)bounds[i] / 1e6);
			else
				snprintf(le, sizeof le, "le=\"+Inf\"");
			labels(l, sizeof l, f, a, 0, le);
			rc |= buf_printf(out, "%s_bucket{%s} %lu\n", f->name, l, cumulative);
		}
		labels(l, sizeof l, f, a, 0, NULL);
		rc |= buf_printf(out, "%s_sum{%s} %.6f\n%s_count{%s} %lu\n", f->name, l,
				 (double)atomic_load_explicit(&x->sum_us, memory_order_relaxed) / 1e6,
				 f->name, l, atomic_load_explicit(&x->count, memory_order_relaxed));
	}
	return rc;
}

int metrics_render(struct buf *out)
{
	int rc = 0;

	for (int c = 0; c < MC_COUNT; c++)
		rc |= render_counter(out, (enum metric_counter)c);
	for (int g = 0; g < MG_COUNT; g++)
		rc |= head(out, &gauges[g]) |
		      buf_printf(out, "%s %ld\n", gauges[g].name, metrics_gauge((enum metric_gauge)g));
	for (int h = 0; h < MH_COUNT; h++)
		rc |= render_histogram(out, (enum metric_histogram)h);
	return rc ? -1 : 0;
}
