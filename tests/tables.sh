# Syscall and errno tables: the generator, the committed tables/ and the
# lookups in src/syscalls.c and src/errnos.c.  Sourced by tests/run.sh.
#
# A syscall number never changes once assigned, so the committed tables
# (from newer headers) must agree with the machine's own kernel headers
# and with libseccomp on every name both sides know.

UNIT=$TESTS/out/tables_test
HOST_INCLUDE=/usr/include

# build_dump DIR OUT: build the unit test against the tables in DIR.
build_dump() {
	gcc -std=c99 -Wall -Wextra -Werror -I"$ROOT/src" -I"$1" -o "$2" \
		"$TESTS/unit/tables_test.c" "$ROOT/src/syscalls.c" \
		"$ROOT/src/errnos.c"
}

# host_kernel: print the version of the machine's kernel headers.
host_kernel() {
	awk '$2 == "LINUX_VERSION_CODE" {
		printf "%d.%d", int($3 / 65536), int($3 / 256) % 256
	}' "$HOST_INCLUDE/linux/version.h" 2>/dev/null
}

# ---- the lookup functions ----

"$UNIT" >"$TMP/unit.out" 2>&1
status=$?
while read -r word rest; do
	case $word in
	ok)
		pass "unit-$rest"
		;;
	not)
		rest=${rest#ok }
		fail "unit-${rest%%:*}" "${rest#*: }"
		;;
	esac
done <"$TMP/unit.out"
if [ "$status" -ne 0 ] && ! grep -q '^not ok' "$TMP/unit.out"; then
	fail unit "tables_test exited with $status: $(head -c 300 \
		"$TMP/unit.out")"
fi

"$UNIT" dump >"$TMP/committed.list"

# ---- (a) the machine's headers give the same numbers ----

if [ ! -d "$HOST_INCLUDE/asm-generic" ]; then
	skip host-headers "no $HOST_INCLUDE/asm-generic; apt-get install" \
		"linux-libc-dev"
elif ! sh "$ROOT/gen/tables.sh" -o "$TMP/host" "$HOST_INCLUDE" \
	2>"$TMP/gen.err"; then
	fail host-headers "gen/tables.sh $HOST_INCLUDE failed:" \
		"$(cat "$TMP/gen.err")"
elif ! build_dump "$TMP/host" "$TMP/host_test" 2>"$TMP/cc.err"; then
	fail host-headers "tables from $HOST_INCLUDE do not compile:" \
		"$(head -c 500 "$TMP/cc.err")"
else
	"$TMP/host_test" dump >"$TMP/host.list"
	awk 'FILENAME == ARGV[1] { nr[$1 " " $2] = $3; next }
	{
		key = $1 " " $2
		if (!(key in nr))
			print key ": " $3 " in the headers, absent from tables/"
		else if (nr[key] != $3)
			print key ": " $3 " in the headers, " nr[key] \
			    " in tables/"
	}' "$TMP/committed.list" "$TMP/host.list" >"$TMP/mismatch"
	compared=$(wc -l <"$TMP/host.list")
	echo "# host-headers: Linux $(host_kernel) headers, $compared" \
		"(ABI, name) pairs compared"
	if [ -s "$TMP/mismatch" ]; then
		fail host-headers "$(wc -l <"$TMP/mismatch") of $compared" \
			"differ: $(tr '\n' ';' <"$TMP/mismatch")"
	elif [ "$compared" -lt 1000 ]; then
		fail host-headers "only $compared (ABI, name) pairs from" \
			"$HOST_INCLUDE; expected over 1000 for three x86 ABIs"
	else
		pass host-headers
	fi
fi

# ---- (b) the generator's output depends only on the headers ----

if [ -s "$TMP/host/syscalls.h" ]; then
	# A second run from another folder, in another locale.
	if (cd / && LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 sh \
		"$ROOT/gen/tables.sh" -o "$TMP/again" "$HOST_INCLUDE") \
		2>"$TMP/gen.err" &&
		cmp -s "$TMP/host/syscalls.h" "$TMP/again/syscalls.h" &&
		cmp -s "$TMP/host/errnos.h" "$TMP/again/errnos.h"; then
		pass deterministic
	else
		fail deterministic "a second run differs:" \
			"$(diff "$TMP/host/syscalls.h" "$TMP/again/syscalls.h" |
			head -c 300) $(cat "$TMP/gen.err")"
	fi
else
	skip deterministic "the machine's headers gave no tables"
fi

# ---- (c) the committed tables regenerate from the recorded package ----

cached=$ROOT/.cache/linux-libc-dev
recorded=$(sed -n '1s/^.* from \(linux-libc-dev [^;]*\);.*/\1/p' \
	"$ROOT/tables/syscalls.h")
if [ -z "$recorded" ]; then
	fail regenerate "tables/syscalls.h names no linux-libc-dev version" \
		"in its first line"
elif [ ! -f "$cached/PACKAGE" ]; then
	skip regenerate "no $recorded in .cache; gen/fetch-headers.sh" \
		"fetches the version sid serves today"
elif [ "$(cat "$cached/PACKAGE")" != "$recorded" ]; then
	skip regenerate ".cache holds $(cat "$cached/PACKAGE"), tables/" \
		"come from $recorded"
elif ! sh "$ROOT/gen/tables.sh" -o "$TMP/sid" 2>"$TMP/gen.err"; then
	fail regenerate "gen/tables.sh failed: $(cat "$TMP/gen.err")"
elif cmp -s "$TMP/sid/syscalls.h" "$ROOT/tables/syscalls.h" &&
	cmp -s "$TMP/sid/errnos.h" "$ROOT/tables/errnos.h"; then
	pass regenerate
else
	fail regenerate "tables/ differ from gen/tables.sh output:" \
		"$( (diff "$ROOT/tables/syscalls.h" "$TMP/sid/syscalls.h"
		diff "$ROOT/tables/errnos.h" "$TMP/sid/errnos.h") |
		head -c 500)"
fi

# ---- (d) libseccomp gives the same number for every name ----

if ! command -v scmp_sys_resolver >/dev/null 2>&1; then
	skip libseccomp "scmp_sys_resolver not found; apt-get install seccomp"
else
	start=$(date +%s)
	# libseccomp calls i386 "x86" and prints x32 numbers with bit 30.
	while read -r abi name nr; do
		scmp=$abi
		[ "$abi" = i386 ] && scmp=x86
		echo "$abi $name $nr $(scmp_sys_resolver -a "$scmp" "$name")"
	done <"$TMP/committed.list" >"$TMP/scmp.list"
	end=$(date +%s)
	# scmp_sys_resolver prints -1 for a name missing from libseccomp's
	# table.  It prints -10000 or below for a name that its table lists
	# as absent on that ABI, which a later kernel may add to that ABI.
	# On x86, libseccomp 2.5 resolves the calls that socketcall and ipc
	# multiplex to its own negative numbers: -100 minus the socketcall
	# call, -200 minus the ipc call.
	awk '
	$4 == $3 { same++; next }
	$4 == -1 { unknown[$1] = unknown[$1] " " $2; nunknown++; next }
	$4 <= -10000 { absent[$1] = absent[$1] " " $2; nabsent++; next }
	$1 == "i386" && $4 <= -101 && $4 >= -299 { pseudo++; next }
	{ print $1 " " $2 ": " $3 " in tables/, " $4 " in libseccomp" }
	END {
		printf "# libseccomp: %d agree, %d multiplexed on i386, " \
		    "%d unknown, %d absent on the ABI\n", same, pseudo, \
		    nunknown, nabsent >"/dev/stderr"
		for (abi in unknown)
			printf "# unknown to libseccomp on %s:%s\n", abi, \
			    unknown[abi] >"/dev/stderr"
		for (abi in absent)
			printf "# absent in libseccomp on %s:%s\n", abi, \
			    absent[abi] >"/dev/stderr"
	}' "$TMP/scmp.list" >"$TMP/mismatch" 2>"$TMP/summary"
	sort "$TMP/summary"
	echo "# libseccomp: $(wc -l <"$TMP/scmp.list") scmp_sys_resolver" \
		"runs in $((end - start)) s"
	if [ -s "$TMP/mismatch" ]; then
		fail libseccomp "$(wc -l <"$TMP/mismatch") differ:" \
			"$(tr '\n' ';' <"$TMP/mismatch")"
	else
		pass libseccomp
	fi
fi

# ---- (e) every errno of the machine's headers resolves alike ----

errno_headers="$HOST_INCLUDE/asm-generic/errno-base.h \
$HOST_INCLUDE/asm-generic/errno.h"
if [ ! -f "$HOST_INCLUDE/asm-generic/errno.h" ]; then
	skip host-errnos "no $HOST_INCLUDE/asm-generic/errno.h"
else
	# A value is a number or an earlier name (EWOULDBLOCK EAGAIN).
	# shellcheck disable=SC2086
	awk '$1 == "#define" && $2 ~ /^E[A-Z0-9]+$/ {
		v = $3
		if (v in value)
			v = value[v]
		value[$2] = v
		print $2, v
	}' $errno_headers >"$TMP/errnos.host"
	# shellcheck disable=SC2046
	"$UNIT" errno $(cut -d' ' -f1 "$TMP/errnos.host") \
		>"$TMP/errnos.lookup"
	if [ "$(wc -l <"$TMP/errnos.host")" -lt 130 ]; then
		fail host-errnos "only $(wc -l <"$TMP/errnos.host") errnos" \
			"in $errno_headers"
	elif cmp -s "$TMP/errnos.host" "$TMP/errnos.lookup"; then
		pass host-errnos
	else
		fail host-errnos "headers vs errno_lookup():" \
			"$(diff "$TMP/errnos.host" "$TMP/errnos.lookup" |
			grep '^[<>]' | tr '\n' ';')"
	fi
fi
