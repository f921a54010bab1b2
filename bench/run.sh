#!/bin/sh
# bench/run.sh: seccwrap's benchmarks, side by side with the launchers it
# replaces, in one run; writes bench/RESULTS.md.  These are measurements,
# not tests: tests/run.sh never runs them, and nothing here fails on a
# missed target.
#
#   sudo sh bench/run.sh        (about 2 minutes on a 2-CPU VM)
#
# What it measures, each as a median:
#   1. Start-up: hyperfine times `seccwrap -p P -- T` (P a profile with
#      `seccomp`, T bench/exit0.c, a static program that only exits)
#      against T alone, a libseccomp launcher with the same deny list
#      (bench/seccomp-launcher.c), `bwrap --seccomp FD` with seccwrap's
#      --dump output and `firejail --noprofile --seccomp`.  Where the time
#      goes: an exec-only launcher (bench/execwith.c), strace -T and
#      callgrind instruction counts.
#   2. Filter cost: BPF instructions executed per syscall, per ABI, in
#      seccwrap's BPF interpreter (bench/filtercost.c), for firejail's
#      default profile, a 300-name keep list and the default profile with
#      memory-deny-write-execute and protocol, against firejail's own
#      filter stacks and libseccomp (default layout and binary tree), and
#      how many allowed calls the kernel's action cache (Linux >= 5.11)
#      can serve without running BPF.
#   3. Syscall overhead: ns per iteration of loops of getppid,
#      mmap+munmap and socket+close (bench/sysloop.c) with no filter,
#      under seccwrap, under firejail's filter stack and under libseccomp.
#   4. Size of the stripped static seccwrap and peak memory (max RSS and
#      page faults, bench/maxrss.c).
#
# Packages: it installs with apt-get whatever is missing of
# libseccomp-dev, firejail, bubblewrap, hyperfine and valgrind, and of
# gcc, musl-tools and strace.  Run it as
# root: apt-get needs it, and so do bwrap and firejail without user
# namespaces.  It builds ./seccwrap with ./build.sh and measures a copy of
# it in bench/out/, where all other output goes too.
#
# Every timed command runs pinned to one CPU (taskset), with the launcher
# and its command on the same CPU.  Unpinned, hyperfine's runs of T alone
# on this 2-CPU VM took either about 0.15 ms or about 4 ms, which made the
# medians jump between runs of this script.
set -eu

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
cd "$ROOT"
OUT=bench/out
FJ=/usr/lib/x86_64-linux-gnu/firejail
RESULTS=bench/RESULTS.md

# Repetitions.  Start-up runs ROUNDS hyperfine rounds of RUNS runs per
# command (FJ_RUNS for firejail, which takes tens of ms) and reports the
# median of the rounds' medians.  The loops run LOOP_ROUNDS rounds over
# every configuration in turn.  Each run takes the median of LOOP_BATCHES
# batches, and the result is the median over the rounds.  The environment
# can override each, e.g. ROUNDS=1 LOOP_ROUNDS=1 for a quick trial.
ROUNDS=${ROUNDS:-5}
RUNS=${RUNS:-300}
FJ_RUNS=${FJ_RUNS:-40}
LOOP_ROUNDS=${LOOP_ROUNDS:-21}
LOOP_BATCHES=${LOOP_BATCHES:-101}

# The CPU that every timed command runs on: the last one.
CPU=$(($(nproc) - 1))

log() {
	echo "bench: $*" >&2
}

# ---- packages and builds ----

install_missing() {
	missing=""
	for package in libseccomp-dev firejail bubblewrap hyperfine valgrind \
	    gcc musl-tools strace zopfli; do
		if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
		    grep -q 'install ok installed'; then
			missing="$missing $package"
		fi
	done
	[ -n "$missing" ] || return 0
	log "installing$missing"
	apt-get update
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
}

build() {
	mkdir -p "$OUT"
	./build.sh >"$OUT/build.log" 2>&1 ||
		{ cat "$OUT/build.log" >&2; exit 1; }
	cp seccwrap "$OUT/seccwrap"
	# The nolibc build, and the packed build made from it.
	./build.sh packed >"$OUT/build-packed.log" 2>&1 ||
		{ cat "$OUT/build-packed.log" >&2; exit 1; }
	cp out/x86_64-nolibc/seccwrap "$OUT/seccwrap-nolibc"
	cp out/x86_64-packed/seccwrap "$OUT/seccwrap-packed"
	gcc -O2 -static -nostdlib -fno-pie -no-pie -Wall -Wextra \
	    -o "$OUT/exit0" bench/exit0.c
	musl-gcc -std=gnu99 -O2 -static -Wall -Wextra \
	    -o "$OUT/execwith" bench/execwith.c
	musl-gcc -std=gnu99 -O2 -static -Wall -Wextra \
	    -o "$OUT/maxrss" bench/maxrss.c
	musl-gcc -std=gnu99 -O2 -static -Wall -Wextra \
	    -o "$OUT/touch" bench/touch.c
	gcc -std=gnu99 -O2 -Wall -Wextra -o "$OUT/seccomp-launcher" \
	    bench/seccomp-launcher.c -lseccomp
	# The same launcher linked statically with Debian's libseccomp.a,
	# to separate dynamic loading from libseccomp's own work.
	gcc -std=gnu99 -O2 -static -Wall -Wextra \
	    -o "$OUT/seccomp-launcher-static" bench/seccomp-launcher.c \
	    -lseccomp 2>"$OUT/static-link.log"
	gcc -std=gnu99 -O2 -static -Wall -Wextra -o "$OUT/sysloop" \
	    bench/sysloop.c
	gcc -std=c99 -D_GNU_SOURCE -O2 -Wall -Wextra -Isrc -Itables \
	    -o "$OUT/filtercost" bench/filtercost.c src/emulate.c \
	    src/syscalls.c
	build_size_map
}

# Link seccwrap once more, with build.sh's compiler and flags (taken
# from the command it echoes) but one object per source file, without -s
# and with a linker map, to see which object files its bytes come from.
build_size_map() {
	mkdir -p "$OUT/size"
	line=$(grep -m 1 -e ' -o seccwrap ' "$OUT/build.log")
	cc=${line%% *}
	flags=$(echo "$line" | sed -e 's/^[^ ]* //' -e 's/ -o seccwrap .*//' \
	    -e 's/ -s / /')
	set --
	# The sources in build.sh's link order, which decides the layout.
	for source in $(echo "$line" | tr ' ' '\n' | grep '^src/.*\.c$'); do
		object=$OUT/size/$(basename "$source" .c).o
		# shellcheck disable=SC2086
		$cc $flags -c -o "$object" "$source"
		set -- "$@" "$object"
	done
	# The objects build.sh links in place of musl's parts (nolibc's
	# malloc and stat).
	for object in $(echo "$line" | tr ' ' '\n' | grep '\.o$'); do
		set -- "$@" "$object"
	done
	# shellcheck disable=SC2086
	$cc $flags -Wl,-Map="$OUT/size/seccwrap.map" \
	    -o "$OUT/size/seccwrap.unstripped" "$@"
}

# ---- inputs ----

make_inputs() {
	printf 'seccomp\n' >"$OUT/default.profile"
	DENY=$("$OUT/seccwrap" --debug-syscall-groups=@default-nodebuggers |
	    sed 's/^[^=]*=//')
	# Only the libseccomp launcher reads $DENY.  Names that its
	# libseccomp does not know (open_tree_attr in 2.5.4) are left out:
	# a number in their place fails on the context's i386 and x32.
	deny_names=$DENY
	DENY=
	DENY_UNKNOWN=
	for name in $(echo "$deny_names" | tr , ' '); do
		if [ "$(scmp_sys_resolver "$name")" = -1 ]; then
			DENY_UNKNOWN="$DENY_UNKNOWN $name"
		else
			DENY=${DENY:+$DENY,}$name
		fi
	done
	# The keep list: 300 x86_64 names known to both seccwrap's and
	# firejail's tables, picked by a fixed string hash so that they
	# scatter over the number space as a real program's calls do.
	"$OUT/seccwrap" --debug-syscalls | awk '{ print $3 }' | sort \
	    >"$OUT/names.seccwrap"
	"$FJ/fseccomp" debug-syscalls | awk '{ print $3 }' | sort \
	    >"$OUT/names.firejail"
	comm -12 "$OUT/names.seccwrap" "$OUT/names.firejail" | awk '
	    BEGIN { chars = "abcdefghijklmnopqrstuvwxyz0123456789_" }
	    {
		h = 0
		for (i = 1; i <= length($0); i++)
			h = (h * 131 + index(chars, substr($0, i, 1))) % 1000003
		print h, $0
	    }' | sort -n | head -n 300 | cut -d' ' -f2 | sort | paste -sd, - \
	    >"$OUT/keep300.txt"
	KEEP=$(cat "$OUT/keep300.txt")
	# libseccomp gets what seccwrap and firejail add to every keep list.
	KEEP_LIBSECCOMP=$KEEP,execve,execveat,prctl
}

# Write every filter that parts 2 and 3 evaluate or install.
make_filters() {
	f=$OUT/filters
	mkdir -p "$f"
	S=$OUT/seccwrap
	L=$OUT/seccomp-launcher
	ARGCHK="--memory-deny-write-execute --protocol=unix,inet"
	# One instruction, ret ALLOW: the smallest filter there is.
	printf '\006\000\000\000\000\000\377\177' >"$f/allow"
	"$S" -p "$OUT/default.profile" --dump="$f/seccwrap.default"
	# shellcheck disable=SC2086
	"$S" -p "$OUT/default.profile" $ARGCHK --dump="$f/seccwrap.argchk"
	"$S" --seccomp.keep="$KEEP" --dump="$f/seccwrap.keep"
	"$L" -e "$f/libseccomp.default" "$DENY"
	"$L" -o 2 -e "$f/libseccomp-tree.default" "$DENY"
	"$L" -m -p unix,inet -e "$f/libseccomp.argchk" "$DENY"
	"$L" -o 2 -m -p unix,inet -e "$f/libseccomp-tree.argchk" "$DENY"
	"$L" -k -e "$f/libseccomp.keep" "$KEEP_LIBSECCOMP"
	"$L" -k -o 2 -e "$f/libseccomp-tree.keep" "$KEEP_LIBSECCOMP"
	# firejail builds these two at run time with its helper fseccomp.
	"$FJ/fseccomp" protocol build unix,inet "$f/firejail.protocol"
	"$FJ/fseccomp" keep "$f/firejail.keep" "$f/firejail.keep.postexec" \
	    "$KEEP" 2>"$OUT/fseccomp-keep.log"
}

# ---- helpers ----

median() {
	sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# ratio A B: A / B with two decimals.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# verdict OK: "met" or "**missed**".
verdict() {
	if [ "$1" = 1 ]; then echo "met"; else echo "**missed**"; fi
}

at_most() {
	awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? 1 : 0 }'
}

# ---- part 1: start-up ----

# Each entry: NAME<tab>COMMAND as shown in RESULTS.md, with $DENY and
# $T standing for the deny list and bench/out/exit0.
startup_commands() {
	T=$OUT/exit0
	cat <<EOF
T alone	$T
touch 0	$OUT/touch 0
touch 100	$OUT/touch 100
execwith T	$OUT/execwith $T
execwith -s ALLOW T	$OUT/execwith -s $OUT/filters/allow $T
execwith -s FILTER T	$OUT/execwith -s $OUT/filters/seccwrap.default $T
seccwrap --dump	$OUT/seccwrap -p $OUT/default.profile --dump=/dev/null
seccwrap	$OUT/seccwrap -p $OUT/default.profile -- $T
seccwrap (nolibc)	$OUT/seccwrap-nolibc -p $OUT/default.profile -- $T
seccwrap (packed)	$OUT/seccwrap-packed -p $OUT/default.profile -- $T
libseccomp launcher	$OUT/seccomp-launcher \$DENY $T
libseccomp launcher (static)	$OUT/seccomp-launcher-static \$DENY $T
bwrap --seccomp	$OUT/execwith -d 3:$OUT/filters/seccwrap.default bwrap --ro-bind / / --seccomp 3 $T
EOF
}

# hyperfine_round FILE RUNS NAME<tab>COMMAND lines on stdin: append
# "NAME<tab>MEDIAN<tab>MIN" per command to FILE, in seconds.
hyperfine_round() {
	file=$1
	runs=$2
	set --
	while IFS='	' read -r name command; do
		set -- "$@" -n "$name" "$(eval "echo \"$command\"")"
	done
	taskset -c "$CPU" hyperfine -N --style none --warmup 10 --runs "$runs" \
	    --export-csv "$OUT/hyperfine.csv" "$@" >/dev/null \
	    2>>"$OUT/hyperfine.log"
	# The CSV's columns: name (-n), mean, stddev, median, user, system,
	# min, max.
	awk -F, 'NR > 1 { printf "%s\t%s\t%s\n", $1, $4, $7 }' \
	    "$OUT/hyperfine.csv" >>"$file"
}

bench_startup() {
	log "part 1: start-up, $ROUNDS rounds"
	: >"$OUT/startup.tsv"
	: >"$OUT/hyperfine.log"
	firejail_command="firejail --quiet --noprofile --seccomp -- $OUT/exit0"
	round=1
	while [ "$round" -le "$ROUNDS" ]; do
		startup_commands | hyperfine_round "$OUT/startup.tsv" "$RUNS"
		printf 'firejail --seccomp\t%s\n' "$firejail_command" |
		    hyperfine_round "$OUT/startup.tsv" "$FJ_RUNS"
		round=$((round + 1))
	done
}

# startup_median NAME: the median over rounds of the medians, in ms.
startup_median() {
	awk -F'\t' -v n="$1" '$1 == n { print $2 * 1000 }' \
	    "$OUT/startup.tsv" | median
}

# startup_min NAME: the fastest run of all rounds, in ms.
startup_min() {
	awk -F'\t' -v n="$1" '$1 == n { print $3 * 1000 }' \
	    "$OUT/startup.tsv" | sort -g | head -n 1
}

report_startup() {
	t=$(startup_median "T alone")
	sw=$(startup_median "seccwrap")
	ls=$(startup_median "libseccomp launcher")
	fj=$(startup_median "firejail --seccomp")
	START_T_RATIO=$(ratio "$sw" "$t")
	START_LS_RATIO=$(ratio "$ls" "$sw")
	START_FJ_RATIO=$(ratio "$fj" "$sw")
	{
		echo "| command | median (ms) | / T alone | / seccwrap | min (ms) |"
		echo "|---|---|---|---|---|"
		{
			startup_commands
			printf 'firejail --seccomp\t%s\n' \
			    "firejail --quiet --noprofile --seccomp -- \$T"
		} | while IFS='	' read -r name command; do
			m=$(startup_median "$name")
			printf '| %s | %.3f | %s | %s | %.3f |\n' "$name" "$m" \
			    "$(ratio "$m" "$t")" "$(ratio "$m" "$sw")" \
			    "$(startup_min "$name")"
		done
		echo
		echo "The exact commands (\$T is $OUT/exit0):"
		echo
		echo '```'
		startup_commands | cut -f2 | sed "s|$OUT/exit0|\$T|g"
		echo "firejail --quiet --noprofile --seccomp -- \$T"
		echo '```'
	} >"$OUT/startup.md"
}

# Record where seccwrap's start-up time goes: its system calls with their
# times, and the user-space instructions of the parse and compile stage.
profile_startup() {
	log "part 1: strace and callgrind"
	strace -T -o "$OUT/strace.seccwrap" "$OUT/seccwrap" \
	    -p "$OUT/default.profile" -- "$OUT/exit0"
	strace -f -c -o "$OUT/strace-c.launcher" "$OUT/seccomp-launcher" \
	    "$DENY" "$OUT/exit0"
	valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.seccwrap" \
	    "$OUT/size/seccwrap.unstripped" -p "$OUT/default.profile" \
	    --dump=/dev/null 2>"$OUT/callgrind.seccwrap.log"
	valgrind --tool=callgrind \
	    --callgrind-out-file="$OUT/callgrind.launcher" \
	    "$OUT/seccomp-launcher" -e /dev/null "$DENY" \
	    2>"$OUT/callgrind.launcher.log"
	valgrind --tool=callgrind \
	    --callgrind-out-file="$OUT/callgrind.launcher-static" \
	    "$OUT/seccomp-launcher-static" -e /dev/null "$DENY" \
	    2>"$OUT/callgrind.launcher-static.log"
	CG_SECCWRAP=$(callgrind_total "$OUT/callgrind.seccwrap")
	CG_LAUNCHER=$(callgrind_total "$OUT/callgrind.launcher")
	CG_LAUNCHER_STATIC=$(callgrind_total "$OUT/callgrind.launcher-static")
	callgrind_annotate "$OUT/callgrind.seccwrap" 2>/dev/null |
	    awk '/file:function/ { on = 1; getline; next }
		on && NF && n < 12 { print; n++ }' >"$OUT/callgrind.seccwrap.top"
	LAUNCHER_SYSCALLS=$(awk '/^100.00/ { print $4 }' \
	    "$OUT/strace-c.launcher")
}

callgrind_total() {
	awk '/^summary:/ { print $2 }' "$1"
}

# ---- part 2: filter cost ----

bench_filtercost() {
	log "part 2: filter cost"
	fc=$OUT/filtercost
	f=$OUT/filters
	{
		echo "| filter | ABI | insns | max | mean | mean allowed | allowed | cached |"
		echo "|---|---|---|---|---|---|---|---|"
		"$fc" abis "seccwrap" "$f/seccwrap.default"
		"$fc" abis "firejail stack" "$FJ/seccomp" "$FJ/seccomp.32"
		"$fc" abis "libseccomp" "$f/libseccomp.default"
		"$fc" abis "libseccomp tree" "$f/libseccomp-tree.default"
	} >"$OUT/cost.default.md"
	{
		echo "| filter | ABI | insns | max | mean | mean allowed | allowed | cached |"
		echo "|---|---|---|---|---|---|---|---|"
		"$fc" abis "seccwrap" "$f/seccwrap.keep"
		"$fc" abis "firejail" "$f/firejail.keep"
		"$fc" abis "libseccomp" "$f/libseccomp.keep"
		"$fc" abis "libseccomp tree" "$f/libseccomp-tree.keep"
	} >"$OUT/cost.keep.md"
	{
		echo "| filter | ABI | insns | max | mean | mean allowed | allowed | cached |"
		echo "|---|---|---|---|---|---|---|---|"
		"$fc" abis "seccwrap" "$f/seccwrap.argchk"
		"$fc" abis "firejail stack" $FJ_ARGCHK_STACK
		"$fc" abis "libseccomp" "$f/libseccomp.argchk"
		"$fc" abis "libseccomp tree" "$f/libseccomp-tree.argchk"
	} >"$OUT/cost.argchk.md"
	{
		echo "| filter | getppid | mmap RW | munmap | socket(AF_UNIX) | close |"
		echo "|---|---|---|---|---|---|"
		"$fc" calls "seccwrap, default" "$f/seccwrap.default"
		"$fc" calls "seccwrap, argchk" "$f/seccwrap.argchk"
		"$fc" calls "firejail stack, default" "$FJ/seccomp" "$FJ/seccomp.32"
		"$fc" calls "firejail stack, argchk" $FJ_ARGCHK_STACK
		"$fc" calls "libseccomp, default" "$f/libseccomp.default"
		"$fc" calls "libseccomp, argchk" "$f/libseccomp.argchk"
		"$fc" calls "libseccomp tree, argchk" "$f/libseccomp-tree.argchk"
	} >"$OUT/cost.calls.md"
	# The max over seccwrap's rows (all three ABIs).
	COST_DEFAULT_MAX=$(awk -F' *[|] *' '$2 == "seccwrap" \
	    { if ($5 + 0 > m) m = $5 + 0 } END { print m }' \
	    "$OUT/cost.default.md")
	COST_KEEP_MAX=$(awk -F' *[|] *' '$2 == "seccwrap" \
	    { if ($5 + 0 > m) m = $5 + 0 } END { print m }' "$OUT/cost.keep.md")
}

# ---- part 3: syscall loops ----

# Each entry: NAME<tab>PREFIX, the command that runs sysloop under the
# configuration; "argchk" adds memory-deny-write-execute and
# protocol=unix,inet to the default profile.  firejail's stack is
# installed in firejail's order: it loads protocol, seccomp.32, seccomp,
# seccomp.mdwx, seccomp.mdwx.32 and installs them last loaded first.
loop_configs() {
	cat <<EOF
no filter	
seccwrap, default	$OUT/seccwrap -p $OUT/default.profile --
seccwrap, argchk	$OUT/seccwrap -p $OUT/default.profile --memory-deny-write-execute --protocol=unix,inet --
firejail stack, default	-f $FJ/seccomp -f $FJ/seccomp.32
firejail stack, argchk	-f $FJ/seccomp.mdwx.32 -f $FJ/seccomp.mdwx -f $FJ/seccomp -f $FJ/seccomp.32 -f $OUT/filters/firejail.protocol
libseccomp, default	$OUT/seccomp-launcher \$DENY
libseccomp, argchk	$OUT/seccomp-launcher -m -p unix,inet \$DENY
EOF
}

FJ_ARGCHK_STACK="$FJ/seccomp.mdwx.32 $FJ/seccomp.mdwx $FJ/seccomp $FJ/seccomp.32 $OUT/filters/firejail.protocol"

LOOP_TESTS="getppid mmap socket mmap-einval socket-einval"

# loop_iterations TEST: iterations per batch, well under a millisecond,
# so that most batches run without being preempted when other work
# shares the CPU, and the median batch is an undisturbed one.
loop_iterations() {
	case $1 in
	getppid | *-einval) echo 1000 ;;
	*) echo 100 ;;
	esac
}

# loop_command PREFIX TEST: the full command line of one run.
loop_command() {
	n=$(loop_iterations "$2")
	case $1 in
	"") echo "$OUT/sysloop $2 $n $LOOP_BATCHES" ;;
	-f*) echo "$OUT/sysloop $1 $2 $n $LOOP_BATCHES" ;;
	*) echo "$1 $OUT/sysloop $2 $n $LOOP_BATCHES" ;;
	esac
}

bench_loops() {
	log "part 3: syscall loops, $LOOP_ROUNDS rounds"
	: >"$OUT/loops.tsv"
	round=1
	while [ "$round" -le "$LOOP_ROUNDS" ]; do
		loop_configs | while IFS='	' read -r name prefix; do
			for test in $LOOP_TESTS; do
				command=$(loop_command "$prefix" "$test")
				# $DENY is expanded here; the word splitting of the
				# command is intended.
				value=$(eval "taskset -c $CPU $command")
				printf '%s\t%s\t%s\t%s\n' "$name" "$test" \
				    "$value" "$round" >>"$OUT/loops.tsv"
			done
		done
		round=$((round + 1))
	done
}

loop_median() {
	awk -F'\t' -v n="$1" -v t="$2" '$1 == n && $2 == t { print $3 }' \
	    "$OUT/loops.tsv" | median
}

report_loops() {
	{
		printf '| configuration |'
		for test in $LOOP_TESTS; do printf ' %s |' "$test"; done
		echo
		printf '|---|'
		for test in $LOOP_TESTS; do printf -- '---|'; done
		echo
		loop_configs | while IFS='	' read -r name prefix; do
			printf '| %s |' "$name"
			for test in $LOOP_TESTS; do
				m=$(loop_median "$name" "$test")
				base=$(loop_median "no filter" "$test")
				if [ "$name" = "no filter" ]; then
					printf ' %.0f |' "$m"
				else
					printf ' %.0f (+%.0f) |' "$m" \
					    "$(awk -v a="$m" -v b="$base" \
					    'BEGIN { print a - b }')"
				fi
			done
			echo
		done
		echo
		echo "The exact commands, for TEST in $LOOP_TESTS (N is"
		echo "1000 for getppid and the -einval tests, 100 for the others):"
		echo
		echo '```'
		loop_configs | while IFS='	' read -r name prefix; do
			echo "taskset -c $CPU $(loop_command "$prefix" TEST)" |
			    sed "s/ 1000* $LOOP_BATCHES$/ N $LOOP_BATCHES/"
		done
		echo '```'
	} >"$OUT/loops.md"
	# The reference rows: the whole overhead over no filter on the
	# arg-checked paths, with the entry cost that any filter adds.  The
	# target rows (below): the time spent running the filter alone.
	LOOP_TARGET_ROWS=""
	LOOP_REFERENCE_ROWS=""
	for test in mmap socket mmap-einval socket-einval; do
		base=$(loop_median "no filter" "$test")
		sw=$(loop_median "seccwrap, argchk" "$test")
		fj=$(loop_median "firejail stack, argchk" "$test")
		LOOP_REFERENCE_ROWS="$LOOP_REFERENCE_ROWS$(reference_row \
		    "$test" \
		    "$(minus "$fj" "$base")" "$(minus "$sw" "$base")" \
		    "$(loop_noise "no filter" "$test")")
"
	done
	# Each filter time is the median over the rounds of the difference
	# argchk - default within a round, so that drift between rounds (other
	# work on the host) cancels out.
	for test in mmap-einval socket-einval; do
		LOOP_TARGET_ROWS="$LOOP_TARGET_ROWS$(target_row \
		    "arg-checked call ($test), filter time, firejail / seccwrap >= 3" \
		    "$(paired "firejail stack" "$test" | median)" \
		    "$(paired seccwrap "$test" | median)" \
		    "$(paired seccwrap "$test" | median_noise)")
"
	done
}

# paired STACK TEST: per round, the time of STACK's argchk configuration
# minus that of its default configuration in ns per iteration.
paired() {
	awk -F'\t' -v a="$1, argchk" -v b="$1, default" -v t="$2" '
	$2 == t && $1 == a { x[$4] = $3 }
	$2 == t && $1 == b { y[$4] = $3 }
	END { for (r in x) if (r in y) print x[r] - y[r] }' "$OUT/loops.tsv"
}

# median_noise: twice the standard error of the median of the values on
# stdin, from their interquartile range as in loop_noise.
median_noise() {
	sort -g | awk '{ v[NR] = $1 }
	    END {
		iqr = v[int(3 * NR / 4) + 1] - v[int(NR / 4) + 1]
		print 2 * 1.2533 * iqr / 1.349 / sqrt(NR)
	    }'
}

# loop_noise NAME TEST: twice the standard error of a difference of two
# medians over the rounds, estimated from the interquartile range of the
# rounds' values (normal errors: sigma = IQR / 1.349, standard error of a
# median = 1.2533 sigma / sqrt(rounds)).
loop_noise() {
	awk -F'\t' -v n="$1" -v t="$2" '$1 == n && $2 == t { print $3 }' \
	    "$OUT/loops.tsv" | sort -g | awk '{ v[NR] = $1 }
	    END {
		iqr = v[int(3 * NR / 4) + 1] - v[int(NR / 4) + 1]
		print 2 * sqrt(2) * 1.2533 * iqr / 1.349 / sqrt(NR)
	    }'
}

# target_row LABEL FIREJAIL SECCWRAP NOISE: a row of the targets table for
# the ratio FIREJAIL / SECCWRAP of two overheads in ns.  A seccwrap
# overhead below NOISE (from loop_noise) is not resolved.
target_row() {
	awk -v label="$1" -v df="$2" -v ds="$3" -v noise="$4" 'BEGIN {
		printf "| %s | %.0f ns / %.0f ns", label, df, ds
		if (ds <= noise) {
			printf " | not resolved: the seccwrap overhead is below twice"
			printf " its standard error, %.0f ns |", noise
		} else {
			met = (df / ds >= 3) ? "met" : "**missed**"
			printf " = %.2f | %s |", df / ds, met
		}
	}'
}

# reference_row TEST FIREJAIL SECCWRAP NOISE: a row of the whole-overhead
# table, in the units and with the noise rule of target_row.
reference_row() {
	awk -v label="$1" -v df="$2" -v ds="$3" -v noise="$4" 'BEGIN {
		printf "| %s | %.0f ns | %.0f ns | ", label, df, ds
		if (ds <= noise)
			printf "not resolved (noise %.0f ns) |", noise
		else
			printf "%.2f |", df / ds
	}'
}

# minus A B: A - B.
minus() {
	awk -v a="$1" -v b="$2" 'BEGIN { print a - b }'
}

# ---- part 4: size and memory ----

# memory_row COMMAND...: a table row with the medians over 5 runs of
# bench/maxrss's peak RSS and minor page faults.
memory_row() {
	: >"$OUT/maxrss.out"
	i=0
	while [ "$i" -lt 5 ]; do
		"$OUT/maxrss" "$@" >>"$OUT/maxrss.out" 2>/dev/null
		i=$((i + 1))
	done
	shown=$(echo "$*" | sed -e "s|$KEEP|\$KEEP|" -e "s|$DENY|\$DENY|")
	printf '| `%s` | %s | %s |\n' "$shown" \
	    "$(cut -d' ' -f1 "$OUT/maxrss.out" | median)" \
	    "$(cut -d' ' -f2 "$OUT/maxrss.out" | median)"
}

# Stripped size of the nolibc build per architecture, with the Debian
# cross gcc that ./build.sh nolibc picks for ARCH; a missing compiler
# leaves its row out.
nolibc_sizes() {
	: >"$OUT/arch-sizes.md"
	for arch in x86_64 i386 aarch64 arm riscv64 ppc64le ppc64 ppc s390x \
	    mips64el mipsel mips64 mips; do
		if ! ARCH=$arch CC= ./build.sh nolibc >"$OUT/nolibc-$arch.log" 2>&1
		then
			log "nolibc build for $arch failed: see $OUT/nolibc-$arch.log"
			continue
		fi
		echo "| $arch | nolibc | $(stat -c %s "out/$arch-nolibc/seccwrap") |" \
		    >>"$OUT/arch-sizes.md"
		if [ "$arch" = x86_64 ]; then
			SIZE_NOLIBC=$(stat -c %s "out/$arch-nolibc/seccwrap")
			SIZE_PACKED=$(stat -c %s "$OUT/seccwrap-packed")
			echo "| x86_64 | nolibc, packed | $SIZE_PACKED |" \
			    >>"$OUT/arch-sizes.md"
		fi
	done
}

bench_size() {
	log "part 4: size and memory"
	nolibc_sizes
	SIZE=$(stat -c %s "$OUT/seccwrap")
	strip -o "$OUT/seccwrap.stripped" "$OUT/seccwrap"
	SIZE_STRIPPED=$(stat -c %s "$OUT/seccwrap.stripped")
	SIZE_UNSTRIPPED_BUILD=$(strip -o "$OUT/size/seccwrap.stripped" \
	    "$OUT/size/seccwrap.unstripped" && stat -c %s \
	    "$OUT/size/seccwrap.stripped")
	# Bytes per input object of the sections that the linker kept, from
	# the map: src/ objects by name, every libc.a member as musl libc.
	awk '
	    function hex(s,    i, v) {
		v = 0
		s = tolower(s)
		sub(/^0x/, "", s)
		for (i = 1; i <= length(s); i++)
			v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v
	    }
	    function add(line,    f, n, obj) {
		n = split(line, f, " ")
		if (n < 4 || f[2] !~ /^0x/ || f[3] !~ /^0x/ ||
		    f[1] !~ /^\.(text|rodata|data)/)
			return
		obj = f[4]
		if (obj ~ /libc\.a/)
			obj = "musl libc"
		else
			sub(/.*\//, "", obj)
		bytes[obj] += hex(f[3])
	    }
	    /^Linker script and memory map/ { on = 1; next }
	    !on { next }
	    # A long section name is on a line of its own, and its address and
	    # size follow on the next line.
	    /^ \.[^ ]+$/ { pending = $0; next }
	    {
		if (pending != "") {
			add(pending " " $0)
			pending = ""
		} else {
			add($0)
		}
	    }
	    END { for (o in bytes) printf "%d\t%s\n", bytes[o], o }
	' "$OUT/size/seccwrap.map" | sort -rn >"$OUT/size/by-object.tsv"
	{
		memory_row "$OUT/exit0"
		memory_row "$OUT/execwith" "$OUT/exit0"
		memory_row "$OUT/seccwrap" -p "$OUT/default.profile" -- \
		    "$OUT/exit0"
		memory_row "$OUT/seccwrap" -p "$OUT/default.profile" \
		    --memory-deny-write-execute --protocol=unix,inet -- \
		    "$OUT/exit0"
		memory_row "$OUT/seccwrap" -p "$OUT/default.profile" \
		    --dump=/dev/null
		memory_row "$OUT/seccwrap" --seccomp.keep="$KEEP" \
		    --dump=/dev/null
		memory_row "$OUT/seccomp-launcher" "$DENY" "$OUT/exit0"
		memory_row "$OUT/seccomp-launcher-static" "$DENY" "$OUT/exit0"
		memory_row firejail --quiet --noprofile --seccomp -- \
		    "$OUT/exit0"
	} >"$OUT/memory.md"
}

# ---- RESULTS.md ----

machine() {
	model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
	cpus=$(grep -c '^processor' /proc/cpuinfo)
	mhz=$(awk -F': ' '/^cpu MHz/ { print $2; exit }' /proc/cpuinfo)
	memory=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' \
	    /proc/meminfo)
	echo "- CPU: $model, $cpus logical CPUs, $mhz MHz (/proc/cpuinfo)"
	echo "- Memory: $memory"
	echo "- Kernel: \`$(uname -srvm)\`"
	echo "- Virtualisation (systemd-detect-virt --vm, --container): $(systemd-detect-virt --vm 2>/dev/null || echo none), $(systemd-detect-virt --container 2>/dev/null || echo none)"
	echo "- Speculative store bypass: $(cat /sys/devices/system/cpu/vulnerabilities/spec_store_bypass 2>/dev/null || echo unknown)"
	echo "- OS: Debian $(cat /etc/debian_version)"
	echo "- Packages: firejail $(pkg_version firejail), bubblewrap $(pkg_version bubblewrap), libseccomp $(pkg_version libseccomp-dev), hyperfine $(pkg_version hyperfine), valgrind $(pkg_version valgrind), musl $(pkg_version musl-tools), gcc $(pkg_version gcc)"
	echo "- seccwrap: $("$OUT/seccwrap" --version 2>&1 | head -n 1), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src tables build.sh || echo ' with uncommitted changes in src/, tables/ or build.sh')"
	echo "- Run: $STARTED to $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
	echo "- Load average (1, 5, 15 min) at the start: $LOAD_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg).  Other work on the machine slows the timed parts unevenly; the min column of part 1 suffers least."
}

pkg_version() {
	dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"
}

write_results() {
	t_ok=$(at_most "$START_T_RATIO" 2.2)
	ls_ok=$(awk -v r="$START_LS_RATIO" 'BEGIN { print (r >= 4) ? 1 : 0 }')
	fj_ok=$(awk -v r="$START_FJ_RATIO" 'BEGIN { print (r >= 40) ? 1 : 0 }')
	size_ok=$(at_most "$SIZE_STRIPPED" 65536)
	# The target holds when either x86_64 nolibc build meets it; the
	# row names both sizes.
	nolibc_ok=0
	if [ -n "${SIZE_NOLIBC:-}" ]; then
		nolibc_ok=$(at_most "$SIZE_NOLIBC" 40960)
		if [ "$nolibc_ok" = 0 ]; then
			nolibc_ok=$(at_most "$SIZE_PACKED" 40960)
		fi
	fi
	{
		cat <<EOF
# seccwrap benchmarks

Written by \`sh bench/run.sh\`, which describes each measurement at its
top; rerun it to refresh this page.  Every number below is a median.
Commands are given from the top of the repository, with \`\$DENY\` the deny
list of firejail's default profile and \`\$KEEP\` the 300-name keep list:

    DENY=\$(bench/out/seccwrap --debug-syscall-groups=@default-nodebuggers | sed 's/^[^=]*=//')
    KEEP=\$(cat bench/out/keep300.txt)

less the names that the libseccomp launcher's libseccomp does not know,
and so cannot filter:${DENY_UNKNOWN:- none}.

\`bench/out/default.profile\` is the single line \`seccomp\`.

## Machine

$(machine)

## Targets

| target | measured | result |
|---|---|---|
| start-up: seccwrap at most 2.2x T alone | $START_T_RATIO x | $(verdict "$t_ok") |
| start-up: libseccomp launcher at least 4x seccwrap | $START_LS_RATIO x | $(verdict "$ls_ok") |
| start-up: firejail at least 40x seccwrap | $START_FJ_RATIO x | $(verdict "$fj_ok") |
| filter cost: max insns, default profile, at most 16 | $COST_DEFAULT_MAX (max over the three ABIs) | $(verdict "$(at_most "$COST_DEFAULT_MAX" 16)") |
| filter cost: max insns, 300-name keep list, at most 20 | $COST_KEEP_MAX (max over the three ABIs) | $(verdict "$(at_most "$COST_KEEP_MAX" 20)") |
${LOOP_TARGET_ROWS}| size: stripped static binary at most 64 KiB | $SIZE_STRIPPED bytes | $(verdict "$size_ok") |
| size: nolibc build on x86_64 at most 40 KiB | ${SIZE_NOLIBC:-no build} bytes, packed ${SIZE_PACKED:-no build} bytes | $(verdict "$nolibc_ok") |

The filter-time targets compare what running each filter stack costs
an arg-checked call: per round, the time of a loop under its argchk
configuration minus the time under its default configuration, where the
action cache allows the same call without running any filter; the
median over the rounds.  The -einval loops take the filter paths of the
mmap and socket loops but make the kernel fail the call at once, so the
filter's share of their time is larger and the comparison less noisy.

What is left out is the entry cost of a seccomp filter: every call of a
filtered process pays it, cached or not, and it is the same for every
stack (the getppid column of part 3, about the same for all three).  A
layout cannot change it, so it is not part of the targets.  For
reference, the whole overhead over no filter, entry cost included:

| loop | firejail stack, argchk | seccwrap, argchk | firejail / seccwrap |
|---|---|---|---|
$(printf '%s' "$LOOP_REFERENCE_ROWS")

A row reads "not resolved" where seccwrap's overhead is below twice its
standard error, estimated from an interquartile range over the
$LOOP_ROUNDS rounds: of the paired differences for a target row, of the
baseline row's values for a reference row (see median_noise and
loop_noise in bench/run.sh).

## 1. Start-up

hyperfine $(pkg_version hyperfine), \`taskset -c $CPU hyperfine -N --warmup 10
--runs $RUNS\` ($FJ_RUNS runs for firejail), $ROUNDS rounds; each number is the
median over the rounds of hyperfine's median, and min the fastest run of
all rounds.  T is \`bench/out/exit0\`
(bench/exit0.c), which only calls exit_group.  The rows between T and
seccwrap take seccwrap's start-up apart.  "touch 100" costs 100 minor
page faults more than "touch 0" (bench/touch.c), to set against the
page-fault counts in part 4.  "execwith T" costs one more
static exec (bench/execwith.c); "execwith -s ALLOW T" adds no_new_privs
and seccomp(2) with a one-instruction filter, "execwith -s FILTER T" with
seccwrap's precompiled default filter; "seccwrap --dump" parses the
profile and compiles the filter but installs and runs nothing.
"seccwrap (nolibc)" is the build with no C library
(out/x86_64-nolibc/seccwrap), and "seccwrap (packed)" the same build
compressed by \`./build.sh packed\`, which decodes itself at each start.  bwrap
gets seccwrap's --dump output through execwith, which opens it as fd 3.

$(cat "$OUT/startup.md")

Where seccwrap's time goes:

- User-space instructions (callgrind, \`valgrind --tool=callgrind\`) to
  parse the profile and compile the filter (\`seccwrap -p
  bench/out/default.profile --dump=/dev/null\`, unstripped build of the
  same sources): $CG_SECCWRAP.  The libseccomp launcher needs
  $CG_LAUNCHER to build and export the same filter (\`seccomp-launcher -e
  /dev/null "\$DENY"\`), of which the static build needs
  $CG_LAUNCHER_STATIC, so the rest is the dynamic loader.  Top functions
  of seccwrap:

\`\`\`
$(cat "$OUT/callgrind.seccwrap.top")
\`\`\`

- Pages touched: part 4 counts the minor page faults of each run
  (seccwrap's rows against "execwith T").
- System calls of one run, with the time spent in each (\`strace -T
  bench/out/seccwrap -p bench/out/default.profile -- bench/out/exit0\`;
  strace slows each call, so only the proportions count).  The libseccomp
  launcher makes $LAUNCHER_SYSCALLS system calls for the same job
  (\`strace -f -c\`).

\`\`\`
$(cat "$OUT/strace.seccwrap")
\`\`\`

## 2. Filter cost

BPF instructions executed per system call, from seccwrap's BPF
interpreter (\`bench/out/filtercost abis LABEL FILE...\`, bench/filtercost.c),
over every number that the ABI's table in tables/syscalls.h names, with
all arguments 0.  A stack's cost is the sum over its filters, because the
kernel runs every installed filter.  insns is each program's length;
"mean allowed" is over the allowed calls; cached counts the allowed calls
whose bit survives in the kernel's action cache (Linux >= 5.11, every
filter of the stack constant-allow for the call), which then run no BPF at
all.  The kernel keeps no cache for x32, and firejail's stack leaves i386
unfiltered under a keep list (only the native filter is built), so its
i386 calls cost the 3 header instructions that pass them.

Filters: seccwrap's from \`bench/out/seccwrap ... --dump=FILE\`; firejail's
shipped \`$FJ/seccomp\` and \`seccomp.32\` (and \`seccomp.mdwx\`,
\`seccomp.mdwx.32\`), its protocol and keep filters from its helper
(\`$FJ/fseccomp protocol build unix,inet FILE\`,
\`$FJ/fseccomp keep FILE POSTEXEC "\$KEEP"\`); libseccomp's from
\`bench/out/seccomp-launcher [-o 2] -e FILE ...\`, its default layout and,
with -o 2, SCMP_FLTATR_CTL_OPTIMIZE=2 (binary tree).

### firejail's default profile (\`seccomp\`)

\`bench/out/seccwrap -p bench/out/default.profile --dump=FILE\`,
\`seccomp-launcher [-o 2] -e FILE "\$DENY"\`.

$(cat "$OUT/cost.default.md")

### 300-name keep list

\`bench/out/seccwrap --seccomp.keep="\$KEEP" --dump=FILE\`,
\`seccomp-launcher -k [-o 2] -e FILE "\$KEEP,execve,execveat,prctl"\`.
The list is 300 x86_64 names known to both seccwrap and firejail 0.9.72,
chosen by a fixed string hash (see make_inputs in bench/run.sh).  Joined
without the line breaks, these lines are \`\$KEEP\`:

\`\`\`
$(tr ',' '\n' <"$OUT/keep300.txt" | awk '
    { joined = (line == "") ? $0 : line "," $0 }
    length(joined) > 71 { print line ","; joined = $0 }
    { line = joined }
    END { print line }')
\`\`\`

$(cat "$OUT/cost.keep.md")

### Default profile with memory-deny-write-execute and protocol unix,inet

\`bench/out/seccwrap -p bench/out/default.profile
--memory-deny-write-execute --protocol=unix,inet --dump=FILE\`,
\`seccomp-launcher [-o 2] -m -p unix,inet -e FILE "\$DENY"\`; firejail's
stack is seccomp.mdwx.32, seccomp.mdwx, seccomp, seccomp.32 and the
protocol filter.  With all arguments 0, socket() has family 0 and is
denied, so it does not count as allowed here.

$(cat "$OUT/cost.argchk.md")

### The calls of the loop benchmark (x86_64)

\`bench/out/filtercost calls LABEL FILE...\`, with the arguments that
bench/sysloop.c passes; "cached" calls run no BPF on Linux >= 5.11, and
the number in brackets is what they cost without the cache.

$(cat "$OUT/cost.calls.md")

## 3. Syscall overhead

ns per loop iteration (one getppid; one mmap+munmap; one socket+close; one
failing call for the -einval loops), from bench/sysloop.c: each run
takes the median of $LOOP_BATCHES timed batches after one warm-up batch, and each
number is the median over $LOOP_ROUNDS rounds that run every configuration
in turn, each command under \`taskset -c $CPU\`.  In brackets: the time added
over no filter.  seccwrap and libseccomp are the real launchers exec'ing
sysloop; firejail's filter files are installed by sysloop itself (-f), in
firejail's order.

$(cat "$OUT/loops.md")

## 4. Size and memory

- \`bench/out/seccwrap\` as ./build.sh builds it (\`-static -s\`): $SIZE bytes;
  after \`strip\`: $SIZE_STRIPPED bytes (target 65536).
- Stripped static size per architecture: the musl build above, and
  \`ARCH=A ./build.sh nolibc\` for the nolibc builds (target on x86_64:
  40960 bytes for nolibc).  "nolibc, packed" is \`./build.sh packed\`:
  the x86_64 nolibc build compressed with zopfli behind pack/stub.c,
  which decodes it at each start (part 1 has its start-up time):

| arch | C library | bytes |
|---|---|---|
| x86_64 | musl | $SIZE_STRIPPED |
$(cat "$OUT/arch-sizes.md")

- Bytes of code, read-only data and data per object file, from the
  linker map of a second link with build.sh's compiler and flags, one
  object per source file and no -s (\`bench/out/size/seccwrap.map\`;
  that binary stripped afterwards: $SIZE_UNSTRIPPED_BUILD bytes):

| bytes | object |
|---|---|
$(awk -F'\t' '{ printf "| %s | %s |\n", $1, $2 }' "$OUT/size/by-object.tsv")

- Peak memory: \`bench/out/maxrss COMMAND\` (bench/maxrss.c), medians
  of 5 runs of ru_maxrss and ru_minflt from wait4.  For a launcher the
  peak is the larger of the launcher's and T's, because the kernel
  carries the high-water mark across execve.  On this kernel ru_maxrss
  reads 0 KiB for exit0, so it is coarse for small processes; the minor
  page faults are exact and count the pages each run touched.

| command | max RSS (KiB) | minor page faults |
|---|---|---|
$(cat "$OUT/memory.md")
EOF
	} >"$RESULTS"
}

STARTED=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
[ "$(id -u)" = 0 ] || log "warning: not root; apt-get, bwrap and firejail may fail"
install_missing
build
make_inputs
make_filters
bench_filtercost
bench_startup
report_startup
profile_startup
bench_loops
report_loops
bench_size
write_results
log "wrote $RESULTS"
