# seccwrap's filters against libseccomp's: for each arch that both
# support, build the same list with seccwrap --dump and with
# libseccomp (tests/unit/scmp_filter.c), run both programs on every
# syscall number of each ABI with bpfeval, and compare the actions.
# The differences that seccwrap makes on purpose (README, "Differences
# from firejail" and the filter rules) are matched exactly; any other is
# a failure.  Sourced by tests/run.sh.
#
# Left out:
# - x32, whose calls seccwrap denies all;
# - arm's private calls past 0xf0000 and the numbers past each ABI's
#   range, where the keep lists differ on purpose (ENOSYS);
# - ppc under ppc64le: libseccomp cannot put a big-endian ABI in a
#   little-endian program;
# - calls from unknown arches: seccwrap kills the process, libseccomp
#   the thread.

SF=$TESTS/out/scmp_filter
BPFEVAL=$TESTS/out/bpfeval
EPERM_ACTION=0x00050001

if [ ! -x "$SF" ]; then
	skip libseccomp "tests/out/scmp_filter was not built: install" \
		"libseccomp-dev"
	return 0
fi

DROP_NAMES="mount umount2 chroot ptrace bpf socket mmap open openat \
execveat kexec_load"
ACTION_NAMES="mount:5 chroot:kill umount2 ptrace:13 bpf"
KEEP_NAMES="read write exit_group exit brk mmap mmap2 munmap close openat \
fstat rt_sigreturn futex"

# compare_abi CASE ARCH MODE TOKEN ABI LO HI: run both programs of CASE
# on the numbers LO..HI of the ABI, and print the differences that are
# not on purpose.  $ORDER is -b for a big-endian arch.
compare_abi() {
	_audit=$(awk -v t="$4" '$1 == "arch" && $2 == t { print $3 }' \
		"$1.sf")
	# shellcheck disable=SC2086
	"$BPFEVAL" $ORDER "$1.seccwrap" "$_audit" "$6" "$7" >"$1.a" \
		2>>"$1.err"
	# shellcheck disable=SC2086
	"$BPFEVAL" $ORDER "$1.scmp" "$_audit" "$6" "$7" >"$1.b" 2>>"$1.err"

	# The numbers libseccomp names on this ABI, and those of the names
	# it does not know, which only seccwrap can deny.
	"$SF" -n "$4" "$6" "$7" >"$1.named"
	: >"$1.unknown"
	for _n in $(awk '$1 == "unknown" { print $2 }' "$1.sf"); do
		"$SECCWRAP" --arch="$2" --seccomp --explain="$_n,$5" \
			2>/dev/null | sed -n "1s/^$_n ($5 \\([0-9]*\\)).*/\\1/p" \
			>>"$1.unknown"
	done
	_enosys=$(printf '0x%08x' $((0x50000 + $("$SECCWRAP" --arch="$2" \
		--debug-errnos | awk '$3 == "ENOSYS" { print $1 }'))))

	# The error action of MODE, as in seccomp_data's return value.
	case $3 in
	*:kill) _deny=0x80000000 ;;
	*:log) _deny=0x7ffc0000 ;;
	*:*) _deny=$(printf '0x%08x' $((0x50000 + ${3#*:}))) ;;
	*) _deny=$EPERM_ACTION ;;
	esac

	paste -d' ' "$1.a" "$1.b" | awk -v mode="${3%%:*}" -v abi="$5" \
		-v deny="$_deny" -v enosys="$_enosys" \
		-v named="$1.named" -v unknown="$1.unknown" '
		BEGIN {
			while ((getline l < named) > 0) {
				split(l, f, " ")
				name[f[1]] = f[2]
			}
			while ((getline l < unknown) > 0)
				unk[l] = 1
		}
		$2 == $4 { next }
		# A call libseccomp 2.5 does not know yet.
		mode == "drop" && ($1 in unk) && $2 == deny &&
		    $4 == "0x7fff0000" { next }
		# libseccomp 2.5 gives sys_debug_setcontext of ppc the
		# internal number of switch_endian (-10191), so its rule
		# lands on switch_endian.
		mode == "drop" && name[$1] == "sys_debug_setcontext" &&
		    $2 == deny && $4 == "0x7fff0000" { next }
		# The riscv64 table contains the 64-bit time calls of rv32
		# programs (403..423), which libseccomp lists as absent on
		# riscv64 (tests/tables.sh).
		mode == "drop" && abi == "riscv64" && $1 >= 403 &&
		    $1 <= 423 && $2 == deny && $4 == "0x7fff0000" { next }
		# In a keep list, a number that names no call, and clone3,
		# get ENOSYS so that callers fall back.
		mode == "keep" && $2 == enosys && $4 == deny &&
		    (!($1 in name) || name[$1] == "clone3") { next }
		{ printf " %s %s: seccwrap %s, libseccomp %s;", abi, $1, $2,
		    $4 }' | head -c 400
}

# compare CASE ARCH MODE SECCWRAP-OPTIONS ABIS NAMES: build both filters
# and compare them on each ABI.  ABIS lists "TOKEN:ABI:LO:HI":
# libseccomp's arch token, seccwrap's ABI name and the number range.
compare() {
	_case=$1 _arch=$2 _mode=$3 _opts=$4 _abis=$5 _names=$6
	_tokens=$(echo "$_abis" | tr ' ' '\n' | cut -d: -f1 | paste -sd, -)
	# shellcheck disable=SC2086
	if ! "$SECCWRAP" --arch="$_arch" $_opts --dump="$_case.seccwrap" \
		2>"$_case.err"; then
		fail "$_case" "seccwrap --dump failed: $(head -c 200 "$_case.err")"
		return
	fi
	# seccwrap keeps @default-keep with every keep list.
	case $_mode in
	keep*) _names="$_names execve execveat prctl" ;;
	esac
	# shellcheck disable=SC2086
	if ! "$SF" "$_case.scmp" "$_mode" "$_tokens" $_names >"$_case.sf" \
		2>"$_case.err"; then
		fail "$_case" "scmp_filter failed: $(head -c 200 "$_case.err")"
		return
	fi

	_bad= _count=0
	for _spec in $_abis; do
		# shellcheck disable=SC2046
		set -- $(echo "$_spec" | tr ':' ' ')
		_count=$((_count + $4 - $3 + 1))
		_bad=$_bad$(compare_abi "$_case" "$_arch" "$_mode" "$@")
	done
	if grep -q bpfeval "$_case.err"; then
		fail "$_case" "$(head -c 200 "$_case.err")"
	elif [ -n "$_bad" ]; then
		fail "$_case" "$_bad"
	else
		pass "$_case-$_count-numbers"
	fi
}

# ARCH, le or be, then its ABIs as "TOKEN:ABI:LO:HI", seccwrap's first.
while read -r arch order abis; do
	[ -n "$arch" ] || continue
	ORDER=
	[ "$order" = be ] && ORDER=-b
	default=$("$SECCWRAP" --arch="$arch" \
		--debug-syscall-groups=@default-nodebuggers | sed 's/^[^=]*=//' |
		tr ',' ' ')
	compare "$arch-drop" "$arch" drop "--seccomp.drop=$(echo $DROP_NAMES |
		tr ' ' ',')" "$abis" "$DROP_NAMES"
	compare "$arch-default" "$arch" drop --seccomp "$abis" "$default"
	compare "$arch-keep" "$arch" keep "--seccomp.keep=$(echo $KEEP_NAMES |
		tr ' ' ',')" "$abis" "$KEEP_NAMES"
	# Other actions: log as the error action, and per call an errno
	# number and kill; kill for a keep list.
	compare "$arch-actions" "$arch" drop:log "--seccomp-error-action=log \
--seccomp.drop=$(echo $ACTION_NAMES | tr ' ' ',')" "$abis" "$ACTION_NAMES"
	compare "$arch-keep-kill" "$arch" keep:kill "--seccomp-error-action=kill \
--seccomp.keep=$(echo $KEEP_NAMES | tr ' ' ',')" "$abis" "$KEEP_NAMES"
done <<'ARCHES'
x86_64 le x86_64:x86_64:0:1023 x86:i386:0:1023
aarch64 le aarch64:aarch64:0:1023 arm:arm:0:1023
arm le arm:arm:0:1023
riscv64 le riscv64:riscv64:0:1023
ppc64le le ppc64le:ppc64le:0:1023
mips64el le mipsel64:n64:5000:5999 mipsel64n32:n32:6000:6999 mipsel:o32:4000:4999
mipsel le mipsel:o32:4000:4999
ppc64 be ppc64:ppc64:0:1023 ppc:ppc:0:1023
ppc be ppc:ppc:0:1023
s390x be s390x:s390x:0:1023 s390:s390:0:1023
mips64 be mips64:n64:5000:5999 mips64n32:n32:6000:6999 mips:o32:4000:4999
mips be mips:o32:4000:4999
parisc64 be parisc64:parisc64:0:1023 parisc:parisc:0:1023
ARCHES
