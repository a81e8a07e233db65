# fuzz-replay.sh - every fuzzing harness over its seeds, its saved corpus
# (tests/fuzz/corpus/NAME) and its regressions (tests/fuzz/regressions/NAME:
# inputs that once broke something): none may crash, leak under the
# sanitizers, or break a checked property. `make fuzz` finds new inputs.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fuzz/seeds.sh"
make_tmp
# the harness runs inside $TMP, so the source paths must not be relative
src=$(cd "$top_srcdir" && pwd)
for name in message scan encode config patterns template; do
	bin=$top_builddir/tests/fuzz/replay_$name
	fuzz_seeds "$name" "$TMP/$name"
	set -- "$TMP/$name"/*
	for dir in "$src/tests/fuzz/corpus/$name" "$src/tests/fuzz/regressions/$name"; do
		[ -d "$dir" ] && set -- "$@" "$dir"/*
	done
	out=$(cd "$TMP" && "$bin" "$@" 2>"$TMP/$name.err")
	rc=$?
	is "fuzz harness $name replays its $# inputs cleanly" "$rc:$out" "0:replayed $# inputs"
	[ "$rc" = 0 ] || grep -v '^linkedin-milter: ' "$TMP/$name.err" | tail -n 15 | sed 's/^/# /'
done
done_testing
