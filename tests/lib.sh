# lib.sh - TAP helpers for the shell tests (sourced)
# Each check prints "ok N - what" or "not ok N - what"; done_testing prints the plan.
tap_n=0
tap_failed=0

ok() {	# ok WHAT COMMAND...: passes when COMMAND succeeds
	what=$1; shift
	tap_n=$((tap_n + 1))
	if "$@"; then
		echo "ok $tap_n - $what"
	else
		echo "not ok $tap_n - $what"
		tap_failed=$((tap_failed + 1))
	fi
}

is() {	# is WHAT GOT EXPECTED: passes when the two strings are equal
	tap_n=$((tap_n + 1))
	if [ "$2" = "$3" ]; then
		echo "ok $tap_n - $1"
	else
		echo "not ok $tap_n - $1"
		printf '# got:      %s\n# expected: %s\n' "$2" "$3" | sed 's/^/# /' | head -40
		tap_failed=$((tap_failed + 1))
	fi
}

skip_all() {	# skip_all REASON: nothing here can run on this machine
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# a private temporary directory, removed at exit
make_tmp() {
	TMP=$(mktemp -d "${TMPDIR:-/tmp}/lm-test.XXXXXX")
	trap 'rm -rf "$TMP"' EXIT
}
