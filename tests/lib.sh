# Helpers sourced by every test suite in tests/*.sh.
#
# A suite calls pass, fail or skip once per case; tests/run.sh counts the
# lines they print.  SECCWRAP is the binary under test, TMP a scratch
# folder removed after the suite, TESTS the tests/ folder.

pass() {
	echo "PASS: $SUITE/$1"
}

# fail NAME REASON...
fail() {
	name=$1
	shift
	echo "FAIL: $SUITE/$name: $*"
}

# skip NAME REASON...
skip() {
	name=$1
	shift
	echo "SKIP: $SUITE/$name: $*"
}

# check NAME EXPECTED ACTUAL: pass when both strings are equal.
check() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected '$2', got '$3'"
	fi
}
