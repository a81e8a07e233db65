# imap-tls.sh - the IMAP store and TLS, against a real, private Dovecot with a certificate from a
# CA made here: imaps:// and STARTTLS store a draft when the certificate verifies (against the CA
# named by ?tls-ca=), and store nothing, saying why, when it does not (unknown CA, another CA,
# another name); ?tls-verify=no opts out; with no TLS on offer the password goes in clear only to
# this machine (or with ?cleartext=yes); the configuration check refuses an unknown option.
# Drafts are stored by test mode (--drafts), which uses the daemon's store code as it is.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init dovecot openssl "$E2E_PY"
corpus=$top_srcdir/tests/data/corpus

# a CA, a server certificate from it for imap.lm-e2e.test and 127.0.0.1, and a second CA
pki=$E2E/pki
mkdir -p "$pki"
make_ca() {	# make_ca NAME
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
		-subj "/CN=$1" -keyout "$pki/$1.key" -out "$pki/$1.pem" 2>>"$pki/log"
}
make_server() {
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
		-subj "/CN=imap.lm-e2e.test" -keyout "$pki/server.key" -out "$pki/server.csr" 2>>"$pki/log" &&
	printf 'subjectAltName=DNS:imap.lm-e2e.test,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
		>"$pki/ext" &&
	openssl x509 -req -in "$pki/server.csr" -CA "$pki/test-ca.pem" -CAkey "$pki/test-ca.key" \
		-CAcreateserial -days 2 -extfile "$pki/ext" -out "$pki/server.pem" 2>>"$pki/log"
}
ok "a test CA, another CA and a server certificate are made" \
	eval 'make_ca test-ca && make_ca other-ca && make_server'
chmod a+r "$pki"/*.pem; chmod 0600 "$pki"/*.key

DC_CERT=$pki/server.pem DC_KEY=$pki/server.key DC_TLS_PORT=$(free_port)
export DC_CERT DC_KEY DC_TLS_PORT
ok "dovecot starts with TLS (STARTTLS and IMAPS)" dovecot_start
printf 'secret\n' >"$E2E/imap.secret"
LM_DRAFTS_EXTRA="credentials = \"$E2E/imap.secret\"; imap_timeout = 5;" lm_config

store() {	# store SLUG URL: test mode stores the draft of corpus message SLUG at URL; prints the log
	"$LM" -c "$E2E/lm.conf" -t --drafts="$2" "$(ls "$corpus"/[0-9][0-9][0-9]-"$1".eml)" \
		2>&1 >/dev/null
}
drafts() { imap_fetch_drafts bob.smith 2>/dev/null | grep -c '^X-LinkedIn-Draft-Key:'; }
imaps="imaps://%u@127.0.0.1:$DC_TLS_PORT/Drafts"
plain="imap://%u@127.0.0.1:$DC_PORT/Drafts"
ca="tls-ca=$pki/test-ca.pem"

out=$(store 2020-en-no-note-pymk4 "$imaps?$ca")
ok "imaps:// with the CA that signed the certificate: stored" has_line "$out" 'draft .* stored$'
is "the draft is in Drafts" "$(drafts)" 1

out=$(store 2019-en-guest "$imaps")
ok "imaps:// trusting only the system's CAs: not stored" has_line "$out" 'could not be stored now: IMAP 127.0.0.1:[0-9]+: certificate not trusted'
out=$(store 2019-en-guest "$imaps?tls-ca=$pki/other-ca.pem")
ok "imaps:// trusting another CA: not stored" has_line "$out" 'certificate not trusted'
out=$(store 2019-en-guest "imaps://%u@localhost:$DC_TLS_PORT/Drafts?$ca")
ok "imaps:// to a name the certificate does not carry: not stored" \
	has_line "$out" 'certificate not trusted: .*name in the certificate does not match'
is "nothing more in Drafts" "$(drafts)" 1

out=$(store 2019-en-guest "$imaps?tls-verify=no")
ok "?tls-verify=no stores without checking" has_line "$out" 'draft .* stored$'

out=$(store 2025-en-no-note-no-ar "$plain")
ok "imap:// with STARTTLS on offer checks the certificate too" has_line "$out" 'certificate not trusted'
logins() { grep -c "imap-login: Info: Login: user=<bob.smith>,.*${1:-}" "$E2E/dovecot/dovecot.log"; }
tls_logins() { logins ', TLS,'; }
before=$(tls_logins)
out=$(store 2025-en-no-note-no-ar "$plain?$ca")
ok "imap:// with STARTTLS and the CA: stored" has_line "$out" 'draft .* stored$'
ok "and the login went over TLS" wait_until 5 eval '[ "$(tls_logins)" -gt "$before" ]'
is "three drafts in Drafts" "$(drafts)" 3

# no TLS on offer at all
dovecot_stop
DC_CERT= DC_TLS_PORT=
ok "dovecot restarts without TLS" dovecot_start
plain="imap://%u@127.0.0.1:$DC_PORT/Drafts"
# 2130706433 is 127.0.0.1 written as one number: a host the daemon cannot tell is this machine
other="imap://%u@2130706433:$DC_PORT/Drafts"
before=$(logins)
out=$(store 2022-en-apostrophe-hyphen "$other")
ok "no STARTTLS and a host that may be another machine: the password is not sent" \
	has_line "$out" 'offers no STARTTLS: the password is not sent in clear'
is "and Dovecot saw no login" "$(logins)" "$before"
out=$(store 2022-en-apostrophe-hyphen "$other?cleartext=yes")
ok "?cleartext=yes allows it" has_line "$out" 'draft .* stored$'
out=$(store 2023-en-chinese-name-mixed-charset "$plain")
ok "to 127.0.0.1 the password may go in clear" has_line "$out" 'draft .* stored$'

sed "s|store = \"[^\"]*\"|store = \"$plain?tls-verify=maybe\"|" "$E2E/lm.conf" >"$E2E/bad.conf"
out=$("$LM" -n -c "$E2E/bad.conf" 2>&1); rc=$?
is "the configuration check refuses an unknown URL option (exit 1)" "$rc" 1
ok "and shows what the URL may hold" has_line "$out" 'store: not imap\[s\]://.*tls-ca='
done_testing
