# authres.sh - only our own Authentication-Results count: a real opendkim verifies before
# linkedin-milter behind a private Postfix. A genuine invitation (signed for linkedin.com by a
# second opendkim, then forwarded with an SRS envelope) is authentic on opendkim's pass, and
# the copy of our A-R it carried is removed; a forged "mx.example.org; dkim=pass" in a phish
# counts for nothing and is removed; a homograph sender is phish, explained in the mail.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf opendkim opendkim-genkey "$E2E_PY"
corpus=$top_srcdir/tests/data/corpus

# a key for linkedin.com, published to the verifier as a test key (no DNS here); opendkim
# wants its key and configuration out of world-writable /tmp: under $E2E_RUN
K=$E2E_RUN/keys
mkdir -p "$K"
opendkim-genkey -b 1024 -D "$K" -d linkedin.com -s s1 || exit 1
chmod 0600 "$K/s1.private"
printf 's1._domainkey.linkedin.com %s\n' \
	"$(tr -d '\n' <"$K/s1.txt" | sed -e 's/^[^(]*(//' -e 's/).*$//' -e 's/"[[:space:]]*"//g' -e 's/[[:space:]]*"//g')" \
	>"$K/test.keys"
ok "the test key is a DKIM record" grep -q '^s1._domainkey.linkedin.com v=DKIM1;.*p=' "$K/test.keys"

dkim() {	# dkim NAME MODE [LINE...]: start an opendkim on $E2E_RUN/NAME.sock
	local name=$1 mode=$2; shift 2
	{
		printf '%s\n' "Mode $mode" "Socket local:$E2E_RUN/$name.sock" "UMask 000" \
			"PidFile $E2E_RUN/$name.pid" "Background no" "Syslog no" "Nameservers 127.0.0.1" \
			"Canonicalization relaxed/relaxed" "$@"
	} >"$E2E_RUN/$name.conf"
	e2e_spawn "$name" opendkim -f -x "$E2E_RUN/$name.conf"
	milter_wait_socket "unix:$E2E_RUN/$name.sock" 20
}
# the signer signs what invitations@linkedin.com sends, nothing else
printf 's1._domainkey.linkedin.com linkedin.com:s1:%s\n' "$K/s1.private" >"$K/keytable"
printf 'invitations@linkedin.com s1._domainkey.linkedin.com\n' >"$K/signingtable"
ok "a signing opendkim starts (linkedin.com)" dkim sign s "KeyTable file:$K/keytable" \
	"SigningTable refile:$K/signingtable" "InternalHosts 127.0.0.1"
# Postfix's smtpd shows a milter no Received header of its own: there the verifier's job id
# in its authserv-id ("mx.example.org/QUEUEID") tells its headers from forged ones.
# (opendkim would remove some A-R headers itself: not here, so that ours is what is tested)
ok "a verifying opendkim starts (authserv-id mx.example.org, with the job id)" dkim verify v \
	"AuthservID mx.example.org" "AuthservIDWithJobID yes" "AlwaysAddARHeader yes" \
	"TestPublicKeys $K/test.keys" "RemoveARFrom nothing.invalid"
lm_config
ok "linkedin-milter starts" lm_start
# SMTP: signed (as if by LinkedIn), verified, judged; local submission: verified and judged only
ok "postfix starts with opendkim before linkedin-milter" postfix_start \
	"unix:$E2E_RUN/sign.sock, unix:$E2E_RUN/verify.sock, unix:$LM_SOCK" \
	"non_smtpd_milters = unix:$E2E_RUN/verify.sock, unix:$LM_SOCK"

slug_file() { ls "$corpus"/[0-9][0-9][0-9]-"$1".eml; }
envfrom() { sed -n 's/^Return-Path: *<\(.*\)>.*/\1/p' "$1" | head -n1; }
copy() { delivered_by_id "$(grep -m1 -i '^Message-ID:' "$1" | cut -d' ' -f2- | tr -d '\r')"; }
own() { grep -i '^X-LinkedIn-\(Verdict\|Reasons\):' "$1" | tr -d '\r'; }
ours() { grep -c -i '^Authentication-Results: *mx\.example\.org' "$1"; }
unfolded_ar() {	# the Authentication-Results values of FILE, one per line, unfolded
	awk '/^\r?$/ { exit } /^[ \t]/ { if (ar) v = v " " $0; next }
		{ if (ar) print v; ar = 0 } /^Authentication-Results:/ { ar = 1; v = $0; sub(/^[^:]*: */, "", v) }
		END { if (ar) print v }' "$1" | tr -d '\r'
}

# 1. genuine, forwarded (SRS envelope), carrying a stale copy of our A-R from the corpus
f=$(slug_file 2025-en-srs-forwarded-ar-pass)
strip_for_injection "$f" >"$E2E/genuine.eml"
is "the genuine invitation carries one of our A-R headers itself" "$(ours "$E2E/genuine.eml")" 1
reply=$(send_file "$E2E/genuine.eml" bob.smith@example.org "$(envfrom "$f")"); rc=$?
is "it is accepted over SMTP with the SRS envelope" "$rc ${reply%% *}" "0 250"
# 2. genuine again, without any A-R of its own
awk '/^\r?$/ { body = 1 } !body && /^Authentication-Results:/ { skip = 1; next }
	!body && skip && /^[ \t]/ { next } { skip = 0; print }' "$E2E/genuine.eml" |
	sed 's/^Message-ID: <\(.*\)>/Message-ID: <plain-\1>/' >"$E2E/genuine2.eml"
is "the second copy has no A-R" "$(grep -ci '^Authentication-Results:' "$E2E/genuine2.eml")" 0
reply=$(send_file "$E2E/genuine2.eml" bob.smith@example.org "$(envfrom "$f")"); rc=$?
is "and is accepted too" "$rc ${reply%% *}" "0 250"
# 3. phish with a forged "mx.example.org; dkim=pass" (not signed: local submission)
p=$(slug_file 2025-en-forged-ar-pass)
strip_for_injection "$p" >"$E2E/forged.eml"
is "the phish carries a forged pass of ours" "$(ours "$E2E/forged.eml")" 1
ok "it is submitted locally" postfix_inject "$E2E/forged.eml" bob.smith@example.org "$(envfrom "$p")"
# 4. a homograph sender, over SMTP (opendkim signs nothing for it)
h=$(slug_file 2025-en-homograph-cyrillic)
strip_for_injection "$h" >"$E2E/homograph.eml"
reply=$(send_file "$E2E/homograph.eml" bob.smith@example.org "$(envfrom "$h")"); rc=$?
is "the homograph is accepted over SMTP" "$rc ${reply%% *}" "0 250"
# 5. the forged pass again, over SMTP, from an address the signer does not sign for
sed -e 's/<invitations@linkedin\.com>/<messages-noreply@linkedin.com>/' \
	-e 's/^Message-ID: <\(.*\)>/Message-ID: <smtp-\1>/' "$E2E/forged.eml" >"$E2E/forged2.eml"
reply=$(send_file "$E2E/forged2.eml" bob.smith@example.org "$(envfrom "$p")"); rc=$?
is "the forged pass is accepted over SMTP too" "$rc ${reply%% *}" "0 250"
ok "all five are delivered" wait_delivered 5

g=$(copy "$E2E/genuine.eml")
is "genuine, SRS-forwarded: judged on opendkim's pass, not phish" "$(own "$g")" "X-LinkedIn-Verdict: ask
X-LinkedIn-Reasons: no-note"
is "it keeps exactly one A-R of ours: opendkim's" "$(ours "$g")" 1
ok "which says dkim=pass for linkedin.com" has_line "$(unfolded_ar "$g")" \
	'^mx\.example\.org/[0-9A-Za-z]+;[[:space:]]*dkim=pass .*header\.d=linkedin\.com '
is "the daemon removed the carried copy and the forged passes, and said so" \
	"$(grep -c 'removed 1 forged Authentication-Results header naming our authserv-id' "$E2E/lm.log")" 3
g2=$(copy "$E2E/genuine2.eml")
is "genuine without an A-R of its own: the same verdict" "$(own "$g2")" "X-LinkedIn-Verdict: ask
X-LinkedIn-Reasons: no-note"
is "one A-R of ours, opendkim's" "$(ours "$g2")" 1

q=$(copy "$E2E/forged.eml")
is "the forged pass counts for nothing: phish on the envelope" "$(own "$q")" "X-LinkedIn-Verdict: phish
X-LinkedIn-Reasons: foreign-envelope"
is "and does not survive: only opendkim's own A-R (dkim=none) is left" \
	"$(unfolded_ar "$q" | grep -c '^mx\.example\.org/[0-9A-Za-z]*; *dkim=none')/$(ours "$q")/$(unfolded_ar "$q" | grep -c pass)" "1/1/0"
expl=$(awk '/^X-LinkedIn-Explanation:/ { v = $0; f = 1; next } f && /^[ \t]/ { v = v $0; next } { f = 0 }
	END { print v }' "$q" | tr -d '\r' | sed 's/^X-LinkedIn-Explanation: *//')
is "the phish says what it imitates and why in X-LinkedIn-Explanation" \
	"$("$E2E_PY" -c 'import sys, email.header as h; print(str(h.make_header(h.decode_header(sys.argv[1]))))' "$expl")" \
	"looks like a LinkedIn invitation, but was sent from mailer.example.net (envelope) and our checks found no DKIM or DMARC pass for LinkedIn"

q=$(copy "$E2E/forged2.eml")
is "over SMTP, beside opendkim's own A-R, the forged pass counts for nothing either" "$(own "$q")" \
	"X-LinkedIn-Verdict: phish
X-LinkedIn-Reasons: foreign-envelope"
is "only opendkim's A-R (dkim=none) is left" \
	"$(unfolded_ar "$q" | grep -c '^mx\.example\.org/[0-9A-Za-z]*; *dkim=none')/$(ours "$q")/$(unfolded_ar "$q" | grep -c pass)" "1/1/0"

m=$(copy "$E2E/homograph.eml")
is "the homograph is phish, lookalike-domain" "$(own "$m")" "X-LinkedIn-Verdict: phish
X-LinkedIn-Reasons: lookalike-domain"
expl=$(awk '/^X-LinkedIn-Explanation:/ { v = $0; f = 1; next } f && /^[ \t]/ { v = v $0; next } { f = 0 }
	END { print v }' "$m" | tr -d '\r' | sed 's/^X-LinkedIn-Explanation: *//')
is "its explanation, RFC 2047-decoded, names the domain as read and as written" \
	"$("$E2E_PY" -c 'import sys, email.header as h; print(str(h.make_header(h.decode_header(sys.argv[1]))))' "$expl")" \
	"looks like a LinkedIn invitation, but the sender or a link uses lіnkedіn.com (xn--lnkedn-pvfe.com), a domain made to look like LinkedIn's"
ok "the log line carries the explanation" grep -q 'verdict=phish reasons=lookalike-domain .*why="looks like a LinkedIn invitation, but the sender or a link uses' "$E2E/lm.log"
done_testing
