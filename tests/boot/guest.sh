#!/bin/sh
# PID 1 of the booted tests: tests/boot.sh boots a Debian kernel with
# the initramfs of ./build.sh initramfs plus a /test overlay, and this
# script, /test/run, runs seccwrap over calls that must be denied and
# allowed.  It prints one line per case on the console:
#
#   BOOT-PASS: NAME
#   BOOT-FAIL: NAME: REASON
#   BOOT-SKIP: NAME: REASON
#
# then BOOT-DONE, and execs the image's own /init, which runs
# "/test/probe mount" under /etc/seccwrap/init.profile as PID 1 and
# powers the machine off.
#
# The overlay contains probe (tests/boot/probe.c for the guest's own ABI),
# optionally probe32 and busybox32 for its 32-bit compat ABI (i386 on
# x86_64, arm on aarch64, o32 mipsel on mips64el) or no-compat with the
# reason there is none, own-arch on a 32-bit kernel with the arch that
# seccwrap must keep, and the test profiles.
PATH=/bin:/sbin
export PATH
# The words the kernel passed on to init: "splash" from tests/boot.sh,
# which the image's /init must drop as it does on a real boot.
KERNEL_WORDS=$*

/bin/busybox mount -t proc proc /proc
/bin/busybox --install -s /bin
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec </dev/null >/dev/console 2>&1

SECCWRAP=/bin/seccwrap
INIT_PROFILE=/etc/seccwrap/init.profile
# SIGSYS is 12 on mips and 31 on the other architectures tested here.  A
# shell reports death by signal N as exit status 128 + N.
KILLED=159
case $(uname -m) in
mips*) KILLED=140 ;;
esac
# What seccwrap prints before a command that it runs under mdwx.profile,
# with the '|' that joins it to the command's output.  s390x's mmap
# reads its arguments from memory, where a filter cannot look, so
# seccwrap warns and leaves mmap open there.
MDWX_WARNING=
if [ "$(uname -m)" = s390x ]; then
	MDWX_WARNING="seccwrap: warning: /test/mdwx.profile:3: memory-deny-write-execute cannot check the arguments of mmap on s390x, which are in memory|"
fi

pass() {
	echo "BOOT-PASS: $1"
}

fail() {
	_name=$1
	shift
	echo "BOOT-FAIL: $_name: $*"
}

skip() {
	_name=$1
	shift
	echo "BOOT-SKIP: $_name: $*"
}

# run CMD...: run CMD and set OUT to what it printed on stdout and
# stderr, lines joined with '|', and STATUS to its exit status.
run() {
	OUT=$("$@" 2>&1)
	STATUS=$?
	OUT=$(printf '%s' "$OUT" | tr '\n' '|')
}

# expect NAME STATUS OUTPUT CMD...: pass when CMD exits with STATUS and
# prints exactly OUTPUT (lines joined with '|').
expect() {
	_name=$1
	_status=$2
	_output=$3
	shift 3
	run "$@"
	if [ "$STATUS" != "$_status" ]; then
		fail "$_name" "exit status $STATUS, expected $_status;" \
			"output '$OUT'"
	elif [ "$OUT" != "$_output" ]; then
		fail "$_name" "output '$OUT', expected '$_output'"
	else
		pass "$_name"
	fi
}

# expect_match NAME STATUS TEXT CMD...: pass when CMD exits with STATUS
# and its output contains TEXT.
expect_match() {
	_name=$1
	_status=$2
	_text=$3
	shift 3
	run "$@"
	if [ "$STATUS" != "$_status" ]; then
		fail "$_name" "exit status $STATUS, expected $_status;" \
			"output '$OUT'"
	else
		case $OUT in
		*"$_text"*) pass "$_name" ;;
		*) fail "$_name" "output '$OUT' does not contain '$_text'" ;;
		esac
	fi
}

# probe_cases ABI PROBE: the system call cases for one ABI, through the
# probe program built for it.
probe_cases() {
	_abi=$1
	_probe=$2

	# Unfiltered, the denied calls reach the kernel and fail for their
	# own reasons, so an EPERM below comes from the filter.
	expect "$_abi/unfiltered/calls" 0 \
		"mount ENOENT|umount2 ENOENT|chroot ok|kexec_load EINVAL|getpid ok" \
		"$_probe" mount umount2 chroot kexec_load getpid
	expect "$_abi/unfiltered/unshare-user" 0 "unshare-user ok" \
		"$_probe" unshare-user

	expect "$_abi/init-profile/denied" 0 \
		"mount EPERM|umount2 EPERM|chroot EPERM|kexec_load EPERM" \
		"$SECCWRAP" -p "$INIT_PROFILE" -- \
		"$_probe" mount umount2 chroot kexec_load
	expect "$_abi/init-profile/unshare-user" 0 "unshare-user EPERM" \
		"$SECCWRAP" -p "$INIT_PROFILE" -- "$_probe" unshare-user
	expect "$_abi/init-profile/allowed" 0 "getpid ok|write ok" \
		"$SECCWRAP" -p "$INIT_PROFILE" -- "$_probe" getpid write

	# Bare "seccomp" leaves unshare open: restrict-namespaces is what
	# denies it in the init profile.
	expect "$_abi/seccomp/calls" 0 "mount EPERM|unshare-user ok" \
		"$SECCWRAP" -p /test/seccomp.profile -- \
		"$_probe" mount unshare-user

	# The process dies at the denied mount, after the line of getpid
	# and before its own.
	expect "$_abi/kill/denied" "$KILLED" "getpid ok" \
		"$SECCWRAP" -p /test/kill.profile -- "$_probe" getpid mount
	expect "$_abi/kill/allowed" 0 "getpid ok" \
		"$SECCWRAP" -p /test/kill.profile -- "$_probe" getpid

	expect "$_abi/keep/outside" 0 "write ok|getpid EPERM|mount EPERM" \
		"$SECCWRAP" -p /test/keep.profile -- "$_probe" write getpid mount

	argument_cases "$_abi" "$_probe"
}

# argument_cases ABI PROBE: calls that the filter decides by a flag in an
# argument.  A filter that reads the wrong argument, or the wrong 32-bit
# word of it, fails them.
argument_cases() {
	_abi=$1
	_probe=$2

	expect "$_abi/unfiltered/argument-calls" 0 \
		"unshare-files ok|clone-plain ok|clone-user ok|mprotect-read ok|mprotect-exec ok|mmap-wx ok" \
		"$_probe" unshare-files clone-plain clone-user mprotect-read \
		mprotect-exec mmap-wx
	# restrict-namespaces denies CLONE_NEWUSER and allows other flags.
	expect "$_abi/init-profile/namespace-flags" 0 \
		"unshare-files ok|clone-plain ok|clone-user EPERM" \
		"$SECCWRAP" -p "$INIT_PROFILE" -- \
		"$_probe" unshare-files clone-plain clone-user
	expect "$_abi/mdwx/mprotect" 0 \
		"${MDWX_WARNING}mprotect-read ok|mprotect-exec EPERM" \
		"$SECCWRAP" -p /test/mdwx.profile -- \
		"$_probe" mprotect-read mprotect-exec
	_mmap="mmap-wx EPERM"
	[ -n "$MDWX_WARNING" ] && _mmap="mmap-wx ok"
	expect "$_abi/mdwx/mmap" 0 "$MDWX_WARNING$_mmap" \
		"$SECCWRAP" -p /test/mdwx.profile -- "$_probe" mmap-wx
}

# upper_word_cases PROBE: calls on a 64-bit ABI with a flag in the upper
# 32 bits of an argument, which the filter must not take for the same
# flag in the lower 32 bits.  unshare and mprotect reject such a value
# (EINVAL) and clone ignores it, while a filter that reads the wrong
# word returns EPERM.
upper_word_cases() {
	_probe=$1

	expect native/unfiltered/upper-word 0 \
		"unshare-high EINVAL|clone-high ok|mprotect-high EINVAL" \
		"$_probe" unshare-high clone-high mprotect-high
	expect native/init-profile/upper-word 0 \
		"unshare-high EINVAL|clone-high ok" \
		"$SECCWRAP" -p "$INIT_PROFILE" -- \
		"$_probe" unshare-high clone-high
	expect native/mdwx/upper-word 0 "${MDWX_WARNING}mprotect-high EINVAL" \
		"$SECCWRAP" -p /test/mdwx.profile -- "$_probe" mprotect-high
}

# mips_cases ABI PROBE OP...: a mips64 kernel runs a call of any mips ABI
# by its number, whatever the task's ABI.  The filter must deny such a
# call, so that no ABI is a way around the lists.
mips_cases() {
	_abi=$1
	_probe=$2
	shift 2
	_efault=
	for _op in "$@"; do
		run "$_probe" "$_op"
		case $OUT in
		"$_op ENOSYS")
			skip "$_abi/unfiltered/$_op" "this kernel lacks the ABI" ;;
		"$_op EFAULT")
			pass "$_abi/unfiltered/$_op"
			_efault="$_efault $_op" ;;
		*)
			fail "$_abi/unfiltered/$_op" "output '$OUT'," \
				"expected '$_op EFAULT'" ;;
		esac
	done
	for _op in $_efault; do
		expect "$_abi/seccomp/$_op" 0 "$_op EPERM" \
			"$SECCWRAP" -p /test/seccomp.profile -- "$_probe" "$_op"
	done
}

# busybox_cases ABI BUSYBOX: the same policy seen through the applets of
# the busybox program BUSYBOX.
busybox_cases() {
	_abi=$1
	_bb=$2

	expect "$_abi/busybox/unfiltered-mount" 0 "" \
		"$_bb" mount -t tmpfs none /mnt
	umount /mnt 2>/dev/null
	expect "$_abi/busybox/unfiltered-unshare" 0 "" "$_bb" unshare -U true
	# busybox mount reports EPERM as "permission denied (are you
	# root?)".
	expect_match "$_abi/busybox/mount" 1 "permission denied" \
		"$SECCWRAP" -p "$INIT_PROFILE" -- "$_bb" mount -t tmpfs none /mnt
	expect_match "$_abi/busybox/unshare" 1 "Operation not permitted" \
		"$SECCWRAP" -p "$INIT_PROFILE" -- "$_bb" unshare -U true
	expect "$_abi/busybox/echo" 0 "hello" \
		"$SECCWRAP" -p "$INIT_PROFILE" -- "$_bb" echo hello
	expect_match "$_abi/busybox/ls" 0 "probe" \
		"$SECCWRAP" -p "$INIT_PROFILE" -- "$_bb" ls /test
	expect "$_abi/busybox/kill" "$KILLED" "" \
		"$SECCWRAP" -p /test/kill.profile -- "$_bb" mount -t tmpfs none /mnt
}

# The newline ends a line that the console may have left open.  On
# ppc64le an early line of the kernel banner has no newline.
echo
echo "BOOT-INFO: $(uname -r) $(uname -m)"

probe_cases native /test/probe
if [ -f /test/own-arch ]; then
	skip native/upper-word "a 32-bit ABI has no upper word"
else
	upper_word_cases /test/probe
fi
busybox_cases native /bin/busybox
case $(uname -m) in
mips64*)
	mips_cases native /test/probe mount-o32 mount-o32-indirect mount-n32 ;;
esac
# seccwrap finds a command by name in PATH, here a busybox applet link.
expect native/path-lookup 0 "hello" \
	"$SECCWRAP" -p "$INIT_PROFILE" -- echo hello

# The filter's state as the kernel reports it: no_new_privs set and one
# filter in mode 2 (SECCOMP_MODE_FILTER).  Linux 5.9 and later also
# count the filters.
run "$SECCWRAP" -p "$INIT_PROFILE" -- grep -E \
	'^(NoNewPrivs|Seccomp|Seccomp_filters):' /proc/self/status
case $OUT in
"NoNewPrivs:	1|Seccomp:	2|Seccomp_filters:	1" | \
"NoNewPrivs:	1|Seccomp:	2")
	pass native/proc-status ;;
*)
	fail native/proc-status "/proc/self/status shows '$OUT'" ;;
esac

# The exit statuses that matter in an /init script.
expect_match exit/missing-profile 125 "/test/missing.profile" \
	"$SECCWRAP" -p /test/missing.profile -- true
expect_match exit/bad-profile 125 "unknown syscall" \
	"$SECCWRAP" -p /test/bad.profile -- true
expect_match exit/not-executable 126 "cannot execute" \
	"$SECCWRAP" -p "$INIT_PROFILE" -- /test/seccomp.profile
expect_match exit/not-found 127 "command not found" \
	"$SECCWRAP" -p "$INIT_PROFILE" -- /nonexistent-command

# The image's /init, run as a child: it filters the command and exits
# with its status.
expect_match init/command 0 "mount EPERM" /init /test/probe mount
expect_match init/status 3 "exited with status 3" /init /bin/sh -c 'exit 3'
# With no command, /init runs a shell under the filter, here reading its
# commands from a pipe instead of the console.
run sh -c 'printf "%s\n" "echo shell-started" "mount -t tmpfs none /mnt" |
	/init'
case $STATUS:$OUT in
1:*shell-started*"permission denied"*) pass init/shell ;;
*) fail init/shell "exit status $STATUS, output '$OUT'" ;;
esac
SECCWRAP_PROFILE=/test/missing.profile
export SECCWRAP_PROFILE
expect_match init/seccwrap-failed 125 "seccwrap failed" /init true
unset SECCWRAP_PROFILE

# own32_cases: seccwrap built for the 32-bit ABI (/test/seccwrap32)
# finds this kernel's 64-bit arch and builds the same filter as the
# 64-bit seccwrap, for 64-bit and 32-bit programs alike.
own32_cases() {
	if [ ! -x /test/seccwrap32 ]; then
		skip own32 "the overlay has no 32-bit seccwrap"
		return
	fi
	run "$SECCWRAP" -p "$INIT_PROFILE" --print
	_native=$OUT
	run /test/seccwrap32 -p "$INIT_PROFILE" --print
	if [ "$STATUS" = 0 ] && [ "$OUT" = "$_native" ]; then
		pass own32/same-filter
	else
		fail own32/same-filter "exit status $STATUS; the filter" \
			"differs from $SECCWRAP's: '$(printf '%s' "$OUT" |
			cut -c1-120)'"
	fi
	_seccwrap=$SECCWRAP
	SECCWRAP=/test/seccwrap32
	probe_cases own32-native /test/probe
	probe_cases own32-compat /test/probe32
	SECCWRAP=$_seccwrap
}

# own_arch_cases ARCH: on a 32-bit kernel, seccwrap built for ARCH finds
# no 64-bit arch beneath it and builds the filter for ARCH alone.
own_arch_cases() {
	_own=$1
	# A 32-bit x86 kernel names its machine i386 to i686, and a 32-bit
	# arm kernel armv and its version, such as armv7l.
	case $_own:$(uname -m) in
	i386:i?86 | arm:armv* | mipsel:mips)
		pass own-arch/machine ;;
	*)
		fail own-arch/machine "uname -m prints '$(uname -m)'," \
			"not a 32-bit $_own machine" ;;
	esac

	# seccwrap -v prints a note when it chooses the kernel's 64-bit
	# arch, and when a uname or personality call fails.
	run "$SECCWRAP" -v -p "$INIT_PROFILE" -- true
	case $STATUS:$OUT in
	*"covers all of its ABIs"* | *"seccwrap: cannot"*)
		fail own-arch/verbose "seccwrap -v printed '$OUT'" ;;
	"0:"*"executing '/bin/true'"*)
		pass own-arch/verbose ;;
	*)
		fail own-arch/verbose "exit status $STATUS, output '$OUT'" ;;
	esac

	# The filter's arch checks come before its first load of the
	# syscall number, and must name ARCH's ABI and nothing else: mipsel
	# prints its ABI's name, o32.
	_abi=$_own
	[ "$_own" = mipsel ] && _abi=o32
	run "$SECCWRAP" -p "$INIT_PROFILE" --print
	_arches=$(printf '%s' "$OUT" | tr '|' '\n' | sed -n '/\[nr\]/q; p' |
		awk '$2 == "jeq" { print $3 }' | tr '\n' ' ')
	if [ "$STATUS" = 0 ] && [ "$_arches" = "$_abi " ]; then
		pass own-arch/print
	else
		fail own-arch/print "exit status $STATUS; the filter checks" \
			"the arches '$_arches', expected '$_abi ';" \
			"output '$(printf '%s' "$OUT" | cut -c1-120)'"
	fi

	# Under an outer filter that denies personality, as the image's
	# profile does, seccwrap cannot clear PER_LINUX32 to ask again.  A
	# name that no 64-bit kernel gives a 32-bit task (armv7l, i586)
	# still shows a 32-bit kernel.  i686, armv8l and mips leave it
	# undecided, so the filter covers the 64-bit arch's ABIs too.
	run "$SECCWRAP" -p "$INIT_PROFILE" -- "$SECCWRAP" -p "$INIT_PROFILE" \
		--print
	_nested=$(printf '%s' "$OUT" | tr '|' '\n' | sed -n '/\[nr\]/q; p' |
		awk '$2 == "jeq" { print $3 }' | tr '\n' ' ')
	case $STATUS:$(uname -m):$_nested in
	"0:i686:$_arches" | "0:armv8"*":$_arches" | "0:mips:$_arches")
		fail own-arch/nested "an undecided kernel, yet the filter" \
			"checks only '$_nested'" ;;
	"0:i686:"* | "0:armv8"* | "0:mips:"*) pass own-arch/nested ;;
	"0:"*":$_arches") pass own-arch/nested ;;
	*)
		fail own-arch/nested "exit status $STATUS; the filter checks" \
			"the arches '$_nested', expected '$_arches';" \
			"output '$(printf '%s' "$OUT" | cut -c1-120)'" ;;
	esac

	# Undecided, the 64-bit filter would apply a seccomp.32 list to this
	# kernel's own calls in place of the main list, so seccwrap stops
	# there.  Decided, the main list denies mkdir.  Either way the
	# folder must not appear.
	run "$SECCWRAP" -p "$INIT_PROFILE" -- "$SECCWRAP" \
		--seccomp.drop=mkdir --seccomp.32.drop=chroot -- mkdir /undecided
	[ -d /undecided ] && STATUS=made
	case $STATUS:$(uname -m):$OUT in
	"125:i686:"*"cannot tell a 32-bit kernel"* | \
		"125:armv8"*"cannot tell a 32-bit kernel"* | \
		"125:mips:"*"cannot tell a 32-bit kernel"*)
		pass own-arch/nested-32-list ;;
	"1:i686:"* | "1:armv8"* | "1:mips:"*)
		fail own-arch/nested-32-list "an undecided kernel, yet" \
			"seccwrap ran the command: '$OUT'" ;;
	1:*"Operation not permitted"*) pass own-arch/nested-32-list ;;
	*)
		fail own-arch/nested-32-list "exit status $STATUS," \
			"output '$OUT'" ;;
	esac

	# With the PER_LINUX32 personality, seccwrap reads uname again with
	# the personality cleared, keeps its own arch, and leaves the
	# personality as it was for the command.  The arm kernel sets a new
	# personality at each exec (PER_LINUX_32BIT, 0x00800000), so there
	# seccwrap never starts with PER_LINUX32.
	run linux32 cat /proc/self/personality
	_persona=$OUT
	case $_persona in
	??????08) ;;
	*)
		skip own-arch/linux32 "linux32 cat /proc/self/personality" \
			"prints '$_persona': this kernel does not keep" \
			"PER_LINUX32 (08) across exec"
		return
		;;
	esac
	run linux32 "$SECCWRAP" -v -p "$INIT_PROFILE" -- \
		cat /proc/self/personality
	case $STATUS:$OUT in
	*"covers all of its ABIs"* | *"seccwrap: cannot"*)
		fail own-arch/linux32 "seccwrap -v printed '$OUT'" ;;
	"0:"*"|$_persona")
		pass own-arch/linux32 ;;
	*)
		fail own-arch/linux32 "exit status $STATUS, output '$OUT'," \
			"expected the personality '$_persona' last" ;;
	esac
}

if [ -f /test/own-arch ]; then
	own_arch_cases "$(cat /test/own-arch)"
fi

# The 32-bit compat ABI, when the overlay has a probe for it and the
# kernel and CPU run 32-bit programs.
if [ -f /test/no-compat ]; then
	skip compat "$(cat /test/no-compat)"
elif [ ! -x /test/probe32 ]; then
	skip compat "the overlay has no 32-bit probe"
else
	run /test/probe32 getpid
	if [ "$OUT" != "getpid ok" ]; then
		skip compat "this kernel and CPU do not run 32-bit programs:" \
			"/test/probe32 printed '$OUT', exit status $STATUS"
	else
		probe_cases compat /test/probe32
		case $(uname -m) in
		mips64*) mips_cases compat /test/probe32 mount-n64 mount-n32 ;;
		esac
		if [ -x /test/busybox32 ]; then
			busybox_cases compat /test/busybox32
		else
			skip compat/busybox "the overlay has no 32-bit busybox"
		fi
		own32_cases
	fi
fi

echo BOOT-DONE
# shellcheck disable=SC2086
exec /init $KERNEL_WORDS /test/probe mount
