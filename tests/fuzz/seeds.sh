# seeds.sh - the seed inputs of a harness, made from the project's own files
# (sourced; needs $top_srcdir): fuzz_seeds NAME DIR fills DIR
fuzz_seeds() {
	local name=$1 out=$2 f i=0
	mkdir -p "$out"
	case $name in
	message)
		cp "$top_srcdir"/tests/data/corpus/*.eml "$top_srcdir"/contrib/samples/*.eml "$out/" ;;
	scan)	# two control bytes first: body chunk size, and a LinkedIn envelope sender or not
		for f in "$top_srcdir"/tests/data/corpus/*.eml; do
			i=$(( i + 1 ))
			{ printf "\\$(printf %03o $(( i % 200 + 1 )))\\001"; cat "$f"; } >"$out/$(basename "$f")"
		done ;;
	encode)
		printf 'Jane Doe' >"$out/plain"
		printf 'J\303\251r\303\264me M\303\274ller-\305\201uczak' >"$out/accents"
		printf 'Eve\r\nBcc: victim@example.org' >"$out/crlf"
		printf '=?UTF-8?B?RXZlDQpCY2M6IHg=?= "quoted, name" <a@b>' >"$out/words"
		printf '\342\200\256evil\342\200\254 name' >"$out/bidi"
		printf 'line one\nline two with a long tail %0200d\n' 0 >"$out/long" ;;
	config)
		cp "$top_srcdir"/conf/linkedin-milter.conf "$out/example.conf"
		cp "$top_srcdir"/tests/data/corpus.conf "$out/corpus.conf"
		for f in "$top_srcdir"/tests/miltertest/*.conf; do cp "$f" "$out/mt-$(basename "$f")"; done ;;
	patterns)
		cp "$top_srcdir"/conf/patterns.conf "$top_srcdir"/conf/lexicons.conf "$out/" ;;
	template)	# the template, then NUL-separated: first name, owner, org, profile URL
		for f in "$top_srcdir"/conf/templates/*/*; do
			[ "$(basename "$f")" = README ] && continue
			i=$(( i + 1 ))
			{ cat "$f"; printf '\000Jane\000Bob Smith\000Acme\000https://www.linkedin.com/in/jane'; } >"$out/t$i"
		done ;;
	esac
}
