# layers.sh SRCDIR BUILDDIR - the layering rules, run by `make` after the
# libraries are built (and by tests/layers.sh). src/ is seven layers, lowest
# first: base engine policy drafts config milter cli (docs/architecture.md).
# Refused, one line per offender, exit 1:
#  - a folder of src/ that is not one of the layers;
#  - an include with a path in it ("../policy/x.h", "policy/x.h"): the
#    include paths of each library are what keep it to its layers, and a path
#    goes around them;
#  - an include of a higher layer's header;
#  - a symbol a layer's library needs that a higher layer's library defines
#    (a hand-written prototype of a higher layer's function compiles; this
#    catches it where the linker, with static libraries, does not).
srcdir=$1
builddir=$2
LAYERS="base engine policy drafts config milter cli"

rank() {	# rank LAYER: its position, 0 for base, 99 if unknown
	i=0
	for l in $LAYERS; do
		[ "$l" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
	echo 99
}

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

includes() {	# an unknown layer folder or an offending include per line
	for d in "$srcdir"/src/*/; do
		l=$(basename "$d")
		[ "$(rank "$l")" != 99 ] || echo "src/$l is not a known layer"
	done
	for f in "$srcdir"/src/*/*.[ch]; do
		[ -f "$f" ] || continue
		layer=$(basename "$(dirname "$f")")
		r=$(rank "$layer")
		for h in $(sed -n 's/^#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$f"); do
			case $h in
			autoconfig.h) continue ;;
			*/*) echo "src/$layer/$(basename "$f"): includes \"$h\", a path (name the header only)"
				continue ;;
			esac
			hp=$(ls "$srcdir"/src/*/"$h" 2>/dev/null | head -n 1)
			if [ -z "$hp" ]; then
				echo "src/$layer/$(basename "$f"): includes unknown $h"
				continue
			fi
			hl=$(basename "$(dirname "$hp")")
			[ "$(rank "$hl")" -le "$r" ] ||
				echo "src/$layer/$(basename "$f") ($layer) includes $h ($hl)"
		done
	done
}

symbols() {	# a symbol used from a higher layer's library, per line
	command -v nm >/dev/null || return 0
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/lm-layers.XXXXXX") || return 0
	for l in base engine policy drafts config milter; do
		lib=$(lib_of "$l")
		[ -f "$lib" ] || continue
		nm -g --defined-only "$lib" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u > "$tmp/def.$l"
		nm -g --undefined-only "$lib" 2>/dev/null | awk '{ print $NF }' | sort -u > "$tmp/undef.$l"
	done
	for l in base engine policy drafts config milter; do
		[ -f "$tmp/undef.$l" ] || continue
		r=$(rank "$l")
		for h in engine policy drafts config milter; do
			[ "$(rank "$h")" -gt "$r" ] && [ -f "$tmp/def.$h" ] || continue
			for s in $(comm -12 "$tmp/undef.$l" "$tmp/def.$h"); do
				echo "$l uses $s of $h (a prototype of a higher layer's function?)"
			done
		done
	done
	rm -rf "$tmp"
}

out=$(includes; symbols)
[ -z "$out" ] && exit 0
echo "$out" | sed 's/^/layers: /' >&2
exit 1
