# Render tables/syscalls.h from what gen/tables.sh collected, and into
# the file INDEX an enum with the index of each name.
#
#   awk -v source=TEXT -v index_file=INDEX -f gen/syscalls.awk FOUND NAMES LIST
#
# FOUND has 'TABLE PARENT UAPI DEFINES...' per table in table order,
# NAMES every syscall name once in strcmp() order, LIST 'TABLE NAME
# NUMBER' plus 'TABLE -base VALUE' and 'TABLE -private VALUE' lines.
#
# The names, sorted, are front-coded in a bit string, read from the
# most significant bit of each byte: per name the length of the prefix
# it shares with the name before, in SYSCALL_PREFIX_BITS bits, then the
# other characters and a NUL, each a code of SYSCALL_CHAR_BITS bits.
# The codes index syscall_name_chars[], which starts with the NUL and
# the most frequent characters, so most take one code; the last code
# value is an escape, which adds the next code to it for the rarer ones.
# Each table is a bit string of these operations:
#
#   0 NAME        the next number belongs to name index NAME
#                 (SYSCALL_NAME_BITS bits)
#   10 LENGTH     each of the next LENGTH numbers N belongs to the name
#                 that the parent table gives N + SHIFT (none where the
#                 parent has none)
#   110 LENGTH    the next LENGTH numbers are unused
#   111 S LENGTH  SHIFT, 0 at the start, grows by LENGTH, or shrinks
#                 when the sign bit S is 1
#
# LENGTH is an Elias gamma code: n zero bits, then LENGTH in n + 1 bits.
# A table ends after its count numbers; its code starts at a byte.
# Copying from a parent is what keeps the tables small: most ABIs number
# their older calls as i386 does, pairs such as ppc and ppc64 differ in
# a few dozen numbers, and every arch numbers the calls from 424 on
# alike.  SHIFT follows runs of calls that one table
# numbers a few places later than the other.  A number with a second
# name (arm's sync_file_range2) and an arch-private call go to
# syscall_extra[].

BEGIN {
	# How far apart two tables may number a run of calls, and the
	# shortest run worth a shift.  Of the values tried (8 to 96, and 2
	# to 4), these gave the shortest code for the Linux 7.2 tables.
	SHIFT_MAX = 48
	SHIFT_RUN_MIN = 3
	# 5 bits hold the longest shared prefix (21 characters in Linux 7.2)
	# and code the 30 most frequent of 37 characters in one code.
	PREFIX_BITS = 5
	CHAR_BITS = 5
}

function fail(text) {
	print "tables.sh: " text >"/dev/stderr"
	failed = 1
	exit 1
}

function put(bits) {
	code = code bits
}

function binary(v, width,    s) {
	s = ""
	while (width-- > 0) {
		s = (v % 2) s
		v = int(v / 2)
	}
	return s
}

function gamma(v,    n, s) {
	n = 0
	while (2 ^ (n + 1) <= v)
		n++
	s = binary(v, n + 1)
	while (n-- > 0)
		s = "0" s
	return s
}

# The name index at number NR of table T, or -1 where it has none.
function slot(t, nr) {
	if ((t, nr) in at)
		return at[t, nr]
	return -1
}

# The number of consecutive numbers from NR on that table T gives the
# names that table P gives them SHIFT places later.
function run_length(t, p, nr, shift,    end) {
	for (end = nr; end < count[t] && slot(p, end + shift) == slot(t, end);
	    end++)
		;
	return end - nr
}

# Append the code of table T to the bit string CODE.  Where copying from
# the parent fails, the longest run of copies within SHIFT_MAX places
# decides whether to shift; the first shift with that run wins a tie.
function encode(t,    p, nr, shift, end, n, best, best_shift, s) {
	p = parent[t]
	nr = 0
	shift = 0
	while (nr < count[t]) {
		if (p != "" && (n = run_length(t, p, nr, shift)) > 0) {
			put("10" gamma(n))
			nr += n
			continue
		}
		best = 0
		for (s = -SHIFT_MAX; p != "" && s <= SHIFT_MAX; s++) {
			if (s != shift && (n = run_length(t, p, nr, s)) > best) {
				best = n
				best_shift = s
			}
		}
		if (best >= SHIFT_RUN_MIN) {
			if (best_shift < shift)
				put("1111" gamma(shift - best_shift))
			else
				put("1110" gamma(best_shift - shift))
			shift = best_shift
		} else if (slot(t, nr) < 0) {
			for (end = nr; end < count[t] && slot(t, end) < 0 &&
			    (p == "" || slot(p, end + shift) >= 0); end++)
				;
			put("110" gamma(end - nr))
			nr = end
		} else {
			put("0" binary(slot(t, nr), namebits))
			nr++
		}
	}
	while (length(code) % 8)
		put("0")
}

# Print the bit string BITS as the bytes of a C array, 12 a line.
function print_bytes(bits,    b, j, line, end) {
	end = length(bits) / 8
	for (b = 0; b < end; b += 12) {
		line = "\t"
		for (j = b; j < end && j < b + 12; j++)
			line = line hexbyte(substr(bits, j * 8 + 1, 8)) \
			    (j + 1 < end && j + 1 < b + 12 ? ", " : ",")
		print line
	}
}

function hexbyte(bits,    v, i) {
	v = 0
	for (i = 1; i <= 8; i++)
		v = v * 2 + substr(bits, i, 1)
	return sprintf("0x%02x", v)
}

FILENAME == ARGV[1] {
	tables[++ntable] = $1
	index_of[$1] = ntable - 1
	parent[$1] = $2 == "-" ? "" : $2
	rest = $0
	for (i = 1; i <= 3; i++)
		sub(/^ *[^ ]+ */, "", rest)
	defines[$1] = rest
	next
}
FILENAME == ARGV[2] {
	names[nname + 0] = $1
	name_index[$1] = nname++
	next
}
$2 == "-base" { base[$1] = $3; next }
$2 == "-private" { private[$1] = $3; next }
{
	t = $1
	n = name_index[$2]
	nr = $3
	entries[t]++
	if ((t in private) && nr >= private[t]) {
		extra[++nextra] = t SUBSEP n SUBSEP nr
		next
	}
	# The first name in strcmp() order keeps the slot, so that number
	# to name lookups return it.
	if ((t, nr) in at) {
		if (at[t, nr] < n) {
			extra[++nextra] = t SUBSEP n SUBSEP nr
			next
		}
		extra[++nextra] = t SUBSEP at[t, nr] SUBSEP nr
	}
	at[t, nr] = n
	if (nr + 1 > count[t])
		count[t] = nr + 1
}
END {
	if (failed)
		exit 1
	namebits = 1
	while (2 ^ namebits < nname)
		namebits++
	countmax = 0
	for (i = 1; i <= ntable; i++) {
		t = tables[i]
		if (parent[t] != "" && (!(parent[t] in index_of) ||
		    index_of[parent[t]] >= index_of[t]))
			fail("the parent of " t " must be an earlier table")
		if (count[t] > countmax)
			countmax = count[t]
	}
	code = ""
	for (i = 1; i <= ntable; i++) {
		t = tables[i]
		start[t] = length(code) / 8
		encode(t)
	}
	if (length(code) / 8 > 65535)
		fail("syscall_code exceeds 65535 bytes")

	print "/* generated by gen/tables.sh; do not edit. */" >index_file
	print "" >index_file
	print "/* The index of each syscall name in tables/syscalls.h, so that" \
	    >index_file
	print " * data such as the groups of src/groups.c can name syscalls" \
	    >index_file
	print " * without a lookup at run time. */" >index_file
	print "enum syscall_index {" >index_file
	for (i = 0; i < nname; i++)
		printf "\tSC_%s = %d,\n", names[i], i >index_file
	print "};" >index_file
	close(index_file)

	print "/* generated by gen/tables.sh from these headers; do not edit:"
	n = split(source, sources, ", ")
	for (i = 1; i <= n; i++)
		print " *   " sources[i]
	print " */"
	print ""
	print "/*"
	print " * Syscall names of every ABI seccwrap knows, and each ABI\x27s"
	print " * numbers, in the compact form that gen/syscalls.awk describes"
	print " * and src/syscalls.c decodes.  Include after seccwrap.h."
	print " */"
	print ""
	printf "#define SYSCALL_NAMES %d\n", nname
	printf "#define SYSCALL_NAME_BITS %d\n", namebits
	pool = 0
	for (i = 0; i < nname; i++)
		pool += length(names[i]) + 1
	printf "#define SYSCALL_POOL_SIZE %d\n", pool
	printf "#define SYSCALL_TABLES %d\n", ntable
	printf "#define SYSCALL_COUNT_MAX %d\n", countmax
	printf "#define SYSCALL_TABLE_NAMES \""
	for (i = 1; i <= ntable; i++)
		printf "%s%s", tables[i], i < ntable ? " " : "\"\n"
	print "#define TABLE_NONE 0xff"
	print ""
	# The characters by frequency, the NUL that ends each name first.
	prev = ""
	for (i = 0; i < nname; i++) {
		s = names[i]
		for (keep = 0; keep < length(prev) && keep < length(s) &&
		    substr(prev, keep + 1, 1) == substr(s, keep + 1, 1); keep++)
			;
		if (keep >= 2 ^ PREFIX_BITS || keep == length(s) ||
		    s !~ /^[a-z0-9_]+$/)
			fail("cannot front-code " s " after " prev)
		shared[i] = keep
		for (j = keep + 1; j <= length(s); j++)
			uses[substr(s, j, 1)]++
		prev = s
	}
	nchar = 0
	for (ch in uses)
		chars[++nchar] = ch
	# Insertion sort, more uses first, then in byte order.
	for (i = 2; i <= nchar; i++) {
		ch = chars[i]
		for (j = i - 1; j >= 1 && (uses[chars[j]] < uses[ch] ||
		    (uses[chars[j]] == uses[ch] && chars[j] > ch)); j--)
			chars[j + 1] = chars[j]
		chars[j + 1] = ch
	}
	escape = 2 ^ CHAR_BITS - 1
	if (nchar + 1 > 2 * escape + 1)
		fail("more characters than the name codes can hold")
	for (i = 1; i <= nchar; i++)
		char_code[chars[i]] = i
	namecode = ""
	for (i = 0; i < nname; i++) {
		s = names[i]
		namecode = namecode binary(shared[i], PREFIX_BITS)
		for (j = shared[i] + 1; j <= length(s) + 1; j++) {
			c = j <= length(s) ? char_code[substr(s, j, 1)] : 0
			if (c >= escape)
				namecode = namecode binary(escape, CHAR_BITS) \
				    binary(c - escape, CHAR_BITS)
			else
				namecode = namecode binary(c, CHAR_BITS)
		}
	}
	while (length(namecode) % 8)
		namecode = namecode "0"
	printf "#define SYSCALL_PREFIX_BITS %d\n", PREFIX_BITS
	printf "#define SYSCALL_CHAR_BITS %d\n", CHAR_BITS
	print ""
	print "/* The characters of the name codes: code 0 is the NUL that ends a"
	print " * name, and code 1 the most frequent character. */"
	line = "static const char syscall_name_chars[] = \"\\0\" \""
	for (i = 1; i <= nchar; i++)
		line = line chars[i]
	print line "\";"
	print ""
	print "/*"
	print " * Every name once, sorted as strcmp() does, front-coded as"
	print " * gen/syscalls.awk describes; the index of a name is its"
	print " * position in this list."
	print " */"
	printf "static const unsigned char syscall_names_code[%d] = {\n", \
	    length(namecode) / 8 + 1
	print_bytes(namecode)
	print "\t0,\t/* the decoder reads one byte ahead */"
	print "};"
	for (i = 1; i <= ntable; i++) {
		t = tables[i]
		up = toupper(t)
		print ""
		printf "/* %s: asm/unistd.h with %s, %d names. */\n", t, \
		    defines[t] == "" ? "no defines" : defines[t], entries[t]
		printf "#define TABLE_%s %d\n", up, i - 1
		printf "#define TABLE_%s_BASE 0x%x\n", up, base[t]
		printf "#define TABLE_%s_COUNT %d\n", up, count[t]
		printf "#define TABLE_%s_PRIVATE 0x%x\n", up, \
		    (t in private) ? private[t] : 0
	}
	print ""
	print "struct syscall_table {"
	print "\tuint8_t parent;\t\t/* TABLE_* it copies from, or TABLE_NONE */"
	print "\tuint16_t count;\t\t/* highest number without the base, + 1 */"
	print "\tuint16_t code;\t\t/* offset in syscall_code[] */"
	print "\tuint32_t base;\t\t/* added to every number */"
	print "\tuint32_t private_base;\t/* first arch-private number, or 0 */"
	print "};"
	print ""
	print "static const struct syscall_table syscall_tables[SYSCALL_TABLES] = {"
	for (i = 1; i <= ntable; i++) {
		t = tables[i]
		printf "\t{ %s, %d, %d, 0x%x, 0x%x },\t/* %s */\n", \
		    parent[t] == "" ? "TABLE_NONE" : \
		    "TABLE_" toupper(parent[t]), count[t], start[t], base[t], \
		    (t in private) ? private[t] : 0, t
	}
	print "};"
	print ""
	printf "static const unsigned char syscall_code[%d] = {\n", \
	    length(code) / 8 + 2
	for (i = 1; i <= ntable; i++) {
		t = tables[i]
		end = i < ntable ? start[tables[i + 1]] : length(code) / 8
		printf "\t/* %s */\n", t
		print_bytes(substr(code, start[t] * 8 + 1, (end - start[t]) * 8))
	}
	print "\t0, 0,\t/* the decoder reads up to two bytes ahead */"
	print "};"
	print ""
	print "/* Numbers a table gives a second name, and arch-private calls;"
	print " * numbers without the base. */"
	print "struct syscall_extra {"
	print "\tuint8_t table;"
	print "\tuint16_t name;"
	print "\tuint32_t nr;"
	print "};"
	print ""
	printf "#define SYSCALL_EXTRAS %d\n", nextra
	print "static const struct syscall_extra syscall_extra[SYSCALL_EXTRAS] = {"
	for (i = 1; i <= nextra; i++) {
		split(extra[i], e, SUBSEP)
		printf "\t{ TABLE_%s, %d, 0x%x },\t/* %s */\n", toupper(e[1]), \
		    e[2], e[3], names[e[2]]
	}
	print "};"
}
