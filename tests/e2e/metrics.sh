# metrics.sh - the metrics endpoint of a daemon behind a real Postfix: `-n` checks the
# setting; the counters move by exactly the messages sent; callback histograms, drafts and
# reloads are counted; a taken port stops a second daemon with a clear error; clients that
# never read do not hold the mail, and are dropped; a unix socket works too
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf "$E2E_PY"
SCRAPE=$top_srcdir/tests/e2e/scrape.py

PORT=$(free_port)
M="inet:$PORT@127.0.0.1"
scrape() { "$E2E_PY" "$SCRAPE" "${1:-$M}" >"$E2E/scrape.txt"; }
# metric 'NAME{LABELS}': its value in the last scrape ("" when it is not there)
metric() { awk -v m="$1" '$1 == m { print $2 }' "$E2E/scrape.txt"; }
sent=0
send() {	# send SLUG ID: through Postfix and the daemon, wait for its delivery
	send_corpus "$1" "$2" || return 1
	sent=$((sent + 1))
	wait_delivered "$sent"
}

lm_config "metrics = \"inet:99999@127.0.0.1\";"
out=$("$LM" -n -c "$E2E/lm.conf" 2>&1)
ok "-n refuses a bad metrics setting" test $? -ne 0
ok "and says which key" has_line "$out" 'metrics: bad socket: the port must be 1 to 65535'
lm_config "metrics = \"$M\";"
ok "-n takes metrics = \"$M\"" "$LM" -n -c "$E2E/lm.conf"
ok "linkedin-milter starts with metrics on $M" lm_start
ok "postfix starts with it" postfix_start "unix:$LM_SOCK"

ok "the endpoint answers" scrape
is "no message seen yet" "$(metric linkedin_milter_messages_total)" 0
is "config generation 1" "$(metric linkedin_milter_config_generation)" 1
is "another path is not found" "$("$E2E_PY" "$SCRAPE" "$M" /x >/dev/null; echo $?)" 1
ok "the text is well-formed exposition format" "$E2E_PY" "$SCRAPE" --check "$E2E/scrape.txt"
if command -v promtool >/dev/null 2>&1; then
	ok "promtool check metrics accepts it" sh -c 'promtool check metrics <"$1"' - "$E2E/scrape.txt"
else
	ok "promtool check metrics # SKIP promtool is not installed (Debian package prometheus)" true
fi

for slug in 2020-en-no-note-pymk4 2019-en-guest 2025-en-no-note-no-ar; do
	ok "invitation $slug" send "$slug" "$slug"
done
ok "an ordinary mail" send none-personal-dinner plain1
ok "another" send none-newsletter-html plain2
ok "scraped" scrape
is "five messages" "$(metric linkedin_milter_messages_total)" 5
is "two accepted at the end of the headers" "$(metric linkedin_milter_accepted_at_headers_total)" 2
is "three invitations" "$(metric 'linkedin_milter_linkedin_total{kind="invitation"}')" 3
is "no reminder" "$(metric 'linkedin_milter_linkedin_total{kind="reminder"}')" 0
is "no notification (the kind's one name)" \
	"$(metric 'linkedin_milter_linkedin_total{kind="notification"}')" 0
is "three asked" "$(metric 'linkedin_milter_verdicts_total{verdict="ask"}')" 3
is "three no-note reasons" "$(metric 'linkedin_milter_reasons_total{reason="no-note"}')" 3
is "three drafts stored in the Maildir" \
	"$(metric 'linkedin_milter_drafts_total{store="maildir",result="stored"}')" 3
is "three stored answers from the Maildir store" \
	"$(metric 'linkedin_milter_store_results_total{store="maildir",result="stored"}')" 3
is "three store latencies" "$(metric 'linkedin_milter_store_seconds_count{store="maildir"}')" 3
is "five MAIL FROM callbacks timed" \
	"$(metric 'linkedin_milter_callback_seconds_count{callback="envfrom"}')" 5
is "three end-of-message callbacks timed" \
	"$(metric 'linkedin_milter_callback_seconds_count{callback="eom"}')" 3
is "every one under +Inf" \
	"$(metric 'linkedin_milter_callback_seconds_bucket{callback="eom",le="+Inf"}')" 3
is "no error" "$(metric 'linkedin_milter_errors_total{place="end_of_message"}')" 0
is "an empty spool" "$(metric linkedin_milter_spool_drafts)" 0
ok "no label value from the mail (names, addresses)" \
	eval '! grep -Ei "example|smith|@|linkedin\.com" "$E2E/scrape.txt"'

kill -USR1 "$(lm_pid)"
ok "a reload is counted" wait_until 10 eval 'scrape && [ "$(metric linkedin_milter_config_generation)" = 2 ]'
is "as a good one" "$(metric 'linkedin_milter_reloads_total{result="ok"}')" 1
is "the last reload worked" "$(metric linkedin_milter_last_reload_ok)" 1

# a second daemon wanting the same port stops at once, saying why
sed -e "s|$E2E_RUN/lm.sock|$E2E_RUN/lm2.sock|" -e "s|$E2E_RUN/lm.pid|$E2E_RUN/lm2.pid|" \
	"$E2E/lm.conf" >"$E2E/lm2.conf"
out=$(timeout 20 "$LM" -f -c "$E2E/lm2.conf" 2>&1); rc=$?
ok "a second daemon on the taken port exits with an error ($rc)" test "$rc" -ne 0 -a "$rc" -ne 124
ok "it says the port is taken" has_line "$out" "metrics endpoint $M: cannot listen: Address already in use"

# twenty clients that send half a request and never read: the mail goes on
"$E2E_PY" "$SCRAPE" --wedge "$M" 20 30 >"$E2E/wedge.out" &
wedge=$!
wait_until 5 test -s "$E2E/wedge.out"
start=$(date +%s)
ok "an invitation while the endpoint is wedged" send 2022-en-apostrophe-hyphen wedged1
ok "an ordinary mail too" send none-calendar-invitation wedged2
took=$(( $(date +%s) - start ))
ok "both delivered in ${took}s (not held)" test "$took" -le 10
sleep 6	# the endpoint drops clients idle for 5 s
ok "the endpoint answers again while those clients still hold their sockets" scrape
ok "(they do)" pid_alive "$wedge"
ok "a scrape after it is well-formed too" "$E2E_PY" "$SCRAPE" --check "$E2E/scrape.txt"
is "seven messages" "$(metric linkedin_milter_messages_total)" 7
is "four drafts stored" "$(metric 'linkedin_milter_drafts_total{store="maildir",result="stored"}')" 4
kill "$wedge"; wait "$wedge" 2>/dev/null
lm_stop

# a unix socket
lm_config "metrics = \"unix:$E2E_RUN/metrics.sock\";"
ok "the daemon starts with metrics on a unix socket" lm_start
ok "it answers there" scrape "unix:$E2E_RUN/metrics.sock"
is "a fresh count" "$(metric linkedin_milter_messages_total)" 0
is "the socket has the milter socket's mode" "$(stat -c %a "$E2E_RUN/metrics.sock")" 660
lm_stop
done_testing
