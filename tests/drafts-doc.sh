# drafts-doc.sh - docs/drafts/<lang>.md show the drafts the shipped templates
# make today: rendered again by tests/drafts-doc, they are the same
. "$top_srcdir/tests/lib.sh"
doc=$top_builddir/tests/drafts-doc
[ -x "$doc" ] || skip_all "tests/drafts-doc is not built"
make_tmp
srcdir=$(cd "$top_srcdir" && pwd)	# absolute: the renderer writes it into a configuration
ok "tests/drafts-doc renders every language" "$doc" "$srcdir" "$TMP"
for lang in en de fr es pt it nl; do
	ok "docs/drafts/$lang.md is current (make drafts-doc)" \
		cmp -s "$TMP/$lang.md" "$srcdir/docs/drafts/$lang.md"
	is "docs/drafts/$lang.md shows nine drafts" "$(grep -c '^## ' "$TMP/$lang.md")" 9
done
done_testing
