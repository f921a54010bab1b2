# Build the nolibc seccwrap and nolibc's unit test with the host gcc
# (./build.sh nolibc) and copy them to tests/out/seccwrap-nolibc and
# tests/out/nolibc_test for tests/nolibc.sh.  Sourced by tests/build.sh,
# which sets ROOT and OUT and runs under set -eu.
#
# A failed build does not stop the other suites: its output goes to
# tests/out/nolibc-build.log, which tests/nolibc.sh reports.

# outdated FILE: true when FILE is missing or older than a source.
outdated() {
	[ ! -x "$1" ] ||
		[ -n "$(find "$ROOT/src" "$ROOT/tables" "$ROOT/nolibc" \
			"$ROOT/build.sh" -newer "$1" | head -n 1)" ]
}

nolibc_log=$OUT/nolibc-build.log
if outdated "$OUT/seccwrap-nolibc" || [ ! -x "$OUT/nolibc_test" ]; then
	rm -f "$OUT/seccwrap-nolibc" "$OUT/nolibc_test"
	echo "CC= ARCH= sh $ROOT/build.sh nolibc >$nolibc_log"
	if CC='' ARCH='' sh "$ROOT/build.sh" nolibc >"$nolibc_log" 2>&1; then
		# build.sh echoes its commands; the output folder is named
		# after the host's architecture.
		nolibc_dir=$(sed -n \
			's|.* -o \([^ ]*-nolibc\)/seccwrap .*|\1|p' \
			"$nolibc_log")
		cp "$nolibc_dir/seccwrap" "$OUT/seccwrap-nolibc"
		cp "$nolibc_dir/nolibc_test" "$OUT/nolibc_test"
	else
		echo "tests/build.d/nolibc.sh: ./build.sh nolibc failed; see" \
			"$nolibc_log" >&2
	fi
fi

# The i386 nolibc seccwrap, for tests/live.sh's cases of a 32-bit
# seccwrap on this 64-bit kernel: tests/out/seccwrap-i386, when
# i686-linux-gnu-gcc (gcc-i686-linux-gnu) is installed.
i386_log=$OUT/nolibc-i386-build.log
if [ "$(uname -m)" = x86_64 ] &&
	command -v i686-linux-gnu-gcc >/dev/null 2>&1 &&
	outdated "$OUT/seccwrap-i386"
then
	rm -f "$OUT/seccwrap-i386"
	echo "CC= ARCH=i386 sh $ROOT/build.sh nolibc >$i386_log"
	if CC='' ARCH=i386 sh "$ROOT/build.sh" nolibc >"$i386_log" 2>&1; then
		cp "$BUILD_OUT/i386-nolibc/seccwrap" "$OUT/seccwrap-i386"
	else
		echo "tests/build.d/nolibc.sh: ARCH=i386 ./build.sh nolibc" \
			"failed; see $i386_log" >&2
	fi
fi
