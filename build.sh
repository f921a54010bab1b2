#!/bin/sh
# The one build entry for seccwrap.
#
#   ./build.sh           build ./seccwrap, static and stripped, with musl-gcc
#   ./build.sh nolibc    build out/ARCH-nolibc/seccwrap (and nolibc_test,
#                        nolibc's unit test) with no C library, on nolibc/;
#                        CC may be a Debian cross gcc, or ARCH (x86_64,
#                        i386, aarch64, arm, riscv64, ppc64le, ppc64,
#                        ppc, s390x, mips64el, mipsel, mips64 or mips)
#                        picks one
#   ./build.sh packed    build out/x86_64-packed/seccwrap: the x86_64 nolibc
#                        build compressed, with a start-up stub that
#                        decodes it (pack/); needs zopfli
#   ./build.sh asan      build out/asan/seccwrap with ASan and UBSan
#   ./build.sh test      build, then run every test (tests/run.sh)
#   ./build.sh test-asan run every test on an ASan and UBSan build
#   ./build.sh fuzz [SECONDS]  build the libFuzzer harnesses of fuzz/ into
#                        out/fuzz/ and run each for SECONDS (default 60),
#                        one after the other on one core
#   ./build.sh initramfs [ARCH]
#                        build out/initramfs-ARCH.cpio.gz (ARCH as for
#                        nolibc: the argument, else $ARCH, else the
#                        host's): the nolibc seccwrap, Debian's
#                        busybox-static and an /init that runs a shell
#                        or a command under seccwrap
#   ./build.sh tables    fetch the newest kernel headers and regenerate tables/
#   ./build.sh clean     remove build output
#
# CC, CFLAGS_EXTRA and BUILD_OUT (in place of out/) are honoured; every
# command is echoed.
set -eu
cd "$(dirname "$0")"

CC_GIVEN=${CC:-}
: "${CC:=musl-gcc}"
: "${CFLAGS_EXTRA:=}"
# BUILD_OUT is the folder for every output but ./seccwrap, so that the
# test suites can build into tests/out and leave out/ to the user.
OUT=${BUILD_OUT:-out}
# -fno-pie: the binary is a static non-PIE executable anyway, and code
# compiled for PIE keeps its pointer tables in .data.rel.ro (2.4 KB).
# -Oz saves about 700 bytes over -Os on x86 and costs 0.3% more
# instructions; GCC 12 treats it as -Os on the other arches.
CFLAGS="-std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror -Oz -Isrc -Itables \
-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables \
-fno-stack-protector -fno-pie"
# noseparate-code and norelro drop the page alignment between segments,
# which is most of the padding in a small static binary.  With a common
# page size of 64 bytes, the data segment starts in the file right after
# the code, at an address congruent to its offset, not at the next 4 KiB
# boundary.  So the file grows with the code, not a page at a time.
# -z noexecstack: Debian's ELFv1 powerpc64 gcc marks no object's stack,
# and without a mark ld writes no PT_GNU_STACK header at all.
LDFLAGS="-static -no-pie -s -Wl,--gc-sections -Wl,-z,noseparate-code \
-Wl,-z,norelro -Wl,-z,common-page-size=64 -Wl,--build-id=none \
-Wl,-z,noexecstack"

# The sources in link order, which is also the order of their variables
# in .bss.  msg.c and out.c come first, so that the flags every run reads
# sit in the first page of .bss, which the kernel touches at exec anyway.
# Sorted by name, they follow main.c's 1 KB of options and can land on a
# page of their own.  That cost 2 page faults per run, 23 instead of 21
# (counted as in part 4 of bench/RESULTS.md).
SOURCES="src/msg.c src/out.c"
for f in src/*.c; do
	case $f in
	src/msg.c | src/out.c) ;;
	*) SOURCES="$SOURCES $f" ;;
	esac
done

# need COMMAND PACKAGE: stop with an install hint when COMMAND is missing.
# An empty PACKAGE means that COMMAND is the user's CC, so no package is
# suggested.
need() {
	# CC may be a wrapper and a compiler ("ccache gcc") with options, so
	# every word that is not an option or an assignment is looked up.
	need_missing=
	for need_word in $1; do
		case $need_word in
		-* | *=*) ;;
		*) command -v "$need_word" >/dev/null 2>&1 ||
			need_missing=$need_word ;;
		esac
	done
	[ -z "$need_missing" ] && return
	if [ -n "$2" ]; then
		echo "build.sh: '$1' not found; install it with:" \
			"apt-get install -y $2" >&2
	else
		echo "build.sh: CC names '$need_missing', which is not" \
			"found" >&2
	fi
	exit 125
}

run() {
	echo "$*"
	"$@"
}

# The musl build links nolibc's arena allocator in place of musl's
# malloc (about 9 KB): seccwrap allocates a few hundred KB and then execs
# or exits, so it never needs to reuse freed memory.  It also links
# nolibc's stat() and fstat(), one system call each, in place of musl's
# fstatat() with its fallbacks (712 bytes).  Those files take the
# kernel's UAPI headers (linux-libc-dev), which musl-gcc leaves off its
# include path, from after musl's own.  -fno-builtin: at -O2, GCC would
# turn calloc()'s "allocate, then clear" into a call to calloc().
build_musl() {
	# musl-gcc builds for the host only, so a cross build is a nolibc one.
	if [ -n "${ARCH:-}" ] && [ "$ARCH" != "$(target_arch gcc)" ]; then
		echo "build.sh: the musl build is for this machine only; for" \
			"$ARCH, use ARCH=$ARCH ./build.sh nolibc" >&2
		exit 125
	fi
	if [ -n "$CC_GIVEN" ]; then need "$CC" ""; else need "$CC" musl-tools; fi
	# A user's CC that compiles against glibc ("ccache gcc") links glibc
	# statically, at ten times the size (689,784 bytes against 65,104
	# with gcc 12), so print a note and go on.
	# shellcheck disable=SC2086
	if [ -n "$CC_GIVEN" ] &&
		printf '#include <stdio.h>\n#ifdef __GLIBC__\nseccwrap_glibc\n#endif\n' |
		$CC -E - 2>/dev/null | grep -q '^seccwrap_glibc'; then
		echo "build.sh: note: CC='$CC' compiles against glibc, not" \
			"musl, so ./seccwrap links glibc; for the musl build," \
			"use musl-gcc (CC='ccache musl-gcc', say)" >&2
	fi
	mkdir -p "$OUT/musl"
	for part in malloc stat; do
		# shellcheck disable=SC2086
		run $CC $CFLAGS $CFLAGS_EXTRA -fno-builtin -Inolibc \
			-idirafter "/usr/include/$(gcc -dumpmachine)" \
			-idirafter /usr/include -c -o "$OUT/musl/$part.o" \
			"nolibc/$part.c"
	done
	# -fno-jump-tables saves 184 bytes here, for 0.02% more
	# instructions on a --print run (callgrind).
	# shellcheck disable=SC2086
	run $CC $CFLAGS -fno-jump-tables $CFLAGS_EXTRA $LDFLAGS -o seccwrap \
		$SOURCES "$OUT/musl/malloc.o" "$OUT/musl/stat.o"
}

# Print the kernel's name for the architecture that the compiler $1
# targets, from its target triple.
target_arch() {
	# $1 unquoted: CC may carry arguments ("ccache gcc").
	# shellcheck disable=SC2086
	case $($1 -dumpmachine) in
	x86_64-*) echo x86_64 ;;
	i?86-*) echo i386 ;;
	aarch64-*) echo aarch64 ;;
	arm*-*) echo arm ;;
	riscv64-*) echo riscv64 ;;
	powerpc64le-*) echo ppc64le ;;
	powerpc64-*) echo ppc64 ;;
	powerpc-*) echo ppc ;;
	s390x-*) echo s390x ;;
	mips64el-*) echo mips64el ;;
	mipsel-*) echo mipsel ;;
	mips64-*) echo mips64 ;;
	mips-*) echo mips ;;
	*) $1 -dumpmachine | sed 's/-.*//' ;;
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
	ppc64le) echo "powerpc64le-linux-gnu-gcc gcc-powerpc64le-linux-gnu" ;;
	ppc64) echo "powerpc64-linux-gnu-gcc gcc-powerpc64-linux-gnu" ;;
	ppc) echo "powerpc-linux-gnu-gcc gcc-powerpc-linux-gnu" ;;
	s390x) echo "s390x-linux-gnu-gcc gcc-s390x-linux-gnu" ;;
	mips64el)
		echo "mips64el-linux-gnuabi64-gcc gcc-mips64el-linux-gnuabi64"
		;;
	mipsel) echo "mipsel-linux-gnu-gcc gcc-mipsel-linux-gnu" ;;
	mips64) echo "mips64-linux-gnuabi64-gcc gcc-mips64-linux-gnuabi64" ;;
	mips) echo "mips-linux-gnu-gcc gcc-mips-linux-gnu" ;;
	*)
		echo "build.sh: unknown ARCH '$1'; use x86_64, i386, aarch64," \
			"arm, riscv64, ppc64le, ppc64, ppc, s390x, mips64el," \
			"mipsel, mips64 or mips" >&2
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
	run $cc $CFLAGS -Inolibc/include -nostdlib -ffreestanding \
		-fno-unwind-tables -fno-tree-loop-distribute-patterns \
		$arch_flags $CFLAGS_EXTRA $LDFLAGS \
		-o "$output" "$@" nolibc/*.c -lgcc
}

# Build nolibc's unit test, then seccwrap, into out/ARCH-nolibc/.
build_nolibc() {
	cc=$CC_GIVEN
	pkg=gcc
	[ -z "$cc" ] || pkg=
	if [ -z "$cc" ] && [ -n "${ARCH:-}" ] &&
		[ "$ARCH" != "$(target_arch gcc)" ]; then
		# cross_gcc runs in a subshell here, so its exit for an
		# unknown ARCH has to be passed on.
		cross=$(cross_gcc "$ARCH") || exit 125
		# shellcheck disable=SC2086
		set -- $cross
		cc=$1
		pkg=$2
	fi
	: "${cc:=gcc}"
	need "$cc" "$pkg"
	arch=$(target_arch "$cc")
	# CC wins over ARCH, so a CC for another arch is a mistake to name
	# before anything is built.
	if [ -n "${ARCH:-}" ] && [ "$arch" != "$ARCH" ]; then
		echo "build.sh: CC=$cc builds for $arch, not $ARCH" >&2
		exit 125
	fi
	arch_flags=
	# riscv64: without this, GCC puts small constants in .sdata and ld
	# maps code and data into one writable and executable segment.
	[ "$arch" = riscv64 ] && arch_flags=-msmall-data-limit=0
	# As for musl, 160 bytes less on x86_64.  It adds 96 bytes on i386
	# and changes nothing on aarch64.
	[ "$arch" = x86_64 ] && arch_flags=-fno-jump-tables
	# aarch64: GCC's out-of-line atomics call libgcc helpers, which read
	# the hardware caps with __getauxval, a glibc function.
	[ "$arch" = aarch64 ] && arch_flags=-mno-outline-atomics
	mkdir -p "$OUT/$arch-nolibc"
	nolibc_cc "$OUT/$arch-nolibc/nolibc_test" nolibc/test/nolibc_test.c
	# shellcheck disable=SC2086
	nolibc_cc "$OUT/$arch-nolibc/seccwrap" $SOURCES
}

# Build the x86_64 nolibc seccwrap, then out/x86_64-packed/seccwrap from
# it: pack/stub.c with the nolibc build's memory image, branch-filtered
# (pack/image.h) and compressed by zopfli into a raw DEFLATE stream.
# pack/pack.c, built for the build machine, cuts out the image and
# writes its layout for the stub, then decodes zopfli's output as the
# stub will and compares it with the original before the stub is built.
# The stub is linked at 256 MiB, far above the image's own addresses,
# which it maps itself.
build_packed() {
	if [ -n "${ARCH:-}" ] && [ "$ARCH" != x86_64 ]; then
		echo "build.sh: the packed build is for x86_64 only, not" \
			"$ARCH" >&2
		exit 125
	fi
	need zopfli zopfli
	need gcc gcc
	if [ -n "$CC_GIVEN" ]; then
		need "$CC_GIVEN" ""
		given_arch=$(target_arch "$CC_GIVEN")
		if [ "$given_arch" != x86_64 ]; then
			echo "build.sh: the packed build is for x86_64 only," \
				"and CC=$CC_GIVEN builds for $given_arch" >&2
			exit 125
		fi
	fi
	ARCH=x86_64
	build_nolibc

	dir=$OUT/x86_64-packed
	mkdir -p "$dir"
	run gcc -std=c99 -O2 -Wall -Wextra -Werror -o "$dir/pack" \
		pack/pack.c pack/inflate.c
	run "$dir/pack" image "$OUT/x86_64-nolibc/seccwrap" "$dir/image" \
		"$dir/layout.h"
	echo "zopfli --deflate -c $dir/image >$dir/stream.deflate"
	zopfli --deflate -c "$dir/image" >"$dir/stream.deflate"
	run "$dir/pack" check "$OUT/x86_64-nolibc/seccwrap" \
		"$dir/stream.deflate"

	# The generated files by full path: a layout.h or stream.deflate
	# elsewhere on the include paths, or in the folder the assembler
	# runs in, would otherwise be taken first.  The stream's path goes
	# into a C string and then an assembler string, where a quote or a
	# backslash would need escaping twice.
	abs_dir=$(CDPATH='' cd -- "$dir" && pwd)
	case $abs_dir in
	*[\"\\]*)
		echo "build.sh: the packed build cannot name '$abs_dir' in" \
			"its stub, because of the quote or backslash; build" \
			"in a folder without one (BUILD_OUT)" >&2
		exit 125
		;;
	esac
	# shellcheck disable=SC2086
	run $cc $CFLAGS -Ipack -include "$abs_dir/layout.h" \
		-DPACK_STREAM="\"$abs_dir/stream.deflate\"" -nostdlib \
		-ffreestanding -fno-unwind-tables $CFLAGS_EXTRA $LDFLAGS \
		-Wl,-Ttext-segment=0x10000000 -o "$dir/seccwrap" \
		pack/stub.c pack/inflate.c
	run "$dir/pack" trim "$dir/seccwrap"

	# Where this machine can run it, the stub must unpack what it
	# carries: a damaged stream or a wrong layout stops here.
	if [ "$(uname -m)" = x86_64 ]; then
		run "$dir/seccwrap" --version
	fi
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

# Build out/initramfs-ARCH.cpio.gz for booting: the nolibc seccwrap for
# ARCH, busybox from Debian's busybox-static for ARCH, tests/boot/init as
# /init and tests/boot/init.profile as /etc/seccwrap/init.profile.
build_initramfs() {
	ir_arch=${1:-${ARCH:-$(target_arch "${CC_GIVEN:-gcc}")}}
	# Debian bookworm's archive has no port for these arches, so no
	# busybox-static for them.  Debian's last big-endian mips port,
	# mips (o32), ended with Debian 10 (buster), and bookworm's only
	# PowerPC port is ppc64el (the Architectures of its Release file).
	ir_port=
	case $ir_arch in
	mips | mips64) ir_port="big-endian mips" ;;
	ppc) ir_port="32-bit PowerPC" ;;
	ppc64) ir_port="big-endian ppc64" ;;
	esac
	if [ -n "$ir_port" ]; then
		echo "build.sh: Debian bookworm has no busybox-static for" \
			"$ir_arch (no $ir_port port); build only" \
			"seccwrap with: ARCH=$ir_arch ./build.sh nolibc" >&2
		exit 125
	fi
	need cpio cpio
	need gzip gzip
	need dpkg-deb dpkg
	# build_nolibc stops when CC builds for another arch.
	ARCH=$ir_arch
	build_nolibc
	echo "sh tests/boot/debian.sh busybox $ir_arch"
	ir_busybox=$(sh tests/boot/debian.sh busybox "$ir_arch")

	ir_root=$OUT/initramfs-$ir_arch
	# mkdir and cp give modes through the umask, which the archive
	# would record: every build uses the same one.
	umask 022
	run rm -rf "$ir_root"
	run mkdir -p "$ir_root/bin" "$ir_root/etc/seccwrap" "$ir_root/proc" \
		"$ir_root/sys" "$ir_root/dev" "$ir_root/mnt" "$ir_root/tmp" \
		"$ir_root/root"
	run chmod 1777 "$ir_root/tmp"
	run cp "$ir_busybox" "$ir_root/bin/busybox"
	run ln -s busybox "$ir_root/bin/sh"
	run cp "$OUT/$ir_arch-nolibc/seccwrap" "$ir_root/bin/seccwrap"
	run cp tests/boot/init "$ir_root/init"
	run cp tests/boot/init.profile "$ir_root/etc/seccwrap/init.profile"
	# cp keeps the source files' modes, which come from the linker's
	# umask and from the checkout, so set them here, as for the folders.
	run chmod 755 "$ir_root/bin/busybox" "$ir_root/bin/seccwrap" \
		"$ir_root/init"
	run chmod 644 "$ir_root/etc/seccwrap/init.profile"

	# The kernel unpacks newc archives only.  -R 0:0 makes root the
	# owner of every file, as in an image built by root.  For the same
	# bytes from every build, every file gets the time SOURCE_DATE_EPOCH
	# (default 0), and --reproducible numbers the inodes from 1 and
	# writes no device numbers.
	ir_time=@${SOURCE_DATE_EPOCH:-0}
	run find "$ir_root" -exec touch -h -d "$ir_time" {} +
	echo "(cd $ir_root && find . | LC_ALL=C sort |" \
		"cpio -o -H newc -R 0:0 --reproducible)" \
		"| gzip -9 -n >$OUT/initramfs-$ir_arch.cpio.gz"
	(cd "$ir_root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 \
		--reproducible --quiet) |
		gzip -9 -n >"$OUT/initramfs-$ir_arch.cpio.gz.new"
	mv "$OUT/initramfs-$ir_arch.cpio.gz.new" \
		"$OUT/initramfs-$ir_arch.cpio.gz"
	echo "built $OUT/initramfs-$ir_arch.cpio.gz"
}

# Build the libFuzzer harnesses of fuzz/ with clang, ASan and UBSan, then
# run each for $1 seconds in turn on one core.  New inputs go to
# out/fuzz/corpus-NAME, failing inputs to out/fuzz/crashes/; the seeds in
# fuzz/corpus/NAME and fuzz/regressions/ stay as they are.
build_fuzz() {
	need clang "clang libclang-rt-14-dev zlib1g-dev"
	seconds=${1:-60}
	# libFuzzer treats 0, or a value that is not a number, as no limit.
	case $seconds in
	'' | *[!0-9]* | 0)
		echo "build.sh: fuzz needs a number of seconds above 0," \
			"not '$seconds'" >&2
		exit 125
		;;
	esac
	dir=$OUT/fuzz
	fuzz_flags="-std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror -g -O1 \
-fsanitize=address,undefined -fno-sanitize-recover=all -Isrc -Itables \
-Ifuzz -Itests/tools"
	mkdir -p "$dir/obj" "$dir/crashes"
	objects=
	for f in src/*.c; do
		[ "$f" = src/main.c ] && continue
		o=$dir/obj/$(basename "$f" .c).o
		# shellcheck disable=SC2086
		run clang $fuzz_flags -fsanitize=fuzzer-no-link \
			-include fuzz/arena.h -c -o "$o" "$f"
		objects="$objects $o"
	done
	for f in fuzz/arena.c fuzz/common.c tests/tools/progcheck.c; do
		o=$dir/obj/$(basename "$f" .c).o
		# shellcheck disable=SC2086
		run clang $fuzz_flags -fsanitize=fuzzer-no-link -c -o "$o" "$f"
		objects="$objects $o"
	done
	for name in parse policy; do
		# shellcheck disable=SC2086
		run clang $fuzz_flags -fsanitize=fuzzer -o "$dir/${name}_fuzz" \
			"fuzz/${name}_fuzz.c" $objects
	done
	# The packed build's decoder, which needs nothing from src/ and is
	# checked against zlib (zlib1g-dev).
	# shellcheck disable=SC2086
	run clang $fuzz_flags -Ipack -fsanitize=fuzzer \
		-o "$dir/inflate_fuzz" fuzz/inflate_fuzz.c pack/inflate.c -lz
	# A failing input stops one harness, not the others.
	failed=
	for name in parse policy inflate; do
		mkdir -p "$dir/corpus-$name"
		# The profile words and saved profiles mean nothing to the
		# decoder.
		dict=-dict=fuzz/profile.dict
		regressions=fuzz/regressions
		if [ "$name" = inflate ]; then
			dict=
			regressions=
		fi
		# -close_fd_mask=2 sends seccwrap's messages to /dev/null;
		# libFuzzer and the sanitizers still report on stderr.
		# shellcheck disable=SC2086
		run "$dir/${name}_fuzz" -max_total_time="$seconds" -timeout=10 \
			-rss_limit_mb=2048 -max_len=8192 -close_fd_mask=2 \
			-print_final_stats=1 $dict \
			-artifact_prefix="$dir/crashes/$name-" \
			"$dir/corpus-$name" "fuzz/corpus/$name" $regressions ||
			failed="$failed $name"
	done
	if [ -n "$failed" ]; then
		echo "build.sh: fuzzing found failing inputs ($failed); see" \
			"$dir/crashes/" >&2
		return 1
	fi
}

case "${1:-musl}" in
musl)
	build_musl
	;;
nolibc)
	build_nolibc
	;;
packed)
	build_packed
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
initramfs)
	build_initramfs "${2:-}"
	;;
fuzz)
	build_fuzz "${2:-60}"
	;;
tables)
	exec sh gen/tables.sh
	;;
clean)
	run rm -rf seccwrap "$OUT" tests/out
	;;
*)
	echo "usage: ./build.sh [musl|nolibc|packed|asan|test|test-asan|fuzz [SECONDS]|initramfs [ARCH]|tables|clean]" >&2
	exit 125
	;;
esac
