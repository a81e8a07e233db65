# corpus.sh - every corpus message gets exactly its expected kind and fields
. "$top_srcdir/tests/lib.sh"
[ -n "$PYTHON3" ] || skip_all "python3 not found"
cd "$top_srcdir/tests/data" || exit 1
"$LM" -c corpus.conf -t corpus/*.eml 2>/dev/null | "$PYTHON3" "$top_srcdir/tests/compare.py" corpus
