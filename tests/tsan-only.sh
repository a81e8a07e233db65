# tsan-only.sh - the test runner of a ThreadSanitizer build (./configure --enable-tsan):
# the tests of the threads run (the draft queue, the Maildir keys, the metrics page with
# sessions and reloads, and the load through Postfix); every other test is skipped, as
# its results are the ordinary build's to give. Usage: tsan-only.sh [SHELL] TEST [ARGS]
case $1 in */sh|*/bash|sh|bash) run=$1; shift ;; *) run= ;; esac
case ${1##*/} in
test_draft_queue|test_maildir_keys|test_daemon_threads|tsan-load.sh)
	export TSAN_OPTIONS="halt_on_error=0 exitcode=66 second_deadlock_stack=1 suppressions=$(cd "$(dirname "$0")" && pwd)/tsan.supp ${TSAN_OPTIONS:-}"
	exec $run "$@" ;;
*)
	echo "1..0 # SKIP not a thread test: the ThreadSanitizer build runs those only" ;;
esac
