# Booted tests: boot Debian's own kernels under qemu-system with the
# initramfs of ./build.sh initramfs, plus an overlay whose /test/run
# (tests/boot/guest.sh) runs seccwrap over calls that must be denied and
# allowed, natively and on the 32-bit compat ABI, with the native
# seccwrap and, where there is a compat ABI, with seccwrap built for it
# (i386 on x86_64, arm on aarch64, o32 mipsel on mips64el), which must
# filter the same way.
# On the 32-bit kernels (i386, arm, mipsel), where uname(2) names no 64-bit
# arch, the seccwrap built for that arch must filter its own ABI alone.
# Each guest case becomes one result here, named KERNEL-ARCH/CASE.
#
#   x86_64:   bookworm's linux-image-amd64 (6.1) and bullseye's (5.10,
#             older than the seccomp action cache of Linux 5.11)
#   aarch64:  bookworm's linux-image-arm64 (6.1), with arm compat
#   riscv64:  trixie's linux-image-riscv64 (6.12)
#   s390x:    bookworm's linux-image-s390x (6.1), the big-endian one
#   ppc64le:  bookworm's linux-image-powerpc64le (6.1), with 64 KiB pages
#   i386:     bookworm's linux-image-686-pae (6.1), a 32-bit kernel
#   arm:      bookworm's linux-image-armmp (6.1), a 32-bit ARMv7 kernel
#   mips64el: bookworm's linux-image-5kc-malta (6.1), with o32 compat
#   mipsel:   bookworm's linux-image-4kc-malta (6.1), a 32-bit kernel
#
# BOOT_ARCH picks the architectures ("x86_64 aarch64 riscv64 s390x
# ppc64le i386 arm mips64el mipsel" by default).  On x86_64 the guest runs
# $SECCWRAP when it is a static binary, and the image's own nolibc build
# otherwise.  Other architectures run the image's nolibc build.
# Kernels and busybox come from the Debian archive through
# tests/boot/debian.sh, cached in .cache/boot/.  The console log of
# each boot and the boot times go to tests/out/boot/.
#
# Needs qemu-system-x86, qemu-system-arm, qemu-system-misc,
# qemu-system-ppc and qemu-system-mips, cpio, the cross compilers
# gcc-aarch64-linux-gnu, gcc-arm-linux-gnueabihf, gcc-i686-linux-gnu,
# gcc-riscv64-linux-gnu, gcc-s390x-linux-gnu, gcc-powerpc64le-linux-gnu,
# gcc-mips64el-linux-gnuabi64 and gcc-mipsel-linux-gnu, and the Debian
# archive.
# Without them the cases are skipped.

: "${BOOT_ARCH:=x86_64 aarch64 riscv64 s390x ppc64le i386 arm mips64el mipsel}"
# Seconds before a guest that has not powered off is stopped.
BOOT_TIMEOUT=120
BOOT_OUT=$TESTS/out/boot
mkdir -p "$BOOT_OUT"
: >"$BOOT_OUT/times.txt"

# boot_cc ARCH: print the compiler that builds programs for ARCH.
boot_cc() {
	if [ "$1" = "$(uname -m)" ]; then
		echo gcc
		return
	fi
	case $1 in
	x86_64) echo x86_64-linux-gnu-gcc ;;
	i386) echo i686-linux-gnu-gcc ;;
	aarch64) echo aarch64-linux-gnu-gcc ;;
	arm) echo arm-linux-gnueabihf-gcc ;;
	riscv64) echo riscv64-linux-gnu-gcc ;;
	s390x) echo s390x-linux-gnu-gcc ;;
	ppc64le) echo powerpc64le-linux-gnu-gcc ;;
	mips64el) echo mips64el-linux-gnuabi64-gcc ;;
	mipsel) echo mipsel-linux-gnu-gcc ;;
	esac
}

# boot_probe ARCH OUTPUT: build tests/boot/probe.c on nolibc for ARCH.
boot_probe() {
	_cc=$(boot_cc "$1")
	command -v "$_cc" >/dev/null 2>&1 || return 1
	"$_cc" -std=c99 -Wall -Wextra -Werror -Os -I"$ROOT/nolibc/include" \
		-nostdlib -ffreestanding -fno-pie -fno-stack-protector \
		-fno-tree-loop-distribute-patterns -static -no-pie -s \
		-o "$2" "$TESTS/boot/probe.c" "$ROOT"/nolibc/*.c -lgcc
}

# boot_is_static FILE: true when FILE is an ELF program with no
# interpreter, one that runs without a loader in the initramfs.
boot_is_static() {
	readelf -lW "$1" >"$TMP/phdrs" 2>/dev/null &&
		grep -q LOAD "$TMP/phdrs" && ! grep -q INTERP "$TMP/phdrs"
}

# boot_kvm: true when KVM can run a guest here.  /dev/kvm alone is not
# enough: in a VM without nested virtualization (no vmx or svm flag)
# it may exist while guests hang or fail to start.
# NOTE: the KVM path has run only on a host where KVM failed to start,
# and so only up to its fallback to TCG in boot_kernel.
boot_kvm() {
	[ -r /dev/kvm ] && [ -w /dev/kvm ] &&
		grep -q -E '^flags.* (vmx|svm)( |$)' /proc/cpuinfo
}

# boot_overlay ARCH COMPAT DIR: fill DIR with the /test overlay for ARCH,
# whose 32-bit compat ABI is COMPAT (empty when it has none).
boot_overlay() {
	mkdir -p "$3/test" "$3/bin"
	cp "$TESTS/boot/guest.sh" "$3/test/run"
	chmod 755 "$3/test/run"
	cp "$TESTS/boot/seccomp.profile" "$TESTS/boot/kill.profile" \
		"$TESTS/boot/keep.profile" "$TESTS/boot/bad.profile" \
		"$TESTS/boot/mdwx.profile" "$3/test/"
	if ! boot_probe "$1" "$3/test/probe" >"$TMP/probe.log" 2>&1; then
		fail "$1/probe" "building tests/boot/probe.c failed:" \
			"$(tail -n 3 "$TMP/probe.log" | tr '\n' '|')"
		return 1
	fi
	# Without a compat compiler or busybox the guest skips those cases.
	# On a 32-bit kernel, own-arch names the arch that seccwrap must
	# keep.
	case $1 in
	i386 | arm | mipsel) echo "$1" >"$3/test/own-arch" ;;
	esac
	if [ -z "$2" ]; then
		_reason="tests/boot.sh tests no 32-bit ABI on $1"
		[ -f "$3/test/own-arch" ] &&
			_reason="$1 is a 32-bit kernel, with no compat ABI"
		echo "$_reason" >"$3/test/no-compat"
	else
		boot_probe "$2" "$3/test/probe32" >/dev/null 2>&1 ||
			rm -f "$3/test/probe32"
		if _bb=$(sh "$TESTS/boot/debian.sh" busybox "$2" \
			2>"$TMP/bb32.log"); then
			cp "$_bb" "$3/test/busybox32"
		fi
		# seccwrap built for the compat ABI, which must find the
		# 64-bit kernel and filter all of its ABIs.
		if (cd "$ROOT" && CC='' ARCH="$2" sh build.sh nolibc) \
			>"$TMP/seccwrap32.log" 2>&1; then
			cp "$BUILD_OUT/$2-nolibc/seccwrap" "$3/test/seccwrap32"
		fi
	fi
	BOOT_SECCWRAP="$BUILD_OUT/$1-nolibc/seccwrap"
	if [ "$1" = x86_64 ] && boot_is_static "$SECCWRAP"; then
		cp "$SECCWRAP" "$3/bin/seccwrap"
		BOOT_SECCWRAP=$SECCWRAP
	fi
	(cd "$3" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) |
		gzip -n >"$3.cpio.gz"
}

# boot_run NAME QEMU-ARG...: boot $_qemu with $_machine, $_accel and
# QEMU-ARG, log the console to $BOOT_OUT/NAME.log and the time to
# times.txt, and set BOOT_STATUS.
boot_run() {
	_name=$1
	shift
	_start=$(date +%s)
	# shellcheck disable=SC2086
	timeout "$BOOT_TIMEOUT" "$_qemu" $_machine -accel "$_accel" -m 256M \
		-smp 1 -nodefaults -display none -no-reboot -nic none \
		-serial "file:$BOOT_OUT/$_name.raw" "$@" \
		</dev/null >"$BOOT_OUT/$_name.qemu" 2>&1
	BOOT_STATUS=$?
	_end=$(date +%s)
	tr -d '\r' <"$BOOT_OUT/$_name.raw" >"$BOOT_OUT/$_name.log"
	echo "$_name: $((_end - _start)) s, $_accel, exit status" \
		"$BOOT_STATUS, seccwrap $BOOT_SECCWRAP" >>"$BOOT_OUT/times.txt"
}

# boot_guest_results NAME LOG: pass, fail or skip NAME/CASE for each
# BOOT-PASS, BOOT-FAIL and BOOT-SKIP line of the console log LOG.
boot_guest_results() {
	while IFS= read -r _line; do
		case $_line in
		"BOOT-PASS: "*)
			pass "$1/${_line#BOOT-PASS: }"
			;;
		"BOOT-FAIL: "*)
			_rest=${_line#BOOT-FAIL: }
			fail "$1/${_rest%%: *}" "${_rest#*: }"
			;;
		"BOOT-SKIP: "*)
			_rest=${_line#BOOT-SKIP: }
			skip "$1/${_rest%%: *}" "${_rest#*: }"
			;;
		esac
	done <"$2"
}

# boot_check NAME: turn the console log of boot NAME into results.
boot_check() {
	_log=$BOOT_OUT/$1.log
	if [ "$BOOT_STATUS" -eq 124 ]; then
		fail "$1/boot" "timed out after $BOOT_TIMEOUT s without" \
			"powering off; console: $(tail -n 5 "$_log" | tr '\n' '|')"
		return
	fi
	if ! grep -q '^BOOT-INFO: ' "$_log"; then
		fail "$1/boot" "the guest printed no results; qemu exit status" \
			"$BOOT_STATUS: $(tail -n 3 "$BOOT_OUT/$1.qemu" | tr '\n' '|')" \
			"console: $(tail -n 5 "$_log" | tr '\n' '|')"
		return
	fi
	pass "$1/boot"

	boot_guest_results "$1" "$_log"
	if ! grep -q '^BOOT-DONE$' "$_log"; then
		fail "$1/guest-done" "the guest script stopped early; console:" \
			"$(tail -n 5 "$_log" | tr '\n' '|')"
		return
	fi

	# After BOOT-DONE the image's /init runs as PID 1 and powers off.
	# It drops the word "splash" that the kernel passed on.
	sed -n '/^BOOT-DONE$/,$p' "$_log" >"$TMP/init.log"
	if grep -q '^init: ignoring kernel command line words: splash$' \
		"$TMP/init.log" && grep -q '^mount EPERM$' "$TMP/init.log" &&
		grep -q "^init: '/test/probe mount' exited with status 0$" \
			"$TMP/init.log"; then
		pass "$1/init-pid1"
	else
		fail "$1/init-pid1" "/init as PID 1 printed:" \
			"$(head -c 400 "$TMP/init.log" | tr '\n' '|')"
	fi
	if [ "$BOOT_STATUS" -eq 0 ] && ! grep -q 'Kernel panic' "$_log"; then
		pass "$1/poweroff"
	else
		fail "$1/poweroff" "qemu exit status $BOOT_STATUS;" \
			"$(grep -m 1 'Kernel panic' "$_log")"
	fi
}

# boot_image ARCH COMPAT: build ./build.sh initramfs ARCH and the /test
# overlay, into $TMP/initrd-ARCH.  Skips or fails the ARCH cases and
# returns 1 when it cannot.
boot_image() {
	_log=$BOOT_OUT/initramfs-$1.build
	if ! (cd "$ROOT" && CC='' ARCH='' sh build.sh initramfs "$1") \
		>"$_log" 2>&1; then
		if grep -q -E 'tables/[^:]+:[0-9]+:[0-9]+: error: #error' "$_log"
		then
			skip "$1" "tables/ has no $1 syscall tables yet," \
				"so seccwrap does not build for $1:" \
				"$(grep -m 1 '#error' "$_log")"
		elif grep -q '^debian.sh: ' "$_log"; then
			skip "$1" "busybox-static could not be fetched:" \
				"$(grep -m 1 '^debian.sh: ' "$_log")"
		else
			fail "$1/initramfs" "./build.sh initramfs $1 failed:" \
				"$(tail -n 3 "$_log" | tr '\n' '|')"
		fi
		return 1
	fi
	pass "$1/initramfs"
	# A second build, a second later and under umask 077, which the
	# linker applies to seccwrap, gives the same bytes (the file times
	# and modes are fixed).  Once is enough: the steps are the same for
	# every arch.
	if [ "$1" = x86_64 ]; then
		cp "$BUILD_OUT/initramfs-$1.cpio.gz" "$TMP/first-$1.cpio.gz"
		sleep 1
		if ! (umask 077 && cd "$ROOT" &&
			CC='' ARCH='' sh build.sh initramfs "$1") \
			>"$_log" 2>&1; then
			fail "$1/initramfs-again" "the second build failed"
		elif cmp -s "$TMP/first-$1.cpio.gz" \
			"$BUILD_OUT/initramfs-$1.cpio.gz"; then
			pass "$1/initramfs-reproducible"
		else
			fail "$1/initramfs-reproducible" "two builds differ"
		fi
	fi
	rm -rf "$TMP/overlay-$1"
	boot_overlay "$1" "$2" "$TMP/overlay-$1" || return 1
	# The kernel unpacks concatenated archives in order, so the overlay
	# adds /test to the image as it ships, and may replace /bin/seccwrap.
	cat "$BUILD_OUT/initramfs-$1.cpio.gz" "$TMP/overlay-$1.cpio.gz" \
		>"$TMP/initrd-$1"
}

# boot_kernel NAME KERNEL: boot KERNEL with the test initrd of $_arch
# and check what the guest printed.
boot_kernel() {
	set -- "$1" -kernel "$2" -initrd "$TMP/initrd-$_arch" \
		-append "console=$_console rdinit=/test/run panic=-1 loglevel=1 splash"
	boot_run "$@"
	if [ "$_accel" = kvm ] && ! grep -q '^BOOT-INFO: ' \
		"$BOOT_OUT/$1.log"; then
		# KVM failed to start or to run this guest: use TCG from
		# here on.
		_accel=tcg _machine="-cpu max"
		boot_run "$@"
	fi
	boot_check "$1"
}

# boot_pid1_failure NAME KERNEL: boot with seccwrap itself as PID 1 and a
# profile it rejects.  It must exit 125 without running the shell, and
# the kernel reports that as "Attempted to kill init! exitcode=0x00007d00"
# (the wait status, 125 << 8).
boot_pid1_failure() {
	boot_run "$1" -kernel "$2" -initrd "$TMP/initrd-$_arch" -append \
		"console=$_console rdinit=/bin/seccwrap panic=-1 loglevel=1 -- -p /test/bad.profile -- /bin/sh"
	if grep -q 'Attempted to kill init! exitcode=0x00007d00' \
		"$BOOT_OUT/$1.log"; then
		pass "$1/exit-125-panic"
	else
		fail "$1/exit-125-panic" "no panic with exitcode=0x00007d00;" \
			"console: $(grep -v '^\[' "$BOOT_OUT/$1.log" | tail -n 3 |
			tr '\n' '|')"
	fi
}

# boot_arch ARCH: build the image for ARCH and boot each of its kernels.
boot_arch() {
	_arch=$1
	case $_arch in
	x86_64)
		_qemu=qemu-system-x86_64 _qemu_pkg=qemu-system-x86
		_compat=i386 _console=ttyS0 _suites="bookworm bullseye"
		_accel=tcg _machine="-cpu max"
		boot_kvm && _accel=kvm _machine="-cpu host"
		;;
	aarch64)
		# cortex-a57 runs 32-bit programs at EL0 and boots several
		# times faster under TCG than -cpu max, whose pointer
		# authentication and SVE are emulated.
		_qemu=qemu-system-aarch64 _qemu_pkg=qemu-system-arm
		_compat=arm _console=ttyAMA0 _suites=bookworm
		_accel=tcg _machine="-M virt -cpu cortex-a57"
		;;
	riscv64)
		# bookworm has no riscv64 port; trixie is the first release
		# with one.  QEMU's own OpenSBI starts the kernel.
		_qemu=qemu-system-riscv64 _qemu_pkg=qemu-system-misc
		_compat="" _console=ttyS0 _suites=trixie
		_accel=tcg _machine="-M virt"
		;;
	s390x)
		# The kernel's 31-bit s390 compat ABI goes untested, because
		# Debian has no s390 port to take a busybox from and nolibc
		# builds for s390x only.  QEMU connects -serial to the SCLP
		# ASCII console, which the kernel names ttysclp0.
		_qemu=qemu-system-s390x _qemu_pkg=qemu-system-misc
		_compat="" _console=ttysclp0 _suites=bookworm
		_accel=tcg _machine="-M s390-ccw-virtio"
		;;
	ppc64le)
		# No compat cases, because nolibc does not build for 32-bit
		# ppc and Debian has no 32-bit little-endian ppc port.  TCG
		# does not emulate the Spectre mitigations that pseries
		# requests by default, so without these cap- settings QEMU
		# prints a warning for each.
		_qemu=qemu-system-ppc64 _qemu_pkg=qemu-system-ppc
		_compat="" _console=hvc0 _suites=bookworm
		_accel=tcg
		_machine="-M pseries,cap-cfpc=broken,cap-sbbc=broken"
		_machine="$_machine,cap-ibs=broken,cap-ccf-assist=off"
		;;
	i386)
		# The 686-pae flavour needs a CPU with PAE, which -cpu max and
		# -cpu host both have.
		_qemu=qemu-system-i386 _qemu_pkg=qemu-system-x86
		_compat="" _console=ttyS0 _suites=bookworm
		_accel=tcg _machine="-cpu max"
		boot_kvm && _accel=kvm _machine="-cpu host"
		;;
	arm)
		# armmp rather than armmp-lpae: 256 MiB of RAM needs no LPAE,
		# and armmp drives the virt machine's UART, timer and PSCI
		# power-off without modules.
		_qemu=qemu-system-arm _qemu_pkg=qemu-system-arm
		_compat="" _console=ttyAMA0 _suites=bookworm
		_accel=tcg _machine="-M virt -cpu cortex-a15"
		;;
	mips64el)
		# The 5kc-malta flavour is built for the Malta board, which
		# QEMU emulates, and for MIPS64 release 2, which
		# MIPS64R2-generic implements.  It runs o32 programs, the
		# mipsel compat ABI.  Its n32 ABI goes untested, because
		# Debian has no n32 port and nolibc does not build for n32.
		_qemu=qemu-system-mips64el _qemu_pkg=qemu-system-mips
		_compat=mipsel _console=ttyS0 _suites=bookworm
		_accel=tcg _machine="-M malta -cpu MIPS64R2-generic"
		;;
	mipsel)
		# 4kc-malta, the 32-bit flavour for the same board: an o32
		# kernel with no compat ABI, where seccwrap keeps its own
		# arch.  QEMU's Malta board starts it on a MIPS 24Kc (the
		# kernel's own report in the console log).
		_qemu=qemu-system-mipsel _qemu_pkg=qemu-system-mips
		_compat="" _console=ttyS0 _suites=bookworm
		_accel=tcg _machine="-M malta"
		;;
	*)
		fail "$_arch" "BOOT_ARCH names '$_arch'; use x86_64, aarch64," \
			"riscv64, s390x, ppc64le, i386, arm, mips64el or mipsel"
		return
		;;
	esac
	if ! command -v "$_qemu" >/dev/null 2>&1; then
		skip "$_arch" "$_qemu not found (Debian package $_qemu_pkg)"
		return
	fi
	for _tool in cpio gzip readelf dpkg-deb apt-get "$(boot_cc "$_arch")"; do
		if ! command -v "$_tool" >/dev/null 2>&1; then
			skip "$_arch" "$_tool not found"
			return
		fi
	done
	boot_image "$_arch" "$_compat" || return

	_first=1
	for _suite in $_suites; do
		_name=$_suite-$_arch
		if ! _kernel=$(sh "$TESTS/boot/debian.sh" kernel "$_suite" \
			"$_arch" 2>"$TMP/kernel.log"); then
			skip "$_name" "the $_suite kernel could not be fetched:" \
				"$(grep -m 1 '^debian.sh: ' "$TMP/kernel.log")"
			continue
		fi
		boot_kernel "$_name" "$_kernel"
		if [ "$_first" = 1 ]; then
			boot_pid1_failure "$_name-pid1" "$_kernel"
			_first=0
		fi
	done
}

for _boot_arch in $BOOT_ARCH; do
	boot_arch "$_boot_arch"
done
