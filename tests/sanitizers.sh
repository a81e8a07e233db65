# sanitizers.sh - a second build of the engine and the daemon with AddressSanitizer and
# UndefinedBehaviorSanitizer: the unit tests, the whole corpus and the configuration
# checks run without a report, with the same results as the ordinary build
. "$top_srcdir/tests/lib.sh"
srcdir=$(cd "$top_srcdir" && pwd)
builddir=$(cd "$top_builddir" && pwd)
command -v cc >/dev/null && command -v pkg-config >/dev/null || skip_all "no cc or pkg-config"
[ -f "$builddir/autoconfig.h" ] && [ -f "$builddir/src/base/embedded_data.c" ] || skip_all "build first"
make_tmp
export ASAN_OPTIONS=detect_leaks=1:exitcode=23 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=23

# the same sources the build uses, compiled again with the sanitizers (no configure needed:
# an in-tree build forbids a second one next to it)
SAN="-g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
CF="-I$builddir $(for l in base engine policy drafts config milter cli; do printf -- "-I%s/src/%s " "$srcdir" "$l"; done)-DSYSCONFDIR=\"/nonexistent\" $(pkg-config --cflags libetpan libconfig libpcre2-8 libidn2 icu-uc icu-i18n libmicrohttpd gumbo opendkim)"
LIBS="$(pkg-config --libs libetpan libconfig libpcre2-8 libidn2 icu-uc icu-i18n libmicrohttpd gumbo opendkim | sed 's/-specs=[^ ]*//g') -lunistring -lunbound -lmilter -lpthread"
# every layer below milter and cli (embedded_data.c is generated: taken from the build tree)
engine=$(ls "$srcdir"/src/base/*.c "$srcdir"/src/engine/*.c "$srcdir"/src/policy/*.c \
	"$srcdir"/src/drafts/*.c "$srcdir"/src/config/*.c | grep -v '/embedded_data.c$')
# the engine compiled once (two at a time) into a library every program below links
mkdir -p "$TMP/obj"
printf '%s\n' $engine "$builddir/src/base/embedded_data.c" |
	xargs -P 2 -I{} sh -c 'cc $0 -c -o "$1/obj/$(basename "{}" .c).o" "{}" >>"$1/build.log" 2>&1' \
		"$SAN $CF" "$TMP"
ar rcs "$TMP/libengine-san.a" "$TMP"/obj/*.o 2>>"$TMP/build.log"
build() {	# build OUT FILE...: compile and link with the sanitizers
	out=$1; shift
	cc $SAN $CF -o "$out" "$@" "$TMP/libengine-san.a" $LIBS >>"$TMP/build.log" 2>&1
}
build "$TMP/linkedin-milter" "$srcdir"/src/milter/*.c "$srcdir"/src/cli/*.c
ok "the daemon builds with the sanitizers" test -x "$TMP/linkedin-milter"
[ -x "$TMP/linkedin-milter" ] || tail -n 20 "$TMP/build.log" | sed 's/^/# /'
for t in test_config test_message test_classify test_draft test_draft_text test_draft_queue test_extract \
	test_pitch test_lookalike test_authres test_memory test_draft_oom test_dkimv test_maildir_keys \
	test_daemon_threads; do
	extra=	# test_draft_oom makes each allocation fail in turn: as in Makefile.am
	[ "$t" = test_draft_oom ] && extra=-Wl,--wrap=malloc,--wrap=realloc,--wrap=calloc,--wrap=strdup
	[ "$t" = test_daemon_threads ] && extra="$srcdir/src/milter/*.c"	# the daemon's layer too
	if pkg-config --exists cmocka; then
		build "$TMP/$t" -DTOP_SRCDIR="\"$srcdir\"" $(pkg-config --cflags cmocka) $extra "$srcdir/tests/unit/$t.c" $(pkg-config --libs cmocka)
		(cd "$TMP" && ./$t) >"$TMP/$t.log" 2>&1
		rc=$?
		is "unit tests $t run clean under ASan and UBSan" "$rc" 0
		[ "$rc" = 0 ] || tail -n 30 "$TMP/$t.log" | sed 's/^/# /'
	fi
done
# the fuzzing harnesses over their regressions and saved corpora: inputs that once broke
# something (an over-read in libetpan's decoder shows only under ASan)
. "$srcdir/tests/fuzz/seeds.sh"
for name in message scan encode config patterns template; do
	build "$TMP/replay_$name" "$srcdir/tests/fuzz/fuzz_$name.c" "$srcdir/tests/fuzz/replay.c"
	set --
	for dir in "$srcdir/tests/fuzz/regressions/$name" "$srcdir/tests/fuzz/corpus/$name"; do
		[ -d "$dir" ] && set -- "$@" "$dir"/*
	done
	[ $# -gt 0 ] || { fuzz_seeds "$name" "$TMP/seeds-$name"; set -- "$TMP/seeds-$name"/*; }
	(cd "$TMP" && LSAN_OPTIONS=suppressions=$srcdir/tests/fuzz/lsan.supp \
		"$TMP/replay_$name" "$@") >"$TMP/replay_$name.log" 2>&1
	rc=$?
	is "fuzz inputs of $name ($# files) run clean under ASan and UBSan" "$rc" 0
	[ "$rc" = 0 ] || grep -v '^linkedin-milter: ' "$TMP/replay_$name.log" | head -n 20 | sed 's/^/# /'
done
cd "$srcdir/tests/data" || exit 1
"$TMP/linkedin-milter" -c corpus.conf -t --drafts="maildir:$TMP/drafts/%u" corpus/*.eml >"$TMP/asan.json" 2>"$TMP/asan.err"
rc=$?
is "the corpus runs clean under ASan and UBSan" "$rc" 0
[ "$rc" = 0 ] || grep -v '^linkedin-milter: ' "$TMP/asan.err" | head -n 30 | sed 's/^/# /'
"$LM" -c corpus.conf -t corpus/*.eml >"$TMP/plain.json" 2>/dev/null
ok "with the same results as the ordinary build" cmp -s "$TMP/asan.json" "$TMP/plain.json"
"$TMP/linkedin-milter" -n -c "$srcdir/conf/linkedin-milter.conf" >/dev/null 2>"$TMP/n.err"
is "the configuration check runs clean" "$?" 0
done_testing
