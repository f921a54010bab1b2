#!/bin/sh
# Fetch the kernel UAPI headers that gen/tables.sh reads, and unpack each
# package into .cache/<package>/:
#
#   - linux-libc-dev from Debian sid, with the headers of every kernel
#     arch (usr/lib/linux/uapi/<arch>/asm);
#   - linux-libc-dev-s390x-cross from Debian bookworm (Linux 6.1), for
#     the 31-bit s390 ABI that Linux 6.19 removed from the headers.
#
#   gen/fetch-headers.sh              download the versions served today
#   gen/fetch-headers.sh FILE.deb...  unpack packages downloaded before
#
# apt runs with a private sources list, package lists and cache, so the
# machine's own apt setup is neither read for packages nor changed.  The
# archive address is taken from the machine's debian.sources; the
# signatures of the Release files are checked with the archive keyring.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=$ROOT/.cache
# PACKAGE/SUITE pairs.
PACKAGES='linux-libc-dev/sid linux-libc-dev-s390x-cross/bookworm'
: "${APT_SOURCES:=/etc/apt/sources.list.d/debian.sources}"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

die() {
	echo "fetch-headers.sh: $*" >&2
	exit 1
}

# Print the URI of the main Debian archive from $APT_SOURCES.
archive_uri() {
	awk -f "$ROOT/gen/archive-uri.awk" "$APT_SOURCES" | head -n 1
}

# download: fetch every package of PACKAGES into $WORK/deb and set DEBS
# to the files.
download() {
	[ -r "$APT_SOURCES" ] || die "'$APT_SOURCES' not found; set APT_SOURCES"
	[ -r "$KEYRING" ] || die "'$KEYRING' not found;" \
		"install it with: apt-get install debian-archive-keyring"
	uri=$(archive_uri)
	[ -n "$uri" ] ||
		die "'$APT_SOURCES' names no archive URI for a plain suite"

	: >"$WORK/private.list"
	for item in $PACKAGES; do
		echo "deb [signed-by=$KEYRING] $uri ${item#*/} main" \
			>>"$WORK/private.list"
	done
	mkdir -p "$WORK/lists/partial" "$WORK/cache/archives/partial" \
		"$WORK/deb"
	# apt downloads as the user _apt when it can reach the target folder,
	# and otherwise warns and downloads as root.
	chmod 755 "$WORK"
	if id _apt >/dev/null 2>&1; then
		chown _apt "$WORK/deb" || :
	fi
	# Without Apt::Key::gpgvcommand, apt on bookworm reports gpgv as
	# missing for a private list and rejects the repository as unsigned.
	set -- -q -o "Dir::Etc::SourceList=$WORK/private.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o "Dir::State::Lists=$WORK/lists" \
		-o "Dir::Cache=$WORK/cache" \
		-o Apt::Key::gpgvcommand=/usr/bin/gpgv
	apt-get "$@" update >&2 || die "apt-get update failed"
	# shellcheck disable=SC2086
	(cd "$WORK/deb" && apt-get "$@" download $PACKAGES) >&2 ||
		die "apt-get download $PACKAGES failed"
	set --
	for item in $PACKAGES; do
		for deb in "$WORK"/deb/"${item%/*}"_*.deb; do
			[ -f "$deb" ] ||
				die "apt-get download left no ${item%/*} package"
			set -- "$@" "$deb"
		done
	done
	DEBS="$*"
}

# unpack DEB: unpack one package into .cache/<package>/ beside the old
# tree and swap, so that a failure leaves the previous headers in place.
unpack() {
	name=$(dpkg-deb -f "$1" Package) ||
		die "'$1' is not a Debian package"
	version=$(dpkg-deb -f "$1" Version)
	case " $PACKAGES " in
	*" $name/"*) ;;
	*) die "'$1' is $name, not one of: $PACKAGES" ;;
	esac
	dest=$CACHE/$name
	mkdir -p "$CACHE"
	rm -rf "$dest.new"
	dpkg-deb -x "$1" "$dest.new"
	if [ -z "$(find "$dest.new/usr" -path '*/asm/unistd.h' | head -n 1)" ]
	then
		rm -rf "$dest.new"
		die "'$1' has no asm/unistd.h"
	fi
	echo "$name $version" >"$dest.new/PACKAGE"
	rm -rf "$dest"
	mv "$dest.new" "$dest"
	echo "fetch-headers.sh: $name $version unpacked into $dest" >&2
}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

if [ $# -eq 0 ]; then
	download
	# The downloaded file names contain no spaces.
	# shellcheck disable=SC2086
	set -- $DEBS
fi
for deb in "$@"; do
	[ -f "$deb" ] || die "'$deb' not found"
done
for deb in "$@"; do
	unpack "$deb"
done
