/*
 * Unit tests of the BPF back end: assembler, compiler, emulator, checks
 * and printer.  Random policies are compiled and every range is run
 * through emulate() against a reference evaluator of struct policy.
 *
 * Output: "ok NAME" or "not ok NAME: REASON" per case, "# ..." for
 * measurements; exit status 1 when a case failed.
 *
 *	compile_test [SEED]		run every case
 *	compile_test dump FILE		write the deny-list program to FILE
 *					and print "NR ACTION" for x86_64
 *					numbers 0..499, as bpfeval prints
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "asm.h"
#include "seccwrap.h"

#define X86_64 0xc000003eu
#define I386   0x40000003u
#define X32_BIT 0x40000000u
#define EPERM_ACTION (RET_ERRNO | 1)
#define ENOSYS_ACTION (RET_ERRNO | 38)

/* ---- results ---- */

static char failure[512];
static int failed_cases;

/* Record the first failure of the current case. */
static void
failf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	if (failure[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(failure, sizeof(failure), fmt, ap);
	va_end(ap);
	if (failure[0] == '\0')
		strcpy(failure, "failed");
	/* tests/bpf.sh reads one line per case. */
	for (p = failure; *p != '\0'; p++)
		if (*p == '\n')
			*p = '|';
}

#define CHECK(cond, ...) do {			\
		if (!(cond))			\
			failf(__VA_ARGS__);	\
	} while (0)

static void
run_case(const char *name, void (*fn)(void))
{
	failure[0] = '\0';
	fn();
	if (failure[0] == '\0') {
		printf("ok %s\n", name);
	} else {
		printf("not ok %s: %s\n", name, failure);
		failed_cases++;
	}
	fflush(stdout);
}

/* ---- allocation failures ---- */

/*
 * tests/build.d/bpf.sh links with -Wl,--wrap=malloc,--wrap=realloc, so
 * every allocation outside the C library comes here and fails once
 * alloc_budget allocations have been made (-1: never).
 */
void *__real_malloc(size_t size);
void *__real_realloc(void *ptr, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_realloc(void *ptr, size_t size);

static long alloc_budget = -1;

void *
__wrap_malloc(size_t size)
{
	if (alloc_budget == 0)
		return NULL;
	if (alloc_budget > 0)
		alloc_budget--;
	return __real_malloc(size);
}

void *
__wrap_realloc(void *ptr, size_t size)
{
	if (alloc_budget == 0)
		return NULL;
	if (alloc_budget > 0)
		alloc_budget--;
	return __real_realloc(ptr, size);
}

/* ---- random numbers (xorshift64*, seeded from the command line) ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t
rnd64(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static uint32_t
rnd(uint32_t n)
{
	return n ? (uint32_t)(rnd64() % n) : 0;
}

static uint32_t
rnd32(void)
{
	return (uint32_t)(rnd64() >> 16);
}

/* ---- reference evaluator of struct policy ---- */

static uint32_t
ref_word(unsigned int flags, const struct arg_test *t, const uint64_t *args)
{
	uint64_t v = args[t->arg];

	if (!t->high)
		return (uint32_t)v;
	return (flags & ABI_64BIT) ? (uint32_t)(v >> 32) : 0;
}

static int
ref_test(unsigned int flags, const struct arg_test *t, const uint64_t *args)
{
	uint32_t w = ref_word(flags, t, args);

	switch (t->op) {
	case TEST_EQ:
		return (w & t->mask) == t->value;
	case TEST_NE:
		return (w & t->mask) != t->value;
	default:
		return (w & t->value) != 0;
	}
}

static uint32_t
ref_decide(const struct decision *d, unsigned int flags, const uint64_t *args)
{
	const struct arg_rule *r;
	unsigned int i, t;

	if (d->args == NULL)
		return d->action;
	for (i = 0; i < d->args->nrules; i++) {
		r = &d->args->rule[i];
		for (t = 0; t < r->ntests; t++)
			if (!ref_test(flags, &r->test[t], args))
				break;
		if (t == r->ntests)
			return r->action;
	}
	return d->action;
}

static const struct decision *
ref_lookup(const struct arch_policy *ap, uint32_t nr)
{
	unsigned int lo = 0, hi = ap->nranges;

	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (ap->ranges[mid].lo <= nr)
			lo = mid;
		else
			hi = mid;
	}
	return &ap->ranges[lo].decision;
}

/* ---- policy building ---- */

struct built {
	struct policy p;
	struct range *ranges[POLICY_ARCH_MAX];
	unsigned int cap[POLICY_ARCH_MAX];
	struct arg_filter *filter;
	unsigned int nfilters;
};

static void
built_init(struct built *b, uint32_t bad)
{
	memset(b, 0, sizeof(*b));
	b->p.bad_arch_action = bad;
}

static void
built_free(struct built *b)
{
	unsigned int i;

	for (i = 0; i < POLICY_ARCH_MAX; i++)
		free(b->ranges[i]);
	free(b->filter);
}

static struct arch_policy *
add_arch(struct built *b, uint32_t audit_arch, unsigned int flags)
{
	struct arch_policy *ap = &b->p.arch[b->p.narch];

	ap->audit_arch = audit_arch;
	ap->flags = flags;
	ap->nranges = 0;
	ap->ranges = NULL;
	b->p.narch++;
	return ap;
}

/* Append the range LO..HI to arch I. */
static void
add_range(struct built *b, unsigned int i, uint32_t lo, uint32_t hi,
    uint32_t action, const struct arg_filter *args)
{
	struct arch_policy *ap = &b->p.arch[i];
	struct range *r;

	if (ap->nranges == b->cap[i]) {
		b->cap[i] = b->cap[i] ? b->cap[i] * 2 : 16;
		b->ranges[i] = realloc(b->ranges[i],
		    b->cap[i] * sizeof(*b->ranges[i]));
		if (b->ranges[i] == NULL)
			abort();
	}
	ap->ranges = b->ranges[i];
	r = &ap->ranges[ap->nranges++];
	memset(r, 0, sizeof(*r));
	r->lo = lo;
	r->hi = hi;
	r->decision.action = action;
	r->decision.args = args;
	r->decision.origin = NULL;
}

/* Fill arch I: numbers in the sorted list SET get IN, other numbers
 * below TOP get OUT, and numbers from TOP to 0xffffffff get ABOVE. */
static void
add_set(struct built *b, unsigned int i, const uint32_t *set, unsigned int n,
    uint32_t top, uint32_t in, uint32_t out, uint32_t above)
{
	uint32_t nr = 0;
	unsigned int k;

	for (k = 0; k < n; k++) {
		if (set[k] > nr)
			add_range(b, i, nr, set[k] - 1, out, NULL);
		add_range(b, i, set[k], set[k], in, NULL);
		nr = set[k] + 1;
	}
	if (nr < top)
		add_range(b, i, nr, top - 1, out, NULL);
	add_range(b, i, top, 0xffffffffu, above, NULL);
}

/* ---- checking a compiled policy ---- */

struct stats {
	unsigned long points;
	unsigned long steps_total;
	unsigned int steps_max;
	unsigned int len;
};

static unsigned int
ceil_log2(unsigned int n)
{
	unsigned int k = 0;

	while ((1u << k) < n)
		k++;
	return k;
}

static unsigned int
count_spans(const struct arch_policy *ap)
{
	const struct decision *d, *prev;
	unsigned int i, n = 1;

	for (i = 1; i < ap->nranges; i++) {
		d = &ap->ranges[i].decision;
		prev = &ap->ranges[i - 1].decision;
		n += d->action != prev->action || d->args != prev->args;
	}
	return n;
}

static void
random_args(uint64_t *args)
{
	unsigned int i;

	for (i = 0; i < 6; i++)
		args[i] = rnd64();
}

/* Set the word test T reads in ARGS so that the test passes, when it
 * can. */
static void
satisfy(unsigned int flags, const struct arg_test *t, uint64_t *args)
{
	uint32_t w = ref_word(flags, t, args);
	uint64_t v = args[t->arg];

	switch (t->op) {
	case TEST_EQ:
		w = (w & ~t->mask) | (t->value & t->mask);
		break;
	case TEST_NE:
		if ((w & t->mask) == t->value && t->mask != 0)
			w ^= t->mask & -t->mask;
		break;
	default:
		w |= t->value & -t->value;
		break;
	}
	if (t->high && (flags & ABI_64BIT))
		v = (v & 0xffffffffull) | (uint64_t)w << 32;
	else if (!t->high)
		v = (v & ~0xffffffffull) | w;
	args[t->arg] = v;
}

/* Fill ARGS with junk, then often make the tests of one rule of D
 * pass. */
static void
make_args(const struct decision *d, unsigned int flags, uint64_t *args)
{
	const struct arg_rule *r;
	unsigned int t;

	random_args(args);
	if (d->args == NULL || d->args->nrules == 0 || rnd(4) == 0)
		return;
	r = &d->args->rule[rnd(d->args->nrules)];
	for (t = 0; t < r->ntests; t++)
		if (rnd(8))
			satisfy(flags, &r->test[t], args);
}

/*
 * Count the conditional jumps on the path of (ARCH, NR), following only
 * the instructions an argument-free path may use.
 */
static unsigned int
count_compares(const struct program *prog, uint32_t arch, uint32_t nr)
{
	const struct bpf_insn *p;
	unsigned int pc = 0, n = 0;
	uint32_t a = 0;
	int taken;

	while (pc < prog->len) {
		p = &prog->insn[pc++];
		if (p->code == (BPF_LD | BPF_W | BPF_ABS)) {
			a = p->k == DATA_NR ? nr : arch;
		} else if (p->code == (BPF_JMP | BPF_JA)) {
			pc += p->k;
		} else if (BPF_CLASS(p->code) == BPF_JMP) {
			taken = BPF_OP(p->code) == BPF_JEQ ? a == p->k :
			    BPF_OP(p->code) == BPF_JGE ? a >= p->k :
			    BPF_OP(p->code) == BPF_JGT ? a > p->k :
			    (a & p->k) != 0;
			pc += taken ? p->jt : p->jf;
			n++;
		} else {
			break;
		}
	}
	return n;
}

/* Check one (arch, nr) against the reference evaluator. */
static void
check_point(const struct program *prog, const struct built *b,
    unsigned int ai, uint32_t nr, struct stats *st)
{
	const struct arch_policy *ap = &b->p.arch[ai];
	const struct decision *d = ref_lookup(ap, nr);
	unsigned int steps, v, bound, all_allow = 1;
	uint64_t args[6];
	uint32_t got, want;

	if (d->args == NULL) {
		random_args(args);
		got = emulate(prog, nr, ap->audit_arch, args, &steps);
		CHECK(got == d->action, "arch %#x nr %#x: got %#x, want %#x",
		    ap->audit_arch, nr, got, d->action);
		/* ld arch, the arch jeqs, ld nr, the tree with at most
		 * one JA trampoline per level, ret, and one more JA for a
		 * far arch block. */
		bound = 4 + ai + 2 * ceil_log2(count_spans(ap));
		CHECK(steps <= bound, "arch %#x nr %#x: %u steps, bound %u",
		    ap->audit_arch, nr, steps, bound);
		/* The arch jeqs, then no more compares than a balanced
		 * binary tree over the merged ranges. */
		bound = ai + 1 + ceil_log2(count_spans(ap));
		CHECK(count_compares(prog, ap->audit_arch, nr) <= bound,
		    "arch %#x nr %#x: %u compares, bound %u", ap->audit_arch,
		    nr, count_compares(prog, ap->audit_arch, nr), bound);
		if (st != NULL) {
			st->points++;
			st->steps_total += steps;
			if (steps > st->steps_max)
				st->steps_max = steps;
		}
		CHECK(cache_allows(prog, ap->audit_arch, nr) ==
		    (d->action == RET_ALLOW),
		    "arch %#x nr %#x: cache_allows is %d for action %#x",
		    ap->audit_arch, nr, !cache_allows(prog, ap->audit_arch, nr),
		    d->action);
		return;
	}
	for (v = 0; v < 12; v++) {
		make_args(d, ap->flags, args);
		got = emulate(prog, nr, ap->audit_arch, args, NULL);
		want = ref_decide(d, ap->flags, args);
		all_allow &= got == RET_ALLOW;
		CHECK(got == want, "arch %#x nr %#x args %#llx %#llx %#llx "
		    "%#llx %#llx %#llx: got %#x, want %#x", ap->audit_arch, nr,
		    (unsigned long long)args[0], (unsigned long long)args[1],
		    (unsigned long long)args[2], (unsigned long long)args[3],
		    (unsigned long long)args[4], (unsigned long long)args[5],
		    got, want);
	}
	CHECK(!cache_allows(prog, ap->audit_arch, nr) || all_allow,
	    "arch %#x nr %#x: cached as ALLOW but depends on arguments",
	    ap->audit_arch, nr);
}

static int
policy_has_arch(const struct policy *p, uint32_t arch)
{
	unsigned int i;

	for (i = 0; i < p->narch; i++)
		if (p->arch[i].audit_arch == arch)
			return 1;
	return 0;
}

/* Compile B's policy and check every range boundary, random numbers
 * inside ranges, and other arches; return the compile result. */
static int
check_policy(const struct built *b, struct stats *st)
{
	struct program prog;
	const struct range *r;
	unsigned int ai, i, k;
	uint32_t arch, got;
	int err;

	err = compile_policy(&b->p, &prog);
	if (err) {
		CHECK(prog.insn == NULL, "failed compile left a program");
		CHECK(prog.len == 0, "failed compile left a length");
		return err;
	}
	CHECK(program_check(&prog) == 0, "program_check rejects the program");
	if (st != NULL && prog.len > st->len)
		st->len = prog.len;
	for (ai = 0; ai < b->p.narch; ai++) {
		for (i = 0; i < b->p.arch[ai].nranges; i++) {
			r = &b->p.arch[ai].ranges[i];
			check_point(&prog, b, ai, r->lo, st);
			check_point(&prog, b, ai, r->hi, st);
			if (r->hi - r->lo >= 2) {
				check_point(&prog, b, ai, r->lo + 1, st);
				check_point(&prog, b, ai, r->hi - 1, st);
				check_point(&prog, b, ai,
				    r->lo + rnd(r->hi - r->lo), st);
			}
		}
	}
	for (k = 0; k < 8; k++) {
		arch = k < 4 && b->p.narch ?
		    b->p.arch[rnd(b->p.narch)].audit_arch ^ (1u << rnd(32)) :
		    rnd32();
		if (policy_has_arch(&b->p, arch))
			continue;
		got = emulate(&prog, rnd32(), arch, NULL, NULL);
		CHECK(got == b->p.bad_arch_action, "arch %#x: got %#x, want "
		    "bad_arch_action %#x", arch, got, b->p.bad_arch_action);
	}
	free(prog.insn);
	return 0;
}

/* ---- random policies ---- */

static const struct {
	uint32_t arch;
	unsigned int flags;
} arch_kinds[] = {
	{ X86_64, ABI_64BIT },
	{ I386, 0 },
	{ 0xc00000b7u, ABI_64BIT },			/* aarch64 */
	{ 0x40000028u, 0 },				/* arm */
	{ 0x80000016u, ABI_64BIT | ABI_BIG_ENDIAN },	/* s390x */
	{ 0x00000014u, ABI_BIG_ENDIAN },		/* ppc */
	{ 0x80000008u, ABI_64BIT | ABI_BIG_ENDIAN },	/* mips64 */
	{ 0xc0000015u, ABI_64BIT },			/* ppc64le */
};
#define ARCH_KINDS (sizeof(arch_kinds) / sizeof(arch_kinds[0]))

static uint32_t
random_action(void)
{
	static const uint32_t errnos[] = { 1, 1, 1, 38, 13, 95, 4095 };

	switch (rnd(10)) {
	case 0: case 1: case 2: case 3:
		return RET_ALLOW;
	case 4: case 5: case 6:
		return RET_ERRNO | errnos[rnd(7)];
	case 7:
		return RET_ERRNO | (1 + rnd(4095));
	case 8:
		return RET_KILL_PROCESS;
	default:
		return RET_LOG;
	}
}

static uint32_t
random_mask(void)
{
	switch (rnd(8)) {
	case 0: case 1: case 2:
		return 0xffffffffu;
	case 3: return 0xff;
	case 4: return 0xffff0000u;
	case 5: return 1u << rnd(32);
	case 6: return rnd(16) ? rnd32() : 0;
	default: return rnd32() | rnd32();
	}
}

static void
random_filter(struct arg_filter *f)
{
	struct arg_test *t;
	unsigned int r, i;

	memset(f, 0, sizeof(*f));
	f->nrules = 1 + rnd(FILTER_RULES_MAX);
	for (r = 0; r < f->nrules; r++) {
		f->rule[r].action = random_action();
		f->rule[r].ntests = 1 + rnd(RULE_TESTS_MAX);
		for (i = 0; i < f->rule[r].ntests; i++) {
			t = &f->rule[r].test[i];
			/* Few distinct words, so that loads get reused. */
			t->arg = rnd(3) ? rnd(2) : rnd(6);
			t->high = rnd(4) == 0;
			t->op = rnd(3);
			t->mask = random_mask();
			if (t->op == TEST_ANY)
				t->value = rnd(4) ? 1u << rnd(32) :
				    rnd(8) ? rnd32() : 0;
			else
				t->value = rnd(6) ? rnd32() & t->mask : rnd32();
		}
	}
}

struct gen {
	unsigned int narch_max;
	unsigned int nranges_min;
	unsigned int nranges_max;
	unsigned int args_percent;
};

static int
cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

static uint32_t
random_cut(uint32_t space)
{
	static const uint32_t special[] = {
		X32_BIT, 0x80000000u, 0xffffffffu, 0x7fffffffu, 1, 255, 256,
	};

	switch (rnd(20)) {
	case 0: case 1:
		return X32_BIT + rnd(space);
	case 2:
		return special[rnd(7)];
	case 3: case 4: case 5: case 6:
		return rnd32();
	default:
		return rnd(space);
	}
}

/* Fill arch I of B with N random ranges (fewer after duplicates). */
static void
random_ranges(struct built *b, unsigned int i, unsigned int n,
    unsigned int args_percent)
{
	uint32_t *cut = malloc((2 * n + 1) * sizeof(*cut));
	uint32_t space = 64 + rnd(1200), action, lo;
	const struct arg_filter *args, *prev_args = NULL;
	unsigned int k, ncut = 0;

	if (cut == NULL)
		abort();
	while (ncut + 1 < n) {
		cut[ncut] = random_cut(space);
		/* Single numbers are common in syscall lists. */
		if (rnd(3) == 0 && cut[ncut] < 0xffffffffu) {
			cut[ncut + 1] = cut[ncut] + 1;
			ncut++;
		}
		ncut++;
	}
	qsort(cut, ncut, sizeof(*cut), cmp_u32);
	lo = 0;
	for (k = 0; k <= ncut; k++) {
		if (k < ncut && (cut[k] == 0 || cut[k] == lo))
			continue;
		action = random_action();
		args = NULL;
		if (rnd(100) < args_percent) {
			/* Reuse a filter now and then to share blocks. */
			args = prev_args != NULL && rnd(3) == 0 ? prev_args :
			    &b->filter[rnd(b->nfilters)];
			prev_args = args;
		}
		add_range(b, i, lo, k < ncut ? cut[k] - 1 : 0xffffffffu,
		    action, args);
		if (k < ncut)
			lo = cut[k];
	}
	free(cut);
}

static void
random_policy(struct built *b, const struct gen *g)
{
	unsigned int narch = 1 + rnd(g->narch_max), i, j, kind, flags;
	unsigned int span = g->nranges_max - g->nranges_min + 1;
	unsigned int order = 0;

	built_init(b, rnd(2) ? RET_KILL_PROCESS : random_action());
	b->nfilters = 1 + rnd(6);
	b->filter = malloc(b->nfilters * sizeof(*b->filter));
	if (b->filter == NULL)
		abort();
	for (i = 0; i < b->nfilters; i++)
		random_filter(&b->filter[i]);
	for (i = 0; i < narch; i++) {
		do {
			kind = rnd(ARCH_KINDS);
			for (j = 0; j < i; j++)
				if (b->p.arch[j].audit_arch ==
				    arch_kinds[kind].arch)
					break;
		} while (j < i);
		/* One kernel stores every arch's arguments in its own byte
		 * order: the first arch picks it for all. */
		flags = arch_kinds[kind].flags;
		if (i == 0)
			order = flags & ABI_BIG_ENDIAN;
		flags = (flags & ~(unsigned int)ABI_BIG_ENDIAN) | order;
		add_arch(b, arch_kinds[kind].arch, flags);
		random_ranges(b, i, g->nranges_min + rnd(span),
		    g->args_percent);
	}
}

/*
 * Estimate the instructions arch AP needs without trampolines and RET
 * copies: a jeq and a ld [nr], a tree node per span boundary, a RET per
 * distinct action and up to three insns per test of each distinct
 * argument block.
 */
static unsigned int
estimate_size(const struct arch_policy *ap)
{
	uint32_t *actions = malloc(ap->nranges * 5 * sizeof(*actions));
	const struct decision *d, *e;
	unsigned int i, j, r, n = 0, size = 1 + count_spans(ap);

	if (actions == NULL)
		abort();
	for (i = 0; i < ap->nranges; i++) {
		d = &ap->ranges[i].decision;
		actions[n++] = d->action;
		if (d->args == NULL)
			continue;
		for (j = 0; j < i; j++) {
			e = &ap->ranges[j].decision;
			if (e->action == d->action && e->args == d->args)
				break;
		}
		if (j < i)
			continue;
		for (r = 0; r < d->args->nrules; r++) {
			actions[n++] = d->args->rule[r].action;
			size += 3 * d->args->rule[r].ntests;
		}
	}
	qsort(actions, n, sizeof(*actions), cmp_u32);
	for (i = 0; i < n; i++)
		size += i == 0 || actions[i] != actions[i - 1];
	free(actions);
	return size;
}

static void
random_cases(const struct gen *g, unsigned int count, const char *what)
{
	struct stats st;
	struct built b;
	unsigned int i, too_big = 0, size, a;
	int err;

	memset(&st, 0, sizeof(st));
	for (i = 0; i < count && failure[0] == '\0'; i++) {
		random_policy(&b, g);
		err = check_policy(&b, &st);
		for (size = 1, a = 0; a < b.p.narch; a++)
			size += estimate_size(&b.p.arch[a]);
		if (err == -E2BIG) {
			too_big++;
			/* Well below the limit a policy must fit. */
			CHECK(size > 3000, "policy %u: -E2BIG at an estimated "
			    "%u insns", i, size);
		} else {
			CHECK(err == 0, "policy %u: compile_policy returned "
			    "%d", i, err);
		}
		built_free(&b);
		if (failure[0] != '\0')
			failf("policy %u", i);
	}
	printf("# %s: %u policies, %u too big, max %u insns, %lu points, "
	    "steps max %u mean %.1f\n", what, count, too_big, st.len,
	    st.points, st.steps_max,
	    st.points ? (double)st.steps_total / st.points : 0.0);
}

static void
test_random_small(void)
{
	struct gen g = { 4, 1, 40, 15 };

	random_cases(&g, 400, "random small");
}

static void
test_random_args(void)
{
	struct gen g = { 2, 1, 12, 70 };

	random_cases(&g, 400, "random args");
}

static void
test_random_medium(void)
{
	struct gen g = { 4, 50, 500, 10 };

	random_cases(&g, 60, "random medium");
}

static void
test_random_large(void)
{
	struct gen g = { 2, 1000, 4000, 3 };

	random_cases(&g, 16, "random large");
}

/* ---- realistic lists ---- */

/*
 * firejail's @default-nodebuggers group (firejail 0.9.72) resolved in
 * the Linux 6.1 x86_64 and i386 tables (asm/unistd_64.h, unistd_32.h).
 */
static const uint32_t deny_x86_64[] = {
	101, 103, 134, 135, 136, 139, 153, 154, 155, 156, 159, 161, 163, 164,
	165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178,
	180, 181, 182, 183, 184, 185, 206, 207, 208, 209, 210, 212, 216, 227,
	236, 237, 238, 246, 248, 249, 250, 251, 256, 278, 279, 298, 300, 303,
	304, 305, 310, 311, 313, 320, 321, 323, 428, 429, 430, 431, 432, 433,
	438,
};
static const uint32_t deny_i386[] = {
	17, 21, 22, 25, 26, 31, 32, 35, 44, 51, 52, 53, 56, 58, 61, 62, 68, 69,
	74, 79, 86, 87, 88, 98, 101, 103, 110, 111, 112, 113, 115, 121, 123,
	124, 127, 128, 129, 130, 134, 135, 136, 137, 149, 166, 167, 169, 188,
	189, 217, 245, 246, 247, 248, 249, 253, 257, 264, 273, 274, 276, 283,
	286, 287, 288, 289, 294, 316, 317, 336, 338, 341, 342, 343, 347, 348,
	350, 357, 374, 428, 429, 430, 431, 432, 433, 438,
};
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Table size used for both ABIs. */
#define TABLE_SIZE 460

/*
 * The firejail default as seccwrap builds it: x86_64 and i386 deny the
 * list with EPERM; x32 numbers get EPERM; numbers with bit 31 set pass.
 */
static void
deny_policy(struct built *b)
{
	built_init(b, RET_KILL_PROCESS);
	add_arch(b, X86_64, ABI_64BIT);
	add_set(b, 0, deny_x86_64, NELEM(deny_x86_64), X32_BIT, EPERM_ACTION,
	    RET_ALLOW, EPERM_ACTION);
	/* Replace the last range: x32 gets EPERM, bit 31 passes. */
	b->p.arch[0].ranges[b->p.arch[0].nranges - 1].hi = 0x7fffffffu;
	add_range(b, 0, 0x80000000u, 0xffffffffu, RET_ALLOW, NULL);
	add_arch(b, I386, 0);
	add_set(b, 1, deny_i386, NELEM(deny_i386), 0x80000000u, EPERM_ACTION,
	    RET_ALLOW, RET_ALLOW);
}

/* A 300-name allow list: 300 numbers of 0..TABLE_SIZE-1 picked at
 * random, the rest EPERM, numbers above the table ENOSYS. */
static void
allow_policy(struct built *b)
{
	uint32_t set[2][300];
	unsigned char taken[TABLE_SIZE];
	unsigned int a, n, k;

	built_init(b, RET_KILL_PROCESS);
	for (a = 0; a < 2; a++) {
		memset(taken, 0, sizeof(taken));
		for (n = 0; n < 300; n++) {
			do
				k = rnd(TABLE_SIZE);
			while (taken[k]);
			taken[k] = 1;
		}
		for (n = 0, k = 0; k < TABLE_SIZE; k++)
			if (taken[k])
				set[a][n++] = k;
	}
	add_arch(b, X86_64, ABI_64BIT);
	add_set(b, 0, set[0], 300, TABLE_SIZE, RET_ALLOW, EPERM_ACTION,
	    ENOSYS_ACTION);
	b->p.arch[0].ranges[b->p.arch[0].nranges - 1].hi = X32_BIT - 1;
	add_range(b, 0, X32_BIT, 0x7fffffffu, EPERM_ACTION, NULL);
	add_range(b, 0, 0x80000000u, 0xffffffffu, RET_ALLOW, NULL);
	add_arch(b, I386, 0);
	add_set(b, 1, set[1], 300, TABLE_SIZE, RET_ALLOW, EPERM_ACTION,
	    ENOSYS_ACTION);
	b->p.arch[1].ranges[b->p.arch[1].nranges - 1].hi = 0x7fffffffu;
	add_range(b, 1, 0x80000000u, 0xffffffffu, RET_ALLOW, NULL);
}

/* Measure steps for every number of the table on arch AI. */
static void
measure(const char *what, const struct built *b, unsigned int ai)
{
	struct program prog;
	unsigned int nr, steps, max = 0, allowed = 0, cached = 0;
	unsigned long total = 0;
	uint32_t arch = b->p.arch[ai].audit_arch;

	if (compile_policy(&b->p, &prog) != 0) {
		failf("%s: compile_policy failed", what);
		return;
	}
	for (nr = 0; nr < TABLE_SIZE; nr++) {
		if (emulate(&prog, nr, arch, NULL, &steps) == RET_ALLOW)
			allowed++;
		cached += cache_allows(&prog, arch, nr);
		total += steps;
		if (steps > max)
			max = steps;
	}
	CHECK(cached == allowed, "%s: %u allowed, %u cached", what, allowed,
	    cached);
	printf("# %s: %u insns, %u ranges; nr 0..%u: steps max %u mean %.2f, "
	    "%u allowed, %u cached\n", what, prog.len,
	    count_spans(&b->p.arch[ai]), TABLE_SIZE - 1, max,
	    (double)total / TABLE_SIZE, allowed, cached);
	free(prog.insn);
}

static void
test_deny_list(void)
{
	struct stats st;
	struct built b;

	memset(&st, 0, sizeof(st));
	deny_policy(&b);
	CHECK(check_policy(&b, &st) == 0, "compile_policy failed");
	measure("deny list x86_64", &b, 0);
	measure("deny list i386", &b, 1);
	built_free(&b);
}

static void
test_allow_list(void)
{
	struct stats st;
	struct built b;

	memset(&st, 0, sizeof(st));
	allow_policy(&b);
	CHECK(check_policy(&b, &st) == 0, "compile_policy failed");
	measure("allow list x86_64", &b, 0);
	measure("allow list i386", &b, 1);
	built_free(&b);
}

/* ---- size limits and long jumps ---- */

/* N ranges of two numbers each, cycling through three actions, so that
 * nothing merges and no jeq chain applies. */
static void
striped_policy(struct built *b, unsigned int narch, unsigned int n)
{
	static const uint32_t actions[] = { RET_ALLOW, EPERM_ACTION,
	    RET_LOG };
	unsigned int a, i;

	built_init(b, RET_KILL_PROCESS);
	for (a = 0; a < narch; a++) {
		add_arch(b, arch_kinds[a].arch, arch_kinds[a].flags);
		for (i = 0; i + 1 < n; i++)
			add_range(b, a, 2 * i, 2 * i + 1, actions[i % 3], NULL);
		add_range(b, a, 2 * i, 0xffffffffu, actions[i % 3], NULL);
	}
}

static int
compiles(unsigned int narch, unsigned int n, unsigned int *len)
{
	struct program prog;
	struct built b;
	int err;

	striped_policy(&b, narch, n);
	err = compile_policy(&b.p, &prog);
	*len = prog.len;
	free(prog.insn);
	built_free(&b);
	return err;
}

static void
test_size_limit(void)
{
	unsigned int lo = 1000, hi = 8000, mid, len;
	struct program prog;
	struct built b;
	int err;

	/* Find the largest striped policy that fits. */
	CHECK(compiles(1, lo, &len) == 0, "%u ranges do not fit", lo);
	CHECK(compiles(1, hi, &len) == -E2BIG, "%u ranges fit", hi);
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (compiles(1, mid, &len) == 0)
			lo = mid;
		else
			hi = mid;
	}
	striped_policy(&b, 1, lo);
	CHECK(check_policy(&b, NULL) == 0, "largest policy fails");
	compiles(1, lo, &len);
	CHECK(len <= BPF_MAX_INSNS, "largest policy has %u insns", len);
	CHECK(len > BPF_MAX_INSNS - 8, "largest policy has only %u insns",
	    len);
	built_free(&b);
	striped_policy(&b, 1, hi);
	err = compile_policy(&b.p, &prog);
	CHECK(err == -E2BIG, "one range more: got %d, want -E2BIG", err);
	CHECK(prog.insn == NULL, "-E2BIG left a program behind");
	CHECK(prog.len == 0, "-E2BIG left a length behind");
	built_free(&b);
	printf("# size limit: %u striped ranges fit in %u insns, %u do not\n",
	    lo, len, hi);
	/* Four arches of 1500 ranges each cannot fit either. */
	CHECK(compiles(4, 1500, &len) == -E2BIG, "4 x 1500 ranges fit");
}

static unsigned int
count_code(const struct program *prog, uint16_t code)
{
	unsigned int i, n = 0;

	for (i = 0; i < prog->len; i++)
		n += prog->insn[i].code == code;
	return n;
}

static void
test_long_jump_policy(void)
{
	struct program prog;
	struct built b;
	unsigned int i, far = 0;

	/* Arch 0 needs about 600 insns, so the jeq for arch 1 cannot
	 * reach its block directly. */
	striped_policy(&b, 2, 600);
	CHECK(check_policy(&b, NULL) == 0, "compile_policy failed");
	CHECK(compile_policy(&b.p, &prog) == 0, "compile_policy failed");
	CHECK(prog.len > 1200, "program has only %u insns", prog.len);
	CHECK(count_code(&prog, BPF_JMP | BPF_JA) > 0, "no JA trampoline");
	for (i = 0; i < prog.len; i++)
		if (BPF_CLASS(prog.insn[i].code) == BPF_JMP &&
		    BPF_OP(prog.insn[i].code) == BPF_JA && prog.insn[i].k > 255)
			far++;
	CHECK(far > 0, "no JA spans more than 255 insns");
	free(prog.insn);
	built_free(&b);
}

/* ---- assembler ---- */

static void
test_asm_trampoline(void)
{
	struct assembler a;
	struct program prog;
	unsigned int i;
	int far, ret_far;

	/*
	 *	ld [nr]
	 *	if (nr == 5) goto far; if (nr == 6) return 9;
	 *	300 x "ld #i"
	 *	return 1;
	 * far:	A = 7; return A;
	 */
	asm_init(&a, 0);
	far = asm_label(&a);
	ret_far = asm_label(&a);
	asm_stmt(&a, BPF_LD | BPF_W | BPF_ABS, DATA_NR);
	asm_jump(&a, BPF_JMP | BPF_JEQ | BPF_K, 5, far, ASM_NEXT);
	asm_jump(&a, BPF_JMP | BPF_JEQ | BPF_K, 6, ret_far, ASM_NEXT);
	for (i = 0; i < 300; i++)
		asm_stmt(&a, BPF_LD | BPF_IMM, i);
	asm_stmt(&a, BPF_RET | BPF_K, 1);
	asm_bind(&a, far);
	asm_stmt(&a, BPF_LD | BPF_IMM, 7);
	asm_stmt(&a, BPF_RET | BPF_A, 0);
	asm_bind(&a, ret_far);
	asm_stmt(&a, BPF_RET | BPF_K, 9);
	CHECK(asm_finish(&a, &prog) == 0, "asm_finish failed");
	asm_free(&a);
	if (prog.insn == NULL)
		return;
	CHECK(program_check(&prog) == 0, "program_check rejects it");
	CHECK(prog.len == 309, "length %u, want 309", prog.len);
	CHECK(prog.insn[1].jt == 0, "jeq 5 has jt %u, want 0",
	    prog.insn[1].jt);
	CHECK(prog.insn[1].jf == 1, "jeq 5 has jf %u, want 1",
	    prog.insn[1].jf);
	CHECK(prog.insn[2].code == (BPF_JMP | BPF_JA), "insn 2 is not a JA");
	CHECK(prog.insn[2].k == 303, "insn 2 jumps %u ahead, want 303",
	    prog.insn[2].k);
	CHECK(prog.insn[4].code == (BPF_RET | BPF_K), "insn 4 is not a RET");
	CHECK(prog.insn[4].k == 9, "insn 4 returns %u, want 9",
	    prog.insn[4].k);
	CHECK(emulate(&prog, 5, 0, NULL, NULL) == 7, "nr 5 does not reach "
	    "the far block");
	CHECK(emulate(&prog, 6, 0, NULL, NULL) == 9, "nr 6 does not get 9");
	CHECK(emulate(&prog, 4, 0, NULL, NULL) == 1, "nr 4 does not get 1");
	free(prog.insn);
}

/* Many far jumps to one label share trampolines. */
static void
test_asm_shared_trampoline(void)
{
	struct assembler a;
	struct program prog;
	unsigned int i;
	int far;

	asm_init(&a, 0);
	far = asm_label(&a);
	asm_stmt(&a, BPF_LD | BPF_W | BPF_ABS, DATA_NR);
	for (i = 0; i < 200; i++)
		asm_jump(&a, BPF_JMP | BPF_JEQ | BPF_K, i, far, ASM_NEXT);
	for (i = 0; i < 300; i++)
		asm_stmt(&a, BPF_LD | BPF_IMM, i);
	asm_stmt(&a, BPF_RET | BPF_K, 1);
	asm_bind(&a, far);
	asm_stmt(&a, BPF_LD | BPF_IMM, 7);
	asm_stmt(&a, BPF_RET | BPF_A, 0);
	CHECK(asm_finish(&a, &prog) == 0, "asm_finish failed");
	asm_free(&a);
	if (prog.insn == NULL)
		return;
	CHECK(program_check(&prog) == 0, "program_check rejects it");
	CHECK(count_code(&prog, BPF_JMP | BPF_JA) <= 2, "%u trampolines for "
	    "one target", count_code(&prog, BPF_JMP | BPF_JA));
	for (i = 0; i < 200; i++)
		CHECK(emulate(&prog, i, 0, NULL, NULL) == 7, "nr %u", i);
	CHECK(emulate(&prog, 200, 0, NULL, NULL) == 1, "nr 200");
	free(prog.insn);
}

static void
test_asm_errors(void)
{
	struct assembler a;
	struct program prog;
	unsigned int i;
	int l;

	/* A jump to a label that is never bound. */
	asm_init(&a, 0);
	l = asm_label(&a);
	asm_jump(&a, BPF_JMP | BPF_JEQ | BPF_K, 1, l, ASM_NEXT);
	asm_stmt(&a, BPF_RET | BPF_K, 0);
	CHECK(asm_finish(&a, &prog) == -EINVAL, "unbound label accepted");
	asm_free(&a);

	/* A backward jump. */
	asm_init(&a, 0);
	l = asm_label(&a);
	asm_bind(&a, l);
	asm_stmt(&a, BPF_LD | BPF_W | BPF_ABS, DATA_NR);
	asm_jump(&a, BPF_JMP | BPF_JEQ | BPF_K, 1, l, ASM_NEXT);
	asm_stmt(&a, BPF_RET | BPF_K, 0);
	CHECK(asm_finish(&a, &prog) == -EINVAL, "backward jump accepted");
	asm_free(&a);

	/* A label bound after the last instruction. */
	asm_init(&a, 0);
	l = asm_label(&a);
	asm_jump(&a, BPF_JMP | BPF_JEQ | BPF_K, 1, l, ASM_NEXT);
	asm_stmt(&a, BPF_RET | BPF_K, 0);
	asm_bind(&a, l);
	CHECK(asm_finish(&a, &prog) == -EINVAL, "label past the end "
	    "accepted");
	asm_free(&a);

	/* A label bound twice. */
	asm_init(&a, 0);
	l = asm_label(&a);
	asm_bind(&a, l);
	asm_bind(&a, l);
	asm_stmt(&a, BPF_RET | BPF_K, 0);
	CHECK(asm_finish(&a, &prog) == -EINVAL, "label bound twice");
	asm_free(&a);

	/* 4096 instructions fit, 4097 do not. */
	for (l = 0; l < 2; l++) {
		asm_init(&a, 0);
		for (i = 0; i + 1 < BPF_MAX_INSNS + (unsigned int)l; i++)
			asm_stmt(&a, BPF_LD | BPF_IMM, i);
		asm_stmt(&a, BPF_RET | BPF_K, 0);
		CHECK(asm_finish(&a, &prog) == (l ? -E2BIG : 0),
		    "%u insns: wrong result", BPF_MAX_INSNS + l);
		CHECK(l == 0 || prog.insn == NULL, "-E2BIG left a program");
		free(prog.insn);
		asm_free(&a);
	}
}

/* Equal RETs are emitted once per flush. */
static void
test_asm_shared_ret(void)
{
	struct assembler a;
	struct program prog;
	unsigned int i;

	asm_init(&a, 0);
	asm_stmt(&a, BPF_LD | BPF_W | BPF_ABS, DATA_NR);
	for (i = 0; i < 10; i++)
		asm_jump(&a, BPF_JMP | BPF_JEQ | BPF_K, i,
		    asm_ret(&a, i % 2 ? RET_ALLOW : EPERM_ACTION), ASM_NEXT);
	asm_ja(&a, asm_ret(&a, RET_KILL_PROCESS));
	CHECK(asm_finish(&a, &prog) == 0, "asm_finish failed");
	asm_free(&a);
	CHECK(prog.len == 15, "length %u, want 15", prog.len);
	CHECK(count_code(&prog, BPF_RET | BPF_K) == 3, "%u RETs, want 3",
	    count_code(&prog, BPF_RET | BPF_K));
	for (i = 0; i < 12; i++)
		CHECK(emulate(&prog, i, 0, NULL, NULL) == (i >= 10 ?
		    RET_KILL_PROCESS : i % 2 ? RET_ALLOW : EPERM_ACTION),
		    "nr %u", i);
	free(prog.insn);
}

/* ---- hand-written policies ---- */

static struct program
compile_ok(const struct built *b)
{
	struct program prog;
	int err = compile_policy(&b->p, &prog);

	CHECK(err == 0, "compile_policy returned %d", err);
	return prog;
}

static void
test_no_arch(void)
{
	struct program prog;
	struct built b;

	built_init(&b, RET_KILL_PROCESS);
	prog = compile_ok(&b);
	CHECK(prog.len == 1, "%u insns, want 1", prog.len);
	CHECK(prog.insn[0].code == (BPF_RET | BPF_K), "insn 0 is not a RET");
	CHECK(prog.insn[0].k == RET_KILL_PROCESS, "insn 0 returns %#x",
	    prog.insn[0].k);
	free(prog.insn);
}

static void
test_allow_all(void)
{
	static const struct bpf_insn want[] = {
		{ BPF_LD | BPF_W | BPF_ABS, 0, 0, DATA_ARCH },
		{ BPF_JMP | BPF_JEQ | BPF_K, 0, 1, X86_64 },
		{ BPF_RET | BPF_K, 0, 0, RET_ALLOW },
		{ BPF_RET | BPF_K, 0, 0, RET_KILL_PROCESS },
	};
	struct program prog;
	struct built b;

	built_init(&b, RET_KILL_PROCESS);
	add_arch(&b, X86_64, ABI_64BIT);
	add_range(&b, 0, 0, 0xffffffffu, RET_ALLOW, NULL);
	prog = compile_ok(&b);
	CHECK(prog.len == NELEM(want), "%u insns, want %u", prog.len,
	    (unsigned int)NELEM(want));
	CHECK(prog.len != NELEM(want) ||
	    memcmp(prog.insn, want, sizeof(want)) == 0, "unexpected program");
	CHECK(cache_allows(&prog, X86_64, 12345), "not cacheable");
	CHECK(!cache_allows(&prog, I386, 1), "other arch cacheable");
	free(prog.insn);
	built_free(&b);
}

static void
test_invalid_policy(void)
{
	struct arg_filter f;
	struct program prog;
	struct built b;

	built_init(&b, RET_KILL_PROCESS);
	add_arch(&b, X86_64, ABI_64BIT);
	add_range(&b, 0, 0, 9, RET_ALLOW, NULL);
	add_range(&b, 0, 11, 0xffffffffu, RET_ALLOW, NULL);
	CHECK(compile_policy(&b.p, &prog) == -EINVAL, "gap accepted");
	b.p.arch[0].ranges[1].lo = 10;
	b.p.arch[0].ranges[1].hi = 0xfffffff0u;
	CHECK(compile_policy(&b.p, &prog) == -EINVAL, "short cover accepted");
	b.p.arch[0].ranges[1].hi = 0xffffffffu;
	CHECK(compile_policy(&b.p, &prog) == 0, "valid policy rejected");
	free(prog.insn);
	add_arch(&b, X86_64, ABI_64BIT);
	b.p.arch[1].ranges = b.p.arch[0].ranges;
	b.p.arch[1].nranges = b.p.arch[0].nranges;
	CHECK(compile_policy(&b.p, &prog) == -EINVAL, "arch twice accepted");
	b.p.narch = 1;
	memset(&f, 0, sizeof(f));
	f.nrules = 1;
	f.rule[0].ntests = 1;
	f.rule[0].test[0].arg = 6;
	b.p.arch[0].ranges[0].decision.args = &f;
	CHECK(compile_policy(&b.p, &prog) == -EINVAL, "args[6] accepted");
	f.rule[0].test[0].arg = 0;
	f.rule[0].test[0].op = 3;
	CHECK(compile_policy(&b.p, &prog) == -EINVAL, "op 3 accepted");
	built_free(&b);
}

/* Count the loads from seccomp_data offset K. */
static unsigned int
count_loads(const struct program *prog, uint32_t k)
{
	unsigned int i, n = 0;

	for (i = 0; i < prog->len; i++)
		n += prog->insn[i].code == (BPF_LD | BPF_W | BPF_ABS) &&
		    prog->insn[i].k == k;
	return n;
}

static void
test_word_reuse(void)
{
	struct arg_filter f;
	struct program prog;
	struct built b;
	uint64_t args[6] = { 0 };

	/* args[0] == 1 && args[0] != 2 -> LOG; (args[0] & 0xff) == 3 ->
	 * KILL; (args[0] & 0x10) -> ENOSYS; else EPERM.  One load. */
	memset(&f, 0, sizeof(f));
	f.nrules = 3;
	f.rule[0].action = RET_LOG;
	f.rule[0].ntests = 2;
	f.rule[0].test[0] = (struct arg_test){ 0, 0, TEST_EQ, 0xffffffffu, 1 };
	f.rule[0].test[1] = (struct arg_test){ 0, 0, TEST_NE, 0xffffffffu, 2 };
	f.rule[1].action = RET_KILL_PROCESS;
	f.rule[1].ntests = 1;
	f.rule[1].test[0] = (struct arg_test){ 0, 0, TEST_EQ, 0xff, 3 };
	f.rule[2].action = ENOSYS_ACTION;
	f.rule[2].ntests = 1;
	f.rule[2].test[0] = (struct arg_test){ 0, 0, TEST_ANY, 0, 0x10 };
	built_init(&b, RET_KILL_PROCESS);
	add_arch(&b, X86_64, ABI_64BIT);
	add_range(&b, 0, 0, 99, RET_ALLOW, NULL);
	add_range(&b, 0, 100, 100, EPERM_ACTION, &f);
	add_range(&b, 0, 101, 0xffffffffu, RET_ALLOW, NULL);
	prog = compile_ok(&b);
	CHECK(count_loads(&prog, DATA_ARGS) == 1, "%u loads of args[0].lo",
	    count_loads(&prog, DATA_ARGS));
	/* The and 0xff of rule 1 leaves A unfit for bit 0x10. */
	args[0] = 0x1000000001ull;
	CHECK(emulate(&prog, 100, X86_64, args, NULL) == RET_LOG, "LOG");
	args[0] = 0x103;
	CHECK(emulate(&prog, 100, X86_64, args, NULL) == RET_KILL_PROCESS,
	    "KILL");
	args[0] = 0x110;
	CHECK(emulate(&prog, 100, X86_64, args, NULL) == ENOSYS_ACTION,
	    "ENOSYS");
	args[0] = 0x100000000ull;
	CHECK(emulate(&prog, 100, X86_64, args, NULL) == EPERM_ACTION,
	    "EPERM");
	CHECK(!cache_allows(&prog, X86_64, 100), "arg check cached");
	CHECK(cache_allows(&prog, X86_64, 99), "nr 99 not cached");
	free(prog.insn);
	built_free(&b);
}

/* Which word a test reads follows the ABI's byte order and width. */
static void
test_arg_words(void)
{
	static const struct {
		uint32_t arch;
		unsigned int flags;
		uint32_t lo_off, hi_off;	/* 0: high word is always 0 */
	} abis[] = {
		{ X86_64, ABI_64BIT, 16 + 8, 16 + 12 },
		{ 0x80000016u, ABI_64BIT | ABI_BIG_ENDIAN, 16 + 12, 16 + 8 },
		{ I386, 0, 16 + 8, 0 },
		{ 0x00000014u, ABI_BIG_ENDIAN, 16 + 12, 0 },
	};
	struct arg_filter f;
	struct program prog;
	struct built b;
	uint64_t args[6] = { 0 };
	unsigned int i;

	/* args[1].hi == 0x12345678 && args[1].lo == 9 -> LOG */
	memset(&f, 0, sizeof(f));
	f.nrules = 1;
	f.rule[0].action = RET_LOG;
	f.rule[0].ntests = 2;
	f.rule[0].test[0] = (struct arg_test){ 1, 1, TEST_EQ, 0xffffffffu,
	    0x12345678 };
	f.rule[0].test[1] = (struct arg_test){ 1, 0, TEST_EQ, 0xffffffffu,
	    9 };
	for (i = 0; i < NELEM(abis); i++) {
		built_init(&b, RET_KILL_PROCESS);
		add_arch(&b, abis[i].arch, abis[i].flags);
		add_range(&b, 0, 0, 0xffffffffu, EPERM_ACTION, &f);
		prog = compile_ok(&b);
		if (abis[i].hi_off == 0) {
			/* The high word is 0, so the rule never passes:
			 * ld [arch], jeq, ret ERRNO, ret KILL_PROCESS. */
			CHECK(prog.len == 4, "abi %u: %u insns, want 4", i,
			    prog.len);
		} else {
			CHECK(count_loads(&prog, abis[i].lo_off) == 1,
			    "abi %u: low word not loaded once", i);
			CHECK(count_loads(&prog, abis[i].hi_off) == 1,
			    "abi %u: high word not loaded once", i);
		}
		args[1] = 0x1234567800000009ull;
		CHECK(emulate(&prog, 7, abis[i].arch, args, NULL) ==
		    (abis[i].hi_off ? RET_LOG : EPERM_ACTION), "abi %u: match",
		    i);
		args[1] = 0x0000000912345678ull;
		CHECK(emulate(&prog, 7, abis[i].arch, args, NULL) ==
		    EPERM_ACTION, "abi %u: swapped words", i);
		free(prog.insn);
		built_free(&b);
	}

	/* A ppc task on a ppc64le kernel: AUDIT_ARCH_PPC has no LE bit, yet
	 * the kernel stores the words little-endian, low word first. */
	f.rule[0].ntests = 1;
	f.rule[0].test[0] = f.rule[0].test[1];
	built_init(&b, RET_KILL_PROCESS);
	add_arch(&b, 0x00000014u, 0);
	add_range(&b, 0, 0, 0xffffffffu, EPERM_ACTION, &f);
	prog = compile_ok(&b);
	CHECK(!prog.big_endian, "ppc on ppc64le: program big-endian");
	CHECK(count_loads(&prog, 16 + 8) == 1, "ppc on ppc64le: low word "
	    "not read at +0");
	args[1] = 9;
	CHECK(emulate(&prog, 7, 0x14, args, NULL) == RET_LOG,
	    "ppc on ppc64le: emulator misplaces the low word");
	free(prog.insn);
	built_free(&b);
}

/* ---- emulator and checks ---- */

#define I(code, jt, jf, k) { (code), (jt), (jf), (k) }

static int
check_insns(const struct bpf_insn *insn, unsigned int len)
{
	struct program prog = { (struct bpf_insn *)insn, len, 0 };

	return program_check(&prog);
}

static uint32_t
run_insns(const struct bpf_insn *insn, unsigned int len)
{
	struct program prog = { (struct bpf_insn *)insn, len, 0 };
	uint64_t args[6] = { 0x100000005ull, 0, 0, 0, 0, 0 };

	return emulate(&prog, 3, X86_64, args, NULL);
}

static void
test_emulate_malformed(void)
{
	static const struct bpf_insn jump_out[] = {
		I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 0),
		I(BPF_JMP | BPF_JEQ | BPF_K, 5, 0, 3),
		I(BPF_RET | BPF_K, 0, 0, 1),
	};
	static const struct bpf_insn ja_out[] = {
		I(BPF_JMP | BPF_JA, 0, 0, 0xffffffffu),
		I(BPF_RET | BPF_K, 0, 0, 1),
	};
	static const struct bpf_insn load_far[] = {
		I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 64),
		I(BPF_RET | BPF_A, 0, 0, 0),
	};
	static const struct bpf_insn load_odd[] = {
		I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 2),
		I(BPF_RET | BPF_A, 0, 0, 0),
	};
	static const struct bpf_insn load_half[] = {
		I(BPF_LD | BPF_H | BPF_ABS, 0, 0, 0),
		I(BPF_RET | BPF_A, 0, 0, 0),
	};
	static const struct bpf_insn mem_far[] = {
		I(BPF_ST, 0, 0, 16),
		I(BPF_RET | BPF_A, 0, 0, 0),
	};
	static const struct bpf_insn no_ret[] = {
		I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 0),
	};
	static const struct bpf_insn div_zero[] = {
		I(BPF_LD | BPF_IMM, 0, 0, 10),
		I(BPF_ALU | BPF_DIV | BPF_X, 0, 0, 0),
		I(BPF_RET | BPF_K, 0, 0, 1),
	};

	CHECK(run_insns(jump_out, 3) == EMULATE_INVALID, "jump out");
	CHECK(run_insns(ja_out, 2) == EMULATE_INVALID, "ja out");
	CHECK(run_insns(load_far, 2) == EMULATE_INVALID, "load at 64");
	CHECK(run_insns(load_odd, 2) == EMULATE_INVALID, "load at 2");
	CHECK(run_insns(load_half, 2) == EMULATE_INVALID, "16-bit load");
	CHECK(run_insns(mem_far, 2) == EMULATE_INVALID, "M[16]");
	CHECK(run_insns(no_ret, 1) == EMULATE_INVALID, "no ret");
	CHECK(run_insns(no_ret, 0) == EMULATE_INVALID, "empty");
	CHECK(run_insns(div_zero, 3) == 0, "division by zero");
}

static void
test_emulate_full_set(void)
{
	/* ((args[0].lo + 3) * 2 - 1) via scratch memory and X, compared
	 * with X, then neg/xor/shift/or/and/txa paths. */
	static const struct bpf_insn prog[] = {
		I(BPF_LD | BPF_W | BPF_ABS, 0, 0, DATA_ARGS),	/* A = 5 */
		I(BPF_ALU | BPF_ADD | BPF_K, 0, 0, 3),		/* 8 */
		I(BPF_ST, 0, 0, 4),
		I(BPF_LDX | BPF_IMM, 0, 0, 2),
		I(BPF_ALU | BPF_MUL | BPF_X, 0, 0, 0),		/* 16 */
		I(BPF_ALU | BPF_SUB | BPF_K, 0, 0, 1),		/* 15 */
		I(BPF_LDX | BPF_MEM, 0, 0, 4),			/* X = 8 */
		I(BPF_JMP | BPF_JGT | BPF_X, 0, 12, 0),		/* 15 > 8 */
		I(BPF_ALU | BPF_NEG, 0, 0, 0),			/* -15 */
		I(BPF_ALU | BPF_XOR | BPF_K, 0, 0, 0xffffffffu),/* 14 */
		I(BPF_ALU | BPF_LSH | BPF_K, 0, 0, 4),		/* 224 */
		I(BPF_ALU | BPF_RSH | BPF_K, 0, 0, 1),		/* 112 */
		I(BPF_ALU | BPF_OR | BPF_K, 0, 0, 1),		/* 113 */
		I(BPF_ALU | BPF_DIV | BPF_K, 0, 0, 2),		/* 56 */
		I(BPF_ALU | BPF_AND | BPF_K, 0, 0, 0x3c),	/* 56 */
		I(BPF_MISC | BPF_TAX, 0, 0, 0),
		I(BPF_LD | BPF_W | BPF_LEN, 0, 0, 0),		/* 64 */
		I(BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0),		/* 120 */
		I(BPF_STX, 0, 0, 0),
		I(BPF_JMP | BPF_JSET | BPF_K, 0, 2, 0x40),
		I(BPF_JMP | BPF_JA, 0, 0, 1),
		I(BPF_RET | BPF_K, 0, 0, 2),
		I(BPF_RET | BPF_A, 0, 0, 0),
	};
	struct program p = { (struct bpf_insn *)prog, NELEM(prog), 0 };
	uint64_t args[6] = { 5, 0, 0, 0, 0, 0 };
	unsigned int steps;

	CHECK(program_check(&p) == 0, "program_check rejects it");
	CHECK(emulate(&p, 0, X86_64, args, &steps) == 120, "result %u",
	    emulate(&p, 0, X86_64, args, NULL));
	CHECK(steps == NELEM(prog) - 1, "%u steps", steps);
	CHECK(!cache_allows(&p, X86_64, 0), "cacheable");
}

static void
test_program_check(void)
{
	static const struct bpf_insn ok[] = {
		I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 60),
		I(BPF_RET | BPF_A, 0, 0, 0),
	};
	static const struct bpf_insn bad[][2] = {
		/* Jumps out of range. */
		{ I(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 0),
		  I(BPF_RET | BPF_K, 0, 0, 0) },
		{ I(BPF_JMP | BPF_JA, 0, 0, 1), I(BPF_RET | BPF_K, 0, 0, 0) },
		/* Last instruction is not a RET. */
		{ I(BPF_RET | BPF_K, 0, 0, 0), I(BPF_LD | BPF_IMM, 0, 0, 0) },
		/* Rejected opcodes and operands. */
		{ I(BPF_LD | BPF_B | BPF_ABS, 0, 0, 0),
		  I(BPF_RET | BPF_A, 0, 0, 0) },
		{ I(BPF_LD | BPF_W | BPF_IND, 0, 0, 0),
		  I(BPF_RET | BPF_A, 0, 0, 0) },
		{ I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 64),
		  I(BPF_RET | BPF_A, 0, 0, 0) },
		{ I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 6),
		  I(BPF_RET | BPF_A, 0, 0, 0) },
		{ I(BPF_ALU | BPF_MOD | BPF_K, 0, 0, 3),
		  I(BPF_RET | BPF_A, 0, 0, 0) },
		{ I(BPF_ALU | BPF_DIV | BPF_K, 0, 0, 0),
		  I(BPF_RET | BPF_A, 0, 0, 0) },
		{ I(BPF_ALU | BPF_LSH | BPF_K, 0, 0, 32),
		  I(BPF_RET | BPF_A, 0, 0, 0) },
		{ I(BPF_ST, 0, 0, 16), I(BPF_RET | BPF_A, 0, 0, 0) },
		{ I(BPF_RET | BPF_X, 0, 0, 0), I(BPF_RET | BPF_X, 0, 0, 0) },
		/* Load of a scratch word never stored. */
		{ I(BPF_LD | BPF_MEM, 0, 0, 3), I(BPF_RET | BPF_A, 0, 0, 0) },
	};
	/* Stored on one path only. */
	static const struct bpf_insn half_stored[] = {
		I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 0),
		I(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 1),
		I(BPF_ST, 0, 0, 3),
		I(BPF_LD | BPF_MEM, 0, 0, 3),
		I(BPF_RET | BPF_A, 0, 0, 0),
	};
	struct bpf_insn *big;
	unsigned int i;

	CHECK(check_insns(ok, 2) == 0, "valid program rejected");
	CHECK(check_insns(ok, 0) == -EINVAL, "empty program accepted");
	for (i = 0; i < NELEM(bad); i++)
		CHECK(check_insns(bad[i], 2) == -EINVAL, "bad program %u "
		    "accepted", i);
	CHECK(check_insns(half_stored, 5) == -EINVAL, "load after a store "
	    "on one path accepted");
	big = calloc(BPF_MAX_INSNS + 1, sizeof(*big));
	if (big == NULL)
		abort();
	for (i = 0; i <= BPF_MAX_INSNS; i++)
		big[i].code = BPF_RET | BPF_K;
	CHECK(check_insns(big, BPF_MAX_INSNS) == 0, "4096 insns rejected");
	CHECK(check_insns(big, BPF_MAX_INSNS + 1) == -EINVAL,
	    "4097 insns accepted");
	free(big);
}

static void
test_cache_allows(void)
{
	static const struct bpf_insn allow_data[] = {
		I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 0),
		I(BPF_ALU | BPF_AND | BPF_K, 0, 0, 0xff),
		I(BPF_JMP | BPF_JSET | BPF_K, 0, 1, 0x80),
		I(BPF_JMP | BPF_JA, 0, 0, 1),
		I(BPF_RET | BPF_K, 0, 0, RET_ALLOW),
		I(BPF_RET | BPF_K, 0, 0, RET_ALLOW | 1),
	};
	static const struct bpf_insn arg_load[] = {
		I(BPF_LD | BPF_W | BPF_ABS, 0, 0, DATA_ARGS),
		I(BPF_RET | BPF_K, 0, 0, RET_ALLOW),
	};
	static const struct bpf_insn ret_a[] = {
		I(BPF_LD | BPF_IMM, 0, 0, RET_ALLOW),
		I(BPF_RET | BPF_A, 0, 0, 0),
	};
	struct program p = { (struct bpf_insn *)allow_data, 6, 0 };

	/* nr & 0xff has bit 0x80: ja to ALLOW|1, else ALLOW. */
	CHECK(!cache_allows(&p, X86_64, 0x80), "ALLOW|1 cached");
	CHECK(cache_allows(&p, X86_64, 0x101), "ALLOW not cached");
	p.len = 5;
	CHECK(cache_allows(&p, X86_64, 0x180) == 0, "ran off the end");
	p.insn = (struct bpf_insn *)arg_load;
	p.len = 2;
	CHECK(!cache_allows(&p, X86_64, 0), "argument load cached");
	p.insn = (struct bpf_insn *)ret_a;
	CHECK(!cache_allows(&p, X86_64, 0), "ret A cached");
}

/* ---- printing and dumping ---- */

/* Print PROG into a string (at most SIZE - 1 characters). */
static void
print_to_string(const struct program *prog, char *buf, size_t size)
{
	struct out o;
	int fds[2];
	ssize_t n, len = 0;

	if (pipe(fds) != 0)
		abort();
	out_init(&o, fds[1]);
	print_program(&o, prog);
	out_flush(&o);
	close(fds[1]);
	while (len + 1 < (ssize_t)size &&
	    (n = read(fds[0], buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fds[0]);
}

/* Fail with the first line where GOT and WANT differ. */
static void
check_text(const char *got, const char *want)
{
	unsigned int line = 0;
	size_t g, w;

	for (;;) {
		g = strcspn(got, "\n");
		w = strcspn(want, "\n");
		if (g != w || memcmp(got, want, g) != 0) {
			failf("line %u: got \"%.*s\", want \"%.*s\"", line,
			    (int)g, got, (int)w, want);
			return;
		}
		if (got[g] == '\0' || want[w] == '\0') {
			CHECK(got[g] == want[w], "line %u: length differs",
			    line);
			return;
		}
		got += g + 1;
		want += w + 1;
		line++;
	}
}

static void
test_print_deny(void)
{
	static const char want[] =
	    "   0  ld    [arch]\n"
	    "   1  jeq   x86_64            ? 2 : 7\n"
	    "   2  ld    [nr]\n"
	    "   3  jge   166               ? 5 : 4         # umount2\n"
	    "   4  jeq   165               ? 9 : 8         # mount\n"
	    "   5  jge   0x40000000        ? 6 : 8         # x32 read\n"
	    "   6  jge   0x80000000        ? 8 : 9\n"
	    "   7  ret   KILL_PROCESS\n"
	    "   8  ret   ALLOW\n"
	    "   9  ret   ERRNO(EPERM)\n";
	struct program prog;
	struct built b;
	char got[4096];

	built_init(&b, RET_KILL_PROCESS);
	add_arch(&b, X86_64, ABI_64BIT);
	add_range(&b, 0, 0, 164, RET_ALLOW, NULL);
	add_range(&b, 0, 165, 165, EPERM_ACTION, NULL);
	add_range(&b, 0, 166, X32_BIT - 1, RET_ALLOW, NULL);
	add_range(&b, 0, X32_BIT, 0x7fffffffu, EPERM_ACTION, NULL);
	add_range(&b, 0, 0x80000000u, 0xffffffffu, RET_ALLOW, NULL);
	prog = compile_ok(&b);
	print_to_string(&prog, got, sizeof(got));
	check_text(got, want);
	free(prog.insn);
	built_free(&b);
}

static void
test_print_args(void)
{
	static const char want[] =
	    "   0  ld    [arch]\n"
	    "   1  jeq   i386              ? 2 : 8\n"
	    "   2  ld    [nr]\n"
	    "   3  jeq   125               ? 4 : 9         # mprotect\n"
	    "   4  ld    [args[2].lo]                      # mprotect\n"
	    "   5  jset  0x4               ? 10 : 6\n"
	    "   6  and   0xff\n"
	    "   7  jeq   0x7               ? 10 : 9\n"
	    "   8  ret   KILL_THREAD\n"
	    "   9  ret   ALLOW\n"
	    "  10  ret   ERRNO(EACCES)\n";
	struct arg_filter f;
	struct program prog;
	struct built b;
	char got[4096];

	/* mprotect: (prot & PROT_EXEC) or (prot & 0xff) == 7 -> EACCES;
	 * the second rule reuses the loaded word. */
	memset(&f, 0, sizeof(f));
	f.nrules = 2;
	f.rule[0].action = RET_ERRNO | 13;
	f.rule[0].ntests = 1;
	f.rule[0].test[0] = (struct arg_test){ 2, 0, TEST_ANY, 0, 4 };
	f.rule[1].action = RET_ERRNO | 13;
	f.rule[1].ntests = 1;
	f.rule[1].test[0] = (struct arg_test){ 2, 0, TEST_EQ, 0xff, 7 };
	built_init(&b, RET_KILL_THREAD);
	add_arch(&b, I386, 0);
	add_range(&b, 0, 0, 124, RET_ALLOW, NULL);
	add_range(&b, 0, 125, 125, RET_ALLOW, &f);
	add_range(&b, 0, 126, 0xffffffffu, RET_ALLOW, NULL);
	prog = compile_ok(&b);
	print_to_string(&prog, got, sizeof(got));
	check_text(got, want);
	free(prog.insn);
	built_free(&b);
}

static void
test_print_other(void)
{
	static const struct bpf_insn insns[] = {
		I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 8),
		I(BPF_LDX | BPF_IMM, 0, 0, 5),
		I(BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0),
		I(BPF_ST, 0, 0, 1),
		I(BPF_LD | BPF_H | BPF_ABS, 0, 0, 0),
		I(BPF_JMP | BPF_JA, 0, 0, 0),
		I(BPF_RET | BPF_K, 0, 0, RET_TRAP | 3),
	};
	static const char want[] =
	    "   0  ld    [ip+0]\n"
	    "   1  ldx   #0x5\n"
	    "   2  add   x\n"
	    "   3  st    M[1]\n"
	    "   4  .insn 0x0028 0 0 0x00000000\n"
	    "   5  ja    6\n"
	    "   6  ret   TRAP(3)\n";
	struct program prog = { (struct bpf_insn *)insns, NELEM(insns), 0 };
	char got[4096];

	print_to_string(&prog, got, sizeof(got));
	check_text(got, want);
}

/* Nonzero on a big-endian machine. */
#define HOST_BIG (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)

/* Write PROG with dump_program() in the given order and read it back
 * into BACK (at most SIZE bytes); return the number of bytes. */
static ssize_t
dump_back(const struct program *prog, int big_endian, void *back,
    size_t size)
{
	char path[] = "/tmp/compile_test.XXXXXX";
	ssize_t n;
	int fd;

	struct program p = *prog;

	fd = mkstemp(path);
	if (fd < 0)
		abort();
	p.big_endian = big_endian;
	CHECK(dump_program(fd, &p) == 0, "dump_program failed");
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "lseek failed");
	n = read(fd, back, size);
	close(fd);
	unlink(path);
	return n;
}

static void
test_dump(void)
{
	struct bpf_insn back[16];
	unsigned char raw[16 * 8];
	const unsigned char *p;
	struct program prog;
	struct built b;
	unsigned int i;
	ssize_t n;

	built_init(&b, RET_KILL_PROCESS);
	add_arch(&b, X86_64, ABI_64BIT);
	add_range(&b, 0, 0, 9, RET_ALLOW, NULL);
	add_range(&b, 0, 10, 0xffffffffu, EPERM_ACTION, NULL);
	prog = compile_ok(&b);
	n = dump_back(&prog, HOST_BIG, back, sizeof(back));
	CHECK(n == (ssize_t)(prog.len * 8), "read %zd bytes, want %u", n,
	    prog.len * 8);
	CHECK(memcmp(back, prog.insn, prog.len * 8) == 0, "bytes differ");
	/* A filter for a kernel of the other byte order, as --arch=s390x
	 * writes on x86_64: code and k reversed, jt and jf as they are. */
	n = dump_back(&prog, !HOST_BIG, raw, sizeof(raw));
	CHECK(n == (ssize_t)(prog.len * 8), "other order: read %zd bytes", n);
	for (i = 0; i < prog.len && n == (ssize_t)(prog.len * 8); i++) {
		p = raw + 8 * i;
		CHECK(p[0] == (HOST_BIG ? prog.insn[i].code & 0xff :
		    prog.insn[i].code >> 8), "other order: code of %u", i);
		CHECK(p[2] == prog.insn[i].jt, "other order: jt of %u", i);
		CHECK(p[3] == prog.insn[i].jf, "other order: jf of %u", i);
		CHECK(p[4] == (HOST_BIG ? prog.insn[i].k & 0xff :
		    prog.insn[i].k >> 24), "other order: k of %u", i);
	}
	CHECK(dump_program(-1, &prog) == -EBADF, "bad fd not reported");
	free(prog.insn);
	built_free(&b);
}

/* out_text() with a MAX that ends inside a UTF-8 character: the text
 * lies at the end of a page whose next page is unmapped, so a read past
 * MAX faults. */
static void
test_out_text_bound(void)
{
	static const struct {
		const char *text;
		const char *want;
	} cases[] = {
		{ "\xc3", "\\xc3" },
		{ "a\xe6\x97", "a\\xe6\\x97" },
		{ "\xf0\x9d\x84", "\\xf0\\x9d\\x84" },
		{ "\xc3\xa9", "\xc3\xa9" },
		{ "\xf0\x9d\x84\x9e", "\xf0\x9d\x84\x9e" },
	};
	long page = sysconf(_SC_PAGESIZE);
	struct out o;
	unsigned int i;
	size_t n;
	char *map, *text;

	map = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(map != MAP_FAILED, "mmap: %s", strerror(errno));
	if (map == MAP_FAILED)
		return;
	CHECK(mprotect(map + page, (size_t)page, PROT_NONE) == 0,
	      "mprotect: %s", strerror(errno));
	for (i = 0; i < NELEM(cases); i++) {
		n = strlen(cases[i].text);
		text = map + page - n;
		memcpy(text, cases[i].text, n);
		out_init(&o, -1);
		out_text(&o, text, n);
		CHECK(o.len == strlen(cases[i].want),
		      "case %u: length %u", i, o.len);
		CHECK(memcmp(o.buf, cases[i].want, o.len) == 0,
		      "case %u: got %.*s", i, (int)o.len, o.buf);
	}
	munmap(map, (size_t)page * 2);
}

/* Every allocation the compiler makes may fail: -ENOMEM, no program. */
static void
test_enomem(void)
{
	struct arg_filter f;
	struct program prog;
	struct built b;
	char text[16384];
	const char *p;
	unsigned int lines;
	long budget;
	int err = -ENOMEM;

	memset(&f, 0, sizeof(f));
	f.nrules = 1;
	f.rule[0].action = RET_LOG;
	f.rule[0].ntests = 1;
	f.rule[0].test[0] = (struct arg_test){ 0, 0, TEST_EQ, 0xffffffffu,
	    1 };
	deny_policy(&b);
	b.p.arch[1].ranges[0].decision.args = &f;
	for (budget = 0; budget < 1000 && err == -ENOMEM; budget++) {
		alloc_budget = budget;
		err = compile_policy(&b.p, &prog);
		alloc_budget = -1;
		CHECK(err == 0 || err == -ENOMEM, "budget %ld: got %d", budget,
		    err);
		CHECK(err == 0 || prog.insn == NULL, "budget %ld: -ENOMEM "
		    "left a program", budget);
		CHECK(err == 0 || prog.len == 0, "budget %ld: -ENOMEM left a "
		    "length", budget);
	}
	CHECK(err == 0, "still %d after %ld allocations", err, budget - 1);
	CHECK(budget > 3, "compiled with only %ld allocations", budget - 1);
	/* Without memory for its notes the printer still prints. */
	alloc_budget = 0;
	print_to_string(&prog, text, sizeof(text));
	alloc_budget = -1;
	for (lines = 0, p = text; *p != '\0'; p++)
		lines += *p == '\n';
	CHECK(lines == prog.len, "printed %u lines for %u insns", lines,
	    prog.len);
	CHECK(strstr(text, "  ret   ALLOW\n") != NULL, "no \"ret ALLOW\"");
	free(prog.insn);
	built_free(&b);
}

/* ---- dump mode for tests/bpf.sh ---- */

static int
dump_mode(const char *path)
{
	struct program prog;
	struct built b;
	unsigned int nr;
	int fd, err;

	deny_policy(&b);
	err = compile_policy(&b.p, &prog);
	if (err) {
		fprintf(stderr, "compile_test: compile_policy: %d\n", err);
		return 1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || dump_program(fd, &prog) != 0 ||
	    close(fd) != 0) {
		perror(path);
		return 1;
	}
	for (nr = 0; nr < 500; nr++)
		printf("%u 0x%08x\n", nr, emulate(&prog, nr, X86_64, NULL,
		    NULL));
	free(prog.insn);
	built_free(&b);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*fn)(void);
	} cases[] = {
		{ "asm-trampoline", test_asm_trampoline },
		{ "asm-shared-trampoline", test_asm_shared_trampoline },
		{ "asm-shared-ret", test_asm_shared_ret },
		{ "asm-errors", test_asm_errors },
		{ "emulate-malformed", test_emulate_malformed },
		{ "emulate-full-set", test_emulate_full_set },
		{ "program_check", test_program_check },
		{ "cache_allows", test_cache_allows },
		{ "compile-no-arch", test_no_arch },
		{ "compile-allow-all", test_allow_all },
		{ "compile-invalid-policy", test_invalid_policy },
		{ "compile-word-reuse", test_word_reuse },
		{ "compile-arg-words", test_arg_words },
		{ "compile-long-jump", test_long_jump_policy },
		{ "compile-size-limit", test_size_limit },
		{ "compile-deny-list", test_deny_list },
		{ "compile-allow-list", test_allow_list },
		{ "random-small", test_random_small },
		{ "random-args", test_random_args },
		{ "random-medium", test_random_medium },
		{ "random-large", test_random_large },
		{ "print-deny", test_print_deny },
		{ "print-args", test_print_args },
		{ "print-other", test_print_other },
		{ "dump", test_dump },
		{ "compile-enomem", test_enomem },
		{ "out-text-bound", test_out_text_bound },
	};
	unsigned int i;

	if (argc == 3 && strcmp(argv[1], "dump") == 0)
		return dump_mode(argv[2]);
	if (argc == 2)
		rng_state = strtoull(argv[1], NULL, 0) * 0x9e3779b97f4a7c15ull +
		    0x2545f4914f6cdd1dull;
	printf("# seed %#llx\n", (unsigned long long)rng_state);
	for (i = 0; i < NELEM(cases); i++)
		run_case(cases[i].name, cases[i].fn);
	printf("# %u cases, %d failed\n", (unsigned int)NELEM(cases),
	    failed_cases);
	return failed_cases != 0;
}
