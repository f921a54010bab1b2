/*
 * Fuzz harness for the whole path of a profile: profile_read(), then
 * policy_build(), compile_policy() and the checks of
 * tests/tools/progcheck.c.  Every input must either be rejected with an
 * error message (a filter over 4096 instructions included), or give a
 * program the kernel would load whose emulated decision for every
 * number of every host ABI is the policy's, with execve allowed.  A
 * failed allocation must end in an error.
 */
#include <errno.h>
#include <stdio.h>

#include "arena.h"
#include "common.h"
#include "progcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Fail unless the native execve is allowed whatever its arguments:
 * seccwrap execs the command under its own filter.  execveat may be
 * denied. */
static void
check_exec_allowed(const struct policy *p)
{
	const struct arch_policy *ap = &p->arch[0];
	unsigned int j;
	long nr;

	nr = abi_syscall_nr(host_abis[0],
			    (unsigned int)syscall_lookup("execve"));
	for (j = 0; j < ap->nranges; j++) {
		if ((uint32_t)nr < ap->ranges[j].lo ||
		    (uint32_t)nr > ap->ranges[j].hi)
			continue;
		if (ap->ranges[j].decision.args != NULL ||
		    (ap->ranges[j].decision.action != RET_ALLOW &&
		     ap->ranges[j].decision.action != RET_LOG))
			fuzz_fail("the policy denies execve");
	}
}

/* Return 1 when the run ended in an error that main() reports. */
static int
check_program(const struct settings *s, size_t size)
{
	/* Odd sizes stand for a kernel without SECCOMP_RET_KILL_PROCESS. */
	uint32_t kill = size & 1 ? RET_KILL_THREAD : RET_KILL_PROCESS;
	struct policy p;
	struct program prog;
	struct progcheck_result res;
	char text[160];
	unsigned int errors;
	int r;

	errors = policy_build(s, kill, &p);
	fuzz_check_reported("policy_build", errors, 0);
	if (errors)
		return 1;
	if (p.narch == 0 || p.arch[0].audit_arch != host_abis[0]->audit_arch)
		fuzz_fail("the policy does not start with the native arch");
	if (p.bad_arch_action != kill)
		fuzz_fail("an unknown arch does not get the kill action");
	check_exec_allowed(&p);
	r = compile_policy(&p, &prog);
	/* main() reports both and exits 125. */
	if (r == -E2BIG || (r == -ENOMEM && arena_failed()))
		return 1;
	if (r < 0) {
		snprintf(text, sizeof(text), "compile_policy returned %d", r);
		fuzz_fail(text);
	}
	if (progcheck(&p, &prog, &res) < 0) {
		snprintf(text, sizeof(text), "arch %#x nr %#x: %s", res.arch,
			 res.nr, res.why);
		fuzz_fail(text);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings s;
	const char *path = fuzz_start(data, size, &s);
	unsigned int errors = profile_read(&s, path);
	int rejected = errors != 0;

	fuzz_check_reported("profile_read", errors, 0);
	if (errors == 0) {
		fuzz_check_settings(&s);
		if (s.filter_requested)
			rejected = check_program(&s, size);
	}
	fuzz_check_allocation(rejected);
	fuzz_end();
	return 0;
}
