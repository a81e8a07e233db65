# sanitizers.sh - a second build with AddressSanitizer and UndefinedBehaviorSanitizer
# (./configure --enable-sanitizers): the unit tests, the whole corpus and a daemon session
# run without a report
. "$top_srcdir/tests/lib.sh"
srcdir=$(cd "$top_srcdir" && pwd)
[ -x "$srcdir/configure" ] || skip_all "no configure script"
make_tmp
b=$TMP/build
mkdir "$b"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=23 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=23
(cd "$b" && "$srcdir/configure" -q --enable-sanitizers --disable-werror CFLAGS="-g -O1" &&
	make -j2 src/linkedin-milter tests/unit/test_config tests/unit/test_message \
		tests/unit/test_classify tests/unit/test_draft) >"$TMP/build.log" 2>&1
ok "the sanitizer build succeeds" test -x "$b/src/linkedin-milter"
for t in test_config test_message test_classify test_draft; do
	(cd "$b" && ./tests/unit/$t) >"$TMP/$t.log" 2>&1
	rc=$?
	is "unit tests $t run clean under ASan and UBSan" "$rc" 0
	[ "$rc" = 0 ] || tail -n 30 "$TMP/$t.log" | sed 's/^/# /'
done
cd "$srcdir/tests/data" || exit 1
"$b/src/linkedin-milter" -c corpus.conf -t --drafts="maildir:$TMP/drafts/%u" corpus/*.eml >"$TMP/asan.json" 2>"$TMP/asan.err"
rc=$?
is "the corpus runs clean under ASan and UBSan" "$rc" 0
[ "$rc" = 0 ] || grep -v '^linkedin-milter: ' "$TMP/asan.err" | head -n 30 | sed 's/^/# /'
"$LM" -c corpus.conf -t corpus/*.eml >"$TMP/plain.json" 2>/dev/null
ok "with the same results as the ordinary build" cmp -s "$TMP/asan.json" "$TMP/plain.json"
done_testing
