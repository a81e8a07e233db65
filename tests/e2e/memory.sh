# memory.sh - the reply memory against a real Dovecot (IMAP) and a real Maildir: a draft
# the owner deleted or sent is not made again on a reminder; once_per_days later (test
# clock) it is, and the old entry is pruned; the memory mailbox deleted by the owner costs
# at most one more draft and no warning; gateways racing on one inviter make one draft and
# one memory entry
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf dovecot "$E2E_PY"
MEM=LinkedIn-Milter-Memory

tool() { "$E2E_PY" "$top_srcdir/tests/e2e/imap-tool.py" "$DC_PORT" bob.smith "$@"; }
n_keys() { tool keys "$1" | grep -c .; }
sent=0
send() {	# send SLUG ID: through Postfix and the daemon, then wait for its delivery
	send_corpus "$1" "$2" || return 1
	sent=$((sent + 1))
	wait_delivered "$sent"
}
exists() { grep -c 'exists already' "$E2E/lm.log"; }

ok "dovecot starts, lm.conf with its Drafts" lm_config_imap "timeout_ms = 5000; imap_timeout = 5;"
ok "linkedin-milter starts with an IMAP store" lm_start
ok "postfix starts with it" postfix_start "unix:$LM_SOCK"

A=2020-en-no-note-pymk4 B=2019-en-guest
ok "an invitation from A" send "$A" a1
is "its draft is in Drafts" "$(n_keys Drafts)" 1
is "and one entry in the memory mailbox" "$(n_keys $MEM)" 1
is "the entry is the draft's key" "$(tool keys $MEM)" "$(tool keys Drafts)"
ok "the memory mailbox is not subscribed" eval '! tool subscribed | grep -qx "$MEM"'

tool delete Drafts
ok "the owner deleted the draft; A's reminder comes" send "$A" a2
is "no new draft" "$(n_keys Drafts)" 0
is "the daemon said it exists already" "$(exists)" 1

ok "an invitation from B" send "$B" b1
is "its draft is in Drafts" "$(n_keys Drafts)" 1
is "two entries in the memory" "$(n_keys $MEM)" 2
tool move Drafts Sent
ok "the owner sent the draft (moved to Sent); B's reminder comes" send "$B" b2
is "no new draft" "$(n_keys Drafts)" 0
is "exists already, twice now" "$(exists)" 2

ok "the owner deletes the memory mailbox" tool drop "$MEM"
ok "B's reminder" send "$B" b3
is "no draft for B: its sent draft is found in Sent" "$(n_keys Drafts)" 0
ok "A's reminder" send "$A" a3
is "one more draft for A: nothing remembers it now" "$(n_keys Drafts)" 1
is "the memory mailbox is back, with A" "$(n_keys $MEM)" 1
ok "A's next reminder" send "$A" a4
is "no other draft" "$(n_keys Drafts)" 1
is "no warning about the memory" "$(grep -c 'reply memory' "$E2E/lm.log")" 0

# once_per_days (30) later: C's draft made 31 days ago on the test clock (backwards: an
# IMAP server takes no INTERNALDATE in its future)
C=2022-en-apostrophe-hyphen
lm_stop
tool delete Drafts
export LINKEDIN_MILTER_TEST_CLOCK=$((-31 * 86400))
ok "the daemon starts again, 31 days ago" lm_start
ok "C invites" send "$C" c1
is "a draft for C" "$(n_keys Drafts)" 1
ckey=$(tool keys Drafts)
is "remembered next to A" "$(n_keys $MEM)" 2
lm_stop
unset LINKEDIN_MILTER_TEST_CLOCK
tool delete Drafts
ok "the daemon starts again, today" lm_start
ok "C's reminder, 31 days after the draft" send "$C" c2
is "a new draft for C" "$(tool keys Drafts)" "$ckey"
is "C's old entry pruned, the new one kept: two entries" "$(n_keys $MEM)" 2
is "C's key once" "$(tool keys $MEM | grep -c "$ckey")" 1
lm_stop

# gateways racing: four at once on each of three inviters in turn, as test-mode processes (each
# its own IMAP session, like separate daemons), each pausing 3 s between finding no draft
# and claiming one, so that all four claim; then the same on one Maildir
race() {	# race STORE SLUG...: four processes per invitation started together, one
	# invitation after the other (Dovecot lets one user open 10 sessions from one address)
	local store=$1 slug i pids
	shift
	for slug in "$@"; do
		corpus_eml "$slug" "race-$slug"
		pids=
		for i in 1 2 3 4; do
			"$LM" -c "$E2E/lm.conf" -t --drafts="$store" "$E2E/race-$slug.eml" \
				>/dev/null 2>>"$E2E/race.log" &
			pids="$pids $!"
		done
		wait $pids	# (not the servers: they are children of this shell too)
	done
}
tool delete Drafts; tool drop "$MEM"
export LINKEDIN_MILTER_TEST_CLAIM_PAUSE_MS=3000
race "" 2025-en-no-note-no-ar 2022-en-apostrophe-hyphen "$A"
is "three drafts in Drafts" "$(n_keys Drafts)" 3
is "one per inviter" "$(tool keys Drafts | sort -u | wc -l)" 3
is "three memory entries" "$(n_keys $MEM)" 3
is "the same keys" "$(tool keys $MEM | sort)" "$(tool keys Drafts | sort)"
is "nine of twelve found the draft made by another" "$(grep -c 'exists already' "$E2E/race.log")" 9
is "three stored" "$(grep -c ' stored$' "$E2E/race.log")" 3
for k in $(tool keys Drafts); do	# (a racer started over 3 s late finds the claim made)
	ok "${k:0:8}: a racer lost the race for the claim" grep -q "key $k: claimed first by another" "$E2E/race.log"
done
unset LINKEDIN_MILTER_TEST_CLAIM_PAUSE_MS

# the IMAP memory's code (look, claim, prune, take back) under valgrind
if command -v valgrind >/dev/null; then
	tool delete Drafts; tool drop "$MEM"
	corpus_eml "$A" vg
	LINKEDIN_MILTER_NO_JIT=1 valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--error-exitcode=9 "$LM" -c "$E2E/lm.conf" -t --drafts= "$E2E/vg.eml" >/dev/null 2>"$E2E/vg.log"
	is "a draft claimed in the memory under valgrind: clean" "$?" 0
	is "and stored" "$(grep -c ' stored$' "$E2E/vg.log")" 1
	is "and remembered" "$(tool keys "$MEM")" "$(tool keys Drafts)"
fi

md=$E2E/md/bob.smith/Maildir/.Drafts
mv "$E2E/race.log" "$E2E/race-imap.log"
race "maildir:$E2E/md/%u/Maildir/.Drafts" 2025-en-no-note-no-ar 2022-en-apostrophe-hyphen "$A"
is "Maildir: three drafts" "$(ls "$md/cur" | wc -l)" 3
is "three lines in the ledger" "$(grep -c . "$md/.linkedin-milter-memory")" 3
is "the ledger's keys are the drafts'" \
	"$(cut -d' ' -f1 "$md/.linkedin-milter-memory" | sort)" \
	"$(grep -h '^X-LinkedIn-Draft-Key:' "$md"/cur/* | tr -d '\r' | cut -d' ' -f2 | sort)"
rm "$md"/cur/*
: >"$E2E/race.log"
race "maildir:$E2E/md/%u/Maildir/.Drafts" 2025-en-no-note-no-ar
is "Maildir: deleted drafts are not made again" "$(ls "$md/cur" | wc -l)" 0
is "each of four said exists already" "$(grep -c 'exists already' "$E2E/race.log")" 4
done_testing
