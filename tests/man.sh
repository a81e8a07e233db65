# man.sh - the manual pages: mandoc has nothing to warn about, they render,
# and they name every option of -h, every key of the example configuration,
# every reason id of the classification and every header the milter writes
. "$top_srcdir/tests/lib.sh"
command -v mandoc >/dev/null 2>&1 || skip_all "mandoc is not installed"
make_tmp
LC_ALL=C; export LC_ALL

man8=$top_srcdir/doc/linkedin-milter.8
man5=$top_srcdir/doc/linkedin-milter.conf.5
conf=$top_srcdir/conf/linkedin-milter.conf
bs=$(printf '\b')

for page in "$man8" "$man5"; do
	name=${page##*/}
	is "mandoc -T lint -W warning finds nothing in $name" \
		"$(mandoc -T lint -W warning "$page" 2>&1)" ""
	ok "$name renders with mandoc -T utf8 without an error" \
		sh -c 'mandoc -T utf8 -W error "$1" >"$2" 2>"$3" && [ -s "$2" ] && [ ! -s "$3" ]' \
		- "$page" "$TMP/$name.utf8" "$TMP/$name.err"
	# plain text, no overstrike, lines long enough that no word is broken
	mandoc -T ascii -O width=400 "$page" 2>/dev/null | sed "s/.$bs//g" >"$TMP/$name.txt"
done

# missing FILE WORD...: the words that FILE does not hold as a whole word
missing() {
	f=$1; shift
	for w in "$@"; do
		grep -Eq -- "(^|[^A-Za-z0-9_.-])$w([^A-Za-z0-9_-]|$)" "$f" || printf '%s ' "$w"
	done
}

# options: -X in the usage (not the -m of linkedin-milter), and --long ones
help=$("$LM" -h)
opts=$(echo "$help" | grep -oE -- '(^|[^A-Za-z0-9-])-[A-Za-z]([^A-Za-z0-9-]|$)' |
	sed -E 's/^[^-]*-([A-Za-z]).*/-\1/' | sort -u)
longs=$(echo "$help" | grep -oE -- '--[a-z][a-z-]*' | sort -u)
ok "-h shows options to look for" [ "$(echo "$opts" | wc -l)" -ge 6 ]
is "every option of -h is in linkedin-milter.8" \
	"$(missing "$TMP/linkedin-milter.8.txt" $opts $longs)" ""

# keys: "key = " at the start of a line, commented out or not, and inside
# one-line groups ("{ tag = true; folder = ...")
keys=$( { sed -nE 's/^[[:space:]]*#?[[:space:]]*([a-z_]+) = .*/\1/p' "$conf"
	grep -v '^[[:space:]]*#[^{]*$' "$conf" | grep -oE '[{;][[:space:]]*[a-z_]+ = ' |
		sed -E 's/^[{;][[:space:]]*([a-z_]+) = $/\1/'
	sed -nE 's/^[[:space:]]*#?[[:space:]]*([a-z_]+)[[:space:]]+= \{.*/\1/p' "$conf"
	} | sort -u)
ok "the example configuration has keys to look for" [ "$(echo "$keys" | wc -l)" -gt 40 ]
is "every key of conf/linkedin-milter.conf is in linkedin-milter.conf.5" \
	"$(missing "$TMP/linkedin-milter.conf.5.txt" $keys)" ""

# reason ids of the default rules, and the headers of the milter
reasons=$(grep -oE '"[a-z]+(-[a-z]+)+"' "$top_srcdir/src/engine/reasons.c" | tr -d '"' | sort -u)
ok "src/engine/reasons.c has reason ids to look for" [ "$(echo "$reasons" | wc -l)" -ge 9 ]
is "every reason id is in linkedin-milter.conf.5" \
	"$(missing "$TMP/linkedin-milter.conf.5.txt" $reasons)" ""
is "every reason id is in linkedin-milter.8" \
	"$(missing "$TMP/linkedin-milter.8.txt" $reasons)" ""
headers=$(grep -ohE '"X-LinkedIn-[A-Za-z-]+' "$top_srcdir/src/milter/milter_apply.c" "$top_srcdir/src/drafts/draft_message.c" "$top_srcdir/src/drafts/draft_message.h" |
	tr -d '"' | sort -u)
is "every header the milter writes is in linkedin-milter.8" \
	"$(missing "$TMP/linkedin-milter.8.txt" $headers)" ""

done_testing
