# Bad input and failures: seccwrap must exit 125 with a message that names
# the file, line and token, and must not run the command.  Also the exit
# codes of env(1) (126, 127, the command's own status) and "no filter, no
# run" when the kernel refuses the filter.
P64=$TESTS/out/sysprobe64
MARKER=$TMP/ran

# bad CASE 'SECCWRAP-ARGS' PREFIX TOKEN
#   seccwrap SECCWRAP-ARGS -- sh -c 'touch MARKER' must exit 125 without
#   creating MARKER, and one line of stderr must start with PREFIX and
#   contain TOKEN after it (both fixed strings).  SECCWRAP-ARGS is split
#   on blanks.
bad() {
	rm -f "$MARKER"
	# shellcheck disable=SC2086
	"$SECCWRAP" $2 -- /bin/sh -c "touch '$MARKER'" </dev/null \
		>"$TMP/bad.out" 2>"$TMP/bad.err"
	_rc=$?
	check "$1/exit-status" 125 "$_rc"
	if [ -e "$MARKER" ]; then
		fail "$1/not-run" "the command ran"
	else
		pass "$1/not-run"
	fi
	if awk -v p="$3" -v t="$4" 'index($0, p) == 1 &&
		index(substr($0, length(p) + 1), t) > 0 { found = 1 }
		END { exit !found }' "$TMP/bad.err"; then
		pass "$1/message"
	else
		fail "$1/message" "expected a line starting '$3' naming" \
			"'$4', got: $(head -c 300 "$TMP/bad.err")"
	fi
}

# bad_profile CASE TEXT LINE TOKEN: as bad, for a profile holding TEXT
# whose error is on line LINE.
bad_profile() {
	printf '%s\n' "$2" >"$TMP/$1.profile"
	bad "$1" "-p $TMP/$1.profile" "seccwrap: $TMP/$1.profile:$3: " "$4"
}

# --- profile errors -----------------------------------------------------

bad_profile misspelled-syscall '# comment

seccomp.drop mount,mout' 3 "'mout'"
bad_profile misspelled-in-default 'seccomp chroot,ptrac' 1 "'ptrac'"
bad_profile misspelled-keep 'seccomp.keep execve,wrte' 1 "'wrte'"
bad_profile misspelled-32 'seccomp.32.drop mount,umount3' 1 "'umount3'"
bad_profile misspelled-exception 'seccomp !chrot' 1 chrot
bad_profile unknown-group '# comment
seccomp.drop @nosuchgroup' 2 nosuchgroup
bad_profile unknown-errno 'seccomp.drop mount:EFOO' 1 EFOO
bad_profile unknown-error-action 'seccomp
seccomp-error-action EFOO' 2 EFOO
bad_profile error-action-zero 'seccomp-error-action 0' 1 "0"
bad_profile error-action-4096 'seccomp-error-action 4096' 1 4096
bad_profile name-errno-zero 'seccomp.drop mount:0' 1 "0"
bad_profile unknown-command 'seccomp
sekcomp mount' 2 sekcomp
# Errno names take any case, but kill and log only lower case, and the
# message gives that fix.
bad error-action-case "--seccomp-error-action=Kill" \
	"seccwrap: --seccomp-error-action: " "'Kill'; actions are lower case"
bad error-action-log-case "--seccomp-error-action=LOG" \
	"seccwrap: --seccomp-error-action: " "'LOG'; actions are lower case"
bad_profile name-kill-case "seccomp.drop mount:KILL" 1 \
	"'KILL'; actions are lower case"
# "-p -" opens a file named '-', as in firejail; without one, the message
# names the path to standard input.
bad option-profile-dash "-p -" "seccwrap: -: " \
	"ENOENT; for standard input, use -p /dev/stdin"
# An item that ends in ':' names what is missing, not an unknown ''.
bad_profile name-action-empty "seccomp.drop chroot,mount:" 1 \
	"missing errno or 'kill' in 'mount:'"
bad option-name-action-empty "--seccomp.drop=:" "seccwrap: --seccomp.drop: " \
	"missing errno or 'kill' in ':'"
# A list takes no log action, so no hint leads there.
quoted name-log-case "seccwrap: --seccomp.drop: unknown errno 'LOG'" \
	--seccomp.drop=mount:LOG
# An unknown name in a namespace or protocol list gets the names.
bad option-protocol-choices "--protocol=unix,unx" "seccwrap: --protocol: " \
	"unknown protocol 'unx'; use one of: unix, inet, inet6, netlink, packet, bluetooth"
bad option-namespace-choices "--restrict-namespaces=-usr" \
	"seccwrap: --restrict-namespaces: " \
	"unknown namespace 'usr'; use one of: cgroup, ipc, net, mnt, pid, time, user, uts"
# Every name the messages offer is one the lists accept.
for name in unix inet inet6 netlink packet bluetooth; do
	"$SECCWRAP" --protocol="$name" --check 2>/dev/null
	check "protocol-choice-$name" 0 $?
done
for name in cgroup ipc net mnt pid time user uts; do
	"$SECCWRAP" --restrict-namespaces="$name" --check 2>/dev/null
	check "namespace-choice-$name" 0 $?
done
# A list item has at most 255 bytes.  The message quotes the first 60
# bytes of a longer one, as the protocol and namespace lists do, and cuts
# before a character, not inside it (é is 2 bytes).
a32=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
a256=$a32$a32$a32$a32$a32$a32$a32$a32
bad_profile long-list-item "seccomp.drop mount,${a256}x" 1 \
	"list item longer than 255 bytes '$a32${a32%????}...'"
bad_profile list-item-255 "seccomp.drop ${a256%a}" 1 \
	"unknown syscall '${a256%a}'"
bad_profile long-list-item-utf8 "seccomp.drop $a32${a32%?????}é$a256" 1 \
	"list item longer than 255 bytes '$a32${a32%?????}...'"
bad option-protocol-cut-utf8 "--protocol=$a32${a32%?????}é$a32" \
	"seccwrap: --protocol: " "unknown protocol '$a32${a32%?????}...'"
# CR line ends would join the file into one line, so a first line outside
# the seccomp family would hide the rest: a CR inside a line is an error.
bad_profile cr-line-ends "$(printf 'caps.drop all\rseccomp.drop mount\r')" 1 \
	"carriage return inside the line"
bad_profile cr-in-comment "$(printf '# a\rseccomp\n')" 1 \
	"carriage return inside the line"
# A CR-only file longer than a line may be gets the same message.
bad_profile cr-long "$(for i in $(seq 400); do printf 'caps.drop all\r'; done)" \
	1 "carriage return inside the line"
# Blanks after the CR of a CRLF line end are trailing blanks.
printf 'seccomp.drop mount\r \t\r\n' >"$TMP/cr-blank.profile"
"$SECCWRAP" -p "$TMP/cr-blank.profile" --check 2>"$TMP/cr-blank.err"
check cr-then-blanks "0 " "$? $(cat "$TMP/cr-blank.err")"
bad_profile unknown-protocol 'protocol unix,ipx' 1 ipx
bad_profile unknown-namespace 'restrict-namespaces user,foo' 1 foo
bad_profile missing-include 'seccomp
include no-such-file.inc' 2 "include file not found 'no-such-file.inc' \
beside the including file or in /etc/firejail"
bad_profile missing-include-absolute 'include /no/such/file.inc' 1 \
	"include file not found '/no/such/file.inc'"
# A name with macros is shown as written and as expanded.
bad_profile missing-include-macro 'include ${CFG}/seccwrap-no-such.inc' 1 \
	"include file not found '\${CFG}/seccwrap-no-such.inc' \
('/etc/firejail/seccwrap-no-such.inc')"
# A macro that names no set variable is reported as such, not as a
# missing file.
bad_profile include-unset-macro 'include ${SECCWRAP_NO_SUCH_VAR}/a.inc' 1 \
	"include '\${SECCWRAP_NO_SUCH_VAR}/a.inc' names an unset or empty \
variable, or its \${ has no }"
bad_profile include-open-macro 'include ${HOME/a.inc' 1 "names an unset \
or empty variable, or its \${ has no }"
# A name that expands to nothing would be looked up as the folder of the
# including file.
printf 'include ${SECCWRAP_EMPTY}\n' >"$TMP/empty-macro.profile"
SECCWRAP_EMPTY= "$SECCWRAP" -p "$TMP/empty-macro.profile" --check \
	>/dev/null 2>"$TMP/empty-macro.err"
check include-empty-macro "125 seccwrap: $TMP/empty-macro.profile:1: \
include '\${SECCWRAP_EMPTY}' names an unset or empty variable, or its \
\${ has no }" "$? $(cat "$TMP/empty-macro.err")"
# An empty variable inside a longer name is an error too: with it,
# "${HOME}/x.inc" would name /x.inc.
printf 'include ${SECCWRAP_EMPTY}/x.inc\n' >"$TMP/empty-macro-dir.profile"
SECCWRAP_EMPTY= "$SECCWRAP" -p "$TMP/empty-macro-dir.profile" --check \
	>/dev/null 2>"$TMP/empty-macro.err"
check include-empty-macro-dir "125 seccwrap: \
$TMP/empty-macro-dir.profile:1: include '\${SECCWRAP_EMPTY}/x.inc' names \
an unset or empty variable, or its \${ has no }" \
	"$? $(cat "$TMP/empty-macro.err")"
bad_profile bad-character 'seccomp.drop mount;chroot' 1 'mount;chroot'
bad_profile bad-character-dot 'seccomp.drop mount,a.b' 1 a.b
bad_profile empty-list 'seccomp.drop ,,' 1 seccomp.drop
bad_profile empty-list-bare 'seccomp.keep' 1 seccomp.keep
# The item list is one word; a blank inside it is a bad character.
bad_profile blank-in-list 'seccomp.drop mount, chroot' 1 chroot

# A line over 4 KiB: 'seccomp.drop ' then 830 times 'mount,'.
long=$(printf 'mount,%.0s' $(seq 830))
bad_profile long-line "seccomp
seccomp.drop $long" 2 ""
if [ "${#long}" -le 4096 ]; then
	fail long-line/length "the test line is only ${#long} bytes"
fi
# A line of exactly 4096 bytes is accepted, also with a CRLF line end
# (here with two CRs, which the reader takes as blanks).
{
	printf 'seccomp\r\n#'
	printf '%04095d\r\r\n' 0
} >"$TMP/crlf-4096.profile"
"$SECCWRAP" -q -p "$TMP/crlf-4096.profile" --check 2>"$TMP/crlf.err"
check crlf-4096-line/exit-status 0 "$?"
check crlf-4096-line/message "" "$(cat "$TMP/crlf.err")"

# A binary file as profile: the ELF header contains NUL bytes on
# line 1.
cp "$P64" "$TMP/binary.profile"
bad binary-file "-p $TMP/binary.profile" "seccwrap: $TMP/binary.profile:" ""
if grep -q "^seccwrap: $TMP/binary.profile:[0-9][0-9]*: " "$TMP/bad.err"; then
	pass binary-file/line
else
	fail binary-file/line "expected 'FILE:LINE: ', got:" \
		"$(head -c 300 "$TMP/bad.err")"
fi

# A UTF-8 byte-order mark is named as such, not as an unknown command
# that prints like "seccomp".
printf '\357\273\277seccomp\n' >"$TMP/bom.profile"
bad byte-order-mark "-p $TMP/bom.profile" "seccwrap: $TMP/bom.profile:1: " \
	"byte-order mark"
# Two files joined with cat(1): the mark starts line 2.
printf 'seccomp\n\357\273\277seccomp.drop mount\n' >"$TMP/bom2.profile"
bad byte-order-mark-line2 "-p $TMP/bom2.profile" \
	"seccwrap: $TMP/bom2.profile:2: " "byte-order mark"

# Messages quote profile text, file names and option values with the
# bytes a terminal would act on written as \xHH.  So a profile from
# elsewhere cannot move the cursor or retitle the window of the user who
# checks it.  Printable UTF-8 is left as it is.
# quoted CASE EXPECTED-LINE SECCWRAP-ARGS...: stderr must hold the line.
quoted() {
	_case=$1
	_want=$2
	shift 2
	"$SECCWRAP" "$@" -- /bin/true </dev/null >/dev/null 2>"$TMP/q.err"
	check "$_case/exit-status" 125 "$?"
	if grep -qxF -- "$_want" "$TMP/q.err"; then
		pass "$_case/message"
	else
		fail "$_case/message" "expected '$_want', got:" \
			"$(od -c "$TMP/q.err" | head -5)"
	fi
}
# DEL, then CSI as a C1 control in UTF-8 (U+009B).
printf 'seccomp.drop chroot,x\302\2332J\177\n' >"$TMP/c1.profile"
quoted escape-c1-del \
	"seccwrap: $TMP/c1.profile:1: invalid character in list item 'x\\xc2\\x9b2J\\x7f'" \
	-p "$TMP/c1.profile"
quoted escape-option "seccwrap: --seccomp.drop: invalid character in list item 'mount\\x1b]0;X\\x07'" \
	"--seccomp.drop=$(printf 'mount\033]0;X\007')"
quoted escape-file-name \
	"seccwrap: $TMP/x\\x1b[2J.profile: cannot open profile '$TMP/x\\x1b[2J.profile': ENOENT" \
	-p "$TMP/$(printf 'x\033[2J').profile"
# Well-formed UTF-8 passes; a surrogate, an overlong form and a cut
# character do not.
printf 'seccomp.drop caf\303\251\n' >"$TMP/u1.profile"
quoted utf8-kept "seccwrap: $TMP/u1.profile:1: invalid character in list item 'café'" \
	-p "$TMP/u1.profile"
printf 'seccomp.drop \355\240\200,\340\201\201,\303\n' >"$TMP/u2.profile"
quoted utf8-surrogate "seccwrap: $TMP/u2.profile:1: invalid character in list item '\\xed\\xa0\\x80'" \
	-p "$TMP/u2.profile"
quoted utf8-overlong "seccwrap: $TMP/u2.profile:1: invalid character in list item '\\xe0\\x81\\x81'" \
	-p "$TMP/u2.profile"
quoted utf8-cut "seccwrap: $TMP/u2.profile:1: invalid character in list item '\\xc3'" \
	-p "$TMP/u2.profile"
# Characters that show as a blank or nothing, or reorder the line, are
# escaped too.  The cases: a no-break space that would pass for a plain
# one, a right-to-left override, and tag characters.  U+E0080 is in the
# default-ignorable range after the tags.  The neighbours U+00A1 and
# U+2010 pass.
printf 'seccomp.drop\302\240mount\n' >"$TMP/u3.profile"
quoted hidden-nbsp "seccwrap: $TMP/u3.profile:1: unknown command 'seccomp.drop\\xc2\\xa0mount'" \
	-p "$TMP/u3.profile"
printf 'seccomp.drop a\342\200\256b,\302\241\342\200\220\363\240\202\200\363\240\200\201\n' \
	>"$TMP/u4.profile"
# U+1BCA0, a shorthand format control, takes four bytes.  U+3164, the
# Hangul filler, is a letter that shows as a blank; a backslash is
# escaped so that \xHH always stands for one byte.
printf 'seccomp.drop \360\233\262\240\n' >"$TMP/u5.profile"
printf 'seccomp.drop\343\205\244mount\n' >"$TMP/u6.profile"
quoted hidden-filler "seccwrap: $TMP/u6.profile:1: unknown command 'seccomp.drop\\xe3\\x85\\xa4mount'" \
	-p "$TMP/u6.profile"
quoted escape-backslash "seccwrap: --seccomp.drop: invalid character in list item 'a\\x5cx1b'" \
	'--seccomp.drop=a\x1b'
quoted hidden-4-byte "seccwrap: $TMP/u5.profile:1: invalid character in list item '\\xf0\\x9b\\xb2\\xa0'" \
	-p "$TMP/u5.profile"
quoted hidden-rlo "seccwrap: $TMP/u4.profile:1: invalid character in list item 'a\\xe2\\x80\\xaeb'" \
	-p "$TMP/u4.profile"
quoted hidden-tag "seccwrap: $TMP/u4.profile:1: invalid character in list item '¡‐\\xf3\\xa0\\x82\\x80\\xf3\\xa0\\x80\\x81'" \
	-p "$TMP/u4.profile"

# A very long quoted piece is cut at 1024 bytes, with "..." at the cut.
long_value=$(head -c 70000 /dev/zero | tr '\0' a)
"$SECCWRAP" --arch="$long_value" --check 2>"$TMP/long.err"
check long-value-cut/exit-status 125 "$?"
out=$(head -n 1 "$TMP/long.err" | sed "s/'a\{1024\}\.\.\.'/'A...'/")
check long-value-cut/message "seccwrap: --arch: unknown architecture 'A...'; \
use one of: $("$SECCWRAP" --arch=x --check 2>&1 | sed 's/.*use one of: //')" \
	"$out"

# seccwrap's own errors are named in the errno table of the arch it runs
# on: ENAMETOOLONG is 36 here and 78 on mips, where 36 is EIDRM.
long_name=$TMP/$(printf '%0300d' 0)
for a in mips parisc; do
	"$SECCWRAP" --arch=$a -p "$long_name" --check 2>"$TMP/own-errno.err"
	check "own-errno-$a/exit-status" 125 "$?"
	if grep -q "cannot open profile .*': ENAMETOOLONG$" \
		"$TMP/own-errno.err"; then
		pass "own-errno-$a/name"
	else
		fail "own-errno-$a/name" "expected ENAMETOOLONG, got:" \
			"$(head -c 300 "$TMP/own-errno.err")"
	fi
done

# An include loop, reported in one of the two files with the line of its
# include.
bad include-loop "-p $TESTS/profiles/loop-a.profile" "seccwrap: " loop-
if grep -Eq '^seccwrap: [^:]*loop-(a\.profile|b\.inc):[0-9]+: ' \
	"$TMP/bad.err"; then
	pass include-loop/location
else
	fail include-loop/location "expected 'seccwrap: FILE:LINE: ' naming" \
		"loop-a.profile or loop-b.inc, got: $(head -c 300 "$TMP/bad.err")"
fi

# An error in an included file names that file and its line.
printf 'seccomp\ninclude inner.inc\n' >"$TMP/outer.profile"
printf '# inner\nseccomp.drop mount,mout\n' >"$TMP/inner.inc"
bad include-error-location "-p $TMP/outer.profile" "seccwrap: " "'mout'"
if grep -q "^seccwrap: [^:]*inner\.inc:2: " "$TMP/bad.err"; then
	pass include-error-location/file-line
else
	fail include-error-location/file-line "expected inner.inc:2," \
		"got: $(head -c 300 "$TMP/bad.err")"
fi

# A missing .local include is skipped (firejail's convention for local
# overrides), so this is not an error.
printf 'include no-such-file.local\nseccomp\n' >"$TMP/local.profile"
rm -f "$MARKER"
"$SECCWRAP" -q -p "$TMP/local.profile" -- /bin/sh -c "touch '$MARKER'" \
	</dev/null >/dev/null 2>"$TMP/local.err"
check missing-local-include/exit-status 0 "$?"
if [ -e "$MARKER" ]; then
	pass missing-local-include/ran
else
	fail missing-local-include/ran "the command did not run"
fi
# With -v, the note names the skipped file, also as its macros expand.
printf 'include ${CFG}/seccwrap-no-such.local\nseccomp\n' \
	>"$TMP/local-macro.profile"
check missing-local-include/note "seccwrap: $TMP/local-macro.profile:1: \
skipped missing include '\${CFG}/seccwrap-no-such.local' \
('/etc/firejail/seccwrap-no-such.local')" "$("$SECCWRAP" -v -p \
	"$TMP/local-macro.profile" --check 2>&1 | grep 'skipped missing')"
# A .local name with an empty variable is skipped, and the note gives
# that reason.
printf 'include ${SECCWRAP_EMPTY}/x.local\nseccomp\n' \
	>"$TMP/local-empty.profile"
check missing-local-include/empty-variable "seccwrap: \
$TMP/local-empty.profile:1: skipped include with an unset or empty \
variable '\${SECCWRAP_EMPTY}/x.local'" "$(SECCWRAP_EMPTY= "$SECCWRAP" -v \
	-p "$TMP/local-empty.profile" --check 2>&1 | grep 'skipped')"

# No variable is named "M=B", so ${M=B} is unset in every build (musl,
# nolibc, and glibc for the sanitizers), although the environment contains
# "M=B=DIR".
mkdir -p "$TMP/macro"
echo 'seccomp.drop chroot' >"$TMP/macro/x.inc"
printf 'include ${M=B}/x.inc\nseccomp\n' >"$TMP/macro.profile"
env "M=B=$TMP/macro" "$SECCWRAP" -p "$TMP/macro.profile" --check \
	>/dev/null 2>"$TMP/macro.err"
check macro-name-with-equals "125 seccwrap: $TMP/macro.profile:1: include \
'\${M=B}/x.inc' names an unset or empty variable, or its \${ has no }" \
	"$? $(cat "$TMP/macro.err")"

bad missing-profile "-p $TMP/no-such.profile" "seccwrap: " \
	"$TMP/no-such.profile"

# Two errors in one file: both are reported.
bad_profile two-errors 'seccomp.drop mout
seccomp.keep wrte' 1 "'mout'"
if grep -q "^seccwrap: $TMP/two-errors.profile:2: .*wrte" "$TMP/bad.err"; then
	pass two-errors/second
else
	fail two-errors/second "expected the line 2 error as well, got:" \
		"$(head -c 300 "$TMP/bad.err")"
fi

# A number with a leading 0: firejail reads "$N" with strtol(..., 0), as
# octal, so seccwrap must not quietly read it as decimal.
bad_profile octal-syscall 'seccomp.drop $0241' 1 "ambiguous syscall number \
'\$0241': firejail reads a leading 0 as octal (161); write 161 or 0xa1"
bad_profile octal-syscall-plain 'seccomp
seccomp.drop mount,0241' 2 "ambiguous syscall number '0241': firejail"
bad_profile octal-syscall-zero 'seccomp.drop $00' 1 "ambiguous syscall \
number '\$00': firejail reads a leading 0 as octal (0); write 0 or 0x0"
bad_profile octal-syscall-not-octal 'seccomp.drop $089' 1 "ambiguous \
syscall number '\$089': firejail reads a leading 0 as octal, which 089 is \
not; write 89 or 0x59"
bad_profile octal-syscall-exception 'seccomp !$0241' 1 "'\$0241'"
bad_profile octal-syscall-keep 'seccomp.keep read,write,$0241' 1 "'\$0241'"
bad_profile octal-syscall-32 'seccomp.32.drop $0241' 1 "'\$0241'"
bad_profile octal-syscall-action 'seccomp.drop $0241:kill' 1 "'\$0241'"
bad_profile octal-errno 'seccomp.drop mount:010' 1 "ambiguous errno '010': \
C reads a leading 0 as octal (8); write 8 or 0x8"
bad_profile octal-errno-not-octal 'seccomp.drop mount:09' 1 "ambiguous \
errno '09': C reads a leading 0 as octal, which 09 is not; write 9 or 0x9"
# A number past 0x7fffffff gets the advice that 70000 gets, not
# "invalid".
bad_profile big-syscall-number 'seccomp.drop $2147483648' 1 "syscall number \
'\$2147483648' is above 65535: name the call instead"
bad_profile big-syscall-number-hex 'seccomp.drop 0x100000000' 1 "syscall \
number '0x100000000' is above 65535"
bad_profile bad-syscall-number 'seccomp.drop 12a' 1 "invalid syscall number \
'12a'"
# Past 0x7fffffff the digits are still checked, so these are invalid.
bad_profile bad-big-syscall-number 'seccomp.drop 99999999999z' 1 "invalid \
syscall number '99999999999z'"
bad_profile bad-big-errno 'seccomp.drop mount:99999999999z' 1 "invalid \
errno '99999999999z'"
bad option-error-action-empty "--seccomp-error-action=" \
	"seccwrap: --seccomp-error-action: " "missing action: kill, log or an errno"

# An item cut to fit its buffer ends in "..." in the message.
long=userxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
bad_profile long-namespace "restrict-namespaces $long" 1 "unknown namespace \
'userxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'"
bad long-protocol "--protocol=inet,unix$long" "seccwrap: --protocol: " \
	"unknown protocol 'unixuserxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'"
bad_profile octal-error-action 'seccomp
seccomp-error-action 010' 2 "ambiguous errno '010': C reads"
# Neither reading is a valid errno, so the error names the range.
bad_profile octal-errno-zero 'seccomp.drop mount:00' 1 \
	"errno out of range 1-4095 '00'"
bad_profile octal-errno-too-large 'seccomp-error-action 010000' 1 \
	"errno out of range 1-4095 '010000'"
# A lone 0 and 0x hex have one reading and stay valid.
"$SECCWRAP" -q --seccomp.drop='$0,0,0x0,0xa1,$0xA1,mount:0x8' \
	--seccomp-error-action=0x1 --check 2>"$TMP/zero.err"
check zero-and-hex/exit-status 0 "$?"
check zero-and-hex/message "" "$(cat "$TMP/zero.err")"

# --- option errors --------------------------------------------------------

bad option-misspelled "--seccomp.drop=mount,mout" \
	"seccwrap: --seccomp.drop: " "'mout'"
bad option-misspelled-default "--seccomp=ptrac" "seccwrap: --seccomp: " \
	"'ptrac'"
bad option-unknown-group "--seccomp.keep=@nosuchgroup" \
	"seccwrap: --seccomp.keep: " nosuchgroup
bad option-unknown-errno "--seccomp-error-action=EFOO" \
	"seccwrap: --seccomp-error-action: " EFOO
bad option-bad-character "--seccomp.drop=mount;chroot" \
	"seccwrap: --seccomp.drop: " 'mount;chroot'
bad option-empty-list "--seccomp.drop=" "seccwrap: --seccomp.drop" ""
bad option-unknown-protocol "--protocol=unix,ipx" "seccwrap: --protocol: " ipx
bad option-unknown-namespace "--restrict-namespaces=foo" \
	"seccwrap: --restrict-namespaces: " foo
bad option-unknown "--no-such-option" "seccwrap: " no-such-option
bad option-errno-invalid "--seccomp-error-action=1x" \
	"seccwrap: --seccomp-error-action: invalid errno " "'1x'"
bad option-errno-range "--seccomp.drop=mount:9999" \
	"seccwrap: --seccomp.drop: errno out of range 1-4095 " "'9999'"
bad option-octal-syscall "--seccomp.drop=\$0241" \
	"seccwrap: --seccomp.drop: ambiguous syscall number " \
	"'\$0241': firejail reads a leading 0 as octal (161); write 161 or 0xa1"
bad option-octal-syscall-default "--seccomp=0241" \
	"seccwrap: --seccomp: ambiguous syscall number " "'0241'"
bad option-octal-syscall-32 "--seccomp.32.keep=read,0241" \
	"seccwrap: --seccomp.32.keep: ambiguous syscall number " "'0241'"
bad option-octal-errno "--seccomp.drop=mount:010" \
	"seccwrap: --seccomp.drop: ambiguous errno " "'010': C reads"
bad option-octal-error-action "--seccomp-error-action=010" \
	"seccwrap: --seccomp-error-action: ambiguous errno " \
	"'010': C reads a leading 0 as octal (8); write 8 or 0x8"
# One inspection option at a time, with no command: each of them runs
# nothing, so a command or a second one would be ignored.
bad option-two-actions "--print --dump=$TMP/two.bpf" \
	"seccwrap: --dump=$TMP/two.bpf: " "only one of --print, --dump"
bad option-explain-twice "--explain=mount --explain=chroot" \
	"seccwrap: --explain=chroot: " "only one of"
bad option-action-with-command "--dump=$TMP/cmd.bpf" \
	"seccwrap: --dump=$TMP/cmd.bpf: " "runs nothing"
if [ -e "$TMP/cmd.bpf" ] || [ -e "$TMP/two.bpf" ]; then
	fail option-action-no-dump "a rejected --dump wrote its file"
else
	pass option-action-no-dump
fi
bad option-dump-no-file "--dump=" "seccwrap: --dump=: " "missing file name"
# The --debug options print where they stand and exit, so the same holds
# for them.
bad option-debug-with-print "--debug-syscalls --print" "seccwrap: --print: " \
	"only one of --print, --dump, --explain, --check and the --debug"
# --debug-syscalls=ABI names an ABI of the arch.
"$SECCWRAP" --debug-syscalls=n32 >"$TMP/out" 2>"$TMP/err"
check option-debug-syscalls-abi "125 0 seccwrap: --debug-syscalls: unknown \
ABI 'n32' for x86_64; use one of: x86_64, i386, x32" \
	"$? $(wc -c <"$TMP/out") $(cat "$TMP/err")"
"$SECCWRAP" --debug-syscalls= >"$TMP/out" 2>"$TMP/err"
check option-debug-syscalls-empty "125 0 seccwrap: --debug-syscalls: \
missing ABI after '='" "$? $(wc -c <"$TMP/out") $(cat "$TMP/err")"
# The same option twice is one request.
"$SECCWRAP" --check --check </dev/null >/dev/null 2>"$TMP/twice.err"
check option-check-repeated "0 " "$? $(cat "$TMP/twice.err")"
out=$("$SECCWRAP" --explain=mount --explain=mount 2>&1 | wc -l)
check option-explain-repeated 1 "$out"
bad option-debug-twice "--debug-errnos --debug-protocols" \
	"seccwrap: --debug-protocols: " "only one of"
bad option-debug-with-command "--debug-errnos" "seccwrap: --debug-errnos: " \
	"runs nothing"
bad option-debug-then-unknown "--debug-errnos --nonsense" \
	"seccwrap: --nonsense: " "unknown option"
bad option-group-unknown "-vx" "seccwrap: -vx: " "unknown option"
bad option-debug-groups-empty "--debug-syscall-groups=" \
	"seccwrap: --debug-syscall-groups=: " "missing group"
# A bad group after a good one: nothing is printed, not the good one's
# members followed by an error.
"$SECCWRAP" --debug-syscall-groups=@mount,@bogus >"$TMP/groups.out" \
	2>"$TMP/groups.err"
check option-debug-groups-bad-late/exit-status 125 "$?"
check option-debug-groups-bad-late/no-output "" "$(cat "$TMP/groups.out")"
check option-debug-groups-bad-late/message \
	"seccwrap: --debug-syscall-groups: unknown syscall group '@bogus'" \
	"$(cat "$TMP/groups.err")"
# Group names start with '@', in firejail and in systemd alike, and a
# name without it gets that hint.
"$SECCWRAP" --debug-syscall-groups=mount 2>"$TMP/groups.err"
check option-debug-groups-no-at "125 seccwrap: --debug-syscall-groups: \
unknown syscall group 'mount'; group names start with '@'" \
	"$? $(cat "$TMP/groups.err")"
"$SECCWRAP" --debug-syscall-groups='!@mount' 2>"$TMP/groups.err"
check option-debug-groups-negated "125 seccwrap: --debug-syscall-groups: \
unknown syscall group '!@mount'" "$? $(cat "$TMP/groups.err")"
bad option-debug-groups-commas "--debug-syscall-groups=,," \
	"seccwrap: --debug-syscall-groups=,,: " "missing group"
bad option-explain-no-call "--explain" "seccwrap: --explain: " \
	"missing syscall"
# A group is no syscall, but --debug-syscall-groups lists its calls.
out=$("$SECCWRAP" --explain=@mount 2>&1)
check option-explain-group "125 seccwrap: --explain: '@mount' is a group: \
see --debug-syscall-groups=@mount" "$? $out"
bad option-arch-no-value "--arch --print" "seccwrap: --arch: " \
	"missing architecture"
# A filter for another kernel would kill the command at its first call.
bad option-arch-other-kernel "--arch=aarch64" "seccwrap: --arch: " \
	"the filter is for another kernel's architecture"
bad option-profile-empty "--profile=" "seccwrap: --profile=: " \
	"missing profile file name"
bad option-ignore-empty "--ignore=" "seccwrap: --ignore=: " \
	"missing command name"
# --ignore skips lines of the profiles after it, so after the last -p,
# or with none, it would change nothing.  firejail rejects it after any
# --profile.  Between two -p options it applies to the second.
printf 'seccomp\n' >"$TMP/ignored.profile"
bad option-ignore-after-profile "-p $TMP/ignored.profile --ignore=seccomp" \
	"seccwrap: --ignore=seccomp: " "no profile follows it, so it skips \
nothing; give it before -p"
bad option-ignore-no-profile "--ignore=seccomp" \
	"seccwrap: --ignore=seccomp: " "no profile follows it"
out=$("$SECCWRAP" -p "$TMP/ignored.profile" --ignore=seccomp \
	--profile="$TMP/ignored.profile" --explain=chroot 2>&1)
check option-ignore-between-profiles "chroot (x86_64 161): ERRNO(EPERM), \
from $TMP/ignored.profile:1 'seccomp @default-nodebuggers' via @default -> \
@mount" "$out"
# An ignore of a misspelt command skips nothing, and firejail takes it
# silently, so seccwrap warns.  firejail's other commands and include
# pass.
printf '%s\n' 'ignore seccomp.dorp' 'ignore private-dev' 'ignore include' \
	'ignore noexec /tmp' 'ignore ignore' 'ignore apparmor-stack' \
	'apparmor-stack' 'seccomp' >"$TMP/ignore-typo.profile"
out=$("$SECCWRAP" -p "$TMP/ignore-typo.profile" --check 2>&1)
check ignore-unknown-command "0 seccwrap: warning: \
$TMP/ignore-typo.profile:1: 'ignore' names unknown command 'seccomp.dorp'" \
	"$? $out"
out=$("$SECCWRAP" --ignore=seccomp.dorp -p "$TMP/ignored.profile" --check \
	2>&1)
check ignore-option-unknown-command "0 seccwrap: warning: --ignore: \
'ignore' names unknown command 'seccomp.dorp'" "$? $out"
# At most 32 ignores are allowed, options and profile lines together.
set --
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 \
	25 26 27 28 29 30 31 32 33; do
	set -- "$@" "--ignore=noexec /t$i"
done
out=$("$SECCWRAP" "$@" -p "$TMP/ignored.profile" --check 2>&1)
check ignore-option-too-many "125 seccwrap: --ignore: too many 'ignore' \
commands
Try 'seccwrap --help' for more information." "$? $out"
printf '%s\n' "$@" | sed 's/^--ignore=/ignore /' >"$TMP/ignore-many.profile"
out=$("$SECCWRAP" -p "$TMP/ignore-many.profile" --check 2>&1)
check ignore-profile-too-many "125 seccwrap: \
$TMP/ignore-many.profile:33: too many 'ignore' commands" "$? $out"
set --
# An option that needs a value takes it after '=' only: with a blank, the
# value would be the command to run.
for o in protocol seccomp-error-action seccomp.32 seccomp.32.drop \
	seccomp.32.keep seccomp.drop seccomp.keep; do
	bad "option-$o-blank" "--$o unix" "seccwrap: --$o: " \
		"missing value: use --$o=VALUE"
done

# No command: after "--", or at all.
"$SECCWRAP" -p "$TMP/local.profile" -- </dev/null >/dev/null \
	2>"$TMP/nocmd.err"
check no-command-after-dashes/exit-status 125 "$?"
if grep -q '^seccwrap: ' "$TMP/nocmd.err"; then
	pass no-command-after-dashes/message
else
	fail no-command-after-dashes/message "expected 'seccwrap: ...', got:" \
		"$(head -c 300 "$TMP/nocmd.err")"
fi
"$SECCWRAP" -p "$TMP/local.profile" </dev/null >/dev/null 2>"$TMP/nocmd.err"
check no-command/exit-status 125 "$?"
check no-command/message "seccwrap: missing command to run" \
	"$(head -n 1 "$TMP/nocmd.err")"

# --- exec failures and exit statuses --------------------------------------

printf '#!/bin/sh\ntouch "%s"\n' "$MARKER" >"$TMP/not-executable"
chmod 644 "$TMP/not-executable"
rm -f "$MARKER"
"$SECCWRAP" -- "$TMP/not-executable" </dev/null >/dev/null 2>"$TMP/exec.err"
check not-executable/exit-status 126 "$?"
if grep -q "^seccwrap: .*not-executable" "$TMP/exec.err"; then
	pass not-executable/message
else
	fail not-executable/message "expected a message naming the file," \
		"got: $(head -c 300 "$TMP/exec.err")"
fi
"$SECCWRAP" -- "$TMP" </dev/null >/dev/null 2>&1
check directory/exit-status 126 "$?"

"$SECCWRAP" -- "$TMP/no-such-command" </dev/null >/dev/null \
	2>"$TMP/exec.err"
check not-found-path/exit-status 127 "$?"
if grep -q "^seccwrap: .*no-such-command" "$TMP/exec.err"; then
	pass not-found-path/message
else
	fail not-found-path/message "expected a message naming the command," \
		"got: $(head -c 300 "$TMP/exec.err")"
fi
PATH=/usr/bin:/bin "$SECCWRAP" -- seccwrap-no-such-command </dev/null \
	>/dev/null 2>&1
check not-found-search/exit-status 127 "$?"
# A file named as a directory ("file/"): the kernel returns ENOTDIR, and
# env(1) exits 126, not 127.  In a PATH search, an entry that is a file
# is passed over like one without the command, but as in execvp its
# ENOTDIR stays when it is the last entry.
printf '#!/bin/sh\n' >"$TMP/plain"
chmod 755 "$TMP/plain"
"$SECCWRAP" -- "$TMP/plain/" </dev/null >/dev/null 2>"$TMP/exec.err"
check not-a-directory/exit-status 126 "$?"
check not-a-directory/message "seccwrap: $TMP/plain/: cannot execute: \
ENOTDIR" "$(cat "$TMP/exec.err")"
PATH="$TMP/plain:/usr/bin:/bin" "$SECCWRAP" -- sh -c 'exit 6' </dev/null \
	>/dev/null 2>&1
check path-entry-file/exit-status 6 "$?"
PATH="$TMP/plain" "$SECCWRAP" -- sh </dev/null >/dev/null 2>&1
check path-entry-file-last/exit-status 126 "$?"
PATH="$TMP/plain:$TMP/no-such-dir" "$SECCWRAP" -- sh </dev/null \
	>/dev/null 2>&1
check path-entry-missing-last/exit-status 127 "$?"
# An empty PATH entry means the current directory, as in execvp(3).  The
# ASan build checks that the candidate "./NAME" fits its buffer.
mkdir -p "$TMP/cwd"
printf '#!/bin/sh\nexit 8\n' >"$TMP/cwd/seccwrap-in-cwd"
chmod 755 "$TMP/cwd/seccwrap-in-cwd"
(cd "$TMP/cwd" && PATH=":$TMP/no-such-dir" "$SECCWRAP" -- seccwrap-in-cwd \
	</dev/null >/dev/null 2>&1)
check path-entry-empty/exit-status 8 "$?"
# A PATH search finds a command by name, and its status comes back.
PATH=/usr/bin:/bin "$SECCWRAP" -- sh -c 'exit 7' </dev/null >/dev/null 2>&1
check command-status/exit-status 7 "$?"
"$SECCWRAP" -- /bin/sh -c 'kill -TERM $$' </dev/null >/dev/null 2>&1
check command-signal/exit-status 143 "$?"

# --- a profile that would deny seccwrap's own execve ------------------------

# Either seccwrap rejects it (125, nothing runs), or the command starts and
# every later exec is denied.  Never: killed before the command starts, or
# a later exec that succeeds.
printf 'seccomp.drop execve\n' >"$TMP/noexec.profile"
rm -f "$MARKER" "$TMP/ran2"
"$SECCWRAP" -p "$TMP/noexec.profile" -- /bin/sh -c \
	"touch '$MARKER'; /bin/touch '$TMP/ran2'" </dev/null >/dev/null \
	2>"$TMP/noexec.err"
_rc=$?
if [ "$_rc" -eq 125 ] && [ ! -e "$MARKER" ] && [ -s "$TMP/noexec.err" ]; then
	pass deny-execve/rejected-or-enforced
elif [ -e "$MARKER" ] && [ ! -e "$TMP/ran2" ]; then
	pass deny-execve/rejected-or-enforced
else
	fail deny-execve/rejected-or-enforced "exit status $_rc, command" \
		"ran: $([ -e "$MARKER" ] && echo yes || echo no), later exec" \
		"ran: $([ -e "$TMP/ran2" ] && echo yes || echo no), stderr:" \
		"$(head -c 300 "$TMP/noexec.err")"
fi
# Under log the list denies nothing: execve runs, logged, and so does a
# later exec of the command.
rm -f "$TMP/ran2"
"$SECCWRAP" -q -p "$TMP/noexec.profile" --seccomp-error-action=log -- \
	/bin/sh -c "/bin/touch '$TMP/ran2'" </dev/null >/dev/null 2>&1
check deny-execve/log-runs "0 yes" \
	"$? $([ -e "$TMP/ran2" ] && echo yes || echo no)"

# --- no filter, no run --------------------------------------------------

# An outer seccwrap denies seccomp and prctl to an inner one, which then
# cannot set no_new_privs or install its filter.
printf 'seccomp\n' >"$TMP/default.profile"
rm -f "$MARKER"
"$SECCWRAP" --seccomp.drop=seccomp,prctl -- /bin/sh -c "touch '$MARKER'" \
	</dev/null >/dev/null 2>&1
check outer-filter-control/exit-status 0 "$?"
if [ -e "$MARKER" ]; then
	pass outer-filter-control/ran
else
	fail outer-filter-control/ran "the outer seccwrap did not run" \
		"its command, so the cases below cannot tell"
fi

# no_run CASE OUTER-LIST: the inner seccwrap must exit 125 and not run.
no_run() {
	rm -f "$MARKER"
	"$SECCWRAP" "--seccomp.drop=$2" -- "$SECCWRAP" -p \
		"$TMP/default.profile" -- /bin/sh -c "touch '$MARKER'" \
		</dev/null >/dev/null 2>"$TMP/norun.err"
	check "$1/exit-status" 125 "$?"
	if [ -e "$MARKER" ]; then
		fail "$1/not-run" "the command ran without its filter"
	else
		pass "$1/not-run"
	fi
	if grep -q '^seccwrap: ' "$TMP/norun.err"; then
		pass "$1/message"
	else
		fail "$1/message" "expected 'seccwrap: ...' on stderr, got:" \
			"$(head -c 300 "$TMP/norun.err")"
	fi
}
no_run no-filter-seccomp-prctl seccomp,prctl
no_run no-filter-prctl prctl
no_run no-filter-seccomp-eperm-prctl-enosys seccomp,prctl:ENOSYS

# When seccomp() fails with ENOSYS, seccwrap falls back to prctl: the command
# runs, and under the inner filter.
"$SECCWRAP" --seccomp.drop=seccomp:ENOSYS -- "$SECCWRAP" -p \
	"$TMP/default.profile" -- "$P64" mount getpid </dev/null \
	>"$TMP/fallback.out" 2>"$TMP/fallback.err"
check prctl-fallback/exit-status 0 "$?"
check prctl-fallback/mount "mount ret=-1 errno=EPERM" \
	"$(grep '^mount ' "$TMP/fallback.out")"

# A lone '-' is the command: what follows it is the command's.
"$SECCWRAP" - --arch=bogus </dev/null >/dev/null 2>"$TMP/dash.err"
check dash-is-command/exit-status 127 "$?"
check dash-is-command/message "seccwrap: -: command not found" \
	"$(cat "$TMP/dash.err")"

# --help after a profile with errors does not exit 0.
printf 'seccomp.drop mout\n' >"$TMP/help-bad.profile"
"$SECCWRAP" -p "$TMP/help-bad.profile" --help >/dev/null 2>&1
check help-after-profile-error 125 "$?"

"$SECCWRAP" -p '' -- true 2>"$TMP/empty-p.err"
check empty-profile-name/exit-status 125 "$?"
check empty-profile-name/message "seccwrap: -p: missing profile file name" \
	"$(head -n 1 "$TMP/empty-p.err")"

# The PATH search reports the error it met, as execvp(3) would.
long=$(printf '%0300d' 0)
PATH=/usr/bin "$SECCWRAP" -- "$long" 2>"$TMP/long.err"
check long-command/exit-status 126 "$?"
check long-command/message "seccwrap: $long: cannot execute: ENAMETOOLONG" \
	"$(cat "$TMP/long.err")"

# A PATH entry of 4096 bytes or more is skipped, as execvp in glibc and
# musl skips it: the search goes on, and ends with "not found".
dir=/$(printf '%04999d' 0)
PATH=$dir "$SECCWRAP" -- true 2>"$TMP/longdir.err"
check long-path-entry/alone "127 seccwrap: true: command not found" \
	"$? $(cat "$TMP/longdir.err")"
PATH=$dir:/usr/bin:/bin "$SECCWRAP" -- true 2>"$TMP/longdir.err"
check long-path-entry/then-found "0 " "$? $(cat "$TMP/longdir.err")"

# A failed write to standard output (here a full device) is an error
# with a message, for every option that prints.
for opt in --debug-errnos --debug-syscalls --debug-syscall-groups --help \
	--version --print --explain=mount; do
	"$SECCWRAP" "$opt" >/dev/full 2>"$TMP/full.err"
	check "stdout-full/$opt/exit-status" 125 "$?"
	check "stdout-full/$opt/message" \
		"seccwrap: cannot write standard output: ENOSPC" \
		"$(cat "$TMP/full.err")"
done

# --explain rejects a leading 0 as the lists do.
"$SECCWRAP" --explain=0241 >/dev/null 2>"$TMP/explain-zero.err"
check explain-leading-zero/exit-status 125 "$?"
check explain-leading-zero/message "seccwrap: --explain: ambiguous syscall \
number '0241': firejail reads a leading 0 as octal (161); write 161 or 0xa1" \
	"$(cat "$TMP/explain-zero.err")"
check explain-zero-alone "read (x86_64 0)" \
	"$("$SECCWRAP" --explain=0 | cut -d: -f1)"
# A number may be written as in a profile, with '$'.
check explain-dollar "chroot (x86_64 161)" \
	"$("$SECCWRAP" --explain='$161' | cut -d: -f1)"
# A bad number, with '$' or without, is invalid, as in a list.
for bad in '$abc' '$-1' '$' 4294967296 0x 1e2 -1x; do
	"$SECCWRAP" --explain="$bad" >/dev/null 2>"$TMP/err"
	check "explain-invalid-number/$bad" "125 seccwrap: --explain: invalid \
syscall number '$bad'" "$? $(cat "$TMP/err")"
done

# Of -v and -q, the last one wins.
out=$("$SECCWRAP" -v -q --check 2>&1)
check verbose-then-quiet "" "$out"
out=$("$SECCWRAP" -q -v --check 2>&1)
check quiet-then-verbose "seccwrap: filter:" "$(printf '%s' "$out" |
	grep -o '^seccwrap: filter:')"

# Short options group as getopt() groups them: flags first, then at
# most one -p with its file attached or next.
out=$("$SECCWRAP" -vq --check 2>&1)
check group-verbose-quiet "" "$out"
out=$("$SECCWRAP" -qv --check 2>&1)
check group-quiet-verbose "seccwrap: filter:" "$(printf '%s' "$out" |
	grep -o '^seccwrap: filter:')"
printf 'seccomp.drop chroot\n' >"$TMP/group.profile"
check group-qp-next "chroot (x86_64 161): ERRNO(EPERM)" \
	"$("$SECCWRAP" -qp "$TMP/group.profile" --explain=chroot | cut -d, -f1)"
check group-qp-attached "chroot (x86_64 161): ERRNO(EPERM)" \
	"$("$SECCWRAP" "-vqp$TMP/group.profile" --explain=chroot | cut -d, -f1)"
out=$("$SECCWRAP" -qh | head -n 1)
check group-help "usage: seccwrap [OPTIONS] [--] COMMAND [ARG...]" "$out"
check group-version "seccwrap" "$("$SECCWRAP" -qV | cut -d' ' -f1)"
# firejail reads a bare --profile=NAME as /etc/firejail/NAME.profile,
# and seccwrap reads a file of that name.  When there is none, the error
# gives firejail's file, if it exists.
if [ -f /etc/firejail/firefox.profile ]; then
	(cd "$TMP" && "$SECCWRAP" -p firefox --check 2>"$TMP/name.err")
	check profile-bare-name-hint "125 seccwrap: firefox: cannot open \
profile 'firefox': ENOENT; for firejail's profile, use -p \
/etc/firejail/firefox.profile" "$? $(cat "$TMP/name.err")"
	(cd "$TMP" && "$SECCWRAP" -p firefox.profile --check 2>"$TMP/name.err")
	check profile-bare-file-name-hint "125 seccwrap: firefox.profile: \
cannot open profile 'firefox.profile': ENOENT; for firejail's profile, \
use -p /etc/firejail/firefox.profile" "$? $(cat "$TMP/name.err")"
else
	skip profile-bare-name-hint "no /etc/firejail/firefox.profile"
fi
(cd "$TMP" && "$SECCWRAP" -p seccwrap-no-such-name --check 2>"$TMP/name.err")
check profile-bare-name-no-hint "125 seccwrap: seccwrap-no-such-name: \
cannot open profile 'seccwrap-no-such-name': ENOENT" \
	"$? $(cat "$TMP/name.err")"
# A file named like a group after -p stays a file name.
"$SECCWRAP" -p -vq --check 2>"$TMP/group.err"
check group-file-after-p "125 seccwrap: -vq: cannot open profile '-vq': \
ENOENT" "$? $(cat "$TMP/group.err")"
"$SECCWRAP" -vqp 2>"$TMP/group.err"
check group-missing-file "125 seccwrap: -vqp: missing profile file name" \
	"$? $(head -n 1 "$TMP/group.err")"

# Every option's description in --help starts in one column, also after
# the longest option names.
out=$("$SECCWRAP" --help | awk '/^  -/ && (substr($0, 34, 2) != "  " ||
	substr($0, 36, 1) == " ") { print }')
check help-columns "" "$out"

# Includes that repeat: nine files that each include the next ten times
# would make 10^8 reads.  seccwrap stops at 1024 files, once, with exit
# 125 and one message.  timeout: without the limit this runs for days.
i=1
while [ $i -le 8 ]; do
	: >"$TMP/rep$i.inc"
	for k in 1 2 3 4 5 6 7 8 9 10; do
		echo "include $TMP/rep$((i + 1)).inc" >>"$TMP/rep$i.inc"
	done
	i=$((i + 1))
done
echo seccomp >"$TMP/rep9.inc"
timeout 20 "$SECCWRAP" -p "$TMP/rep1.inc" --check 2>"$TMP/rep.err"
check include-repeats/exit-status 125 "$?"
check include-repeats/message "seccwrap: $TMP/rep8.inc:7: profiles and \
includes read more than 1024 files" "$(cat "$TMP/rep.err")"
# The same for 16 MiB in all: a file of 1,048,000 bytes of comments, in
# lines of 1000, read 17 times.
line=$(printf '%0999d' 0 | tr 0 '#')
yes "$line" | head -n 1048 >"$TMP/big.inc"
: >"$TMP/bigs.profile"
for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do
	echo "include $TMP/big.inc" >>"$TMP/bigs.profile"
done
"$SECCWRAP" -p "$TMP/bigs.profile" --check 2>"$TMP/bigs.err"
check include-bytes/exit-status 125 "$?"
check include-bytes/message "seccwrap: $TMP/bigs.profile:17: profiles and \
includes read more than 16 MiB" "$(cat "$TMP/bigs.err")"
# The limits are for all -p options together: 17 options that each read
# that file stop at the seventeenth.  (A function, so that "set --"
# leaves the runner's arguments alone.)
seventeen_profiles() {
	set --
	for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do
		set -- "$@" -p "$TMP/big.inc"
	done
	"$SECCWRAP" "$@" --check 2>"$TMP/bigs.err"
}
seventeen_profiles
check profile-bytes/exit-status 125 "$?"
check profile-bytes/message "seccwrap: $TMP/big.inc: profiles and \
includes read more than 16 MiB" "$(cat "$TMP/bigs.err")"

# Includes nest 16 levels below the first profile, as in firejail: a
# chain of 17 files works, one of 18 stops at the last include.
i=0
while [ $i -le 17 ]; do
	echo "include $TMP/nest$((i + 1)).inc" >"$TMP/nest$i.inc"
	i=$((i + 1))
done
echo seccomp >"$TMP/nest16.inc"
"$SECCWRAP" -p "$TMP/nest0.inc" --check 2>"$TMP/nest.err"
check include-depth-16 "0 " "$? $(cat "$TMP/nest.err")"
echo "include $TMP/nest17.inc" >"$TMP/nest16.inc"
echo seccomp >"$TMP/nest17.inc"
"$SECCWRAP" -p "$TMP/nest0.inc" --check 2>"$TMP/nest.err"
check include-depth-17 "125 seccwrap: $TMP/nest16.inc:1: includes nested \
deeper than 16" "$? $(cat "$TMP/nest.err")"

# A list that one of higher precedence replaces (keep over drop over
# seccomp) does nothing: it gets a warning that names both places.
printf 'seccomp.drop chroot\n' >"$TMP/drop.profile"
"$SECCWRAP" -p "$TMP/drop.profile" --seccomp=mount --explain=mount \
	>"$TMP/over.out" 2>"$TMP/over.err"
check overridden/seccomp "0 seccwrap: warning: --seccomp: 'seccomp' has no \
effect: 'seccomp.drop' ($TMP/drop.profile:1) takes precedence" \
	"$? $(cat "$TMP/over.err")"
check overridden/explain "mount (x86_64 165): ALLOW, no list in effect \
names it" "$(cat "$TMP/over.out")"
"$SECCWRAP" --seccomp.32=mount --seccomp.32.keep=read --seccomp.32.drop=chroot \
	--check 2>"$TMP/over.err"
check overridden/32 "0 seccwrap: warning: --seccomp.32: 'seccomp.32' has no \
effect: 'seccomp.32.keep' (--seccomp.32.keep) takes precedence
seccwrap: warning: --seccomp.32.drop: 'seccomp.32.drop' has no effect: \
'seccomp.32.keep' (--seccomp.32.keep) takes precedence" \
	"$? $(cat "$TMP/over.err")"
"$SECCWRAP" --seccomp.keep=read -p "$TMP/drop.profile" --check \
	2>"$TMP/over.err"
check overridden/keep-first "0 seccwrap: warning: $TMP/drop.profile:1: \
'seccomp.drop' has no effect: 'seccomp.keep' (--seccomp.keep) takes \
precedence" "$? $(cat "$TMP/over.err")"

# block-secondary implies seccomp, which a drop or keep list replaces,
# but it still denies every i386 call: no "has no effect" warning.
"$SECCWRAP" --seccomp.block-secondary --seccomp.drop=mount --check \
	2>"$TMP/bs.err"
check overridden/block-secondary "0 " "$? $(cat "$TMP/bs.err")"
# A bare seccomp line after it is a list of its own, which a drop list
# replaces, and which --explain names.
printf 'seccomp.block-secondary\nseccomp\nseccomp.drop mount\n' \
	>"$TMP/bs.profile"
"$SECCWRAP" -p "$TMP/bs.profile" --check 2>"$TMP/bs.err"
check overridden/block-secondary-then-seccomp "0 seccwrap: warning: \
$TMP/bs.profile:2: 'seccomp' has no effect: 'seccomp.drop' \
($TMP/bs.profile:3) takes precedence" "$? $(cat "$TMP/bs.err")"
printf 'seccomp.block-secondary\nseccomp\n' >"$TMP/bs.profile"
check overridden/block-secondary-explain "chroot (x86_64 161): \
ERRNO(EPERM), from $TMP/bs.profile:2 'seccomp @default-nodebuggers' via \
@default -> @mount" "$("$SECCWRAP" -p "$TMP/bs.profile" --explain=chroot)"

# A drop list of exceptions alone denies nothing: it gets a warning.  In
# a seccomp list, an exception takes a call out of the default group.
for l in seccomp.drop seccomp.32.drop; do
	"$SECCWRAP" "--$l=!mount,!@swap" --check 2>"$TMP/exc.err"
	check "exceptions-only/$l" "0 seccwrap: warning: --$l: '$l' has \
only exceptions, so it denies nothing" "$? $(cat "$TMP/exc.err")"
done
"$SECCWRAP" '--seccomp.drop=!mount,chroot' '--seccomp=!mount' --check \
	2>"$TMP/exc.err"
check exceptions-only/not-alone "0 " "$? $(grep -v 'takes precedence' \
	"$TMP/exc.err")"

# Argument filters alone replace the default list: a -v note reports
# that native calls pass unless one of them denies them, and without -v
# stderr stays empty.
"$SECCWRAP" -v --memory-deny-write-execute --check 2>"$TMP/nolist.err"
check no-native-list/note "0 seccwrap: no seccomp, seccomp.drop or \
seccomp.keep list: x86_64 calls pass unless an argument filter denies them" \
	"$? $(head -n 1 "$TMP/nolist.err")"
"$SECCWRAP" --memory-deny-write-execute --check 2>"$TMP/nolist.err"
check no-native-list/quiet "0 " "$? $(cat "$TMP/nolist.err")"
"$SECCWRAP" -v --memory-deny-write-execute --seccomp --check \
	2>"$TMP/nolist.err"
check no-native-list/with-seccomp "0 0" \
	"$? $(grep -c 'argument filter denies' "$TMP/nolist.err")"

# seccomp.32 lists where the arch runs no 32-bit ABI beside its own.
for a in riscv64 i386; do
	"$SECCWRAP" --arch=$a --seccomp.32.drop=mount --check 2>"$TMP/no32.err"
	check "no-32-bit-abi/$a" "0 seccwrap: warning: --seccomp.32.drop: \
'seccomp.32.drop' has no effect: $a runs no 32-bit ABI beside its native one" \
		"$? $(cat "$TMP/no32.err")"
	# block-secondary still implies seccomp there, and warns.
	"$SECCWRAP" --arch=$a --seccomp.block-secondary --check \
		2>"$TMP/no32.err"
	check "no-32-bit-abi/$a-block-secondary" "0 seccwrap: warning: \
--seccomp.block-secondary: 'seccomp.block-secondary' blocks no ABI: \
$a runs no 32-bit ABI beside its native one" \
		"$? $(cat "$TMP/no32.err")"
done
# Under -v, a 32-bit list names the native list it replaces on i386.
"$SECCWRAP" -v --seccomp --seccomp.32.drop=getpid --check 2>"$TMP/no32.err"
check replaced-on-i386/note "seccwrap: --seccomp.32.drop: \
'seccomp.32.drop' replaces 'seccomp' on i386" \
	"$(grep replaces "$TMP/no32.err")"
"$SECCWRAP" -v --seccomp.32.drop=getpid --check 2>"$TMP/no32.err"
check replaced-on-i386/none "" "$(grep replaces "$TMP/no32.err")"
"$SECCWRAP" --arch=aarch64 --seccomp.block-secondary --check \
	2>"$TMP/no32.err"
check no-32-bit-abi/aarch64-block-secondary "0 " "$? $(cat "$TMP/no32.err")"
