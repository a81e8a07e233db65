# leaks.sh - valgrind finds no leak and no invalid access: in test mode over the whole
# corpus (drafts written), and in the daemon over a miltertest session (its metrics endpoint
# scraped), stopped by SIGTERM
. "$top_srcdir/tests/lib.sh"
command -v valgrind >/dev/null || skip_all "valgrind not found"
srcdir=$(cd "$top_srcdir" && pwd)
make_tmp
# valgrind cannot follow PCRE2's JIT code: the interpreter gives the same results
export LINKEDIN_MILTER_NO_JIT=1
VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9"

cd "$srcdir/tests/data" || exit 1
$VG "$LM" -c corpus.conf -t --drafts="maildir:$TMP/drafts/%u" corpus/*.eml >"$TMP/out.json" 2>"$TMP/vg1.err"
rc=$?
is "test mode over the corpus: valgrind exits clean" "$rc" 0
[ "$rc" = 0 ] || grep '^==' "$TMP/vg1.err" | head -n 30 | sed 's/^/# /'
ok "and writes its drafts" test -n "$(ls "$TMP"/drafts/*/cur 2>/dev/null)"

[ -n "$MILTERTEST" ] && [ "$(id -u)" = 0 ] || { done_testing; exit; }
cat >"$TMP/lm.conf" <<CONF
socket = "unix:$TMP/lm.sock"; pidfile = "$TMP/lm.pid"; user = "root"; allow_root = true;
metrics = "unix:$TMP/metrics.sock";
authserv_id = "mx.example.org";
patterns = "$srcdir/conf/patterns.conf"; lexicons = "$srcdir/conf/lexicons.conf";
drafts = { store = "maildir:$TMP/d/%u"; templates = "$srcdir/conf/templates"; spool = "$TMP/spool"; };
CONF
$VG --log-file="$TMP/vg2.err" "$LM" -f -c "$TMP/lm.conf" 2>"$TMP/lm.log" &
pid=$!
cat >"$TMP/session.lua" <<'LUA'
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = mt.connect("unix:" .. SOCK, 300, 0.1)
lib.check(conn ~= nil, "no connection")
for i = 1, 6 do
	local path = lib.corpus(({ "2020-en-no-note-pymk4", "none-personal-dinner", "phish-2012-fake-reminder" })[i % 3 + 1])
	local from, rcpt = lib.envelope_of(path)
	lib.send_file(conn, path, from, rcpt, 2048, "Q" .. i)
end
mt.disconnect(conn)
LUA
(cd "$TMP" && "$MILTERTEST" -s "$TMP/session.lua" -D SOCK="$TMP/lm.sock" -D DATA="$srcdir/tests/data") >"$TMP/mt.out" 2>&1
is "a miltertest session with the daemon under valgrind" "$?" 0
"${PYTHON3:-python3}" "$srcdir/tests/e2e/scrape.py" "unix:$TMP/metrics.sock" >"$TMP/metrics.txt"
is "its metrics endpoint answers" "$?" 0
ok "and counts the six messages" grep -qx 'linkedin_milter_messages_total 6' "$TMP/metrics.txt"
kill -TERM "$pid"
wait "$pid"
rc=$?
is "the daemon stops on SIGTERM and valgrind finds nothing" "$rc" 0
[ "$rc" = 0 ] || grep '^==' "$TMP/vg2.err" | head -n 40 | sed 's/^/# /'
ok "it logged its totals" grep -q 'totals: messages=6 ' "$TMP/lm.log"
done_testing
