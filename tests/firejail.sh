# Differential tests against firejail 0.9.72 (Debian packages firejail and
# firejail-profiles), and a load test of every file in /etc/firejail.
#
# Part 1 evaluates firejail's filters and seccwrap's --dump of the matching
# profile for every syscall number in RANGES, with tests/out/bpfeval, and
# requires the same decision for each number except the deliberate
# differences that each case lists with its reason.  Firejail installs
# several filters where seccwrap installs one.  The kernel applies the most
# restrictive action of all of them, and the "combine" step here does the
# same.
# The argument filters are compared for a few argument vectors (ARGS),
# the same for every number; tests/args.sh runs them for real.
FJLIB=/usr/lib/x86_64-linux-gnu/firejail
FSECCOMP=$FJLIB/fseccomp
BPFEVAL=$TESTS/out/bpfeval
ERRNO_EPERM=00050001
ERRNO_ENOSYS=00050026
ERRNO_EOPNOTSUPP=0005005f
ALLOW=7fff0000

# Syscall number ranges, as LO:HI: the tables and well beyond, the edge of
# the x32 bit (0x3fffff00-0x400003ff), and numbers with bit 31 set
# (0x80000000-0x800000ff, 0xffffff00-0xffffffff, that is -256 to -1).
RANGES_ALL="0:1023 1073741568:1073742847 2147483648:2147483903 4294967040:4294967295"

if [ ! -x "$FSECCOMP" ] || [ ! -r "$FJLIB/seccomp" ]; then
	fail prerequisites "firejail is not installed; run: apt-get install" \
		"-y firejail firejail-profiles"
	return 0 2>/dev/null || exit 0
fi
if [ ! -x "$BPFEVAL" ]; then
	fail prerequisites "$BPFEVAL was not built (tests/tools/bpfeval.c)"
	return 0 2>/dev/null || exit 0
fi

# Syscall names by number, as seccwrap's tables have them.
"$SECCWRAP" --debug-syscalls | awk '{ print $1, $3 }' >"$TMP/names.x86_64"
"$SECCWRAP" --debug-syscalls32 | awk '{ print $1, $3 }' >"$TMP/names.i386"
for abi in x86_64 i386; do
	if [ "$(wc -l <"$TMP/names.$abi")" -lt 300 ]; then
		fail "prerequisites/$abi-table" "the syscall table printed by" \
			"seccwrap has fewer than 300 names"
	fi
done

# evaluate FILE ARCH OUT: write "NR ACTION" for every number in RANGES,
# with the syscall arguments in ARGS (blank-separated, missing ones 0).
evaluate() {
	: >"$3"
	for _ev_range in $RANGES; do
		# shellcheck disable=SC2086
		"$BPFEVAL" "$1" "$2" "${_ev_range%:*}" "${_ev_range#*:}" \
			$ARGS >>"$3" || return 1
	done
}

# combine OUT FILE...: evaluate several filters as the kernel stacks them
# and write the most restrictive action per number to OUT.  The kernel
# compares actions as signed 32-bit numbers (KILL_PROCESS, 0x80000000, is
# the lowest); on equal actions this keeps the first file's data.
combine() {
	_out=$1
	shift
	_i=0
	_files=
	for _f in "$@"; do
		_i=$((_i + 1))
		evaluate "$_f" "$ARCH" "$TMP/combine.$_i" || return 1
		_files="$_files $TMP/combine.$_i"
	done
	# shellcheck disable=SC2086
	paste -d ' ' $_files | awk '
	function hex(s,   i, v) {
		s = tolower(s)
		sub(/^0x/, "", s)
		v = 0
		for (i = 1; i <= length(s); i++)
			v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v
	}
	function rank(s,   v) {
		v = hex(s)
		v -= v % 65536
		return v >= 2147483648 ? v - 4294967296 : v
	}
	{
		best = $2
		for (i = 3; i <= NF; i += 2) {
			if ($i != $1) {
				print "misaligned output at " $1 > "/dev/stderr"
				exit 1
			}
			if (rank($(i + 1)) < rank(best))
				best = $(i + 1)
		}
		print $1, best
	}' >"$_out"
}

# compare CASE PROFILE-TEXT FIREJAIL-FILTER...
#   Dump seccwrap's filter for PROFILE-TEXT and compare its decision for
#   ARCH (x86_64 or i386), every number in RANGES and the arguments ARGS
#   with the combined firejail filters.  RULES lists the deliberate
#   differences, one a line:
#     SELECTOR FIREJAIL-ACTION SECCWRAP-ACTION REASON
#   SELECTOR is a syscall name, "nr:N" (number N, decimal), "bit31"
#   (numbers with bit 31 set),
#   "beyond" (above the highest number in seccwrap's table for ARCH,
#   below the x32 bit on x86_64 or bit 31 on i386) or "all".  The first
#   rule that matches a number and its firejail action gives seccwrap's
#   expected action.  Every rule must apply at least once, so a documented
#   difference cannot vanish unnoticed.
compare() {
	_case=$1
	printf '%s\n' "$2" >"$TMP/$_case.profile"
	shift 2
	rm -f "$TMP/$_case.bpf"
	if ! "$SECCWRAP" -q -p "$TMP/$_case.profile" --dump="$TMP/$_case.bpf" \
		</dev/null >/dev/null 2>"$TMP/dump.err" ||
		[ ! -s "$TMP/$_case.bpf" ]; then
		fail "$_case" "seccwrap --dump failed:" \
			"$(head -c 300 "$TMP/dump.err")"
		return
	fi
	for _f in "$@"; do
		if [ ! -s "$_f" ]; then
			fail "$_case" "firejail filter $_f is missing or empty"
			return
		fi
	done
	if ! combine "$TMP/fj.out" "$@" ||
		! evaluate "$TMP/$_case.bpf" "$ARCH" "$TMP/sw.out"; then
		fail "$_case" "bpfeval failed"
		return
	fi
	printf '%s\n' "$RULES" | sed '/^[[:space:]]*$/d' >"$TMP/rules"
	paste -d ' ' "$TMP/fj.out" "$TMP/sw.out" | awk -v arch="$ARCH" \
		-v names="$TMP/names.$ARCH" -v rules="$TMP/rules" '
	function norm(s) {
		s = tolower(s)
		sub(/^0x/, "", s)
		while (length(s) < 8)
			s = "0" s
		return s
	}
	function num(s) {
		if (s !~ /^0x/)
			return s + 0
		s = tolower(substr(s, 3))
		v = 0
		for (j = 1; j <= length(s); j++)
			v = v * 16 + index("0123456789abcdef", substr(s, j, 1)) - 1
		return v
	}
	function selects(sel, n) {
		if (sel == "all")
			return 1
		if (sel == "bit31")
			return n >= 2147483648
		if (sel ~ /^nr:/)
			return n == substr(sel, 4) + 0
		if (sel == "beyond")
			return n > max && n < (arch == "x86_64" ? 1073741824 : 2147483648)
		return (n in name) && name[n] == sel
	}
	BEGIN {
		max = 0
		while ((getline line < names) > 0) {
			if (split(line, f, " ") != 2 || f[1] !~ /^[0-9]+$/)
				continue
			name[f[1] + 0] = f[2]
			if (f[1] + 0 > max)
				max = f[1] + 0
		}
		nrules = 0
		while ((getline line < rules) > 0) {
			split(line, f, " ")
			nrules++
			sel[nrules] = f[1]
			rfj[nrules] = norm(f[2])
			rsw[nrules] = norm(f[3])
			used[nrules] = 0
		}
	}
	{
		if ($1 != $3) {
			print "MISALIGNED " $1 " " $3
			exit 1
		}
		n = num($1)
		fj = norm($2)
		sw = norm($4)
		want = fj
		for (r = 1; r <= nrules; r++)
			if (rfj[r] == fj && selects(sel[r], n)) {
				want = rsw[r]
				used[r]++
				break
			}
		total++
		if (sw != want) {
			bad++
			if (bad <= 8)
				printf "%s (%s): firejail %s, seccwrap %s, expected %s; ",
					$1, (n in name) ? name[n] : "no name", fj, sw, want
		}
	}
	END {
		for (r = 1; r <= nrules; r++)
			if (!used[r])
				printf "documented difference %s %s->%s never seen; ",
					sel[r], rfj[r], rsw[r]
		if (bad > 8)
			printf "%d more; ", bad - 8
		if (total == 0)
			printf "no numbers compared; "
	}' >"$TMP/compare.out"
	if [ -s "$TMP/compare.out" ]; then
		fail "$_case" "$(cat "$TMP/compare.out")"
	else
		pass "$_case"
	fi
}

# fseccomp_build OUT ARGS...: run firejail's filter builder; it writes
# its list summary on stdout.
fseccomp_build() {
	_out=$1
	shift
	rm -f "$_out"
	"$FSECCOMP" "$@" >/dev/null 2>"$TMP/fseccomp.err" ||
		echo "fseccomp $* failed: $(cat "$TMP/fseccomp.err")" >&2
}

# The deliberate differences every x86_64 case shares: firejail's x32
# check (nr >= 0x40000000) also catches numbers with bit 31 set, such as
# -1, which tracers use to skip a call.  seccwrap lets them through so the
# kernel returns ENOSYS, as libseccomp does.
BIT31_EPERM="bit31 $ERRNO_EPERM $ALLOW numbers with bit 31 are not x32"
# x32 clone3 (0x40000000 + 435) gets the error action of every x32
# number, as in firejail: ENOSYS would only send an x32 program to clone,
# which is denied too.
X86_RULES="$BIT31_EPERM"
# @mount contains open_tree_attr beside open_tree and mount_setattr
# beside mount (src/groups.c).  firejail 0.9.72's @mount has neither.
MOUNT_RULES="mount_setattr $ALLOW $ERRNO_EPERM @mount holds mount_setattr, as firejail master's does
open_tree_attr $ALLOW $ERRNO_EPERM @mount holds open_tree's later version"
X86_MOUNT_RULES="$X86_RULES
$MOUNT_RULES"

# --- firejail's shipped filters ------------------------------------------

fseccomp_build "$TMP/fj-kcmp" drop "$TMP/fj-kcmp" "$TMP/fj-kcmp.post" kcmp

ARCH=x86_64
RANGES=$RANGES_ALL
ARGS=
RULES=$X86_MOUNT_RULES
compare shipped-default 'seccomp' "$FJLIB/seccomp"
compare shipped-block-secondary 'seccomp
seccomp.block-secondary' "$FJLIB/seccomp.block_secondary" "$FJLIB/seccomp"
compare shipped-mdwx 'seccomp
memory-deny-write-execute' "$FJLIB/seccomp.mdwx" "$FJLIB/seccomp"
RULES=$X86_RULES
compare shipped-mdwx-alone 'memory-deny-write-execute' "$FJLIB/seccomp.mdwx"
# arg2 = PROT_WRITE|PROT_EXEC: mmap and mprotect denied, shmat allowed;
# arg2 = SHM_EXEC: shmat denied.
ARGS="0 0 6"
compare shipped-mdwx-wx 'memory-deny-write-execute' "$FJLIB/seccomp.mdwx"
ARGS="0 0 0x8000"
compare shipped-mdwx-shm-exec 'memory-deny-write-execute' "$FJLIB/seccomp.mdwx"
# Only the low word counts: the kernel reads prot as an int.
ARGS="0 0 0x100000004"
compare shipped-mdwx-high-word 'memory-deny-write-execute' \
	"$FJLIB/seccomp.mdwx"
# personality(PER_LINUX32) under block-secondary.
ARGS=8
compare shipped-block-secondary-persona 'seccomp.drop kcmp
seccomp.block-secondary' "$FJLIB/seccomp.block_secondary" "$TMP/fj-kcmp"
ARGS=
RULES=$X86_MOUNT_RULES
compare shipped-debug 'seccomp
allow-debuggers' "$FJLIB/seccomp.debug"

# i386: block-secondary denies every i386 number.  Numbers with bit 31 are
# left out: SEMANTICS.md does not say whether the pass-through for them
# or the denial of the whole secondary ABI wins.
ARCH=i386
RANGES="0:1023 1073741568:1073742847"
RULES="clone3 $ERRNO_EPERM $ERRNO_ENOSYS clone3 denied through an errno gets ENOSYS"
compare shipped-block-secondary-i386 'seccomp
seccomp.block-secondary' "$FJLIB/seccomp.block_secondary" "$FJLIB/seccomp"
RULES=
compare shipped-mdwx-i386 'memory-deny-write-execute' "$FJLIB/seccomp.mdwx.32"

# --- filters fseccomp builds from the same lists ---------------------------

ARCH=x86_64
RANGES=$RANGES_ALL

fseccomp_build "$TMP/fj-default" default "$TMP/fj-default"
RULES=$X86_MOUNT_RULES
compare fseccomp-default 'seccomp' "$TMP/fj-default"
fseccomp_build "$TMP/fj-debug" default "$TMP/fj-debug" allow-debuggers
compare fseccomp-default-debuggers 'seccomp
allow-debuggers' "$TMP/fj-debug"
RULES=$X86_RULES

DROP='mount,umount2,chroot,@module,@reboot,kcmp'
fseccomp_build "$TMP/fj-drop" drop "$TMP/fj-drop" "$TMP/fj-drop.post" "$DROP"
compare fseccomp-drop "seccomp.drop $DROP" "$TMP/fj-drop"

DROP_EXCEPT='@mount,!chroot,!umount2'
fseccomp_build "$TMP/fj-except" drop "$TMP/fj-except" "$TMP/fj-except.post" \
	"$DROP_EXCEPT"
RULES=$X86_MOUNT_RULES
compare fseccomp-drop-exceptions "seccomp.drop $DROP_EXCEPT" "$TMP/fj-except"
RULES=$X86_RULES

DROP_ERRNO='mount:EXDEV,chroot:ENOTBLK,ptrace'
fseccomp_build "$TMP/fj-errno" drop "$TMP/fj-errno" "$TMP/fj-errno.post" \
	"$DROP_ERRNO"
compare fseccomp-drop-errno "seccomp.drop $DROP_ERRNO" "$TMP/fj-errno"

# firejail's kill is SECCOMP_RET_KILL_THREAD (0), which leaves the other
# threads of a program running; seccwrap kills the process.
DROP_KILL='mount:kill,ptrace'
fseccomp_build "$TMP/fj-kill" drop "$TMP/fj-kill" "$TMP/fj-kill.post" \
	"$DROP_KILL"
RULES="$X86_RULES
mount 00000000 80000000 kill is KILL_PROCESS"
compare fseccomp-drop-kill "seccomp.drop $DROP_KILL" "$TMP/fj-kill"

# firejail ignores an exception that names a group, so "!@mount" leaves
# @mount denied; seccwrap removes every member.  Only numbers below the
# x32 bit are compared, where firejail denies nothing else.
NEG_GROUP='@mount,!@mount'
fseccomp_build "$TMP/fj-neg" drop "$TMP/fj-neg" "$TMP/fj-neg.post" "$NEG_GROUP"
RANGES="0:1023"
RULES="all $ERRNO_EPERM $ALLOW firejail ignores an exception naming a group"
compare fseccomp-drop-group-exception "seccomp.drop $NEG_GROUP" "$TMP/fj-neg"
RANGES=$RANGES_ALL

# firejail reads a number without "$" as an unknown name and drops it;
# seccwrap reads 165 as "$165", mount.
fseccomp_build "$TMP/fj-bare" drop "$TMP/fj-bare" "$TMP/fj-bare.post" \
	165,chroot
RULES="$X86_RULES
mount $ALLOW $ERRNO_EPERM a number without the dollar sign is a number"
compare fseccomp-drop-bare-number 'seccomp.drop 165,chroot' "$TMP/fj-bare"

# firejail applies the items with their own action before the others, so
# mount:kill wins over a later plain mount.  In seccwrap the later item
# wins, with a warning.
fseccomp_build "$TMP/fj-later" drop "$TMP/fj-later" "$TMP/fj-later.post" \
	mount:kill,mount
RULES="$X86_RULES
mount 00000000 $ERRNO_EPERM the later item naming a call wins"
compare fseccomp-drop-later-item 'seccomp.drop mount:kill,mount' \
	"$TMP/fj-later"

# firejail 0.9.72 drops names its own table lacks (it stops at 440,
# process_madvise), so it leaves them open; seccwrap's tables have them.
DROP_NEW='mount,futex_waitv,set_mempolicy_home_node'
fseccomp_build "$TMP/fj-new" drop "$TMP/fj-new" "$TMP/fj-new.post" "$DROP_NEW"
RULES="$X86_RULES
futex_waitv $ALLOW $ERRNO_EPERM missing from firejail 0.9.72's table
set_mempolicy_home_node $ALLOW $ERRNO_EPERM missing from firejail 0.9.72's table"
compare fseccomp-drop-newer-names "seccomp.drop $DROP_NEW" "$TMP/fj-new"

# Error actions: firejail reads them from its environment.
export FIREJAIL_SECCOMP_ERROR_ACTION=ENOSYS
fseccomp_build "$TMP/fj-enosys" drop "$TMP/fj-enosys" "$TMP/fj-enosys.post" \
	"$DROP"
RULES="bit31 $ERRNO_ENOSYS $ALLOW numbers with bit 31 are not x32"
compare fseccomp-drop-enosys "seccomp.drop $DROP
seccomp-error-action ENOSYS" "$TMP/fj-enosys"
FIREJAIL_SECCOMP_ERROR_ACTION=kill
fseccomp_build "$TMP/fj-killall" drop "$TMP/fj-killall" \
	"$TMP/fj-killall.post" "$DROP"
unset FIREJAIL_SECCOMP_ERROR_ACTION
RULES="bit31 00000000 $ALLOW numbers with bit 31 are not x32
all 00000000 80000000 kill is KILL_PROCESS"
compare fseccomp-drop-kill-action "seccomp.drop $DROP
seccomp-error-action kill" "$TMP/fj-killall"

# seccomp LIST: the default group plus LIST, exceptions first.
DEFAULT_LIST='!chroot,kcmp,mount:EXDEV'
fseccomp_build "$TMP/fj-dlist" default drop "$TMP/fj-dlist" \
	"$TMP/fj-dlist.post" "$DEFAULT_LIST"
RULES=$X86_MOUNT_RULES
compare fseccomp-default-list "seccomp $DEFAULT_LIST" "$TMP/fj-dlist"

# seccomp.keep: the syscalls a static program needs (as in tests/live.sh),
# plus futex_waitv, which firejail 0.9.72 does not know.
KEEP=arch_prctl,brk,set_thread_area,set_tid_address,set_robust_list,rseq
KEEP=$KEEP,prlimit64,ugetrlimit,readlink,getrandom,mmap,mmap2,munmap
KEEP=$KEEP,mprotect,madvise,write,exit,exit_group,futex,rt_sigaction
KEEP=$KEEP,rt_sigprocmask,clone,getpid,futex_waitv
fseccomp_build "$TMP/fj-keep" keep "$TMP/fj-keep" "$TMP/fj-keep.post" "$KEEP"
RULES="$X86_RULES
clone3 $ERRNO_EPERM $ERRNO_ENOSYS clone3 gets ENOSYS so the C library falls back to clone
futex_waitv $ERRNO_EPERM $ALLOW missing from firejail 0.9.72's table
beyond $ERRNO_EPERM $ERRNO_ENOSYS a number newer than the tables must look absent"
compare fseccomp-keep "seccomp.keep $KEEP" "$TMP/fj-keep"

# Argument filters, with all arguments 0: setns(fd, 0) is denied, clone3
# always gets ENOSYS, socket(0, ...) has a domain outside the list.
fseccomp_build "$TMP/fj-mdwx" memory-deny-write-execute "$TMP/fj-mdwx"
RULES=$X86_RULES
compare fseccomp-mdwx 'memory-deny-write-execute' "$TMP/fj-mdwx"

fseccomp_build "$TMP/fj-ns" restrict-namespaces "$TMP/fj-ns" \
	cgroup,ipc,net,mnt,pid,time,user,uts
compare fseccomp-namespaces 'restrict-namespaces' "$TMP/fj-ns"
fseccomp_build "$TMP/fj-nsl" restrict-namespaces "$TMP/fj-nsl" user,net
fseccomp_build "$TMP/fj-nsu" restrict-namespaces "$TMP/fj-nsu" user
compare fseccomp-namespaces-list 'restrict-namespaces user,net' "$TMP/fj-nsl"
# arg0 and arg1 = CLONE_NEWUSER: clone, unshare and setns denied.
ARGS="0x10000000 0x10000000"
compare fseccomp-namespaces-user 'restrict-namespaces' "$TMP/fj-ns"
# CLONE_NEWNET is not in this list.
ARGS="0x40000000 0x40000000"
compare fseccomp-namespaces-list-net 'restrict-namespaces user' \
	"$TMP/fj-nsu"
ARGS=

# protocol: seccwrap also returns ENOSYS for io_uring_setup, because
# io_uring creates sockets with no syscall the filter can see, and checks
# the domain of socketpair as it does that of socket.
fseccomp_build "$TMP/fj-proto" protocol build unix,inet "$TMP/fj-proto"
PROTO_RULES="$X86_RULES
io_uring_setup $ALLOW $ERRNO_ENOSYS io_uring can create sockets unseen"
SOCKETPAIR_RULE="socketpair $ALLOW $ERRNO_EOPNOTSUPP socketpair takes a domain too"
RULES="$PROTO_RULES
$SOCKETPAIR_RULE"
compare fseccomp-protocol 'protocol unix,inet' "$TMP/fj-proto"
for ARGS in 1 2 10 0x100000002; do
	RULES=$PROTO_RULES
	[ "$ARGS" = 10 ] && RULES="$RULES
$SOCKETPAIR_RULE"
	compare "fseccomp-protocol-domain-$ARGS" 'protocol unix,inet' \
		"$TMP/fj-proto"
done
ARGS=

# A protocol list that ends up empty stops firejail, while seccwrap
# denies every family (tests/policy.sh checks that side).
if "$FSECCOMP" protocol build '' "$TMP/fj-proto-empty" >/dev/null 2>&1; then
	fail fseccomp-protocol-empty "fseccomp built a filter for an empty" \
		"protocol list; README says firejail rejects it"
else
	pass fseccomp-protocol-empty
fi

# With only a seccomp.32 list, firejail installs no x86_64 filter, so x32
# calls pass; seccwrap denies every x32 call whatever the lists.
fseccomp_build "$TMP/fj-drop32" drop32 "$TMP/fj-drop32" \
	"$TMP/fj-drop32.post" fchown
RANGES="1073741824:1073742847"
RULES="all $ALLOW $ERRNO_EPERM every x32 call gets the error action"
compare fseccomp-drop32-x32 'seccomp.32.drop fchown' "$TMP/fj-drop32"
RANGES=$RANGES_ALL

# --- i386 --------------------------------------------------------------------

ARCH=i386
RANGES="0:1023 1073741568:1073742847 2147483648:2147483903 4294967040:4294967295"

# firejail keeps a group member only when its build host's x86_64 C
# library defines SYS_<name>, so i386-only names fall out of its i386
# filter.  seccwrap resolves every group in each ABI's own table.
RULES=
for _n in break umount stime stty gtty ftime prof lock mpx ulimit \
	sgetmask ssetmask profil idle vm86old bdflush vm86; do
	RULES="$RULES
$_n $ALLOW $ERRNO_EPERM i386-only name missing from firejail's i386 groups"
done
# The 64-bit time twins of @clock's members set the clock as well.
for _n in clock_settime64 clock_adjtime64; do
	RULES="$RULES
$_n $ALLOW $ERRNO_EPERM @clock holds the time64 twins, as firejail master's groups do"
done
RULES="$RULES
$MOUNT_RULES"
fseccomp_build "$TMP/fj-default32" default32 "$TMP/fj-default32"
compare fseccomp-default-i386 'seccomp' "$TMP/fj-default32"

# firejail's i386 keep filter has no range check, so bit-31 numbers get
# its error action too.
fseccomp_build "$TMP/fj-keep32" keep32 "$TMP/fj-keep32" "$TMP/fj-keep32.post" \
	"$KEEP"
RULES="bit31 $ERRNO_EPERM $ALLOW numbers with bit 31 pass through to the kernel
clone3 $ERRNO_EPERM $ERRNO_ENOSYS clone3 gets ENOSYS so the C library falls back to clone
futex_waitv $ERRNO_EPERM $ALLOW missing from firejail 0.9.72's table
beyond $ERRNO_EPERM $ERRNO_ENOSYS a number newer than the tables must look absent"
compare fseccomp-keep-i386 "seccomp.keep $KEEP" "$TMP/fj-keep32"

RULES=
fseccomp_build "$TMP/fj-mdwx32" memory-deny-write-execute.32 "$TMP/fj-mdwx32"
compare fseccomp-mdwx-i386 'memory-deny-write-execute' "$TMP/fj-mdwx32"
ARGS="0 0 6"
compare fseccomp-mdwx-wx-i386 'memory-deny-write-execute' "$TMP/fj-mdwx32"
ARGS=
fseccomp_build "$TMP/fj-ns32" restrict-namespaces.32 "$TMP/fj-ns32" \
	cgroup,ipc,net,mnt,pid,time,user,uts
compare fseccomp-namespaces-i386 'restrict-namespaces' "$TMP/fj-ns32"
ARGS="0x10000000 0x10000000"
compare fseccomp-namespaces-user-i386 'restrict-namespaces' "$TMP/fj-ns32"
ARGS=

# i386 socketcall would hide the socket domain from the filter.
fseccomp_build "$TMP/fj-proto32" protocol build unix,inet "$TMP/fj-proto32"
RULES="socketcall $ALLOW $ERRNO_ENOSYS socketcall hides the domain
io_uring_setup $ALLOW $ERRNO_ENOSYS io_uring can create sockets unseen
$SOCKETPAIR_RULE"
compare fseccomp-protocol-i386 'protocol unix,inet' "$TMP/fj-proto32"

# --debug-protocols prints what firejail's does, byte for byte.
if [ "$(id -u)" -ne 0 ]; then
	skip debug-protocols-as-firejail "needs root: firejail may refuse others"
elif command -v firejail >/dev/null 2>&1; then
	check debug-protocols-as-firejail \
		"$(firejail --debug-protocols 2>&1 | od -An -c)" \
		"$("$SECCWRAP" --debug-protocols | od -An -c)"
else
	skip debug-protocols-as-firejail "firejail is not installed"
fi

# --- every file in /etc/firejail loads ---------------------------------------

# expected_error FILE: print the start of the error that FILE must give,
# or nothing when it must load.
#  - Files that are not profiles: firejail reads them as its own
#    configuration (*.config) or as netfilter rules (*.net).  Their first
#    line that is not a comment is no profile command ("restricted-network
#    yes", "/bin", "*filter").  login.users holds only comments, so it
#    loads like an empty profile.
#  - electron-hardened.inc.profile includes chrome-common-hardened.inc.profile,
#    which firejail-profiles 0.9.72 does not ship; firejail 0.9.72 fails
#    on it too ("Error: cannot access profile file").
expected_error() {
	case $1 in
	*/electron-hardened.inc.profile)
		echo "seccwrap: $1:10: include file not found"
		;;
	*.config | *.net)
		echo "seccwrap: $1:"
		;;
	esac
}

total=0
loaded=0
rejected=0
bad_files=
for f in /etc/firejail/*; do
	[ -f "$f" ] || continue
	total=$((total + 1))
	"$SECCWRAP" -q -p "$f" -- /bin/true </dev/null >/dev/null \
		2>"$TMP/load.err"
	rc=$?
	"$SECCWRAP" -q --check -p "$f" </dev/null >/dev/null 2>&1
	check_rc=$?
	want=$(expected_error "$f")
	if [ -n "$want" ]; then
		rejected=$((rejected + 1))
		if [ "$rc" -eq 125 ] && [ "$check_rc" -eq 125 ] &&
			awk -v p="$want" 'index($0, p) == 1 { found = 1 }
			END { exit !found }' "$TMP/load.err"; then
			pass "etc/$(basename "$f")/rejected"
		else
			fail "etc/$(basename "$f")/rejected" "expected exit 125" \
				"with '$want...', got $rc (--check" \
				"$check_rc): $(head -c 200 "$TMP/load.err")"
		fi
	elif [ "$rc" -eq 0 ] && [ "$check_rc" -eq 0 ]; then
		loaded=$((loaded + 1))
	else
		bad_files="$bad_files $(basename "$f") (exit $rc, --check"
		bad_files="$bad_files $check_rc: $(head -n 1 "$TMP/load.err"));"
	fi
done
if [ "$total" -lt 1200 ]; then
	fail etc/file-count "only $total files in /etc/firejail; install" \
		"firejail-profiles"
else
	pass etc/file-count
fi
check etc/all-profiles-load "$((total - rejected)) loaded" "$loaded loaded"
if [ -n "$bad_files" ]; then
	fail etc/failures "$(printf '%s' "$bad_files" | head -c 2000)"
fi
