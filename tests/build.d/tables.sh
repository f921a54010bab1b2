# Build tests/out/tables_test, the unit test of src/syscalls.c and
# src/errnos.c, with the host's gcc and C library (tests/tables.sh).
# Sourced by tests/build.sh, which sets ROOT, TESTS and OUT.
set -- gcc -std=c99 -Wall -Wextra -Werror -I"$ROOT/src" -I"$ROOT/tables" \
	-o "$OUT/tables_test" "$TESTS/unit/tables_test.c" \
	"$ROOT/src/syscalls.c" "$ROOT/src/errnos.c"
echo "$*"
"$@"
