# cli.sh - the command line: versions, configuration check, usage errors
. "$top_srcdir/tests/lib.sh"
make_tmp

out=$("$LM" -V)
is "-V prints the program version" "$(echo "$out" | sed -n 1p | cut -d' ' -f1)" "linkedin-milter"
for lib in libmilter libetpan libconfig PCRE2; do
	ok "-V prints the $lib version" sh -c "echo \"\$1\" | grep -Eq \"^$lib [0-9]+\.[0-9]+\"" - "$out"
done

ok "-n accepts the example configuration" "$LM" -n -c "$top_srcdir/conf/linkedin-milter.conf"

# without owner.names a draft is signed by nobody: -n says so, and still passes
printf 'socket = "unix:/run/x.sock";\n' > "$TMP/nameless.conf"
err=$("$LM" -n -c "$TMP/nameless.conf" 2>&1 >/dev/null); rc=$?
is "-n passes a configuration without owner.names" "$rc" 0
is "-n warns that owner.names is empty" "$err" "$TMP/nameless.conf: warning: owner.names is empty: reply drafts end without a name and have no display name in From"
printf 'socket = "unix:/run/x.sock";\nowner = { names = [ "Bob Smith" ]; };\n' > "$TMP/named.conf"
err=$("$LM" -n -c "$TMP/named.conf" 2>&1 >/dev/null)
is "-n does not warn when owner.names is set" "$err" ""

printf 'socket = "unix:/run/x.sock";\nowner = {\n  mdoe = "strict";\n};\n' > "$TMP/typo.conf"
err=$("$LM" -n -c "$TMP/typo.conf" 2>&1); rc=$?
is "-n exits 1 on a misspelled key" "$rc" 1
is "-n names file, line and key" "$err" "$TMP/typo.conf:3: owner.mdoe: unknown key (did you mean 'mode'?)"

"$LM" --no-such-option >/dev/null 2>&1; rc=$?
is "an unknown option exits with EX_USAGE" "$rc" 64
"$LM" -h >/dev/null; rc=$?
is "-h exits 0" "$rc" 0
"$LM" -t >/dev/null 2>&1; rc=$?
is "-t without a file exits with EX_USAGE" "$rc" 64
"$LM" -c "$TMP/missing.conf" -t /dev/null >/dev/null 2>&1; rc=$?
is "a missing configuration exits with EX_CONFIG" "$rc" 78

# the roles of extraction are checked like the others, with file and line
printf '[any en]\nname.body likely (?<nam>x\nlabel likely (?<name>Accept)\nfields likely x\n' \
	>"$TMP/roles.conf"
printf 'patterns = "%s";\n' "$TMP/roles.conf" >"$TMP/roles-lm.conf"
err=$("$LM" -n -c "$TMP/roles-lm.conf" 2>&1)
is "-n: a line role's pattern, a group it does not know, a retired role" "$err" \
"$TMP/roles.conf:2: name.body: pattern does not compile: missing closing parenthesis at offset 8
$TMP/roles.conf:3: label: group (?<name>...) means nothing to this role
$TMP/roles.conf:4: fields: unknown role"

# an invitation in a language without patterns (Polish) is read by structure
# and answered in the owner's language
data=$(cd "$top_srcdir/tests/data" && pwd)
(cd "$data" && "$LM" -c corpus.conf -t --drafts="maildir:$TMP/pl/%u" corpus/*-2024-pl-no-note.eml) \
	>"$TMP/pl.json" 2>/dev/null
is "Polish invitation: inviter read by structure" \
	"$(grep -o '"name":"[^"]*","headline":"[^"]*"' "$TMP/pl.json")" \
	'"name":"Piotr Zieliński","headline":"Inżynier oprogramowania w Northwind Traders"'
greeting=$(cat "$TMP"/pl/bob.smith/cur/* 2>/dev/null | tr -d '\r' | grep -m1 -E '^(Hi|Hello) ')
is "Polish invitation: the draft greets in the owner's English" "$greeting" "Hi Piotr,"

# the configured user, looked up before anything starts (as root only)
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	chmod 711 "$TMP"	# the daemon, once nobody, reads what is below
	mkdir -m 755 "$TMP/u"
	# the data files copied where the daemon's user can read them (the daemon
	# checks that it can, for reloads; the source tree may be root's alone)
	mkdir -m 755 "$TMP/u/conf"
	cp -R "$top_srcdir/conf/patterns.conf" "$top_srcdir/conf/lexicons.conf" \
		"$top_srcdir/conf/templates" "$TMP/u/conf/"
	chmod -R a+rX "$TMP/u/conf"
	user_conf() {	# user_conf USER-LINE: a daemon configuration in $TMP/u
		printf 'socket = "unix:%s/u/lm.sock";\npidfile = "%s/u/lm.pid";\n%s\n' \
			"$TMP" "$TMP" "$1" >"$TMP/u/lm.conf"
		printf 'patterns = "%s/conf/patterns.conf";\nlexicons = "%s/conf/lexicons.conf";\n' \
			"$TMP/u" "$TMP/u" >>"$TMP/u/lm.conf"
		printf 'drafts = { spool = "%s/u/spool"; templates = "%s/conf/templates"; };\n' \
			"$TMP" "$TMP/u" >>"$TMP/u/lm.conf"
	}
	user_conf 'user = "lm-no-such-user"; allow_root = true;'
	err=$(timeout 30 "$LM" -f -c "$TMP/u/lm.conf" 2>&1); rc=$?
	is "an unknown user exits with EX_NOPERM" "$rc" 77
	is "an unknown user is named" "$err" "linkedin-milter: error: user lm-no-such-user: no such user"
	user_conf 'user = "root";'
	err=$(timeout 30 "$LM" -f -c "$TMP/u/lm.conf" 2>&1); rc=$?
	is "root without allow_root exits with EX_NOPERM" "$rc" 77
	is "root without allow_root is refused" "$err" \
		"linkedin-milter: error: refusing to run as root: set user, or allow_root = true"
	user_conf 'user = "nobody";'
	"$LM" -f -c "$TMP/u/lm.conf" 2>"$TMP/u/err" & pid=$!
	# the last step of the start is becoming the user (its uid read from /proc)
	uid_of() { awk '/^Uid:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }
	for i in $(seq 100); do [ "$(uid_of "$pid")" = "$(id -u nobody)" ] && break; sleep 0.1; done
	is "the spool is given to the user" "$(stat -c %U:%a "$TMP/u/spool")" "nobody:700"
	is "the pidfile is given to the user" "$(stat -c %U "$TMP/u/lm.pid")" "nobody"
	is "the daemon runs as the user" "$(uid_of "$pid")" "$(id -u nobody)"
	[ -s "$TMP/u/err" ] && sed 's/^/# /' "$TMP/u/err"
	kill "$pid"
	wait "$pid"
fi

# a start-up failure after the fork (here the pidfile's directory is missing)
# is the exit status the shell sees, not 0 from the parent
if [ "$(id -u)" = 0 ]; then
	src=$(cd "$top_srcdir" && pwd)
	mkdir -p "$TMP/bg"
	cat > "$TMP/bg/lm.conf" <<CONF
socket = "unix:$TMP/bg/lm.sock";
pidfile = "$TMP/bg/no-such-dir/lm.pid";
user = "root";
allow_root = true;
patterns = "$src/conf/patterns.conf";
lexicons = "$src/conf/lexicons.conf";
drafts = { store = "maildir:$TMP/bg/drafts/%u"; templates = "$src/conf/templates"; spool = "$TMP/bg/spool"; };
CONF
	timeout 30 "$LM" -c "$TMP/bg/lm.conf" 2>/dev/null
	ok "a start-up failure after the fork exits 77 (EX_NOPERM), not 0" test $? = 77
fi
done_testing
