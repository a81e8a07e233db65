#!/bin/bash
# postfix-bench.sh - mail through a real, private Postfix: throughput with 8 SMTP sessions and
# latency with one, for no milter, the floor (a do-nothing milter), linkedin-milter and, when
# installed, opendkim verifying; mixes of ordinary mail and LinkedIn invitations (each to its own
# recipient, so each makes a new draft; "repeats": one invitation over and over, whose draft is
# found and not stored again). Configurations
# are interleaved within each round and medians reported, with ratios against no milter and
# against the floor taken in the same run (the machine's speed drifts: only ratios count).
#
# BENCH_DKIM=1: the invitation signed with the test key (tests/data) and linkedin-milter verifying
# it itself (dkim_verify on), the key from a private unbound on loopback (cached after the first)
#
# usage: bash tests/bench/postfix-bench.sh [-n MESSAGES] [-r ROUNDS] [-s SESSIONS] [-l LATENCY_MSGS]
#	[-m "MIXES"] [-c "CONFIGS"]	(defaults: all; LATENCY_MSGS 0 skips the latency table)
# needs root, postfix, smtp-source (postfix), a built src/linkedin-milter; run it as `make bench-postfix`,
# some minutes after anything deleted many files on the same file system (an ext4 without a journal
# skips recently freed inodes on every file created: docs/performance.md)
set -u
N=1000 ROUNDS=3 SESSIONS=8 LAT=200 MIXES="ordinary invitations 10% repeats" ONLY=
while getopts n:r:s:l:m:c: o; do
	case $o in
	n) N=$OPTARG ;; r) ROUNDS=$OPTARG ;; s) SESSIONS=$OPTARG ;; l) LAT=$OPTARG ;;
	m) MIXES=$OPTARG ;; c) ONLY=$OPTARG ;; *) exit 64 ;;
	esac
done
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/e2e/lm.sh"
e2e_need postfix postconf smtp-source
e2e_init
corpus=$top_srcdir/tests/data/corpus

# the messages: an ordinary newsletter and a genuine 2019+ invitation, as sent
strip_for_injection "$(ls "$corpus"/[0-9][0-9][0-9]-none-newsletter-html.eml)" >"$E2E/ordinary.eml"
strip_for_injection "$(ls "$corpus"/[0-9][0-9][0-9]-2020-en-no-note-pymk4.eml)" >"$E2E/invitation.eml"
LINKEDIN_FROM=s-bench@bounce.linkedin.com

# the milters
NM=$(build_nullmilter) || exit 1
e2e_spawn null "$NM" -p "unix:$E2E_RUN/null.sock" -m 0666
milter_wait_socket "unix:$E2E_RUN/null.sock" 20 || exit 1
if [ -n "${BENCH_DKIM:-}" ]; then
	e2e_need unbound opendkim-testmsg
	port=$(free_port)
	mkdir -p "$E2E_RUN/dns"
	printf '%s\n' server: "interface: 127.0.0.1" "port: $port" "do-ip6: no" "do-daemonize: no" \
		'username: ""' 'chroot: ""' "directory: \"$E2E_RUN/dns\"" 'pidfile: ""' "use-syslog: no" \
		"access-control: 127.0.0.0/8 allow" 'local-zone: "linkedin.com." static' \
		"local-data: 'test._domainkey.linkedin.com. 300 IN TXT \"$(sed -n 's/^test._domainkey.linkedin.com //p' \
			"$top_srcdir/tests/data/dkim-test.keys")\"'" remote-control: "control-enable: no" \
		>"$E2E_RUN/dns/unbound.conf"
	e2e_spawn dns unbound -d -c "$E2E_RUN/dns/unbound.conf"
	opendkim-testmsg -d linkedin.com -s test -k "$top_srcdir/tests/data/dkim-test.key" \
		<"$E2E/invitation.eml" >"$E2E/signed.eml" && mv "$E2E/signed.eml" "$E2E/invitation.eml"
	LM_EXTRA="dkim_verify = \"on\"; dns_resolver = \"127.0.0.1:$port\"; ${LM_EXTRA:-}"
fi
# the drafts go to one existing Drafts folder (smtp-source -N makes every recipient a new
# user, whose Maildir would otherwise be created for one draft: not what a server sees)
: "${LM_STORE:=maildir:$E2E/drafts/%d/Drafts}"
lm_config ${LM_EXTRA:+"$LM_EXTRA"}	# LM_EXTRA: more configuration lines
lm_start || exit 1
CONFIGS="none floor linkedin-milter"
if command -v opendkim >/dev/null; then
	cat >"$E2E/opendkim.conf" <<CONF
Mode v
Socket local:$E2E_RUN/dkim.sock
UMask 000
PidFile $E2E/opendkim.pid
Background no
Syslog no
AuthservID mx.example.org
Nameservers 127.0.0.1
CONF
	e2e_spawn opendkim opendkim -f -x "$E2E/opendkim.conf"
	milter_wait_socket "unix:$E2E_RUN/dkim.sock" 20 && CONFIGS="$CONFIGS opendkim"
fi
milters() {	# milters CONFIG: the smtpd_milters value
	case $1 in
	none) echo "" ;;
	floor) echo "unix:$E2E_RUN/null.sock" ;;
	linkedin-milter) echo "unix:$LM_SOCK" ;;
	opendkim) echo "unix:$E2E_RUN/dkim.sock" ;;
	esac
}
[ -n "$ONLY" ] && CONFIGS=$ONLY
postfix_start "" || exit 1
milter_pid() {	# milter_pid CONFIG: the PID of its milter process, if any
	case $1 in floor) e2e_pid null ;; linkedin-milter) lm_pid ;; opendkim) e2e_pid opendkim ;; esac
}
cpu_ticks() {	# cpu_ticks CONFIG: user + system clock ticks its milter has used so far
	local pid; pid=$(milter_pid "$1")
	[ -n "$pid" ] && awk '{ print $14 + $15 }' "/proc/$pid/stat" || echo 0
}

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.6f\\n\", $1 }"; }	# calc EXPR: floating point
clear_maildir() {	# delivered mail and drafts moved aside, not deleted: mass deletion makes
			# ext4 search its inode tables on each create and would weigh on every run
	local to
	mkdir -p "$E2E/archive" && to=$(mktemp -d "$E2E/archive/run.XXXXXX") || return 1
	mv "$PF_MAILDIR/new" "$to/mail" && mkdir "$PF_MAILDIR/new" && chown nobody:nogroup "$PF_MAILDIR/new"
	[ -d "$E2E/drafts/example.org" ] && mv "$E2E/drafts/example.org" "$to/drafts"
	return 0
}
wait_n() {	# wait_n N: until N messages are in the Maildir (give up after 300 s)
	local end=$(( $(date +%s) + 300 ))
	while [ "$(ls -f "$PF_MAILDIR/new" | wc -l)" -lt $(( $1 + 2 )) ]; do
		[ "$(date +%s)" -lt "$end" ] || { echo "timeout" >&2; return 1; }
		sleep 0.02
	done
}
source_run() {	# source_run FILE COUNT SESSIONS FROM [-N: a new recipient each time, 1bob.smith, 2bob.smith ...]
	smtp-source -4 ${5:-} -s "$3" -m "$2" -F "$1" -M client.bench.test -f "$4" \
		-t bob.smith@example.org "127.0.0.1:$PF_PORT"
}
run_mix() {	# run_mix MIX: N messages with SESSIONS sessions; prints msg/s
	local t0 t1 inv=0
	clear_maildir
	case $1 in
	ordinary) t0=$(now); source_run "$E2E/ordinary.eml" "$N" "$SESSIONS" sender@example.net ;;
	invitations) t0=$(now); source_run "$E2E/invitation.eml" "$N" "$SESSIONS" "$LINKEDIN_FROM" -N ;;
	repeats) t0=$(now); source_run "$E2E/invitation.eml" "$N" "$SESSIONS" "$LINKEDIN_FROM" ;;
	10%)	inv=$(( N / 10 ))
		t0=$(now)
		source_run "$E2E/invitation.eml" "$inv" 1 "$LINKEDIN_FROM" -N &
		local pid=$!	# (a bare wait would also wait for the milters)
		source_run "$E2E/ordinary.eml" $(( N - inv )) $(( SESSIONS - 1 )) sender@example.net
		wait "$pid" ;;
	esac
	wait_n "$N" || return 1
	t1=$(now)
	calc "$N / ($t1 - $t0)"
}
latency() {	# latency FILE FROM: ms per message with one session
	local t0 t1
	clear_maildir
	t0=$(now)
	source_run "$1" "$LAT" 1 "$2" -N
	wait_n "$LAT" || return 1
	t1=$(now)
	calc "($t1 - $t0) * 1000 / $LAT"
}
ratio() { [ -n "$2" ] && calc "$1 / $2" | awk '{ printf "%.2f", $1 }' || echo -; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "# $(nproc) cores; Postfix $(postconf -d -h mail_version); $N messages, $SESSIONS sessions, $ROUNDS rounds"
for mix in $MIXES; do
	for cfg in $CONFIGS; do : >"$E2E/r.$mix.$cfg"; : >"$E2E/cpu.$mix.$cfg"; done
done
# warm up: caches, Postfix's processes and the milters' threads
postfix_reload_milters "unix:$LM_SOCK" && run_mix invitations >/dev/null || exit 1
for round in $(seq 1 "$ROUNDS"); do
	for cfg in $CONFIGS; do
		postfix_reload_milters "$(milters "$cfg")" || exit 1
		for mix in $MIXES; do
			c0=$(cpu_ticks "$cfg")
			run_mix "$mix" >>"$E2E/r.$mix.$cfg" || exit 1
			echo $(( $(cpu_ticks "$cfg") - c0 )) >>"$E2E/cpu.$mix.$cfg"
		done
	done
done
printf '\n%-12s %-16s %10s %10s %10s %12s\n' mix config "msg/s" "/none" "/floor" "milter µs/msg"
for mix in $MIXES; do
	none=$(median 2>/dev/null <"$E2E/r.$mix.none")
	floor=$(median 2>/dev/null <"$E2E/r.$mix.floor")
	for cfg in $CONFIGS; do
		m=$(median <"$E2E/r.$mix.$cfg")
		cpu=$(median <"$E2E/cpu.$mix.$cfg")
		printf '%-12s %-16s %10.0f %10s %10s %12.0f\n' "$mix" "$cfg" "$m" "$(ratio "$m" "$none")" \
			"$(ratio "$m" "$floor")" "$(calc "$cpu * 1000000 / $(getconf CLK_TCK) / $N")"
	done
done

[ "$LAT" -gt 0 ] && printf '\nlatency, one SMTP session, %d messages: ms per message (added to no milter)\n' "$LAT"
base_o= base_i=
for cfg in $CONFIGS; do
	[ "$LAT" -gt 0 ] || break
	postfix_reload_milters "$(milters "$cfg")" || exit 1
	lo=$(latency "$E2E/ordinary.eml" sender@example.net)
	li=$(latency "$E2E/invitation.eml" "$LINKEDIN_FROM")
	[ -z "$base_o" ] && { base_o=$lo; base_i=$li; }	# none, or the first measured
	printf '%-16s ordinary %6.2f (+%.2f)   invitation %6.2f (+%.2f)\n' "$cfg" "$lo" \
		"$(calc "$lo - $base_o")" "$li" "$(calc "$li - $base_i")"
done
printf '\nlinkedin-milter: %s invitations logged, %s drafts stored, %s found (repeats), %s spooled\n' \
	"$(grep -c 'kind=invitation' "$E2E/lm.log")" "$(grep -c ': stored$' "$E2E/lm.log")" \
	"$(grep -c 'exists already' "$E2E/lm.log")" "$(grep -c 'waits in the spool' "$E2E/lm.log")"
