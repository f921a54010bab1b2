# Profile semantics: which action each syscall gets, read from the
# program seccwrap dumps (--dump) and evaluated by tests/out/bpfeval.
# These cases need no kernel support; tests/live.sh runs real programs.

BPFEVAL=$TESTS/out/bpfeval
X86_64=0xc000003e
I386=0x40000003

EPERM=0x00050001
EACCES=0x0005000d
ENOSYS=0x00050026
ALLOW=0x7fff0000
LOG=0x7ffc0000
KILL=0x80000000

# nr ABI NAME: the number of NAME in seccwrap's table for ABI.
nr() {
	if [ "$1" = i386 ]; then
		"$SECCWRAP" --debug-syscalls32
	else
		"$SECCWRAP" --debug-syscalls
	fi | awk -v n="$2" '$3 == n { print $1 }'
}

# action ARCH NR [SECCWRAP-ARGS...]: the action of the dumped filter.
action() {
	arch=$1
	number=$2
	shift 2
	rm -f "$TMP/filter"
	if ! "$SECCWRAP" -q "$@" --dump="$TMP/filter" 2>"$TMP/stderr"; then
		echo "seccwrap-failed"
		return
	fi
	"$BPFEVAL" "$TMP/filter" "$arch" "$number" "$number" |
		awk '{ print $2 }'
}

# expect NAME WANT ABI SYSCALL [SECCWRAP-ARGS...]
expect() {
	name=$1
	want=$2
	abi=$3
	n=$(nr "$abi" "$4")
	shift 4
	if [ -z "$n" ]; then
		fail "$name" "no syscall number for '$4' on $abi"
		return
	fi
	if [ "$abi" = i386 ]; then
		check "$name" "$want" "$(action $I386 "$n" "$@")"
	else
		check "$name" "$want" "$(action $X86_64 "$n" "$@")"
	fi
}

profile() {
	printf '%s\n' "$@" > "$TMP/p.profile"
}

if [ ! -x "$BPFEVAL" ]; then
	skip all "tests/out/bpfeval was not built"
	return 0 2>/dev/null || exit 0
fi

# The built-in default is bare "seccomp".
expect default-mount $EPERM x86_64 mount
expect default-getpid $ALLOW x86_64 getpid
expect default-i386-mount $EPERM i386 mount
expect default-ptrace $EPERM x86_64 ptrace

# Precedence: keep over drop over "seccomp LIST" over "seccomp", in any
# order of lines.
profile "seccomp.drop chroot" "seccomp"
expect drop-beats-seccomp-chroot $EPERM x86_64 chroot -p "$TMP/p.profile"
expect drop-beats-seccomp-mount $ALLOW x86_64 mount -p "$TMP/p.profile"
profile "seccomp.keep read,write" "seccomp.drop read"
expect keep-beats-drop $ALLOW x86_64 read -p "$TMP/p.profile"
expect keep-denies-rest $EPERM x86_64 getpid -p "$TMP/p.profile"
expect keep-allows-execve $ALLOW x86_64 execve -p "$TMP/p.profile"
profile "seccomp mount:EACCES" "seccomp"
expect bare-seccomp-keeps-list $EACCES x86_64 mount -p "$TMP/p.profile"

# A repeated command replaces the earlier list.
profile "seccomp.drop mount" "seccomp.drop chroot"
expect repeated-replaces-old $ALLOW x86_64 mount -p "$TMP/p.profile"
expect repeated-replaces-new $EPERM x86_64 chroot -p "$TMP/p.profile"

# Exceptions win over groups, and syscall 0 can be excepted.
expect except-chroot $ALLOW x86_64 chroot --seccomp='!chroot'
expect except-chroot-i386 $ALLOW i386 chroot --seccomp='!chroot'
expect except-read $ALLOW x86_64 read --seccomp.drop='@basic-io,!read'
expect except-read-write $EPERM x86_64 write --seccomp.drop='@basic-io,!read'
expect except-in-keep $EPERM x86_64 write --seccomp.keep='write,!write'

# Errnos: names in any case, numbers, kill; the error action.
expect errno-name $EACCES x86_64 mount --seccomp.drop=mount:eacces
expect errno-number $EACCES x86_64 mount --seccomp.drop=mount:13
expect kill-item $KILL x86_64 mount --seccomp.drop=mount:kill
expect error-action-kill $KILL x86_64 mount --seccomp-error-action=kill \
	--seccomp
expect error-action-log $LOG x86_64 mount --seccomp-error-action=log \
	--seccomp
expect error-action-enosys $ENOSYS x86_64 mount \
	--seccomp-error-action=ENOSYS --seccomp
expect allow-debuggers $ALLOW x86_64 ptrace --allow-debuggers --seccomp

# clone3 gets ENOSYS from the error action, but an explicit errno stays.
expect clone3-enosys $ENOSYS x86_64 clone3 --seccomp.drop=clone3
expect clone3-explicit $EPERM x86_64 clone3 --seccomp.drop=clone3:EPERM

# Numbers are native only: i386 165 is getresuid, x86_64 165 is mount.
expect number-native $EPERM x86_64 mount --seccomp.drop='$165'
expect number-not-i386 $ALLOW i386 getresuid --seccomp.drop='$165'
expect number-plain $EPERM x86_64 mount --seccomp.drop=165
# A lone 0 and 0x hex have one reading; a leading 0 before more digits
# is an error (tests/errors.sh).
expect number-zero $EPERM x86_64 read --seccomp.drop='$0'
expect number-zero-plain $EPERM x86_64 read --seccomp.drop=0
expect number-hex $EPERM x86_64 chroot --seccomp.drop=0xa1
expect number-hex-zero $EPERM x86_64 read --seccomp.drop='$0x0'

# The 32-bit lists change the i386 ABI only.
expect seccomp32-i386 $EPERM i386 getpid --seccomp.32.drop=getpid
expect seccomp32-native $ALLOW x86_64 getpid --seccomp.32.drop=getpid
expect block-secondary $EPERM i386 getpid --seccomp.block-secondary
expect block-secondary-native $EPERM x86_64 mount \
	--seccomp.block-secondary

# Special ranges: x32, bit 31, numbers past the table.
check x32-denied $EPERM "$(action $X86_64 0x40000027 --seccomp.drop=mount)"
check x32-denied-keep $EPERM "$(action $X86_64 0x40000000 \
	--seccomp.keep=read)"
# Under log, x32 runs its calls, so protocol must still check socket
# (x32 41) there.  A kernel booted with syscall.x32=y runs such calls.
LOGPROTO="--seccomp-error-action=log --protocol=unix"
rm -f "$TMP/filter"
"$SECCWRAP" -q $LOGPROTO --dump="$TMP/filter"
check x32-log-protocol-inet "1073741865 0x0005005f" "$("$BPFEVAL" \
	"$TMP/filter" $X86_64 0x40000029 0x40000029 2 1 0)"
check x32-log-protocol-unix "1073741865 $LOG" "$("$BPFEVAL" \
	"$TMP/filter" $X86_64 0x40000029 0x40000029 1 1 0)"
# An n64 task can make o32's socket call (4183).  Under log it would run
# past protocol, so it fails as if absent.  With no argument filter it
# is logged.
out=$("$SECCWRAP" --arch=mips64el $LOGPROTO --explain=4183,n64)
check mips-foreign-log-protocol "socket (o32 4183 called by an n64 task): \
ERRNO(ENOSYS), a call with another mips ABI's number is denied" "$out"
out=$("$SECCWRAP" --arch=mips64el --seccomp-error-action=log \
	--explain=4183,n64)
check mips-foreign-log "socket (o32 4183 called by an n64 task): LOG, a \
call with another mips ABI's number is denied" "$out"
check bit31-allowed $ALLOW "$(action $X86_64 0xffffffff --seccomp)"
check bit31-allowed-keep $ALLOW "$(action $X86_64 0xffffffff \
	--seccomp.keep=read)"
check i386-bit31-allowed $ALLOW "$(action $I386 0x80000000 \
	--seccomp.keep=read)"
check past-table-drop $ALLOW "$(action $X86_64 4000 --seccomp.drop=mount)"
check past-table-keep $ENOSYS "$(action $X86_64 4000 --seccomp.keep=read)"
check other-arch-killed $KILL "$(action 0xc00000b7 1 --seccomp)"

# Profile files: ignore, conditionals, includes.
profile "ignore seccomp" "seccomp" "seccomp.drop chroot"
expect ignore-whole-word $EPERM x86_64 chroot -p "$TMP/p.profile"
expect ignore-hides-seccomp $ALLOW x86_64 mount -p "$TMP/p.profile"
profile "?HAS_X11: seccomp.drop chroot" "seccomp.drop mount"
expect conditional-false $ALLOW x86_64 chroot -p "$TMP/p.profile"
mkdir -p "$TMP/inc"
printf 'seccomp.drop chroot # comment\n' > "$TMP/inc/part.inc"
printf 'include part.inc\ninclude missing.local\n' > "$TMP/inc/main.profile"
expect include-beside $EPERM x86_64 chroot -p "$TMP/inc/main.profile"
# firejail looks an include up in ~/.config/firejail, then /etc/firejail,
# then the current folder.  seccwrap looks beside the including file,
# then in /etc/firejail, and never in ~/.config/firejail (README).
mkdir -p "$TMP/home/.config/firejail" "$TMP/inc2" "$TMP/cwd"
printf 'seccomp.drop chroot\n' >"$TMP/home/.config/firejail/user.local"
printf 'seccomp.drop chroot\n' >"$TMP/cwd/user.local"
printf 'include user.local\nrestrict-namespaces\n' >"$TMP/inc2/main.profile"
(HOME=$TMP/home && export HOME && cd "$TMP/cwd" &&
	expect include-not-user-config $ALLOW x86_64 chroot \
	-p "$TMP/inc2/main.profile")
# With a user.local beside the profile too, that one is read, and the
# current folder's is not.
printf 'seccomp.drop mount\n' >"$TMP/inc2/user.local"
(cd "$TMP/cwd" && expect include-beside-read $EPERM x86_64 mount \
	-p "$TMP/inc2/main.profile")
(cd "$TMP/cwd" && expect include-cwd-not-read $ALLOW x86_64 chroot \
	-p "$TMP/inc2/main.profile")
profile "  seccomp.drop	   mount  # trailing" ""
expect blanks-and-comments $EPERM x86_64 mount -p "$TMP/p.profile"

# A duplicate with another action warns and the later one wins.
profile "seccomp.drop mount,mount:EACCES"
expect duplicate-later-wins $EACCES x86_64 mount -p "$TMP/p.profile"
"$SECCWRAP" -p "$TMP/p.profile" --check 2>"$TMP/err"
if grep -q "warning: $TMP/p.profile:1: 'mount:EACCES'\|warning: .*mount" \
	"$TMP/err"; then
	pass duplicate-warns
else
	fail duplicate-warns "no warning on stderr: $(cat "$TMP/err")"
fi

# A group exception that takes the place of a named item warns too,
# wherever it is in the list.
"$SECCWRAP" '--seccomp=mount:EIO,!@mount' --check 2>"$TMP/err"
check group-exception-warns "seccwrap: warning: --seccomp: 'mount' given \
again through !@mount with another action (first at --seccomp); the \
exception wins" "$(cat "$TMP/err")"
"$SECCWRAP" '--seccomp.keep=read,!@file-system,openat' --check 2>"$TMP/err"
check group-exception-keep-warns "seccwrap: warning: --seccomp.keep: \
'openat' given again through !@file-system with another action (first at \
--seccomp.keep); the exception wins" "$(cat "$TMP/err")"

# execve must stay allowed: such a profile is rejected, exit 125.
profile "seccomp.drop execve"
"$SECCWRAP" -p "$TMP/p.profile" -- /bin/true 2>"$TMP/err"
check execve-denied-status 125 $?
if grep -q "p.profile:1: this denies 'execve', but seccwrap starts" \
	"$TMP/err"; then
	pass execve-denied-message
else
	fail execve-denied-message "got: $(cat "$TMP/err")"
fi

# execveat is not seccwrap's: denying it is honoured, and the command
# runs (tests/live.sh checks the call itself).
profile "seccomp.drop execveat" "seccomp.32.keep write,!execveat"
out=$("$SECCWRAP" -p "$TMP/p.profile" -- /bin/echo ran 2>"$TMP/err")
check execveat-denied-runs "ran" "$out"
expect execveat-denied-keep32 $EPERM i386 execveat -p "$TMP/p.profile"

# A profile without seccomp commands installs no filter, with a note.
profile "private-tmp" "caps.drop all"
out=$("$SECCWRAP" -p "$TMP/p.profile" -- /bin/echo ran 2>"$TMP/err")
check no-seccomp-runs ran "$out"
if grep -q "no command that builds a filter" "$TMP/err"; then
	pass no-seccomp-note
else
	fail no-seccomp-note "got: $(cat "$TMP/err")"
fi
out=$("$SECCWRAP" -q -p "$TMP/p.profile" -- /bin/true 2>&1)
check no-seccomp-quiet "" "$out"
# A profile that only tunes a filter builds none either.
printf 'seccomp-error-action kill\nallow-debuggers\n' >"$TMP/tune.profile"
"$SECCWRAP" -p "$TMP/tune.profile" --check 2>"$TMP/tune.err"
check no-seccomp-tuning-only "0 seccwrap: $TMP/tune.profile: the profile \
has no command that builds a filter; seccwrap would add no filter" \
	"$? $(cat "$TMP/tune.err")"
# The note names the profile, or with several, speaks of all of them.
check no-seccomp-names-file "seccwrap: $TMP/p.profile: the profile has no \
command that builds a filter; adding no filter" "$(cat "$TMP/err")"
out=$("$SECCWRAP" -p "$TMP/p.profile" -p "$TMP/p.profile" --print 2>&1)
check no-seccomp-two-print "125 seccwrap: no profile has a command that \
builds a filter, so there is no filter" "$? $out"

# -v names the firejail commands it skipped.
"$SECCWRAP" -v -p "$TMP/p.profile" --check 2>"$TMP/err"
if grep -q "skipped 'private-tmp'" "$TMP/err"; then
	pass verbose-lists-skipped
else
	fail verbose-lists-skipped "got: $(cat "$TMP/err")"
fi

# The argument filters leave allowed calls cacheable and add argument
# checks only where asked; their decision with arguments is in live.sh.
expect protocol-socketcall $ENOSYS i386 socketcall --protocol=unix
expect protocol-io-uring $ENOSYS x86_64 io_uring_setup --protocol=unix
expect namespaces-clone3 $ENOSYS x86_64 clone3 --restrict-namespaces
expect mdwx-memfd $EPERM x86_64 memfd_create --memory-deny-write-execute
expect mdwx-old-mmap $EPERM i386 mmap --memory-deny-write-execute

# --explain: the action from the filter and the line that decided it.
profile "# comment" "seccomp"
out=$("$SECCWRAP" -p "$TMP/p.profile" --explain=chroot)
check explain-group-chain "chroot (x86_64 161): ERRNO(EPERM), from \
$TMP/p.profile:2 'seccomp @default-nodebuggers' via @default -> @mount" "$out"
# A file name with an escape in it is quoted as the messages quote it.
esc_name=$TMP/$(printf 'e\033[2J').profile
cp "$TMP/p.profile" "$esc_name"
out=$("$SECCWRAP" -p "$esc_name" --explain=chroot)
check explain-escaped-file "chroot (x86_64 161): ERRNO(EPERM), from \
$TMP/e\\x1b[2J.profile:2 'seccomp @default-nodebuggers' via @default -> @mount" "$out"
out=$("$SECCWRAP" -p "$TMP/p.profile" --explain=165,i386)
check explain-i386-number "getresuid (i386 165): ALLOW, no list in effect names it" \
	"$out"
out=$("$SECCWRAP" --seccomp.keep=read --explain=getpid)
check explain-keep-unlisted "getpid (x86_64 39): ERRNO(EPERM), from \
--seccomp.keep 'seccomp.keep', not in the list" "$out"
out=$("$SECCWRAP" --seccomp.drop=mount:EACCES --explain=mount)
check explain-errno-item "mount (x86_64 165): ERRNO(EACCES), from \
--seccomp.drop 'seccomp.drop mount:EACCES'" "$out"
# The list's errno is what is left when no kill rule matches.
out=$("$SECCWRAP" --seccomp.drop=unshare:EIO --restrict-namespaces=net \
	--seccomp-error-action=kill --explain=unshare)
check explain-kill-over-errno "unshare (x86_64 272): depends on the arguments
  if arg0 & 0x40000000: KILL_PROCESS, from --restrict-namespaces \
'restrict-namespaces'
  otherwise: ERRNO(EIO), from --seccomp.drop 'seccomp.drop unshare:EIO'" "$out"
out=$("$SECCWRAP" --seccomp --explain=read,x32)
check explain-x32 "read (x32 0x40000000): ERRNO(EPERM), the x32 ABI is \
denied as a whole" "$out"
out=$("$SECCWRAP" --memory-deny-write-execute --explain=mprotect)
check explain-arguments "mprotect (x86_64 10): depends on the arguments
  if arg2 & 0x4: ERRNO(EPERM), from --memory-deny-write-execute \
'memory-deny-write-execute'
  otherwise: ALLOW" "$out"
"$SECCWRAP" --explain=vm86 2>"$TMP/err"
check explain-absent-status 125 $?
check explain-absent-message \
	"seccwrap: --explain: 'vm86' is not a syscall on x86_64; for that of \
i386, use --explain=vm86,i386" "$(cat "$TMP/err")"
"$SECCWRAP" --explain=set_tls 2>"$TMP/err"
check explain-absent-everywhere \
	"seccwrap: --explain: 'set_tls' is not a syscall on x86_64" \
	"$(cat "$TMP/err")"

# Numbers in a seccomp.32 list are numbers of the 32-bit ABI.
expect number-32-list $EPERM i386 getpid --seccomp.32.drop=20
expect number-32-list-native $ALLOW x86_64 writev --seccomp.32.drop=20

# A group after a named item with its own action overrides it, and warns.
"$SECCWRAP" --seccomp.drop=mount:EXDEV,@mount --check 2>"$TMP/err"
check group-override-warns "seccwrap: warning: --seccomp.drop: 'mount' \
given again through @mount with another action (first at --seccomp.drop); \
the group wins" "$(cat "$TMP/err")"

# A number past the native table named twice with two actions warns too.
"$SECCWRAP" --seccomp.drop=999:EIO,999:EBUSY --check 2>"$TMP/err"
check number-past-table-warns "seccwrap: warning: --seccomp.drop: '999' \
given again with another action (first at --seccomp.drop); the later one \
wins" "$(cat "$TMP/err")"
"$SECCWRAP" --seccomp.drop=999:EIO,999:EIO,998 --check 2>"$TMP/err"
check number-past-table-same-quiet "" "$(cat "$TMP/err")"

# --arch compiles for another architecture: names resolve in its tables.
out=$("$SECCWRAP" --arch=aarch64 --explain=mount)
check arch-aarch64-mount "mount (aarch64 40): ERRNO(EPERM), from built-in \
default 'seccomp @default-nodebuggers' via @default -> @mount" "$out"
out=$("$SECCWRAP" --arch=aarch64 --explain=mount,arm)
check arch-arm-compat-mount "mount (arm 21): ERRNO(EPERM), from built-in \
default 'seccomp @default-nodebuggers' via @default -> @mount" "$out"
out=$("$SECCWRAP" --arch=arm --seccomp.keep=set_tls --explain=set_tls |
	cut -d, -f1)
check arch-arm-private-call "set_tls (arm 0x000f0005): ALLOW" "$out"
# --debug-syscalls=ABI lists any ABI, such as mips64's second 32-bit
# one, with numbers as the filter reads them.
"$SECCWRAP" --arch=mips64 --debug-syscalls=n32 >"$TMP/n32"
check arch-debug-syscalls-n32 "$(printf '6000\t- read')" "$(head -n 1 "$TMP/n32")"
check arch-debug-syscalls-n32-rows 1 "$(awk '$1 >= 6000 && $1 < 7000 {
	n++ } END { print (n == NR && n > 300) }' "$TMP/n32")"
check debug-syscalls-x32 "$(printf '1073741824\t- read')" \
	"$("$SECCWRAP" --debug-syscalls=x32 | head -n 1)"
check debug-syscalls-native-named "$("$SECCWRAP" --debug-syscalls | cksum)" \
	"$("$SECCWRAP" --debug-syscalls=x86_64 | cksum)"
# A riscv64 kernel shows the calls of rv32 programs as riscv64 calls, so
# the rv32 time64 twins at 403..423 are denied beside their calls.
out=$("$SECCWRAP" --arch=riscv64 --explain=404)
check arch-riscv64-rv32-twin "clock_settime64 (riscv64 404): ERRNO(EPERM), \
from built-in default 'seccomp @default-nodebuggers' via @default -> @clock" \
	"$out"
out=$("$SECCWRAP" --arch=riscv64 --explain=clock_adjtime64 | cut -d: -f1)
check arch-riscv64-rv32-adjtime "clock_adjtime64 (riscv64 405)" "$out"
out=$("$SECCWRAP" --arch=s390x --restrict-namespaces --explain=clone |
	sed -n 2p | cut -d: -f1)
check arch-s390x-clone-arg1 "  if arg1 & 0x7e020000" "$out"
# Numbers carry the ABI's base: mips n64 execve is 5057, which must stay
# allowed, so denying it is rejected.
"$SECCWRAP" --arch=mips64 --seccomp.drop='$5057' --check 2>"$TMP/err"
check arch-mips-number-base "seccwrap: --seccomp.drop: this denies \
'execve', but seccwrap starts the command with execve after installing \
the filter" "$(cat "$TMP/err")"
"$SECCWRAP" --arch=bogus --check 2>/dev/null
check arch-unknown-status 125 $?
"$SECCWRAP" --arch=aarch64 -- /bin/true 2>/dev/null
check arch-foreign-run-refused 125 $?
# --dump writes in the byte order of the kernel that will load the filter.
# The first instruction of every program is "ld [arch]": code 0x0020,
# k 4.
for a in x86_64 i386 aarch64 arm riscv64 ppc64le mipsel mips64el sh \
	ppc64 ppc s390x s390 mips mips64 parisc parisc64 m68k sheb; do
	case $a in
	ppc64 | ppc | s390x | s390 | mips | mips64 | parisc | parisc64 | m68k | sheb)
		want="00 20 00 00 00 00 00 04" ;;
	*)
		want="20 00 00 00 04 00 00 00" ;;
	esac
	rm -f "$TMP/arch.bpf"
	"$SECCWRAP" --arch="$a" --dump="$TMP/arch.bpf" 2>"$TMP/err"
	check "arch-$a-dump-byte-order" "$want" \
		"$(od -An -tx1 -N8 "$TMP/arch.bpf" 2>&1 | sed 's/^ *//')"
done

# Groups hold the other numbers of their members' calls: the 64-bit time
# twins, arm's names and the later versions with more flags.
# group_call ARCH drop|keep GROUP SYSCALL[,ABI] ACTION: --explain gives
# ACTION to SYSCALL under "--seccomp.drop=GROUP" or "--seccomp.keep=GROUP".
group_call() {
	out=$("$SECCWRAP" --arch="$1" --seccomp."$2"="$3" --explain="$4" |
		sed 's/^[^:]*: \([^,]*\),.*/\1/')
	check "group-call-$1-${4%,*}" "$5" "$out"
}
group_call x86_64 drop @io-event epoll_pwait2 'ERRNO(EPERM)'
group_call x86_64 keep @file-system fchmodat2 ALLOW
group_call i386 drop @timer timer_settime64,i386 'ERRNO(EPERM)'
group_call i386 keep @ipc semtimedop_time64,i386 ALLOW
group_call arm keep @system-service arm_fadvise64_64 ALLOW
group_call arm drop @sync arm_sync_file_range 'ERRNO(EPERM)'
# ... and the newer calls that do what a member does: the new mount API
# beside mount, setpriority beside nice, file_setattr in @file-system.
for call in fsopen fsconfig fsmount fspick move_mount open_tree \
	open_tree_attr mount_setattr; do
	group_call x86_64 drop @privileged "$call" 'ERRNO(EPERM)'
done
group_call i386 drop @privileged umount,i386 'ERRNO(EPERM)'
group_call x86_64 drop @mount open_tree_attr 'ERRNO(EPERM)'
group_call x86_64 drop @resources setpriority 'ERRNO(EPERM)'
group_call x86_64 drop @file-system file_setattr 'ERRNO(EPERM)'
group_call x86_64 keep @file-system getxattrat ALLOW

# An unknown ABI in --explain is named with the ABIs to choose from.
"$SECCWRAP" --arch=mips64el --explain=mount,arm 2>"$TMP/err"
check explain-unknown-abi-status 125 "$?"
check explain-unknown-abi-message "seccwrap: --explain: unknown ABI 'arm' \
for mips64el; use one of: n64, o32, n32" "$(cat "$TMP/err")"

# --dump=- writes the same bytes to standard output, and no file '-'.
(cd "$TMP" && "$SECCWRAP" --arch=s390x --seccomp.drop=mount --dump=- \
	>"$TMP/stdout.bpf" 2>"$TMP/err")
check dump-stdout-status 0 $?
"$SECCWRAP" --arch=s390x --seccomp.drop=mount --dump="$TMP/file.bpf" \
	2>"$TMP/err"
if cmp -s "$TMP/stdout.bpf" "$TMP/file.bpf" && [ -s "$TMP/file.bpf" ]; then
	pass dump-stdout-bytes
else
	fail dump-stdout-bytes "--dump=- and --dump=FILE differ or are empty"
fi
if [ -e "$TMP/-" ]; then
	fail dump-stdout-no-file "--dump=- created a file named '-'"
else
	pass dump-stdout-no-file
fi

# A number is the one in seccomp_data.nr, with the ABI's base, in
# --explain as in the lists.  In a list, one outside its ABI's span can
# never match, so it is an error.  --explain prints the decision for any
# number.
out=$("$SECCWRAP" --arch=mips64el --seccomp.drop=5100 --explain=5100,n64)
check arch-mips-explain-number "getuid (n64 5100): ERRNO(EPERM), from \
--seccomp.drop 'seccomp.drop 5100'" "$out"
out=$("$SECCWRAP" --arch=mips64el --explain=100,n64 | cut -d: -f1)
check arch-mips-explain-below-base "unknown (n64 100)" "$out"
"$SECCWRAP" --explain=39,x32 2>"$TMP/err"
check explain-x86_64-number-on-x32 "seccwrap: --explain: '39' is not a \
number of x32 but of x86_64" "$(cat "$TMP/err")"
"$SECCWRAP" --explain=0x40000027,x86_64 2>"$TMP/err"
check explain-x32-number-on-x86_64 "seccwrap: --explain: '0x40000027' is \
not a number of x86_64 but of x32" "$(cat "$TMP/err")"
out=$("$SECCWRAP" --explain=0x40000027 | cut -d: -f1)
check explain-x32-number "getpid (x32 0x40000027)" "$out"
"$SECCWRAP" --arch=mips64el --seccomp.drop=100 --check 2>"$TMP/err"
check arch-mips-list-below-base-status 125 $?
check arch-mips-list-below-base "seccwrap: --seccomp.drop: syscall number \
'100' is not one of n64, whose numbers are 5000-5999" "$(cat "$TMP/err")"
"$SECCWRAP" --arch=mips64el --seccomp.drop=6057 --check 2>"$TMP/err"
check arch-mips-list-above-span "seccwrap: --seccomp.drop: syscall number \
'6057' is not one of n64, whose numbers are 5000-5999" "$(cat "$TMP/err")"
out=$("$SECCWRAP" --arch=mips64el --explain=4011 | cut -d: -f1)
check arch-mips-explain-o32-number "execve (o32 4011)" "$out"
out=$("$SECCWRAP" --arch=mips64el --explain=6057 | cut -d: -f1)
check arch-mips-explain-n32-number "execve (n32 6057)" "$out"
"$SECCWRAP" --arch=mips64el --seccomp.32.drop=4100 --check 2>"$TMP/err"
check arch-mips-32-list-number "0 " "$? $(cat "$TMP/err")"

# A mips64 kernel picks the table by the number alone, so an n64 task
# runs o32's mount as 4021.  Like x32 calls on x86_64, such calls get the
# error action, whatever the lists contain, in each arch's part of the
# filter.
for case in "mips64el 4021,n64 mount (o32 4021 called by an n64 task)" \
	"mips64el 6160,n64 mount (n32 6160 called by an n64 task)" \
	"mips64el 5160,o32 mount (n64 5160 called by an o32 task)" \
	"mips64el 4021,n32 mount (o32 4021 called by an n32 task)" \
	"mips64 5160,n32 mount (n64 5160 called by an n32 task)" \
	"mips64el 4999,n64 unknown (o32 4999 called by an n64 task)" \
	"mips64el 6999,o32 unknown (n32 6999 called by an o32 task)"; do
	set -- $case
	out=$("$SECCWRAP" --arch="$1" --seccomp --explain="$2")
	name=arch-mips-cross-abi-$1-$2
	shift 2
	check "$name" "$*: ERRNO(EPERM), a call with another mips ABI's \
number is denied" "$out"
done
# Even the calls that a keep list keeps: a task of n64 reaches o32's
# calls through o32's syscall(4000) too, with arguments that the filter
# reads one place off.
out=$("$SECCWRAP" --arch=mips64el --seccomp.keep=read,execve \
	--explain=4003,n64 | cut -d, -f1)
check arch-mips-cross-abi-keep "read (o32 4003 called by an n64 task): \
ERRNO(EPERM)" "$out"
out=$("$SECCWRAP" --arch=mips64el --seccomp-error-action=kill \
	--explain=4003,n64 | cut -d, -f1)
check arch-mips-cross-abi-kill "read (o32 4003 called by an n64 task): \
KILL_PROCESS" "$out"
# Numbers in no mips ABI's span (7000 and up) are as unknown as those
# past the task's own table.
out=$("$SECCWRAP" --arch=mips64el --seccomp.keep=read,execve \
	--explain=7000,n64 | cut -d, -f1)
check arch-mips-past-spans "unknown (n64 7000): ERRNO(ENOSYS)" "$out"
out=$("$SECCWRAP" --arch=mips64el --seccomp --explain=7000,o32 | cut -d, -f1)
check arch-mips-past-spans-o32 "unknown (o32 7000): ALLOW" "$out"
# o32's numbers are 4000-4999 on a 32-bit mips kernel too.
for a in mips mipsel; do
	"$SECCWRAP" --arch=$a --seccomp.drop=5160 --check 2>"$TMP/err"
	check "arch-$a-list-above-span" "125 seccwrap: --seccomp.drop: syscall \
number '5160' is not one of o32, whose numbers are 4000-4999" \
		"$? $(cat "$TMP/err")"
done
# A 32-bit mips kernel has o32 alone: other numbers are unknown there.
out=$("$SECCWRAP" --arch=mipsel --seccomp --explain=5160 | cut -d, -f1)
check arch-mipsel-no-n64 "unknown (o32 5160): ALLOW" "$out"
# --print names the calls of the other ABIs in each arch's part.
out=$("$SECCWRAP" --arch=mips64el --seccomp --print |
	awk '$2 == "jge" && $3 == "4000" { print $NF; exit }')
check arch-mips-print-names syscall "$out"

# s390's 31-bit table stops at Linux 6.1, and its later calls have their
# s390x numbers, so a list reaches them on both ABIs.
out=$("$SECCWRAP" --arch=s390x --seccomp.drop=fchmodat2 \
	--explain=fchmodat2,s390)
check arch-s390-late-call "fchmodat2 (s390 452): ERRNO(EPERM), from \
--seccomp.drop 'seccomp.drop fchmodat2'" "$out"

# s390's mmap2, like its mmap, reads its arguments from memory.  As a
# secondary ABI under memory-deny-write-execute it loses both; as the
# native one both stay allowed, with a warning.
out=$("$SECCWRAP" --arch=s390x --memory-deny-write-execute \
	--explain=mmap2,s390 2>/dev/null)
check arch-s390-mmap2-denied "mmap2 (s390 192): ERRNO(EPERM), from \
--memory-deny-write-execute 'memory-deny-write-execute'" "$out"
out=$("$SECCWRAP" --arch=s390 --memory-deny-write-execute \
	--explain=mmap2 2>"$TMP/err")
check arch-s390-native-mmap2 "mmap2 (s390 192): ALLOW, from \
--memory-deny-write-execute 'memory-deny-write-execute'" "$out"
check arch-s390-native-warns "seccwrap: warning: \
--memory-deny-write-execute: memory-deny-write-execute cannot check the \
arguments of mmap and mmap2 on s390, which are in memory" "$(cat "$TMP/err")"

# --explain names the line that leaves s390x's mmap unchecked, unless a
# list names the call.
out=$("$SECCWRAP" --arch=s390x --memory-deny-write-execute \
	--explain=mmap 2>/dev/null)
check arch-s390x-mmap-unchecked "mmap (s390x 90): ALLOW, from \
--memory-deny-write-execute 'memory-deny-write-execute'" "$out"
out=$("$SECCWRAP" --arch=s390x --seccomp.keep=mmap,read \
	--memory-deny-write-execute --explain=mmap 2>/dev/null)
check arch-s390x-mmap-kept "mmap (s390x 90): ALLOW, from --seccomp.keep \
'seccomp.keep mmap'" "$out"

# A name that another arch has but no ABI of this one is a warning:
# profiles are shared between arches.  One that i386 alone has is not.
"$SECCWRAP" --arch=riscv64 --seccomp.drop=open,mount --check 2>"$TMP/err"
check arch-foreign-name-status 0 $?
check arch-foreign-name-warns "seccwrap: warning: --seccomp.drop: 'open' \
is not a syscall on riscv64; the item matches nothing" "$(cat "$TMP/err")"
"$SECCWRAP" --seccomp.drop=vm86 --check 2>"$TMP/err"
check arch-secondary-name-quiet "0 " "$? $(cat "$TMP/err")"
# A seccomp.32 list applies to the 32-bit ABI alone, so a name that only
# the native ABI has matches nothing there, and the warning names the
# 32-bit ABI.  A name of both passes quietly.
"$SECCWRAP" --seccomp.32.drop=newfstatat,mount --check 2>"$TMP/err"
check arch-32-list-native-name "0 seccwrap: warning: --seccomp.32.drop: \
'newfstatat' is not a syscall on i386; the item matches nothing" \
	"$? $(cat "$TMP/err")"
"$SECCWRAP" --arch=aarch64 --seccomp.32=riscv_flush_icache --check \
	2>"$TMP/err"
check arch-32-list-foreign-name "0 seccwrap: warning: --seccomp.32: \
'riscv_flush_icache' is not a syscall on arm; the item matches nothing" \
	"$? $(cat "$TMP/err")"

# The kernel runs uretprobe and uprobe past seccomp, and --explain
# notes it.
out=$("$SECCWRAP" --seccomp.drop=uprobe:EXDEV --explain=uprobe | sed -n 2p |
	cut -c1-40)
check explain-uprobe-note "note: Linux 6.14 and later run x86_64 ur" "$out"
out=$("$SECCWRAP" --explain=mount | wc -l | tr -d ' ')
check explain-no-note-elsewhere 1 "$out"

# restrict-namespaces whose lines remove every type still denies what
# firejail's filter with an empty mask denies: setns with nstype 0, and
# clone3 with ENOSYS.  clone and unshare stay open.
out=$("$SECCWRAP" --restrict-namespaces=-user --explain=setns 2>"$TMP/err" |
	tr '\n' '|')
check namespaces-empty-setns "setns (x86_64 308): depends on the \
arguments|  if arg1 == 0x0: ERRNO(EPERM), from --restrict-namespaces \
'restrict-namespaces'|  otherwise: ALLOW|" "$out"
check namespaces-empty-warns "seccwrap: warning: --restrict-namespaces: \
'restrict-namespaces' leaves no namespace type to restrict, so it only \
denies setns with nstype 0 and gives clone3 ENOSYS" "$(cat "$TMP/err")"
out=$("$SECCWRAP" --seccomp --restrict-namespaces=-user --explain=clone3 \
	2>/dev/null)
check namespaces-empty-clone3 "clone3 (x86_64 435): ERRNO(ENOSYS), from \
--restrict-namespaces 'restrict-namespaces'" "$out"
out=$("$SECCWRAP" --restrict-namespaces=-user --explain=unshare 2>/dev/null)
check namespaces-empty-unshare "unshare (x86_64 272): ALLOW, no list in \
effect names it" "$out"

# A protocol list that "-unix" empties leaves socket no family.
out=$("$SECCWRAP" --protocol=-unix --explain=socket 2>"$TMP/err" | sed -n 1p)
check protocol-empty-socket "socket (x86_64 41): ERRNO(EOPNOTSUPP), from \
--protocol 'protocol'" "$out"
check protocol-empty-warns "seccwrap: warning: --protocol: 'protocol' \
leaves no socket family, so socket and socketpair fail for every family" \
	"$(cat "$TMP/err")"

# arm's named private calls lie past the table but are known ones.
out=$("$SECCWRAP" --arch=arm --seccomp.keep=read --explain=cacheflush)
check explain-arm-private-known "cacheflush (arm 0x000f0002): ERRNO(EPERM), \
from --seccomp.keep 'seccomp.keep', not in the list" "$out"
# An unnamed number among them (0xf0000) looks absent to a keep list, as
# numbers past the table do, on arm and on aarch64's arm ABI alike.
for a in arm aarch64; do
	out=$("$SECCWRAP" --arch=$a --seccomp.keep=read --explain=0xf0000,arm)
	check "explain-arm-private-unnamed/$a" "unknown (arm 0x000f0000): \
ERRNO(ENOSYS), from --seccomp.keep 'seccomp.keep', not in the list (outside \
seccwrap's syscall table)" "$out"
done

# They are listed after the table, and named rather than numbered.
out=$("$SECCWRAP" --arch=arm --debug-syscalls | tail -n 6 | cut -f2 |
	tr '\n' ' ')
check debug-arm-private "- breakpoint - cacheflush - usr26 - usr32 - \
set_tls - get_tls " "$out"
"$SECCWRAP" --arch=arm --seccomp.keep=0xf0005 --check 2>"$TMP/err"
check arm-private-number "125 seccwrap: --seccomp.keep: syscall number \
'0xf0005' is above 65535: name the call instead" "$? $(cat "$TMP/err")"

# The kernel stores seccomp_data in its own byte order, so a ppc task on
# ppc64le has the low word of an argument first, as ppc64le tasks do.
"$SECCWRAP" --arch=ppc64le --protocol=unix --print >"$TMP/ppcle.print"
check print-ppc-on-ppc64le-words "4 0" \
	"$(grep -c 'args\[0\]\.lo' "$TMP/ppcle.print") \
$(grep -c 'args\[0\]\.hi' "$TMP/ppcle.print")"

# block-secondary's personality rule gives the list's EPERM, where the
# list denies personality already.  The call is then plain EPERM, and no
# test in the search has both branches on one target ("? 14 : 14").
out=$("$SECCWRAP" --seccomp --seccomp.block-secondary --explain=personality)
check personality-rule-merged "personality (x86_64 135): ERRNO(EPERM), \
from --seccomp 'seccomp @default-nodebuggers'" "$out"
check personality-rule-no-dead-test 0 "$("$SECCWRAP" --seccomp \
	--seccomp.block-secondary --print | awk '{ for (i = 1; i < NF; i++)
	if ($i == "?" && $(i + 1) == $(i + 3)) n++ } END { print n + 0 }')"

# --print names a number of another ABI after that ABI, and a task's own
# call alone.  The blocks come in the order n64, o32, n32: 5000 is n64's
# read, 4000 o32's syscall and 6000 n32's read.
"$SECCWRAP" --arch=mips64el --print >"$TMP/mips.print"
check print-other-abi-names "# read # o32 syscall # n32 read # n64 read \
# read # o32 syscall" "$(grep -E 'jge +(4000|5000|6000) ' "$TMP/mips.print" |
	sed 's/.*\(# .*\)/\1/' | tr '\n' ' ' | sed 's/ $//')"

# --print names the call of each argument check: "ld [args[2].lo]  # mmap",
# also where the search reaches a call through a range alone, as i386's
# mprotect (125) on the false branch of "jeq 126".
out=$("$SECCWRAP" --seccomp --memory-deny-write-execute \
	--protocol=unix,inet --print |
	awk '$3 ~ /^\[args/ { printf "%s ", $NF }' | sed 's/ $//')
check print-argument-call-names "mmap mprotect ioctl shmat socket socketpair \
pkey_mprotect ioctl ipc ipc mprotect mmap2 socket socketpair pkey_mprotect \
shmat" "$out"

# The terminal rule: wherever the lists let ioctl run, TIOCSTI and
# TIOCLINUX get the error action, by their values on each arch (mips has
# its own, sh encodes them with _IOW).  A list's own action for ioctl
# applies to every request.
terminal_rule() {
	"$SECCWRAP" "$@" | sed -n 's/^  if arg1 == \(0x[0-9a-f]*\): \([^,]*\),.*/\1 \2/p' |
		tr '\n' ' ' | sed 's/ $//'
}
check terminal-rule-x86_64 "0x5412 ERRNO(EPERM) 0x541c ERRNO(EPERM)" \
	"$(terminal_rule --seccomp --explain=ioctl)"
check terminal-rule-i386 "0x5412 ERRNO(EPERM) 0x541c ERRNO(EPERM)" \
	"$(terminal_rule --seccomp.drop=mount --explain=ioctl,i386)"
check terminal-rule-keep "0x5412 ERRNO(EIO) 0x541c ERRNO(EIO)" \
	"$(terminal_rule --seccomp.keep=ioctl,execve \
	--seccomp-error-action=EIO --explain=ioctl)"
check terminal-rule-mips "0x5472 ERRNO(EPERM) 0x5483 ERRNO(EPERM)" \
	"$(terminal_rule --arch=mips64el --seccomp --explain=ioctl,o32)"
check terminal-rule-sh "0x40015412 ERRNO(EPERM) 0x4001541c ERRNO(EPERM)" \
	"$(terminal_rule --arch=sh --seccomp --explain=ioctl)"
check terminal-rule-ppc "0x5412 ERRNO(EPERM) 0x541c ERRNO(EPERM)" \
	"$(terminal_rule --arch=ppc64 --seccomp --explain=ioctl,ppc)"
check terminal-rule-log "0x5412 LOG 0x541c LOG" \
	"$(terminal_rule --seccomp --seccomp-error-action=log --explain=ioctl)"
check terminal-rule-list-wins "ioctl (x86_64 16): ERRNO(ENOTTY), from \
--seccomp.drop 'seccomp.drop ioctl:ENOTTY'" "$("$SECCWRAP" \
	--seccomp.drop=ioctl:ENOTTY --seccomp-error-action=kill --explain=ioctl)"
check terminal-rule-list-denies "ioctl (x86_64 16): ERRNO(EPERM), from \
--seccomp.keep 'seccomp.keep', not in the list" "$("$SECCWRAP" \
	--seccomp.keep=read,execve --explain=ioctl)"
# The kernel truncates the request to 32 bits, so the rule tests the low
# word only: a high word set must not slip past it.
# bpfeval prints the number and the action: 0x50001 is ERRNO(EPERM).
"$SECCWRAP" --seccomp --dump="$TMP/terminal.bpf"
check terminal-rule-high-word "16 0x00050001" "$("$TESTS/out/bpfeval" \
	"$TMP/terminal.bpf" x86_64 16 16 0 0x100005412 2>&1)"
check terminal-rule-other-request "16 0x7fff0000" "$("$TESTS/out/bpfeval" \
	"$TMP/terminal.bpf" x86_64 16 16 0 0x5413 2>&1)"

# A chain of the search can test a middle number and then the highest.
# Then only one call reaches the load after it, though no range ends
# there: shmat (196) on aarch64 and clone (120) on i386.  Every argument
# load gets a name.
for args in "--arch=aarch64 --seccomp --memory-deny-write-execute \
--protocol=unix,inet --restrict-namespaces=user,net" \
	"--arch=i386 --seccomp --restrict-namespaces"; do
	# shellcheck disable=SC2086
	out=$("$SECCWRAP" $args --print | awk '$3 ~ /^\[args/ && $4 != "#"')
	check "print-names-chain/${args%% *}" "" "$out"
done

# Before Linux 5.15 a ppc64le kernel reported its 32-bit tasks as
# AUDIT_ARCH_PPC with the little-endian bit.  README documents that such
# a task is killed, as any unknown arch is.  On later kernels, ppc's
# mount (21) gets the list's EPERM.
"$SECCWRAP" --arch=ppc64le --dump="$TMP/ppcle.bpf"
check ppc-on-old-ppc64le-killed "21 0x80000000 21 0x00050001" \
	"$("$BPFEVAL" "$TMP/ppcle.bpf" 0x40000014 21 21) \
$("$BPFEVAL" "$TMP/ppcle.bpf" 0x14 21 21)"

# --profile FILE takes the next argument, also for the options read
# before the rest (--arch, -v, -q).
printf 'seccomp\n' >"$TMP/two-word.profile"
out=$("$SECCWRAP" --profile "$TMP/two-word.profile" --arch=aarch64 --print |
	sed -n 2p | awk '{ print $3 }')
check profile-two-word-then-arch aarch64 "$out"
