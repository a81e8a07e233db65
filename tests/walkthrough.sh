#!/bin/bash
# walkthrough.sh - a new user's first hour, for real. A fresh Debian 12 root is booted with
# systemd as PID 1 in systemd-nspawn, on a private network; in it the README's command 1 runs,
# then "Installing on Postfix, step by step" line by line as the README writes it. The only
# edits are the ones a user makes: their name and employer in step 3, their own address in
# step 6. The mail server is a stock Debian Postfix delivering example.org to Maildirs.
# Checks: every step succeeds; the service is active, runs as its own user with no
# capability and a system-call filter, and systemd-analyze rates it 2.0 or lower; the sample
# is tagged; a genuine-looking invitation gets its draft in /var/lib/linkedin-milter;
# installing again keeps the configuration; a reload works.
#
# usage: sudo bash tests/walkthrough.sh	(make walkthrough; on demand, not in CI: it needs
# systemd-nspawn (package systemd-container), network for apt, and about ten minutes)
# FRESH_CACHE: a bookworm root as a tarball (../shared/tools/fresh-debian.sh build makes one);
# without it debootstrap makes the root.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
. "$top_srcdir/tests/lib.sh"
[ "$(id -u)" = 0 ] || skip_all "needs root"
command -v systemd-nspawn >/dev/null || skip_all "systemd-nspawn not found (apt-get install systemd-container)"
tarball=${FRESH_CACHE:-/var/tmp/fresh-bookworm.tar}
[ -f "$tarball" ] || command -v debootstrap >/dev/null || skip_all "no $tarball and no debootstrap"

root=$(mktemp -d /var/tmp/lm-walk.XXXXXX)
nspawn=
cleanup() {
	if [ -n "$nspawn" ] && kill -0 "$nspawn" 2>/dev/null; then
		kill -TERM "$nspawn"	# nspawn powers the container off
		for _ in $(seq 60); do kill -0 "$nspawn" 2>/dev/null || break; sleep 1; done
		kill -KILL "$nspawn" 2>/dev/null
	fi
	[ -n "${KEEP:-}" ] && echo "# kept $root" || rm -rf "$root" "$root.console" "$root.steps" "$root.log"
}
trap cleanup EXIT
log=$root.log

# ---- a fresh Debian 12 with systemd and git, as a new machine has
if [ -f "$tarball" ]; then
	tar -C "$root" -xf "$tarball"
else
	debootstrap --variant=minbase bookworm "$root" >"$log" 2>&1 || { cat "$log"; exit 1; }
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_chroot() {	# in_chroot COMMAND: bash -c COMMAND in the root, with /proc and /dev
	unshare -m sh -c 'mount -t proc proc "$1/proc" && mount --rbind /dev "$1/dev" &&
		chroot "$1" /bin/bash -c "$2"' sh "$root" "$1"
}
ok "a fresh Debian 12 root with systemd" in_chroot '
	printf "#!/bin/sh\nexit 101\n" >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq systemd systemd-sysv dbus git ca-certificates >/dev/null
	rc=$?; rm -f /usr/sbin/policy-rc.d; exit $rc'
git clone -q "$top_srcdir" "$root/root/linkedin-milter"

# ---- the README's command 1, as written
cmd1=$(grep -m1 -E '^       [^ ]' "$top_srcdir/README" | sed -E 's/^ +//')
ok "README command 1 installs, builds and runs the samples" \
	in_chroot "cd /root/linkedin-milter && { $cmd1; } >/root/command1.log 2>&1"

# ---- boot it
systemd-nspawn -q -D "$root" -M lmwalk --private-network --register=no --keep-unit --boot \
	>"$root.console" 2>&1 </dev/null &
nspawn=$!
leader=
for _ in $(seq 60); do
	leader=$(pgrep -P "$nspawn" | head -n 1)
	[ -n "$leader" ] && nsenter -t "$leader" -a -- systemctl is-system-running 2>/dev/null |
		grep -q -E '^(running|degraded)$' && break
	sleep 1
done
inside() { nsenter -t "$leader" -a -- /bin/bash -c "cd /root/linkedin-milter && $1"; }
ok "it boots with systemd as PID 1" eval '[ "$(inside "ps -o comm= -p 1")" = systemd ]'

# the mail server the user already runs: Postfix delivering example.org to Maildirs
ok "the user's Postfix runs" inside '
	cp /usr/share/postfix/main.cf.debian /etc/postfix/main.cf &&
	postconf -e "myhostname = mx.example.org" "mydestination = example.org, localhost" \
		"inet_interfaces = loopback-only" "inet_protocols = ipv4" "home_mailbox = Maildir/" &&
	newaliases && useradd -m bob && systemctl restart postfix && systemctl is-active -q postfix'

# ---- "Installing on Postfix, step by step", line by line
awk '/^Installing on Postfix, step by step/ { f = 1 } /^Installing on Sendmail/ { f = 0 }
	f && (/^       [^ ]/ || cont) { sub(/^ +/, ""); cont = sub(/\\$/, ""); buf = buf $0
		if (!cont) { print buf; buf = "" } }' "$top_srcdir/README" >"$root.steps"
ok "the README has the steps ($(wc -l <"$root.steps") command lines)" test "$(wc -l <"$root.steps")" -ge 8
while IFS= read -r line; do
	case $line in
	"linkedin-milter -n"*)	# step 3: the user describes themselves first
		inside "sed -i -e 's/^  names = \[\];/  names = [ \"Bob Smith\" ];/' \
			-e 's/^  employers = \[\];/  employers = [ \"Acme\" ];/' \
			-e 's/^authserv_id = .*/authserv_id = \"mx.example.org\";/' \
			/etc/linkedin-milter/linkedin-milter.conf" ;;
	swaks*) line=${line//you@your.domain/bob@example.org} ;;
	esac
	ok "README: $line" inside "{ $line; } >>/root/steps.log 2>&1"
done <"$root.steps"

# ---- what the user should now have
sleep 2
is "the service is active" "$(inside 'systemctl is-active linkedin-milter')" active
pid=$(inside 'systemctl show -p MainPID --value linkedin-milter')
is "it runs as linkedin-milter, no capability, NoNewPrivs, a seccomp filter" \
	"$(inside "stat -c %U /proc/$pid; grep -E '^(CapEff|NoNewPrivs|Seccomp):' /proc/$pid/status | tr -s '\t' ' '")" \
	"linkedin-milter
CapEff: 0000000000000000
NoNewPrivs: 1
Seccomp: 2"
level=$(inside 'systemd-analyze security linkedin-milter --no-pager' | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
ok "systemd-analyze rates it $level (2.0 or lower)" awk -v l="$level" 'BEGIN { exit !(l != "" && l <= 2.0) }'
is "the sample is delivered tagged (phish: it was not sent by LinkedIn's servers)" \
	"$(inside 'grep -h "^X-LinkedIn-Verdict:" /home/bob/Maildir/new/*')" "X-LinkedIn-Verdict: phish"
inside 'swaks --server localhost --from s-1@bounce.linkedin.com --to bob@example.org \
	--data @contrib/samples/invitation-2019-en-personal-note.eml' >/dev/null
sleep 2
ok "from a LinkedIn envelope sender the invitation gets its draft in /var/lib/linkedin-milter" \
	eval '[ -n "$(inside "ls /var/lib/linkedin-milter/bob/Drafts/cur")" ]'
ok "installing again keeps the configuration" eval 'inside "make install >/dev/null 2>&1 &&
	grep -q \"Bob Smith\" /etc/linkedin-milter/linkedin-milter.conf &&
	test -f /etc/linkedin-milter/linkedin-milter.conf.dist"'
ok "systemctl reload reloads it" eval 'inside "systemctl reload linkedin-milter && sleep 1 &&
	journalctl -u linkedin-milter --no-pager | grep -q \"notice: reloaded\""'
inside 'journalctl -u linkedin-milter --no-pager | tail -n 5' | sed 's/^/# /'
done_testing
