# tests/e2e/lib.sh - end-to-end harness: private Postfix, Sendmail and Dovecot (sourced by bash)
#
# Needs root and bash. Every server runs from a per-test directory $E2E (under /tmp) or
# $E2E_RUN (under /run, for sockets Sendmail must trust), listens on 127.0.0.1 or unix
# sockets only, and is stopped by its PID when the script exits, even on failure.
# See /work/shared/test-environment.md for the why of each setting.
#
# Typical use:
#	. "$top_srcdir/tests/e2e/lib.sh"
#	e2e_need postfix; e2e_init
#	postfix_start "unix:$E2E_RUN/lm.sock"; send_file msg.eml; wait_delivered 1
#
# Functions return non-zero on failure and print why as "# ..." on stderr; written for
# set -u, not for set -e. E2E_KEEP=1 keeps $E2E and $E2E_RUN after the run (servers
# are stopped all the same); on failure the tails of the server logs go to stderr.

: "${top_srcdir:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
E2E_PY=${PYTHON3:-python3}
E2E_CACHE=${E2E_CACHE:-/var/cache/lm-e2e}
E2E_HOST=mx.lm-e2e.test

# TAP helpers of the other shell tests: ok, is, skip_all, done_testing
. "$top_srcdir/tests/lib.sh"

# ---------------------------------------------------------------- basics

# e2e_diag MSG...: a TAP diagnostic line on stderr
e2e_diag() { printf '# %s\n' "$*" >&2; }

# e2e_need CMD...: skip the whole script unless root and every command exists
e2e_need() {
	local c
	[ "$(id -u)" = 0 ] || skip_all "needs root"
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || skip_all "$c not installed"
	done
}

# e2e_init: make $E2E and $E2E_RUN, and stop/remove everything at exit
e2e_init() {
	E2E=$(mktemp -d /tmp/lm-e2e.XXXXXX) || return 1
	E2E_RUN=$(mktemp -d /run/lm-e2e.XXXXXX) || { rm -rf "$E2E"; return 1; }
	chmod 0755 "$E2E" "$E2E_RUN"	# servers run as postfix, nobody, dovenull
	mkdir "$E2E/pids"
	export E2E E2E_RUN
	trap e2e_cleanup EXIT
	trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
}

# e2e_cleanup: the EXIT trap: stop every server, show logs on failure, remove the dirs
e2e_cleanup() {
	local rc=$? f
	set +e
	trap - EXIT
	e2e_signal_all TERM	# libmilter takes ~5 s to exit: let them all start now
	sendmail_stop; dovecot_stop; postfix_stop; e2e_stop_all
	if [ "$rc" -ne 0 ] && [ -n "${E2E:-}" ]; then
		for f in "$E2E"/postfix/maillog "$E2E"/dovecot/dovecot.log "$E2E_RUN"/sendmail/trace.log "$E2E"/*.log; do
			[ -s "$f" ] || continue
			e2e_diag "---- last lines of $f"
			tail -n 25 "$f" | sed 's/^/#   /' >&2
		done
	fi
	if [ -n "${E2E_KEEP:-}" ]; then
		e2e_diag "kept $E2E and $E2E_RUN"
	else
		rm -rf "${E2E:?}" "${E2E_RUN:?}"
	fi
	exit "$rc"
}

# wait_until TIMEOUT CMD...: run CMD every 0.1 s until it succeeds; 1 after TIMEOUT seconds
wait_until() {
	local end=$((SECONDS + $1)); shift
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.1
	done
}

# pid_alive PID: the process exists and is not a zombie
pid_alive() {
	local state
	[ -n "$1" ] && [ -r "/proc/$1/stat" ] || return 1
	state=$(sed 's/^.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$state" ] && [ "$state" != Z ]
}

# group_alive PGID: a live process remains in process group PGID
group_alive() {
	local p
	for p in $(pgrep -g "$1" 2>/dev/null); do
		pid_alive "$p" && return 0
	done
	return 1
}

# pid_gone PID: neither the process PID nor a process of the group it led is alive
pid_gone() { ! pid_alive "$1" && ! group_alive "$1"; }

# stop_pid PID [TIMEOUT] [GROUP]: SIGTERM, wait up to TIMEOUT s (15), then SIGKILL; with
# GROUP=1 also waits for (at worst kills) the process group PID leads; 2 if SIGKILL was needed
stop_pid() {
	local pid=$1 timeout=${2:-15} group=${3:-0} rc=0
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null
	if ! wait_until "$timeout" eval "! pid_alive $pid"; then
		e2e_diag "PID $pid ignored SIGTERM for ${timeout}s: SIGKILL"
		kill -KILL "$pid" 2>/dev/null
		wait_until 5 eval "! pid_alive $pid"
		rc=2
	fi
	if [ "$group" = 1 ] && ! wait_until "$timeout" eval "! group_alive $pid"; then
		e2e_diag "process group $pid still alive: SIGKILL"
		kill -KILL -- "-$pid" 2>/dev/null
		wait_until 5 eval "! group_alive $pid"
		rc=2
	fi
	wait "$pid" 2>/dev/null	# reap it if it is our child
	return "$rc"
}

# e2e_spawn NAME CMD...: run CMD in the background, output in $E2E/NAME.log, PID in $E2E/pids/NAME
e2e_spawn() {
	local name=$1; shift
	"$@" >"$E2E/$name.log" 2>&1 </dev/null &
	echo $! >"$E2E/pids/$name"
}

# e2e_pid NAME: the PID of a process started with e2e_spawn
e2e_pid() { cat "$E2E/pids/$1" 2>/dev/null; }

# e2e_stop NAME [TIMEOUT]: stop a process started with e2e_spawn (libmilter takes ~5 s);
# 2 if it had to be killed
e2e_stop() {
	local pid rc
	pid=$(e2e_pid "$1") || return 0
	stop_pid "$pid" "${2:-15}"; rc=$?
	rm -f "$E2E/pids/$1"
	return "$rc"
}

# e2e_signal_all SIGNAL: send SIGNAL to everything started with e2e_spawn
e2e_signal_all() {
	local f
	for f in "$E2E"/pids/*; do
		[ -e "$f" ] && kill -"$1" "$(cat "$f")" 2>/dev/null
	done
	return 0
}

# e2e_stop_all: stop everything started with e2e_spawn
e2e_stop_all() {
	local f
	for f in "$E2E"/pids/*; do
		[ -e "$f" ] && e2e_stop "${f##*/}"
	done
	return 0
}

# free_port: print a TCP port on 127.0.0.1 nobody listens on (outside the ephemeral range)
free_port() {
	"$E2E_PY" - <<'EOF'
import random, socket
for _ in range(200):
    port = random.randint(20000, 32000)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    break
else:
    raise SystemExit("free_port: no free port found")
EOF
}

# port_open PORT [HOST]: something accepts TCP connections on HOST (127.0.0.1):PORT
port_open() {
	(exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null
}

# unix_open PATH: something accepts connections on the unix socket PATH
unix_open() {
	[ -S "$1" ] && "$E2E_PY" -c 'import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])' "$1" 2>/dev/null
}

# milter_wait_socket SPEC [TIMEOUT]: wait (10 s) until a milter socket accepts connections
milter_wait_socket() {
	local spec=$1 timeout=${2:-10} port host
	case $spec in
	unix:*|local:*|/*)
		wait_until "$timeout" unix_open "${spec#*:}" ;;
	inet:*@*|inet6:*@*)
		port=${spec#*:}; port=${port%%@*}; host=${spec#*@}; host=${host#[}; host=${host%]}
		wait_until "$timeout" port_open "$port" "$host" ;;
	*)
		e2e_diag "milter_wait_socket: unknown spec $spec"; return 1 ;;
	esac || { e2e_diag "milter socket $spec not ready after ${timeout}s"; return 1; }
}

# build_nullmilter: print the path of the null milter, compiling it into $E2E unless $NULLMILTER is set
build_nullmilter() {
	if [ -n "${NULLMILTER:-}" ]; then
		echo "$NULLMILTER"
		return 0
	fi
	cc -O2 -Wall -Wextra -o "$E2E/nullmilter" "$top_srcdir/tests/bench/nullmilter.c" \
		-lmilter -lpthread >&2 || return 1
	echo "$E2E/nullmilter"
}

# ---------------------------------------------------------------- Postfix

# _pf: run a postfix command on the private instance; messages only reach a tty, hence script(1)
_pf() {
	local out rc
	out=$(script -qec "postfix -c $(printf %q "$E2E/postfix/etc") $*" /dev/null 2>&1); rc=$?
	[ "$rc" -eq 0 ] || { e2e_diag "postfix $* failed ($rc):"; printf '%s\n' "$out" | tr -d '\r' | sed 's/^/#   /' >&2; }
	return "$rc"
}

# _pf_main_cf MILTERS: print the private main.cf
_pf_main_cf() {
	local pf=$E2E/postfix
	cat <<EOF
compatibility_level = 3.6
config_directory = $pf/etc
queue_directory = $pf/spool
data_directory = $pf/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
shlib_directory = /usr/lib/postfix
meta_directory = /etc/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = $E2E_HOST
mydomain = lm-e2e.test
myorigin = \$myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_peername_lookup = no
smtp_dns_support_level = disabled
default_transport = error
relay_transport = error
alias_maps =
alias_database =
local_recipient_maps =
notify_classes =
biff = no
virtual_mailbox_domains = static:all
virtual_mailbox_base = $E2E
virtual_mailbox_maps = static:mail/
virtual_uid_maps = static:$(id -u nobody)
virtual_gid_maps = static:$(getent group nogroup | cut -d: -f3)
maillog_file = $pf/maillog
maillog_file_prefixes = $E2E
smtpd_milters = $1
non_smtpd_milters = $1
milter_default_action = tempfail
milter_protocol = 6
EOF
}

# _pf_master_cf PORT: print the private master.cf (no chroot anywhere)
_pf_master_cf() {
	cat <<EOF
127.0.0.1:$1 inet n - n - - smtpd
pickup     unix n - n 60 1 pickup
cleanup    unix n - n - 0 cleanup
qmgr       unix n - n 300 1 qmgr
rewrite    unix - - n - - trivial-rewrite
bounce     unix - - n - 0 bounce
defer      unix - - n - 0 bounce
trace      unix - - n - 0 bounce
verify     unix - - n - 1 verify
flush      unix n - n 1000? 0 flush
proxymap   unix - - n - - proxymap
proxywrite unix - - n - 1 proxymap
smtp       unix - - n - - smtp
relay      unix - - n - - smtp
showq      unix n - n - - showq
error      unix - - n - - error
retry      unix - - n - - error
discard    unix - - n - - discard
local      unix - n n - - local
virtual    unix - n n - - virtual
lmtp       unix - - n - - lmtp
anvil      unix - - n - 1 anvil
scache     unix - - n - 1 scache
postlog    unix-dgram n - n - 1 postlogd
EOF
}

# postfix_start MILTERS [MAIN.CF LINE...]: start a private Postfix on 127.0.0.1:$PF_PORT
# delivering every address to the Maildir $PF_MAILDIR; extra lines override the defaults
postfix_start() {
	local milters=$1 line pf=$E2E/postfix; shift
	mkdir -p "$pf/etc" "$pf/spool" "$pf/data" "$E2E/mail/new" "$E2E/mail/cur" "$E2E/mail/tmp"
	chown postfix "$pf/data"
	chown -R nobody:nogroup "$E2E/mail"
	PF_PORT=$(free_port) || return 1
	PF_MAILDIR=$E2E/mail
	export PF_PORT PF_MAILDIR
	_pf_main_cf "$milters" >"$pf/etc/main.cf"
	_pf_master_cf "$PF_PORT" >"$pf/etc/master.cf"
	for line in "$@"; do
		postconf -c "$pf/etc" -e "$line" || return 1
	done
	_pf check || return 1
	_pf start || return 1
	wait_until 15 port_open "$PF_PORT" || { e2e_diag "postfix: port $PF_PORT not open"; pf_log | tail -n 20 >&2; return 1; }
}

# postfix_pid: the PID of the private Postfix master, if it runs
postfix_pid() {
	local pid
	pid=$(tr -d ' \n' 2>/dev/null <"$E2E/postfix/spool/pid/master.pid") && pid_alive "$pid" && echo "$pid"
}

# postfix_stop: stop the private Postfix by its master PID and wait for all its processes
postfix_stop() {
	local pid
	pid=$(postfix_pid) || return 0
	# the master leads its own process group and takes its children down with it
	if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then
		stop_pid "$pid" 15 1
	else
		stop_pid "$pid" 15
	fi
}

# postfix_reload_milters MILTERS: set smtpd_milters and non_smtpd_milters, reload, wait for it
postfix_reload_milters() {
	local n
	postconf -c "$E2E/postfix/etc" -e "smtpd_milters = $1" "non_smtpd_milters = $1" || return 1
	n=$(grep -c 'master.*: reload' "$E2E/postfix/maillog")
	_pf reload || return 1
	wait_until 10 eval '[ "$(grep -c "master.*: reload" "$E2E/postfix/maillog")" -gt '"$n"' ]' ||
		{ e2e_diag "postfix did not log its reload"; return 1; }
}

# pf_log: print the private Postfix's maillog
pf_log() { cat "$E2E/postfix/maillog" 2>/dev/null; }

# _smtp_send PORT FILE RCPT FROM: one SMTP transaction; prints the last reply "CODE TEXT";
# returns 0 (2xx), 4 (4xx), 5 (5xx) or 1 (no connection)
_smtp_send() {
	"$E2E_PY" - "$@" <<'EOF'
import smtplib, sys
port, path, rcpt, sender = sys.argv[1:5]
data = open(path, "rb").read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
def done(code, text):
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    print("%03d %s" % (code, str(text).replace("\n", " ")))
    sys.exit({2: 0, 4: 4, 5: 5}.get(code // 100, 1))
try:
    s = smtplib.SMTP("127.0.0.1", int(port), local_hostname="client.lm-e2e.test", timeout=60)
    code, text = s.ehlo()
    if code != 250:
        done(code, text)
    for step in (lambda: s.mail(sender), lambda: s.rcpt(rcpt), lambda: s.data(data)):
        code, text = step()
        if code >= 400:
            s.close()
            done(code, text)
    try:
        s.quit()
    except smtplib.SMTPException:
        pass
except smtplib.SMTPResponseException as e:   # e.g. a 421 greeting
    done(e.smtp_code, e.smtp_error)
except (OSError, smtplib.SMTPException) as e:  # refused, disconnected, timed out
    done(0, e)
done(code, text)
EOF
}

# send_file FILE [RCPT] [FROM]: send FILE over SMTP to the private Postfix; prints the last
# reply; non-zero (4 or 5 for a 4xx or 5xx) on an SMTP error
send_file() {
	_smtp_send "$PF_PORT" "$1" "${2:-rcpt@example.com}" "${3:-sender@example.net}"
}

# postfix_inject FILE [RCPT] [FROM]: submit FILE with Postfix's sendmail(1): pickup, cleanup and
# non_smtpd_milters (a simulated connect from localhost)
postfix_inject() {
	/usr/sbin/sendmail -C "$E2E/postfix/etc" -f "${3:-sender@example.net}" -- "${2:-rcpt@example.com}" <"$1"
}

# send_many FILE COUNT SESSIONS: send COUNT copies of FILE over SESSIONS parallel SMTP sessions
send_many() {
	smtp-source -4 -s "$3" -m "$2" -F "$1" -M client.lm-e2e.test \
		-f sender@example.net -t rcpt@example.com "127.0.0.1:$PF_PORT"
}

# delivered_files: the files in $PF_MAILDIR/new, oldest first
delivered_files() {
	local dir=$PF_MAILDIR/new
	[ -n "$(ls -A "$dir")" ] || return 0
	ls -1 -d -r -t "$dir"/*
}

# delivered_count: how many files are in $PF_MAILDIR/new
delivered_count() { ls -A "$PF_MAILDIR/new" | wc -l; }

# wait_delivered N [TIMEOUT]: wait (30 s) until at least N messages are in $PF_MAILDIR/new
wait_delivered() {
	local n=$1 timeout=${2:-30}
	wait_until "$timeout" eval '[ "$(delivered_count)" -ge '"$n"' ]' && return 0
	e2e_diag "wait_delivered: $(delivered_count) of $n messages delivered after ${timeout}s"
	return 1
}

# strip_for_injection FILE: print FILE without its Delivered-To and Return-Path headers
strip_for_injection() {
	awk '
	hdr && /^\r?$/ { hdr = 0 }
	hdr && /^[ \t]/ { if (!drop) print; next }
	hdr { drop = tolower($0) ~ /^(delivered-to|return-path)[ \t]*:/; if (drop) next }
	{ print }' hdr=1 "$1"
}

# has_line TEXT ERE: a line of TEXT matches the extended regular expression ERE
has_line() { printf '%s\n' "$1" | grep -Eq -- "$2"; }

# header_count FILE NAME: how many NAME: headers FILE has in its header section
header_count() {
	awk -v name="$2" '
	/^\r?$/ { exit }
	tolower($0) ~ "^" tolower(name) "[ \t]*:" { n++ }
	END { print n + 0 }' "$1"
}

# ---------------------------------------------------------------- Sendmail

SM_ROOT=

# sendmail_setup: download sendmail-bin/-base/-cf once into $E2E_CACHE and unpack them into
# a private root $SM_ROOT (never installed: they conflict with postfix)
sendmail_setup() {
	local debs=$E2E_CACHE/debs rc f
	mkdir -p "$debs" || return 1
	(
		flock 9
		ls "$debs"/sendmail-bin_*.deb "$debs"/sendmail-base_*.deb "$debs"/sendmail-cf_*.deb \
			>/dev/null 2>&1 && exit 0
		cd "$debs" && apt-get -o APT::Sandbox::User=root download sendmail-bin sendmail-base sendmail-cf >"$E2E/apt.log" 2>&1
	) 9>"$E2E_CACHE/lock"
	rc=$?
	[ "$rc" -eq 0 ] || { e2e_diag "apt-get download sendmail-* failed:"; sed 's/^/#   /' "$E2E/apt.log" >&2; return 1; }
	SM_ROOT=$E2E/sendmail-root
	for f in "$debs"/sendmail-bin_*.deb "$debs"/sendmail-base_*.deb "$debs"/sendmail-cf_*.deb; do
		dpkg -x "$f" "$SM_ROOT" || return 1
	done
	[ -x "$SM_ROOT/usr/libexec/sendmail/sendmail" ] || { e2e_diag "no sendmail binary in the packages"; return 1; }
}

# _sm_mc MILTER: print the private sendmail.mc (relays everything to the private Postfix)
_sm_mc() {
	local d=$E2E_RUN/sendmail
	cat <<EOF
divert(-1)
divert(0)dnl
VERSIONID(\`linkedin-milter e2e')dnl
OSTYPE(\`linux')dnl
define(\`confDOMAIN_NAME', \`sm.lm-e2e.test')dnl
define(\`confHOSTS_FILE', \`$d/hosts')dnl
define(\`confSERVICE_SWITCH_FILE', \`$d/service.switch')dnl
define(\`confDONT_PROBE_INTERFACES', \`True')dnl
define(\`confPID_FILE', \`$d/sendmail.pid')dnl
define(\`QUEUE_DIR', \`$d/mqueue')dnl
define(\`STATUS_FILE', \`$d/statistics')dnl
define(\`ALIAS_FILE', \`$d/aliases')dnl
define(\`HELP_FILE', \`$d/helpfile')dnl
define(\`confCW_FILE', \`$d/local-host-names')dnl
define(\`confTO_IDENT', \`0')dnl
define(\`confQUEUE_LA', \`1000')dnl	# a loaded test machine must not make it queue
define(\`confREFUSE_LA', \`1000')dnl	# or refuse connections
define(\`confDELAY_LA', \`1000')dnl
define(\`SMART_HOST', \`esmtp:[127.0.0.1]')dnl
define(\`ESMTP_MAILER_ARGS', \`TCP \$h $PF_PORT')dnl
FEATURE(\`nocanonify')dnl
FEATURE(\`accept_unresolvable_domains')dnl
FEATURE(\`no_default_msa')dnl	# else an MSA on *:587 too
DAEMON_OPTIONS(\`Port=$SM_PORT, Addr=127.0.0.1, Name=MTA')dnl
EOF
	# SM_FIRST_MILTER: a milter before ours (a verifier), as a socket spec
	[ -z "${SM_FIRST_MILTER:-}" ] ||
		echo "INPUT_MAIL_FILTER(\`first', \`S=$SM_FIRST_MILTER, F=T, T=C:10s;S:30s;R:30s;E:60s')dnl"
	[ -z "$1" ] || echo "INPUT_MAIL_FILTER(\`lm', \`S=$1, F=T, T=C:10s;S:30s;R:30s;E:60s')dnl"
	cat <<EOF
MAILER(\`local')dnl
MAILER(\`smtp')dnl
EOF
}

# _sm_cmd: set SM_CMD to the private sendmail command, run in its own mount and UTS namespace
# with private hosts and nsswitch.conf (no DNS lookups: they would stall it for 60 s)
_sm_cmd() {
	# Sendmail looks its host name up before it reads its cf and waits a minute when no
	# resolver answers: it runs with private hosts and nsswitch.conf bind-mounted, and a
	# qualified host name, in mount and UTS namespaces of its own. unshare makes "/"
	# private first; in a chroot "/" is no mount point, so there /etc is bound onto itself
	# and made private instead, before anything is mounted over its files.
	local private=''
	unshare --mount --uts -- true 2>/dev/null ||
		private='mount --bind /etc /etc && mount --make-private /etc && '
	SM_CMD=(unshare --mount --uts ${private:+--propagation unchanged} -- /bin/sh -c "
		d=\$1; shift
		$private"'mount --bind "$d/hosts" /etc/hosts &&
		mount --bind "$d/nsswitch.conf" /etc/nsswitch.conf &&
		hostname sm.lm-e2e.test &&
		exec "$@"' sh "$E2E_RUN/sendmail" "$SM_ROOT/usr/libexec/sendmail/sendmail" -C "$E2E_RUN/sendmail/sendmail.cf")
}

# _sm_files MILTER: write the private sendmail directory ($E2E_RUN: Sendmail checks every parent)
_sm_files() {
	local d=$E2E_RUN/sendmail
	mkdir -p "$d/mqueue" && chmod 0700 "$d/mqueue" || return 1
	printf '127.0.0.1\tsm.lm-e2e.test sm localhost\n' >"$d/hosts"
	printf 'hosts: files\n' >"$d/nsswitch.conf"
	printf 'hosts\tfiles\naliases\tfiles\n' >"$d/service.switch"
	printf 'postmaster: root\n' >"$d/aliases"
	printf 'sm.lm-e2e.test\n' >"$d/local-host-names"
	: >"$d/statistics"; : >"$d/helpfile"
	_sm_mc "$1" >"$d/sendmail.mc"
	m4 -D_CF_DIR_="$SM_ROOT/usr/share/sendmail/cf/" "$SM_ROOT/usr/share/sendmail/cf/m4/cf.m4" \
		"$d/sendmail.mc" >"$d/sendmail.cf" 2>"$E2E/sendmail-m4.log" ||
		{ e2e_diag "m4 failed:"; sed 's/^/#   /' "$E2E/sendmail-m4.log" >&2; return 1; }
}

# sendmail_start MILTER_SOCKET: start a private Sendmail on 127.0.0.1:$SM_PORT filtering through
# the milter (unix:/path or inet:PORT@HOST; empty: no milter) and relaying to the private Postfix
sendmail_start() {
	local sock=$1
	[ -n "$SM_ROOT" ] || sendmail_setup || return 1
	[ -n "${PF_PORT:-}" ] || { e2e_diag "sendmail_start: start the private Postfix first"; return 1; }
	case $sock in /*) sock=unix:$sock ;; esac
	SM_PORT=$(free_port) || return 1
	export SM_PORT
	_sm_files "$sock" || return 1
	_sm_cmd
	"${SM_CMD[@]}" -bi >"$E2E/sendmail-bi.log" 2>&1 ||
		{ e2e_diag "sendmail -bi failed:"; sed 's/^/#   /' "$E2E/sendmail-bi.log" >&2; return 1; }
	# -bD: daemon in the foreground; setsid: its own process group, led by this PID,
	# so that its delivery children can be waited for when it stops
	setsid "${SM_CMD[@]}" -bD -q1m -X "$E2E_RUN/sendmail/trace.log" >"$E2E/sendmail.log" 2>&1 </dev/null &
	SM_PID=$!
	wait_until 20 port_open "$SM_PORT" || { e2e_diag "sendmail: port $SM_PORT not open after 20 s"; return 1; }
}

# sendmail_stop: stop the private Sendmail by PID, with its children
sendmail_stop() {
	[ -n "${SM_PID:-}" ] || return 0
	stop_pid "$SM_PID" 15 1
	SM_PID=
}

# sendmail_send FILE RCPT [FROM]: send FILE over SMTP through the private Sendmail
sendmail_send() {
	_smtp_send "$SM_PORT" "$1" "${2:-rcpt@example.com}" "${3:-sender@example.net}"
}

# sm_log: print the private Sendmail's SMTP and milter traffic (-X)
sm_log() { cat "$E2E_RUN/sendmail/trace.log" 2>/dev/null; }

# ---------------------------------------------------------------- Dovecot

# _dc_tls: Dovecot's TLS settings: none, or with DC_CERT and DC_KEY (PEM files) TLS on
# offer (STARTTLS on the IMAP port, and IMAPS on DC_TLS_PORT when set)
_dc_tls() {
	if [ -n "${DC_CERT:-}" ]; then
		printf 'ssl = yes\nssl_cert = <%s\nssl_key = <%s\n' "$DC_CERT" "$DC_KEY"
	else
		echo "ssl = no"
	fi
}

# _dc_conf PORT: print the private dovecot.conf
_dc_conf() {
	local d=$E2E/dovecot
	cat <<EOF
base_dir = $d/run
state_dir = $d/state
instance_name = lm-e2e-$$
log_path = $d/dovecot.log
protocols = imap
listen = 127.0.0.1
$(_dc_tls)
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = dovenull
default_internal_user = dovecot
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=$(id -u nobody) gid=$(getent group nogroup | cut -d: -f3) home=$d/home/%n
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $1
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${DC_TLS_PORT:-0}
  }
}
service doveadm {
  inet_listener {
    port = 0
  }
}
EOF
}

# dovecot_start [PORT]: start a private Dovecot IMAP on 127.0.0.1:$DC_PORT (any user, password "secret")
dovecot_start() {
	local d=$E2E/dovecot
	mkdir -p "$d/run" "$d/state" "$d/home" || return 1
	chown nobody:nogroup "$d/home"
	DC_PORT=${1:-$(free_port)} || return 1
	export DC_PORT
	_dc_conf "$DC_PORT" >"$d/dovecot.conf"
	# setsid: its own process group, so that stopping it stops its login and imap
	# processes too (an imap process outlives its master otherwise)
	setsid dovecot -F -c "$d/dovecot.conf" >"$E2E/dovecot-stdout.log" 2>&1 </dev/null &
	DC_PID=$!
	wait_until 15 port_open "$DC_PORT" ||
		{ e2e_diag "dovecot: port $DC_PORT not open"; cat "$E2E/dovecot-stdout.log" "$d/dovecot.log" >&2; return 1; }
}

# dovecot_stop: stop the private Dovecot by PID (its children exit with it)
dovecot_stop() {
	[ -n "${DC_PID:-}" ] || return 0
	stop_pid "$DC_PID" 15 1
	DC_PID=
}

# dovecot_maildir USER: print the path of USER's Drafts Maildir
dovecot_maildir() { echo "$E2E/dovecot/home/$1/Maildir/.Drafts"; }

# imap_append USER FOLDER FILE [FLAGS]: APPEND FILE to FOLDER as USER; prints the tagged reply
imap_append() {
	"$E2E_PY" - "$DC_PORT" "$@" <<'EOF'
import imaplib, sys, time
port, user, folder, path = sys.argv[1:5]
flags = sys.argv[5] if len(sys.argv) > 5 else None
data = open(path, "rb").read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
m = imaplib.IMAP4("127.0.0.1", int(port), timeout=30)
m.login(user, "secret")
typ, resp = m.append(folder, flags, imaplib.Time2Internaldate(time.time()), data)
print(typ, resp[0].decode("utf-8", "replace") if resp and resp[0] else "")
m.logout()
sys.exit(0 if typ == "OK" else 1)
EOF
}

# imap_fetch_drafts USER: print every message of USER's Drafts: "== N FLAGS (...)", then its text
imap_fetch_drafts() {
	"$E2E_PY" - "$DC_PORT" "$1" <<'EOF'
import imaplib, re, sys
port, user = sys.argv[1:3]
m = imaplib.IMAP4("127.0.0.1", int(port), timeout=30)
m.login(user, "secret")
typ, resp = m.select("Drafts", readonly=True)
if typ != "OK":
    sys.exit("SELECT Drafts: %s %s" % (typ, resp))
if int(resp[0]) > 0:
    typ, resp = m.fetch("1:*", "(FLAGS BODY.PEEK[])")
    msgs = []    # [response text around the literal, literal]
    for item in resp:
        if isinstance(item, tuple):
            msgs.append([item[0].decode(), item[1]])
        elif msgs and item:
            msgs[-1][0] += item.decode()
    for head, body in msgs:
        flags = re.search(r"FLAGS \(([^)]*)\)", head)
        print("== %s FLAGS (%s)" % (head.split()[0], flags.group(1) if flags else ""))
        sys.stdout.write(body.decode("utf-8", "replace").replace("\r\n", "\n"))
        print()
m.logout()
EOF
}

# imap_list USER: print USER's folders as the IMAP LIST command shows them, one a line
imap_list() {
	"$E2E_PY" - "$DC_PORT" "$1" <<'EOF'
import imaplib, sys
port, user = sys.argv[1:3]
m = imaplib.IMAP4("127.0.0.1", int(port), timeout=30)
m.login(user, "secret")
typ, resp = m.list()
for line in resp:
    print(line.decode("utf-8", "replace"))
m.logout()
EOF
}
