# testmode-same.sh - test mode is the daemon: every message of the corpus goes through a
# private Postfix with a verifying opendkim in front (its Authentication-Results stamped with
# the queue id) and linkedin-milter behind; each delivered file, read back with -t and the
# same configuration, gets the kind, authenticity, verdict and reasons the daemon logged.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf opendkim "$E2E_PY"

{
	printf '%s\n' "Mode v" "Socket local:$E2E_RUN/verify.sock" "UMask 000" \
		"PidFile $E2E_RUN/verify.pid" "Background no" "Syslog no" "Nameservers 127.0.0.1" \
		"AuthservID mx.example.org" "AuthservIDWithJobID yes" "AlwaysAddARHeader yes" \
		"RemoveARFrom nothing.invalid" "DNSTimeout 1"
} >"$E2E_RUN/verify.conf"
ok "a verifying opendkim starts (authserv-id mx.example.org, with the job id)" \
	e2e_spawn verify opendkim -f -x "$E2E_RUN/verify.conf"
milter_wait_socket "unix:$E2E_RUN/verify.sock" 20
# this host is mx.lm-e2e.test: test mode takes its Received headers off as the delivery trace
lm_config 'local_hosts = [ "mx.lm-e2e.test" ];'
ok "linkedin-milter starts" lm_start
ok "postfix starts with opendkim before linkedin-milter" \
	postfix_start "unix:$E2E_RUN/verify.sock, unix:$LM_SOCK"

n=$(ls "$top_srcdir"/tests/data/corpus/*.eml | wc -l)
ok "every corpus message is accepted over SMTP" \
	"$E2E_PY" "$top_srcdir/tests/e2e/testmode-same.py" send "$PF_PORT" "$top_srcdir/tests/data/corpus" "$E2E"
ok "all $n are delivered" wait_delivered "$n" 120
f=$(delivered_files | head -n 1)
e2e_diag "where the verifier's header lands in a delivered file: $(awk '/^\r?$/ { exit } /^[^ \t]/ { sub(/:.*/, ""); printf "%s ", $0 }' "$f" | cut -c1-200)"
# Postfix puts the header a milter inserts at the top above its own Received
is "in a delivered file opendkim's Authentication-Results comes before our Received" \
	"$(grep -m2 -n -i -E '^(Received: from|Authentication-Results: mx\.example\.org/)' "$f" | cut -d: -f2 | tr '\n' ' ')" \
	"Authentication-Results Received "
wait_until 10 eval 'grep -c "kind=" "$E2E/lm.log" >/dev/null'
"$LM" -c "$E2E/lm.conf" -t "$PF_MAILDIR/new" >"$E2E/testmode.jsonl" 2>"$E2E/testmode.err"
is "test mode reads every delivered file" "$(wc -l <"$E2E/testmode.jsonl")" "$n"
"$E2E_PY" "$top_srcdir/tests/e2e/testmode-same.py" compare "$E2E/lm.log" "$E2E/testmode.jsonl" >"$E2E/same.tap"
ok "each delivered file: in test mode the daemon's kind, authenticity, verdict and reasons" \
	test "$(grep -c '^not ok' "$E2E/same.tap")" -eq 0
grep '^not ok' "$E2E/same.tap" | head -n 20 | while IFS= read -r l; do e2e_diag "$l"; done
is "and the daemon judged some as phish, some as genuine" \
	"$(grep -c 'verdict=phish' "$E2E/lm.log" | sed 's/^[1-9][0-9]*$/some/')/$(grep -c 'authentic=yes' "$E2E/lm.log" | sed 's/^[1-9][0-9]*$/some/')" "some/some"
done_testing
