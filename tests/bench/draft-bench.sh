#!/bin/bash
# draft-bench.sh - reply drafts per second into a Maildir and into a real, private Dovecot over
# IMAP: test mode renders and stores the draft of N invitations, each from another inviter (so
# each is a new draft), then the same N again (each draft found, not stored again). The same
# run without storing gives the engine's own time, which is taken off: drafts/s is the store's.
# Rounds are interleaved; medians are printed.
#
# usage: bash tests/bench/draft-bench.sh [-n INVITATIONS] [-r ROUNDS]	(defaults 500, 3)
# needs root, dovecot; run it as `make bench-drafts`
set -u
N=500 ROUNDS=3
while getopts n:r: o; do
	case $o in n) N=$OPTARG ;; r) ROUNDS=$OPTARG ;; *) exit 64 ;; esac
done
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/e2e/lm.sh"
e2e_need dovecot "$E2E_PY"
e2e_init
dovecot_start || exit 1
printf 'secret\n' >"$E2E/imap.secret"
chmod 0400 "$E2E/imap.secret"
LM_STORE="imap://%u@127.0.0.1:$DC_PORT/Drafts" LM_DRAFTS_EXTRA="credentials = \"$E2E/imap.secret\";" lm_config

invitations() {	# invitations DIR TAG: N copies of a genuine invitation, each from its own inviter
	mkdir -p "$1"
	"$E2E_PY" - "$(ls "$top_srcdir"/tests/data/corpus/[0-9][0-9][0-9]-2020-en-no-note-pymk4.eml)" \
		"$1" "$2" "$N" <<'PY'
import string, sys
src, out, tag, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
raw = open(src, encoding="utf-8").read()
def name(i):
    s = ""
    for _ in range(4):
        s, i = s + string.ascii_lowercase[i % 26], i // 26
    return "Foster" + tag + s
for i in range(n):
    msg = raw.replace("Liam Foster", "Liam " + name(i)).replace("/in/liamfoster", "/in/liam" + name(i).lower())
    open("%s/%05d.eml" % (out, i), "w").write(msg)
PY
}
now() { date +%s.%N; }
run() {	# run DIR [STORE]: seconds test mode takes over DIR, with --drafts=STORE when given
	local t0 t1
	t0=$(now)
	"$LM" -c "$E2E/lm.conf" -t ${2+"--drafts=$2"} "$1" >/dev/null 2>"$E2E/err" || { cat "$E2E/err" >&2; echo 0; return 1; }
	t1=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
rate() { awk -v n="$N" -v t="$1" -v b="$2" 'BEGIN { d = t - b; printf "%.0f\n", (d > 0 ? n / d : 0) }'; }

for r in $(seq 1 "$ROUNDS"); do
	tag=$(echo abcdefghijklmnopqrstuvwxyz | cut -c"$r")	# a, b, c ...
	invitations "$E2E/in-$r" "$tag"
	run "$E2E/in-$r" >>"$E2E/t.none"
	run "$E2E/in-$r" "maildir:$E2E/md-$r/%u/Drafts" >>"$E2E/t.maildir"
	run "$E2E/in-$r" "maildir:$E2E/md-$r/%u/Drafts" >>"$E2E/t.maildir-found"
	run "$E2E/in-$r" "" >>"$E2E/t.imap"
	run "$E2E/in-$r" "" >>"$E2E/t.imap-found"
done
stored_md=$(find "$E2E"/md-*/*/Drafts/cur -type f | wc -l)
stored_imap=$(imap_fetch_drafts bob.smith 2>/dev/null | grep -c '^X-LinkedIn-Draft-Key:')

base=$(median <"$E2E/t.none")
echo "# $(nproc) cores; $(dovecot --version | cut -d' ' -f1) on 127.0.0.1; $N invitations per run, median of $ROUNDS rounds"
echo "# drafts stored: Maildir $stored_md, IMAP $stored_imap (expected $(( N * ROUNDS )) each)"
printf '%-26s %10s %12s\n' store "seconds" "drafts/s"
printf '%-26s %10s %12s\n' "none (engine only)" "$base" "-"
for c in maildir maildir-found imap imap-found; do
	t=$(median <"$E2E/t.$c")
	case $c in
	*-found) label="$c (not stored again)" ;; *) label="$c (new draft)" ;;
	esac
	printf '%-26s %10s %12s\n' "${label/-found/}" "$t" "$(rate "$t" "$base")"
done
