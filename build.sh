#!/bin/sh
# The one build entry for seccwrap.
#
#   ./build.sh           build ./seccwrap, static and stripped, with musl-gcc
#   ./build.sh test      build, then run every test (tests/run.sh)
#   ./build.sh tables    fetch the newest kernel headers and regenerate tables/
#   ./build.sh clean     remove build output
#
# CC and CFLAGS_EXTRA are honoured; every command is echoed.
set -eu
cd "$(dirname "$0")"

: "${CC:=musl-gcc}"
: "${CFLAGS_EXTRA:=}"
OUT=out
CFLAGS="-std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror -Os -Isrc -Itables \
-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables \
-fno-stack-protector"
LDFLAGS="-static -s -Wl,--gc-sections"

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

case "${1:-musl}" in
musl)
	build_musl
	;;
test)
	build_musl
	shift
	exec sh tests/run.sh "$@"
	;;
tables)
	exec sh gen/tables.sh
	;;
clean)
	run rm -rf seccwrap "$OUT" tests/out
	;;
*)
	echo "usage: ./build.sh [musl|test|tables|clean]" >&2
	exit 125
	;;
esac
