# hostile.sh - the hostile-mail corpus (tests/data/make-hostile.py: truncated messages, binary
# bodies, 1 MB header lines, 10,000 headers, MIME 1,000 deep and 10,000 parts wide, NUL bytes,
# bad charsets and encodings, encoded words hiding CR/LF, 10 KB of combining marks ...) through
# a real Postfix twice: through a do-nothing milter, then through linkedin-milter. Postfix
# answers the same, every message is delivered, the ordinary ones byte for byte alike, no header
# is injected into a message or a draft, and the daemon stays up with bounded memory.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf "$E2E_PY"

"$E2E_PY" "$top_srcdir/tests/data/make-hostile.py" "$E2E/hostile" >/dev/null || exit 1
total=$(wc -l <"$E2E/hostile/index.txt")
ok "the hostile corpus has at least 200 messages ($total)" test "$total" -ge 200
others=$(grep -c ' other$' "$E2E/hostile/index.txt")

# Postfix's limits stay the defaults (header_size_limit, line_length_limit ...) and it cuts
# long headers shorter when any milter is there: the reference run goes through a do-nothing
# milter (which adds only X-Null-Milter), and linkedin-milter must change nothing else
NM=$(build_nullmilter) || exit 1
e2e_spawn null "$NM" -p "unix:$E2E_RUN/null.sock" -m 0666
milter_wait_socket "unix:$E2E_RUN/null.sock" 20 || exit 1
postfix_start "unix:$E2E_RUN/null.sock" || exit 1
run() {	# run NAME: send the corpus, wait for every accepted message, move the Maildir aside
	"$E2E_PY" "$top_srcdir/tests/e2e/inject-dir.py" "$PF_PORT" "$E2E/hostile" >"$E2E/codes.$1"
	wait_delivered "$(grep -c ' 250$' "$E2E/codes.$1")" 120
	mv "$PF_MAILDIR/new" "$E2E/delivered.$1" && mkdir "$PF_MAILDIR/new" &&
		chown nobody:nogroup "$PF_MAILDIR/new"
}
run plain

lm_config
lm_start || exit 1
postfix_reload_milters "unix:$LM_SOCK" || exit 1
run milter
accepted=$(grep -c ' 250$' "$E2E/codes.milter")
ok "Postfix answers every message as it does with a do-nothing milter" \
	cmp -s "$E2E/codes.plain" "$E2E/codes.milter"
# Postfix itself refuses one: 10,000 Received headers are over its hopcount_limit (554)
is "it accepts all but the one over its hop limit" "$accepted:$(grep -v ' 250$' "$E2E/codes.milter" | tr '\n' ' ')" \
	"$(( total - 1 )):$(awk '$2 == "10000-received" { print $1 }' "$E2E/hostile/index.txt") 554 "

is "every accepted message is delivered" "$(ls "$E2E/delivered.milter" | wc -l)" "$accepted"
"$E2E_PY" "$top_srcdir/tests/e2e/same-delivery.py" "$E2E/hostile/index.txt" "$E2E/delivered.plain" \
	"$E2E/delivered.milter" >"$E2E/diff.txt"
ok "the $others ordinary messages arrive as through a do-nothing milter" test ! -s "$E2E/diff.txt"
head -n 10 "$E2E/diff.txt" | sed 's/^/# /'

# no header made from what the network sent: the corpus hides "Bcc: victim" in encoded words,
# names, notes and literal CR/LF; no delivered message may have a Bcc header
is "no delivered message gained a header from its content" \
	"$(with_header "$E2E/delivered.milter" Bcc | wc -l)" 0
drafts=$(find "$E2E/drafts" -type f -path '*/cur/*' | wc -l)
ok "drafts were written ($drafts)" test "$drafts" -gt 0
is "every draft has only the headers we write" "$(foreign_draft_headers | tr '\n' ' ')" ""

pid=$(lm_pid)
ok "the daemon is still running" pid_alive "$pid"
rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
ok "its memory stays bounded (RSS $rss KiB < 65536)" test "${rss:-999999}" -lt 65536
is "it logged no error and no internal fault" \
	"$(grep -c -E ': (error|crit|alert|emerg): |internal error' "$E2E/lm.log")" 0
grep -E ': (error|crit|alert|emerg): |internal error' "$E2E/lm.log" | head -n 5 | sed 's/^/# /'
done_testing
