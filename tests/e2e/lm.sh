# tests/e2e/lm.sh - start and stop linkedin-milter for the end-to-end tests (sourced; it
# sources lib.sh when that is not loaded yet)
#
# lm_init CMD...: what every daemon test does first: skip unless root, every CMD and a built
#	daemon are there, then make $E2E and $E2E_RUN (e2e_need, e2e_init)
# lm_config [EXTRA LINES]: write $E2E/lm.conf: the unix socket $E2E_RUN/lm.sock for the
#	postfix group, the daemon dropping to nobody, drafts into $E2E/drafts (LM_STORE
#	names another store, LM_DRAFTS_EXTRA adds keys to the drafts group)
# lm_config_imap [DRAFTS KEYS]: a private Dovecot started, lm.conf written with its Drafts
#	as the store (password file $E2E/imap.secret) and the drafts keys given
# corpus_eml SLUG ID: the corpus message SLUG as $E2E/ID.eml, its Message-ID <ID@lm-e2e.test>
# send_corpus SLUG [ID]: that message to bob.smith@example.org through Postfix, from the
#	corpus' Return-Path
# lm_start: start the daemon in the foreground (output in $E2E/lm.log), wait for its socket
# lm_pid: its PID;  lm_stop: SIGTERM and wait
# delivered_by_id, without_delivery_headers, hdr_names, with_header, foreign_draft_headers:
#	reading what was delivered and the drafts

: "${top_srcdir:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
declare -F e2e_init >/dev/null || . "$top_srcdir/tests/e2e/lib.sh"
: "${LM:=$top_builddir/src/linkedin-milter}"
LM_SOCK=

lm_init() {
	e2e_need "$@"
	[ -x "$LM" ] || skip_all "linkedin-milter not built"
	e2e_init
}

lm_config() {
	local srcdir=$E2E/conf
	# the daemon reads its files as nobody after a reload: copies it can read
	mkdir -p "$srcdir/conf"
	cp -R "$top_srcdir/conf/patterns.conf" "$top_srcdir/conf/lexicons.conf" \
		"$top_srcdir/conf/templates" "$srcdir/conf/"
	chmod -R a+rX "$srcdir"
	LM_SOCK=$E2E_RUN/lm.sock
	mkdir -p "$E2E/drafts" "$E2E/spool"
	chown nobody:nogroup "$E2E/drafts" "$E2E/spool"
	cat >"$E2E/lm.conf" <<CONF
socket = "unix:$LM_SOCK";
socket_group = "postfix";
socket_mode = "0660";
user = "nobody";
pidfile = "$E2E_RUN/lm.pid";
authserv_id = "mx.example.org";
patterns = "$srcdir/conf/patterns.conf";
lexicons = "$srcdir/conf/lexicons.conf";
owner = { names = [ "Bob Smith" ]; employers = [ "Acme" ]; mode = "selective"; };
drafts = { store = "${LM_STORE:-maildir:$E2E/drafts/%u}"; templates = "$srcdir/conf/templates";
	   spool = "$E2E/spool"; ${LM_DRAFTS_EXTRA:-} };
CONF
	[ $# -gt 0 ] && printf '%s\n' "$@" >>"$E2E/lm.conf"
	chmod 0644 "$E2E/lm.conf"
}

lm_config_imap() {
	dovecot_start || return 1
	printf 'secret\n' >"$E2E/imap.secret"
	chown nobody "$E2E/imap.secret"; chmod 0400 "$E2E/imap.secret"
	LM_STORE="imap://%u@127.0.0.1:$DC_PORT/Drafts" \
	LM_DRAFTS_EXTRA="credentials = \"$E2E/imap.secret\"; $*" lm_config
}

corpus_file() { ls "$top_srcdir"/tests/data/corpus/[0-9][0-9][0-9]-"$1".eml; }

corpus_eml() {
	strip_for_injection "$(corpus_file "$1")" |
		sed "s/^Message-ID: .*/Message-ID: <$2@lm-e2e.test>/" >"$E2E/$2.eml"
}

send_corpus() {
	local id=${2:-$1} from
	corpus_eml "$1" "$id" || return 1
	from=$(sed -n 's/^Return-Path: *<\(.*\)>.*/\1/p' "$(corpus_file "$1")" | head -n1)
	send_file "$E2E/$id.eml" bob.smith@example.org "$from" >/dev/null
}

lm_start() {
	[ -f "$E2E/lm.conf" ] || lm_config
	e2e_spawn lm "$LM" -f -c "$E2E/lm.conf" || return 1
	milter_wait_socket "unix:$LM_SOCK" 20
}

lm_pid() { cat "$E2E/pids/lm" 2>/dev/null; }

lm_stop() { e2e_stop lm; }

# the delivered copy whose Message-ID is ID (by the text of the header)
delivered_by_id() {
	grep -l -i -F -- "Message-ID: $1" "$PF_MAILDIR"/new/* 2>/dev/null | head -n 1
}

# FILE without what Postfix adds on delivery: Return-Path, X-Original-To, Delivered-To
# and one Received header, all at the top; CR removed
without_delivery_headers() {
	tr -d '\r' <"$1" | awk '
	done { print; next }
	/^(Return-Path|X-Original-To|Delivered-To):/ { next }
	/^Received:/ && !received { received = 1; inrec = 1; next }
	inrec && /^[ \t]/ { next }
	{ done = 1; print }'
}

# hdr_names FILE: the header names of FILE, one per line
hdr_names() {
	awk '/^\r?$/ { exit } /^[ \t]/ { next } { sub(/[ \t]*:.*/, ""); print }' "$1"
}

# with_header DIR NAME: the files of DIR with a header NAME (any case)
with_header() {
	local f
	for f in "$1"/*; do
		hdr_names "$f" | grep -q -i -x -F -- "$2" && echo "$f"
	done
	return 0
}

# foreign_draft_headers: the header names in the drafts under $E2E/drafts that the daemon
# does not write itself, one per line (none is right)
foreign_draft_headers() {
	local d
	find "$E2E/drafts" -type f -path '*/cur/*' | while read -r d; do hdr_names "$d"; done |
		grep -v -x -E 'From|To|Subject|Date|Message-ID|In-Reply-To|References|MIME-Version|Content-Type|Content-Transfer-Encoding|Auto-Submitted|X-LinkedIn-Draft-Key' |
		sort -u
}

# verifier_start: an opendkim that verifies before us, its Authentication-Results under our
# authserv-id and stamped with the queue id, on unix:$E2E_RUN/verify.sock
verifier_start() {
	printf '%s\n' "Mode v" "Socket local:$E2E_RUN/verify.sock" "UMask 000" \
		"PidFile $E2E_RUN/verify.pid" "Background no" "Syslog no" "Nameservers 127.0.0.1" \
		"AuthservID mx.example.org" "AuthservIDWithJobID yes" "AlwaysAddARHeader yes" \
		"RemoveARFrom nothing.invalid" "DNSTimeout 1" >"$E2E_RUN/verify.conf"
	e2e_spawn verify opendkim -f -x "$E2E_RUN/verify.conf" &&
		milter_wait_socket "unix:$E2E_RUN/verify.sock" 20
}

# same_as_daemon N [HOST]: -t on the N delivered files gives what the daemon logged for each
# (the queue id from HOST's Received, the MTA the milter ran on; default the test Postfix)
same_as_daemon() {
	"$LM" -c "$E2E/lm.conf" -t "$PF_MAILDIR/new" >"$E2E/testmode.jsonl" 2>"$E2E/testmode.err"
	is "test mode reads every delivered file" "$(wc -l <"$E2E/testmode.jsonl")" "$1"
	"$E2E_PY" "$top_srcdir/tests/e2e/testmode-same.py" compare "$E2E/lm.log" "$E2E/testmode.jsonl" \
		${2:+"$2"} >"$E2E/same.tap"
	ok "each delivered file: in test mode the daemon's kind, authenticity, verdict and reasons" \
		test "$(grep -c '^not ok' "$E2E/same.tap")" -eq 0
	grep '^not ok' "$E2E/same.tap" | head -n 20 | while IFS= read -r l; do e2e_diag "$l"; done
}
