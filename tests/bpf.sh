# The BPF back end: each case of tests/unit/compile_test.c, bpfeval on a
# program written by dump_program(), and bpfeval on firejail's compiled
# filters when firejail is installed.

# The unit test prints "ok NAME", "not ok NAME: REASON" and a last line
# "# N cases, N failed"; a missing last line means it crashed.
"$TESTS/out/compile_test" >unit.out 2>&1
status=$?
while IFS= read -r line; do
	case $line in
	"ok "*)
		pass "${line#ok }"
		;;
	"not ok "*)
		line=${line#not ok }
		fail "${line%%: *}" "${line#*: }"
		;;
	esac
done <unit.out
if ! grep -q '^# [0-9]* cases, ' unit.out; then
	fail unit-test "compile_test stopped early (status $status):" \
	    "$(tail -n 3 unit.out)"
elif [ "$status" -ne 0 ] && ! grep -q '^not ok ' unit.out; then
	fail unit-test "compile_test exited with status $status"
fi

# bpfeval must read the raw format dump_program() writes and agree with
# emulate() on every number.
if "$TESTS/out/compile_test" dump prog.bpf >want.txt 2>dump.err &&
    "$TESTS/out/bpfeval" prog.bpf x86_64 0 499 >got.txt 2>eval.err; then
	if cmp -s want.txt got.txt && [ ! -s eval.err ]; then
		pass bpfeval-dump
	else
		fail bpfeval-dump "output differs: $(diff want.txt got.txt |
		    head -n 3) $(cat eval.err)"
	fi
else
	fail bpfeval-dump "$(cat dump.err eval.err)"
fi

check bpfeval-x32-name "$("$TESTS/out/bpfeval" prog.bpf x32 \
    0x40000000 0x40000000)" "1073741824 0x00050001"

if "$TESTS/out/bpfeval" prog.bpf mips 0 1 >/dev/null 2>&1; then
	fail bpfeval-bad-arch "accepted arch 'mips'"
else
	pass bpfeval-bad-arch
fi

# firejail 0.9.72's default filter for x86_64: mount (165) gets
# ERRNO(EPERM), read (0) is allowed, and other arches pass through to
# its separate 32-bit filter.
fj=$(ls /usr/lib/*/firejail/seccomp 2>/dev/null | head -n 1)
if [ -z "$fj" ]; then
	skip bpfeval-firejail "firejail is not installed"
else
	check bpfeval-firejail-mount "$("$TESTS/out/bpfeval" "$fj" x86_64 \
	    165 165 2>&1)" "165 0x00050001"
	check bpfeval-firejail-read "$("$TESTS/out/bpfeval" "$fj" x86_64 \
	    0 0 2>&1)" "0 0x7fff0000"
	check bpfeval-firejail-i386 "$("$TESTS/out/bpfeval" "$fj" i386 \
	    21 21 2>&1)" "21 0x7fff0000"
	for f in "$(dirname "$fj")"/seccomp*; do
		if "$TESTS/out/bpfeval" "$f" x86_64 0 0 2>&1 >/dev/null |
		    grep -q .; then
			fail "bpfeval-firejail-check-${f##*/}" \
			    "program_check rejects it"
		else
			pass "bpfeval-firejail-check-${f##*/}"
		fi
	done
fi
