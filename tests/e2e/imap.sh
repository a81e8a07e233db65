# imap.sh - drafts into a real, private Dovecot over IMAP: they arrive in Drafts with \Draft;
# a second milter instance sharing the server makes no second draft for the same inviter;
# with Dovecot stopped drafts wait in the spool and arrive, once each, after it returns
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf dovecot "$E2E_PY"

ok "dovecot starts, lm.conf with its Drafts" lm_config_imap "timeout_ms = 3000; imap_timeout = 5;"
ok "linkedin-milter starts with an IMAP store" lm_start
ok "postfix starts with it" postfix_start "unix:$LM_SOCK"

send() { send_corpus "$@"; }	# send SLUG [MESSAGE-ID]: a corpus invitation to bob.smith
drafts() { imap_fetch_drafts bob.smith 2>/dev/null; }
count() { drafts | grep -c '^X-LinkedIn-Draft-Key:'; }

ok "an invitation is accepted" send 2020-en-no-note-pymk4 first
ok "its draft arrives in Drafts" wait_until 20 eval '[ "$(count)" -eq 1 ]'
ok "with the \\Draft flag" has_line "$(drafts)" '^== [0-9]+ FLAGS \(.*\\Draft.*\)'
ok "it answers the invitation" has_line "$(drafts)" '^In-Reply-To: <first@lm-e2e.test>'
ok "it is the ask draft, in English" has_line "$(drafts)" "^Thank you for the invitation to connect. I'm sorry, I can't quite place"

# a second instance, sharing nothing with the first but the IMAP server
LM_FIRST_SOCK=$LM_SOCK
sed -e "s|$E2E_RUN/lm.sock|$E2E_RUN/lm2.sock|" -e "s|$E2E_RUN/lm.pid|$E2E_RUN/lm2.pid|" \
	-e "s|$E2E/spool|$E2E/spool2|" "$E2E/lm.conf" >"$E2E/lm2.conf"
mkdir -p "$E2E/spool2"; chown nobody "$E2E/spool2"
e2e_spawn lm2 "$LM" -f -c "$E2E/lm2.conf"
ok "a second linkedin-milter starts" milter_wait_socket "unix:$E2E_RUN/lm2.sock" 20
ok "postfix now uses the second one" postfix_reload_milters "unix:$E2E_RUN/lm2.sock"
ok "the same invitation again, through the second instance" send 2020-en-no-note-pymk4 again
ok "it is delivered" wait_delivered 2
ok "the second instance found the draft on the server" wait_until 10 grep -q 'exists already' "$E2E/lm2.log"
is "still one draft for that inviter" "$(count)" 1
ok "postfix back on the first instance" postfix_reload_milters "unix:$LM_FIRST_SOCK"

# Dovecot away: drafts wait in the spool, the MTA is not held
dovecot_stop
start=$(date +%s)
for slug in 2019-en-guest 2025-en-no-note-no-ar 2022-en-apostrophe-hyphen; do
	send "$slug" || e2e_diag "sending $slug failed"
done
took=$(( $(date +%s) - start ))
ok "three invitations accepted while dovecot is down, in ${took}s (not held past timeout_ms)" \
	test "$took" -le 15
ok "their drafts wait in the spool" wait_until 10 eval '[ "$(ls "$E2E"/spool/*.draft 2>/dev/null | wc -l)" -eq 3 ]'
ok "dovecot comes back on its port" dovecot_start "$DC_PORT"
kill -USR1 "$(lm_pid)"	# a reload also retries the spool now
ok "the waiting drafts arrive" wait_until 30 eval '[ "$(count)" -eq 4 ]'
is "the spool is empty" "$(ls "$E2E"/spool/*.draft 2>/dev/null | wc -l)" 0
kill -USR1 "$(lm_pid)"
sleep 1
is "no draft was stored twice" "$(drafts | grep '^X-LinkedIn-Draft-Key:' | sort | uniq -d | wc -l)" 0
is "still four drafts" "$(count)" 4
e2e_stop lm2
done_testing
