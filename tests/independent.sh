# independent.sh - messages written outside the corpus (tests/data/independent)
# are read right: kind, and the fields of every invitation and reminder
. "$top_srcdir/tests/lib.sh"
[ -n "$PYTHON3" ] || skip_all "python3 not found"
srcdir=$(cd "$top_srcdir" && pwd)
cd "$srcdir/tests/data" || exit 1
"$LM" -c corpus.conf -t independent/*.eml 2>/dev/null |
	"$PYTHON3" "$srcdir/tests/independent-check.py" independent
