# postfix.sh - linkedin-milter behind a real, private Postfix: delivered copies carry exactly
# the expected headers, ordinary mail arrives byte for byte as sent, the daemon runs as its
# user behind a socket of the configured mode, and with the milter stopped Postfix applies
# milter_default_action
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf "$E2E_PY"
corpus=$top_srcdir/tests/data/corpus

lm_config
ok "linkedin-milter starts" lm_start
pid=$(lm_pid)
is "it runs as user nobody" "$(awk '/^Uid:/ { print $2 }' /proc/"$pid"/status)" "$(id -u nobody)"
is "its socket has mode 0660" "$(stat -c %a "$LM_SOCK")" 660
is "its socket belongs to group postfix" "$(stat -c %G "$LM_SOCK")" postfix
ok "postfix starts with it as smtpd and non_smtpd milter" postfix_start "unix:$LM_SOCK"

# each message once, with its own Message-ID to find the delivered copy
n=0
send() {	# send SLUG: the corpus message, stripped of delivery headers, over SMTP
	local f from
	f=$(ls "$corpus"/[0-9][0-9][0-9]-"$1".eml)
	from=$(sed -n 's/^Return-Path: *<\(.*\)>.*/\1/p' "$f" | head -n1)
	strip_for_injection "$f" >"$E2E/sent-$1.eml"
	send_file "$E2E/sent-$1.eml" bob.smith@example.org "${from:-sender@example.net}" >/dev/null &&
		n=$((n + 1))
}
for slug in 2020-en-no-note-pymk4 phish-lookalike-lindkedin 2016-en-acceptance \
	none-personal-dinner none-newsletter-html none-bank-latin1-qp none-mime-missing-close-boundary \
	none-forged-x-linkedin-headers; do
	send "$slug" || e2e_diag "sending $slug failed"
done
is "every message was accepted over SMTP" "$n" 8
ok "every message was delivered" wait_delivered 8

copy() { delivered_by_id "$(grep -m1 -i '^Message-ID:' "$E2E/sent-$1.eml" | cut -d' ' -f2-)"; }
own() { grep -i '^X-LinkedIn-\(Verdict\|Reasons\|Inviter\|Folder\):' "$1" | tr -d '\r'; }

inv=$(copy 2020-en-no-note-pymk4)
is "the invitation is tagged ask, once" "$(own "$inv")" "X-LinkedIn-Verdict: ask
X-LinkedIn-Reasons: no-note
X-LinkedIn-Inviter: Liam Foster
X-LinkedIn-Folder: LinkedIn/Review"
phish=$(copy phish-lookalike-lindkedin)
is "the look-alike is tagged phish and filed as junk" "$(own "$phish" | grep -v Inviter)" "X-LinkedIn-Verdict: phish
X-LinkedIn-Reasons: lookalike-domain
X-LinkedIn-Folder: Junk"
note=$(copy 2016-en-acceptance)
is "an acceptance is filed as a notification, no verdict" "$(own "$note")" "X-LinkedIn-Folder: LinkedIn/Notifications"

forged=$(copy none-forged-x-linkedin-headers)
is "forged X-LinkedIn-* headers do not survive" "$(own "$forged")" ""

for slug in none-personal-dinner none-newsletter-html none-bank-latin1-qp none-mime-missing-close-boundary; do
	# Postfix adds Return-Path, X-Original-To, Delivered-To and Received; nothing else changes
	without_delivery_headers "$(copy "$slug")" >"$E2E/got-$slug"
	tr -d '\r' <"$E2E/sent-$slug.eml" >"$E2E/want-$slug"
	ok "ordinary mail arrives as sent: $slug" cmp -s "$E2E/got-$slug" "$E2E/want-$slug"
done

# the reply drafts, in the recipient's Maildir
drafts=$E2E/drafts/bob.smith/cur
ok "a draft for the invitation, flagged Draft, in bob.smith's Maildir" \
	wait_until 10 eval '[ "$(ls "$drafts" 2>/dev/null | grep -c ":2,D$")" -eq 1 ]'
d=$(ls "$drafts"/*:2,D 2>/dev/null | head -n1)
ok "it answers the invitation" grep -q "^In-Reply-To: $(grep -m1 -i '^Message-ID:' "$E2E/sent-2020-en-no-note-pymk4.eml" | cut -d' ' -f2- | tr -d '\r')" "$d"
ok "it carries the draft key" grep -q '^X-LinkedIn-Draft-Key: [0-9a-f]\{32\}' "$d"
ok "no draft for the phish or the notification" test "$(ls "$drafts" | wc -l)" -eq 1

ok "the daemon logged one line per LinkedIn message" \
	test "$(grep -c 'kind=\(invitation\|notification\|reminder\)' "$E2E/lm.log")" -eq 3

# local submission goes through non_smtpd_milters
printf 'From: Jane Doe <invitations@linkedin.com>\nTo: bob.smith@example.org\nSubject: I want to connect\nMessage-ID: <local-1@lm-e2e.test>\n\nJane Doe\nDesigner\n\nAccept: https://www.linkedin.com/comm/mynetwork/invite-accept/invitationId/7/sharedKey/abc/\n\nView profile: https://www.linkedin.com/comm/in/jane\n' >"$E2E/local.eml"
ok "a local submission is accepted" postfix_inject "$E2E/local.eml" bob.smith@example.org s-1@bounce.linkedin.com
ok "and delivered" wait_delivered 9
is "and tagged by the non-SMTP milter" "$(own "$(delivered_by_id '<local-1@lm-e2e.test>')" | head -n1)" "X-LinkedIn-Verdict: ask"

# with the milter gone, Postfix applies milter_default_action (tempfail here)
lm_stop
reply=$(send_file "$E2E/sent-none-personal-dinner.eml" bob.smith@example.org); rc=$?
is "with the milter stopped the message is deferred (4xx)" "$rc" 4
done_testing
