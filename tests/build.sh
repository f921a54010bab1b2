#!/bin/sh
# Build the helper programs the suites run, into tests/out/.
set -eu
TESTS=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$TESTS")
OUT=$TESTS/out
mkdir -p "$OUT"
for f in "$TESTS"/build.d/*.sh; do
	[ -e "$f" ] || continue
	. "$f"
done
