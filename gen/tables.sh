#!/bin/sh
# Generate tables/syscalls.h, tables/sysindex.h and tables/errnos.h from
# kernel UAPI headers, with the C preprocessor doing all the header logic.
#
#   gen/tables.sh [-o DIR] [HEADER_ROOT...]
#   gen/tables.sh -l | -e [HEADER_ROOT...]
#
# Each table is taken from the first HEADER_ROOT that has its headers.  A
# HEADER_ROOT is one of:
#   - an unpacked linux-libc-dev package from Debian sid, with
#     usr/lib/linux/uapi/<arch>/asm/ for every arch;
#   - an unpacked linux-libc-dev-<arch>-cross package, with
#     usr/<triplet>/include/asm/;
#   - /usr, where those cross packages install <triplet>/include/asm/;
#   - an include folder such as /usr/include, with <triplet>/asm/.
# The default is .cache/linux-libc-dev and .cache/linux-libc-dev-s390x-cross,
# which gen/fetch-headers.sh fetches when they are missing.  DIR defaults
# to tables/.  -l prints "TABLE NAME NUMBER" for every syscall the roots
# define, numbers as in seccomp_data.nr, and -e "FOLDER NAME VALUE" for
# every errno, FOLDER the arch's folder under usr/lib/linux/uapi/; both
# write nothing and skip the tables that no root has.  The output depends
# only on the headers.
set -eu
export LC_ALL=C

# One row per syscall table, that is per number space of the kernel.
#   table    name, and TABLE_<NAME> in tables/syscalls.h
#   parent   the earlier table that gives this one the shortest code
#            ("-": none); the encoding stores only where the two differ.
#            Even i386 and aarch64 take x86_64 (193 and 92 bytes less
#            with the Linux 7.2 headers), because every arch numbers the
#            calls from pidfd_send_signal (424) on alike, and some runs
#            of older calls keep their order a few numbers apart.
#   uapi     folder under usr/lib/linux/uapi/ in the linux-libc-dev package
#   triplets multiarch or cross folders that hold the arch's asm/
#   header   file in asm/ that must exist: s390 lost asm/unistd_32.h when
#            Linux 6.19 removed its 31-bit ABI
#   base     macro the kernel adds to every number ("-": none); the
#            tables store numbers without it
#   private  prefix of the arch-private calls, whose BASE macro starts
#            their range ("-": none)
#   defines  the rest of the row: cpp options that make asm/unistd.h
#            select this ABI (the macros its asm/unistd.h and
#            asm/bitsperlong.h test)
X86=x86_64-linux-gnu,i686-linux-gnu
ARM=arm-linux-gnueabihf,arm-linux-gnueabi
PPC=powerpc-linux-gnu,powerpc64-linux-gnu,powerpc64le-linux-gnu
MIPS=mips-linux-gnu,mipsel-linux-gnu,mips64-linux-gnuabi64
MIPS=$MIPS,mips64el-linux-gnuabi64,mips64-linux-gnuabin32
MIPS=$MIPS,mips64el-linux-gnuabin32
RISCV='-D__riscv -D__riscv_xlen=64 -D__SIZEOF_POINTER__=8 -D__LP64__'
TABLES="
x86_64   -       x86     $X86 unistd_64.h  - - -D__x86_64__
i386     x86_64  x86     $X86 unistd_32.h  - - -D__i386__
x32      x86_64  x86     $X86 unistd_x32.h __X32_SYSCALL_BIT - \
	-D__x86_64__ -D__ILP32__
arm      i386    arm     $ARM unistd-eabi.h - __ARM_NR_ -D__ARM_EABI__
aarch64  x86_64  arm64   aarch64-linux-gnu unistd.h - - -D__aarch64__
riscv64  aarch64 riscv   riscv64-linux-gnu unistd.h - - $RISCV
ppc      i386    powerpc $PPC unistd_32.h  - -
ppc64    ppc     powerpc $PPC unistd_64.h  - - -D__powerpc64__
s390     i386    s390    s390x-linux-gnu unistd_32.h - -
s390x    s390    s390    s390x-linux-gnu unistd_64.h - - -D__s390x__
o32      i386    mips    $MIPS unistd_o32.h __NR_Linux - -D_MIPS_SIM=1
n64      x86_64  mips    $MIPS unistd_n64.h __NR_Linux - \
	-D_MIPS_SIM=3 -D_MIPS_SZLONG=64
n32      n64     mips    $MIPS unistd_n32.h __NR_Linux - -D_MIPS_SIM=2
parisc   i386    parisc  hppa-linux-gnu unistd_32.h - -
parisc64 parisc  parisc  hppa-linux-gnu unistd_64.h - - -D__LP64__
m68k     i386    m68k    m68k-linux-gnu unistd.h - -
sh       i386    sh      sh4-linux-gnu unistd.h - -
"

# __NR_ macros that are not syscalls: capitalised helpers (arm's
# __NR_SYSCALL_BASE, mips' __NR_Linux), counts, and mips' placeholders.
NOT_SYSCALL='^(syscalls|arch_specific_syscall|reserved[0-9]*|unused[0-9]*)$'

: "${CPP:=cpp}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=$ROOT/.cache

die() {
	echo "tables.sh: $*" >&2
	exit 1
}

usage() {
	echo "usage: gen/tables.sh [-o DIR | -l | -e] [HEADER_ROOT...]" >&2
	exit 2
}

outdir=$ROOT/tables
list=
while getopts elo: opt; do
	case $opt in
	e | l) list=$opt ;;
	o) outdir=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))

if [ $# -eq 0 ]; then
	set -- "$CACHE/linux-libc-dev" "$CACHE/linux-libc-dev-s390x-cross"
	if [ ! -f "$1/PACKAGE" ] || [ ! -f "$2/PACKAGE" ]; then
		sh "$ROOT/gen/fetch-headers.sh" ||
			die "fetching the headers failed; give a HEADER_ROOT"
	fi
fi
for dir in "$@"; do
	[ -d "$dir" ] || die "'$dir' is not a folder"
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

# source_label ROOT: the package and version of an unpacked package, or
# else the folder.
source_label() {
	if [ -f "$1/PACKAGE" ]; then
		cat "$1/PACKAGE"
	else
		echo "${1%/}"
	fi
}

# include_flags ROOT UAPI TRIPLETS HEADER: print the -I options that make
# ROOT's asm/HEADER of one table visible, or fail when ROOT lacks it.
include_flags() {
	root=${1%/}
	if [ -f "$root/usr/lib/linux/uapi/$2/asm/$4" ]; then
		echo "-I$root/usr/lib/linux/uapi/$2 -I$root/usr/include"
		return 0
	fi
	for triplet in $(echo "$3" | tr ',' ' '); do
		if [ -f "$root/$triplet/asm/$4" ]; then
			echo "-I$root/$triplet -I$root"
			return 0
		fi
		if [ -f "$root/$triplet/include/asm/$4" ]; then
			echo "-I$root/$triplet/include"
			return 0
		fi
		if [ -f "$root/usr/$triplet/include/asm/$4" ]; then
			echo "-I$root/usr/$triplet/include"
			return 0
		fi
	done
	return 1
}

# preprocess FLAGS FILE: run cpp on FILE without the system include
# folders and without predefined macros, so that only the row's defines
# choose the ABI.  FLAGS is split into words on purpose.
preprocess() {
	# shellcheck disable=SC2086
	$CPP -nostdinc -undef -P $1 "$2" || {
		echo "tables.sh: $CPP failed on $2 with $1" >&2
		return 1
	}
}

# evaluate FILE: read the lines '"NAME" EXPRESSION' that cpp printed for
# the marker lines '"NAME" MACRO' and print 'NAME VALUE'.  An expression
# must consist of integer literals, + and - and parentheses, such as
# (0x40000000 + 12).  Anything else (an undefined macro, a cast, a
# suffix) stops the generator before the shell evaluates it.
evaluate() {
	awk '
	/^"/ {
		name = $1
		gsub(/"/, "", name)
		expr = $0
		sub(/^"[^"]*" */, "", expr)
		rest = expr
		gsub(/0[xX][0-9a-fA-F]+|[0-9]+/, "", rest)
		if (expr == "" || rest !~ /^[-+() ]*$/) {
			printf "tables.sh: %s expands to \"%s\", not a " \
			    "number\n", name, expr >"/dev/stderr"
			exit 1
		}
		print name, expr
	}' "$1" >"$WORK/expressions" || return 1
	while read -r name expr; do
		echo "$name $(($expr))"
	done <"$WORK/expressions"
}

# list_table TABLE FLAGS BASE PRIVATE: print 'TABLE NAME NUMBER' for each
# syscall, the number without BASE, preceded by 'TABLE -base VALUE' and,
# for a table with private calls, 'TABLE -private VALUE'.  A private
# call's number is absolute.
list_table() {
	echo '#include <asm/unistd.h>' >"$WORK/in.h"
	preprocess "-dM $2" "$WORK/in.h" >"$WORK/macros" || return 1
	sed -n 's/^#define __NR_\([A-Za-z0-9_]*\) .*/\1/p' "$WORK/macros" |
		grep -E -v "$NOT_SYSCALL" | grep -E '^[a-z_][a-z0-9_]*$' |
		sort >"$WORK/names"
	[ -s "$WORK/names" ] || die "no __NR_ macros for $1 ($2)"
	: >"$WORK/private"
	if [ "$4" != - ]; then
		sed -n "s/^#define $4\\([a-z_][a-z0-9_]*\\) .*/\\1/p" \
			"$WORK/macros" | sort >"$WORK/private"
		[ -s "$WORK/private" ] || die "no $4 macros for $1 ($2)"
	fi

	base=$3
	[ "$base" = - ] && base=0
	{
		echo '#include <asm/unistd.h>'
		echo "\"-base\" $base"
		sed 's/.*/"&" __NR_&/' "$WORK/names"
		if [ "$4" != - ]; then
			echo "\"-private\" ${4}BASE"
			sed "s/.*/\"+&\" $4&/" "$WORK/private"
		fi
	} >"$WORK/markers.h"
	preprocess "$2" "$WORK/markers.h" >"$WORK/expanded" || return 1
	evaluate "$WORK/expanded" >"$WORK/values" || return 1
	awk -v table="$1" '
	$1 == "-base" { base = $2; print table, "-base", base; next }
	$1 == "-private" { print table, "-private", $2; next }
	$1 ~ /^\+/ { print table, substr($1, 2), $2; next }
	{
		nr = $2 - base
		# The encoding keeps numbers below 0x8000, which marks a
		# private call in the decoded arrays of src/syscalls.c.
		if (nr < 0 || nr >= 32768) {
			printf "tables.sh: %s %s is %d, outside 0..32767 " \
			    "after the base %d\n", table, $1, $2, base \
			    >"/dev/stderr"
			exit 1
		}
		print table, $1, nr
	}' "$WORK/values"
}

# list_errnos FLAGS: print 'NAME VALUE' in the order the headers define
# them.  cpp -dD keeps that order, -dM would not.
list_errnos() {
	echo '#include <asm/errno.h>' >"$WORK/in.h"
	preprocess "-dD $1" "$WORK/in.h" >"$WORK/macros" || return 1
	sed -n 's/^#define \(E[A-Z0-9]*\) .*/\1/p' "$WORK/macros" |
		awk '!seen[$0]++' >"$WORK/errnames"
	[ -s "$WORK/errnames" ] || die "no E* macros in asm/errno.h ($1)"
	{
		echo '#include <asm/errno.h>'
		sed 's/.*/"&" &/' "$WORK/errnames"
	} >"$WORK/markers.h"
	preprocess "$1" "$WORK/markers.h" >"$WORK/expanded" || return 1
	evaluate "$WORK/expanded"
}

# ---- collect ----

# $WORK/list: 'TABLE NAME NUMBER' and the -base/-private lines.
# $WORK/found: 'TABLE PARENT UAPI DEFINES' per table found.
# $WORK/sources: 'TABLE SOURCE', the package or folder it came from.
# $WORK/errnos: 'UAPI NAME VALUE' per uapi folder.
: >"$WORK/list"
: >"$WORK/found"
: >"$WORK/sources"
: >"$WORK/errnos"
: >"$WORK/missing"
echo "$TABLES" | grep -v '^$' >"$WORK/tables"
while read -r table parent uapi triplets header base private defines; do
	flags=
	for dir in "$@"; do
		if inc=$(include_flags "$dir" "$uapi" "$triplets" "$header")
		then
			flags="$defines $inc"
			break
		fi
	done
	if [ -z "$flags" ]; then
		echo "$table" >>"$WORK/missing"
		continue
	fi
	list_table "$table" "$flags" "$base" "$private" >"$WORK/one" ||
		die "listing the $table syscalls failed"
	cat "$WORK/one" >>"$WORK/list"
	echo "$table $parent $uapi $defines" >>"$WORK/found"
	echo "$table $(source_label "$dir")" >>"$WORK/sources"
	if grep -q "^$uapi " "$WORK/errnos"; then
		continue
	fi
	# The errnos come from the first root with this arch's asm/errno.h,
	# which need not be the root of the table.
	for dir in "$@"; do
		if inc=$(include_flags "$dir" "$uapi" "$triplets" errno.h); then
			list_errnos "$defines $inc" | sed "s/^/$uapi /" \
				>>"$WORK/errnos" ||
				die "listing the $uapi errnos failed"
			break
		fi
	done
done <"$WORK/tables"

# insert_after TABLE FILE: put the lines of FILE into $WORK/list after
# the last line of TABLE.
insert_after() {
	awk -v table="$1" -v extra="$2" '
	function add(line) {
		while ((getline line <extra) > 0)
			print line
	}
	{
		if (last == table && $1 != table)
			add()
		print
		last = $1
	}
	END {
		if (last == table)
			add()
	}' "$WORK/list" >"$WORK/list.new"
	mv "$WORK/list.new" "$WORK/list"
}

# s390's 31-bit table comes from Linux 6.1, the last headers Debian ships
# with its asm/unistd_32.h, but the kernel went on adding calls to that
# ABI.  In arch/s390/kernel/syscalls/syscall.tbl, up to mseal (462, Linux
# 6.10), every call from pidfd_send_signal (424) on is "common": the same
# number on both ABIs.  So s390 also gets each s390x call from 424 on that
# it lacks, memfd_secret and cachestat onwards.  NOTE: the calls after
# mseal are assumed to follow the same rule, including those added after
# 6.19 removed the ABI.  A kernel without them returns ENOSYS anyway.
S390_COMMON_FROM=424
awk -v from="$S390_COMMON_FROM" '
$1 == "s390" && $2 !~ /^-/ {
	name[$2] = 1
	used[$3] = 1
}
$1 == "s390x" && $2 !~ /^-/ && $3 >= from {
	late[$3] = $2
	if ($3 > top)
		top = $3
}
END {
	for (nr = from; nr <= top; nr++)
		if ((nr in late) && !(late[nr] in name) && !(nr in used))
			print "s390", late[nr], nr
}' "$WORK/list" >"$WORK/extra"
insert_after s390 "$WORK/extra"

# A riscv64 kernel built with CONFIG_COMPAT runs rv32 programs and shows
# their calls to seccomp as riscv64 calls (syscall_get_arch() in
# arch/riscv/include/asm/syscall.h has no compat case), so a riscv64
# filter also decides for them.  rv32 numbers its calls as riscv64 does,
# the same call or its 32-bit form at the same number, except for the
# 64-bit time calls at 403..423, numbers that no riscv64 call has.  The
# riscv64 table gets those, so that groups deny clock_settime64 beside
# clock_settime there too.
RV32='-D__riscv -D__riscv_xlen=32 -D__SIZEOF_POINTER__=4'
for dir in "$@"; do
	inc=$(include_flags "$dir" riscv riscv64-linux-gnu unistd.h) ||
		continue
	grep -q '^riscv64 ' "$WORK/found" || break
	list_table rv32 "$RV32 $inc" - - >"$WORK/rv32" ||
		die "listing the rv32 syscalls failed"
	cat "$WORK/list" "$WORK/rv32" | awk '
	$1 == "riscv64" && $2 !~ /^-/ {
		name[$2] = 1
		used[$3] = 1
	}
	$1 == "rv32" && $2 !~ /^-/ {
		rv32[$3] = $2
		if ($3 > top)
			top = $3
	}
	END {
		for (nr = 0; nr <= top; nr++)
			if ((nr in rv32) && !(nr in used) &&
			    !(rv32[nr] in name))
				print "riscv64", rv32[nr], nr
	}' >"$WORK/extra"
	insert_after riscv64 "$WORK/extra"
	break
done

if [ -n "$list" ] && [ -s "$WORK/missing" ]; then
	echo "tables.sh: no headers for $(tr '\n' ' ' <"$WORK/missing")in $*" >&2
fi
if [ "$list" = e ]; then
	cat "$WORK/errnos"
	exit 0
fi
if [ "$list" = l ]; then
	# Numbers as in seccomp_data.nr: with the base, and private ones
	# as they are.
	awk '
	$2 == "-base" { base[$1] = $3; next }
	$2 == "-private" { private[$1] = $3; next }
	{
		if (($1 in private) && $3 >= private[$1])
			print $1, $2, $3
		else
			print $1, $2, $3 + base[$1]
	}' "$WORK/list"
	exit 0
fi
[ -s "$WORK/missing" ] && die "no headers for" \
	"$(tr '\n' ' ' <"$WORK/missing")in $*; run gen/fetch-headers.sh," \
	"or add a HEADER_ROOT that has them"

# ---- render ----

# The sources in table order, each once: "linux-libc-dev 7.2.13-1, ...".
source=$(cut -d' ' -f2- "$WORK/sources" | awk '!seen[$0]++' |
	sed ':a;N;$!ba;s/\n/, /g')

awk '$2 !~ /^-/ { print $2 }' "$WORK/list" | sort -u >"$WORK/names"
awk -v source="$source" -v index_file="$WORK/sysindex.h" \
	-f "$ROOT/gen/syscalls.awk" "$WORK/found" \
	"$WORK/names" "$WORK/list" >"$WORK/syscalls.h" ||
	die "rendering syscalls.h failed"

cut -d' ' -f2 "$WORK/errnos" | sort -u >"$WORK/errnames"
awk -v source="$source" -f "$ROOT/gen/errnos.awk" "$WORK/errnames" \
	"$WORK/errnos" >"$WORK/errnos.h" || die "rendering errnos.h failed"

mkdir -p "$outdir"
mv "$WORK/syscalls.h" "$outdir/syscalls.h"
mv "$WORK/sysindex.h" "$outdir/sysindex.h"
mv "$WORK/errnos.h" "$outdir/errnos.h"
echo "tables.sh: wrote $outdir/syscalls.h, sysindex.h and errnos.h" \
	"from $source" >&2
