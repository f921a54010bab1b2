# Build the packed seccwrap (./build.sh packed) and copy it, with the
# nolibc build it packs, its compressed stream and the host tool
# pack/pack.c, to tests/out/packed/ for tests/packed.sh, with
# tests/progs/mdwe-exec.c built beside them.  Sourced by
# tests/build.sh, which sets ROOT and OUT and runs under set -eu.
#
# The packed build is for x86_64 and needs zopfli.  Without either,
# nothing is built and tests/packed.sh skips; a failed build leaves
# tests/out/packed-build.log, which tests/packed.sh reports.

packed_log=$OUT/packed-build.log
if [ "$(uname -m)" = x86_64 ] && command -v zopfli >/dev/null 2>&1 &&
	{ [ ! -x "$OUT/packed/seccwrap" ] ||
		[ -n "$(find "$ROOT/src" "$ROOT/tables" "$ROOT/nolibc" \
			"$ROOT/pack" "$ROOT/build.sh" \
			-newer "$OUT/packed/seccwrap" | head -n 1)" ]; }
then
	rm -rf "$OUT/packed"
	echo "CC= ARCH= sh $ROOT/build.sh packed >$packed_log"
	if CC='' ARCH='' sh "$ROOT/build.sh" packed >"$packed_log" 2>&1; then
		mkdir -p "$OUT/packed"
		for packed_file in seccwrap pack stream.deflate; do
			cp "$BUILD_OUT/x86_64-packed/$packed_file" "$OUT/packed/"
		done
		cp "$BUILD_OUT/x86_64-nolibc/seccwrap" \
			"$OUT/packed/seccwrap-unpacked"
	else
		echo "tests/build.d/packed.sh: ./build.sh packed failed; see" \
			"$packed_log" >&2
	fi
fi

if [ -d "$OUT/packed" ] && { [ ! -x "$OUT/packed/mdwe-exec" ] ||
	[ "$TESTS/progs/mdwe-exec.c" -nt "$OUT/packed/mdwe-exec" ]; }; then
	echo "gcc -static -o $OUT/packed/mdwe-exec $TESTS/progs/mdwe-exec.c"
	gcc -std=c99 -O2 -Wall -Wextra -Werror -static \
		-o "$OUT/packed/mdwe-exec" "$TESTS/progs/mdwe-exec.c"
fi
