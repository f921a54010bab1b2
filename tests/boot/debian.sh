#!/bin/sh
# Fetch a Debian kernel image or busybox-static for the booted tests and
# for ./build.sh initramfs, and print the path of the unpacked file.
#
#   tests/boot/debian.sh kernel SUITE ARCH   prints the path of vmlinuz
#   tests/boot/debian.sh busybox ARCH        prints the path of busybox
#
# ARCH is a kernel architecture name (x86_64, aarch64, arm, i386,
# riscv64, s390x, ppc64le, mips64el, mipsel); SUITE is a Debian suite
# such as bookworm or bullseye.
# busybox comes from BUSYBOX_SUITE, by default bookworm, or trixie for
# riscv64, which bookworm does not cover.  Files are unpacked under
# .cache/boot/ and reused; set REFRESH=1 to fetch again.
#
# apt runs with a private sources list, architecture, package lists and
# cache, so the machine's own apt setup is neither used for packages nor
# changed, and no foreign architecture is added to dpkg.  The archive
# address is read from the machine's debian.sources and the Release
# signature is checked with the Debian archive keyring.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=$ROOT/.cache/boot
: "${APT_SOURCES:=/etc/apt/sources.list.d/debian.sources}"
: "${REFRESH:=0}"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

die() {
	echo "debian.sh: $*" >&2
	exit 1
}

# Print Debian's name for the kernel architecture $1.
debian_arch() {
	case $1 in
	x86_64) echo amd64 ;;
	aarch64) echo arm64 ;;
	arm) echo armhf ;;
	i386) echo i386 ;;
	riscv64) echo riscv64 ;;
	s390x) echo s390x ;;
	ppc64le) echo ppc64el ;;
	mips64el) echo mips64el ;;
	mipsel) echo mipsel ;;
	*) die "unknown ARCH '$1'; use x86_64, aarch64, arm, i386, riscv64," \
		"s390x, ppc64le, mips64el or mipsel" ;;
	esac
}

# Print the URI of the main Debian archive from $APT_SOURCES.
archive_uri() {
	awk -f "$ROOT/gen/archive-uri.awk" "$APT_SOURCES" | head -n 1
}

# apt_setup SUITE DEBARCH: set APT_DIR and the positional options that
# make apt-get use a private state for that suite and architecture, and
# update its package lists once (again when REFRESH=1).
apt_setup() {
	[ -r "$APT_SOURCES" ] || die "'$APT_SOURCES' not found; set APT_SOURCES"
	[ -r "$KEYRING" ] || die "'$KEYRING' not found;" \
		"install it with: apt-get install debian-archive-keyring"
	command -v apt-get >/dev/null 2>&1 || die "apt-get not found"
	uri=$(archive_uri)
	[ -n "$uri" ] ||
		die "'$APT_SOURCES' names no archive URI for a plain suite"

	APT_DIR=$CACHE/apt/$1-$2
	mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" \
		"$APT_DIR/deb"
	echo "deb [arch=$2 signed-by=$KEYRING] $uri $1 main" \
		>"$APT_DIR/sources.list"
	: >"$APT_DIR/status"
	# apt downloads as the user _apt when that user can write the target
	# folder, and otherwise warns and downloads as root.
	chmod 755 "$CACHE" "$CACHE/apt" "$APT_DIR" "$APT_DIR/deb"
	if id _apt >/dev/null 2>&1; then
		chown _apt "$APT_DIR/deb" 2>/dev/null || :
	fi
	# Without Apt::Key::gpgvcommand, apt on bookworm reports gpgv as
	# missing for a private list and rejects the repository as unsigned.
	APT_OPTS="-q -o Dir::Etc::SourceList=$APT_DIR/sources.list \
-o Dir::Etc::SourceParts=/dev/null -o Dir::Etc::PreferencesParts=/dev/null \
-o Dir::State::Lists=$APT_DIR/lists -o Dir::State::status=$APT_DIR/status \
-o Dir::Cache=$APT_DIR/cache -o APT::Architecture=$2 \
-o APT::Architectures=$2 -o Apt::Key::gpgvcommand=/usr/bin/gpgv"
	if [ "$REFRESH" = 1 ] || ! ls "$APT_DIR"/lists/*_Packages* \
		>/dev/null 2>&1; then
		# shellcheck disable=SC2086
		apt-get $APT_OPTS update >&2 ||
			die "apt-get update of $1 for $2 failed"
	fi
}

# download PACKAGE: fetch PACKAGE into $APT_DIR/deb and set DEB.
download() {
	rm -f "$APT_DIR/deb/$1"_*.deb
	# shellcheck disable=SC2086
	(cd "$APT_DIR/deb" && apt-get $APT_OPTS download "$1") >&2 ||
		die "apt-get download $1 failed"
	set -- "$APT_DIR/deb/$1"_*.deb
	[ -f "$1" ] || die "apt-get download left no package in $APT_DIR/deb"
	DEB=$1
}

# Print the linux-image-VERSION-FLAVOUR package that the metapackage $1
# depends on.
kernel_package() {
	# shellcheck disable=SC2086
	apt-cache $APT_OPTS depends "$1" |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' |
		head -n 1
}

fetch_kernel() {
	suite=$1
	debarch=$(debian_arch "$2")
	dest=$CACHE/kernel-$suite-$debarch
	if [ "$REFRESH" != 1 ] && [ -f "$dest/vmlinuz" ]; then
		echo "$dest/vmlinuz"
		return
	fi

	# The metapackage is named after the kernel flavour, which is the
	# Debian architecture except on ppc64el, i386, armhf, mips64el and
	# mipsel.  For the Malta board, which QEMU emulates, the flavour
	# is 5kc-malta on mips64el and 4kc-malta on mipsel.
	case $debarch in
	ppc64el) meta=linux-image-powerpc64le ;;
	i386) meta=linux-image-686-pae ;;
	armhf) meta=linux-image-armmp ;;
	mips64el) meta=linux-image-5kc-malta ;;
	mipsel) meta=linux-image-4kc-malta ;;
	*) meta=linux-image-$debarch ;;
	esac
	apt_setup "$suite" "$debarch"
	image=$(kernel_package "$meta")
	[ -n "$image" ] ||
		die "$meta in $suite depends on no linux-image package"
	download "$image"
	rm -rf "$dest.new"
	mkdir -p "$dest.new"
	# Only the kernel image is needed: the booted tests load no modules.
	dpkg-deb --fsys-tarfile "$DEB" |
		tar -x -C "$dest.new" --wildcards './boot/vmlinu*' ||
		die "'$DEB' has no boot/vmlinuz"
	set -- "$dest.new"/boot/vmlinu*
	[ -f "$1" ] || die "'$DEB' has no boot/vmlinuz"
	mv "$1" "$dest.new/vmlinuz"
	rm -rf "$dest.new/boot"
	echo "$(dpkg-deb -f "$DEB" Package) $(dpkg-deb -f "$DEB" Version)" \
		>"$dest.new/PACKAGE"
	rm -f "$DEB"
	rm -rf "$dest"
	mv "$dest.new" "$dest"
	echo "$dest/vmlinuz"
}

fetch_busybox() {
	debarch=$(debian_arch "$1")
	if [ -z "${BUSYBOX_SUITE:-}" ]; then
		BUSYBOX_SUITE=bookworm
		[ "$debarch" = riscv64 ] && BUSYBOX_SUITE=trixie
	fi

	dest=$CACHE/busybox-$BUSYBOX_SUITE-$debarch
	if [ "$REFRESH" != 1 ] && [ -f "$dest/busybox" ]; then
		echo "$dest/busybox"
		return
	fi

	apt_setup "$BUSYBOX_SUITE" "$debarch"
	download busybox-static
	rm -rf "$dest.new"
	mkdir -p "$dest.new"
	dpkg -x "$DEB" "$dest.new/root"
	# trixie moved /bin to /usr/bin.
	for path in bin/busybox usr/bin/busybox ""; do
		[ -n "$path" ] || die "'$DEB' has no bin/busybox or usr/bin/busybox"
		if [ -f "$dest.new/root/$path" ]; then
			mv "$dest.new/root/$path" "$dest.new/busybox"
			break
		fi
	done
	rm -rf "$dest.new/root"
	echo "$(dpkg-deb -f "$DEB" Package) $(dpkg-deb -f "$DEB" Version)" \
		>"$dest.new/PACKAGE"
	rm -f "$DEB"
	rm -rf "$dest"
	mv "$dest.new" "$dest"
	echo "$dest/busybox"
}

case ${1:-} in
kernel)
	[ $# -eq 3 ] || die "usage: debian.sh kernel SUITE ARCH"
	fetch_kernel "$2" "$3"
	;;
busybox)
	[ $# -eq 2 ] || die "usage: debian.sh busybox ARCH"
	fetch_busybox "$2"
	;;
*)
	die "usage: debian.sh kernel SUITE ARCH | busybox ARCH"
	;;
esac
