# variants.sh - every invitation and reminder of the corpus, changed the way
# real mail changes (blank lines, folding, encodings, parts, case, the note's
# place, wrapping, Unicode blanks, extra blocks), is read the same: same kind,
# fields and verdict for each variant, and drafts that greet by name only.
# Prints the pass rate per transformation.
. "$top_srcdir/tests/lib.sh"
[ -n "$PYTHON3" ] || skip_all "python3 not found"
srcdir=$(cd "$top_srcdir" && pwd)
export PYTHONDONTWRITEBYTECODE=1
make_tmp
cd "$srcdir/tests/data" || exit 1
"$PYTHON3" variants.py corpus "$TMP/variants" | sed 's/^/# /'
"$PYTHON3" "$srcdir/tests/variants-check.py" "$LM" corpus.conf "$TMP/variants" \
	"$srcdir/conf/templates"
