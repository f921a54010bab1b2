# Build the C helper programs of tests/progs/ into tests/out/.
# Sourced by tests/build.sh, which sets TESTS and OUT and runs under set -eu.
#
#   sysprobe64     gcc -static, x86_64
#   sysprobe32     gcc -m32 -static, i386 (needs gcc-multilib), or
#                  i686-linux-gnu-gcc -static (gcc-i686-linux-gnu), because
#                  Debian's gcc-multilib conflicts with its cross compilers
#   sysprobe-musl  musl-gcc -static, x86_64 (musl creates threads with
#                  clone, glibc with clone3)
#
# All three are static and non-PIE, so they need no loader inside a
# filter and their data lies below 4 GiB, where int $0x80 can reach it.

progs_cflags="-std=gnu99 -O2 -Wall -Wextra -Werror -D_GNU_SOURCE -static -no-pie"

# progs_build OUTPUT COMPILER [FLAGS...]: compile tests/progs/sysprobe.c
# when OUTPUT is missing or older than the source.
progs_build() {
	progs_out=$1
	shift
	if [ -x "$OUT/$progs_out" ] &&
		[ "$OUT/$progs_out" -nt "$TESTS/progs/sysprobe.c" ] &&
		[ "$OUT/$progs_out" -nt "$TESTS/build.d/progs.sh" ]; then
		return 0
	fi
	echo "$* $progs_cflags -o $OUT/$progs_out $TESTS/progs/sysprobe.c -lpthread"
	# shellcheck disable=SC2086
	"$@" $progs_cflags -o "$OUT/$progs_out" "$TESTS/progs/sysprobe.c" \
		-lpthread
}

for progs_tool in gcc musl-gcc; do
	if ! command -v "$progs_tool" >/dev/null 2>&1; then
		echo "tests/build.d/progs.sh: '$progs_tool' not found; install" \
			"it with: apt-get install -y gcc musl-tools gcc-multilib" >&2
		exit 1
	fi
done

# progs_cc32: print the command that builds static i386 programs here.
progs_cc32() {
	printf '#include <errno.h>\nint main(void) { return errno; }\n' \
		>"$OUT/probe32.c"
	for progs_cc in "gcc -m32" i686-linux-gnu-gcc; do
		# shellcheck disable=SC2086
		if $progs_cc -static -o "$OUT/probe32" "$OUT/probe32.c" \
			>/dev/null 2>&1; then
			rm -f "$OUT/probe32" "$OUT/probe32.c"
			echo "$progs_cc"
			return 0
		fi
	done
	rm -f "$OUT/probe32.c"
	return 1
}

progs_build sysprobe64 gcc
if ! progs_cc32=$(progs_cc32); then
	echo "tests/build.d/progs.sh: no compiler builds static i386" \
		"programs; install gcc-multilib, or gcc-i686-linux-gnu and" \
		"libc6-dev-i386-cross" >&2
	exit 1
fi
# shellcheck disable=SC2086
progs_build sysprobe32 $progs_cc32
progs_build sysprobe-musl musl-gcc
