#!/bin/bash
# daemon-rss.sh - the daemon's memory under a long run: mail through a private Postfix (nine
# ordinary messages to one invitation, each invitation a new draft), the daemon's resident set
# size read from /proc after 1k, 10k and 100k messages. Flat is right; growing is a leak.
#
# usage: bash tests/bench/daemon-rss.sh [-t TOTAL]	(default 100000; checkpoints at 1k, 10k, 100k)
# needs root, postfix, smtp-source; run it as `make bench-rss`
set -u
TOTAL=100000 CHUNK=1000 SESSIONS=8
while getopts t: o; do
	case $o in t) TOTAL=$OPTARG ;; *) exit 64 ;; esac
done
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/e2e/lm.sh"
e2e_need postfix postconf smtp-source
e2e_init
corpus=$top_srcdir/tests/data/corpus
strip_for_injection "$(ls "$corpus"/[0-9][0-9][0-9]-none-newsletter-html.eml)" >"$E2E/ordinary.eml"
strip_for_injection "$(ls "$corpus"/[0-9][0-9][0-9]-2020-en-no-note-pymk4.eml)" >"$E2E/invitation.eml"

lm_config
lm_start || exit 1
postfix_start "unix:$LM_SOCK" || exit 1
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$(lm_pid)/status"; }
delivered() { ls -f "$PF_MAILDIR/new" | grep -vc '^\.'; }

echo "# $(nproc) cores; Postfix $(postconf -d -h mail_version); $TOTAL messages in runs of $CHUNK"
printf '%10s %12s %10s\n' messages "RSS KiB" "threads"
printf '%10d %12d %10d\n' 0 "$(rss_kib)" "$(ls "/proc/$(lm_pid)/task" | wc -l)"
sent=0
while [ "$sent" -lt "$TOTAL" ]; do
	smtp-source -4 -N -s 1 -m $(( CHUNK / 10 )) -F "$E2E/invitation.eml" -M client.bench.test \
		-f s-bench@bounce.linkedin.com -t bob.smith@example.org "127.0.0.1:$PF_PORT" &
	pid=$!
	smtp-source -4 -s $(( SESSIONS - 1 )) -m $(( CHUNK - CHUNK / 10 )) -F "$E2E/ordinary.eml" \
		-M client.bench.test -f sender@example.net -t bob.smith@example.org "127.0.0.1:$PF_PORT"
	wait "$pid"
	wait_until 300 eval '[ "$(delivered)" -ge '"$CHUNK"' ]' || { echo "not delivered" >&2; exit 1; }
	find "$PF_MAILDIR/new" -type f -delete
	find "$E2E/drafts" -mindepth 1 -delete	# -N numbers again from 1: new drafts each run
	sent=$(( sent + CHUNK ))
	case $sent in 1000 | 10000 | 100000 | "$TOTAL")
		printf '%10d %12d %10d\n' "$sent" "$(rss_kib)" "$(ls "/proc/$(lm_pid)/task" | wc -l)" ;;
	esac
done
lm_stop
grep 'totals:' "$E2E/lm.log" | tail -n 1 | sed 's/^.*totals: /# totals: /'
