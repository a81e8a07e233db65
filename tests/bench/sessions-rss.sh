#!/bin/bash
# sessions-rss.sh - the daemon's memory under many concurrent sessions: SESSIONS SMTP
# sessions through a private Postfix each hold a large invitation (a base64 HTML body of
# BODY bytes, more than max_scan_bytes, in a charset whose letters triple in UTF-8) at
# DATA, then all end it at once; the daemon's VmRSS and VmHWM are read from /proc
# (tests/bench/sessions_rss.py). See docs/performance.md, "Memory".
#
# usage: bash tests/bench/sessions-rss.sh [-s SESSIONS] [-b BODY]	(200, 700000)
# needs root and postfix; run it as `make bench-sessions`
set -u
SESSIONS=200 BODY=700000
while getopts s:b: o; do
	case $o in s) SESSIONS=$OPTARG ;; b) BODY=$OPTARG ;; *) exit 64 ;; esac
done
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/e2e/lm.sh"
e2e_need postfix postconf "$E2E_PY"
e2e_init
strip_for_injection "$(corpus_file 2020-en-no-note-pymk4)" >"$E2E/invitation.eml"

lm_config
lm_start || exit 1
postfix_start "unix:$LM_SOCK" "default_process_limit = $(( SESSIONS + 50 ))" \
	"smtpd_timeout = 600s" "milter_content_timeout = 600s" || exit 1
pid=$(lm_pid)
echo "# $(nproc) cores; Postfix $(postconf -d -h mail_version); $SESSIONS sessions;" \
	"daemon at start: VmRSS $(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status") KiB"
"$E2E_PY" "$top_srcdir/tests/bench/sessions_rss.py" "$PF_PORT" "$SESSIONS" "$pid" \
	"$E2E/invitation.eml" "$BODY"
wait_until 120 eval '[ "$(delivered_count)" -ge '"$SESSIONS"' ]' ||
	echo "# only $(delivered_count) of $SESSIONS delivered" >&2
echo "# delivered $(delivered_count)"
lm_stop
