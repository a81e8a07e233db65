# layers.sh - src/ is seven layers, lowest first: base, engine, policy, drafts,
# config, milter, cli (docs/architecture.md). A file may include headers of
# its own layer and of the layers below it, never of a layer above; and each
# layer's library may use symbols of its own and lower layers only, so the
# libraries link bottom-up with no cycle. The build enforces the includes
# (each library sees only its layer's include paths); this test checks both
# rules from the sources and from the built libraries, and names every
# offender.
. "$top_srcdir/tests/lib.sh"
srcdir=$(cd "$top_srcdir" && pwd)
builddir=$(cd "$top_builddir" && pwd)
LAYERS="base engine policy drafts config milter cli"

rank() {	# rank LAYER: its position, 0 for base
	i=0
	for l in $LAYERS; do
		[ "$l" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
	echo 99
}

# every header belongs to exactly one layer
dups=$(ls "$srcdir"/src/*/*.h | sed 's#.*/##' | sort | uniq -d)
is "no header name is used in two layers" "$dups" ""
ok "no source file is outside a layer folder" \
	test -z "$(ls "$srcdir"/src/*.[ch] 2>/dev/null)"
for l in $(ls -d "$srcdir"/src/*/ | sed 's#/$##; s#.*/##'); do
	ok "src/$l is a known layer" test "$(rank "$l")" != 99
done

# includes: "name.h" of a higher layer is an upward include
upward=""
for f in "$srcdir"/src/*/*.[ch]; do
	layer=$(basename "$(dirname "$f")")
	r=$(rank "$layer")
	for h in $(sed -n 's/^#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$f"); do
		[ "$h" = autoconfig.h ] && continue
		hp=$(ls "$srcdir"/src/*/"$h" 2>/dev/null | head -n 1)
		if [ -z "$hp" ]; then
			upward="$upward src/$layer/$(basename "$f"): includes unknown $h;"
			continue
		fi
		hl=$(basename "$(dirname "$hp")")
		[ "$(rank "$hl")" -le "$r" ] ||
			upward="$upward src/$layer/$(basename "$f") ($layer) includes $h ($hl);"
	done
done
is "no file includes a header of a higher layer" "$upward" ""

# symbols: what a layer's library needs, no higher layer's library defines
command -v nm >/dev/null || { done_testing; exit 0; }
lib_of() {	# lib_of LAYER: its library in the build tree
	case $1 in
	base) echo "$builddir/src/base/libbase.a" ;;
	engine) echo "$builddir/src/engine/libengine.a" ;;
	policy) echo "$builddir/src/policy/libpolicy.a" ;;
	drafts) echo "$builddir/src/drafts/libdrafts.a" ;;
	config) echo "$builddir/src/config/libconf.a" ;;
	milter) echo "$builddir/src/milter/libdaemon.a" ;;
	esac
}
make_tmp
for l in base engine policy drafts config milter; do
	lib=$(lib_of "$l")
	ok "the $l library is built" test -f "$lib"
	[ -f "$lib" ] || continue
	nm -g --defined-only "$lib" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u > "$TMP/def.$l"
	nm -g --undefined-only "$lib" 2>/dev/null | awk '{ print $NF }' | sort -u > "$TMP/undef.$l"
done
bad=""
for l in base engine policy drafts config milter; do
	[ -f "$TMP/undef.$l" ] || continue
	r=$(rank "$l")
	for h in engine policy drafts config milter; do
		[ "$(rank "$h")" -gt "$r" ] && [ -f "$TMP/def.$h" ] || continue
		for s in $(comm -12 "$TMP/undef.$l" "$TMP/def.$h"); do
			bad="$bad $l uses $s of $h;"
		done
	done
done
is "no library uses a symbol of a higher layer's library" "$bad" ""
done_testing
