# Print the URI of the first deb822 stanza of an apt sources file that
# lists a plain suite (one without a "-security" or "-updates" suffix):
# the main Debian archive.  gen/fetch-headers.sh and tests/boot/debian.sh
# read it from /etc/apt/sources.list.d/debian.sources.
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
