# Build tests/out/tables_test, the unit test of src/syscalls.c and
# src/errnos.c, with the host's gcc and C library, and, where
# libseccomp-dev is installed, tests/out/scmp_resolve (tests/tables.sh)
# and tests/out/scmp_filter (tests/libseccomp.sh).
# Sourced by tests/build.sh, which sets ROOT, TESTS and OUT.
set -- gcc -std=c99 -Os -Wall -Wextra -Werror -I"$ROOT/src" -I"$ROOT/tables" \
	-o "$OUT/tables_test" "$TESTS/unit/tables_test.c" \
	"$ROOT/src/syscalls.c" "$ROOT/src/errnos.c"
echo "$*"
"$@"
rm -f "$OUT/scmp_resolve" "$OUT/scmp_filter"
if [ -f /usr/include/seccomp.h ]; then
	set -- gcc -std=c99 -Wall -Wextra -Werror -o "$OUT/scmp_resolve" \
		"$TESTS/unit/scmp_resolve.c" -lseccomp
	echo "$*"
	"$@"
	set -- gcc -std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror \
		-o "$OUT/scmp_filter" "$TESTS/unit/scmp_filter.c" -lseccomp
	echo "$*"
	"$@"
fi
set --
