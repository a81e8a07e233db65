# reload.sh - SIGUSR1 while mail flows through Postfix: no message lost or doubled, messages
# after the reload get the new rule's verdict, and a broken configuration is refused
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf "$E2E_PY"

lm_config
ok "linkedin-milter starts" lm_start
ok "postfix starts with it" postfix_start "unix:$LM_SOCK"
f=$(ls "$top_srcdir"/tests/data/corpus/[0-9][0-9][0-9]-2020-en-no-note-pymk4.eml)
strip_for_injection "$f" >"$E2E/inv.eml"

# invitations, numbered in their Message-ID, one after the other over SMTP, until told to stop
"$E2E_PY" - "$PF_PORT" "$E2E/inv.eml" "$E2E/stop" >"$E2E/sender.out" 2>&1 <<'PY' &
import os, re, smtplib, sys, time
port, path, stop = int(sys.argv[1]), sys.argv[2], sys.argv[3]
msg = open(path, "rb").read().replace(b"\r\n", b"\n")
ok = i = 0
s = smtplib.SMTP("127.0.0.1", port, timeout=60)
while not os.path.exists(stop) and i < 2000:
    m = re.sub(rb"(?mi)^Message-ID:.*$", b"Message-ID: <reload-%d@lm-e2e.test>" % i, msg, count=1)
    try:
        s.sendmail("s-1@bounce.linkedin.com", ["bob.smith@example.org"], m.replace(b"\n", b"\r\n"))
        ok += 1
    except smtplib.SMTPException as e:
        print("message %d: %s" % (i, e))
    i += 1
    time.sleep(0.02)
s.quit()
print("sent %d" % ok)
PY
sender=$!
more() {	# more N: wait until N more messages were delivered
	local want=$(( $(delivered_count) + $1 ))
	wait_until 60 eval '[ "$(delivered_count)" -ge '"$want"' ]'
}

# traffic, then a rule that changes the verdict, more traffic, a broken file, more traffic
more 20
printf 'rules = ( { field = "inviter.headline"; match = "Product"; verdict = "decline"; reason = "reloaded-rule"; } );\n' >>"$E2E/lm.conf"
kill -USR1 "$(lm_pid)"
ok "the new configuration is taken" wait_until 10 grep -q 'reloaded' "$E2E/lm.log"
more 20
# a SIGUSR2 from outside is ignored: the signal thread is still there for the next SIGUSR1
kill -USR2 "$(lm_pid)"
ok "an outside SIGUSR2 is logged as ignored" wait_until 10 grep -q 'SIGUSR2 ignored' "$E2E/lm.log"
printf 'owner = this is not valid;\n' >>"$E2E/lm.conf"
kill -USR1 "$(lm_pid)"
ok "the broken configuration is refused and logged" \
	wait_until 10 grep -q 'keeping the configuration in force' "$E2E/lm.log"
more 20
touch "$E2E/stop"
wait "$sender"
N=$(sed -n 's/^sent //p' "$E2E/sender.out")

is "every message was accepted over SMTP" "$(grep -c '^message' "$E2E/sender.out")" 0
ok "every message was delivered" wait_delivered "$N" 60
is "none was delivered twice" "$(delivered_count) $(grep -h '^Message-ID:' "$PF_MAILDIR"/new/* | sort -u | wc -l)" "$N $N"

# in the order they were sent: verdicts go from ask to decline once, never back
seq=$(for i in $(seq 0 $((N - 1))); do
	grep -l "^Message-ID: <reload-$i@" "$PF_MAILDIR"/new/* | head -n1 | xargs grep -m1 '^X-LinkedIn-Verdict:' | cut -d' ' -f2 | tr -d '\r'
done | uniq | tr '\n' ' ')
is "messages before the reload got ask, every one after it decline" "$seq" "ask decline "
ok "the new rule's reason is on the later messages" \
	grep -q '^X-LinkedIn-Reasons: reloaded-rule' "$(delivered_by_id "<reload-$((N - 1))@lm-e2e.test>")"
ok "the daemon still answers after the failed reload" kill -0 "$(lm_pid)"

# SIGHUP stops the daemon cleanly (libmilter's), as documented; it does not reload
pid=$(lm_pid)
kill -HUP "$pid"
wait "$pid"
is "SIGHUP: the daemon exits 0" "$?" 0
is "SIGHUP: it stopped and did not reload" \
	"$(grep -c 'notice: stopped$' "$E2E/lm.log") $(grep -c 'notice: reloaded ' "$E2E/lm.log")" "1 1"
rm -f "$E2E/pids/lm"
done_testing
