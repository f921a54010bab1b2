# Syscall and errno tables: the generator, the committed tables/, the
# architecture descriptors and the lookups in src/syscalls.c and
# src/errnos.c.  Sourced by tests/run.sh.
#
# A syscall number never changes once assigned, so the committed tables
# (from newer headers) must agree with Linux 6.1 headers and with
# libseccomp on every name both sides know.  The 6.1 headers are the
# machine's own (x86) and those of Debian's linux-libc-dev-<arch>-cross
# packages in /usr/<triplet>/include; tables without them are skipped.

UNIT=$TESTS/out/tables_test
SCMP=$TESTS/out/scmp_resolve
OLD_ROOTS="/usr/include /usr"
TABLES="x86_64 i386 x32 arm aarch64 riscv64 ppc ppc64 s390 s390x o32 n64 \
n32 parisc parisc64 m68k sh"

# cross_package TABLE: the bookworm package with the 6.1 headers of TABLE.
cross_package() {
	case $1 in
	x86_64 | i386 | x32) echo linux-libc-dev ;;
	arm) echo linux-libc-dev-armhf-cross ;;
	aarch64) echo linux-libc-dev-arm64-cross ;;
	ppc | ppc64) echo linux-libc-dev-powerpc-cross ;;
	s390 | s390x) echo linux-libc-dev-s390x-cross ;;
	o32 | n64 | n32) echo linux-libc-dev-mips64el-cross ;;
	parisc | parisc64) echo linux-libc-dev-hppa-cross ;;
	sh) echo linux-libc-dev-sh4-cross ;;
	*) echo "linux-libc-dev-$1-cross" ;;
	esac
}

# missing_hint FILE: name the packages for the tables in FILE.
missing_hint() {
	for table in $(cat "$1"); do
		cross_package "$table"
	done | sort -u | tr '\n' ' '
}

# build_unit DIR OUT: build the unit test against the tables in DIR.
build_unit() {
	gcc -std=c99 -Os -Wall -Wextra -Werror -I"$ROOT/src" -I"$1" -o "$2" \
		"$TESTS/unit/tables_test.c" "$ROOT/src/syscalls.c" \
		"$ROOT/src/errnos.c"
}

# run_unit PROGRAM PREFIX: turn the unit test's lines into results.
run_unit() {
	"$1" >"$TMP/unit.out" 2>&1
	status=$?
	while read -r word rest; do
		case $word in
		ok)
			pass "$2$rest"
			;;
		not)
			rest=${rest#ok }
			fail "$2${rest%%:*}" "${rest#*: }"
			;;
		'#')
			echo "# $rest"
			;;
		esac
	done <"$TMP/unit.out"
	if [ "$status" -ne 0 ] && ! grep -q '^not ok' "$TMP/unit.out"; then
		fail "${2}run" "$1 exited with $status: $(head -c 300 \
			"$TMP/unit.out")"
	fi
}

# The generator runs in the background, concurrently with the checks: on
# the 6.1 headers, twice to compare, and on the recorded packages.
gen() {
	sh "$ROOT/gen/tables.sh" "$@"
}
gen -l $OLD_ROOTS >"$TMP/old.list" 2>"$TMP/old.err" &
list_job=$!
gen -e $OLD_ROOTS >"$TMP/old.errnos" 2>"$TMP/errnos.err" &
errnos_job=$!
gen -o "$TMP/old" $OLD_ROOTS 2>"$TMP/old-gen.err" &
old_job=$!
# A second run from another folder, in another locale.
(cd / && export LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 &&
	gen -o "$TMP/again" $OLD_ROOTS) 2>"$TMP/again-gen.err" &
again_job=$!

# The header of tables/syscalls.h names each package, one a line, until
# the comment ends.
sed -n '2,/\*\//s/^ \*   //p' "$ROOT/tables/syscalls.h" >"$TMP/recorded"
roots=
problem=
while read -r package version; do
	roots="$roots $ROOT/.cache/$package"
	cached=$(cat "$ROOT/.cache/$package/PACKAGE" 2>/dev/null)
	if [ "$cached" != "$package $version" ]; then
		problem="${cached:-nothing} in .cache/$package, tables/"
		problem="$problem come from $package $version"
	fi
done <"$TMP/recorded"
sid_job=
if [ -s "$TMP/recorded" ] && [ -z "$problem" ]; then
	gen -o "$TMP/sid" $roots 2>"$TMP/sid-gen.err" &
	sid_job=$!
fi

# ---- (a) the lookups and the architecture descriptors ----

run_unit "$UNIT" unit-
"$UNIT" dump >"$TMP/committed.list"
"$UNIT" abis >"$TMP/abis"

# ---- (b) the Linux 6.1 headers give the same numbers ----

# Names that Linux 6.1 headers define and the committed tables lack.
cat >"$TMP/old.removed" <<'EOF'
parisc64 _llseek: parisc's syscall.tbl made it 32-bit only after Linux 6.1
EOF

wait "$list_job"
: >"$TMP/missing"
for table in $TABLES; do
	grep -q "^$table " "$TMP/old.list" || echo "$table" >>"$TMP/missing"
done
awk 'FILENAME == ARGV[1] { removed[$1 " " $2] = 1; next }
FILENAME == ARGV[2] { nr[$1 " " $2] = $3; next }
{
	key = $1 " " $2
	if (!(key in nr) && !((key ":") in removed))
		print key ": " $3 " in the 6.1 headers, absent from tables/"
	else if ((key in nr) && nr[key] != $3)
		print key ": " $3 " in the 6.1 headers, " nr[key] " in tables/"
}' "$TMP/old.removed" "$TMP/committed.list" "$TMP/old.list" \
	>"$TMP/mismatch"
compared=$(wc -l <"$TMP/old.list")
echo "# old-headers: $compared (table, name) pairs from Linux 6.1," \
	"$(cut -d' ' -f1 "$TMP/old.list" | sort -u | wc -l) tables"
if [ -s "$TMP/missing" ]; then
	echo "# old-headers: no 6.1 headers for $(tr '\n' ' ' \
		<"$TMP/missing")(apt-get install $(missing_hint "$TMP/missing"))"
fi
if [ -s "$TMP/mismatch" ]; then
	fail old-headers "$(wc -l <"$TMP/mismatch") of $compared differ:" \
		"$(tr '\n' ';' <"$TMP/mismatch")"
elif grep -q -x -e x86_64 -e i386 -e x32 "$TMP/missing"; then
	fail old-headers "no x86 tables from /usr/include:" \
		"$(cat "$TMP/old.err")"
else
	pass old-headers
fi

# ---- (c) generating is deterministic and the decoder reverses it ----

if [ -s "$TMP/missing" ]; then
	wait "$old_job" "$again_job"
	skip deterministic "no 6.1 headers for $(tr '\n' ' ' \
		<"$TMP/missing")to generate every table from; apt-get" \
		"install $(missing_hint "$TMP/missing")"
	skip old-round-trip "no 6.1 tables generated"
elif ! wait "$old_job"; then
	fail deterministic "gen/tables.sh $OLD_ROOTS failed:" \
		"$(cat "$TMP/old-gen.err")"
else
	if wait "$again_job" &&
		cmp -s "$TMP/old/syscalls.h" "$TMP/again/syscalls.h" &&
		cmp -s "$TMP/old/sysindex.h" "$TMP/again/sysindex.h" &&
		cmp -s "$TMP/old/errnos.h" "$TMP/again/errnos.h"; then
		pass deterministic
	else
		fail deterministic "a second run differs:" \
			"$(diff "$TMP/old/syscalls.h" "$TMP/again/syscalls.h" |
			head -c 300) $(cat "$TMP/again-gen.err")"
	fi
	if ! build_unit "$TMP/old" "$TMP/old_test" 2>"$TMP/cc.err"; then
		fail old-round-trip "the 6.1 tables do not compile:" \
			"$(head -c 500 "$TMP/cc.err")"
	else
		run_unit "$TMP/old_test" old-unit-
		"$TMP/old_test" dump | sort >"$TMP/old.decoded"
		sort "$TMP/old.list" >"$TMP/old.sorted"
		if cmp -s "$TMP/old.sorted" "$TMP/old.decoded"; then
			pass old-round-trip
		else
			fail old-round-trip "decoded tables differ from the" \
				"headers: $(diff "$TMP/old.sorted" \
				"$TMP/old.decoded" | grep '^[<>]' | head -n 8 |
				tr '\n' ';')"
		fi
	fi
fi

# ---- (d) the committed tables regenerate from the recorded packages ----

if [ ! -s "$TMP/recorded" ]; then
	fail regenerate "tables/syscalls.h names no packages in its header"
elif [ -n "$problem" ]; then
	skip regenerate "$problem; gen/fetch-headers.sh fetches what sid" \
		"and bookworm serve today"
elif ! wait "$sid_job"; then
	fail regenerate "gen/tables.sh failed: $(cat "$TMP/sid-gen.err")"
elif cmp -s "$TMP/sid/syscalls.h" "$ROOT/tables/syscalls.h" &&
	cmp -s "$TMP/sid/sysindex.h" "$ROOT/tables/sysindex.h" &&
	cmp -s "$TMP/sid/errnos.h" "$ROOT/tables/errnos.h"; then
	pass regenerate
else
	fail regenerate "tables/ differ from gen/tables.sh output:" \
		"$( (diff "$ROOT/tables/syscalls.h" "$TMP/sid/syscalls.h"
		diff "$ROOT/tables/sysindex.h" "$TMP/sid/sysindex.h"
		diff "$ROOT/tables/errnos.h" "$TMP/sid/errnos.h") |
		head -c 500)"
fi

# ---- (e) libseccomp gives the same number for every name ----

# libseccomp's names for the ABIs of each table (scmp_sys_resolver -h
# lists none; these are the tokens of its seccomp_arch_resolve_name()).
scmp_tokens() {
	case $1 in
	i386) echo x86 ;;
	ppc64) echo ppc64 ppc64le ;;
	o32) echo mips mipsel ;;
	n64) echo mips64 mipsel64 ;;
	n32) echo mips64n32 mipsel64n32 ;;
	sh) echo sh sheb ;;
	*) echo "$1" ;;
	esac
}

# Numbers libseccomp gives otherwise, as "TOKEN NAME: reason".
cat >"$TMP/scmp.known" <<'EOF'
arm sync_file_range2: arm's asm/unistd.h names 341 twice; libseccomp
	keeps only arm_sync_file_range
x32 map_shadow_stack: Linux's asm/unistd_x32.h defines it; libseccomp
	2.5.4 lists it as absent on x32
riscv64 clock_gettime64: rv32's 64-bit time calls (403..423) are in the riscv64
	table, because a riscv64 kernel shows rv32 calls as riscv64 calls
	(gen/tables.sh); libseccomp lists them as absent on riscv64
riscv64 clock_settime64: as clock_gettime64
riscv64 clock_adjtime64: as clock_gettime64
riscv64 clock_getres_time64: as clock_gettime64
riscv64 clock_nanosleep_time64: as clock_gettime64
riscv64 timer_gettime64: as clock_gettime64
riscv64 timer_settime64: as clock_gettime64
riscv64 timerfd_gettime64: as clock_gettime64
riscv64 timerfd_settime64: as clock_gettime64
riscv64 utimensat_time64: as clock_gettime64
riscv64 pselect6_time64: as clock_gettime64
riscv64 ppoll_time64: as clock_gettime64
riscv64 io_pgetevents_time64: as clock_gettime64
riscv64 recvmmsg_time64: as clock_gettime64
riscv64 mq_timedsend_time64: as clock_gettime64
riscv64 mq_timedreceive_time64: as clock_gettime64
riscv64 semtimedop_time64: as clock_gettime64
riscv64 rt_sigtimedwait_time64: as clock_gettime64
riscv64 futex_time64: as clock_gettime64
riscv64 sched_rr_get_interval_time64: as clock_gettime64
EOF

# The tables of ABIs with the socketcall and ipc multiplexers.
awk '$5 ~ /SOCKETCALL/ { print $3 }' "$TMP/abis" | sort -u \
	>"$TMP/socketcall"

for table in $TABLES; do
	for token in $(scmp_tokens "$table"); do
		awk -v t="$table" -v k="$token" '$1 == t { print k, $2, t, $3 }' \
			"$TMP/committed.list"
	done
done >"$TMP/scmp.query"
if [ -x "$SCMP" ]; then
	how="libseccomp (tests/out/scmp_resolve)"
	cut -d' ' -f1,2 "$TMP/scmp.query" | "$SCMP" | cut -d' ' -f3 \
		>"$TMP/scmp.numbers"
elif command -v scmp_sys_resolver >/dev/null 2>&1; then
	# One run per name, about 9000 of them: 15 s on a 2-CPU VM.
	how="scmp_sys_resolver"
	known_tokens=" "
	for token in $(cut -d' ' -f1 "$TMP/scmp.query" | uniq); do
		scmp_sys_resolver -a "$token" read >/dev/null 2>&1 &&
			known_tokens="$known_tokens$token "
	done
	while read -r token name rest; do
		case $known_tokens in
		*" $token "*) scmp_sys_resolver -a "$token" "$name" ;;
		*) echo badarch ;;
		esac
	done <"$TMP/scmp.query" >"$TMP/scmp.numbers"
else
	how=
fi
if [ -z "$how" ]; then
	skip libseccomp "neither libseccomp-dev nor scmp_sys_resolver;" \
		"apt-get install libseccomp-dev seccomp"
else
	# scmp_sys_resolver prints -1 for a name unknown to libseccomp, and
	# -10000 or below for a name its table lists as absent on that ABI.
	# Where socketcall and ipc exist, libseccomp 2.5 resolves the calls
	# they multiplex to its own numbers: -100 minus the socketcall call,
	# -200 minus the ipc call.
	paste -d' ' "$TMP/scmp.query" "$TMP/scmp.numbers" |
	awk -v unknown="$TMP/scmp.unknown" '
	FILENAME == ARGV[1] && /^[^\t]/ { known[$1 " " $2] = 1; next }
	FILENAME == ARGV[1] { next }
	FILENAME == ARGV[2] { multiplexed[$1] = 1; next }
	{
		token = $1; name = $2; table = $3; nr = $4; scmp = $5
		if (scmp == "badarch") {
			badarch[token] = 1
			next
		}
		if (scmp == nr) {
			same++
			next
		}
		if ((token " " name ":") in known) {
			listed++
			next
		}
		if (scmp == -1) {
			print name >unknown
			next
		}
		if ((table in multiplexed) && scmp <= -101 && scmp >= -299) {
			pseudo++
			next
		}
		print token " " name ": " nr " in tables/, " scmp \
		    " in libseccomp"
	}
	END {
		printf "# libseccomp: %d agree, %d multiplexed, %d listed in " \
		    "the test\n", same, pseudo, listed >"/dev/stderr"
		line = ""
		for (token in badarch)
			line = line " " token
		if (line != "")
			printf "# ABIs unknown to libseccomp:%s\n", line \
			    >"/dev/stderr"
	}' "$TMP/scmp.known" "$TMP/socketcall" - >"$TMP/mismatch" \
		2>"$TMP/summary"
	cat "$TMP/summary"
	if [ -s "$TMP/scmp.unknown" ]; then
		echo "# names newer than libseccomp's table:" \
			"$(sort -u "$TMP/scmp.unknown" | tr '\n' ' ')"
	fi
	echo "# libseccomp: $(wc -l <"$TMP/scmp.query") names looked up" \
		"with $how"
	if [ -s "$TMP/mismatch" ]; then
		fail libseccomp "$(wc -l <"$TMP/mismatch") differ:" \
			"$(tr '\n' ';' <"$TMP/mismatch")"
	else
		pass libseccomp
	fi
fi

# ---- (f) every errno of the 6.1 headers resolves alike ----

# uapi_arch FOLDER: an arch whose errnos come from that uapi folder.
uapi_arch() {
	case $1 in
	x86) echo x86_64 ;;
	arm64) echo aarch64 ;;
	riscv) echo riscv64 ;;
	powerpc) echo ppc64 ;;
	s390) echo s390x ;;
	mips) echo mips64 ;;
	parisc) echo parisc64 ;;
	*) echo "$1" ;;
	esac
}

# Errnos that Linux 6.1 headers define and the committed tables lack.
cat >"$TMP/errnos.removed" <<'EOF'
parisc64 ENOSYM: dropped from parisc's asm/errno.h after Linux 6.1
parisc64 EREMOTERELEASE: dropped from parisc's asm/errno.h after Linux 6.1
EOF

wait "$errnos_job"
: >"$TMP/errno.mismatch"
for folder in $(cut -d' ' -f1 "$TMP/old.errnos" | uniq); do
	arch=$(uapi_arch "$folder")
	awk -v f="$folder" '$1 == f { print $2, $3 }' "$TMP/old.errnos" \
		>"$TMP/errnos.want"
	# shellcheck disable=SC2046
	"$UNIT" -a "$arch" errno $(cut -d' ' -f1 "$TMP/errnos.want") \
		>"$TMP/errnos.got"
	paste -d' ' "$TMP/errnos.want" "$TMP/errnos.got" |
	awk -v arch="$arch" '
	FILENAME == ARGV[1] { removed[$1 " " $2] = 1; next }
	$2 != $4 && !((arch " " $1 ":") in removed) {
		print arch " " $1 ": " $2 " in the 6.1 headers, " $4 " in tables/"
	}' "$TMP/errnos.removed" - >>"$TMP/errno.mismatch"
done
if [ "$(wc -l <"$TMP/old.errnos")" -lt 130 ]; then
	fail old-errnos "only $(wc -l <"$TMP/old.errnos") errnos in the" \
		"6.1 headers: $(cat "$TMP/errnos.err")"
elif [ -s "$TMP/errno.mismatch" ]; then
	fail old-errnos "$(tr '\n' ';' <"$TMP/errno.mismatch")"
else
	pass old-errnos
fi

# ---- (g) --debug-errnos lists every errno name the parser accepts ----

# Besides the kernel's names, the parser accepts the aliases in
# src/errnos.c ('{ "ENOTSUP", "EOPNOTSUPP" },' lines), which the kernel
# headers lack.
ARCHES="x86_64 i386 aarch64 arm riscv64 ppc64 ppc64le ppc s390x s390 mips \
mipsel mips64 mips64el parisc parisc64 m68k sh sheb"
sed -n 's/^[[:space:]]*{ "\(E[A-Z0-9]*\)", "E[A-Z0-9]*" },$/\1/p' \
	"$ROOT/src/errnos.c" >"$TMP/aliases"
if [ "$(wc -l <"$TMP/aliases")" -lt 2 ]; then
	fail errno-aliases/source "expected ENOTSUP and ENOATTR in" \
		"src/errnos.c, found: $(tr '\n' ' ' <"$TMP/aliases")"
fi
for arch in $ARCHES; do
	"$SECCWRAP" --arch="$arch" --debug-errnos >"$TMP/listed.$arch"
done
# Every name listed on some arch, and every alias, is a candidate.
cat "$TMP"/listed.* | awk '{ print $3 }' | cat - "$TMP/aliases" |
	sort -u >"$TMP/candidates"
: >"$TMP/errno.unlisted"
for arch in $ARCHES; do
	# shellcheck disable=SC2046
	"$UNIT" -a "$arch" errno $(cat "$TMP/candidates") |
	awk -v arch="$arch" '
	FILENAME == ARGV[1] {
		if (++count[$3] == 2)
			print arch ": " $3 " listed twice"
		listed[$3] = $1
		next
	}
	$2 != -1 && !($1 in listed) {
		print arch ": " $1 " (" $2 ") accepted but not listed"
	}
	$2 != -1 && ($1 in listed) && listed[$1] != $2 {
		print arch ": " $1 " listed as " listed[$1] ", accepted as " $2
	}
	$2 == -1 && ($1 in listed) {
		print arch ": " $1 " listed but not accepted"
	}' "$TMP/listed.$arch" - >>"$TMP/errno.unlisted"
	# The same through the profile parser, for the aliases.
	for alias in $(cat "$TMP/aliases"); do
		"$SECCWRAP" -q --arch="$arch" --seccomp-error-action="$alias" \
			--seccomp --check 2>/dev/null || continue
		grep -q "	- $alias\$" "$TMP/listed.$arch" ||
			echo "$arch: $alias accepted but not listed" \
				>>"$TMP/errno.unlisted"
	done
done
if [ -s "$TMP/errno.unlisted" ]; then
	fail errno-listing "$(sort -u "$TMP/errno.unlisted" | head -20 |
		tr '\n' ';')"
else
	pass errno-listing
fi
# firejail 0.9.72's --debug-errnos lists ENOTSUP (95) too, so a script
# written for it finds the name here.
check errno-listing/enotsup "95	- ENOTSUP" \
	"$(grep -x '95	- ENOTSUP' "$TMP/listed.x86_64")"
check errno-listing/enoattr "61	- ENOATTR" \
	"$(grep -x '61	- ENOATTR' "$TMP/listed.x86_64")"
