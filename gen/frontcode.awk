# Front coding of a sorted name list, shared by gen/syscalls.awk and
# gen/errnos.awk (src/syscalls.c decodes it with front_decode()).
#
# print_front_coded(NAME, NAMES, N, PATTERN) prints the C array NAME
# with NAMES[0] to NAMES[N - 1]: per name, a byte with the length of the
# prefix it shares with the name before, then its other characters, the
# last with bit 7 set.  Each name must match PATTERN, which keeps bit 7
# and quotes out of the characters; a name that is a prefix of the one
# before cannot be coded, as it would have no characters of its own.
function print_front_coded(array, list, count, pattern,    i, j, keep, s, prev, line) {
	printf "static const unsigned char %s[] = {\n", array
	prev = ""
	for (i = 0; i < count; i++) {
		s = list[i]
		for (keep = 0; keep < length(prev) && keep < length(s) &&
		    substr(prev, keep + 1, 1) == substr(s, keep + 1, 1); keep++)
			;
		if (keep > 255 || keep == length(s) || s !~ pattern)
			fail("cannot front-code " s " after " prev)
		line = "\t" keep ","
		for (j = keep + 1; j <= length(s); j++)
			line = line " " (j == length(s) ? "0x80 | " : "") \
			    "\x27" substr(s, j, 1) "\x27,"
		printf "%s\t/* %d %s */\n", line, i, s
		prev = s
	}
	print "};"
}

# The bytes that the decoded names of LIST take, each with its NUL.
function pool_size(list, count,    i, n) {
	n = 0
	for (i = 0; i < count; i++)
		n += length(list[i]) + 1
	return n
}
