#!/bin/sh
# Run the test suites: tests/run.sh [SUITE...], SUITE a name such as
# "live" for tests/live.sh; no argument runs them all.
#
# Each suite is a shell script that prints PASS:, FAIL: or SKIP: lines
# (tests/lib.sh).  Helper programs are built first by tests/build.sh.
# The last line is the total: "N passed, N failed, N skipped".
set -u
TESTS=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$TESTS")
: "${SECCWRAP:=$ROOT/seccwrap}"
export TESTS ROOT SECCWRAP

if [ ! -x "$SECCWRAP" ]; then
	echo "tests/run.sh: $SECCWRAP not found; run ./build.sh first" >&2
	exit 125
fi
# Each suite runs in a folder of its own, so a relative path would name
# nothing there.
case $SECCWRAP in
/*) ;;
*) SECCWRAP=$(pwd)/$SECCWRAP ;;
esac
# The suites pass paths through the shell unquoted in places, so a blank
# in one would split it.  Stop with the reason instead of failing
# hundreds of tests.
for dir in "$ROOT" "$SECCWRAP" "$(dirname "$(mktemp -u)")"; do
	case $dir in
	*[[:space:]]*)
		echo "tests/run.sh: '$dir' has a blank; run the tests from" \
			"paths without one (the checkout, SECCWRAP, TMPDIR)" >&2
		exit 125
		;;
	esac
done

# Print the suite names: each tests/NAME.sh except the runner's own
# scripts.
suite_names() {
	(cd "$TESTS" && ls ./*.sh) | sed 's|^\./||; s|\.sh$||' |
		grep -v -x -e run -e lib -e build
}

# A mistyped name stops the run before anything else, with the names
# that exist, rather than counting as a suite that printed nothing.
for suite in "$@"; do
	case $suite in
	run | lib | build | */*) ;;
	*) [ -f "$TESTS/$suite.sh" ] && continue ;;
	esac
	echo "tests/run.sh: no suite '$suite'; the suites are:" \
		$(suite_names) >&2
	exit 125
done

# The suites' builds (nolibc binaries, initramfs images) go here, not
# to out/, where they would replace what the user built.
BUILD_OUT=$TESTS/out/build
export BUILD_OUT

log=$(mktemp)
if ! sh "$TESTS/build.sh" >"$log" 2>&1; then
	cat "$log"
	echo "tests/run.sh: building the test programs failed" >&2
	rm -f "$log"
	echo "0 passed, 1 failed, 0 skipped"
	exit 1
fi
rm -f "$log"

# SKIP_SUITES: suites to leave out of a full run, separated by blanks.
if [ $# -eq 0 ]; then
	set -- $(suite_names | grep -v -x -e '' $(for s in ${SKIP_SUITES:-}; do
		printf ' -e %s' "$s"; done))
fi

results=$(mktemp)
for suite in "$@"; do
	TMP=$(mktemp -d)
	export TMP
	start=$(date +%s)
	# A suite that stops early (an unset variable under set -u, a shell
	# syntax error) prints no END line, and fails.
	(SUITE=$suite; export SUITE; cd "$TMP" && . "$TESTS/lib.sh" &&
		. "$TESTS/$suite.sh"; echo "END: $suite") 2>&1 |
		tee -a "$results" | grep -E '^(FAIL|SKIP):'
	end=$(date +%s)
	if ! grep -q -E "^(PASS|FAIL|SKIP): $suite/" "$results"; then
		echo "FAIL: $suite/results: the suite printed no results" |
			tee -a "$results"
	fi
	if ! grep -q -x "END: $suite" "$results"; then
		echo "FAIL: $suite/end: the suite stopped before its end" |
			tee -a "$results"
	fi
	echo "suite $suite: $(grep -c "^PASS: $suite/" "$results") passed," \
		"$(grep -c "^FAIL: $suite/" "$results") failed," \
		"$((end - start)) s"
	rm -rf "$TMP"
done

passed=$(grep -c '^PASS:' "$results")
failed=$(grep -c '^FAIL:' "$results")
skipped=$(grep -c '^SKIP:' "$results")
rm -f "$results"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
