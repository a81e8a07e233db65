# memory-bound.sh - one message never holds more than 3 x max_scan_bytes of
# heap at its peak (issue 25, item 17): tests/bench/engine_bench counts every
# allocation (heap_count.c) over the corpus and over messages made to cost the
# most (worst_case.c: base64, quoted-printable, single-byte charsets that
# triple in UTF-8, a text of links, both parts of an alternative)
. "$top_srcdir/tests/lib.sh"
bench=$top_builddir/tests/bench/engine_bench
out=$(cd "$top_srcdir/tests/data" && BENCH_ONLY=memory "$bench" corpus.conf 0 corpus/*.eml)
echo "$out" | sed 's/^/# /'
n=$(echo "$out" | grep -c '^  worst case')
is "five worst-case shapes measured" "$n" 5
while read -r line; do
	r=$(echo "$line" | sed -n 's/.* = \([0-9.]*\) x max_scan_bytes.*/\1/p')
	ok "at most 3 x max_scan_bytes: $(echo "$line" | sed 's/  */ /g')" \
		awk -v r="$r" 'BEGIN { exit !(r != "" && r <= 3.0) }'
done <<EOF
$(echo "$out" | grep '^  worst case')
EOF
corpus=$(echo "$out" | sed -n 's/^peak memory added by one message of the corpus: heap \([0-9]*\) KiB.*/\1/p')
ok "a corpus message holds at most 256 KiB at its peak ($corpus KiB)" test "${corpus:-99999}" -le 256
done_testing
