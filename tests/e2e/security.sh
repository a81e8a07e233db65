# security.sh - the daemon's privileges and what hostile mail cannot make it do, behind a real
# Postfix and traced by strace from its start: after start it runs as `user` with no root
# uid, gid, group or capability left; its socket has the configured mode and group; forged
# X-LinkedIn-* headers are removed; names and notes with CR/LF (literal or in encoded words)
# create no header in the delivered message or the draft; a recipient that names a path
# outside the drafts folder (../, /, %2f) gets no draft outside it; the daemon never
# starts another program or process: one execve (its own), no fork, threads only; and
# started as its user with chown refused, as under the systemd unit, it still starts.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lm.sh"
lm_init postfix postconf strace "$E2E_PY"

lm_config
e2e_spawn strace strace -f -qq -o "$E2E/strace.out" \
	-e trace=execve,execveat,fork,vfork,clone,clone3 "$LM" -f -c "$E2E/lm.conf"
ok "linkedin-milter starts under strace" milter_wait_socket "unix:$LM_SOCK" 30
pid=$(cat "$E2E_RUN/lm.pid")
echo "$pid" >"$E2E/pids/lm"	# stopped before strace, which then ends with it
status() { awk -v k="$1:" '$1 == k { $1 = ""; print substr($0, 2) }' "/proc/$pid/status"; }
nobody=$(id -u nobody) nogroup=$(getent group nogroup | cut -d: -f3)
is "it runs as user nobody: real, effective, saved and file-system uid" "$(status Uid)" \
	"$nobody $nobody $nobody $nobody"
is "and group nogroup, every gid" "$(status Gid)" "$nogroup $nogroup $nogroup $nogroup"
is "with no supplementary group but that one" "$(status Groups | tr ' ' '\n' | grep -v -x "$nogroup" | wc -l)" 0
is "and no capability, effective or permitted" "$(status CapEff):$(status CapPrm)" \
	"0000000000000000:0000000000000000"
is "its socket has mode 0660, group postfix" "$(stat -c '%a %G' "$LM_SOCK")" "660 postfix"
ok "postfix starts with it" postfix_start "unix:$LM_SOCK"

# the hostile messages that try to make headers, and the forged ones
"$E2E_PY" "$top_srcdir/tests/data/make-hostile.py" "$E2E/hostile" >/dev/null || exit 1
mkdir -p "$E2E/picked"
awk '$2 ~ /^(rfc2047-crlf-[bq]-[a-z]+|name-crlf-literal|note-with-headers|forged-x-linkedin(-other)?|name-dotdot|name-percent-u|nul-in-linkedin-name|auth-results-forged)$/' \
	"$E2E/hostile/index.txt" >"$E2E/picked/index.txt"
while read -r num kind _; do cp "$E2E/hostile/$num-$kind.eml" "$E2E/picked/"; done <"$E2E/picked/index.txt"
# and a real invitation whose inviter name hides CR/LF in encoded words, literally in the
# body, or whose Message-ID folds a header in: these do make drafts
"$E2E_PY" - "$(ls "$top_srcdir"/tests/data/corpus/[0-9][0-9][0-9]-2020-en-no-note-pymk4.eml)" \
	"$E2E/picked" <<'PY' || exit 1
import base64, sys
src, out = sys.argv[1], sys.argv[2]
raw = open(src, "rb").read().decode("utf-8").replace("\r\n", "\n")
head, body = raw.split("\n\n", 1)
head = "\n".join(l for l in head.split("\n") if not l.startswith(("Return-Path:", "Delivered-To:")))
evil = "Liam\r\nBcc: victim@example.org"
b = "=?UTF-8?B?%s?=" % base64.b64encode(evil.encode()).decode()
q = "=?UTF-8?Q?Liam=0D=0ABcc:_victim@example.org?="
variants = {
    "inviter-b-crlf": (head.replace("From: Liam Foster", "From: " + b), body),
    "inviter-q-crlf": (head.replace("From: Liam Foster", "From: " + q), body),
    "inviter-b-crlf-body": (head.replace("From: Liam Foster", "From: " + b),
                           body.replace("Liam Foster", "Liam Foster=0D=0ABcc: victim@example.org")),
    "msgid-folded-header": (head.replace("Message-ID: <", "Message-ID: <x@y>\n Bcc: victim@example.org <"), body),
}
index = open(out + "/index.txt", "a")
for n, (kind, (h, bd)) in enumerate(sorted(variants.items())):
    num = "9%02d" % n
    open("%s/%s-%s.eml" % (out, num, kind), "w").write(h + "\n\n" + bd)
    index.write("%s %s linkedin\n" % (num, kind))
PY
picked=$(wc -l <"$E2E/picked/index.txt")
"$E2E_PY" "$top_srcdir/tests/e2e/inject-dir.py" "$PF_PORT" "$E2E/picked" >"$E2E/codes"
is "all $picked header-injection attempts are accepted" "$(grep -c ' 250$' "$E2E/codes")" "$picked"
ok "and delivered" wait_delivered "$picked"

# recipients that name paths: the drafts folder is maildir:$E2E/drafts/%u
inv=$E2E/invitation.eml
strip_for_injection "$(ls "$top_srcdir"/tests/data/corpus/[0-9][0-9][0-9]-2020-en-no-note-pymk4.eml)" >"$inv"
trav=0
for rcpt in '"../../../../tmp/lm-trav-'$$'"@example.org' '"/tmp/lm-trav-'$$'"@example.org' \
	'"..%2f..%2ftmp%2flm-trav-'$$'"@example.org' '"a/../../../lm-trav-'$$'"@example.org'; do
	sed "s/^Message-ID:.*/Message-ID: <trav-$trav@lm-e2e.test>/" "$inv" >"$E2E/trav-$trav.eml"
	[ "$(send_file "$E2E/trav-$trav.eml" "$rcpt" s-trav@bounce.linkedin.com | cut -c1-3)" = 250 ] &&
		trav=$(( trav + 1 ))
done
is "invitations to four path-like recipients are accepted" "$trav" 4
ok "and delivered" wait_delivered $(( picked + 4 ))
ok "the daemon makes no draft for them and says so" \
	wait_until 10 eval '[ "$(grep -c "no draft: no owner address" "$E2E/strace.log")" -eq 4 ]'
is "no file or folder appears outside the drafts folder" \
	"$(find /tmp "$E2E" -name "*lm-trav-$$*" 2>/dev/null | grep -v "^$E2E/drafts/" | wc -l)" 0

# nothing in the delivered mail or the drafts came from the content as a header
bad=$(with_header "$PF_MAILDIR/new" Bcc | wc -l)
for f in "$PF_MAILDIR"/new/*; do
	[ "$(hdr_names "$f" | grep -c -i -x 'X-LinkedIn-Verdict')" -le 1 ] || bad=$(( bad + 1 ))
done
is "no delivered message gained a header (Bcc) or a second verdict" "$bad" 0
other=$(awk '$2 == "forged-x-linkedin-other" { print $1 }' "$E2E/picked/index.txt")
f=$(grep -l -F "X-Original-To: h$other@example.org" "$PF_MAILDIR"/new/* | head -n 1)
# (Alice's mail with LinkedIn's bounce address as its envelope is a forged
# LinkedIn mail: phish, with our own verdict, reasons, explanation, folder)
is "forged X-LinkedIn-* headers are removed: only our own are left" \
	"$(hdr_names "$f" | grep -i '^X-LinkedIn-' | tr '\n' ' ')" \
	"X-LinkedIn-Verdict X-LinkedIn-Reasons X-LinkedIn-Explanation X-LinkedIn-Folder "
is "and they are ours: phish, not the forged accept" \
	"$(grep -i '^X-LinkedIn-\(Verdict\|Reasons\):' "$f" | tr -d '\r')" "X-LinkedIn-Verdict: phish
X-LinkedIn-Reasons: foreign-sender"
drafts=$(find "$E2E/drafts" -type f -path '*/cur/*' | wc -l)
is "the four crafted invitations have their drafts" "$drafts" 4
is "the drafts have only the headers we write" "$(foreign_draft_headers | tr '\n' ' ')" ""

# the trace, from start to here: no program started, no process made
execs=$(grep -c -E 'execve(at)?\(' "$E2E/strace.out")
is "the daemon executed one program: itself" "$execs:$(grep -E 'execve(at)?\(' "$E2E/strace.out" | grep -c -F "\"$LM\"")" "1:1"
is "it never forked" "$(grep -c -E '(^| )v?fork\(' "$E2E/strace.out")" 0
is "every clone made a thread" "$(grep -E 'clone3?\(' "$E2E/strace.out" | grep -v -c 'CLONE_THREAD')" 0
ok "and it cloned at all (the trace works)" grep -q 'CLONE_THREAD' "$E2E/strace.out"

# as the unit starts it: already its user (User=), chown refused with EPERM (the unit's
# SystemCallFilter=~@privileged), socket and pidfile in a directory of its own
lm_stop
mkdir -p "$E2E_RUN/unit" && chown nobody:nogroup "$E2E_RUN/unit"
sed -e "s|^socket = .*|socket = \"unix:$E2E_RUN/unit/lm.sock\";|" -e '/^socket_group/d' \
	-e "s|^pidfile = .*|pidfile = \"$E2E_RUN/unit/lm.pid\";|" "$E2E/lm.conf" >"$E2E/unit.conf"
chmod 0644 "$E2E/unit.conf"
install -m 0755 "$LM" "$E2E/linkedin-milter"	# the build tree may be where nobody cannot go
e2e_spawn unit strace -f -qq -o "$E2E/unit.strace" -u nobody -e trace=chown,fchown,fchownat,lchown \
	-e inject=chown,fchown,fchownat,lchown:error=EPERM "$E2E/linkedin-milter" -f -c "$E2E/unit.conf"
ok "started as nobody with chown refused, it listens" milter_wait_socket "unix:$E2E_RUN/unit/lm.sock" 20
cp "$E2E_RUN/unit/lm.pid" "$E2E/pids/daemon-unit"	# stopped before its strace
is "its socket has mode 0660 and its own group" "$(stat -c '%a %U %G' "$E2E_RUN/unit/lm.sock" 2>/dev/null)" \
	"660 nobody nogroup"
done_testing
