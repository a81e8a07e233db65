# testmode-same.sh - test mode is the daemon: every message of the corpus goes through a
# private Postfix with a verifying opendkim in front (its Authentication-Results stamped with
# the queue id) and linkedin-milter behind; each delivered file, read back with -t and the
# same configuration, gets the kind, authenticity, verdict and reasons the daemon logged.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf opendkim "$E2E_PY"

ok "a verifying opendkim starts (authserv-id mx.example.org, with the job id)" verifier_start
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
same_as_daemon "$n"
is "and the daemon judged some as phish, some as genuine" \
	"$(grep -c 'verdict=phish' "$E2E/lm.log" | sed 's/^[1-9][0-9]*$/some/')/$(grep -c 'authentic=yes' "$E2E/lm.log" | sed 's/^[1-9][0-9]*$/some/')" "some/some"
done_testing
