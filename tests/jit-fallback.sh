# jit-fallback.sh - without writable executable memory (MemoryDenyWriteExecute=yes) the
# daemon says the PCRE2 JIT is unavailable and the interpreter gives the same results
. "$top_srcdir/tests/lib.sh"
MDWE=$top_builddir/tests/mdwe
[ -x "$MDWE" ] || skip_all "tests/mdwe not built"
"$MDWE" /bin/true || skip_all "this kernel has no PR_SET_MDWE"
srcdir=$(cd "$top_srcdir" && pwd)
make_tmp
cd "$srcdir/tests/data" || exit 1
"$LM" -c corpus.conf -t corpus/*.eml >"$TMP/jit.json" 2>"$TMP/jit.err"
"$MDWE" "$LM" -c corpus.conf -t corpus/*.eml >"$TMP/interp.json" 2>"$TMP/interp.err"
ok "with the JIT the log says nothing of it" sh -c "! grep -q 'JIT unavailable' '$TMP/jit.err'"
ok "without it the log says the patterns run in the interpreter" grep -q 'JIT unavailable' "$TMP/interp.err"
ok "the interpreter reads the whole corpus" test "$(wc -l <"$TMP/interp.json")" -gt 100
ok "and gives exactly the same results" cmp -s "$TMP/jit.json" "$TMP/interp.json"
done_testing
