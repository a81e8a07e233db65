/* dkim_bench.c - what our own DKIM verification costs: a cold one (a new
 * resolver, the key from DNS) and warm ones (the key from our cache), in
 * wall-clock and CPU time per message, over one signed message file.
 *
 * usage: dkim_bench RESOLVER FILE [N]   (RESOLVER: a DNS server serving the
 * key, address:port; tests/e2e/dkim-dns.sh shows one with unbound) */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dkimv.h"
#include "fileio.h"

static double clock_of(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* one verification of RAW (LEN bytes, LF line ends) with LIB */
static enum dkimv_result verify(struct dkimv_lib *lib, const char *raw, size_t len)
{
	struct dkimv *v = dkimv_start(lib, "linkedin.com");
	struct dkimv_outcome o;
	const char *p = raw, *end = raw + len;
	char hdr[16384];

	while (v && p < end && *p != '\n') {	/* one header, its folded lines with CRLF */
		size_t n = 0;

		do {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);

			if (n && n + 2 < sizeof hdr)
				hdr[n++] = '\r', hdr[n++] = '\n';
			if (n + l < sizeof hdr)
				memcpy(hdr + n, p, l), n += l;
			p = nl ? nl + 1 : end;
		} while (p < end && (*p == ' ' || *p == '\t'));
		dkimv_header(v, hdr, n);
	}
	if (!v)
		return DKIMV_NONE;
	if (p < end)
		p++;
	dkimv_body(v, p, (size_t)(end - p));
	return dkimv_finish(v, "linkedin.com", &o);
}

int main(int argc, char **argv)
{
	int n = argc > 3 ? atoi(argv[3]) : 2000;
	size_t len;
	char err[200], *raw;
	struct dkimv_lib *lib;
	double w, c;
	enum dkimv_result r;

	if (argc < 3 || n < 1 || !(raw = read_file(argv[2], 1 << 24, &len))) {
		fprintf(stderr, "usage: dkim_bench RESOLVER FILE [N]\n");
		return 2;
	}
	w = clock_of(CLOCK_MONOTONIC);
	c = clock_of(CLOCK_PROCESS_CPUTIME_ID);
	if (!(lib = dkimv_lib_new("", argv[1], 2000, err, sizeof err))) {
		fprintf(stderr, "dkim_bench: %s\n", err);
		return 1;
	}
	r = verify(lib, raw, len);
	printf("cold (new resolver, key from DNS): %s, %.0f us wall, %.0f us CPU\n",
	       dkimv_result_name(r), (clock_of(CLOCK_MONOTONIC) - w) * 1e6,
	       (clock_of(CLOCK_PROCESS_CPUTIME_ID) - c) * 1e6);
	w = clock_of(CLOCK_MONOTONIC);
	c = clock_of(CLOCK_PROCESS_CPUTIME_ID);
	for (int i = 0; i < n; i++)
		r = verify(lib, raw, len);
	printf("warm (key cached), %d messages of %zu bytes: %s, %.0f us wall, %.0f us CPU each\n",
	       n, len, dkimv_result_name(r), (clock_of(CLOCK_MONOTONIC) - w) * 1e6 / n,
	       (clock_of(CLOCK_PROCESS_CPUTIME_ID) - c) * 1e6 / n);
	dkimv_lib_free(lib);
	free(raw);
	return 0;
}
