# A filter written by --dump, loaded by bubblewrap (bwrap --seccomp FD):
# the raw struct sock_filter format is the one bwrap reads.

PROBE=$TESTS/out/sysprobe64

if ! command -v bwrap >/dev/null 2>&1; then
	skip dump-in-bwrap "bwrap not found (package bubblewrap)"
	return 0 2>/dev/null || exit 0
fi
if ! bwrap --ro-bind / / --dev /dev --proc /proc true 2>"$TMP/err"; then
	skip dump-in-bwrap "bwrap cannot run here: $(cat "$TMP/err")"
	return 0 2>/dev/null || exit 0
fi

"$SECCWRAP" --seccomp.drop=mount,getpid:EACCES --dump="$TMP/filter.bpf"
check dump-status 0 $?

# bwrap_run FILTER OP...: run sysprobe under bwrap, with FILTER if given.
bwrap_run() {
	filter=$1
	shift
	if [ -n "$filter" ]; then
		bwrap --ro-bind / / --dev /dev --proc /proc --seccomp 3 \
			"$PROBE" "$@" 3<"$filter"
	else
		bwrap --ro-bind / / --dev /dev --proc /proc "$PROBE" "$@"
	fi
}

plain=$(bwrap_run "" getpid mount)
filtered=$(bwrap_run "$TMP/filter.bpf" getpid mount write)
check unfiltered-getpid-runs "" \
	"$(echo "$plain" | grep '^getpid ret=-1')"
check bwrap-getpid-eacces "getpid ret=-1 errno=EACCES" \
	"$(echo "$filtered" | grep '^getpid')"
check bwrap-mount-eperm "mount ret=-1 errno=EPERM" \
	"$(echo "$filtered" | grep '^mount')"
check bwrap-write-allowed "write ret=0 errno=0" \
	"$(echo "$filtered" | grep '^write')"
