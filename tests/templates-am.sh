# templates-am.sh - conf/templates/templates.am is what
# build-aux/templates-am.sh makes from templates.list now (not stale), and the
# list names exactly the files of conf/templates/<lang>/
. "$top_srcdir/tests/lib.sh"
make_tmp
LC_ALL=C; export LC_ALL

dir=$top_srcdir/conf/templates
ok "build-aux/templates-am.sh makes a fragment from templates.list" \
	sh -c 'sh "$1" "$2" >"$3"' - "$top_srcdir/build-aux/templates-am.sh" "$dir/templates.list" "$TMP/templates.am"
ok "templates.am is up to date with templates.list (else: make templates-am)" \
	cmp "$TMP/templates.am" "$dir/templates.am"

# every language directory and every file in it, against the list
listed=$(sed -n 's|^	conf/templates/\([^ ]*\).*|\1|p' "$TMP/templates.am" | sort)
present=$(cd "$dir" && for d in */; do ls "$d" | sed "s|^|$d|"; done | sort)
is "templates.list names every file of conf/templates/<lang>/ and no other" "$present" "$listed"
is "twenty-three templates and lists in seven languages" "$(echo "$listed" | wc -l | tr -d ' ')" 161

done_testing
