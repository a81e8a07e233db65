# sendmail-testmode.sh - test mode is the daemon behind Sendmail too: every corpus message goes
# through a private Sendmail with a verifying opendkim (stamping its Authentication-Results
# with Sendmail's queue id) before linkedin-milter, relayed to a private Postfix that delivers
# it; each delivered file, read back with -t (local_hosts naming both MTAs), gets the kind,
# authenticity, verdict and reasons the daemon logged. It also shows where Sendmail puts the
# verifier's header.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf opendkim m4 unshare "$E2E_PY"
sendmail_setup || skip_all "cannot get the sendmail packages (apt-get download sendmail-bin sendmail-base sendmail-cf)"

ok "a verifying opendkim starts" verifier_start
lm_config 'local_hosts = [ "mx.lm-e2e.test", "sm.lm-e2e.test" ];'
ok "linkedin-milter starts" lm_start
ok "postfix starts without a milter (it only delivers)" postfix_start ""
SM_FIRST_MILTER=unix:$E2E_RUN/verify.sock
ok "sendmail starts with opendkim, then linkedin-milter" sendmail_start "unix:$LM_SOCK"

n=$(ls "$top_srcdir"/tests/data/corpus/*.eml | wc -l)
ok "every corpus message is accepted by sendmail" \
	"$E2E_PY" "$top_srcdir/tests/e2e/testmode-same.py" send "$SM_PORT" "$top_srcdir/tests/data/corpus" "$E2E"
ok "all $n are delivered through sendmail and postfix" wait_delivered "$n" 300
f=$(delivered_files | head -n 1)
e2e_diag "where the verifier's header lands through sendmail: $(awk '/^\r?$/ { exit } /^[^ \t]/ { sub(/:.*/, ""); printf "%s ", $0 }' "$f" | cut -c1-200)"
# Sendmail, like Postfix, puts the header a milter inserts at the top above its own Received
is "opendkim's Authentication-Results comes before sendmail's Received, after postfix's" \
	"$(grep -n -i -E '^(Received: from .*|Authentication-Results: mx\.example\.org/.*)' "$f" | head -n 3 | cut -d: -f2 | tr '\n' ' ')" \
	"Received Authentication-Results Received "
same_as_daemon "$n" sm.lm-e2e.test
is "the daemon logged with sendmail's queue ids" \
	"$(grep -c -E '^linkedin-milter: info: [0-9A-Za-z]{14}: kind=' "$E2E/lm.log" | sed 's/^[1-9][0-9]*$/some/')" some
done_testing
