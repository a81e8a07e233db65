# load.sh - the whole mixed corpus (invitations of every era and language, phishing, ordinary
# and malformed mail) over LOAD_SESSIONS concurrent SMTP sessions through a real Postfix and the
# daemon, in two halves of LOAD_MESSAGES/2: every message is accepted and delivered once, each
# invitation has exactly one draft however often it came (reminders: the same recipient and
# inviter again, some of them at the same moment), and the daemon's descriptors and memory do
# not grow from the first half to the second.
#
# CI runs 3,000 messages over 200 sessions; on demand (`make load`):
#	LOAD_MESSAGES=100000 LOAD_USERS=100 bash tests/e2e/load.sh
#	LOAD_SOAK_SECONDS=3600 bash tests/e2e/load.sh	(halves again until the time is up)
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf "$E2E_PY"
: "${LOAD_MESSAGES:=3000}" "${LOAD_SESSIONS:=200}" "${LOAD_USERS:=5}" "${LOAD_SOAK_SECONDS:=0}"
LOAD=$top_srcdir/tests/e2e/load.py
half=$(( LOAD_MESSAGES / 2 ))

corpus_manifest >"$E2E/manifest"
T=$(wc -l <"$E2E/manifest")

# every recipient's drafts in one folder per domain, as on a server with many users
LM_STORE="maildir:$E2E/drafts/%d/Drafts" lm_config
lm_start || exit 1
postfix_start "unix:$LM_SOCK" "default_process_limit = 250" || exit 1
pid=$(lm_pid)
fds() { ls "/proc/$pid/fd" | wc -l; }
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }
threads() { ls "/proc/$pid/task" | wc -l; }
spooled() { find "$E2E/spool" -type f -name '*.eml' | wc -l; }
peak_sessions() {	# in the background: the most descriptors seen, into $E2E/peak (libmilter
			# serves sessions from a pool of threads: each session is one socket)
	local n max=0
	while [ -d "/proc/$pid" ]; do
		n=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
		[ "$n" -gt "$max" ] && max=$n && echo "$max" >"$E2E/peak"
		sleep 0.2
	done
}
sent=0
batch() {	# batch FIRST COUNT SESSIONS RPFX: send, wait for delivery and for the drafts
	local out=$E2E/codes.$4.$1
	"$E2E_PY" "$LOAD" send "$PF_PORT" "$3" "$1" "$2" "$LOAD_USERS" "$4" "$E2E/manifest" >"$out"
	sent=$(( sent + $2 ))
	wait_delivered "$sent" $(( 60 + $2 / 20 )) &&
		wait_until 60 eval '[ "$(spooled)" = 0 ]'
}

# which templates make a draft: each once, to a recipient of its own
CAL=1000000000	# calibration messages are numbered from here: beyond any run, soaks included
batch "$CAL" "$T" 8 cal || exit 1
"$E2E_PY" "$LOAD" drafts "$E2E/drafts" >"$E2E/drafts.cal"
awk '{ print $2 % T }' T="$T" "$E2E/drafts.cal" | sort -n -u >"$E2E/with-draft"
ok "the corpus has templates with and without a draft ($(wc -l <"$E2E/with-draft") of $T)" \
	eval '[ -s "$E2E/with-draft" ] && [ "$(wc -l <"$E2E/with-draft")" -lt "$T" ]'
base_threads=$(threads) base_fds=$(fds)
peak_sessions & sampler=$!

first=0 round=0 start=$(date +%s)
while :; do
	batch "$first" "$half" "$LOAD_SESSIONS" load || { first=$(( first + half )); break; }
	first=$(( first + half )) round=$(( round + 1 ))
	wait_until 30 eval '[ "$(threads)" -le "$base_threads" ]'
	fd[$round]=$(fds) rss[$round]=$(rss)
	[ "$round" -ge 2 ] && [ $(( $(date +%s) - start )) -ge "$LOAD_SOAK_SECONDS" ] && break
done
total=$first
kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
peak=$(( $(cat "$E2E/peak") - base_fds ))
ok "the daemon served up to $peak sessions at once" test "$peak" -ge $(( LOAD_SESSIONS / 4 ))
[ "$round" -ge 2 ] || { fd[2]=-1 rss[2]=-1 fd[1]=${fd[1]:--2} rss[1]=${rss[1]:-0} round=2; }
codes=$(cat "$E2E"/codes.load.* | awk '{ print $4 }' | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')
is "all $total messages over $LOAD_SESSIONS sessions are accepted" "$codes" "250:$total "
is "as many are delivered" "$(( $(delivered_count) - T ))" "$total"
is "none twice" "$(grep -r -h -i '^Message-ID: <load-' "$PF_MAILDIR/new" | sort | uniq -d | wc -l)" 0

# one draft per (recipient, invitation) whose template makes one; none for the others
"$E2E_PY" "$LOAD" drafts "$E2E/drafts" | awk -v cal="$CAL" '$2 < cal' >"$E2E/drafts.load"	# not calibration
cat "$E2E"/codes.load.* | awk 'NR == FNR { d[$1] = 1; next } ($2 in d) { print $3 }' \
	"$E2E/with-draft" - | sort -u >"$E2E/expected"
cat "$E2E"/codes.load.* | awk 'NR == FNR { d[$2] = 1; next } ($1 in d) { print $3 }' \
	"$E2E/drafts.load" - | sort >"$E2E/got"
is "each invitation has its draft ($(wc -l <"$E2E/expected") from $total messages)" \
	"$(sort -u "$E2E/got" | cmp -s - "$E2E/expected" && echo same)" same
is "and only one" "$(uniq -d "$E2E/got" | wc -l):$(awk '{ print $1 }' "$E2E/drafts.load" | sort | uniq -d | wc -l)" "0:0"
is "nothing is left in the spool" "$(spooled)" 0

ok "the daemon is still running" pid_alive "$pid"
is "no descriptor is left open (${fd[1]} after the first half, ${fd[$round]} at the end)" \
	"${fd[$round]}" "${fd[1]}"
ok "memory does not grow (RSS ${rss[1]} KiB after the first half, ${rss[$round]} KiB at the end)" \
	test "${rss[$round]}" -le $(( rss[1] + rss[1] / 10 + 2048 ))
is "it logged no error" "$(grep -c -E ': (error|crit|alert|emerg): |internal error' "$E2E/lm.log")" 0
grep -E ': (error|crit|alert|emerg): ' "$E2E/lm.log" | head -n 5 | sed 's/^/# /'
done_testing
