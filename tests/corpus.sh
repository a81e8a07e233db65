# corpus.sh - every corpus message gets exactly its expected kind, fields, verdict and actions
. "$top_srcdir/tests/lib.sh"
[ -n "$PYTHON3" ] || skip_all "python3 not found"
srcdir=$(cd "$top_srcdir" && pwd)
cd "$srcdir/tests/data" || exit 1
"$LM" -c corpus.conf -t corpus/*.eml 2>/dev/null | "$PYTHON3" "$srcdir/tests/compare.py" corpus
