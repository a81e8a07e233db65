# dkim.sh - our own DKIM verification in test mode (the scan path the daemon
# shares): an invitation forwarded with SRS and no verifier in front, signed
# with the test key (opendkim-testmsg), keys from libopendkim's key file
. "$top_srcdir/tests/lib.sh"
make_tmp
command -v opendkim-testmsg >/dev/null || skip_all "opendkim-testmsg (opendkim-tools) not installed"
S=$(cd "$top_srcdir" && pwd)
D="$S/tests/data"

# the forwarded invitation without the Authentication-Results of a verifier
awk '/^Authentication-Results:/ { skip = 1; next } skip && /^[ \t]/ { next } { skip = 0; print }' \
	"$D/corpus/154-2025-en-srs-forwarded-ar-pass.eml" >"$TMP/plain.eml"
sign() {	# sign KEY IN OUT: d=linkedin.com s=test
	opendkim-testmsg -d linkedin.com -s test -k "$1" <"$2" >"$3"
}
sign "$D/dkim-test.key" "$TMP/plain.eml" "$TMP/signed.eml"
sign "$D/dkim-other.key" "$TMP/plain.eml" "$TMP/other.eml"
sed 's/I want to connect/Verify your account now/;s/Nadia Karim would like/Nadia Karim needs you/' \
	"$TMP/signed.eml" >"$TMP/changed.eml"
awk 'done == 0 && /^$/ { done = 1; print; print "A line added by a list."; next } { print }' \
	"$TMP/signed.eml" >"$TMP/body.eml"

conf() {	# conf MODE: a configuration with dkim_verify = MODE
	printf 'authserv_id = "mx.example.org";\npatterns = "%s";\nlexicons = "%s";\n' \
		"$S/conf/patterns.conf" "$S/conf/lexicons.conf" >"$TMP/$1.conf"
	printf 'dkim_verify = "%s";\ndkim_keyfile = "%s";\n' "$1" "$D/dkim-test.keys" >>"$TMP/$1.conf"
}
conf on; conf off; conf auto
field() {	# field MODE FILE: authentic, verdict, reasons and our dkim result
	"$LM" -c "$TMP/$1.conf" -t "$2" | python3 -c '
import json, sys
j = json.load(sys.stdin)
print(j["authentic"], j["verdict"], ",".join(j["reasons"]), j.get("dkim", "-"))'
}

is "signed, forwarded with SRS, verified: authentic" "$(field on "$TMP/signed.eml")" \
	"True ask no-note dkim pass d=linkedin.com"
is "auto verifies when no verifier of ours says anything" "$(field auto "$TMP/signed.eml")" \
	"True ask no-note dkim pass d=linkedin.com"
is "auto, and our stamped verifier said pass: not verified again (its word decides)" \
	"$(field auto "$D/signed/154-2025-en-srs-forwarded-ar-pass.eml" | cut -d' ' -f1-2)/$(field auto "$D/corpus/154-2025-en-srs-forwarded-ar-pass.eml")" \
	"True ask/True ask no-note -"
is "off: the foreign envelope decides" "$(field off "$TMP/signed.eml")" \
	"False phish foreign-envelope -"
is "unsigned: no evidence" "$(field on "$TMP/plain.eml")" \
	"False phish foreign-envelope no dkim signature of linkedin.com"
is "signed with another key: phish" "$(field on "$TMP/other.eml")" \
	"False phish foreign-envelope dkim fail d=linkedin.com: signature verification failed"
is "body changed (a list's line): not a pass, no evidence" "$(field on "$TMP/body.eml")" \
	"False phish foreign-envelope dkim fail d=linkedin.com: signature verification failed"
r=$(field on "$TMP/changed.eml")
ok "subject changed: not a pass" sh -c "echo '$r' | grep -q '^False .*dkim fail'"
# a valid signature of linkedin.com over mail whose From is another domain: no
# alignment (RFC 7489, relaxed), no evidence
sed 's/^From: \(.*\)<invitations@linkedin\.com>/From: \1<invitations@linkedin-notices.example>/' \
	"$TMP/plain.eml" >"$TMP/unaligned-plain.eml"
sign "$D/dkim-test.key" "$TMP/unaligned-plain.eml" "$TMP/unaligned.eml"
is "signed by linkedin.com, From another domain: not aligned, no pass" \
	"$(field on "$TMP/unaligned.eml" | cut -d' ' -f1,4-)" \
	"False dkim pass d=linkedin.com, not aligned with the From domain"
# the corpus' signed copies (tests/data/make-dkim-copies.py): the forwarded and the list
# case without their verifier's stamped header get, from our own verification, the verdict
# the corpus gives them with it
for slug in 154-2025-en-srs-forwarded-ar-pass 170-gw-mailman-list; do
	is "$slug: signed copy, no verifier, dkim_verify on: the stamped verifier's verdict" \
		"$(field on "$D/signed/$slug.eml" | cut -d' ' -f1-3)" "$(field off "$D/corpus/$slug.eml" | cut -d' ' -f1-3)"
	is "$slug: signed copy, dkim_verify off: no evidence, not authentic" \
		"$(field off "$D/signed/$slug.eml" | cut -d' ' -f1)" "False"
done
# ordinary mail is settled at the end of headers: never verified
is "ordinary mail untouched" "$(field on "$D/corpus/111-none-personal-dinner.eml" | awk '{ print $NF }')" "-"
done_testing
