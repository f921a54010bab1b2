# The nolibc build (./build.sh nolibc): it must include no C library
# header, link statically, pass nolibc's unit test on every architecture
# with a cross gcc and qemu-user, print byte for byte what $SECCWRAP
# prints, and filter a real command.  tests/build.d/nolibc.sh builds
# tests/out/seccwrap-nolibc and tests/out/nolibc_test for the host.
#
# To run every other suite against the nolibc build as well:
#   ./build.sh nolibc && SECCWRAP=out/x86_64-nolibc/seccwrap sh tests/run.sh

NOLIBC=$TESTS/out/seccwrap-nolibc
NOLIBC_TEST=$TESTS/out/nolibc_test

# --- build -------------------------------------------------------------

if [ -x "$NOLIBC" ] && [ -x "$NOLIBC_TEST" ]; then
	pass build
else
	fail build "./build.sh nolibc failed:" \
		"$(tail -n 5 "$TESTS/out/nolibc-build.log" 2>/dev/null)"
fi

# Every header that the sources include must come from src/, tables/,
# nolibc/, the compiler or the kernel's UAPI (linux/, asm/, asm-generic/).
gcc_include=$(gcc -print-file-name=include)
if gcc -std=c99 -D_GNU_SOURCE -ffreestanding -I"$ROOT/src" \
	-I"$ROOT/tables" -I"$ROOT/nolibc/include" -M "$ROOT"/src/*.c \
	"$ROOT"/nolibc/*.c "$ROOT"/nolibc/test/*.c >"$TMP/deps" 2>&1; then
	tr ' \\' '\n\n' <"$TMP/deps" | grep -v -e ':$' -e '^$' | sort -u |
		grep -v -e "^$ROOT/src/" -e "^$ROOT/tables/" \
		-e "^$ROOT/nolibc/" -e "^$gcc_include/" \
		-e '/linux/' -e '/asm/' -e '/asm-generic/' >"$TMP/foreign"
	if [ -s "$TMP/foreign" ]; then
		fail headers "headers from outside nolibc:" \
			"$(tr '\n' ' ' <"$TMP/foreign")"
	else
		pass headers
	fi
else
	fail headers "gcc -M failed: $(head -c 300 "$TMP/deps")"
fi

if [ -x "$NOLIBC" ]; then
	readelf -lW "$NOLIBC" >"$TMP/phdrs" 2>&1
	if grep -q -e INTERP -e DYNAMIC "$TMP/phdrs"; then
		fail static "has an INTERP or DYNAMIC segment"
	elif ! grep -q LOAD "$TMP/phdrs"; then
		fail static "readelf -l failed: $(head -c 200 "$TMP/phdrs")"
	else
		pass static
	fi
fi

# main.c's prefault() writes to the pages of seccwrap's variables.  ld
# sets __bss_start before it aligns .bss, so where the writable segment
# has no .data, as in the x86_64 nolibc build, __bss_start can lie on
# the unmapped page before that segment.  Padding the read-only data to
# end a few bytes before a page boundary puts it there, and the padded
# build must still run.
if [ -x "$NOLIBC" ]; then
	end=$(readelf -lW "$NOLIBC" | awk '$1 == "LOAD" { print $5; exit }')
	pad=$(( (0xfe8 - end % 4096 + 4096) % 4096 ))
	printf '.section .rodata.pad,"a"\n.globl padsym\npadsym:\n.skip %d\n' \
		"$((pad + 1))" >"$TMP/pad.s"
	if as -o "$TMP/pad.o" "$TMP/pad.s" &&
		(cd "$ROOT" && BUILD_OUT="$TMP/padded" CC='' ARCH='' \
		CFLAGS_EXTRA="-Wl,-u,padsym $TMP/pad.o" sh build.sh nolibc) \
		>"$TMP/padded.log" 2>&1; then
		padded=$(find "$TMP/padded" -name seccwrap -type f | head -n 1)
		rw=$(readelf -lW "$padded" | awk '$1 == "LOAD" { v = $3; f = $5 }
			END { print v, f }')
		if [ "$(( ${rw% *} % 4096 ))" -ne 0 ] ||
			[ "$(( ${rw#* } ))" -ne 0 ]; then
			skip bss-start-page "the padding did not start the" \
				"writable segment on a page of its own: $rw"
		else
			"$padded" --print >/dev/null 2>&1
			check bss-start-page 0 "$?"
		fi
	else
		fail bss-start-page "the padded build failed:" \
			"$(tail -n 3 "$TMP/padded.log")"
	fi
fi

# An unknown ARCH stops build.sh with its own message and exit status
# 125, not with a shell error about an unset parameter.
(cd "$ROOT" && CC='' ARCH=bogus sh build.sh nolibc) >"$TMP/arch.out" 2>&1
check build/unknown-arch-status 125 "$?"
if grep -q "unknown ARCH 'bogus'" "$TMP/arch.out" &&
	[ "$(wc -l <"$TMP/arch.out")" -eq 1 ]; then
	pass build/unknown-arch-message
else
	fail build/unknown-arch-message "$(head -c 300 "$TMP/arch.out")"
fi

# Debian bookworm has no port for big-endian mips, 32-bit ppc or
# big-endian ppc64 to take busybox-static from, so an initramfs for mips,
# mips64, ppc or ppc64 stops before anything is built.
for arch in mips mips64 ppc ppc64; do
	(cd "$ROOT" && CC='' ARCH='' sh build.sh initramfs "$arch") \
		>"$TMP/initramfs.out" 2>&1
	check "build/initramfs-$arch-status" 125 "$?"
	if grep -q "no busybox-static for $arch" "$TMP/initramfs.out" &&
		[ "$(wc -l <"$TMP/initramfs.out")" -eq 1 ]; then
		pass "build/initramfs-$arch-message"
	else
		fail "build/initramfs-$arch-message" \
			"$(head -c 300 "$TMP/initramfs.out")"
	fi
done

# CC names the compiler, so an ARCH or an initramfs arch that it does not
# build for stops build.sh before anything is built.
(cd "$ROOT" && CC=gcc ARCH=mipsel sh build.sh nolibc) >"$TMP/cc.out" 2>&1
check build/cc-arch-conflict-status 125 "$?"
check build/cc-arch-conflict-message \
	"build.sh: CC=gcc builds for $(uname -m | sed 's/^i.86$/i386/'), not mipsel" \
	"$(cat "$TMP/cc.out")"
(cd "$ROOT" && CC=gcc sh build.sh initramfs mipsel) >"$TMP/cc.out" 2>&1
check build/cc-initramfs-conflict-status 125 "$?"

# A CC that is not installed stops with its name and no package hint,
# because the user chose that compiler.
for target in musl nolibc; do
	(cd "$ROOT" && CC=no-such-cc sh build.sh "$target") >"$TMP/cc.out" 2>&1
	check "build/cc-missing-$target-status" 125 "$?"
	check "build/cc-missing-$target-message" \
		"build.sh: CC names 'no-such-cc', which is not found" \
		"$(cat "$TMP/cc.out")"
done
# A wrapper before the compiler ("ccache gcc") is looked up word by word.
(cd "$ROOT" && CC='env no-such-cc' sh build.sh nolibc) >"$TMP/cc.out" 2>&1
check build/cc-missing-after-wrapper-status 125 "$?"
check build/cc-missing-after-wrapper-message \
	"build.sh: CC names 'no-such-cc', which is not found" \
	"$(cat "$TMP/cc.out")"

# A CC for the musl target that compiles against glibc gets a note.  The
# invalid flag stops the build at its first compile, before ./seccwrap
# could be replaced.
(cd "$ROOT" && CC='env gcc' CFLAGS_EXTRA=--no-such-flag sh build.sh musl) \
	>"$TMP/cc.out" 2>&1
if grep -q "^build.sh: note: CC='env gcc' compiles against glibc" \
	"$TMP/cc.out"; then
	pass build/cc-glibc-for-musl-note
else
	fail build/cc-glibc-for-musl-note "got: $(head -c 300 "$TMP/cc.out")"
fi
(cd "$ROOT" && CFLAGS_EXTRA=--no-such-flag sh build.sh musl) \
	>"$TMP/cc.out" 2>&1
if grep -q "note: CC=" "$TMP/cc.out"; then
	fail build/musl-gcc-no-note "the default musl-gcc got the note"
else
	pass build/musl-gcc-no-note
fi

# --- unit test on the host and on other architectures ----------------------

# cross_same ARCH QEMU BINARY: the cross build, run under qemu-user,
# prints byte for byte what $SECCWRAP --arch=ARCH prints, and dumps the
# same program.  A run stopped by the timeout (60 s, where one takes
# well under a second) fails its case instead of hanging the suite.
cross_same() {
	_a=$1
	_q=$2
	_bin=$3
	_n=0
	while read -r _args; do
		_n=$((_n + 1))
		# shellcheck disable=SC2086
		timeout 60 "$_q" "$_bin" $_args >"$TMP/cross.out" 2>&1
		echo "status $?" >>"$TMP/cross.out"
		# shellcheck disable=SC2086
		"$SECCWRAP" --arch="$_a" $_args >"$TMP/host.out" 2>&1
		echo "status $?" >>"$TMP/host.out"
		if cmp -s "$TMP/cross.out" "$TMP/host.out"; then
			pass "cross/$_a/same-$_n"
		else
			fail "cross/$_a/same-$_n" "'$_args' differs from" \
				"--arch=$_a: $(diff "$TMP/host.out" \
				"$TMP/cross.out" | head -n 4)"
		fi
	done <<-EOF
	--print
	--memory-deny-write-execute --protocol=unix --restrict-namespaces --print
	--seccomp.keep=read,write,exit_group,set_tls --seccomp-error-action=kill --print
	-p /etc/firejail/default.profile --print
	--explain=mount
	--explain=read
	--memory-deny-write-execute --explain=mprotect
	--debug-syscalls
	--debug-syscalls32
	--debug-errnos
	--debug-protocols
	--debug-syscall-groups=@default,@system-service
	--seccomp.drop=mout --check
	--seccomp.drop=4294967296 --check
	--seccomp.keep=0x100000003 --check
	--seccomp-error-action=4294967298 --check
	--explain=040000000000
	EOF
	timeout 60 "$_q" "$_bin" --seccomp.drop=mount --dump="$TMP/cross.bpf"
	"$SECCWRAP" --arch="$_a" --seccomp.drop=mount --dump="$TMP/host.bpf"
	# Both write the filter in the byte order of $_a's kernel.
	if [ -s "$TMP/host.bpf" ] && cmp -s "$TMP/cross.bpf" "$TMP/host.bpf"
	then
		pass "cross/$_a/same-dump"
	else
		fail "cross/$_a/same-dump" "the dumped programs differ"
	fi
}

# unit ARCH RUNNER...: run nolibc_test of ARCH through RUNNER (qemu-user
# under a timeout, or nothing on the host) and pass or fail each of its
# checks.
unit() {
	_arch=$1
	shift
	mkdir -p "$TMP/unit-$_arch"
	NOLIBC_TEST_VAR=value NOLIBC_TEST_EQ=B=x "$@" "$TMP/unit-$_arch" \
		"a b" >"$TMP/unit.out" 2>&1
	_rc=$?
	while read -r _ok _name _rest; do
		case $_ok in
		ok) pass "unit/$_arch/$_name" ;;
		not) fail "unit/$_arch/$_rest" "check failed" ;;
		esac
	done <"$TMP/unit.out"
	check "unit/$_arch/status" 0 "$_rc"
	if ! grep -q 'ok ' "$TMP/unit.out"; then
		fail "unit/$_arch/ran" "no output: $(head -c 300 "$TMP/unit.out")"
	fi
	"$@" exit 7 >/dev/null 2>&1
	check "unit/$_arch/exit-status" 7 "$?"
}

if [ -x "$NOLIBC_TEST" ]; then
	unit host "$NOLIBC_TEST"
fi

# Cross builds write to $BUILD_OUT/ARCH-nolibc/ (tests/run.sh).  seccwrap
# itself builds only where tables/ covers the architecture.
for arch in i386 aarch64 arm riscv64 ppc64le ppc64 ppc s390x mips64el mipsel \
	mips64 mips; do
	case $arch in
	i386) cc=i686-linux-gnu-gcc qemu=qemu-i386-static ;;
	arm) cc=arm-linux-gnueabihf-gcc qemu=qemu-arm-static ;;
	ppc64le) cc=powerpc64le-linux-gnu-gcc qemu=qemu-ppc64le-static ;;
	ppc64) cc=powerpc64-linux-gnu-gcc qemu=qemu-ppc64-static ;;
	ppc) cc=powerpc-linux-gnu-gcc qemu=qemu-ppc-static ;;
	mips64el) cc=mips64el-linux-gnuabi64-gcc qemu=qemu-mips64el-static ;;
	mips64) cc=mips64-linux-gnuabi64-gcc qemu=qemu-mips64-static ;;
	*) cc=$arch-linux-gnu-gcc qemu=qemu-$arch-static ;;
	esac
	if ! command -v "$cc" >/dev/null 2>&1; then
		skip "cross/$arch" "no $cc (Debian package gcc-${cc%-gcc})"
		continue
	fi
	dir=$BUILD_OUT/$arch-nolibc
	rm -f "$dir/nolibc_test" "$dir/seccwrap"
	(cd "$ROOT" && CC='' ARCH=$arch sh build.sh nolibc) \
		>"$TMP/cross.log" 2>&1
	built=$?
	# Errors other than the #error of a table that lacks this arch.
	grep -E ': (fatal )?error:|undefined reference' "$TMP/cross.log" |
		grep -v -E 'tables/[^:]+:[0-9]+:[0-9]+: error: #error' \
		>"$TMP/cross.errors"
	if [ "$built" -eq 0 ]; then
		pass "cross/$arch/build"
		# The stack must not be executable: a PT_GNU_STACK header
		# with flags RW, not RWE and not missing.
		if readelf -lW "$dir/seccwrap" | grep -q 'GNU_STACK.* RW  '; then
			pass "cross/$arch/stack-not-executable"
		else
			fail "cross/$arch/stack-not-executable" \
				"$(readelf -lW "$dir/seccwrap" | grep GNU_STACK)"
		fi
	elif [ ! -s "$TMP/cross.errors" ] && [ -x "$dir/nolibc_test" ]; then
		skip "cross/$arch/build" "tables/ has no $arch tables yet"
	else
		fail "cross/$arch/build" "$(tail -n 5 "$TMP/cross.log")"
	fi
	if [ ! -x "$dir/nolibc_test" ]; then
		continue
	fi
	if ! command -v "$qemu" >/dev/null 2>&1; then
		skip "cross/$arch/run" "no $qemu (Debian package qemu-user-static)"
		continue
	fi
	unit "$arch" timeout 60 "$qemu" "$dir/nolibc_test"
	if [ "$built" -eq 0 ]; then
		timeout 60 "$qemu" "$dir/seccwrap" --version >"$TMP/version" 2>&1
		check "cross/$arch/version" "$("$NOLIBC" --version)" \
			"$(cat "$TMP/version")"
		cross_same "$arch" "$qemu" "$dir/seccwrap"
	fi
done

# --- the same output as $SECCWRAP ---------------------------------------

# same CASE ARG...: seccwrap ARG... must give the same stdout, stderr and
# exit status from $SECCWRAP and from the nolibc build.
same() {
	_case=$1
	shift
	"$SECCWRAP" "$@" </dev/null >"$TMP/ref.out" 2>"$TMP/ref.err"
	_ref=$?
	"$NOLIBC" "$@" </dev/null >"$TMP/got.out" 2>"$TMP/got.err"
	_got=$?
	if [ "$_ref" -ne "$_got" ]; then
		fail "same/$_case" "exit status $_ref from $SECCWRAP, $_got" \
			"from nolibc; stderr: $(head -c 200 "$TMP/got.err")"
	elif ! cmp -s "$TMP/ref.out" "$TMP/got.out"; then
		fail "same/$_case" "stdout differs:" \
			"$(diff "$TMP/ref.out" "$TMP/got.out" | head -n 6)"
	elif ! cmp -s "$TMP/ref.err" "$TMP/got.err"; then
		fail "same/$_case" "stderr differs:" \
			"$(diff "$TMP/ref.err" "$TMP/got.err" | head -n 6)"
	else
		pass "same/$_case"
	fi
}

# same_dump CASE ARG...: as same, for the file that --dump writes.
same_dump() {
	_case=$1
	shift
	rm -f "$TMP/ref.bpf" "$TMP/got.bpf"
	"$SECCWRAP" "$@" --dump="$TMP/ref.bpf" </dev/null >/dev/null 2>&1
	_ref=$?
	"$NOLIBC" "$@" --dump="$TMP/got.bpf" </dev/null >/dev/null 2>&1
	_got=$?
	if [ "$_ref" -ne 0 ] || [ "$_got" -ne 0 ]; then
		fail "same/$_case" "--dump exit status $_ref from $SECCWRAP," \
			"$_got from nolibc"
	elif ! cmp -s "$TMP/ref.bpf" "$TMP/got.bpf"; then
		fail "same/$_case" "the dumped filters differ"
	else
		pass "same/$_case"
	fi
}

# profile NAME LINE...: write a test profile to $TMP/NAME.profile.
profile() {
	_name=$1
	shift
	printf '%s\n' "$@" >"$TMP/$_name.profile"
}

if [ ! -x "$NOLIBC" ]; then
	skip same "no nolibc build"
elif cmp -s "$SECCWRAP" "$NOLIBC"; then
	skip same "SECCWRAP is the nolibc build; run with the musl build" \
		"to compare"
else
	for opt in --help --version --debug-syscalls --debug-syscalls32 \
		--debug-errnos --debug-protocols --debug-syscall-groups \
		--debug-syscall-groups=@default,@mount \
		--debug-syscall-groups=@nosuchgroup --print --check \
		--explain=mount --explain=socket,i386 --explain=nosuchcall \
		--nosuchoption; do
		same "option$opt" "$opt"
	done
	same_dump default
	same missing-command
	same missing-command-after-dashes --
	same missing-profile -p "$TMP/missing.profile" -- true
	same profile-is-directory -p "$TMP" -- true

	profile drop "# deny two calls" "seccomp.drop mount,umount2:EACCES"
	profile keep "seccomp.keep @system-service,!ptrace" \
		"seccomp-error-action kill"
	profile args "seccomp" "memory-deny-write-execute" \
		"protocol unix,inet" "restrict-namespaces user,net"
	profile lists32 "seccomp !chroot" "seccomp.32.keep @system-service" \
		"seccomp.block-secondary"
	profile errors "seccomp.drop mout" "sekcomp" "protocol ipx" \
		"seccomp-error-action EFOO" "include nosuch.inc"
	profile conditional "?HAS_X11: seccomp.drop mount" "ignore protocol" \
		"protocol unix" "seccomp"
	printf 'seccomp.drop chroot\n' >"$TMP/part.inc"
	profile include "include part.inc" "include \${HOME}/nosuch.local" \
		"include \${CFG}/nosuch.local" "seccomp"
	# More than 20 errors: the cap and its message.
	i=0
	while [ $i -lt 30 ]; do
		echo "seccomp.drop bad$i"
		i=$((i + 1))
	done >"$TMP/many-errors.profile"
	# Almost 1 MiB, read through several reallocations, and 2.5 MB,
	# which is rejected.
	awk 'BEGIN { for (i = 0; i < 16000; i++) printf "# %060d\n", i
		print "seccomp.drop mount" }' >"$TMP/big.profile"
	awk 'BEGIN { for (i = 0; i < 40000; i++) printf "# %060d\n", i }' \
		>"$TMP/too-big.profile"
	printf 'seccomp\0\n' >"$TMP/binary.profile"
	for p in drop keep args lists32 conditional include big; do
		same "profile-$p/print" -p "$TMP/$p.profile" --print
		same "profile-$p/verbose-check" -v -p "$TMP/$p.profile" --check
		same_dump "profile-$p/dump" -p "$TMP/$p.profile"
	done
	for p in errors many-errors too-big binary; do
		same "profile-$p" -p "$TMP/$p.profile" --check
	done
	for p in "$ROOT"/examples/*.profile "$TESTS"/profiles/*.profile; do
		[ -e "$p" ] || continue
		same "file-${p##*/}" -v -p "$p" --print
	done
	same options --seccomp.drop=@mount,ptrace:ENOSYS --protocol=unix \
		--restrict-namespaces --memory-deny-write-execute \
		--seccomp-error-action=log --allow-debuggers --print
	same option-ignore --ignore=seccomp -p "$TMP/drop.profile" --print

	# Runs that exec a command (the filter is installed each time).
	printf 'echo\n' >"$TMP/not-executable"
	same run-status -- /bin/sh -c 'echo out; echo err >&2; exit 3'
	same run-verbose -v -p "$TMP/drop.profile" -- /bin/true
	same run-path-search -- true
	same run-not-found -- nosuchcommand
	same run-not-found-path -- "$TMP/nosuchcommand"
	same run-not-executable -- "$TMP/not-executable"
	same run-no-filter --ignore=seccomp -p "$TMP/conditional.profile" \
		-- /bin/true

	# Every firejail profile on this machine, as one case.
	if [ -d /etc/firejail ]; then
		n=0
		bad=
		for p in /etc/firejail/*.profile; do
			n=$((n + 1))
			"$SECCWRAP" -q -p "$p" --print >"$TMP/ref.out" 2>&1
			_ref=$?
			"$NOLIBC" -q -p "$p" --print >"$TMP/got.out" 2>&1
			if [ "$?" -ne "$_ref" ] ||
				! cmp -s "$TMP/ref.out" "$TMP/got.out"; then
				bad="$bad ${p##*/}"
			fi
		done
		if [ -z "$bad" ] && [ "$n" -gt 0 ]; then
			pass firejail-profiles
		else
			fail firejail-profiles "output differs for:$bad"
		fi
	else
		skip firejail-profiles "no /etc/firejail (package firejail-profiles)"
	fi
fi

# --- a real filtered run ------------------------------------------------

if [ -x "$NOLIBC" ]; then
	# chdir is denied with EPERM, so the shell's cd fails.
	profile no-chdir "seccomp.drop chdir"
	out=$(/bin/sh -c 'cd / && echo reached' 2>&1)
	check run/unfiltered-cd reached "$out"
	out=$("$NOLIBC" -p "$TMP/no-chdir.profile" -- /bin/sh -c \
		'cd / && echo reached' 2>&1)
	rc=$?
	case $out in
	*reached*) fail run/denied-cd "cd succeeded under the filter" ;;
	*)
		if [ "$rc" -eq 0 ]; then
			fail run/denied-cd "the shell exited with status 0"
		else
			pass run/denied-cd
		fi
		;;
	esac
	# With kill, the shell dies of SIGSYS (31): status 128 + 31.
	"$NOLIBC" -p "$TMP/no-chdir.profile" --seccomp-error-action=kill \
		-- /bin/sh -c 'cd /; echo reached' >/dev/null 2>&1
	check run/kill-status 159 "$?"

	# The default filter denies mount.  Only root can show it: root's
	# own mount must work first.
	mkdir "$TMP/mnt"
	if [ "$(id -u)" -ne 0 ]; then
		skip run/mount "needs root"
	elif ! mount -t tmpfs none "$TMP/mnt" 2>/dev/null; then
		skip run/mount "mount fails without a filter too"
	else
		umount "$TMP/mnt"
		out=$("$NOLIBC" -- /bin/sh -c "mount -t tmpfs none '$TMP/mnt'" \
			2>&1)
		rc=$?
		if mountpoint -q "$TMP/mnt" 2>/dev/null; then
			umount "$TMP/mnt"
			fail run/mount "mount succeeded under the default filter"
		else
			case $out in
			*"ermission denied"*) check run/mount-status 32 "$rc" ;;
			*) fail run/mount "expected 'permission denied', got:" \
				"$out" ;;
			esac
		fi
	fi
fi

# --- exit under an outer filter -------------------------------------------

# Under a filter that denies exit_group, nolibc's exit falls back to exit,
# as musl's does, so the status stays that of env(1) and not SIGILL's.
if [ -x "$NOLIBC" ]; then
	"$SECCWRAP" -q --seccomp.drop=exit_group -- "$NOLIBC" --version \
		>"$TMP/ver.out" 2>&1
	check exit-fallback/version "0 seccwrap" \
		"$? $(cut -d' ' -f1 "$TMP/ver.out")"
	"$SECCWRAP" -q --seccomp.drop=exit_group -- "$NOLIBC" -- \
		/nonexistent >/dev/null 2>&1
	check exit-fallback/not-found 127 "$?"
	"$SECCWRAP" -q --seccomp.drop=exit_group -- "$NOLIBC" \
		--seccomp.drop=mout -- true >/dev/null 2>&1
	check exit-fallback/bad-option 125 "$?"
fi
