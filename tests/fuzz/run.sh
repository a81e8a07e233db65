#!/bin/bash
# run.sh - `make fuzz`: each harness built with clang and libFuzzer (plus ASan and UBSan) and
# run for SECONDS on its seeds and saved corpus. Prints executions and time per harness.
# New inputs that add coverage are merged into tests/fuzz/corpus/NAME when FUZZ_SAVE=1; a
# crash is copied to tests/fuzz/regressions/NAME and the run fails.
#
# usage: bash tests/fuzz/run.sh SECONDS HARNESS...	(FUZZ_JOBS=N runs N harnesses at once)
set -u
seconds=${1:-60}; shift
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
. "$top_srcdir/tests/fuzz/seeds.sh"
src=$(cd "$top_srcdir" && pwd) build=$(cd "$top_builddir" && pwd)
work=$build/tests/fuzz/work
mkdir -p "$work/bin"
command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }

# the engine's sources, as the sanitizer test compiles them (embedded_data.c from the build tree)
engine=$(ls "$src"/src/base/*.c "$src"/src/engine/*.c "$src"/src/policy/*.c \
	"$src"/src/drafts/*.c "$src"/src/config/*.c | grep -v '/embedded_data.c$')
CF="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
    -I$build $(for l in base engine policy drafts config; do printf -- "-I%s/src/%s " "$src" "$l"; done)-DSYSCONFDIR=\"/nonexistent\"
    $(pkg-config --cflags libetpan libconfig libpcre2-8 libidn2 icu-uc icu-i18n gumbo opendkim)"
LIBS="$(pkg-config --libs libetpan libconfig libpcre2-8 libidn2 icu-uc icu-i18n gumbo opendkim | sed 's/-specs=[^ ]*//g') -lunistring -lunbound -lpthread"

build_one() {	# build_one NAME: $work/bin/NAME (objects of the engine shared between harnesses)
	local name=$1 obj=$work/obj f o newest
	mkdir -p "$obj"
	newest=$(ls -t "$src"/src/*/*.h | head -n 1)	# a header changed: every object again
	for f in $engine "$build/src/base/embedded_data.c"; do
		o=$obj/$(basename "$f" .c).o
		[ "$o" -nt "$f" ] && [ "$o" -nt "$newest" ] || clang $CF -fsanitize=fuzzer-no-link -c -o "$o" "$f" || return 1
	done
	clang $CF -o "$work/bin/$name" "$src/tests/fuzz/fuzz_$name.c" "$obj"/*.o $LIBS
}

run_one() {	# run_one NAME: fuzz for $seconds; one summary line
	local name=$1 corpus=$work/corpus-$name saved=$src/tests/fuzz/corpus/$name log=$work/$name.log
	rm -rf "$corpus" "$work/seeds-$name" "$work/crash-$name"
	mkdir -p "$corpus" "$work/crash-$name"
	fuzz_seeds "$name" "$work/seeds-$name"
	cp "$work/seeds-$name"/* "$corpus/"
	[ -d "$saved" ] && cp "$saved"/* "$corpus/" 2>/dev/null
	(cd "$work" && LSAN_OPTIONS=suppressions=$src/tests/fuzz/lsan.supp "$work/bin/$name" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
		-max_len=1048576 -artifact_prefix="$work/crash-$name/" -print_final_stats=1 \
		"$corpus" >"$log" 2>&1)
	local rc=$? execs
	execs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log")
	if ls "$work/crash-$name"/* >/dev/null 2>&1; then
		mkdir -p "$src/tests/fuzz/regressions/$name"
		cp "$work/crash-$name"/* "$src/tests/fuzz/regressions/$name/"
		echo "$name: FOUND $(ls "$work/crash-$name" | wc -l) crash(es), copied to tests/fuzz/regressions/$name; see $log"
		return 1
	fi
	[ "$rc" = 0 ] || { echo "$name: libFuzzer exited $rc; see $log"; return 1; }
	if [ "${FUZZ_SAVE:-0}" = 1 ]; then	# what adds coverage beyond the seeds, minimized
		rm -rf "$work/merge-$name" && cp -r "$work/seeds-$name" "$work/merge-$name"
		"$work/bin/$name" -merge=1 "$work/merge-$name" "$corpus" >>"$log" 2>&1
		mkdir -p "$saved"
		for f in "$work/merge-$name"/*; do
			[ -e "$work/seeds-$name/$(basename "$f")" ] || cp "$f" "$saved/"
		done
	fi
	printf '%-10s %12s executions in %6s s, %s inputs in the corpus\n' "$name" "${execs:-?}" \
		"$seconds" "$(ls "$corpus" | wc -l)"
}

for name in "$@"; do
	build_one "$name" || { echo "fuzz: cannot build $name" >&2; exit 1; }
done
failed=0 running=0
for name in "$@"; do
	run_one "$name" &
	running=$(( running + 1 ))
	if [ "$running" -ge "${FUZZ_JOBS:-1}" ]; then
		wait -n || failed=1
		running=$(( running - 1 ))
	fi
done
while [ "$running" -gt 0 ]; do wait -n || failed=1; running=$(( running - 1 )); done
exit "$failed"
