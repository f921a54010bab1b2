# Hardening: the saved fuzz inputs, the largest filters, threads, setuid
# programs under no_new_privs, programs that exec others, and exit
# statuses.  Filters run for real here, with tests/progs/sysprobe.c.

. "$TESTS/progs/probe.sh"

POLICYCHECK=$TESTS/out/policycheck
REPLAY=$TESTS/out/fuzz-replay

# --- fuzz inputs --------------------------------------------------------

# fuzz/replay.c runs the policy harness (fuzz/policy_fuzz.c) without
# libFuzzer.  That harness makes every check of the parser harness too,
# so one replay covers the inputs of both.  It is built with ASan and
# UBSan: with clang, as ./build.sh fuzz does, because clang's UBSan also
# reports arithmetic on null pointers, else with gcc, else without.
build_replay() {
	set --
	for f in "$ROOT"/src/*.c; do
		[ "$(basename "$f")" = main.c ] || set -- "$@" "$f"
	done
	set -- "$@" "$ROOT/fuzz/arena.c" "$ROOT/fuzz/common.c" \
		"$ROOT/tests/tools/progcheck.c" "$ROOT/fuzz/policy_fuzz.c" \
		"$ROOT/fuzz/replay.c"
	sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all"
	for cc in "clang $sanitize" "gcc $sanitize" gcc; do
		# shellcheck disable=SC2086
		$cc -std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror -O1 -g \
			-I"$ROOT/src" -I"$ROOT/tables" -I"$ROOT/fuzz" \
			-I"$ROOT/tests/tools" -include "$ROOT/fuzz/arena.h" \
			-o "$REPLAY" "$@" 2>>"$TMP/replay-build.err" && return 0
	done
	return 1
}

if [ -x "$REPLAY" ] && [ -z "$(find "$ROOT/src" "$ROOT/fuzz" \
	"$ROOT/tests/tools" "$ROOT/tables" -newer "$REPLAY" \
	-name '*.[ch]' 2>/dev/null)" ] || build_replay; then
	pass fuzz-replay/build
else
	fail fuzz-replay/build "$(head -c 300 "$TMP/replay-build.err")"
fi

# replay NAME FILE...: every input must pass the harness checks.  After
# a failed input, the replay goes on with the next one.
replay() {
	_name=$1
	shift
	if [ $# -eq 0 ] || [ ! -e "$1" ]; then
		skip "$_name" "no inputs"
		return
	fi
	_total=$#
	_bad=
	while [ $# -gt 0 ]; do
		ASAN_OPTIONS=detect_leaks=0 "$REPLAY" "$@" >"$TMP/replay.out" \
			2>"$TMP/replay.err" && break
		_ok=$(grep -c '^ok ' "$TMP/replay.out")
		shift "$_ok"
		_bad="$_bad $(basename "$1"): $(grep -v '^seccwrap: ' \
			"$TMP/replay.err" | grep . | head -n 1 | cut -c 1-200);"
		shift
	done
	if [ -z "$_bad" ]; then
		pass "$_name-$_total-inputs"
	else
		fail "$_name" "$_bad"
	fi
}

replay fuzz-replay/regressions "$ROOT"/fuzz/regressions/*
# fuzz/corpus/inflate contains DEFLATE streams for the decoder's harness,
# which tests/packed.sh replays.
replay fuzz-replay/corpus "$ROOT"/fuzz/corpus/parse/* \
	"$ROOT"/fuzz/corpus/policy/*

# --- the largest filters ------------------------------------------------

# Every syscall name of the host ABIs that a filter can let run: x86_64
# and i386.  x32 has the names of x86_64, and seccwrap blocks it whole.
"$SECCWRAP" --debug-syscalls | sed 's/\t- / /' >"$TMP/nr64"
"$SECCWRAP" --debug-syscalls32 | sed 's/\t- / /' >"$TMP/nr32"
awk '{ print $2 }' "$TMP/nr64" "$TMP/nr32" | sort -u >"$TMP/names"
if [ "$(grep -c . "$TMP/nr64")" -gt 300 ] &&
	[ "$(grep -c . "$TMP/nr32")" -gt 300 ]; then
	pass largest/tables
else
	fail largest/tables "--debug-syscalls or --debug-syscalls32 printed" \
		"too few lines"
fi

# (a) Every number of x86_64 and of i386, each with its own errno, as a
# profile file: numbers keep each list line under 4096 bytes.  Only the
# native execve stays open, as seccwrap requires.  The argument filter
# commands are there too, but with every call denied they only turn
# clone3, socketcall and io_uring_setup into ENOSYS.  Part (b) below runs
# them.  The emulator checks the program for every number.
{
	awk '$2 != "execve" {
		printf "%s%d:%d", (n++ ? "," : "seccomp.drop "), $1, 1 + $1 }
		END { print "" }' "$TMP/nr64"
	awk '{ printf "%s%d:%d", (n++ ? "," : "seccomp.32.drop "), $1,
		600 + $1 } END { print "" }' "$TMP/nr32"
	echo "memory-deny-write-execute"
	echo "restrict-namespaces"
	echo "protocol unix,inet"
} >"$TMP/all-numbers.profile"
"$POLICYCHECK" "$TMP/all-numbers.profile" >"$TMP/check.out" 2>&1
case $(cat "$TMP/check.out") in
ok*) pass largest/numbers-emulated ;;
*) fail largest/numbers-emulated "$(head -c 300 "$TMP/check.out")" ;;
esac
insns=$(sed -n 's/.* insns=\([0-9]*\).*/\1/p' "$TMP/check.out")
if [ -n "$insns" ] && [ "$insns" -le 4096 ]; then
	pass "largest/numbers-$insns-insns"
else
	fail largest/numbers-size "expected at most 4096 instructions," \
		"got '$insns'"
fi
# The kernel loads it: seccwrap gets as far as the exec, which the
# filter lets through, and the probe then fails at its first call.
"$SECCWRAP" -p "$TMP/all-numbers.profile" -- "$P64" getpid </dev/null \
	>/dev/null 2>"$TMP/err"
_rc=$?
if [ "$_rc" -ne 125 ] && ! grep -q '^seccwrap: ' "$TMP/err"; then
	pass largest/numbers-loads
else
	fail largest/numbers-loads "status $_rc, stderr:" \
		"$(head -c 300 "$TMP/err")"
fi

# (b) Every name, each with its own errno, through an option (no line
# limit), but for what the probe needs to start and the syscalls whose
# argument filters must stay visible.  The probe then calls every listed
# number of both ABIs for real and must get that number's errno.
OPEN="execve arch_prctl brk exit_group getrandom munmap prlimit64
readlink rseq set_robust_list set_tid_address write mmap mmap2 mprotect
pkey_mprotect shmat ipc personality clone unshare setns socket socketpair"
# Calls never made, in case the filter wrongly let them run: they end or
# block the probe, or change the machine.  The kernel runs uretprobe and
# uprobe whatever the filter returns (Linux 6.14 and later for
# uretprobe), and outside a uprobe they raise SIGILL.
UNSAFE="exit pause vhangup rt_sigreturn sigreturn vfork fork select
_newselect pselect6 pselect6_time64 ppoll ppoll_time64 sigsuspend
rt_sigsuspend kexec_load kexec_file_load reboot acct sethostname
setdomainname swapon swapoff seccomp sync syncfs idle uretprobe uprobe"
echo "$OPEN" | tr ' ' '\n' >"$TMP/open"
echo "$UNSAFE" | tr ' ' '\n' >"$TMP/unsafe"
grep -v -x -F -f "$TMP/open" "$TMP/names" |
	awk '{ print $1, 1000 + NR }' >"$TMP/errnos"
list=$(awk '{ printf "%s%s:%s", (NR > 1 ? "," : ""), $1, $2 }' \
	"$TMP/errnos")
set -- "--seccomp.drop=$list" --memory-deny-write-execute \
	--restrict-namespaces --protocol=unix,inet
"$SECCWRAP" "$@" --print >"$TMP/print" 2>"$TMP/err"
insns=$(grep -c . "$TMP/print")
if [ "$insns" -gt 0 ] && [ "$insns" -le 4096 ]; then
	pass "largest/names-$insns-insns"
else
	fail largest/names-size "status, stderr: $(head -c 300 "$TMP/err")"
fi

# expected NRFILE: "NR NAME ERRNO" for each call of NRFILE that the
# profile names, but the unsafe ones: the errno the probe must see.  The
# protocol filter turns two denials into ENOSYS on purpose, while clone3
# keeps its own errno over restrict-namespaces' ENOSYS.
expected() {
	awk 'NR == FNR { e[$1] = $2; next }
		$2 in e { v = e[$2] }
		$2 == "socketcall" || $2 == "io_uring_setup" { v = "ENOSYS" }
		$2 in e { print $1, $2, v }' "$TMP/errnos" "$1" |
		grep -v -w -F -f "$TMP/unsafe"
}
expected "$TMP/nr64" >"$TMP/want64"
expected "$TMP/nr32" >"$TMP/want32"
ops=$(awk '{ printf " nr:%s", $1 }' "$TMP/want64")
ops="$ops$(awk '{ printf " int80:%s", $1 }' "$TMP/want32")"
# Argument filters: mmap with PROT_WRITE|PROT_EXEC, socketpair(AF_INET6),
# and an x32 call, which the x32 block denies with EPERM.
ops="$ops mmap-wx mmap-w mprotect-x socket-inet6 socket-unix unshare-user"
ops="$ops setns0 nr:53:10,1,0,buf int80:192:0,4096,6,34,-1,0 x32:39"
# shellcheck disable=SC2086
timeout 20 "$SECCWRAP" "$@" -- "$P64" $ops </dev/null >"$TMP/out" \
	2>"$TMP/err"
_rc=$?
check largest/names-run-status 0 "$_rc"
awk 'NR == FNR { want["nr:" $1] = $3; name["nr:" $1] = $2; next }
	$1 in want { sub(/^errno=/, "", $3); seen[$1] = 1
		if ($3 != want[$1]) print $1, name[$1], "want", want[$1], "got", $3 }
	END { for (k in want) if (!(k in seen)) print k, name[k], "no line" }' \
	"$TMP/want64" "$TMP/out" >"$TMP/bad64"
awk 'NR == FNR { want["int80:" $1] = $3; name["int80:" $1] = $2; next }
	$1 in want { sub(/^errno=/, "", $3); seen[$1] = 1
		if ($3 != want[$1]) print $1, name[$1], "want", want[$1], "got", $3 }
	END { for (k in want) if (!(k in seen)) print k, name[k], "no line" }' \
	"$TMP/want32" "$TMP/out" >"$TMP/bad32"
if [ -s "$TMP/bad64" ]; then
	fail largest/names-x86_64 "$(head -n 5 "$TMP/bad64" | tr '\n' ';')"
else
	pass "largest/names-x86_64-$(grep -c . "$TMP/want64")-calls"
fi
if [ -s "$TMP/bad32" ]; then
	fail largest/names-i386 "$(head -n 5 "$TMP/bad32" | tr '\n' ';')"
else
	pass "largest/names-i386-$(grep -c . "$TMP/want32")-calls"
fi
for e in mmap-wx=EPERM mmap-w=0 mprotect-x=EPERM socket-inet6=EOPNOTSUPP \
	socket-unix=0 unshare-user=EPERM setns0=EPERM \
	nr:53:10,1,0,buf=EOPNOTSUPP int80:192:0,4096,6,34,-1,0=EPERM \
	x32:39=EPERM; do
	check "largest/names-args/${e%=*}" "${e##*=}" \
		"$(op_errno "$TMP/out" "${e%=*}")"
done

# (c) The largest filter of isolated numbers that still fits: numbers
# from 1000 on, every second one with its own errno (1000 and up, which
# sysprobe prints as numbers), so that each needs its own comparison and
# return.  No syscall has a number from 1000 up, so the odd numbers,
# which the filter allows, get ENOSYS from the kernel.
isolated() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
		printf "%s$%d:%d", (i ? "," : ""), 1000 + 2 * i, 1000 + i }'
}
lo=1
hi=3000
while [ $((hi - lo)) -gt 1 ]; do
	mid=$(((lo + hi) / 2))
	if "$SECCWRAP" --seccomp.drop="$(isolated "$mid")" --check \
		2>/dev/null; then
		lo=$mid
	else
		hi=$mid
	fi
done
"$SECCWRAP" --seccomp.drop="$(isolated "$lo")" --print >"$TMP/print"
insns=$(grep -c . "$TMP/print")
if [ "$insns" -le 4096 ] && [ "$insns" -gt 3900 ]; then
	pass "largest/isolated-$lo-numbers-$insns-insns"
else
	fail largest/isolated-size "$lo numbers give $insns instructions;" \
		"expected the largest loadable filter to be close to 4096"
fi
ops=$(awk -v n="$lo" 'BEGIN { for (i = 0; i < 2 * n; i++)
	printf " nr:%d", 1000 + i }')
# shellcheck disable=SC2086
"$SECCWRAP" --seccomp.drop="$(isolated "$lo")" -- "$P64" $ops \
	</dev/null >"$TMP/out" 2>"$TMP/err"
check largest/isolated-run-status 0 "$?"
awk -v n="$lo" '{ split($1, f, ":"); sub(/^errno=/, "", $3)
	i = f[2] - 1000
	want = i % 2 ? "ENOSYS" : 1000 + i / 2
	if ($3 != want) print $1, "want", want, "got", $3
	lines++ }
	END { if (lines != 2 * n) print "expected", 2 * n, "lines, got", lines }' \
	"$TMP/out" >"$TMP/bad"
if [ -s "$TMP/bad" ]; then
	fail largest/isolated-run "$(head -n 5 "$TMP/bad" | tr '\n' ';')"
else
	pass "largest/isolated-run-$((2 * lo))-calls"
fi

# (d) One number more does not fit: seccwrap reports it and runs nothing.
rm -f "$TMP/ran"
"$SECCWRAP" --seccomp.drop="$(isolated "$hi")" -- sh -c "touch '$TMP/ran'" \
	</dev/null >/dev/null 2>"$TMP/err"
check largest/too-large-status 125 "$?"
check largest/too-large-not-run no "$([ -e "$TMP/ran" ] && echo yes ||
	echo no)"
if grep -q 'more than 4096 BPF instructions' "$TMP/err"; then
	pass largest/too-large-message
else
	fail largest/too-large-message "stderr: $(head -c 300 "$TMP/err")"
fi

# (e) A keep list of every known syscall changes nothing a program does.
all=$(grep -v -x -e execve -e execveat "$TMP/names" | tr '\n' , |
	sed 's/,$//')
probe keep-all "--seccomp.keep=$all" "$P64" getpid=ok read=ok write=ok \
	mmap-wx=ok pthread=ok socket-unix=ok memfd=ok clone3=ok nr:1000=ok
probe keep-all-32 "--seccomp.keep=$all" "$P32" getpid=ok read=ok \
	write=ok pthread=ok
"$SECCWRAP" "--seccomp.keep=$all" -- sh -c 'ls / | wc -l && id -u' \
	</dev/null >"$TMP/out" 2>"$TMP/err"
check keep-all/shell-status 0 "$?"
check keep-all/shell-lines 2 "$(grep -c . "$TMP/out")"

# --- threads, setuid, exec chains, exit statuses ------------------------

# A denied call with "kill" in a second thread ends the whole process
# while the first thread waits for it.
probe_kill threads/kill-second-thread "--seccomp.drop=mount:kill" "$P64" \
	thread:mount
probe_kill threads/kill-second-thread-musl "--seccomp.drop=mount:kill" \
	"$PMUSL" thread:mount

# A setuid-root program, run by user nobody, keeps nobody's uid under
# no_new_privs; without seccwrap it runs as root.
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	skip setuid "needs root and setpriv (util-linux)"
else
	chmod 755 "$TMP"
	cp "$(command -v id)" "$TMP/suid-id"
	chown root:root "$TMP/suid-id"
	chmod 4755 "$TMP/suid-id"
	nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	base=$($nobody "$TMP/suid-id" -u 2>&1)
	if [ "$base" != 0 ]; then
		skip setuid "the setuid bit has no effect here (nosuid" \
			"mount?): '$base'"
	else
		check setuid/euid 65534 "$($nobody "$SECCWRAP" -- \
			"$TMP/suid-id" -u 2>&1)"
		check setuid/no-new-privs 1 "$($nobody "$SECCWRAP" -- \
			sh -c 'grep "^NoNewPrivs:" /proc/self/status' 2>&1 |
			awk '{ print $2 }')"
	fi
fi

# execve checks the effective ids, so the PATH search and the include
# lookup must too: the first entry below can be run only by root.
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	skip effective-ids "needs root and setpriv (util-linux)"
else
	mkdir -p "$TMP/ids/a" "$TMP/ids/b" "$TMP/ids/private"
	chmod 755 "$TMP" "$TMP/ids" "$TMP/ids/a" "$TMP/ids/b"
	chmod 700 "$TMP/ids/private"
	printf '#!/bin/sh\necho a\n' >"$TMP/ids/a/which"
	printf '#!/bin/sh\necho b\n' >"$TMP/ids/b/which"
	chmod 700 "$TMP/ids/a/which"
	chmod 755 "$TMP/ids/b/which"
	# A copy of seccwrap that every user can run: the clone containing
	# it may be in a folder only root can search.
	cp "$SECCWRAP" "$TMP/ids/seccwrap"
	chmod 755 "$TMP/ids/seccwrap"
	SW=$TMP/ids/seccwrap
	printf 'seccomp.drop mount\n' >"$TMP/ids/private/x.inc"
	printf 'include %s\n' "$TMP/ids/private/x.inc" >"$TMP/ids/p.profile"
	chmod 644 "$TMP/ids/p.profile"
	check effective-ids/euid-nobody b "$(setpriv --euid=65534 env \
		PATH="$TMP/ids/a:$TMP/ids/b" "$SW" -- which 2>&1)"
	check effective-ids/euid-root a "$(setpriv --ruid=65534 --euid=0 \
		env PATH="$TMP/ids/a:$TMP/ids/b" "$SW" -- which 2>&1)"
	check effective-ids/include "mount (x86_64 165): ERRNO(EPERM)" \
		"$(setpriv --ruid=65534 --euid=0 "$SW" \
		-p "$TMP/ids/p.profile" --explain=mount 2>&1 | cut -d, -f1)"
	# CAP_DAC_OVERRIDE lets user 65534 run the root-only file, as
	# execve does, although access() would fail with EACCES.
	check effective-ids/capability a "$(setpriv --reuid=65534 \
		--regid=65534 --clear-groups --inh-caps=+dac_override \
		--ambient-caps=+dac_override env PATH="$TMP/ids/a:$TMP/ids/b" \
		"$SW" -- which 2>&1)"
	# Without faccessat2 (an outer filter gives EPERM, or ENOSYS as on
	# Linux before 5.8), access() still decides for equal ids without
	# capabilities: c is not executable in a, so b's runs.  For split
	# ids, or with CAP_DAC_OVERRIDE, the x bits decide, so a's which
	# runs, which access() would reject.
	printf '#!/bin/sh\necho a\n' >"$TMP/ids/a/c"
	printf '#!/bin/sh\necho b\n' >"$TMP/ids/b/c"
	chmod 644 "$TMP/ids/a/c"
	chmod 755 "$TMP/ids/b/c"
	# A filter that denies access() itself leaves the x bits to decide.
	for errno in EPERM ENOSYS; do
		check "effective-ids/no-access-$errno" b "$("$SW" -q \
			--seccomp.drop="access:$errno,faccessat:$errno" -- env \
			PATH="$TMP/ids/b" "$SW" -- which 2>&1)"
	done
	# With capget denied, faccessat2 decides.
	check effective-ids/no-capget a "$(setpriv --reuid=65534 \
		--regid=65534 --clear-groups --inh-caps=+dac_override \
		--ambient-caps=+dac_override "$SW" -q \
		--seccomp.drop=capget:EPERM -- env \
		PATH="$TMP/ids/a:$TMP/ids/b" "$SW" -- which 2>&1)"
	# Root with CAP_DAC_OVERRIDE permitted but not effective: access()
	# would go by the permitted set, execve goes by the effective one.
	printf '#!/bin/sh\necho a\n' >"$TMP/ids/a/user"
	printf '#!/bin/sh\necho b\n' >"$TMP/ids/b/user"
	chown 65534 "$TMP/ids/a/user"
	chmod 700 "$TMP/ids/a/user"
	chmod 755 "$TMP/ids/b/user"
	if command -v setcap >/dev/null; then
		cp "$SW" "$TMP/ids/seccwrap-caps"
		setcap cap_dac_override,cap_dac_read_search=p \
			"$TMP/ids/seccwrap-caps"
		check effective-ids/root-permitted-only b "$(setpriv \
			--securebits=+noroot env PATH="$TMP/ids/a:$TMP/ids/b" \
			"$TMP/ids/seccwrap-caps" -- user 2>&1)"
	else
		skip effective-ids/root-permitted-only "needs setcap" \
			"(apt-get install libcap2-bin)"
	fi
	for errno in EPERM ENOSYS; do
		outer="$SW -q --seccomp.drop=faccessat2:$errno"
		check "effective-ids/no-faccessat2-$errno/same" b "$($outer \
			-- env PATH="$TMP/ids/a:$TMP/ids/b" "$SW" -- c \
			2>&1)"
		check "effective-ids/no-faccessat2-$errno/split" a "$($outer \
			-- setpriv --ruid=65534 --euid=0 --clear-groups env \
			PATH="$TMP/ids/a:$TMP/ids/b" "$SW" -- which 2>&1)"
		check "effective-ids/no-faccessat2-$errno/capability" a \
			"$(setpriv --reuid=65534 --regid=65534 --clear-groups \
			--inh-caps=+dac_override --ambient-caps=+dac_override \
			$outer -- env PATH="$TMP/ids/a:$TMP/ids/b" "$SW" \
			-- which 2>&1)"
	done
fi

# /dev/stdin cannot be opened again when it is a socket, as under a
# service manager that passes one; seccwrap reads descriptor 0 then.
out=$(perl -MSocket -e 'socketpair(my $r, my $w, AF_UNIX, SOCK_STREAM,
	PF_UNSPEC) or die "socketpair: $!"; print $w "seccomp.drop mount\n";
	close $w; open(STDIN, "<&", $r) or die; exec @ARGV' -- "$SECCWRAP" \
	-p /dev/stdin --explain=mount 2>&1 | cut -d, -f1)
check profile-stdin-socket "mount (x86_64 165): ERRNO(EPERM)" "$out"
# By another name of descriptor 0.
out=$(perl -MSocket -e 'socketpair(my $r, my $w, AF_UNIX, SOCK_STREAM,
	PF_UNSPEC) or die "socketpair: $!"; print $w "seccomp.drop mount\n";
	close $w; open(STDIN, "<&", $r) or die; exec @ARGV' -- "$SECCWRAP" \
	-p /dev/fd/0 --explain=mount 2>&1 | cut -d, -f1)
check profile-stdin-socket-fd0 "mount (x86_64 165): ERRNO(EPERM)" "$out"
# Another socket is not standard input, even when that is a socket too.
out=$(perl -MSocket -e 'socket(my $l, AF_UNIX, SOCK_STREAM, 0) or die;
	bind($l, pack_sockaddr_un($ARGV[0])) or die "bind: $!";
	socketpair(my $r, my $w, AF_UNIX, SOCK_STREAM, PF_UNSPEC) or die;
	print $w "seccomp.drop mount\n"; close $w; open(STDIN, "<&", $r) or die;
	shift; exec @ARGV' "$TMP/other.sock" "$SECCWRAP" -p "$TMP/other.sock" \
	--explain=mount 2>&1)
check profile-other-socket "seccwrap: $TMP/other.sock: cannot open \
profile '$TMP/other.sock': ENXIO" "$out"
# A seqpacket socket delivers the profile in records, each read whole:
# a read with less room would drop the rest of a record, and with it the
# line that denies mount.
out=$(perl -MSocket -e 'socketpair(my $r, my $w, AF_UNIX, SOCK_SEQPACKET,
	0) or die "socketpair: $!"; send($w, "# " . ("x" x 2997) . "\n", 0);
	send($w, "# " . ("y" x 2971) . "\nseccomp.drop chroot,mount\n", 0);
	close $w; open(STDIN, "<&", $r) or die; exec @ARGV' -- "$SECCWRAP" \
	-p /dev/stdin --explain=mount 2>&1 | cut -d, -f1)
check profile-stdin-seqpacket "mount (x86_64 165): ERRNO(EPERM)" "$out"
# With standard error closed, the copy of descriptor 0 must not become
# descriptor 2, or the error about the profile goes into the socket.
out=$(perl -MSocket -MFcntl -e 'socketpair(my $r, my $w, AF_UNIX,
	SOCK_STREAM, PF_UNSPEC) or die "socketpair: $!";
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) { open(STDIN, "<&", $r) or die; close $w;
		fcntl(STDIN, F_SETFL, O_NONBLOCK) or die; close STDERR;
		exec @ARGV or exit 127 }
	waitpid($pid, 0); print "status ", $? >> 8, "\n";
	fcntl($w, F_SETFL, O_NONBLOCK) or die;
	print "socket got: $_" while defined($_ = <$w>)' -- "$SECCWRAP" \
	-p /dev/stdin --check 2>&1)
check profile-stdin-socket-no-stderr "status 125" "$out"
# Standard input is read in place, so a descriptor limit of 3 with
# standard output closed leaves no room for a copy and needs none.
if grep -q -a __asan_init "$SECCWRAP"; then
	# The sanitizer runtime loops on dup() at start-up when no
	# descriptor is free (strace: dup(1) EMFILE, then dup(-24) EBADF).
	skip profile-stdin-socket-fd-limit "$SECCWRAP is a sanitizer build"
else
	out=$(perl -MSocket -e 'socketpair(my $r, my $w, AF_UNIX,
		SOCK_STREAM, PF_UNSPEC) or die "socketpair: $!";
		print $w "seccomp.drop mount\n"; close $w;
		open(STDIN, "<&", $r) or die; close $r; close STDOUT;
		exec @ARGV' -- timeout 20 prlimit --nofile=3:3 -- \
		"$SECCWRAP" -p /dev/stdin --check 2>&1; echo "status $?")
	check profile-stdin-socket-fd-limit "status 0" "$out"
fi
# A /dev of devtmpfs alone, as in an initramfs, has no /dev/stdin link:
# the name still means descriptor 0.  The test mounts an empty tmpfs
# on /dev in its own mount namespace.
if unshare -m true 2>/dev/null; then
	out=$(printf 'seccomp.drop mount\n' | unshare -m sh -c \
		'mount -t tmpfs none /dev && "$@"' sh "$SECCWRAP" \
		-p /dev/stdin --explain=mount 2>&1 | cut -d, -f1)
	check profile-stdin-no-link "mount (x86_64 165): ERRNO(EPERM)" "$out"
	out=$(unshare -m sh -c 'mount -t tmpfs none /dev && "$@"' sh \
		"$SECCWRAP" -p /dev/fd/0 --explain=mount 2>&1 </dev/null)
	check profile-fd0-no-link "seccwrap: /dev/fd/0: cannot open profile \
'/dev/fd/0': ENOENT" "$out"
else
	skip profile-stdin-no-link "unshare -m fails here"
fi

# The filter stays on programs the command starts, and on theirs.
"$SECCWRAP" --seccomp.drop=mount -- sh -c "sh -c '\"$P64\" mount'" \
	</dev/null >"$TMP/out" 2>&1
check exec-chain/status 0 "$?"
if [ "$(baseline "$P64" mount)" = EPERM ]; then
	skip exec-chain/grandchild-mount "mount fails with EPERM without a" \
		"filter here"
else
	check exec-chain/grandchild-mount EPERM "$(op_errno "$TMP/out" mount)"
fi
"$SECCWRAP" --seccomp.drop=mount -- sh -c "sh -c 'grep ^Seccomp: \
/proc/self/status'" </dev/null >"$TMP/out" 2>&1
check exec-chain/grandchild-mode 2 "$(awk '{ print $2 }' "$TMP/out")"

# Exit statuses and signals come back unchanged, because seccwrap becomes
# the command: the caller's shell waits for the command itself.
"$SECCWRAP" --seccomp.drop=mount -- sh -c 'exit 42' </dev/null
check status/exit-42 42 "$?"
"$SECCWRAP" --seccomp.drop=mount -- sh -c 'exit 255' </dev/null
check status/exit-255 255 "$?"
# status_of COMMAND...: print the exit status of COMMAND as a shell
# reports it, from a shell of its own whose signal notices go nowhere.
status_of() {
	sh -c '"$@" </dev/null >/dev/null 2>&1; echo $?' sh "$@" 2>/dev/null
}
check status/sigterm 143 "$(status_of "$SECCWRAP" --seccomp.drop=mount -- \
	sh -c 'kill -TERM $$')"
check status/sigkill 137 "$(status_of "$SECCWRAP" --seccomp.drop=mount -- \
	sh -c 'kill -KILL $$')"
"$SECCWRAP" --seccomp.drop=mount:kill -- "$P64" mount </dev/null \
	>/dev/null 2>&1
check status/sigsys 159 "$?"
