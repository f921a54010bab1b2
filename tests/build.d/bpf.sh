# Build the BPF back-end unit test and bpfeval with the host gcc (sourced
# by tests/build.sh, which sets ROOT, TESTS and OUT).
bpf_cc() {
	echo "gcc $*"
	gcc -std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror -O2 \
	    -I"$ROOT/src" -I"$ROOT/tables" "$@"
}

set -- "$ROOT/src/syscalls.c" "$ROOT/src/errnos.c"
bpf_cc -Wl,--wrap=malloc,--wrap=realloc -o "$OUT/compile_test" \
    "$TESTS/unit/compile_test.c" \
    "$ROOT/src/asm.c" "$ROOT/src/compile.c" "$ROOT/src/emulate.c" \
    "$ROOT/src/print.c" "$ROOT/src/out.c" "$@"
bpf_cc -o "$OUT/bpfeval" "$TESTS/tools/bpfeval.c" "$ROOT/src/emulate.c"
set --
