#!/bin/sh
# Fetch Debian sid's linux-libc-dev, which contains the UAPI headers of every
# kernel arch (usr/lib/linux/uapi/<arch>/asm), and unpack it into
# .cache/linux-libc-dev/ for gen/tables.sh.
#
#   gen/fetch-headers.sh          download the version sid serves today
#   gen/fetch-headers.sh FILE.deb unpack a package downloaded before
#
# apt runs with a private sources list, package lists and cache, so the
# machine's own apt setup is neither read for packages nor changed.  The
# archive address is taken from the machine's debian.sources; the
# signature of sid's Release file is checked with the archive keyring.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=$ROOT/.cache
DEST=$CACHE/linux-libc-dev
PACKAGE=linux-libc-dev
: "${APT_SOURCES:=/etc/apt/sources.list.d/debian.sources}"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

die() {
	echo "fetch-headers.sh: $*" >&2
	exit 1
}

# Print the URI of the first deb822 stanza that lists a plain suite
# (one without a "-security" or "-updates" suffix): the main archive.
archive_uri() {
	awk '
	/^[ \t]*$/ {
		if (uri != "" && plain) {
			print uri
			exit
		}
		uri = ""
		plain = 0
		next
	}
	/^URIs:/ { uri = $2 }
	/^Suites:/ { for (i = 2; i <= NF; i++) if ($i !~ /-/) plain = 1 }
	END { if (uri != "" && plain) print uri }
	' "$APT_SOURCES" | head -n 1
}

download() {
	[ -r "$APT_SOURCES" ] || die "'$APT_SOURCES' not found; set APT_SOURCES"
	[ -r "$KEYRING" ] || die "'$KEYRING' not found;" \
		"install it with: apt-get install debian-archive-keyring"
	uri=$(archive_uri)
	[ -n "$uri" ] ||
		die "'$APT_SOURCES' names no archive URI for a plain suite"

	echo "deb [signed-by=$KEYRING] $uri sid main" >"$WORK/sid.list"
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
	set -- -q -o "Dir::Etc::SourceList=$WORK/sid.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o "Dir::State::Lists=$WORK/lists" \
		-o "Dir::Cache=$WORK/cache" \
		-o Apt::Key::gpgvcommand=/usr/bin/gpgv
	apt-get "$@" update >&2 || die "apt-get update of sid failed"
	(cd "$WORK/deb" && apt-get "$@" download "$PACKAGE") >&2 ||
		die "apt-get download $PACKAGE failed"
	set -- "$WORK"/deb/"$PACKAGE"_*.deb
	[ -f "$1" ] || die "apt-get download left no $PACKAGE package"
	DEB=$1
}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

if [ $# -gt 0 ]; then
	DEB=$1
	[ -f "$DEB" ] || die "'$DEB' not found"
else
	download
fi

name=$(dpkg-deb -f "$DEB" Package) || die "'$DEB' is not a Debian package"
version=$(dpkg-deb -f "$DEB" Version)
[ "$name" = "$PACKAGE" ] || die "'$DEB' is $name, not $PACKAGE"

# Unpack beside the old tree and swap, so that a failure leaves the
# previous headers in place.
mkdir -p "$CACHE"
rm -rf "$DEST.new"
dpkg-deb -x "$DEB" "$DEST.new"
[ -d "$DEST.new/usr/lib/linux/uapi/x86/asm" ] ||
	die "'$DEB' has no usr/lib/linux/uapi/<arch>/asm folders"
echo "$name $version" >"$DEST.new/PACKAGE"
rm -rf "$DEST"
mv "$DEST.new" "$DEST"
echo "fetch-headers.sh: $name $version unpacked into $DEST" >&2
