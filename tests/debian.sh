# debian.sh - the Debian package: contrib/debian builds a .deb that lintian
# accepts without errors; it installs the daemon, its user, directories,
# configuration, unit and man pages without starting anything; remove keeps
# the configuration and purge leaves nothing behind
. "$top_srcdir/tests/lib.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root (installs and purges a package)"
for tool in dpkg-buildpackage dpkg-checkbuilddeps dpkg-parsechangelog dh lintian; do
	command -v "$tool" >/dev/null ||
		skip_all "$tool not found (packages dpkg-dev, debhelper, lintian)"
done
# never touch an installation that is not ours
status=$(dpkg-query -W -f='${db:Status-Status}' linkedin-milter 2>/dev/null || true)
case $status in
"" | not-installed) ;;
*) skip_all "a linkedin-milter package is on this machine ($status); dpkg --purge it first" ;;
esac
for path in /usr/sbin/linkedin-milter /etc/linkedin-milter /var/lib/linkedin-milter \
	/var/spool/linkedin-milter; do
	[ ! -e "$path" ] || skip_all "$path exists (an installation by hand?)"
done
getent passwd linkedin-milter >/dev/null && skip_all "the user linkedin-milter exists already"
getent group linkedin-milter >/dev/null && skip_all "the group linkedin-milter exists already"

src=$(cd "$top_srcdir" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/lm-debian.XXXXXX")
installed=no
added_policy=no
cleanup() {
	if [ "$installed" = yes ]; then
		s=$(dpkg-query -W -f='${db:Status-Status}' linkedin-milter 2>/dev/null || true)
		case $s in
		"" | not-installed) ;;
		*) DEBIAN_FRONTEND=noninteractive dpkg --purge linkedin-milter >/dev/null 2>&1 ;;
		esac
	fi
	[ "$added_policy" = no ] || rm -f /usr/sbin/policy-rc.d
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

skip() {	# skip WHAT REASON: a check that cannot be made here
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}
show() {	# show FILE [LINES]: the end of a log, as TAP comments
	tail -n "${2:-40}" "$1" | sed 's/^/# /'
}

# ---- the source: a git work tree gives its tracked and untracked files (not
# the ignored build outputs, and uncommitted work included); otherwise (a
# release tarball) the whole directory, cleaned by the package build itself
pkgdir=$TMP/linkedin-milter
mkdir "$pkgdir"
if [ -e "$src/.git" ] && command -v git >/dev/null &&
   [ "$(git -C "$src" rev-parse --show-toplevel 2>/dev/null)" = "$src" ]; then
	(cd "$src" && git ls-files -z -co --exclude-standard |
		xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done; :' sh) > "$TMP/files"
	tar -C "$src" --null -T "$TMP/files" -cf - | tar -C "$pkgdir" -xf -
else
	cp -a "$src/." "$pkgdir/"
	chmod -R u+w "$pkgdir"	# make distcheck's source tree is read-only
fi
ok "the source tree is copied" test -f "$pkgdir/contrib/debian/control"
rm -rf "$pkgdir/debian"
cp -r "$pkgdir/contrib/debian" "$pkgdir/debian"

missing=$(cd "$pkgdir" && dpkg-checkbuilddeps 2>&1) ||
	skip_all "build dependencies missing (contrib/install-deps.sh): $missing"

version=$(dpkg-parsechangelog -l "$pkgdir/debian/changelog" -S Version)
upstream=${version%-*}
arch=$(dpkg --print-architecture)
deb=$TMP/linkedin-milter_${version}_$arch.deb
changes=$TMP/linkedin-milter_${version}_$arch.changes

# ---- build: the environment of "make check" must not leak into the package
# build (jobserver, command-line variables, DESTDIR)
start=$(date +%s)
(cd "$pkgdir" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
	-u GNUMAKEFLAGS -u DESTDIR -u top_srcdir -u top_builddir -u LM \
	DEB_BUILD_OPTIONS="parallel=$(nproc 2>/dev/null || echo 2)" \
	dpkg-buildpackage -us -uc -b) > "$TMP/build.log" 2>&1
rc=$?
is "dpkg-buildpackage -us -uc -b succeeds ($(($(date +%s) - start)) s)" "$rc" 0
if [ "$rc" -ne 0 ] || [ ! -f "$deb" ]; then
	show "$TMP/build.log" 60
	ok "the build made $(basename "$deb")" test -f "$deb"
	done_testing
	exit
fi
ok "the unit tests ran in the build" grep -q '^PASS: tests/unit/test_config' "$TMP/build.log"

# ---- lintian: errors fail, the rest is shown
lintian --fail-on error "$changes" > "$TMP/lintian.log" 2>&1
rc=$?
grep -v '^running with root privileges' "$TMP/lintian.log" | sed 's/^/# lintian: /'
is "lintian exits 0 on the .changes" "$rc" 0
is "lintian reports no errors" "$(grep -c '^E:' "$TMP/lintian.log")" 0

# ---- install, without starting services (policy-rc.d; there is no systemd
# as PID 1 here, so deb-systemd-invoke does nothing anyway)
if [ ! -e /usr/sbin/policy-rc.d ]; then
	printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
	chmod 755 /usr/sbin/policy-rc.d
	added_policy=yes
fi
installed=yes
DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" > "$TMP/install.log" 2>&1
rc=$?
is "dpkg -i installs the package" "$rc" 0
[ "$rc" -eq 0 ] || show "$TMP/install.log"
is "the package is installed" "$(dpkg-query -W -f='${db:Status-Status}' linkedin-milter)" installed

LM_BIN=/usr/sbin/linkedin-milter	# not the PATH: make install puts one in /usr/local
CONF=/etc/linkedin-milter/linkedin-milter.conf
is "linkedin-milter -V names version $upstream" "$("$LM_BIN" -V | sed -n 1p)" "linkedin-milter $upstream"
out=$("$LM_BIN" -n -c "$CONF" 2>&1); rc=$?
is "linkedin-milter -n accepts the installed configuration" "$rc" 0
[ "$rc" -eq 0 ] || echo "$out" | sed 's/^/# /'
sample=/usr/share/doc/linkedin-milter/examples/samples/invitation-2019-en-personal-note.eml
ok "test mode with the installed configuration finds an invitation" \
	sh -c "'$LM_BIN' -c '$CONF' -t '$sample' | grep -q '\"kind\":\"invitation\"'"
conffiles=$(dpkg-query -W -f='${Conffiles}' linkedin-milter)
for f in "$CONF" /etc/linkedin-milter/patterns.conf /etc/linkedin-milter/templates/en/decline; do
	ok "$f is a conffile" sh -c 'echo "$1" | grep -q "^ $2 "' - "$conffiles" "$f"
done

ok "the user linkedin-milter exists" sh -c 'getent passwd linkedin-milter >/dev/null'
is "its home is /var/lib/linkedin-milter, its shell nologin" \
	"$(getent passwd linkedin-milter | cut -d: -f6,7)" "/var/lib/linkedin-milter:/usr/sbin/nologin"
ok "the group linkedin-milter exists" sh -c 'getent group linkedin-milter >/dev/null'
if getent passwd postfix >/dev/null; then
	ok "postfix is in the group linkedin-milter" sh -c 'id -nG postfix | tr " " "\n" | grep -qx linkedin-milter'
else
	skip "postfix is in the group linkedin-milter" "no user postfix"
fi
is "/var/lib/linkedin-milter: linkedin-milter, 0750" \
	"$(stat -c '%U:%G %a' /var/lib/linkedin-milter 2>&1)" "linkedin-milter:linkedin-milter 750"
is "/var/spool/linkedin-milter: linkedin-milter, 0700" \
	"$(stat -c '%U:%G %a' /var/spool/linkedin-milter 2>&1)" "linkedin-milter:linkedin-milter 700"

UNIT=/lib/systemd/system/linkedin-milter.service
ok "the systemd unit is installed" test -f "$UNIT"
ok "the unit is enabled (multi-user.target.wants)" \
	test -L /etc/systemd/system/multi-user.target.wants/linkedin-milter.service
ok "the tmpfiles.d snippet is installed" test -f /usr/lib/tmpfiles.d/linkedin-milter.conf
ok "the sysusers.d snippet is installed" test -f /usr/lib/sysusers.d/linkedin-milter.conf
# the man pages are checked once Makefile.am installs them
for page in man8/linkedin-milter.8 man5/linkedin-milter.conf.5; do
	if grep -q "doc/${page#*/}" "$src/Makefile.am"; then
		ok "the man page $page is installed" test -f "/usr/share/man/$page.gz"
	else
		skip "the man page $page is installed" "Makefile.am does not install doc/${page#*/} yet"
	fi
done
ok "no daemon was started" sh -c '! pgrep -f "^/usr/sbin/linkedin-milter( |$)" >/dev/null'

DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" > "$TMP/reinstall.log" 2>&1
rc=$?
is "installing it again (the upgrade path) works" "$rc" 0
[ "$rc" -eq 0 ] || show "$TMP/reinstall.log"

# ---- remove keeps configuration, user and data; purge removes them
echo draft > /var/lib/linkedin-milter/kept
DEBIAN_FRONTEND=noninteractive dpkg --remove linkedin-milter > "$TMP/remove.log" 2>&1
rc=$?
is "dpkg --remove works" "$rc" 0
[ "$rc" -eq 0 ] || show "$TMP/remove.log"
ok "remove takes the binary away" test ! -e "$LM_BIN"
ok "remove keeps the configuration" test -f "$CONF"
ok "remove keeps the user and its data" \
	sh -c 'getent passwd linkedin-milter >/dev/null && test -f /var/lib/linkedin-milter/kept'

DEBIAN_FRONTEND=noninteractive dpkg --purge linkedin-milter > "$TMP/purge.log" 2>&1
rc=$?
is "dpkg --purge works" "$rc" 0
[ "$rc" -eq 0 ] || show "$TMP/purge.log"
status=$(dpkg-query -W -f='${db:Status-Status}' linkedin-milter 2>/dev/null || true)
ok "the package is gone from dpkg's database" sh -c '[ -z "$1" ] || [ "$1" = not-installed ]' - "$status"
ok "/usr/sbin/linkedin-milter is gone" test ! -e "$LM_BIN"
is "nothing is left in /etc/linkedin-milter" "$(find /etc/linkedin-milter 2>/dev/null)" ""
ok "the user linkedin-milter is gone" sh -c '! getent passwd linkedin-milter'
ok "the group linkedin-milter is gone" sh -c '! getent group linkedin-milter'
ok "/var/lib/linkedin-milter is gone" test ! -e /var/lib/linkedin-milter
ok "/var/spool/linkedin-milter is gone" test ! -e /var/spool/linkedin-milter
ok "the unit and its enablement are gone" sh -c "test ! -e '$UNIT' && \
	test ! -L /etc/systemd/system/multi-user.target.wants/linkedin-milter.service"

done_testing
