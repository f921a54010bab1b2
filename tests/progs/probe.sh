# Shell helpers for the suites that run sysprobe under seccwrap (live.sh,
# args.sh).  Sourced after tests/lib.sh; uses SECCWRAP, TESTS and TMP.
#
# Each check compares a result under the filter with the result of the
# same op without any filter, so a check can only pass when the filter
# made the difference it claims (or, for "ok", made none).

P64=$TESTS/out/sysprobe64
P32=$TESTS/out/sysprobe32
PMUSL=$TESTS/out/sysprobe-musl

# Kill tests end programs with SIGSYS, whose default action dumps core.
ulimit -c 0

# op_errno FILE OP: print the errno field of OP's line in FILE, or
# nothing when OP printed no line.
op_errno() {
	awk -v op="$2" '$1 == op { sub(/^errno=/, "", $3); print $3; exit }' "$1"
}

# baseline PROGRAM OP: print OP's errno field when PROGRAM runs it
# without a filter, each op in a process of its own.
baseline() {
	_base=$TMP/base.$(basename "$1").$(printf '%s' "$2" | tr -c 'A-Za-z0-9_' '_')
	if [ ! -f "$_base" ]; then
		"$1" "$2" </dev/null >"$_base.out" 2>&1
		op_errno "$_base.out" "$2" >"$_base"
	fi
	cat "$_base"
}

# profile NAME TEXT: write TEXT to $TMP/NAME.profile.
profile() {
	printf '%s\n' "$2" >"$TMP/$1.profile"
}

# probe CASE 'SECCWRAP-ARGS' PROGRAM EXPECT...
#   Run PROGRAM under "seccwrap SECCWRAP-ARGS --" with the op of each
#   EXPECT, in that order, in one process, and check each one:
#     OP=ok     same errno as without a filter (the filter allowed it);
#               the unfiltered errno must not be EPERM, the default action
#     OP=ERRNO  failed with ERRNO, and the unfiltered run did not
#   Checks are named CASE/OP.  SECCWRAP-ARGS is split on blanks.
probe() {
	_case=$1
	_args=$2
	_prog=$3
	shift 3
	_ops=
	for _e in "$@"; do
		_ops="$_ops ${_e%=*}"
	done
	# shellcheck disable=SC2086
	"$SECCWRAP" $_args -- "$_prog" $_ops </dev/null >"$TMP/probe.out" \
		2>"$TMP/probe.err"
	_rc=$?
	for _e in "$@"; do
		_op=${_e%=*}
		_want=${_e##*=}
		_got=$(op_errno "$TMP/probe.out" "$_op")
		_base=$(baseline "$_prog" "$_op")
		if [ -z "$_got" ]; then
			fail "$_case/$_op" "no result line: exit status $_rc," \
				"stderr: $(head -c 300 "$TMP/probe.err")"
		elif [ "$_want" = ok ] && [ "$_base" = EPERM ]; then
			fail "$_case/$_op" "cannot tell: the unfiltered run" \
				"also fails with EPERM"
		elif [ "$_want" = ok ]; then
			check "$_case/$_op" "$_base" "$_got"
		elif [ "$_base" = "$_want" ]; then
			skip "$_case/$_op" "the unfiltered run also gets" \
				"$_want here, so the check cannot tell"
		else
			check "$_case/$_op" "$_want" "$_got"
		fi
	done
}

# probe_kill CASE 'SECCWRAP-ARGS' PROGRAM OP
#   OP must kill the whole process with SIGSYS: the program prints the
#   getpid line before OP and nothing after, and the exit status is
#   128+31.  A timeout (status 124) means some thread survived.
probe_kill() {
	# shellcheck disable=SC2086
	timeout 20 "$SECCWRAP" $2 -- "$3" getpid "$4" getpid </dev/null \
		>"$TMP/kill.out" 2>"$TMP/kill.err"
	_rc=$?
	_lines=$(wc -l <"$TMP/kill.out")
	if [ "$_rc" -eq 124 ]; then
		fail "$1" "timed out: a thread survived the kill"
	elif [ "$_rc" -ne 159 ]; then
		fail "$1" "expected exit status 159 (SIGSYS), got $_rc;" \
			"stdout: $(head -c 200 "$TMP/kill.out")" \
			"stderr: $(head -c 200 "$TMP/kill.err")"
	elif [ "$_lines" -ne 1 ]; then
		fail "$1" "expected only the first getpid line, got" \
			"$_lines lines: $(head -c 200 "$TMP/kill.out")"
	else
		pass "$1"
	fi
}
