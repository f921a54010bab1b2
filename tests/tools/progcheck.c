/*
 * Check a compiled program against its policy: see progcheck.h.
 */
#include <string.h>

#include "progcheck.h"

#define ARG_TRIALS 64
#define SEED 0x9e3779b97f4a7c15ULL

static uint64_t seed = SEED;

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

/* Return the action the rules give ARGS, read straight from the policy. */
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

/* Return a message when the ranges of AP do not cover 0..0xffffffff in
 * order, else NULL. */
static const char *
check_ranges(const struct arch_policy *ap, uint32_t *nr)
{
	unsigned int j;

	if (ap->nranges == 0 || ap->ranges[0].lo != 0) {
		*nr = 0;
		return "the ranges do not start at 0";
	}
	for (j = 0; j < ap->nranges; j++) {
		*nr = ap->ranges[j].lo;
		if (ap->ranges[j].hi < ap->ranges[j].lo)
			return "a range ends before it starts";
		if (j > 0 && ap->ranges[j].lo != ap->ranges[j - 1].hi + 1)
			return "the ranges overlap or leave a gap";
	}
	*nr = ap->ranges[ap->nranges - 1].hi;
	if (*nr != 0xffffffffu)
		return "the ranges do not end at 0xffffffff";
	return NULL;
}

/* Check the ends and the middle of range R, or every number when it has
 * at most five. */
static int
check_range(const struct program *prog, const struct arch_policy *ap,
	    const struct range *r, struct progcheck_result *res)
{
	static const uint64_t zero[6];
	unsigned int steps;
	uint32_t nr;

	for (nr = r->lo; ; nr++) {
		if (nr == r->lo + 2 && r->hi - r->lo > 4)
			nr = r->lo + (r->hi - r->lo) / 2;
		else if (nr == r->lo + (r->hi - r->lo) / 2 + 1 &&
			 r->hi - r->lo > 4)
			nr = r->hi - 1;
		if (check_number(prog, ap, &r->decision, nr, &res->why) < 0) {
			res->arch = ap->audit_arch;
			res->nr = nr;
			return -1;
		}
		if (r->decision.args == NULL) {
			emulate(prog, nr, ap->audit_arch, zero, &steps);
			if (steps > res->max_steps)
				res->max_steps = steps;
		}
		if (nr == r->hi)
			return 0;
	}
}

int
progcheck(const struct policy *policy, const struct program *prog,
	  struct progcheck_result *res)
{
	/* Arches no x86_64 policy names: AArch64, and two odd values. */
	static const uint32_t foreign[] = { 0xc00000b7u, 0, 0xffffffffu };
	static const uint64_t zero[6];
	const struct arch_policy *ap;
	unsigned int i, j;

	memset(res, 0, sizeof(*res));
	seed = SEED;
	if (program_check(prog) < 0) {
		res->why = "the kernel would reject the program";
		return -1;
	}
	for (i = 0; i < policy->narch; i++) {
		ap = &policy->arch[i];
		res->why = check_ranges(ap, &res->nr);
		if (res->why != NULL) {
			res->arch = ap->audit_arch;
			return -1;
		}
		for (j = 0; j < ap->nranges; j++)
			if (check_range(prog, ap, &ap->ranges[j], res) < 0)
				return -1;
	}
	for (i = 0; i < sizeof(foreign) / sizeof(foreign[0]); i++) {
		for (j = 0; j < policy->narch; j++)
			if (policy->arch[j].audit_arch == foreign[i])
				break;
		if (j < policy->narch)
			continue;
		if (emulate(prog, 0, foreign[i], zero, NULL) !=
		    policy->bad_arch_action) {
			res->why = "an unknown arch does not get the bad-arch "
				   "action";
			res->arch = foreign[i];
			return -1;
		}
	}
	return 0;
}
