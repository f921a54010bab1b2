# The emitted program against the policy it came from, for every number
# of every host ABI (x32 included), with the BPF emulator and a model of
# the kernel's action cache: tests/tools/policycheck.c.

POLICYCHECK=$TESTS/out/policycheck

# profile NAME LINE...: write a test profile to $TMP/NAME.profile.
profile() {
	name=$1
	shift
	printf '%s\n' "$@" > "$TMP/$name.profile"
}

profile default "seccomp"
profile list "seccomp mount:EACCES,!chroot,@obsolete,\$400"
profile drop "seccomp.drop @system-service,@privileged,@obsolete,!execveat"
profile keep "seccomp.keep @system-service,!ptrace,mount:ENOSYS"
profile kill "seccomp" "seccomp-error-action kill"
profile log "seccomp.drop @mount" "seccomp-error-action log"
profile args "seccomp" "memory-deny-write-execute" "protocol unix,inet" \
	"restrict-namespaces"
profile args-keep "seccomp.keep @system-service" \
	"memory-deny-write-execute" "protocol inet6,netlink" \
	"restrict-namespaces user,net"
profile secondary "seccomp.drop mount" "seccomp.block-secondary"
profile lists32 "seccomp !chroot" "seccomp.32.keep @system-service"
profile debuggers "seccomp" "allow-debuggers" "protocol unix"
profile no-protocols "seccomp.drop mount" "protocol unix,-unix"

for f in "$TMP"/*.profile; do
	name=$(basename "$f" .profile)
	out=$("$POLICYCHECK" "$f" 2>&1)
	case $out in
	ok*) pass "$name" ;;
	*) fail "$name" "$out" ;;
	esac
done

# A balanced search: no more than 16 instructions for any argument-free
# decision of firejail's default profile.
steps=$("$POLICYCHECK" "$TMP/default.profile" |
	sed -n 's/.*max-steps=\([0-9]*\).*/\1/p')
if [ -n "$steps" ] && [ "$steps" -le 16 ]; then
	pass default-max-steps
else
	fail default-max-steps "max steps '$steps', want at most 16"
fi

# Every profile firejail ships, but the one whose include is missing
# from the package itself (see tests/firejail.sh).
if [ -d /etc/firejail ]; then
	"$POLICYCHECK" /etc/firejail/*.profile 2>/dev/null |
		grep -v '^FAIL /etc/firejail/electron-hardened.inc.profile:' \
		> "$TMP/firejail.out"
	total=$(grep -c . "$TMP/firejail.out")
	bad=$(grep -c '^FAIL' "$TMP/firejail.out")
	if [ "$total" -gt 1000 ] && [ "$bad" -eq 0 ]; then
		pass "firejail-profiles-$total"
	else
		fail firejail-profiles "$bad of $total failed: \
$(grep '^FAIL' "$TMP/firejail.out" | head -3)"
	fi
else
	skip firejail-profiles "/etc/firejail is missing (package firejail)"
fi
