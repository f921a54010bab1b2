# Live tests: syscall lists and error actions against the real kernel.
#
# sysprobe (tests/progs/sysprobe.c) makes real system calls under a filter
# that seccwrap installs in the child it execs; the test shell itself is
# never filtered.  Each case runs the 64-bit program, the 32-bit program
# and i386 calls made through int $0x80 from the 64-bit program.
. "$TESTS/progs/probe.sh"

# The unfiltered results that the checks compare with (mount reaching
# ENOENT, chroot succeeding) are those of root.
if [ "$(id -u)" -ne 0 ]; then
	skip live "needs root, as the README says"
	return 0
fi

# Ops denied by the default list, by their names in sysprobe and as i386
# numbers through int $0x80: mount 21, umount2 52, ptrace 26,
# kexec_load 283 (with an invalid flag), init_module 128, chroot 61.
DENIED="mount umount2 ptrace kexec_load init_module chroot"
I386_MOUNT=int80:21
I386_UMOUNT2=int80:52
I386_PTRACE=int80:26:3,self,0
I386_KEXEC=int80:283:0,0,0,0x8000
I386_INIT_MODULE=int80:128
I386_CHROOT=int80:61:@/
I386_GETPID=int80:20
I386_GETRESUID=int80:165:buf,buf,buf
I386_WRITE=int80:4:1,0,0

# expect_all ERRNO OP...: print OP=ERRNO for each OP.
expect_all() {
	_all_want=$1
	shift
	for _all_op in "$@"; do
		printf '%s=%s\n' "$_all_op" "$_all_want"
	done
}

# --- bare seccomp --------------------------------------------------------

profile default 'seccomp'
# shellcheck disable=SC2046
probe seccomp-64 "-p $TMP/default.profile" "$P64" \
	$(expect_all EPERM $DENIED) \
	getpid=ok read=ok write=ok clone3=ok pthread=ok
# shellcheck disable=SC2046
probe seccomp-32 "-p $TMP/default.profile" "$P32" \
	$(expect_all EPERM $DENIED) \
	getpid=ok read=ok write=ok clone3=ok pthread=ok
probe seccomp-int80 "-p $TMP/default.profile" "$P64" \
	$I386_MOUNT=EPERM $I386_UMOUNT2=EPERM $I386_PTRACE=EPERM \
	$I386_KEXEC=EPERM $I386_INIT_MODULE=EPERM $I386_CHROOT=EPERM \
	$I386_GETPID=ok $I386_WRITE=ok
# i386's 64-bit time twins, clock_settime64 (404) and clock_adjtime64
# (405), are denied as clock_settime (264) is.  Unfiltered, clock id -1
# and a null pointer make each call fail (EFAULT here), so no test sets
# the clock.
probe seccomp-time64-32 "-p $TMP/default.profile" "$P32" \
	nr:404:-1,0=EPERM nr:405:-1,0=EPERM nr:264:-1,0=EPERM
probe seccomp-time64-int80 "-p $TMP/default.profile" "$P64" \
	int80:404:-1,0=EPERM int80:405:-1,0=EPERM
# mount_setattr (442) and open_tree_attr (467), the same numbers on both
# ABIs, are in @mount beside mount and open_tree.  Unfiltered, a bad
# descriptor fails mount_setattr with EINVAL or EBADF, and Linux before
# 6.15 lacks open_tree_attr (ENOSYS).
probe seccomp-mount-api-64 "-p $TMP/default.profile" "$P64" \
	nr:442:-1,0=EPERM nr:467:-1,0=EPERM
probe seccomp-mount-api-32 "-p $TMP/default.profile" "$P32" \
	nr:442:-1,0=EPERM nr:467:-1,0=EPERM
probe seccomp-musl "-p $TMP/default.profile" "$PMUSL" \
	mount=EPERM ptrace=EPERM getpid=ok pthread=ok

# x32 numbers (bit 30) get the error action whatever they would mean.
probe seccomp-x32 "-p $TMP/default.profile" "$P64" \
	x32:39=EPERM x32:0=EPERM x32:165=EPERM x32:520=EPERM x32:1=EPERM

# Number 165 is mount on x86_64 and getresuid on i386: each ABI is judged
# by its own table.
probe nr165-64 "-p $TMP/default.profile" "$P64" nr:165=EPERM
probe nr165-int80 "-p $TMP/default.profile" "$P64" $I386_GETRESUID=ok
probe nr165-32 "-p $TMP/default.profile" "$P32" nr:165:0,0,0=ok

# Numbers with bit 31 set pass the filter and the kernel returns ENOSYS.
probe nr-minus1-64 "-p $TMP/default.profile" "$P64" nr:-1=ok
probe nr-minus1-32 "-p $TMP/default.profile" "$P32" nr:-1=ok
probe nr-minus1-int80 "-p $TMP/default.profile" "$P64" int80:-1=ok
probe nr-bit31-64 "-p $TMP/default.profile" "$P64" nr:0x80000027=ok

# No profile and no seccomp option: the built-in default applies.
probe builtin-default "" "$P64" mount=EPERM ptrace=EPERM getpid=ok
probe builtin-default-32 "" "$P32" mount=EPERM getpid=ok

# The same lists as command-line options.
probe option-seccomp "--seccomp" "$P64" mount=EPERM getpid=ok
probe option-drop "--seccomp.drop=getppid" "$P64" \
	nr:110=EPERM mount=ok

# A profile without any seccomp command installs no filter and prints a
# note.
profile nofilter 'caps.drop all
noroot'
probe no-seccomp-command "-p $TMP/nofilter.profile" "$P64" mount=ok
if [ -s "$TMP/probe.err" ]; then
	pass no-seccomp-command/note
else
	fail no-seccomp-command/note "expected a note on stderr, got none"
fi
probe no-seccomp-command-quiet "-q -p $TMP/nofilter.profile" "$P64" \
	mount=ok
check no-seccomp-command-quiet/stderr "" "$(cat "$TMP/probe.err")"

# --- exceptions, drop and keep lists -------------------------------------

profile notchroot 'seccomp !chroot'
probe except-chroot-64 "-p $TMP/notchroot.profile" "$P64" \
	chroot=ok mount=EPERM
probe except-chroot-32 "-p $TMP/notchroot.profile" "$P32" \
	chroot=ok mount=EPERM
probe except-chroot-int80 "-p $TMP/notchroot.profile" "$P64" \
	$I386_CHROOT=ok $I386_MOUNT=EPERM

# Syscall 0 can be negated too (firejail cannot).
profile notread 'seccomp.drop @basic-io,!read,!write'
probe except-read "-p $TMP/notread.profile" "$P64" read=ok nr:8:0,0,0=EPERM

profile dropmount 'seccomp.drop mount'
probe drop-64 "-p $TMP/dropmount.profile" "$P64" \
	mount=EPERM umount2=ok ptrace=ok chroot=ok kexec_load=ok getpid=ok
probe drop-32 "-p $TMP/dropmount.profile" "$P32" \
	mount=EPERM umount2=ok ptrace=ok chroot=ok getpid=ok
probe drop-int80 "-p $TMP/dropmount.profile" "$P64" \
	$I386_MOUNT=EPERM $I386_UMOUNT2=ok $I386_CHROOT=ok $I386_GETPID=ok
probe drop-x32 "-p $TMP/dropmount.profile" "$P64" x32:39=EPERM

# Groups contain the newer calls that do what a member does: @resources's
# setpriority (141), which is nice() on x86_64, and @privileged's
# fsopen (430), the new mount API.  Unfiltered, root may set priority 0,
# and fsopen with a null name fails with EFAULT.
profile resources 'seccomp.drop @resources,@privileged'
probe drop-setpriority-64 "-p $TMP/resources.profile" "$P64" \
	nr:141:0,0,0=EPERM nr:430:0,0=EPERM getpid=ok

# execveat may be denied, since seccwrap starts the command with execve:
# the command runs and its execveat (x86_64 322, i386 358) fails.
# Unfiltered, a bad descriptor and a null path fail with EFAULT or EBADF.
profile noexecveat 'seccomp.drop execveat'
probe drop-execveat-64 "-p $TMP/noexecveat.profile" "$P64" \
	nr:322:-1,0,0,0,0=EPERM getpid=ok
probe drop-execveat-32 "-p $TMP/noexecveat.profile" "$P32" \
	nr:358:-1,0,0,0,0=EPERM getpid=ok

# The syscalls a static glibc or musl program makes to start, print and
# create a thread, on x86_64 and i386 (names missing from one ABI's table
# apply to the other only).  clone3 is left out on purpose: it must get
# ENOSYS so that the C library falls back to clone.
KEEP=arch_prctl,brk,set_thread_area,set_tid_address,set_robust_list,rseq
KEEP=$KEEP,prlimit64,ugetrlimit,readlink,getrandom,mmap,mmap2,munmap
KEEP=$KEEP,mprotect,madvise,write,exit,exit_group,futex,rt_sigaction
KEEP=$KEEP,rt_sigprocmask,clone,getpid
profile keep "seccomp.keep $KEEP"
probe keep-64 "-p $TMP/keep.profile" "$P64" \
	getpid=ok write=ok pthread=ok clone3=ENOSYS mount=EPERM \
	chroot=EPERM nr:110=EPERM x32:39=EPERM nr:-1=ok
check keep-64/exit-status 0 "$_rc"
probe keep-32 "-p $TMP/keep.profile" "$P32" \
	getpid=ok write=ok pthread=ok clone3=ENOSYS mount=EPERM \
	chroot=EPERM nr:64=EPERM nr:-1=ok
check keep-32/exit-status 0 "$_rc"
probe keep-int80 "-p $TMP/keep.profile" "$P64" \
	$I386_GETPID=ok $I386_GETRESUID=EPERM $I386_MOUNT=EPERM
probe keep-musl "-p $TMP/keep.profile" "$PMUSL" \
	getpid=ok pthread=ok mount=EPERM
# A number above the highest one in the tables looks absent (ENOSYS),
# not forbidden (EPERM), so callers fall back.
probe keep-beyond-table-64 "-p $TMP/keep.profile" "$P64" nr:1000=ok
probe keep-beyond-table-32 "-p $TMP/keep.profile" "$P32" nr:2000=ok

# seccomp.32 lists replace the list of the i386 ABI only.
profile drop32 'seccomp
seccomp.32.drop mount'
probe drop32-64 "-p $TMP/drop32.profile" "$P64" mount=EPERM chroot=EPERM
probe drop32-32 "-p $TMP/drop32.profile" "$P32" mount=EPERM chroot=ok
profile debuggers 'seccomp
allow-debuggers'
probe allow-debuggers-64 "-p $TMP/debuggers.profile" "$P64" \
	ptrace=ok personality0=ok mount=EPERM
probe allow-debuggers-32 "-p $TMP/debuggers.profile" "$P32" \
	ptrace=ok mount=EPERM

# --- error actions ---------------------------------------------------------

profile kill 'seccomp
seccomp-error-action kill'
probe_kill kill-64 "-p $TMP/kill.profile" "$P64" mount
probe_kill kill-32 "-p $TMP/kill.profile" "$P32" mount
probe_kill kill-int80 "-p $TMP/kill.profile" "$P64" $I386_MOUNT
probe_kill kill-x32 "-p $TMP/kill.profile" "$P64" x32:39
probe_kill kill-thread-64 "-p $TMP/kill.profile" "$P64" thread:mount
probe_kill kill-thread-32 "-p $TMP/kill.profile" "$P32" thread:mount
probe_kill kill-thread-musl "-p $TMP/kill.profile" "$PMUSL" thread:mount
probe_kill kill-option "--seccomp --seccomp-error-action=kill" "$P64" \
	ptrace
# Bit-31 numbers never get the error action, not even kill.
probe kill-minus1 "-p $TMP/kill.profile" "$P64" nr:-1=ok getpid=ok
check kill-minus1/exit-status 0 "$_rc"

profile log 'seccomp
seccomp-error-action log'
probe log-64 "-p $TMP/log.profile" "$P64" mount=ok umount2=ok chroot=ok
probe log-32 "-p $TMP/log.profile" "$P32" mount=ok chroot=ok
probe log-int80 "-p $TMP/log.profile" "$P64" $I386_MOUNT=ok $I386_CHROOT=ok

profile enosys 'seccomp
seccomp-error-action ENOSYS'
probe enosys-64 "-p $TMP/enosys.profile" "$P64" \
	mount=ENOSYS ptrace=ENOSYS chroot=ENOSYS getpid=ok
probe enosys-32 "-p $TMP/enosys.profile" "$P32" \
	mount=ENOSYS ptrace=ENOSYS getpid=ok
probe enosys-int80 "-p $TMP/enosys.profile" "$P64" \
	$I386_MOUNT=ENOSYS $I386_CHROOT=ENOSYS
# Error actions by number, and errno names in any case.
profile errno18 'seccomp
seccomp-error-action 18'
probe errno-number "-p $TMP/errno18.profile" "$P64" mount=EXDEV
profile errnolower 'seccomp.drop mount
seccomp-error-action enotblk'
probe errno-lowercase "-p $TMP/errnolower.profile" "$P32" mount=ENOTBLK

# name:ERRNO and name:kill
profile perrno 'seccomp.drop mount:EXDEV,umount2:enotblk,ptrace:22,chroot'
probe name-errno-64 "-p $TMP/perrno.profile" "$P64" \
	mount=EXDEV umount2=ENOTBLK ptrace=EINVAL chroot=EPERM
probe name-errno-32 "-p $TMP/perrno.profile" "$P32" \
	mount=EXDEV umount2=ENOTBLK ptrace=EINVAL chroot=EPERM
probe name-errno-int80 "-p $TMP/perrno.profile" "$P64" \
	$I386_MOUNT=EXDEV $I386_UMOUNT2=ENOTBLK $I386_PTRACE=EINVAL
profile perrnodefault 'seccomp mount:EXDEV'
probe name-errno-default "-p $TMP/perrnodefault.profile" "$P64" \
	mount=EXDEV umount2=EPERM
profile pkill 'seccomp.drop chroot:kill'
probe_kill name-kill-64 "-p $TMP/pkill.profile" "$P64" chroot
probe_kill name-kill-int80 "-p $TMP/pkill.profile" "$P64" $I386_CHROOT
probe name-kill-others "-p $TMP/pkill.profile" "$P64" mount=ok

# clone3 denied through an errno action gets ENOSYS, so that the C
# library falls back to clone; an explicit clone3:ERRNO is kept.
profile dropclone3 'seccomp.drop clone3'
probe clone3-drop-64 "-p $TMP/dropclone3.profile" "$P64" \
	clone3=ENOSYS pthread=ok
probe clone3-drop-32 "-p $TMP/dropclone3.profile" "$P32" \
	clone3=ENOSYS pthread=ok
profile dropclone3exdev 'seccomp.drop clone3
seccomp-error-action EXDEV'
probe clone3-drop-other-errno "-p $TMP/dropclone3exdev.profile" "$P64" \
	clone3=ENOSYS
profile clone3eperm 'seccomp.drop clone3:EPERM'
probe clone3-explicit-errno "-p $TMP/clone3eperm.profile" "$P64" \
	clone3=EPERM
probe clone3-explicit-errno-32 "-p $TMP/clone3eperm.profile" "$P32" \
	clone3=EPERM

# --- terminal input ---------------------------------------------------------

# ioctl(TIOCSTI) on a new pseudo-terminal, and TIOCLINUX there, which is
# no virtual console (ENOTTY unfiltered).  Wherever a list lets ioctl run,
# both get the error action, on every ABI.  tiocsti-high sets the high
# word of the request, which the kernel drops.  Without /dev/ptmx, or
# where the kernel rejects TIOCSTI even from root, nothing can be shown.
terminal_base=$(baseline "$P64" tiocsti)
if [ "$terminal_base" != 0 ]; then
	skip terminal "TIOCSTI on a new pseudo-terminal fails here without" \
		"a filter (errno $terminal_base)"
else
	profile terminaldrop 'seccomp.drop mount'
	for prog in "$P64" "$PMUSL"; do
		probe "terminal-$(basename "$prog")" \
			"-p $TMP/default.profile" "$prog" \
			tiocsti=EPERM tiocsti-high=EPERM tioclinux=EPERM
	done
	probe terminal-32 "-p $TMP/default.profile" "$P32" \
		tiocsti=EPERM tioclinux=EPERM
	probe terminal-drop-64 "-p $TMP/terminaldrop.profile" "$P64" \
		tiocsti=EPERM tiocsti-high=EPERM
	probe terminal-drop-32 "-p $TMP/terminaldrop.profile" "$P32" \
		tiocsti=EPERM
	profile terminalkeep "seccomp.keep $KEEP,ioctl,openat,open,close,setsid
seccomp-error-action EIO"
	probe terminal-keep-64 "-p $TMP/terminalkeep.profile" "$P64" \
		tiocsti=EIO tioclinux=EIO
	probe terminal-keep-32 "-p $TMP/terminalkeep.profile" "$P32" \
		tiocsti=EIO
	probe terminal-log "-p $TMP/log.profile" "$P64" \
		tiocsti=ok tioclinux=ok
fi

# --- which setting applies --------------------------------------------------

# A syscall named twice with different actions: the later one wins, with
# a warning.
profile twice 'seccomp.drop mount:EXDEV,mount:ENOTBLK'
probe twice-later-wins "-p $TMP/twice.profile" "$P64" mount=ENOTBLK
if grep -q "^seccwrap: warning: .*mount" "$TMP/probe.err"; then
	pass twice-later-wins/warning
else
	fail twice-later-wins/warning "expected a warning naming mount, got:" \
		"$(head -c 300 "$TMP/probe.err")"
fi

# keep beats drop beats "seccomp LIST" beats bare seccomp, whatever the
# line order; a repeated line replaces the earlier one.
profile precedence 'seccomp.drop mount
seccomp chroot'
probe drop-beats-seccomp "-p $TMP/precedence.profile" "$P64" \
	mount=EPERM chroot=ok ptrace=ok
profile keepfirst "seccomp.keep $KEEP
seccomp.drop chroot"
probe keep-beats-drop "-p $TMP/keepfirst.profile" "$P64" \
	mount=EPERM getpid=ok
profile replace 'seccomp.drop mount
seccomp.drop chroot'
probe repeated-line-replaces "-p $TMP/replace.profile" "$P64" \
	mount=ok chroot=EPERM

# Options and profiles are read in command-line order: the later error
# action wins.
probe order-option-last "-p $TMP/kill.profile --seccomp-error-action=EXDEV" \
	"$P64" mount=EXDEV
probe_kill order-profile-last \
	"--seccomp-error-action=EXDEV -p $TMP/kill.profile" "$P64" mount

# ignore skips later lines of exactly that command.
profile ignore 'ignore seccomp
seccomp
seccomp.drop chroot'
probe ignore-whole-word "-p $TMP/ignore.profile" "$P64" \
	chroot=EPERM mount=ok
profile ignoredrop 'seccomp
seccomp.drop mount'
probe ignore-option "--ignore=seccomp.drop -p $TMP/ignoredrop.profile" \
	"$P64" chroot=EPERM ptrace=EPERM

# Under an outer filter that denies personality, memory-deny-write-execute
# cannot clear READ_IMPLIES_EXEC, and -v reports it.
out=$("$SECCWRAP" --seccomp -- "$SECCWRAP" -v --memory-deny-write-execute \
	-- true 2>&1 | grep personality)
check mdwx-personality-unread "seccwrap: cannot read the personality: \
EPERM; READ_IMPLIES_EXEC stays as the parent left it" "$out"

# --- a 32-bit seccwrap on this 64-bit kernel ---------------------------------

# The i386 build filters every ABI of the x86_64 kernel, as the x86_64
# build does: the seccomp.32 lists reach i386 programs, 64-bit programs
# get the native list rather than the bad-arch kill, and seccwrap's own
# i386 execve cannot be blocked.
S32=$TESTS/out/seccwrap-i386
if [ ! -x "$S32" ]; then
	skip seccwrap-i386 "$S32 is missing (needs gcc-i686-linux-gnu)"
else
	SECCWRAP_64=$SECCWRAP
	SECCWRAP=$S32
	probe i386-build-32-list "--seccomp.32.drop=getpid" "$P32" \
		getpid=EPERM chroot=ok
	probe i386-build-native-list "--seccomp.drop=chroot" "$P64" \
		chroot=EPERM getpid=ok "$I386_CHROOT=EPERM"
	probe i386-build-default "" "$P64" mount=EPERM getpid=ok
	probe i386-build-x32 "--seccomp.drop=chroot" "$P64" x32:39=EPERM
	# setarch i686 gives the PER_LINUX32 personality, under which the
	# kernel calls itself i686; the command keeps the personality.
	out=$(setarch i686 "$S32" --seccomp -- cat /proc/self/personality \
		2>&1)
	check i386-build-linux32-personality 00000008 "$out"
	# A 32-bit exec keeps READ_IMPLIES_EXEC (setarch -X), which makes
	# every readable mapping executable.  memory-deny-write-execute
	# clears it, other filters keep it, and PER_LINUX32 always stays.
	out=$(setarch i686 -X "$S32" --seccomp -- "$P32" read-exec 2>&1)
	check i386-build-read-implies-exec-kept "read-exec ret=1 errno=0" \
		"$out"
	out=$(setarch i686 -X "$S32" --memory-deny-write-execute -- \
		"$P32" read-exec 2>&1)
	check i386-build-read-implies-exec-cleared "read-exec ret=0 errno=0" \
		"$out"
	out=$(setarch i686 -X "$S32" --memory-deny-write-execute -- \
		cat /proc/self/personality 2>&1)
	check i386-build-read-implies-exec-linux32 00000008 "$out"
	# The kernel keeps all 32 bits of a personality, so a 32-bit build
	# reads one with bit 31 as a negative long, which is not a failure.
	# The launcher is the 64-bit perl, where 135 is personality.
	out=$(perl -e 'syscall(135, 0x80400008) == -1 and die "$!\n";
		exec @ARGV' "$S32" --memory-deny-write-execute -- "$P32" \
		read-exec 2>&1)
	check i386-build-read-implies-exec-bit31 "read-exec ret=0 errno=0" \
		"$out"
	out=$(perl -e 'syscall(135, 0x80000008) == -1 and die "$!\n";
		exec @ARGV' "$S32" -- cat /proc/self/personality 2>&1)
	check i386-build-linux32-bit31 80000008 "$out"
	setarch i686 "$S32" --seccomp.drop=chroot --print >"$TMP/s32.print"
	"$SECCWRAP_64" --seccomp.drop=chroot --print >"$TMP/s64.print"
	if cmp -s "$TMP/s32.print" "$TMP/s64.print"; then
		pass i386-build-linux32-same-filter
	else
		fail i386-build-linux32-same-filter "the i386 build's filter" \
			"differs from the x86_64 build's:" \
			"$(diff "$TMP/s64.print" "$TMP/s32.print" | head -n 4)"
	fi
	"$S32" --seccomp --seccomp.block-secondary -- "$P32" getpid \
		>"$TMP/s32.out" 2>"$TMP/s32.err"
	check i386-build-block-secondary-status 125 $?
	check i386-build-block-secondary-message "seccwrap: \
--seccomp.block-secondary: this denies 'execve' on i386, the ABI \
this seccwrap runs on, but seccwrap starts the command with execve after \
installing the filter" "$(head -n 1 "$TMP/s32.err")"
	check i386-build-block-secondary-not-run "" "$(cat "$TMP/s32.out")"
	# --arch=x86_64 names the kernel's arch: seccwrap still runs as i386.
	"$S32" --arch=x86_64 --seccomp.block-secondary -- "$P32" getpid \
		>/dev/null 2>"$TMP/s32.err"
	check i386-build-arch-x86_64-block-secondary 125 $?
	# -v prints why the filter covers the kernel's ABIs, but not when
	# --arch names the arch.
	"$S32" -v --check 2>"$TMP/s32.err"
	check i386-build-verbose-kernel "seccwrap: seccwrap runs as i386 and \
the kernel is x86_64, so the filter covers all of its ABIs" \
		"$(head -n 1 "$TMP/s32.err")"
	"$S32" --arch=aarch64 -v --check 2>"$TMP/s32.err"
	if grep -q "kernel is" "$TMP/s32.err"; then
		fail i386-build-verbose-arch-named "$(cat "$TMP/s32.err")"
	else
		pass i386-build-verbose-arch-named
	fi
	# Under an outer filter that denies personality (the default list
	# does), the i386 build still finds the kernel through uname.
	SECCWRAP=$SECCWRAP_64
	probe i386-build-nested "-- $S32 --seccomp.drop=getpid" "$P64" \
		getpid=EPERM
	# Under setarch i686 as well, it cannot clear PER_LINUX32 to ask:
	# undecided, it still builds the x86_64 filter.
	printf '#!/bin/sh\nexec setarch i686 "%s" "$@"\n' "$SECCWRAP_64" \
		>"$TMP/linux32-seccwrap"
	chmod 755 "$TMP/linux32-seccwrap"
	SECCWRAP=$TMP/linux32-seccwrap
	probe i386-build-nested-linux32 "-- $S32 --seccomp.drop=getpid" \
		"$P64" getpid=EPERM
	# Undecided, a profile that means one thing on a 32-bit kernel and
	# another on a 64-bit one is an error: the seccomp.32 lists and
	# block-secondary would reach seccwrap's own ABI, and numbers would
	# name x86_64 calls.  --arch decides it.
	for _args in --seccomp.32.drop=chroot --seccomp.block-secondary \
		'--seccomp.drop=$165' '--seccomp.keep=!0xa5'; do
		_case=${_args#--}
		_case=i386-build-undecided-${_case%%=*}
		rm -f "$TMP/ran"
		"$TMP/linux32-seccwrap" -- "$S32" "$_args" -- /bin/sh -c \
			"touch '$TMP/ran'" >/dev/null 2>"$TMP/und.err"
		check "$_case/status" 125 "$?"
		check "$_case/not-run" no "$([ -e "$TMP/ran" ] && echo yes ||
			echo no)"
		if grep -q "^seccwrap: --seccomp\.[a-z0-9.-]*: cannot tell a \
32-bit kernel from a 64-bit one (personality: EPERM), and '" \
			"$TMP/und.err"; then
			pass "$_case/message"
		else
			fail "$_case/message" "$(head -c 300 "$TMP/und.err")"
		fi
	done
	"$TMP/linux32-seccwrap" -- "$S32" --arch=i386 \
		--seccomp.32.drop=chroot --check 2>/dev/null
	check i386-build-undecided-arch-named 0 "$?"
	# Undecided, --arch=i386 may run a command: it names a 32-bit kernel,
	# so the i386 program gets the main list.
	SECCWRAP=$TMP/linux32-seccwrap
	probe i386-build-undecided-arch-run \
		"-- $S32 --arch=i386 --seccomp.drop=getpid" "$P32" getpid=EPERM
	SECCWRAP=$S32
	SECCWRAP=$SECCWRAP_64
fi
