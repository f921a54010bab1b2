# The packed build (./build.sh packed): the x86_64 nolibc build, branch-
# filtered and compressed, behind pack/stub.c, which decodes it at
# start-up.  It must behave as the nolibc build it packs, byte for byte,
# stop with status 125 before seccwrap's code runs when it cannot unpack
# itself, and its decoder must agree with gzip.
# tests/build.d/packed.sh builds tests/out/packed/.
#
# To run every other suite against the packed build as well:
#   ./build.sh packed && SECCWRAP=out/x86_64-packed/seccwrap sh tests/run.sh
. "$TESTS/progs/probe.sh"

PACKED_DIR=$TESTS/out/packed
PACKED=$PACKED_DIR/seccwrap
UNPACKED=$PACKED_DIR/seccwrap-unpacked
PACK=$PACKED_DIR/pack

if [ "$(uname -m)" != x86_64 ]; then
	skip packed "the packed build is for x86_64 only"
	return 0
fi
if ! command -v zopfli >/dev/null 2>&1; then
	skip packed "zopfli is not installed (apt-get install -y zopfli)"
	return 0
fi
if [ ! -x "$PACKED" ] || [ ! -x "$PACK" ]; then
	fail build "./build.sh packed failed:" \
		"$(tail -n 5 "$TESTS/out/packed-build.log" 2>/dev/null)"
	return 0
fi
pass build

# --- the file ---------------------------------------------------------

readelf -lW "$PACKED" >"$TMP/phdrs" 2>&1
loads=$(grep -c '^ *LOAD' "$TMP/phdrs")
check one-load-segment 1 "$loads"
if grep -q -e INTERP -e DYNAMIC "$TMP/phdrs"; then
	fail static "has an INTERP or DYNAMIC segment"
else
	pass static
fi
# The stub's own segment is read-only code.  The image's pages are
# writable only from the stub's mmap() until they become executable.
if grep '^ *LOAD' "$TMP/phdrs" | grep -q 'RWE'; then
	fail no-wx-segment "a LOAD segment is writable and executable"
else
	pass no-wx-segment
fi
check no-section-headers 0 \
	"$(readelf -hW "$PACKED" | awk -F: '/Number of section headers/ {
		gsub(/ /, "", $2); print $2 }')"

# --- same output as the nolibc build ----------------------------------

profile default 'seccomp'
profile lists 'seccomp.drop @mount,bpf,chmod:ENOENT
seccomp.32.keep @default-keep,read,write,exit
seccomp-error-action EACCES
memory-deny-write-execute
restrict-namespaces user,net
protocol unix,inet'
profile keep 'seccomp.keep @system-service,rt_sigreturn,getuid,!execveat
seccomp-error-action kill'
profile bad 'seccomp.drop mout'

# same_output NAME ARGS...: the packed and the unpacked build print the
# same on both streams and exit with the same status.
same_output() {
	_name=$1
	shift
	"$UNPACKED" "$@" >"$TMP/want.out" 2>"$TMP/want.err" </dev/null
	_want=$?
	"$PACKED" "$@" >"$TMP/got.out" 2>"$TMP/got.err" </dev/null
	_got=$?
	if [ "$_want" != "$_got" ]; then
		fail "$_name" "exit status $_got, unpacked $_want"
	elif ! cmp -s "$TMP/want.out" "$TMP/got.out"; then
		fail "$_name" "standard output differs from the unpacked build's"
	elif ! cmp -s "$TMP/want.err" "$TMP/got.err"; then
		fail "$_name" "standard error differs: $(head -c 200 "$TMP/got.err")"
	else
		pass "$_name"
	fi
}

same_output same-version --version
same_output same-help --help
same_output same-print-default -p "$TMP/default.profile" --print
same_output same-dump-default -p "$TMP/default.profile" --dump=-
same_output same-print-lists -p "$TMP/lists.profile" --print
same_output same-dump-keep -p "$TMP/keep.profile" --dump=-
same_output same-explain-ioctl -p "$TMP/lists.profile" --explain=ioctl
same_output same-explain-i386 -p "$TMP/default.profile" --explain=mount,i386
same_output same-arch-aarch64 --arch=aarch64 -p "$TMP/lists.profile" --print
same_output same-arch-mips -p "$TMP/default.profile" --arch=mips --dump=-
same_output same-debug-syscalls --debug-syscalls
same_output same-debug-errnos --debug-errnos
same_output same-debug-groups --debug-syscall-groups
same_output same-check -p "$TMP/lists.profile" --check -v
same_output same-bad-profile -p "$TMP/bad.profile" -- true
same_output same-missing-profile -p "$TMP/missing.profile" -- true
same_output same-bad-option --no-such-option
same_output same-no-command -p "$TMP/default.profile"
same_output same-not-found -p "$TMP/default.profile" -- \
	"$TMP/no-such-command"
: >"$TMP/not-executable"
same_output same-not-executable -p "$TMP/default.profile" -- \
	"$TMP/not-executable"
same_output same-exit-status -p "$TMP/default.profile" -- sh -c 'exit 3'

# --- filters in force -------------------------------------------------

if [ "$(id -u)" -eq 0 ]; then
	SECCWRAP=$PACKED
	# shellcheck disable=SC2046
	probe live-64 "-p $TMP/default.profile" "$P64" \
		mount=EPERM umount2=EPERM ptrace=EPERM getpid=ok read=ok
	probe live-32 "-p $TMP/default.profile" "$P32" \
		mount=EPERM chroot=EPERM getpid=ok write=ok
	probe live-lists "-p $TMP/lists.profile" "$P64" \
		mount=EACCES unshare-user=EACCES mprotect-x=EACCES getpid=ok
else
	skip live "needs root, as the README says"
fi

# --- memory-deny-write-execute around it ------------------------------

# Under a filter that denies mprotect() with PROT_EXEC and memfd_create,
# as memory-deny-write-execute does, the stub cannot make its code
# executable: status 125 and the reason, and the command never runs.
profile mdwx 'memory-deny-write-execute'
rm -f "$TMP/ran"
"$UNPACKED" -p "$TMP/mdwx.profile" -- "$PACKED" -p "$TMP/default.profile" \
	-- touch "$TMP/ran" >"$TMP/mdwx.out" 2>&1
rc=$?
check mdwx-status 125 "$rc"
if grep -q "packed build: cannot make its code executable (errno [0-9]*); under memory-deny-write-execute" \
	"$TMP/mdwx.out"; then
	pass mdwx-message
else
	fail mdwx-message "got: $(head -c 300 "$TMP/mdwx.out")"
fi
if [ -e "$TMP/ran" ]; then
	fail mdwx-command-not-run "the command ran"
else
	pass mdwx-command-not-run
fi

# Where mprotect() with PROT_EXEC is denied but memfd_create is not, as
# under systemd's MemoryDenyWriteExecute=, the stub maps its code from a
# memfd.  Where memfd_create is denied, mprotect() does it.  The
# command is the musl sysprobe, which calls no mprotect() of its own:
# glibc's, even static, does, for its read-only relocations.
for denied in mprotect memfd_create; do
	profile "deny-$denied" "seccomp.drop $denied"
	"$UNPACKED" -p "$TMP/deny-$denied.profile" -- "$PACKED" \
		-p "$TMP/default.profile" -- "$PMUSL" getpid \
		>"$TMP/deny.out" 2>&1
	rc=$?
	if [ "$rc" = 0 ] && grep -q '^getpid ret=[0-9]' "$TMP/deny.out"; then
		pass "runs-without-$denied"
	else
		fail "runs-without-$denied" "status $rc:" \
			"$(head -c 300 "$TMP/deny.out")"
	fi
done

# A file size limit below the code's 60 KB stops the memfd route.  The
# stub ignores SIGXFSZ while it writes, so write() fails with EFBIG and
# it exits 125 with a message, not killed by the signal.  50 blocks is
# 25,600 bytes (dash counts 512-byte blocks) or 51,200 (bash, 1 KiB):
# under the code's size, and room for the message in $TMP/fsize.out.
sh -c 'ulimit -f 50; exec "$@"' sh "$UNPACKED" \
	-p "$TMP/deny-mprotect.profile" -- "$PACKED" --version \
	>"$TMP/fsize.out" 2>&1
check memfd-file-size-limit-status 125 "$?"
if grep -q 'cannot make its code executable (errno 27)' "$TMP/fsize.out"
then
	pass memfd-file-size-limit-message
else
	fail memfd-file-size-limit-message "got: $(head -c 300 "$TMP/fsize.out")"
fi

# Where a filter denies exit_group as well, the stub must still end
# after its message: exit, then a trap.
profile deny-exit-group 'seccomp.drop exit_group
memory-deny-write-execute'
timeout 20 "$UNPACKED" -p "$TMP/deny-exit-group.profile" -- "$PACKED" \
	--version >"$TMP/exit.out" 2>&1
check ends-without-exit-group 125 "$?"

# Linux's PR_SET_MDWE (6.3), which execve keeps, refuses an mprotect()
# that adds PROT_EXEC, but lets a new mapping be executable and not
# writable, so the stub takes the memfd route.  The control case denies
# memfd_create as well and must fail, which shows the refusal in force.
"$PACKED_DIR/mdwe-exec" "$PACKED" -p "$TMP/default.profile" -- \
	"$PMUSL" getpid >"$TMP/mdwe.out" 2>&1
rc=$?
if [ "$rc" = 77 ]; then
	skip pr-set-mdwe "the kernel has no PR_SET_MDWE (Linux 6.3)"
else
	if [ "$rc" = 0 ] && grep -q '^getpid ret=[0-9]' "$TMP/mdwe.out"; then
		pass runs-under-pr-set-mdwe
	else
		fail runs-under-pr-set-mdwe "status $rc:" \
			"$(head -c 300 "$TMP/mdwe.out")"
	fi
	"$PACKED_DIR/mdwe-exec" "$UNPACKED" \
		-p "$TMP/deny-memfd_create.profile" -- "$PACKED" --version \
		>"$TMP/mdwe.out" 2>&1
	check pr-set-mdwe-without-memfd 125 "$?"
	# The memfd route ignores SIGXFSZ for a moment; the command must
	# get the disposition that the stub found, as under the nolibc
	# build.  A dynamic shell runs under PR_SET_MDWE, which leaves its
	# libraries' mappings alone.
	for build in UNPACKED PACKED; do
		eval "binary=\$$build"
		"$PACKED_DIR/mdwe-exec" "$binary" -p "$TMP/default.profile" -- \
			sh -c 'grep ^SigIgn: /proc/$$/status' \
			>"$TMP/sigign.$build" 2>&1
	done
	if grep -q '^SigIgn:' "$TMP/sigign.PACKED" &&
		cmp -s "$TMP/sigign.UNPACKED" "$TMP/sigign.PACKED"; then
		pass sigxfsz-disposition-restored
	else
		fail sigxfsz-disposition-restored \
			"$(cat "$TMP/sigign.PACKED") against" \
			"$(cat "$TMP/sigign.UNPACKED")"
	fi
fi

# vm.memfd_noexec=2 (Linux 6.3) allows only memfds created with
# MFD_NOEXEC_SEAL, which the stub requests: such a memfd still maps
# executable.  The sysctl belongs to the PID namespace, so a new one
# leaves the machine's setting alone.
if [ ! -e /proc/sys/vm/memfd_noexec ]; then
	skip memfd-noexec-2 "the kernel has no vm.memfd_noexec (Linux 6.3)"
elif [ "$(id -u)" -ne 0 ]; then
	skip memfd-noexec-2 "needs root, to set vm.memfd_noexec"
else
	unshare -p -f sh -c 'echo 2 >/proc/sys/vm/memfd_noexec && exec "$@"' \
		sh "$UNPACKED" -p "$TMP/deny-mprotect.profile" -- "$PACKED" \
		-p "$TMP/default.profile" -- "$PMUSL" getpid \
		>"$TMP/noexec.out" 2>&1
	rc=$?
	if [ "$rc" = 0 ] && grep -q '^getpid ret=[0-9]' "$TMP/noexec.out"; then
		pass memfd-noexec-2
	else
		fail memfd-noexec-2 "status $rc: $(head -c 300 "$TMP/noexec.out")"
	fi
fi

# --- a damaged stream -------------------------------------------------

# A changed byte in the stream must stop the stub, through the decoder
# or the checksum, before seccwrap's code runs: status 125, a message,
# and no command.  The bytes are spread over the stream but for its last
# byte, whose high bits may be padding that no decoder reads.
stream_at=$("$PACK" locate "$PACKED" "$PACKED_DIR/stream.deflate")
stream_len=$(stat -c %s "$PACKED_DIR/stream.deflate")
if [ -z "$stream_at" ]; then
	fail damaged "pack locate found no stream in $PACKED"
else
	bad=
	i=0
	while [ "$i" -lt 24 ]; do
		offset=$((stream_at + (stream_len - 2) * i / 23))
		cp "$PACKED" "$TMP/damaged"
		byte=$(od -A n -t u1 -j "$offset" -N 1 "$TMP/damaged" | tr -d ' ')
		printf "\\$(printf %o $(((byte + 1 + i * 37) % 256)))" |
			dd of="$TMP/damaged" bs=1 seek="$offset" conv=notrunc \
			2>/dev/null
		rm -f "$TMP/ran"
		"$TMP/damaged" -p "$TMP/default.profile" -- touch "$TMP/ran" \
			>"$TMP/damaged.out" 2>&1
		rc=$?
		if [ "$rc" != 125 ] || [ -e "$TMP/ran" ] ||
			! grep -q '^seccwrap: packed build: ' "$TMP/damaged.out"
		then
			bad="$bad $offset:$rc"
		fi
		i=$((i + 1))
	done
	if [ -z "$bad" ]; then
		pass damaged-stream-stops
	else
		fail damaged-stream-stops "offset:status where the stub went" \
			"on:$bad"
	fi
fi

# --- the decoder against gzip -----------------------------------------

# raw_deflate FILE: gzip's compressed data for FILE, without gzip's
# 10-byte header (no name with -n from a pipe) and 8-byte trailer.
raw_deflate() {
	gzip "$2" -n -c <"$1" | tail -c +11 | head -c -8
}

head -c 200000 /dev/urandom >"$TMP/random"
head -c 100000 /dev/zero >"$TMP/zeros"
printf 'hello' >"$TMP/short"
: >"$TMP/empty"
cp "$ROOT/README.md" "$TMP/text"
cp "$UNPACKED" "$TMP/program"
# Random data makes gzip write stored blocks, a short input fixed
# Huffman codes, the others dynamic codes.
for input in random zeros short empty text program; do
	for level in -1 -9; do
		raw_deflate "$TMP/$input" "$level" >"$TMP/$input.raw"
		if "$PACK" inflate "$TMP/$input.raw" "$TMP/$input.out" \
			2>"$TMP/inflate.err" &&
			cmp -s "$TMP/$input" "$TMP/$input.out"; then
			pass "inflate-gzip$level-$input"
		else
			fail "inflate-gzip$level-$input" \
				"$(head -c 200 "$TMP/inflate.err")"
		fi
	done
done
zopfli --deflate -c "$TMP/text" >"$TMP/text.zopfli"
if "$PACK" inflate "$TMP/text.zopfli" "$TMP/text.out" 2>"$TMP/inflate.err" &&
	cmp -s "$TMP/text" "$TMP/text.out"; then
	pass inflate-zopfli-text
else
	fail inflate-zopfli-text "$(head -c 200 "$TMP/inflate.err")"
fi

# fuzz/inflate_fuzz.c's checks on the streams above and the harness's
# seeds: zlib's output or zlib's rejection, and exact room.  Built with
# ASan and UBSan where the compiler has them, with fuzz/replay.c in
# place of libFuzzer.
replay_bin=$TMP/inflate-replay
replay_built=
for cc in "clang -fsanitize=address,undefined -fno-sanitize-recover=all" \
	"gcc -fsanitize=address,undefined -fno-sanitize-recover=all" gcc; do
	# shellcheck disable=SC2086
	if $cc -std=c99 -Wall -Wextra -Werror -O1 -g -I"$ROOT/pack" \
		-o "$replay_bin" "$ROOT/fuzz/inflate_fuzz.c" \
		"$ROOT/fuzz/replay.c" "$ROOT/pack/inflate.c" -lz \
		2>>"$TMP/replay-build.err"; then
		replay_built=1
		break
	fi
done
if [ -z "$replay_built" ]; then
	skip inflate-replay "no compiler built the harness (zlib1g-dev" \
		"missing?): $(head -c 200 "$TMP/replay-build.err")"
else
	ASAN_OPTIONS=detect_leaks=0 "$replay_bin" "$ROOT"/fuzz/corpus/inflate/* \
		"$TMP"/*.raw "$TMP/text.zopfli" >"$TMP/replay.out" \
		2>"$TMP/replay.err"
	rc=$?
	if [ "$rc" = 0 ]; then
		pass "inflate-replay-$(grep -c '^ok ' "$TMP/replay.out")-inputs"
	else
		fail inflate-replay "status $rc after" \
			"$(tail -n 1 "$TMP/replay.out"):" \
			"$(head -c 300 "$TMP/replay.err")"
	fi
fi

# A stream cut anywhere is invalid: the decoder must not take the zero
# bits it feeds itself past the end for data.
len=$(stat -c %s "$TMP/text.raw")
bad=
for cut in 1 2 100 $((len / 2)) $((len - 1)); do
	head -c "$cut" "$TMP/text.raw" >"$TMP/cut.raw"
	"$PACK" inflate "$TMP/cut.raw" "$TMP/cut.out" 2>/dev/null
	rc=$?
	[ "$rc" = 1 ] || bad="$bad $cut:$rc"
done
if [ -z "$bad" ]; then
	pass inflate-cut-stream
else
	fail inflate-cut-stream "cut:status accepted or crashed:$bad"
fi

# --- pack's own checks ------------------------------------------------

# pack_rejects NAME MESSAGE ARGS...: pack exits 1 with MESSAGE.
pack_rejects() {
	_name=$1
	_message=$2
	shift 2
	"$PACK" "$@" >"$TMP/pack.out" 2>&1
	_rc=$?
	if [ "$_rc" != 1 ]; then
		fail "$_name" "exit status $_rc, expected 1"
	elif ! grep -q -F "$_message" "$TMP/pack.out"; then
		fail "$_name" "expected '$_message', got:" \
			"$(head -c 200 "$TMP/pack.out")"
	else
		pass "$_name"
	fi
}

pack_rejects pack-not-elf "not an ELF file" image "$TMP/text" \
	"$TMP/image" "$TMP/layout.h"
pack_rejects pack-i386 "not an x86_64 program" image "$P32" "$TMP/image" \
	"$TMP/layout.h"
pack_rejects pack-dynamic "not a static executable" image /bin/sh \
	"$TMP/image" "$TMP/layout.h"
zopfli --deflate -c "$TMP/short" >"$TMP/short.zopfli"
# A PT_LOAD segment (the second, at 64 + 56 bytes) with 16 bytes in the
# file but none in memory.
cp "$UNPACKED" "$TMP/bad-segment"
printf '\020\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' |
	dd of="$TMP/bad-segment" bs=1 seek=152 conv=notrunc 2>/dev/null
pack_rejects pack-filesz-over-memsz "segment 1 out of the file" image \
	"$TMP/bad-segment" "$TMP/image" "$TMP/layout.h"
pack_rejects pack-check-other-stream "decodes to 5 bytes" check \
	"$UNPACKED" "$TMP/short.zopfli"
pack_rejects pack-check-cut-stream "invalid DEFLATE stream" check \
	"$UNPACKED" "$TMP/cut.raw"
