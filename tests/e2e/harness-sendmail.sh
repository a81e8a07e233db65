# harness-sendmail.sh - self-test of the e2e harness: the null milter behind a private
# Sendmail 8.17, relaying to a private Postfix without milter
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lib.sh"

e2e_need postfix postconf script m4 unshare setsid apt-get dpkg "$E2E_PY"
[ -n "${NULLMILTER:-}" ] || e2e_need cc
[ -n "${NULLMILTER:-}" ] || [ -r /usr/include/libmilter/mfapi.h ] || skip_all "libmilter-dev not installed"
e2e_init
sendmail_setup || skip_all "cannot get the sendmail packages (apt-get download sendmail-bin sendmail-base sendmail-cf)"

cat >"$E2E/msg.eml" <<'MSG'
From: Harness <sender@example.net>
To: Recipient <rcpt@example.com>
Subject: e2e harness self-test through Sendmail
Message-ID: <harness-sendmail@lm-e2e.test>
Date: Mon, 01 Jan 2024 10:00:00 +0000

Hello from the harness, via Sendmail.
MSG

ok "the sendmail packages are unpacked in a private root" test -x "$SM_ROOT/usr/libexec/sendmail/sendmail"
NM=$(build_nullmilter); ok "the null milter builds" test -x "$NM"
sock=$E2E_RUN/null.sock
e2e_spawn nullmilter "$NM" -p "unix:$sock" -m 0666
ok "the null milter listens on a unix socket under /run" milter_wait_socket "unix:$sock"

ok "postfix starts without a milter" postfix_start ""
t0=$SECONDS
ok "sendmail starts with the null milter" sendmail_start "unix:$sock"
ok "sendmail starts without waiting for DNS" test $((SECONDS - t0)) -lt 10
is "the sendmail daemon leads its own process group" "$(ps -o pgid= -p "$SM_PID" | tr -d ' ')" "$SM_PID"

reply=$(sendmail_send "$E2E/msg.eml" rcpt@example.com); rc=$?
is "sendmail accepts the message" "$rc ${reply%% *}" "0 250"
ok "it is relayed to postfix and delivered" wait_delivered 1 20
f=$(delivered_files | head -n 1)
is "the delivered copy has X-Null-Milter: yes exactly once" "$(grep -c '^X-Null-Milter: yes$' "$f" 2>/dev/null)" 1
ok "it passed through Sendmail 8.17" grep -q 'by sm.lm-e2e.test (8\.17' "$f"
is "the body arrives intact" "$(sed '1,/^$/d' "$f")" "$(sed '1,/^$/d' "$E2E/msg.eml")"

ok "the null milter exits on SIGTERM" e2e_stop nullmilter 15
reply=$(sendmail_send "$E2E/msg.eml" rcpt@example.com); rc=$?
is "with the milter down (F=T) sendmail answers 4xx" "$rc" 4
ok "the reply is 451 4.3.2" has_line "$reply" '^451 4\.3\.2 '
e2e_diag "reply: $reply"

pid=$SM_PID; sendmail_stop
ok "sendmail_stop stops the daemon and its children" pid_gone "$pid"

done_testing
