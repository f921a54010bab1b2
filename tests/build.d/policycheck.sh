# Build tests/out/policycheck (tests/layout.sh) from every source file
# but main.c, with the host gcc.  Sourced by tests/build.sh.
set --
for f in "$ROOT"/src/*.c; do
	[ "$(basename "$f")" = main.c ] || set -- "$@" "$f"
done
echo "gcc ... -o $OUT/policycheck"
gcc -std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror -O2 -I"$ROOT/src" \
	-I"$ROOT/tables" -o "$OUT/policycheck" \
	"$TESTS/tools/policycheck.c" "$TESTS/tools/progcheck.c" "$@"
set --
