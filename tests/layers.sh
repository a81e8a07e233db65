# layers.sh - src/ is seven layers, lowest first: base, engine, policy, drafts,
# config, milter, cli (docs/architecture.md). A file may include headers of
# its own layer and of the layers below it, never of a layer above; and each
# layer's library may use symbols of its own and lower layers only, so the
# libraries link bottom-up with no cycle. The build enforces the includes
# (each library sees only its layer's include paths) and `make` runs
# build-aux/layers.sh for both rules; this test runs it too, names every
# offender, and shows that it catches a path include and a hand-written
# prototype.
. "$top_srcdir/tests/lib.sh"
srcdir=$(cd "$top_srcdir" && pwd)
builddir=$(cd "$top_builddir" && pwd)

# every header belongs to exactly one layer
dups=$(ls "$srcdir"/src/*/*.h | sed 's#.*/##' | sort | uniq -d)
is "no header name is used in two layers" "$dups" ""
ok "no source file is outside a layer folder" \
	test -z "$(ls "$srcdir"/src/*.[ch] 2>/dev/null)"

# each header says its layer's policy for errors (out of memory above all)
wrong=$(for h in "$srcdir"/src/*/*.h; do
	l=$(basename "$(dirname "$h")")
	grep -q "DIAGNOSTICS ($l)" "$h" || echo "src/$l/$(basename "$h")"
done)
is "every header states its layer's DIAGNOSTICS policy" "$wrong" ""

# one name per thing, spelled by the layer that owns it (issue 25, item 15)
is "base/metrics.c spells no kind, store or draft result (their layers give them)" \
	"$(grep -nE '"(invitation|reminder|notification|linkedin|maildir|imap|stored|exists|spooled|lost|retry|fail)"' \
		"$srcdir/src/base/metrics.c")" ""
is "metrics_http.c reads no spool file name (spool_census.c does)" \
	"$(grep -nE 'readdir|sscanf|\.draft"' "$srcdir/src/milter/metrics_http.c")" ""
is "the notification kind is spelled once, in the engine's table of kinds" \
	"$(grep -rnE '"(notification|linkedin)"' "$srcdir"/src/*/*.c |
		grep -vE '^[^:]*/src/engine/invitation.c:|^[^:]*:[0-9]+:[[:space:]]*(/?\*)')" ""

# includes and symbols: build-aux/layers.sh, which `make` runs as well
out=$(sh "$srcdir/build-aux/layers.sh" "$srcdir" "$builddir" 2>&1)
is "every src/ folder a layer, no upward or path include, no library uses a higher layer's symbol" "$out" ""
for lib in base/libbase engine/libengine policy/libpolicy drafts/libdrafts \
	config/libconf milter/libdaemon; do
	ok "src/$lib.a is built" test -f "$builddir/src/$lib.a"
done

# the checker refuses what the compiler and the linker accept
make_tmp
fake="$TMP/tree"
mkdir -p "$fake/src/base" "$fake/src/engine" "$fake/src/policy"
echo 'int p_fn(void);' > "$fake/src/policy/p.h"
printf '#include "../policy/p.h"\nint e_fn(void) { return p_fn(); }\n' > "$fake/src/engine/e.c"
out=$(sh "$srcdir/build-aux/layers.sh" "$fake" "$fake" 2>&1)
is "a relative include of a higher layer is refused" "$out" \
	'layers: src/engine/e.c: includes "../policy/p.h", a path (name the header only)'
if command -v "${CC:-cc}" >/dev/null && command -v ar >/dev/null; then
	printf 'int p_fn(void);\nint e_fn(void) { return p_fn(); }\n' > "$fake/src/engine/e.c"
	echo 'int p_fn(void) { return 1; }' > "$fake/src/policy/p.c"
	rm -f "$fake/src/policy/p.h"
	for l in engine policy; do
		c=$(ls "$fake/src/$l"/*.c)
		"${CC:-cc}" -c -o "$fake/src/$l/o.o" "$c" &&
			ar cr "$fake/src/$l/lib$l.a" "$fake/src/$l/o.o"
	done
	out=$(sh "$srcdir/build-aux/layers.sh" "$fake" "$fake" 2>&1)
	is "a hand-written prototype of a higher layer's function is refused" "$out" \
		"layers: engine uses p_fn of policy (a prototype of a higher layer's function?)"
fi
done_testing
