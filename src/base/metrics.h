/* metrics.h - the daemon's counters, gauges and latency histograms, kept with
 * relaxed atomics (the mail path only ever adds to a counter) and written in
 * the Prometheus text format for the metrics endpoint (metrics_http.c).
 * Every label value comes from a fixed table: the metrics' own here, the
 * others' names (kinds, verdicts, reasons, stores, draft results) from the
 * table of the layer that owns them, given by metrics_names: never a name,
 * an address or a note from the mail.
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
#ifndef LM_METRICS_H
#define LM_METRICS_H
#include <stdint.h>
#include "buf.h"

enum metric_counter {
	MC_MESSAGES,		/* no label */
	MC_ACCEPTED_AT_HEADERS,	/* no label */
	MC_LINKEDIN,		/* kind: enum kind - 1 (named by the milter) */
	MC_VERDICTS,		/* verdict: enum verdict */
	MC_REASONS,		/* reason: enum reason (reasons.h) */
	MC_ERRORS,		/* place: enum metric_place */
	MC_ON_ERROR,		/* outcome: 0 accept, 1 tempfail */
	MC_DRAFTS,		/* store (enum store_kind) x result (enum handoff), drafts' */
	MC_STORE_RESULTS,	/* store x result (enum store_result), drafts' */
	MC_RELOADS,		/* result: 0 ok, 1 failed */
	MC_DKIM_VERIFICATIONS,	/* result: enum dkimv_result (none, pass, fail, temperror) */
	MC_DKIM_DNS_LOOKUPS,	/* no label: key lookups sent to the DNS */
	MC_DKIM_CACHE_HITS,	/* no label: key lookups answered from our cache */
	MC_COUNT
};

enum metric_place { MP_MAIL_FROM, MP_HEADERS, MP_BODY, MP_MESSAGE, MP_COUNT };

enum metric_gauge {
	MG_SESSIONS,		/* milter sessions open */
	MG_CONFIG_GENERATION,	/* configurations loaded since the start (1 = the first) */
	MG_RELOAD_OK,		/* 1 when the last reload worked (or there was none) */
	MG_SPOOL_DRAFTS,	/* drafts waiting in the spools (set when scraped) */
	MG_SPOOL_OLDEST,	/* age in seconds of the oldest of them */
	MG_COUNT
};

enum metric_histogram {
	MH_CALLBACK,		/* callback: enum metric_callback */
	MH_STORE,		/* store: enum store_kind (drafts') */
	MH_COUNT
};

enum metric_callback { MCB_ENVFROM, MCB_ENVRCPT, MCB_HEADER, MCB_EOH, MCB_BODY, MCB_EOM,
		       MCB_COUNT };

/* metrics_count - one more of counter C with labels A and B (0 when unused);
 * labels out of range are dropped */
void metrics_count(enum metric_counter c, unsigned a, unsigned b);
unsigned long metrics_value(enum metric_counter c, unsigned a, unsigned b);
void metrics_gauge_set(enum metric_gauge g, long v);
void metrics_gauge_add(enum metric_gauge g, long d);
long metrics_gauge(enum metric_gauge g);
/* metrics_clock - a monotonic time in nanoseconds, for metrics_observe */
uint64_t metrics_clock(void);
/* metrics_observe - the time since START (metrics_clock) into histogram H, label A */
void metrics_observe(enum metric_histogram h, unsigned a, uint64_t start);
/* metrics_names - the values of label LABEL (0 or 1) of counter C: NAME(0)
 * to NAME(N - 1), N at most 20; for the tables of higher layers, once at
 * the start, before any count (a label not named counts nothing) */
void metrics_names(enum metric_counter c, unsigned label, const char *(*name)(unsigned),
		   unsigned n);
/* metrics_histogram_names - the same for the label of histogram H */
void metrics_histogram_names(enum metric_histogram h, const char *(*name)(unsigned), unsigned n);
/* metrics_render - everything, in the Prometheus text exposition format; -1 when out of memory */
int metrics_render(struct buf *out);

#endif
