/*
 * policycheck PROFILE...: for each profile, build the policy and the
 * program as seccwrap does, then check the program against the policy
 * with the BPF emulator, for every number of every host ABI (x32
 * included, which a kernel without CONFIG_X86_X32_ABI cannot run).
 * progcheck.c holds the checks.
 *
 * One line per profile: "ok PROFILE ..." or "FAIL PROFILE: reason".
 */
#include <stdio.h>
#include <string.h>

#include "progcheck.h"

static int
check_profile(const char *path)
{
	struct settings s;
	struct policy p;
	struct program prog;
	struct progcheck_result res;

	memset(&s, 0, sizeof(s));
	s.error_errno = 1;
	if (profile_read(&s, path) || policy_build(&s, RET_KILL_PROCESS, &p)) {
		printf("FAIL %s: the profile does not load\n", path);
		return 1;
	}
	if (!s.filter_requested) {
		printf("ok %s no-filter\n", path);
		return 0;
	}
	if (compile_policy(&p, &prog) < 0) {
		printf("FAIL %s: no valid program\n", path);
		return 1;
	}
	if (progcheck(&p, &prog, &res) < 0) {
		printf("FAIL %s: arch %#x nr %#x: %s\n", path, res.arch, res.nr,
		       res.why);
		return 1;
	}
	printf("ok %s insns=%u max-steps=%u\n", path, prog.len,
	       res.max_steps);
	return 0;
}

int
main(int argc, char **argv)
{
	int i, failed = 0;

	msg_quiet = 1;
	for (i = 1; i < argc; i++)
		failed += check_profile(argv[i]);
	return failed != 0;
}
