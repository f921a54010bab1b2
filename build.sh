#!/bin/sh
# The one build entry for seccwrap.
#
#   ./build.sh           build ./seccwrap, static and stripped, with musl-gcc
#   ./build.sh nolibc    build out/ARCH-nolibc/seccwrap (and nolibc_test,
#                        nolibc's unit test) with no C library, on nolibc/;
#                        CC may be a Debian cross gcc, or ARCH (x86_64,
#                        i386, aarch64, arm or riscv64) picks one
#   ./build.sh test      build, then run every test (tests/run.sh)
#   ./build.sh test-asan run every test on an ASan and UBSan build
#   ./build.sh tables    fetch the newest kernel headers and regenerate tables/
#   ./build.sh clean     remove build output
#
# CC and CFLAGS_EXTRA are honoured; every command is echoed.
set -eu
cd "$(dirname "$0")"

CC_GIVEN=${CC:-}
: "${CC:=musl-gcc}"
: "${CFLAGS_EXTRA:=}"
OUT=out
CFLAGS="-std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror -Os -Isrc -Itables \
-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables \
-fno-stack-protector"
# noseparate-code and norelro drop the page alignment between segments,
# which is most of the padding in a small static binary.
LDFLAGS="-static -s -Wl,--gc-sections -Wl,-z,noseparate-code -Wl,-z,norelro \
-Wl,--build-id=none"

# need COMMAND PACKAGE: stop with an install hint when COMMAND is missing.
need() {
	if ! command -v "$1" >/dev/null 2>&1; then
		echo "build.sh: '$1' not found; install it with: apt-get install -y $2" >&2
		exit 1
	fi
}

run() {
	echo "$*"
	"$@"
}

build_musl() {
	need "$CC" musl-tools
	# shellcheck disable=SC2086
	run $CC $CFLAGS $CFLAGS_EXTRA $LDFLAGS -o seccwrap src/*.c
}

# Print the kernel's name for the architecture that the compiler $1
# targets, from its target triple.
target_arch() {
	case $("$1" -dumpmachine) in
	x86_64-*) echo x86_64 ;;
	i?86-*) echo i386 ;;
	aarch64-*) echo aarch64 ;;
	arm*-*) echo arm ;;
	riscv64-*) echo riscv64 ;;
	*) "$1" -dumpmachine | sed 's/-.*//' ;;
	esac
}

# The Debian cross gcc (command, then package) for a value of ARCH.
cross_gcc() {
	case $1 in
	x86_64) echo "x86_64-linux-gnu-gcc gcc-x86-64-linux-gnu" ;;
	i386) echo "i686-linux-gnu-gcc gcc-i686-linux-gnu" ;;
	aarch64) echo "aarch64-linux-gnu-gcc gcc-aarch64-linux-gnu" ;;
	arm) echo "arm-linux-gnueabihf-gcc gcc-arm-linux-gnueabihf" ;;
	riscv64) echo "riscv64-linux-gnu-gcc gcc-riscv64-linux-gnu" ;;
	*)
		echo "build.sh: unknown ARCH '$1'; use x86_64, i386, aarch64," \
			"arm or riscv64" >&2
		exit 125
		;;
	esac
}

# Compile "$@" with nolibc/ in place of a C library into $1.  The
# compiler still supplies stdarg.h, stddef.h and stdint.h, and libgcc for
# the helpers (such as division on arm) that GCC calls on its own.  The
# kernel's UAPI headers (linux-libc-dev, or linux-libc-dev-ARCH-cross
# beside a cross gcc) supply the syscall numbers and constants.
nolibc_cc() {
	output=$1
	shift
	# -fno-tree-loop-distribute-patterns keeps GCC from compiling the
	# loops of nolibc/string.c into calls to memset and memcpy.
	# shellcheck disable=SC2086
	run $cc $CFLAGS -Inolibc/include -nostdlib -ffreestanding -fno-pie \
		-fno-unwind-tables -fno-tree-loop-distribute-patterns \
		$arch_flags $CFLAGS_EXTRA $LDFLAGS -no-pie \
		-o "$output" "$@" nolibc/*.c -lgcc
}

# Build nolibc's unit test, then seccwrap, into out/ARCH-nolibc/.
build_nolibc() {
	cc=$CC_GIVEN
	pkg=gcc
	if [ -z "$cc" ] && [ -n "${ARCH:-}" ] &&
		[ "$ARCH" != "$(target_arch gcc)" ]; then
		# shellcheck disable=SC2046
		set -- $(cross_gcc "$ARCH")
		cc=$1
		pkg=$2
	fi
	: "${cc:=gcc}"
	need "$cc" "$pkg"
	arch=$(target_arch "$cc")
	arch_flags=
	# riscv64: without this, GCC puts small constants in .sdata and ld
	# maps code and data into one writable and executable segment.
	[ "$arch" = riscv64 ] && arch_flags=-msmall-data-limit=0
	mkdir -p "$OUT/$arch-nolibc"
	nolibc_cc "$OUT/$arch-nolibc/nolibc_test" nolibc/test/nolibc_test.c
	nolibc_cc "$OUT/$arch-nolibc/seccwrap" src/*.c
}

# A glibc build with AddressSanitizer and UndefinedBehaviorSanitizer,
# which stops at the first error, for running the test suite on.
build_asan() {
	need gcc gcc
	mkdir -p "$OUT/asan"
	run gcc -std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror -O1 -g \
		-fsanitize=address,undefined -fno-sanitize-recover=all \
		-Isrc -Itables -o "$OUT/asan/seccwrap" src/*.c
}

case "${1:-musl}" in
musl)
	build_musl
	;;
nolibc)
	build_nolibc
	;;
test)
	build_musl
	shift
	exec sh tests/run.sh "$@"
	;;
asan)
	build_asan
	;;
test-asan)
	build_asan
	shift
	# seccwrap frees little on purpose: it execs or exits within
	# milliseconds, so leak reports would be noise.
	ASAN_OPTIONS=detect_leaks=0 SECCWRAP=$PWD/$OUT/asan/seccwrap \
		exec sh tests/run.sh "$@"
	;;
tables)
	exec sh gen/tables.sh
	;;
clean)
	run rm -rf seccwrap "$OUT" tests/out
	;;
*)
	echo "usage: ./build.sh [musl|nolibc|asan|test|test-asan|tables|clean]" >&2
	exit 125
	;;
esac
