# milter.sh - the miltertest scripts of tests/miltertest/, one behaviour each,
# each against its own daemon with a private configuration
. "$top_srcdir/tests/lib.sh"
[ -n "$MILTERTEST" ] || skip_all "miltertest not found"
[ "$(id -u)" = 0 ] || skip_all "needs root (the daemon is started as in production)"
srcdir=$(cd "$top_srcdir" && pwd)
make_tmp

for script in "$srcdir"/tests/miltertest/*.lua; do
	name=$(basename "$script" .lua)
	[ "$name" = lib ] && continue
	dir="$TMP/$name"
	mkdir -p "$dir"
	cat > "$dir/lm.conf" <<CONF
socket = "unix:$dir/lm.sock";
pidfile = "$dir/lm.pid";
user = "root";
allow_root = true;
authserv_id = "mx.example.org";
patterns = "$srcdir/conf/patterns.conf";
lexicons = "$srcdir/conf/lexicons.conf";
drafts = { store = "maildir:$dir/drafts/%u"; templates = "$srcdir/conf/templates"; spool = "$dir/spool"; };
CONF
	[ -f "$srcdir/tests/miltertest/$name.conf" ] && cat "$srcdir/tests/miltertest/$name.conf" >> "$dir/lm.conf"
	out=$(cd "$dir" && timeout 120 "$MILTERTEST" -s "$script" -D LM="$LM" -D CONF="$dir/lm.conf" \
		-D SOCK="$dir/lm.sock" -D DATA="$srcdir/tests/data" 2>&1)
	rc=$?
	if [ $rc -eq 0 ]; then
		ok "$name" true
	else
		ok "$name" false
		printf '%s\n' "$out" | tail -n 15 | sed 's/^/# /'
	fi
done
done_testing
