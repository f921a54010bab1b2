# Live tests of the argument filters: memory-deny-write-execute,
# restrict-namespaces, protocol and seccomp.block-secondary, on x86_64
# and i386, against the real kernel.  Filters are installed only in the
# child that seccwrap execs (see tests/progs/probe.sh).
. "$TESTS/progs/probe.sh"

# The unfiltered results that the checks compare with (mount reaching
# ENOENT, chroot succeeding) are those of root.
if [ "$(id -u)" -ne 0 ]; then
	skip args "needs root, as the README says"
	return 0
fi

# --- memory-deny-write-execute ----------------------------------------------

profile mdwx 'seccomp
memory-deny-write-execute'
probe mdwx-64 "-p $TMP/mdwx.profile" "$P64" \
	mmap-wx=EPERM mprotect-x=EPERM pkey_mprotect-x=EPERM memfd=EPERM \
	shmat-x=EPERM mmap-w=ok getpid=ok
probe mdwx-32 "-p $TMP/mdwx.profile" "$P32" \
	mmap-wx=EPERM mprotect-x=EPERM pkey_mprotect-x=EPERM memfd=EPERM \
	shmat-x=EPERM oldmmap=EPERM mmap-w=ok getpid=ok
probe mdwx-musl "-p $TMP/mdwx.profile" "$PMUSL" \
	mmap-wx=EPERM mprotect-x=EPERM mmap-w=ok

# Only the low word of prot is what the kernel acts on, so junk in the
# high word must not turn a denial into an allow.  mprotect on the
# unmapped page 0x10000 fails with EINVAL (bad prot) when allowed; the
# mmap is an anonymous W+X mapping of one page.
probe mdwx-high-word "-p $TMP/mdwx.profile" "$P64" \
	nr:10:0x10000,4096,0x100000004=EPERM \
	nr:9:0,4096,0x100000006,0x22,-1,0=EPERM

# personality(READ_IMPLIES_EXEC) would make the kernel add PROT_EXEC to
# every readable mapping; a query (0xffffffff) stays allowed.  x86_64
# personality is 135, i386 136; list only what mdwx decides, with
# allow-debuggers so that the default list leaves personality alone.
profile mdwxpers 'seccomp
allow-debuggers
memory-deny-write-execute'
probe mdwx-personality "-p $TMP/mdwxpers.profile" "$P64" \
	nr:135:0x400000=EPERM nr:135:0xffffffff=ok \
	int80:136:0x400000=EPERM
probe mdwx-personality-32 "-p $TMP/mdwxpers.profile" "$P32" \
	nr:136:0x400000=EPERM

# memory-deny-write-execute alone, without a seccomp list.
profile mdwxonly 'memory-deny-write-execute'
probe mdwx-alone-64 "-p $TMP/mdwxonly.profile" "$P64" \
	mmap-wx=EPERM memfd=EPERM mmap-w=ok
probe mdwx-alone-32 "-p $TMP/mdwxonly.profile" "$P32" \
	mmap-wx=EPERM memfd=EPERM mmap-w=ok
probe mdwx-option "--memory-deny-write-execute" "$P64" \
	mprotect-x=EPERM mmap-w=ok

# The error action applies to the argument filters too.
profile mdwxexdev 'memory-deny-write-execute
seccomp-error-action EXDEV'
probe mdwx-error-action "-p $TMP/mdwxexdev.profile" "$P64" \
	mmap-wx=EXDEV memfd=EXDEV

# A list's own errno leaves the argument filters' kill in place, as
# firejail's stacked filters do: mmap gets EIO unless it maps W+X.
profile mdwxkilleio 'seccomp.drop mmap:EIO
memory-deny-write-execute
seccomp-error-action kill'
probe mdwx-kill-over-errno "-p $TMP/mdwxkilleio.profile" "$P64" mmap-w=EIO
probe_kill mdwx-kill-over-errno "-p $TMP/mdwxkilleio.profile" "$P64" mmap-wx
# The same for the calls that mdwx denies whatever their arguments.
profile mdwxkillall 'seccomp.drop mmap:EIO,memfd_create:EIO
memory-deny-write-execute
seccomp-error-action kill'
probe_kill mdwx-kill-over-errno-memfd "-p $TMP/mdwxkillall.profile" "$P64" \
	memfd
probe_kill mdwx-kill-over-errno-oldmmap "-p $TMP/mdwxkillall.profile" \
	"$P64" int80:90:0
# Between errnos, firejail's filter installed last wins: the lists' over
# restrict-namespaces, and protocol's over the lists'.
profile errnoorder 'seccomp.drop clone3:EACCES,socket:EIO
restrict-namespaces
protocol unix'
probe errno-order "-p $TMP/errnoorder.profile" "$P64" \
	clone3=EACCES socket-inet=EOPNOTSUPP socket-unix=EIO

# A dynamically linked program still runs.
"$SECCWRAP" -p "$TMP/mdwx.profile" -- /bin/ls / >"$TMP/ls.out" 2>"$TMP/ls.err"
check mdwx-ls/exit-status 0 "$?"
if grep -qx etc "$TMP/ls.out"; then
	pass mdwx-ls/output
else
	fail mdwx-ls/output "expected /bin/ls / to list etc; stderr:" \
		"$(head -c 300 "$TMP/ls.err")"
fi

# --- restrict-namespaces ----------------------------------------------------

profile ns 'seccomp
restrict-namespaces'
probe ns-64 "-p $TMP/ns.profile" "$P64" \
	clone3=ENOSYS pthread=ok clone-user=EPERM setns0=EPERM \
	nr:308:-1,0x40000000=EPERM unshare-net=EPERM getpid=ok unshare-user=EPERM
probe ns-32 "-p $TMP/ns.profile" "$P32" \
	clone3=ENOSYS pthread=ok clone-user=EPERM setns0=EPERM \
	nr:346:-1,0x40000000=EPERM unshare-net=EPERM getpid=ok unshare-user=EPERM
probe ns-int80 "-p $TMP/ns.profile" "$P64" \
	int80:310:0x10000000=EPERM int80:346:-1,0=EPERM int80:435:0,0=ENOSYS
# The i386 call reads the low word of each register, while seccomp_data
# carries the whole register: junk above must not hide nstype 0 or a flag.
probe ns-int80-high-word "-p $TMP/ns.profile" "$P64" \
	int80:346:-1,0x100000000=EPERM int80:310:0x110000000=EPERM
probe ns-musl "-p $TMP/ns.profile" "$PMUSL" \
	pthread=ok clone-user=EPERM unshare-user=EPERM

# unshare(2) takes its flags as a long, but the kernel rejects flag bits
# above 31 (EINVAL): a filter that also looked at the high word would let
# the call through to that EINVAL instead of denying it.
probe ns-high-word "-p $TMP/ns.profile" "$P64" nr:272:0x110000000=EPERM

profile nsonly 'restrict-namespaces'
probe ns-alone-64 "-p $TMP/nsonly.profile" "$P64" \
	unshare-user=EPERM clone3=ENOSYS
probe ns-alone-32 "-p $TMP/nsonly.profile" "$P32" \
	unshare-user=EPERM clone3=ENOSYS
probe ns-option "--restrict-namespaces" "$P64" unshare-user=EPERM

# A list denies only the namespaces it names; setns with nstype 0 could
# enter any namespace, so it stays denied.
profile nsuser 'restrict-namespaces user'
probe ns-list-64 "-p $TMP/nsuser.profile" "$P64" \
	unshare-net=ok setns0=EPERM nr:308:-1,0x40000000=ok unshare-user=EPERM
probe ns-list-32 "-p $TMP/nsuser.profile" "$P32" \
	unshare-net=ok setns0=EPERM unshare-user=EPERM
probe ns-list-option "--restrict-namespaces=net" "$P64" \
	unshare-user=ok unshare-net=EPERM

# A list that "-user" empties restricts no type, but as in firejail
# setns with nstype 0 stays denied and clone3 gets ENOSYS.
profile nsempty 'restrict-namespaces -user'
probe ns-empty-64 "-p $TMP/nsempty.profile" "$P64" \
	setns0=EPERM clone3=ENOSYS unshare-user=ok pthread=ok \
	nr:308:-1,0x40000000=ok
probe ns-empty-32 "-p $TMP/nsempty.profile" "$P32" \
	setns0=EPERM clone3=ENOSYS unshare-net=ok

# Lines merge: -x removes a namespace that an earlier line added.
profile nsmerge 'restrict-namespaces user,net
restrict-namespaces -net'
probe ns-merge "-p $TMP/nsmerge.profile" "$P64" \
	unshare-net=ok unshare-user=EPERM
profile nsadd 'restrict-namespaces net
restrict-namespaces +user'
probe ns-merge-add "-p $TMP/nsadd.profile" "$P64" \
	unshare-user=EPERM
probe ns-merge-add-net "-p $TMP/nsadd.profile" "$P64" \
	unshare-net=EPERM

# unshare(1), a real program, cannot create a user namespace.
"$SECCWRAP" -p "$TMP/ns.profile" -- unshare -U true </dev/null \
	>"$TMP/unshare.out" 2>"$TMP/unshare.err"
_rc=$?
if [ "$_rc" -ne 0 ] && grep -q 'Operation not permitted' "$TMP/unshare.err"
then
	pass unshare-U/denied
else
	fail unshare-U/denied "expected a failure with 'Operation not" \
		"permitted', got exit status $_rc, stderr:" \
		"$(head -c 300 "$TMP/unshare.err")"
fi
if unshare -U true 2>/dev/null; then
	pass unshare-U/unfiltered
else
	skip unshare-U/unfiltered "unshare -U fails without a filter too"
fi

# --- protocol ----------------------------------------------------------------

profile unix 'seccomp
protocol unix'
probe protocol-64 "-p $TMP/unix.profile" "$P64" \
	socket-inet=EOPNOTSUPP socket-inet6=EOPNOTSUPP socket-unix=ok \
	nr:41:0x100000002,1,0=EOPNOTSUPP
# socketcall (102) would let i386 code create any socket where the filter
# cannot see the domain, so protocol denies it with ENOSYS; i386 socket is
# 359.
probe protocol-32 "-p $TMP/unix.profile" "$P32" \
	socket-inet=EOPNOTSUPP socket-inet6=EOPNOTSUPP socket-unix=ok \
	socketcall-unix=ENOSYS socketcall-inet=ENOSYS
probe protocol-int80 "-p $TMP/unix.profile" "$P64" \
	int80:359:2,1,0=EOPNOTSUPP int80:359:1,1,0=ok int80:102:1,buf=ENOSYS \
	int80:359:0x100000002,1,0=EOPNOTSUPP
# socketpair (x86_64 53, i386 360) takes the same domain as socket.
probe protocol-socketpair "--protocol=inet" "$P64" \
	nr:53:1,1,0,buf=EOPNOTSUPP int80:360:1,1,0,buf=EOPNOTSUPP
probe protocol-socketpair-unix "-p $TMP/unix.profile" "$P64" \
	nr:53:1,1,0,buf=ok
# io_uring can create sockets with no syscall the filter can inspect.  An
# allowed io_uring_setup with a NULL params pointer fails with EFAULT.
probe protocol-io-uring "-p $TMP/unix.profile" "$P64" nr:425:1,0=ENOSYS
probe protocol-musl "-p $TMP/unix.profile" "$PMUSL" \
	socket-inet=EOPNOTSUPP socket-unix=ok

profile unixonly 'protocol unix'
probe protocol-alone "-p $TMP/unixonly.profile" "$P64" \
	socket-inet=EOPNOTSUPP socket-unix=ok
probe protocol-option "--protocol=unix,inet6" "$P64" \
	socket-inet=EOPNOTSUPP socket-inet6=ok socket-unix=ok

# EOPNOTSUPP is the protocol filter's own errno, not the error action.
profile unixenosys 'protocol unix
seccomp-error-action EXDEV'
probe protocol-error-action "-p $TMP/unixenosys.profile" "$P64" \
	socket-inet=EOPNOTSUPP socket-unix=ok

profile protomerge 'protocol unix,inet
protocol -inet'
probe protocol-merge "-p $TMP/protomerge.profile" "$P64" \
	socket-inet=EOPNOTSUPP socket-unix=ok
profile protoadd 'protocol unix
protocol inet'
probe protocol-merge-add "-p $TMP/protoadd.profile" "$P64" \
	socket-inet=ok socket-inet6=EOPNOTSUPP

# --- seccomp.block-secondary ------------------------------------------------

# A drop list leaves personality to block-secondary alone.
profile block 'seccomp.drop mount
seccomp.block-secondary'
probe block-int80 "-p $TMP/block.profile" "$P64" \
	int80:20=EPERM int80:165:buf,buf,buf=EPERM int80:4:1,0,0=EPERM getpid=ok
probe block-x32 "-p $TMP/block.profile" "$P64" x32:39=EPERM
# personality: only 0 (PER_LINUX) and 0xffffffff (query) with a zero
# high word; the kernel would read 0x100000000 as 0.
probe block-personality "-p $TMP/block.profile" "$P64" \
	personality0=ok personality-query=ok personality-linux32=EPERM \
	nr:135:0x40000=EPERM nr:135:0x100000000=EPERM mount=EPERM
# A 32-bit program cannot even start: every i386 call fails.
"$SECCWRAP" -p "$TMP/block.profile" -- "$P32" getpid </dev/null \
	>"$TMP/block32.out" 2>"$TMP/block32.err"
_rc=$?
if [ "$_rc" -ne 0 ] && ! grep -q 'errno=0' "$TMP/block32.out"; then
	pass block-32/no-call-succeeds
else
	fail block-32/no-call-succeeds "expected a failing exit status and" \
		"no successful call, got status $_rc, output:" \
		"$(head -c 200 "$TMP/block32.out")"
fi
profile blockkill 'seccomp.drop mount
seccomp.block-secondary
seccomp-error-action kill'
probe_kill block-kill-int80 "-p $TMP/blockkill.profile" "$P64" int80:20
probe block-option "--seccomp.drop=mount --seccomp.block-secondary" "$P64" \
	int80:20=EPERM personality-linux32=EPERM personality0=ok

# Under log a blocked ABI runs its calls, logged, so protocol and
# restrict-namespaces must still hold there, or a 32-bit program gets
# around them.
profile blocklog 'seccomp.block-secondary
seccomp-error-action log
protocol unix
restrict-namespaces'
probe block-log-32 "-p $TMP/blocklog.profile" "$P32" \
	socket-inet=EOPNOTSUPP socket-unix=ok socketcall-unix=ENOSYS \
	clone3=ENOSYS unshare-user=ok getpid=ok
probe block-log-int80 "-p $TMP/blocklog.profile" "$P64" \
	int80:359:2,1,0=EOPNOTSUPP int80:359:1,1,0=ok int80:20=ok

# Under log, block-secondary's personality check only logs, so a list's
# errno for personality stays, as the kernel ranks an errno over a log.
profile blocklogpers 'seccomp personality:EIO
seccomp.block-secondary
seccomp-error-action log'
probe block-log-personality "-p $TMP/blocklogpers.profile" "$P64" \
	personality-linux32=EIO personality0=EIO

# Under an errno, protocol's EOPNOTSUPP wins over block-secondary's
# EPERM on i386, as with firejail, which installs protocol last.
profile blockproto 'seccomp.block-secondary
protocol unix'
probe block-protocol-int80 "-p $TMP/blockproto.profile" "$P64" \
	int80:359:2,1,0=EOPNOTSUPP int80:359:1,1,0=EPERM int80:20=EPERM

# block-secondary wins over a seccomp.32 list, with a warning.
profile block32 'seccomp.drop mount
seccomp.32.drop chroot
seccomp.block-secondary'
probe block-over-32 "-p $TMP/block32.profile" "$P64" int80:20=EPERM
if grep '^seccwrap: warning: ' "$TMP/probe.err" | grep 'seccomp\.32\.drop' |
	grep -q 'seccomp\.block-secondary'; then
	pass block-over-32/warning
else
	fail block-over-32/warning "expected a warning naming both" \
		"commands, got: $(head -c 300 "$TMP/probe.err")"
fi
