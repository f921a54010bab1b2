# Fault injection: seccwrap on a kernel without seccomp(2) or without an
# action, with a failing install, exec, read or allocation.  Two test
# programs inject the faults:
#
#   tests/progs/outerfilter.c  an outer seccomp filter that makes chosen
#                              calls fail, optionally only for one
#                              argument value (kernel versions are
#                              simulated this way)
#   tests/progs/failnth.c      ptrace: the Nth call of one syscall fails,
#                              for sweeps over every allocation and read
#
# Whatever fails, seccwrap must either exit 125 with a message and not run
# the command, or run it under the whole filter it was asked for.

. "$TESTS/progs/probe.sh"

OUTER=$TESTS/out/outerfilter
FAILNTH=$TESTS/out/failnth
NOLIBC=$TESTS/out/seccwrap-nolibc
MARKER=$TMP/command-ran

# build_prog NAME: compile tests/progs/NAME.c into tests/out/NAME when it
# is missing or older than the source.
build_prog() {
	if [ "$TESTS/out/$1" -nt "$TESTS/progs/$1.c" ]; then
		return 0
	fi
	gcc -std=gnu99 -O2 -Wall -Wextra -Werror -static \
		-o "$TESTS/out/$1" "$TESTS/progs/$1.c" 2>"$TMP/build.err"
}

for prog in outerfilter failnth; do
	if build_prog "$prog"; then
		pass "build/$prog"
	else
		fail "build/$prog" "$(head -c 300 "$TMP/build.err")"
	fi
done

# is_error_message FILE: true when FILE has an error line from seccwrap
# (not a warning or a note).
is_error_message() {
	grep -q '^seccwrap: ' "$1" &&
		grep '^seccwrap: ' "$1" | grep -q -v -e '^seccwrap: warning:' \
			-e 'lacks SECCOMP_RET_KILL_PROCESS' \
			-e '^seccwrap: filter: ' -e '^seccwrap: installing '
}

# rejected NAME COMMAND...: COMMAND (which runs seccwrap with
# "sh -c 'touch $MARKER'" as the command) must exit 125 with an error
# message and never run the command.  rejected_stdin is the same with
# the caller's standard input, such as a pipe.
rejected() {
	rejected_stdin "$@" </dev/null
}

rejected_stdin() {
	_name=$1
	shift
	rm -f "$MARKER"
	"$@" >"$TMP/out" 2>"$TMP/err"
	_rc=$?
	if [ "$_rc" -ne 125 ]; then
		fail "$_name" "expected exit status 125, got $_rc;" \
			"stderr: $(head -c 300 "$TMP/err")"
	elif [ -e "$MARKER" ]; then
		fail "$_name" "the command ran"
	elif ! is_error_message "$TMP/err"; then
		fail "$_name" "exit status 125 without an error message;" \
			"stderr: $(head -c 300 "$TMP/err")"
	else
		pass "$_name"
	fi
}

# stderr_has NAME TEXT [REASON]: $TMP/err contains TEXT (a fixed string).
stderr_has() {
	if grep -q -F -e "$2" "$TMP/err"; then
		pass "$1"
	else
		fail "$1" "${3:+$3; }stderr: $(head -c 300 "$TMP/err")"
	fi
}

# expect_lines NAME FILE OP=ERRNO...: each OP printed a line in FILE with
# that errno field ("none": OP printed no line).
expect_lines() {
	_name=$1
	_file=$2
	shift 2
	for _e in "$@"; do
		_op=${_e%=*}
		_got=$(op_errno "$_file" "$_op")
		check "$_name/$_op" "${_e##*=}" "${_got:-none}"
	done
}

# Baselines: without any filter, mount of a missing path fails with ENOENT.
base_mount=$(baseline "$P64" mount)

# --- seccomp(2) missing: Linux 3.5 to 3.16 ------------------------------

# seccwrap falls back to prctl(PR_SET_SECCOMP), which installs the same
# filter, and "kill" becomes SECCOMP_RET_KILL_THREAD with a note.
"$OUTER" seccomp=ENOSYS -- "$SECCWRAP" -v --seccomp.drop=mount -- \
	"$P64" mount getpid </dev/null >"$TMP/out" 2>"$TMP/err"
check no-seccomp/exit-status 0 "$?"
if [ "$base_mount" = EPERM ]; then
	skip no-seccomp/mount "mount fails with EPERM without a filter here"
else
	expect_lines no-seccomp "$TMP/out" mount=EPERM getpid=0
fi
stderr_has no-seccomp/kill-note 'lacks SECCOMP_RET_KILL_PROCESS' \
	"no note about the kill fallback with -v"

# The kernel counts the filters: the outer one plus seccwrap's own.
if grep -q '^Seccomp_filters:' /proc/self/status; then
	"$OUTER" seccomp=ENOSYS -- "$SECCWRAP" --seccomp.drop=mount -- \
		grep '^Seccomp_filters:' /proc/self/status </dev/null \
		>"$TMP/out" 2>"$TMP/err"
	check no-seccomp/filters "2" "$(awk '{ print $2 }' "$TMP/out")"
else
	skip no-seccomp/filters "this kernel has no Seccomp_filters line in" \
		"/proc/PID/status (Linux 5.9)"
fi

# SECCOMP_RET_KILL_THREAD kills only the thread that made the call: the
# first thread goes on, which is what kill means on such a kernel.
"$OUTER" seccomp=ENOSYS -- "$SECCWRAP" --seccomp.drop=mount:kill -- \
	"$P64" getpid thread:mount getpid </dev/null >"$TMP/out" 2>"$TMP/err"
check no-seccomp/kill-thread-status 0 "$?"
check no-seccomp/kill-thread-lines 2 "$(grep -c '^getpid ' "$TMP/out")"
expect_lines no-seccomp "$TMP/out" thread:mount=none

# A single-threaded process still dies with SIGSYS.
"$OUTER" seccomp=ENOSYS -- "$SECCWRAP" --seccomp.drop=mount:kill -- \
	"$P64" getpid mount getpid </dev/null >"$TMP/out" 2>"$TMP/err"
check no-seccomp/kill-status 159 "$?"

rejected no-seccomp/log "$OUTER" seccomp=ENOSYS -- "$SECCWRAP" \
	--seccomp.drop=mount --seccomp-error-action=log -- \
	sh -c "touch '$MARKER'"

# --- seccomp(2) and prctl both failing -----------------------------------

rejected no-install "$OUTER" seccomp=ENOSYS prctl@0=22=EINVAL -- \
	"$SECCWRAP" --seccomp.drop=mount -- sh -c "touch '$MARKER'"
stderr_has no-install/message 'prctl(PR_SET_SECCOMP) failed: EINVAL' \
	"expected the failed call and its errno"
# seccomp(2) failing with another errno than ENOSYS is final: no prctl.
rejected seccomp-einval "$OUTER" seccomp@0=1=EINVAL -- "$SECCWRAP" \
	--seccomp.drop=mount -- sh -c "touch '$MARKER'"
stderr_has seccomp-einval/message \
	'seccomp(SECCOMP_SET_MODE_FILTER) failed: EINVAL' \
	"expected the failed call"
# Before Linux 3.5 there is no no_new_privs.
rejected no-nnp "$OUTER" prctl@0=38=EINVAL -- "$SECCWRAP" \
	--seccomp.drop=mount -- sh -c "touch '$MARKER'"
# An outer filter that returns errno 0 for PR_SET_NO_NEW_PRIVS fakes
# success, and the query afterwards finds the bit unset.  Without root
# the outer helper has to set the bit itself to install its filter.
if [ "$(id -u)" -eq 0 ]; then
	rejected nnp-faked "$OUTER" prctl@0=38=0 -- "$SECCWRAP" \
		--seccomp.drop=mount -- sh -c "touch '$MARKER'"
	stderr_has nnp-faked/message 'no_new_privs is not set although' \
		"expected the query that found the bit unset"
else
	skip nnp-faked "needs root, to install a filter without no_new_privs"
fi
# seccwrap sets no signal handler, so EINTR comes only from a filter, and
# a retry would get it again: failed reads and writes end the run.
printf 'seccomp.drop mount\n' >"$TMP/eintr.profile"
if grep -q -a __asan_init "$SECCWRAP"; then
	# Its dynamic loader reads the sanitizer library first.
	skip read-eintr "$SECCWRAP is a sanitizer build"
else
	rejected read-eintr timeout 10 "$OUTER" read=EINTR -- "$SECCWRAP" \
		-p "$TMP/eintr.profile" -- sh -c "touch '$MARKER'"
	stderr_has read-eintr/message "EINTR" "expected the failed read"
fi

# --- SECCOMP_RET_KILL_PROCESS and LOG missing: Linux 3.17 to 4.13 --------

# SECCOMP_GET_ACTION_AVAIL (operation 2) fails there with EINVAL, on
# kernels built without an action with EOPNOTSUPP; installing works.
for err in EOPNOTSUPP EINVAL; do
	"$OUTER" "seccomp@0=2=$err" -- "$SECCWRAP" -v \
		--seccomp.drop=mount:kill -- "$P64" getpid thread:mount getpid \
		</dev/null >"$TMP/out" 2>"$TMP/err"
	check "no-kill-process-$err/status" 0 "$?"
	check "no-kill-process-$err/lines" 2 "$(grep -c '^getpid ' "$TMP/out")"
	stderr_has "no-kill-process-$err/note" \
		'lacks SECCOMP_RET_KILL_PROCESS' "no note with -v"
	rejected "no-log-$err" "$OUTER" "seccomp@0=2=$err" -- "$SECCWRAP" \
		--seccomp.drop=mount --seccomp-error-action=log -- \
		sh -c "touch '$MARKER'"
	stderr_has "no-log-$err/message" 'lacks SECCOMP_RET_LOG' \
		"expected a message about LOG"
done
# Another error (here an outer filter's EPERM) does not show that the
# kernel lacks the action, so the messages name it.  kill still falls
# back, and log is still an error.
"$OUTER" seccomp@0=2=EPERM -- "$SECCWRAP" -v --seccomp.drop=mount:kill -- \
	"$P64" getpid </dev/null >"$TMP/out" 2>"$TMP/err"
check no-action-eperm/status 0 "$?"
stderr_has no-action-eperm/note "this kernel lacks SECCOMP_RET_KILL_PROCESS \
(Linux 4.14), or seccomp(2) cannot tell: EPERM; 'kill' kills the calling \
thread only" "no note naming EPERM with -v"
rejected no-log-eperm "$OUTER" seccomp@0=2=EPERM -- "$SECCWRAP" \
	--seccomp.drop=mount --seccomp-error-action=log -- \
	sh -c "touch '$MARKER'"
stderr_has no-log-eperm/message "SECCOMP_RET_LOG (Linux 4.14), or \
seccomp(2) cannot tell: EPERM" "expected a message naming EPERM"
# Errno actions need neither: the filter works as usual.
"$OUTER" seccomp@0=2=EOPNOTSUPP -- "$SECCWRAP" --seccomp.drop=mount -- \
	"$P64" mount </dev/null >"$TMP/out" 2>"$TMP/err"
check no-actions-errno/status 0 "$?"
[ "$base_mount" = EPERM ] ||
	expect_lines no-actions-errno "$TMP/out" mount=EPERM

# --- execve failing after the filter is in place ------------------------

# A file without "#!" that execvp(3) would hand to /bin/sh: seccwrap must
# not run a shell in its place.
printf 'touch %s\n' "$MARKER" >"$TMP/noshebang"
chmod 755 "$TMP/noshebang"
rm -f "$MARKER"
"$SECCWRAP" --seccomp.drop=mount -- "$TMP/noshebang" </dev/null \
	>/dev/null 2>"$TMP/err"
check exec-enoexec/status 126 "$?"
if [ -e "$MARKER" ]; then
	fail exec-enoexec/not-run "a shell ran the file"
else
	pass exec-enoexec/not-run
fi
stderr_has exec-enoexec/message 'cannot execute: ENOEXEC'
stderr_has exec-enoexec/hint 'or a script without a #! line or with an empty one'

# A script whose interpreter is missing: execve fails with ENOENT after
# the filter is in place, which is reported as a missing interpreter.
printf '#!%s/no-such-interpreter\n' "$TMP" >"$TMP/badinterp"
chmod 755 "$TMP/badinterp"
"$SECCWRAP" --seccomp.drop=mount -- "$TMP/badinterp" </dev/null \
	>/dev/null 2>"$TMP/err"
check exec-no-interpreter/status 127 "$?"
stderr_has exec-no-interpreter/message \
	'cannot execute: ENOENT (its #! interpreter or ELF interpreter'
# A keep list without write and exit_group: no message, but exit(2)
# still ends seccwrap with the status.  The sanitizer runtime cannot run
# under that filter: when its exit_group fails, it loops for ever.
if grep -q -a __asan_init "$SECCWRAP"; then
	skip exec-no-interpreter-exit "$SECCWRAP is a sanitizer build"
else
	timeout 20 "$SECCWRAP" --seccomp.keep=read,exit -- "$TMP/badinterp" \
		</dev/null >/dev/null 2>"$TMP/err"
	check exec-no-interpreter-exit/status 127 "$?"
	check exec-no-interpreter-exit/silent "" "$(cat "$TMP/err")"
fi
# A filter that kills at write, or that denies both exit calls, would
# end seccwrap with a signal after a failed execve.  So under such a
# filter seccwrap checks before installing it that the interpreter can
# run, and names it.
"$SECCWRAP" --seccomp.drop=write --seccomp-error-action=kill -- \
	"$TMP/badinterp" </dev/null >/dev/null 2>"$TMP/err"
check exec-no-interpreter-kill/status 127 "$?"
check exec-no-interpreter-kill/message "seccwrap: $TMP/badinterp: cannot \
execute: ENOENT (its interpreter '$TMP/no-such-interpreter' is missing)" \
	"$(cat "$TMP/err")"
"$SECCWRAP" --seccomp.keep=read -- "$TMP/badinterp" </dev/null \
	>/dev/null 2>"$TMP/err"
check exec-no-interpreter-no-exit/status 127 "$?"
stderr_has exec-no-interpreter-no-exit/message \
	"its interpreter '$TMP/no-such-interpreter' is missing"
# An interpreter that cannot be executed, here a folder: 126, as execve
# gives EACCES.
printf '#!%s\n' "$TMP" >"$TMP/dirinterp"
chmod 755 "$TMP/dirinterp"
"$SECCWRAP" --seccomp.drop=write --seccomp-error-action=kill -- \
	"$TMP/dirinterp" </dev/null >/dev/null 2>"$TMP/err"
check exec-interpreter-folder/status 126 "$?"
check exec-interpreter-folder/message "seccwrap: $TMP/dirinterp: cannot \
execute: EACCES (its interpreter '$TMP' cannot be executed)" \
	"$(cat "$TMP/err")"
# EINTR from write loses the message, not the status.
timeout 10 "$SECCWRAP" --seccomp.drop=write:EINTR -- "$TMP/badinterp" \
	</dev/null >/dev/null 2>"$TMP/err"
check exec-write-eintr/status 127 "$?"
# The same for a dynamic program whose ELF interpreter is missing, as a
# glibc program is in a musl-only initramfs.
printf 'int main(void) { return 0; }\n' >"$TMP/dyn.c"
if gcc -o "$TMP/badelf" -Wl,--dynamic-linker="$TMP/no-such-ld.so" \
	"$TMP/dyn.c" 2>"$TMP/build.err"; then
	"$SECCWRAP" --seccomp.keep=exit_group,read \
		--seccomp-error-action=kill -- "$TMP/badelf" </dev/null \
		>/dev/null 2>"$TMP/err"
	check exec-no-elf-interpreter/status 127 "$?"
	stderr_has exec-no-elf-interpreter/message \
		"its interpreter '$TMP/no-such-ld.so' is missing"
else
	fail exec-no-elf-interpreter "gcc failed: $(head -c 200 "$TMP/build.err")"
fi
# The kernel runs no ELF file of type ET_REL (1), whatever interpreter it
# names: execve fails with ENOEXEC, which the check does not predict, so
# the failure ends in the kill action, not in a 127.
cp "$TMP/badelf" "$TMP/relelf"
printf '\001' | dd of="$TMP/relelf" bs=1 seek=16 conv=notrunc 2>/dev/null
"$SECCWRAP" --seccomp.drop=write --seccomp-error-action=kill -- \
	"$TMP/relelf" </dev/null >/dev/null 2>"$TMP/err"
check exec-elf-type-rel/status 159 "$?"
if grep -q "is missing" "$TMP/err"; then
	fail exec-elf-type-rel/no-guess "$(cat "$TMP/err")"
else
	pass exec-elf-type-rel/no-guess
fi
# Where the filter lets seccwrap report, nothing is checked before it:
# execve itself finds the missing interpreter, as above.
"$SECCWRAP" --seccomp.drop=mount -- "$TMP/badelf" </dev/null \
	>/dev/null 2>"$TMP/err"
check exec-no-elf-interpreter-late/status 127 "$?"
stderr_has exec-no-elf-interpreter-late/message \
	'cannot execute: ENOENT (its #! interpreter or ELF interpreter'

# A program open for writing (here by seccwrap's own fd 3) fails with
# ETXTBSY, although it is found and executable.
cp "$P64" "$TMP/busy"
(exec 3>>"$TMP/busy"; "$SECCWRAP" --seccomp.drop=mount -- "$TMP/busy" \
	getpid </dev/null >"$TMP/out" 2>"$TMP/err")
check exec-etxtbsy/status 126 "$?"
check exec-etxtbsy/not-run "" "$(cat "$TMP/out")"
stderr_has exec-etxtbsy/message 'cannot execute: ETXTBSY'

# Not found and not executable: found out before the filter goes in.
"$SECCWRAP" -- "$TMP/no-such-program" </dev/null >/dev/null 2>&1
check exec-not-found/status 127 "$?"
cp "$P64" "$TMP/noexec"
chmod 644 "$TMP/noexec"
"$SECCWRAP" -- "$TMP/noexec" getpid </dev/null >"$TMP/out" 2>/dev/null
check exec-not-executable/status 126 "$?"
check exec-not-executable/not-run "" "$(cat "$TMP/out")"

# --- a profile that cannot be read to the end ----------------------------

# seccwrap reads a regular file in one read() of its size plus 1, then
# reads once more to find the end (a read of 1 byte): the outer filter
# fails only that second read, after the first one worked.
{
	i=0
	while [ "$i" -lt 80 ]; do
		echo "# padding line $i, so that the profile exceeds 4095 bytes"
		i=$((i + 1))
	done
	echo "seccomp.drop mount"
} >"$TMP/big.profile"
rejected read-eio-halfway "$OUTER" read@2=1=EIO -- "$SECCWRAP" \
	-p "$TMP/big.profile" -- sh -c "touch '$MARKER'"
stderr_has read-eio-halfway/message \
	"cannot read profile '$TMP/big.profile': EIO"
cp "$TMP/big.profile" "$TMP/big.inc"
printf 'seccomp\ninclude big.inc\n' >"$TMP/includer.profile"
rejected read-eio-include "$OUTER" read@2=1=EIO -- "$SECCWRAP" \
	-p "$TMP/includer.profile" -- sh -c "touch '$MARKER'"
# /proc/self/mem fails the first read with EIO.
rejected read-eio-proc "$SECCWRAP" -p /proc/self/mem -- \
	sh -c "touch '$MARKER'"

# --- sweeps: every allocation, read or file lookup fails once ------------

# A .local include contains the deny: losing it to a failed allocation or
# lookup would leave mount open while the command runs.  Only a .local
# file that does not exist may be skipped.
printf 'seccomp.drop mount\n' >"$TMP/site.local"
printf 'include %s\nprotocol unix\n' "$TMP/site.local" \
	>"$TMP/sweep.profile"
# A run of the small profile fits in the allocator's first arena, which
# is static, and maps nothing.  This one maps memory: 40 KB of comments
# make the read buffer a block of its own, and a list of 600 items (a
# line may have 4096 bytes) needs blocks that grow past the arena.
# shellcheck disable=SC2016
LIST_600=$(awk 'BEGIN { for (i = 0; i < 600; i++) printf "%smount", i ? "," : "" }')
{
	cat "$TMP/sweep.profile"
	awk 'BEGIN { for (i = 0; i < 1000; i++) printf "# padding line %032d\n", i }'
	printf 'seccomp.drop %s\n' "$LIST_600"
} >"$TMP/sweep-mmap.profile"

# sweep NAME SYSCALL ERRNO SECCWRAP-BINARY [PROFILE]: for N = 1, 2, ...
# fail the Nth SYSCALL of seccwrap with ERRNO until seccwrap makes fewer
# calls.  PROFILE is $TMP/sweep.profile unless given.
# Each run must stop with a message and status 125 (or 126 when the
# failed call was the lookup of the command) and run nothing, or run the
# probe under the whole filter (mount denied).
sweep() {
	_name=$1
	_n=1
	_bad=
	while [ "$_n" -le 200 ]; do
		timeout 10 "$FAILNTH" "$2" "$_n" "$3" "$4" \
			-p "${5:-$TMP/sweep.profile}" -- "$P64" mount </dev/null \
			>"$TMP/out" 2>"$TMP/err"
		_rc=$?
		if [ "$_rc" -eq 3 ]; then
			skip "$_name" "ptrace is not permitted here"
			return
		fi
		if [ "$_rc" -eq 124 ]; then
			_bad="$_bad call $_n: timed out after 10 s;"
			break
		fi
		if grep -q '^failnth: no call' "$TMP/err"; then
			break
		fi
		_got=$(op_errno "$TMP/out" mount)
		if { [ "$_rc" -eq 125 ] || [ "$_rc" -eq 126 ]; } &&
			[ -z "$_got" ] && is_error_message "$TMP/err"; then
			:
		elif [ "$_rc" -eq 0 ] && [ "$_got" = EPERM ]; then
			:
		else
			_err=$(grep -v '^failnth' "$TMP/err" | head -c 150 |
				tr '\n' ' ')
			_bad="$_bad call $_n: status $_rc, mount '${_got:-none}',"
			_bad="$_bad stderr '$_err';"
		fi
		_n=$((_n + 1))
	done
	if [ "$_n" -eq 1 ] && [ -z "$_bad" ]; then
		skip "$_name" "$4 makes no $2 call"
	elif [ -n "$_bad" ]; then
		fail "$_name" "$_bad"
	else
		pass "$_name-$((_n - 1))-calls"
	fi
}

if [ "$base_mount" = EPERM ]; then
	skip sweeps "mount fails with EPERM without a filter here"
elif grep -q -a __asan_init "$SECCWRAP"; then
	# The injected failures would hit the sanitizer runtime, which maps
	# and reads on its own, rather than seccwrap.
	skip sweeps "$SECCWRAP is a sanitizer build"
else
	# No brk sweep: both builds allocate with nolibc's malloc, which
	# maps memory with mmap only.
	sweep sweep-mmap mmap ENOMEM "$SECCWRAP" "$TMP/sweep-mmap.profile"
	sweep sweep-read read EIO "$SECCWRAP"
	sweep sweep-access access EIO "$SECCWRAP"
	# Both builds look up includes and commands with nolibc's stat().
	sweep sweep-stat newfstatat EIO "$SECCWRAP"
fi
if [ "$base_mount" != EPERM ]; then
	if [ -x "$NOLIBC" ]; then
		sweep sweep-mmap-nolibc mmap ENOMEM "$NOLIBC" \
			"$TMP/sweep-mmap.profile"
		sweep sweep-read-nolibc read EIO "$NOLIBC"
		sweep sweep-faccessat-nolibc faccessat EIO "$NOLIBC"
		sweep sweep-stat-nolibc newfstatat EIO "$NOLIBC"
	else
		skip sweeps-nolibc "$NOLIBC is missing (tests/build.d/nolibc.sh)"
	fi
fi

# --- out of memory in the nolibc allocator -------------------------------

if [ -x "$NOLIBC" ]; then
	# Every mmap fails: only what fits in the static first arena can
	# be allocated.
	rejected nolibc-oom-profile "$OUTER" mmap=ENOMEM -- "$NOLIBC" \
		-p "$TMP/sweep-mmap.profile" -- sh -c "touch '$MARKER'"
	rejected nolibc-oom-option "$OUTER" mmap=ENOMEM -- "$NOLIBC" \
		--seccomp.drop="$LIST_600" -- sh -c "touch '$MARKER'"
	# A small profile needs no mapping at all.
	"$OUTER" mmap=ENOMEM -- "$NOLIBC" -p "$TMP/sweep.profile" -- \
		"$P64" mount </dev/null >"$TMP/out" 2>"$TMP/err"
	_rc=$?
	if [ "$_rc" -eq 0 ] && [ "$base_mount" != EPERM ]; then
		expect_lines nolibc-no-mmap "$TMP/out" mount=EPERM
	elif [ "$_rc" -eq 0 ]; then
		pass nolibc-no-mmap
	else
		fail nolibc-no-mmap "status $_rc, stderr: $(head -c 300 "$TMP/err")"
	fi
	# Only mappings other than the 64 KiB arenas fail: large blocks.
	# The 40 KB of comments make the profile's read buffer one.
	rejected nolibc-oom-large "$OUTER" 'mmap@1!=65536=ENOMEM' -- \
		"$NOLIBC" -p "$TMP/sweep-mmap.profile" -- sh -c "touch '$MARKER'"
	stderr_has nolibc-oom-large/message \
		"cannot read profile '$TMP/sweep-mmap.profile': ENOMEM"
	# mremap failing: a profile read from a pipe, whose size fstat()
	# cannot give, grows its buffer by doubling.  Past 64 KiB that
	# buffer is a mapping of its own, and growing it calls mremap.
	{
		cat "$TMP/sweep.profile"
		awk 'BEGIN { for (i = 0; i < 2500; i++)
			printf "# padding line %032d\n", i }'
	} >"$TMP/pipe.profile"
	cat "$TMP/pipe.profile" | rejected_stdin nolibc-mremap \
		"$OUTER" mremap=ENOMEM -- "$NOLIBC" -p /dev/stdin -- \
		sh -c "touch '$MARKER'"
	stderr_has nolibc-mremap/message \
		"cannot read profile '/dev/stdin': ENOMEM"
else
	skip nolibc-oom "$NOLIBC is missing (tests/build.d/nolibc.sh)"
fi
