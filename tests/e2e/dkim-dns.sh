# dkim-dns.sh - our own DKIM verification in the daemon, with keys from a real DNS server:
# a private unbound on loopback serves the test selectors' TXT records (tests/data), and
# linkedin-milter (dkim_verify on, dns_resolver pointed at it, dkim_authres on) runs behind a
# private Postfix with no verifier in front. A genuine invitation forwarded with SRS is
# authentic on our own pass; its body changed is no pass; a copy signed with another key is
# phish; a second genuine copy takes its key from our cache (one DNS query); ordinary mail is
# never verified (the metrics); test mode, pointed at the same server, agrees; with the DNS
# server stopped, mail still goes through within dkim_timeout_ms and says why.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf unbound opendkim-testmsg "$E2E_PY"
D=$top_srcdir/tests/data
TIMEOUT_MS=1500

# ---------------------------------------------------------------- the DNS server
DNS_PORT=$(free_port)
txt() { sed -n "s/^$1 //p" "$D/dkim-test.keys"; }	# the TXT data of NAME
mkdir -p "$E2E_RUN/dns"
cat >"$E2E_RUN/dns/unbound.conf" <<CONF
server:
	interface: 127.0.0.1
	port: $DNS_PORT
	do-ip6: no
	do-daemonize: no
	username: ""
	chroot: ""
	directory: "$E2E_RUN/dns"
	pidfile: "$E2E_RUN/dns/unbound.pid"
	use-syslog: no
	logfile: ""
	log-queries: yes
	verbosity: 1
	access-control: 127.0.0.0/8 allow
	local-zone: "linkedin.com." static
	local-data: 'test._domainkey.linkedin.com. 300 IN TXT "$(txt test._domainkey.linkedin.com)"'
	local-data: 'cold._domainkey.linkedin.com. 300 IN TXT "$(txt test._domainkey.linkedin.com)"'
remote-control:
	control-enable: no
CONF
dns_up() { "$E2E_PY" - "$DNS_PORT" <<'EOF'
import socket, sys
q = bytes.fromhex("abcd01000001000000000000") + b"".join(
    bytes([len(l)]) + l.encode() for l in "test._domainkey.linkedin.com".split(".")) + b"\0\0\x10\0\1"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
s.sendto(q, ("127.0.0.1", int(sys.argv[1])))
sys.exit(0 if s.recv(4096)[3] & 15 == 0 else 1)
EOF
}
e2e_spawn dns unbound -d -c "$E2E_RUN/dns/unbound.conf"
ok "a private unbound serves the test selector on 127.0.0.1:$DNS_PORT" wait_until 10 dns_up
queries() { grep -c "$1._domainkey.linkedin.com. TXT IN" "$E2E/dns.log"; }

# ---------------------------------------------------------------- the messages
f=$(corpus_file 2025-en-srs-forwarded-ar-pass)
from=$(sed -n 's/^Return-Path: *<\(.*\)>.*/\1/p' "$f" | head -n1)
plain() {	# plain ID: the forwarded invitation without any verifier's header, Message-ID <ID@...>
	strip_for_injection "$f" |
		awk '/^\r?$/ { body = 1 } !body && /^(Authentication-Results|ARC-[A-Za-z-]*):/ { skip = 1; next }
			!body && skip && /^[ \t]/ { next } { skip = 0; print }' |
		sed "s/^Message-ID: .*/Message-ID: <$1@lm-e2e.test>/"
}
sign() {	# sign ID KEY SELECTOR: $E2E/ID.eml signed d=linkedin.com
	plain "$1" | opendkim-testmsg -d linkedin.com -s "$3" -k "$2" >"$E2E/$1.eml"
}
sign genuine "$D/dkim-test.key" test
sign again "$D/dkim-test.key" test
sign other "$D/dkim-other.key" test
sign cold "$D/dkim-test.key" cold
sign changed "$D/dkim-test.key" test
sed -i 's/I want to connect/Please verify your account at once/' "$E2E/changed.eml"
ok "the body of one copy was changed after signing" grep -q 'verify your account at once' "$E2E/changed.eml"

M="inet:$(free_port)@127.0.0.1"
metric() {	# metric 'NAME{LABELS}': its value now
	"$E2E_PY" "$top_srcdir/tests/e2e/scrape.py" "$M" | awk -v m="$1" '$1 == m { print $2 }'
}
lm_config 'dkim_verify = "on";' "dns_resolver = \"127.0.0.1:$DNS_PORT\";" \
	"dkim_timeout_ms = $TIMEOUT_MS;" 'dkim_authres = true;' "metrics = \"$M\";"
ok "linkedin-milter starts" lm_start
ok "postfix starts with linkedin-milter alone (no verifier)" postfix_start "unix:$LM_SOCK"

send() {	# send ID: over SMTP with the SRS envelope; "rc code"
	local reply rc
	reply=$(send_file "$E2E/$1.eml" bob.smith@example.org "$from"); rc=$?
	echo "$rc ${reply%% *}"
}
own() { grep -i '^X-LinkedIn-\(Verdict\|Reasons\):' "$1" | tr -d '\r'; }
ar() {	# our Authentication-Results in FILE, unfolded, the queue id replaced by QID
	awk '/^\r?$/ { exit } /^[ \t]/ { if (a) v = v " " $0; next }
		{ if (a) print v; a = 0 } /^Authentication-Results:/ { a = 1; v = $0; sub(/^[^:]*: */, "", v) }
		END { if (a) print v }' "$1" | tr -d '\r' | sed 's|^mx\.example\.org/[0-9A-Za-z]*;|mx.example.org/QID;|'
}
copy() { delivered_by_id "<$1@lm-e2e.test>"; }
ASK=$(printf '%s\n' "X-LinkedIn-Verdict: ask" "X-LinkedIn-Reasons: no-note")
PHISH=$(printf '%s\n' "X-LinkedIn-Verdict: phish" "X-LinkedIn-Reasons: foreign-envelope")

probes=$(queries test)	# our own probe's
for id in genuine changed other again; do
	is "$id: accepted over SMTP" "$(send $id)" "0 250"
done
ok "ordinary mail goes through too" send_corpus none-personal-dinner dinner
ok "all five are delivered" wait_delivered 5
g=$(copy genuine)
is "genuine, SRS-forwarded, no verifier in front: authentic on our own pass" "$(own "$g")" \
	"$ASK"
is "our Authentication-Results says so, stamped with the queue id" "$(ar "$g")" \
	"mx.example.org/QID; dkim=pass header.d=linkedin.com header.s=test (linkedin-milter)"
c=$(copy changed)
is "body changed: not a pass (phish on the envelope, as without evidence)" "$(own "$c")" \
	"$PHISH"
is "and our header says dkim=fail" "$(ar "$c")" \
	"mx.example.org/QID; dkim=fail header.d=linkedin.com header.s=test (linkedin-milter)"
o=$(copy other)
is "signed with another key: phish" "$(own "$o")" "$PHISH"
is "dkim=fail" "$(ar "$o" | cut -d' ' -f2)" "dkim=fail"
is "a second genuine copy is authentic too" "$(own "$(copy again)")" "$ASK"
is "four verifications, one DNS query: the key came from our cache" "$(( $(queries test) - probes ))" 1
P=linkedin_milter_dkim_
is "metrics: verifications by result (pass, fail, temperror, none)" \
	"$(metric "${P}verifications_total{result=\"pass\"}") $(metric "${P}verifications_total{result=\"fail\"}") $(metric "${P}verifications_total{result=\"temperror\"}") $(metric "${P}verifications_total{result=\"none\"}")" \
	"2 2 0 0"
is "ordinary mail: settled at the end of headers, never verified (four verifications)" \
	"$(metric linkedin_milter_accepted_at_headers_total) $(( $(metric "${P}verifications_total{result=\"pass\"}") + $(metric "${P}verifications_total{result=\"fail\"}") ))" "1 4"
is "metrics: one DNS lookup, three cache hits" \
	"$(metric "${P}dns_lookups_total") $(metric "${P}key_cache_hits_total")" "1 3"

# test mode: the same callbacks and the same resolver, pointed at the test server (under
# valgrind when there is one: the libunbound path leaks nothing and reads nothing wrong)
VG=
command -v valgrind >/dev/null && VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9"
# (the delivered copies: their Return-Path gives test mode the SRS envelope)
json=$(LINKEDIN_MILTER_NO_JIT=1 $VG "$LM" -c "$E2E/lm.conf" -t "$g" "$o" 2>"$E2E/testmode.err"); rc=$?
is "test mode with dns_resolver: exit 0${VG:+, valgrind clean}" "$rc" 0
[ "$rc" = 0 ] || sed 's/^/# /' "$E2E/testmode.err" | grep -v 'linkedin-milter: info' | head -n 20 >&2
is "test mode: the genuine copy is authentic, the other key is not; each says why" \
	"$(printf '%s\n' "$json" | "$E2E_PY" -c '
import json, sys
for line in sys.stdin:
    j = json.loads(line)
    print(j["authentic"], j["verdict"], j["dkim"])')" \
	"True ask dkim pass d=linkedin.com
False phish dkim fail d=linkedin.com: signature verification failed"

# the DNS server stopped; a selector not cached yet
ok "the DNS server stops" e2e_stop dns
start=$(date +%s%N)
is "with no DNS: accepted over SMTP" "$(send cold)" "0 250"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
ok "within dkim_timeout_ms ($ms ms for the whole SMTP transaction)" test "$ms" -lt $((TIMEOUT_MS + 1000))
ok "delivered" wait_delivered 6
k=$(copy cold)
is "the verdict: no evidence, the existing rules (the envelope)" "$(own "$k")" \
	"$PHISH"
is "our header says temperror" "$(ar "$k")" \
	"mx.example.org/QID; dkim=temperror header.d=linkedin.com header.s=cold (linkedin-milter)"
expl=$(awk '/^X-LinkedIn-Explanation:/ { v = $0; f = 1; next } f && /^[ \t]/ { v = v $0; next } { f = 0 }
	END { print v }' "$k" | tr -d '\r' | sed 's/^X-LinkedIn-Explanation: *//')
is "the explanation says our check got no key in time" \
	"$("$E2E_PY" -c 'import sys, email.header as h; print(str(h.make_header(h.decode_header(sys.argv[1]))))' "$expl")" \
	"looks like a LinkedIn invitation, but was sent from fwd.example.net (envelope) and our checks found no DKIM or DMARC pass for LinkedIn (our own DKIM check could not get LinkedIn's key in time: no evidence either way)"
is "metrics: one temperror" "$(metric "${P}verifications_total{result=\"temperror\"}")" 1
ok "the log line says why" grep -q 'verdict=phish reasons=foreign-envelope .*dkim="dkim temperror d=linkedin.com: key lookup \(timed out\|failed\)"' "$E2E/lm.log"
done_testing
