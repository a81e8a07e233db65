# tsan-load.sh - the daemon built with ThreadSanitizer (./configure --enable-tsan) under
# load through a real Postfix for TSAN_SECONDS (60): 8 concurrent SMTP sessions of
# invitations and ordinary mail, a reload (SIGUSR1) every 100 ms, the metrics page read
# every 10 ms, drafts to a Maildir and, for the recipients of a profile, to an IMAP
# server that accepts connections and never answers. ThreadSanitizer must report
# nothing, every message must be accepted and delivered once, and the silent server's
# drafts wait in the spool. Skipped unless the daemon was built with ThreadSanitizer.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf "$E2E_PY"
grep -aq __tsan_init "$LM" || skip_all "the daemon is not built with ThreadSanitizer (./configure --enable-tsan)"
: "${TSAN_SECONDS:=60}"
HELP=$top_srcdir/tests/e2e/tsan-load.py

corpus_manifest >"$E2E/manifest"
T=$(wc -l <"$E2E/manifest")

e2e_spawn silent "$E2E_PY" "$HELP" silent "$E2E/silent.port"
wait_until 10 test -s "$E2E/silent.port" || exit 1
SILENT=$(cat "$E2E/silent.port")
# the daemon writes its reports as nobody, into a directory of its own
mkdir -p "$E2E/tsan" && chmod 0777 "$E2E/tsan"
export TSAN_OPTIONS="log_path=$E2E/tsan/report halt_on_error=0 second_deadlock_stack=1 suppressions=$top_srcdir/tests/tsan.supp"
lm_config "metrics = \"unix:$E2E_RUN/metrics.sock\";" \
	"profiles = ( { recipients = [ \"^silent-\" ];
	  drafts = { store = \"imap://%u@127.0.0.1:$SILENT/Drafts\"; imap_timeout = 2;
		     timeout_ms = 200; }; } );"
ok "-n takes the configuration" "$LM" -n -c "$E2E/lm.conf"
ok "linkedin-milter (ThreadSanitizer) starts" lm_start
ok "postfix starts with it" postfix_start "unix:$LM_SOCK"
pid=$(lm_pid)

# the reloads and the scrapes, until told to stop
(while [ ! -e "$E2E/stop" ]; do kill -USR1 "$pid" 2>/dev/null; sleep 0.1; done) & reloader=$!
"$E2E_PY" "$HELP" scrape "$E2E_RUN/metrics.sock" "$E2E/stop" 10 >"$E2E/scrape.out" & scraper=$!

# batches of the corpus over 8 sessions, to Maildir and to silent-IMAP recipients in turn,
# until the time is up
start=$SECONDS first=0 round=0
while [ $((SECONDS - start)) -lt "$TSAN_SECONDS" ]; do
	case $((round % 2)) in 0) rpfx=mail ;; 1) rpfx=silent ;; esac
	"$E2E_PY" "$top_srcdir/tests/e2e/load.py" send "$PF_PORT" 8 "$first" "$T" 3 "$rpfx" \
		"$E2E/manifest" >"$E2E/codes.$round"
	first=$((first + T)) round=$((round + 1))
done
took=$((SECONDS - start))
touch "$E2E/stop"
wait "$reloader" "$scraper"
reloads=$(grep -c 'notice: reloaded ' "$E2E/lm.log")
echo "# $first messages in $round batches, $reloads reloads, $(cat "$E2E/scrape.out") in $took s"

codes=$(cat "$E2E"/codes.* | awk '{ print $4 }' | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')
is "all $first messages over 8 sessions were accepted" "$codes" "250:$first "
ok "as many were delivered" wait_delivered "$first" 120
# (signals that come while a reload runs merge into one: slower under ThreadSanitizer)
ok "the configuration was reloaded all along ($reloads times)" test "$reloads" -ge "$took"
ok "the metrics page was read all along" eval \
	'[ "$(awk "{ print \$2 }" "$E2E/scrape.out")" -ge $((took * 10)) ]'
ok "drafts were stored in the Maildir" eval \
	'[ -n "$(find "$E2E/drafts" -path "*/cur/*" -type f | head -n 1)" ]'
ok "the silent server's drafts wait in the spool" eval \
	'[ -n "$(find "$E2E/spool" -maxdepth 1 -name "*.draft" | head -n 1)" ]'
ok "the daemon stops" lm_stop
reports=$(cat "$E2E"/tsan/report.* 2>/dev/null | grep -c '^WARNING: ThreadSanitizer')
is "ThreadSanitizer reported nothing" "$reports" 0
[ "$reports" = 0 ] || cat "$E2E"/tsan/report.* | head -n 400 | sed 's/^/# /'
done_testing
