/*
 * policycheck PROFILE...: for each profile, build the policy and the
 * program as seccwrap does, then check the program against the policy
 * with the BPF emulator, for every number of every host ABI (x32
 * included, which a kernel without CONFIG_X86_X32_ABI cannot run):
 *
 *   - argument-free decisions: the emulated action equals the policy's,
 *     and the kernel's action cache (Linux 5.11) sees every allowed
 *     number as constant-allow and no other number as such;
 *   - argument checks: random and boundary argument words, junk in the
 *     high words included, give what a direct reading of the rules says.
 *
 * One line per profile: "ok PROFILE ..." or "FAIL PROFILE: reason".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seccwrap.h"

#define ARG_TRIALS 64

static uint64_t seed = 0x9e3779b97f4a7c15ULL;

static uint64_t
random64(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

static uint32_t
word(const uint64_t args[6], const struct arg_test *t, unsigned int flags)
{
	uint64_t v = args[t->arg];

	if (t->high)
		return (flags & ABI_64BIT) ? (uint32_t)(v >> 32) : 0;
	return (uint32_t)v;
}

/* What the rules say for ARGS, read straight from the policy. */
static uint32_t
expected(const struct decision *d, const uint64_t args[6],
	 unsigned int flags)
{
	const struct arg_rule *r;
	const struct arg_test *t;
	unsigned int i, j;
	uint32_t w;
	int holds;

	for (i = 0; i < d->args->nrules; i++) {
		r = &d->args->rule[i];
		holds = 1;
		for (j = 0; j < r->ntests && holds; j++) {
			t = &r->test[j];
			w = word(args, t, flags);
			if (t->op == TEST_EQ)
				holds = (w & t->mask) == t->value;
			else if (t->op == TEST_NE)
				holds = (w & t->mask) != t->value;
			else
				holds = (w & t->value) != 0;
		}
		if (holds)
			return r->action;
	}
	return d->action;
}

/* Fill ARGS with random words, or with the values the rules test. */
static void
make_args(uint64_t args[6], const struct decision *d, unsigned int trial)
{
	const struct arg_rule *r;
	const struct arg_test *t;
	unsigned int i;

	for (i = 0; i < 6; i++)
		args[i] = random64();
	if (trial % 2 == 0 || d->args->nrules == 0)
		return;
	/* Use a tested value in the low word, junk or zero in the high. */
	r = &d->args->rule[random64() % d->args->nrules];
	for (i = 0; i < r->ntests; i++) {
		t = &r->test[i];
		if (t->high)
			continue;
		args[t->arg] = (trial % 4 == 1 ? 0 : random64() << 32) |
			       (t->value ^ (trial % 8 == 3 ? 1u : 0u));
	}
}

static int
check_number(const struct program *prog, const struct arch_policy *ap,
	      const struct decision *d, uint32_t nr, const char **why)
{
	static const uint64_t zero[6];
	uint64_t args[6];
	unsigned int trial;
	uint32_t got, want;
	int cached;

	if (d->args == NULL) {
		got = emulate(prog, nr, ap->audit_arch, zero, NULL);
		if (got != d->action) {
			*why = "emulated action differs from the policy";
			return -1;
		}
		cached = cache_allows(prog, ap->audit_arch, nr);
		if (cached != (d->action == RET_ALLOW)) {
			*why = cached ? "cache allows a denied number" :
				"an allowed number is not cache-eligible";
			return -1;
		}
		return 0;
	}
	for (trial = 0; trial < ARG_TRIALS; trial++) {
		make_args(args, d, trial);
		got = emulate(prog, nr, ap->audit_arch, args, NULL);
		want = expected(d, args, ap->flags);
		if (got != want) {
			*why = "argument check differs from the rules";
			return -1;
		}
	}
	if (cache_allows(prog, ap->audit_arch, nr)) {
		*why = "cache allows an argument-checked number";
		return -1;
	}
	return 0;
}

static int
check_profile(const char *path)
{
	struct settings s;
	struct policy p;
	struct program prog;
	const struct arch_policy *ap;
	const struct range *r;
	const char *why = NULL;
	unsigned int i, j, steps, max_steps = 0;
	uint32_t nr;
	static const uint64_t zero[6];

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
	if (compile_policy(&p, &prog) < 0 || program_check(&prog) < 0) {
		printf("FAIL %s: no valid program\n", path);
		return 1;
	}
	for (i = 0; i < p.narch; i++) {
		ap = &p.arch[i];
		for (j = 0; j < ap->nranges; j++) {
			r = &ap->ranges[j];
			for (nr = r->lo; ; nr++) {
				/* Check the ends and a middle of long ranges. */
				if (nr == r->lo + 2 && r->hi - r->lo > 4)
					nr = r->lo + (r->hi - r->lo) / 2;
				else if (nr == r->lo + (r->hi - r->lo) / 2 + 1 &&
					 r->hi - r->lo > 4)
					nr = r->hi - 1;
				if (check_number(&prog, ap, &r->decision, nr,
						 &why) < 0) {
					printf("FAIL %s: arch %#x nr %#x: %s\n",
					       path, ap->audit_arch, nr, why);
					return 1;
				}
				if (r->decision.args == NULL) {
					emulate(&prog, nr, ap->audit_arch,
						zero, &steps);
					if (steps > max_steps)
						max_steps = steps;
				}
				if (nr == r->hi)
					break;
			}
		}
	}
	printf("ok %s insns=%u max-steps=%u\n", path, prog.len, max_steps);
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
