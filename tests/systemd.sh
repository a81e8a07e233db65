# systemd.sh - the service unit is hardened: systemd-analyze security rates its exposure
# at 2.0 or lower; the tmpfiles.d and sysusers.d snippets parse
. "$top_srcdir/tests/lib.sh"
command -v systemd-analyze >/dev/null || skip_all "systemd-analyze not found (package systemd)"
unit=$top_srcdir/systemd/linkedin-milter.service
out=$(systemd-analyze security --offline=yes "$unit" 2>&1)
level=$(printf '%s\n' "$out" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
ok "systemd-analyze rates the unit (exposure $level)" test -n "$level"
ok "its exposure is 2.0 or lower" awk -v l="$level" 'BEGIN { exit !(l != "" && l <= 2.0) }'
ok "it runs in the foreground as Type=simple" grep -q '^Type=simple' "$unit"
ok "it reloads with SIGUSR1" grep -q '^ExecReload=/bin/kill -USR1 \$MAINPID' "$unit"
ok "the daemon is started with -f" grep -q '^ExecStart=.*linkedin-milter -f' "$unit"
ok "tmpfiles.d snippet makes the spool for the user" \
	grep -q '^d /var/spool/linkedin-milter 0700 linkedin-milter linkedin-milter' "$top_srcdir/systemd/linkedin-milter.tmpfiles"
ok "sysusers.d snippet makes the user" \
	grep -q '^u linkedin-milter ' "$top_srcdir/systemd/linkedin-milter.sysusers"
done_testing
