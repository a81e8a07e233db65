# harness-postfix.sh - self-test of the e2e harness: the null milter behind a private Postfix
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lib.sh"

e2e_need postfix postconf smtp-source script "$E2E_PY"
[ -n "${NULLMILTER:-}" ] || e2e_need cc
[ -n "${NULLMILTER:-}" ] || [ -r /usr/include/libmilter/mfapi.h ] || skip_all "libmilter-dev not installed"
e2e_init

cat >"$E2E/msg.eml" <<'MSG'
Return-Path: <old@example.org>
Delivered-To: rcpt@example.com
From: Harness <sender@example.net>
To: Recipient <rcpt@example.com>
Subject: e2e harness self-test
Message-ID: <harness-postfix@lm-e2e.test>
Date: Mon, 01 Jan 2024 10:00:00 +0000
X-Folded: first line
 second line

Hello from the harness.
.leading dot line
Bye.
MSG

NM=$(build_nullmilter); ok "the null milter builds" test -x "$NM"
sock=$E2E_RUN/null.sock
e2e_spawn nullmilter "$NM" -p "unix:$sock" -m 0666
ok "the null milter listens on a unix socket" milter_wait_socket "unix:$sock"
is "its socket has mode 0666" "$(stat -c %a "$sock" 2>/dev/null)" 666

ok "postfix starts with the null milter" postfix_start "unix:$sock"

strip_for_injection "$E2E/msg.eml" >"$E2E/clean.eml"
is "strip_for_injection removes Delivered-To and Return-Path" \
	"$(grep -ciE '^(delivered-to|return-path):' "$E2E/clean.eml")" 0
is "strip_for_injection keeps the rest" "$(grep -vciE '^(delivered-to|return-path):' "$E2E/msg.eml")" \
	"$(wc -l <"$E2E/clean.eml" | tr -d ' ')"

reply=$(send_file "$E2E/clean.eml"); rc=$?
is "send_file is accepted" "$rc ${reply%% *}" "0 250"
ok "the message is delivered" wait_delivered 1 20
first=$(delivered_files | head -n 1)
is "the delivered copy has X-Null-Milter: yes exactly once" \
	"$(grep -c '^X-Null-Milter: yes$' "$first" 2>/dev/null)" 1
is "virtual(8) prepends Delivered-To" "$(header_count "$first" Delivered-To)" 1
is "the body arrives intact" "$(sed '1,/^$/d' "$first")" "$(sed '1,/^$/d' "$E2E/clean.eml")"

ok "send_many sends 20 messages over 4 sessions" send_many "$E2E/clean.eml" 20 4
ok "all 21 messages are delivered" wait_delivered 21 30
bad=0
for f in $(delivered_files); do
	[ "$(header_count "$f" X-Null-Milter)" = 1 ] || bad=$((bad + 1))
done
is "each has the milter's header once" "$bad" 0
is "delivered_files lists the first message first" "$(delivered_files | head -n 1)" "$first"

ok "postfix_inject submits through pickup" postfix_inject "$E2E/clean.eml"
ok "the message is delivered" wait_delivered 22 20
is "non_smtpd_milters adds the header once" "$(header_count "$(delivered_files | tail -n 1)" X-Null-Milter)" 1

pid=$(e2e_pid nullmilter); t0=$SECONDS
ok "the null milter exits on SIGTERM" e2e_stop nullmilter 15
e2e_diag "it took $((SECONDS - t0)) s"
ok "it is gone" pid_gone "$pid"

reply=$(send_file "$E2E/clean.eml"); rc=$?
is "with the milter down a message is refused with 4xx" "$rc" 4
ok "the reply is a 451 tempfail" has_line "$reply" '^451 4\.'
e2e_diag "reply: $reply"
ok "the maillog names the milter" has_line "$(pf_log)" "connect to Milter service unix:$sock: "

ok "postfix_reload_milters removes the milter" postfix_reload_milters ""
reply=$(send_file "$E2E/clean.eml"); rc=$?
is "without a milter the message is accepted" "$rc ${reply%% *}" "0 250"
ok "and delivered" wait_delivered 23 20
is "without the header" "$(header_count "$(delivered_files | tail -n 1)" X-Null-Milter)" 0

pid=$(postfix_pid); postfix_stop
ok "postfix_stop stops the master and its children" pid_gone "$pid"

done_testing
