#!/bin/sh
# Generate tables/syscalls.h and tables/errnos.h from kernel UAPI headers,
# with the C preprocessor doing all the header logic.
#
#   gen/tables.sh [-o DIR] [HEADER_ROOT]
#
# HEADER_ROOT is either an unpacked linux-libc-dev package, with
# usr/lib/linux/uapi/<arch>/asm (default: .cache/linux-libc-dev, fetched
# by gen/fetch-headers.sh when missing), or an include folder such as
# /usr/include, with asm/ in its <triplet>/ subfolder or in itself.
# DIR defaults to tables/.  The output depends only on the headers.
set -eu
export LC_ALL=C

# One row per ABI.  The first row is the host's native ABI, and its arch
# also gives the errno values.
#   abi      C identifier suffix and struct abi name
#   arch     folder under usr/lib/linux/uapi/ in the package
#   triplet  multiarch folder under an include folder
#   base     macro the kernel adds to every number ("-": none); the
#            tables store numbers without it
#   defines  the rest of the row: cpp options that make asm/unistd.h
#            select this ABI
# Another host gets its own rows; the cpp defines each arch needs are
# the ones its asm/unistd.h and asm/bitsperlong.h test.
ABIS='
x86_64 x86 x86_64-linux-gnu -                 -D__x86_64__
i386   x86 x86_64-linux-gnu -                 -D__i386__
x32    x86 x86_64-linux-gnu __X32_SYSCALL_BIT -D__x86_64__ -D__ILP32__
'

# Compiler macro of the hosts that run exactly the ABIs above.
HOST_MACRO=__x86_64__

# __NR_ macros that are not syscalls: capitalised helpers (arm's
# __NR_SYSCALL_BASE, mips' __NR_Linux), counts, and mips' placeholders.
NOT_SYSCALL='^(syscalls|arch_specific_syscall|reserved[0-9]*|unused[0-9]*)$'

: "${CPP:=cpp}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHED=$ROOT/.cache/linux-libc-dev

die() {
	echo "tables.sh: $*" >&2
	exit 1
}

usage() {
	echo "usage: gen/tables.sh [-o DIR] [HEADER_ROOT]" >&2
	exit 2
}

outdir=$ROOT/tables
while getopts o: opt; do
	case $opt in
	o) outdir=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -le 1 ] || usage

if [ $# -eq 1 ]; then
	hroot=$1
else
	hroot=$CACHED
	if [ ! -f "$hroot/PACKAGE" ]; then
		sh "$ROOT/gen/fetch-headers.sh" ||
			die "fetching the headers failed; give a HEADER_ROOT"
	fi
fi
[ -d "$hroot" ] || die "'$hroot' is not a folder"
hroot=${hroot%/}

# The header line names the package version, or else the folder.
if [ -d "$hroot/usr/lib/linux/uapi" ]; then
	layout=package
	if [ -f "$hroot/PACKAGE" ]; then
		source=$(cat "$hroot/PACKAGE")
	else
		source=$hroot
	fi
elif [ -d "$hroot/asm-generic" ]; then
	layout=include
	source=$hroot
else
	die "'$hroot' has neither usr/lib/linux/uapi/ nor asm-generic/"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

# include_flags ARCH TRIPLET: print the -I options for one ABI row.
include_flags() {
	if [ "$layout" = package ]; then
		echo "-I$hroot/usr/lib/linux/uapi/$1 -I$hroot/usr/include"
	else
		echo "-I$hroot/$2 -I$hroot"
	fi
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

# list_abi ABI ARCH TRIPLET BASE DEFINES: print 'ABI NAME NUMBER' for
# each syscall, the number without BASE, and 'ABI -base VALUE' first.
list_abi() {
	flags="$5 $(include_flags "$2" "$3")"
	echo '#include <asm/unistd.h>' >"$WORK/in.h"
	preprocess "-dM $flags" "$WORK/in.h" >"$WORK/macros" || return 1
	sed -n 's/^#define __NR_\([A-Za-z0-9_]*\) .*/\1/p' "$WORK/macros" |
		grep -E -v "$NOT_SYSCALL" | grep -E '^[a-z_][a-z0-9_]*$' |
		sort >"$WORK/names"
	[ -s "$WORK/names" ] || die "no __NR_ macros for $1 ($flags)"

	base=$4
	[ "$base" = - ] && base=0
	{
		echo '#include <asm/unistd.h>'
		echo "\"-base\" $base"
		sed 's/.*/"&" __NR_&/' "$WORK/names"
	} >"$WORK/markers.h"
	preprocess "$flags" "$WORK/markers.h" >"$WORK/expanded" || return 1
	evaluate "$WORK/expanded" >"$WORK/values" || return 1
	awk -v abi="$1" '
	$1 == "-base" { base = $2; print abi, "-base", base; next }
	{
		nr = $2 - base
		# 0xffff marks an absent syscall in the uint16_t tables.
		if (nr < 0 || nr >= 65535) {
			printf "tables.sh: %s %s is %d, outside 0..65534 " \
			    "after the base %d\n", abi, $1, $2, base \
			    >"/dev/stderr"
			exit 1
		}
		print abi, $1, nr
	}' "$WORK/values"
}

# list_errnos ARCH TRIPLET DEFINES: print 'NAME VALUE' in the order the
# headers define them.  cpp -dD keeps that order, -dM would not.
list_errnos() {
	flags="$3 $(include_flags "$1" "$2")"
	echo '#include <asm/errno.h>' >"$WORK/in.h"
	preprocess "-dD $flags" "$WORK/in.h" >"$WORK/macros" || return 1
	sed -n 's/^#define \(E[A-Z0-9]*\) .*/\1/p' "$WORK/macros" |
		awk '!seen[$0]++' >"$WORK/errnames"
	[ -s "$WORK/errnames" ] || die "no E* macros in asm/errno.h ($flags)"
	{
		echo '#include <asm/errno.h>'
		sed 's/.*/"&" &/' "$WORK/errnames"
	} >"$WORK/markers.h"
	preprocess "$flags" "$WORK/markers.h" >"$WORK/expanded" || return 1
	evaluate "$WORK/expanded"
}

# ---- collect ----

: >"$WORK/list"
echo "$ABIS" | grep -v '^$' >"$WORK/abis"
while read -r abi arch triplet base defines; do
	list_abi "$abi" "$arch" "$triplet" "$base" "$defines" >"$WORK/one" ||
		die "listing the $abi syscalls failed"
	cat "$WORK/one" >>"$WORK/list"
done <"$WORK/abis"

read -r abi arch triplet base defines <"$WORK/abis"
list_errnos "$arch" "$triplet" "$defines" >"$WORK/errnos" ||
	die "listing the errnos failed"

# ---- render ----

mkdir -p "$outdir"

# The name index is the position in the sorted union of all ABIs' names.
awk '$2 != "-base" { print $2 }' "$WORK/list" | sort -u >"$WORK/allnames"

awk -v source="$source" -v host="$HOST_MACRO" '
FILENAME == ARGV[1] {
	abis[++nabi] = $1
	flags = $0
	for (i = 1; i <= 4; i++)
		sub(/^ *[^ ]+ +/, "", flags)
	defines[$1] = flags
	next
}
FILENAME == ARGV[2] { names[++nname] = $1; next }
$2 == "-base" { base[$1] = $3; next }
{
	nr[$1, $2] = $3
	count[$1]++
	if (!(($1) in top) || $3 + 1 > top[$1])
		top[$1] = $3 + 1
}
END {
	print "/* generated by gen/tables.sh from " source "; do not edit */"
	print ""
	print "/*"
	print " * Syscall names of every ABI that a host defining " host
	print " * runs, and each ABI\x27s number per name.  Numbers are stored"
	print " * without the ABI\x27s base (SYSCALL_NR_BASE_*), SYSCALL_ABSENT"
	print " * where the ABI lacks the name.  Include after seccwrap.h."
	print " */"
	print "#if !defined(" host ")"
	print "#error \"tables/syscalls.h is for " abis[1] \
	    " hosts only; see gen/tables.sh\""
	print "#endif"
	print ""
	print "#define SYSCALL_NAMES " nname
	print ""
	print "/* Every name once, sorted as strcmp() does. */"
	print "static const char syscall_pool[] ="
	off = 0
	for (i = 1; i <= nname; i++) {
		printf "\t\"%s\\0\"%s\n", names[i], i == nname ? ";" : ""
		offset[i] = off
		off += length(names[i]) + 1
	}
	if (off > 65535) {
		print "tables.sh: syscall_pool exceeds 65535 bytes" \
		    >"/dev/stderr"
		exit 1
	}
	print ""
	print "static const uint16_t syscall_pool_offset[SYSCALL_NAMES] = {"
	for (i = 1; i <= nname; i++)
		printf "\t%d,\t/* %s */\n", offset[i], names[i]
	print "};"
	for (a = 1; a <= nabi; a++) {
		abi = abis[a]
		up = toupper(abi)
		print ""
		printf "/* %s: asm/unistd.h with %s, %d names. */\n", \
		    abi, defines[abi], count[abi]
		printf "#define SYSCALL_NR_BASE_%s 0x%x\n", up, base[abi]
		printf "#define SYSCALL_NR_COUNT_%s %d\n", up, top[abi]
		printf "static const uint16_t syscall_nr_%s" \
		    "[SYSCALL_NAMES] = {\n", abi
		for (i = 1; i <= nname; i++) {
			if ((abi, names[i]) in nr)
				v = nr[abi, names[i]]
			else
				v = "SYSCALL_ABSENT"
			printf "\t%s,\t/* %s */\n", v, names[i]
		}
		print "};"
	}
}
' "$WORK/abis" "$WORK/allnames" "$WORK/list" >"$WORK/syscalls.h" ||
	die "rendering syscalls.h failed"

# Sort by value, ties in header order, so that the first name of a value
# is the one the headers define first (EAGAIN before EWOULDBLOCK).
awk '{ print $2, NR, $1 }' "$WORK/errnos" | sort -n -k1,1 -k2,2 |
awk -v source="$source" -v host="$HOST_MACRO" -v native="$abi" '
{ value[NR] = $1; name[NR] = $3 }
END {
	print "/* generated by gen/tables.sh from " source "; do not edit */"
	print ""
	print "/*"
	print " * Errno names of a host defining " host ", sorted by value"
	print " * and then by header order, so the first name of a value is"
	print " * its canonical one.  Include after seccwrap.h."
	print " */"
	print "#if !defined(" host ")"
	print "#error \"tables/errnos.h is for " native \
	    " hosts only; see gen/tables.sh\""
	print "#endif"
	print ""
	print "#define ERRNO_NAMES " NR
	print ""
	print "static const char errno_pool[] ="
	off = 0
	for (i = 1; i <= NR; i++) {
		printf "\t\"%s\\0\"%s\n", name[i], i == NR ? ";" : ""
		offset[i] = off
		off += length(name[i]) + 1
	}
	print ""
	print "static const uint16_t errno_pool_offset[ERRNO_NAMES] = {"
	for (i = 1; i <= NR; i++)
		printf "\t%d,\t/* %s */\n", offset[i], name[i]
	print "};"
	print ""
	print "static const uint16_t errno_value[ERRNO_NAMES] = {"
	for (i = 1; i <= NR; i++)
		printf "\t%d,\t/* %s */\n", value[i], name[i]
	print "};"
}
' >"$WORK/errnos.h" || die "rendering errnos.h failed"

mv "$WORK/syscalls.h" "$outdir/syscalls.h"
mv "$WORK/errnos.h" "$outdir/errnos.h"
echo "tables.sh: wrote $outdir/syscalls.h and $outdir/errnos.h" \
	"from $source" >&2
