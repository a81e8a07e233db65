# sendmail.sh - linkedin-milter behind a real Sendmail 8.17 (INPUT_MAIL_FILTER), relaying to
# a private Postfix: the delivered copies carry the same headers as through Postfix. Sendmail
# shows a milter no Received header of its own: an Authentication-Results of ours below the
# message's Received came with it (removed), one on top is believed for a fail, not a pass
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf m4 unshare "$E2E_PY"
sendmail_setup || skip_all "cannot get the sendmail packages (apt-get download sendmail-bin sendmail-base sendmail-cf)"
corpus=$top_srcdir/tests/data/corpus

lm_config
ok "linkedin-milter starts" lm_start
ok "postfix starts without a milter (it only delivers)" postfix_start ""
ok "sendmail starts with linkedin-milter as INPUT_MAIL_FILTER" sendmail_start "unix:$LM_SOCK"

send() {	# send SLUG through Sendmail, with its Return-Path as MAIL FROM
	local f from
	f=$(ls "$corpus"/[0-9][0-9][0-9]-"$1".eml)
	from=$(sed -n 's/^Return-Path: *<\(.*\)>.*/\1/p' "$f" | head -n1)
	# (the corpus's A-R is stamped with its own queue id: here it comes unstamped, as an
	#  A-R of ours on top written by a verifier that does not stamp would look)
	strip_for_injection "$f" | sed 's|^\(Authentication-Results: mx\.example\.org\)/[0-9A-Za-z]*;|\1;|' \
		>"$E2E/sent-$1.eml"
	sendmail_send "$E2E/sent-$1.eml" bob.smith@example.org "${from:-sender@example.net}" >/dev/null
}
ok "an invitation is accepted by sendmail" send 2020-en-no-note-pymk4
ok "a message with forged X-LinkedIn-* headers is accepted" send none-forged-x-linkedin-headers
ok "an ordinary message is accepted" send none-personal-dinner
ok "a phish with a forged pass of ours is accepted" send 2025-en-forged-ar-pass
ok "a forwarded invitation carrying our A-R from elsewhere is accepted" send 2025-en-srs-forwarded-ar-pass
ok "all five reach the mailbox through sendmail and postfix" wait_delivered 5 60

copy() { delivered_by_id "$(grep -m1 -i '^Message-ID:' "$E2E/sent-$1.eml" | cut -d' ' -f2-)"; }
own() { grep -i '^X-LinkedIn-\(Verdict\|Reasons\|Inviter\|Folder\):' "$1" | tr -d '\r'; }
is "the invitation is tagged as through postfix" "$(own "$(copy 2020-en-no-note-pymk4)")" "X-LinkedIn-Verdict: ask
X-LinkedIn-Reasons: no-note
X-LinkedIn-Inviter: Liam Foster
X-LinkedIn-Folder: LinkedIn/Review"
is "forged headers are removed" "$(own "$(copy none-forged-x-linkedin-headers)")" ""
is "ordinary mail is not tagged" "$(own "$(copy none-personal-dinner)")" ""
ours() { grep -c -i '^Authentication-Results: *mx\.example\.org' "$1"; }
f=$(copy 2025-en-forged-ar-pass)
is "the forged pass counts for nothing" "$(own "$f" | head -n 2)" "X-LinkedIn-Verdict: phish
X-LinkedIn-Reasons: foreign-envelope"
is "and is removed" "$(ours "$f")" 0
f=$(copy 2025-en-srs-forwarded-ar-pass)
is "an unstamped pass of ours on top is not believed (no verifier ran)" \
	"$(own "$f" | head -n 2)" "X-LinkedIn-Verdict: phish
X-LinkedIn-Reasons: foreign-envelope"
is "it is kept: a verifier that does not stamp its job id writes the same" "$(ours "$f")" 1
ok "the milter logged the invitation with sendmail's queue id" \
	grep -Eq '^linkedin-milter: info: [0-9A-Za-z]{14}: kind=invitation' "$E2E/lm.log"
done_testing
