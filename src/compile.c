/*
 * Compiler: struct policy -> seccomp BPF program.
 *
 * Layout:
 *
 *	ld [arch]
 *	jeq ARCH_0 ? block_0 : next	one per struct arch_policy
 *	jeq ARCH_1 ? block_1 : bad	any other arch: bad_arch_action
 *   block_i:
 *	ld [nr]
 *	search tree over number ranges	jge (and jeq) with constants
 *	argument blocks			one per distinct (action, args)
 *	ret ...				shared RETs of this block
 *
 * Decisions that depend only on (arch, nr) use only ld [nr]/[arch],
 * jeq/jge K, ja and ret K, the subset the kernel's action cache
 * (Linux >= 5.11) emulates, so constant-ALLOW syscalls skip BPF.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "asm.h"
#include "seccwrap.h"

/* A run of numbers with one decision: from LO to the next span's LO. */
struct span {
	uint32_t lo;
	const struct decision *d;
};

/* A rule after dropping tests whose result is known in advance. */
struct live_rule {
	uint32_t action;
	unsigned int ntests;
	const struct arg_test *test[RULE_TESTS_MAX];
};

/* The argument block of one distinct (action, args) pair. */
struct arg_block {
	uint32_t action;
	const struct arg_filter *args;
	int label;			/* start of the block */
	unsigned int nrules;		/* 0: the block is "ret fallback" */
	struct live_rule rule[FILTER_RULES_MAX];
	uint32_t fallback;		/* when no live rule passes */
};

/* The known content of the accumulator A: (word at OFF) & MASK. */
struct acc {
	int known;		/* 0: A may contain anything */
	uint32_t off;
	uint32_t mask;
};

struct arch_ctx {
	const struct arch_policy *arch;
	struct span *span;
	unsigned int nspans;
	struct arg_block *block;
	unsigned int nblocks;
	int entry;			/* where the arch dispatch jumps */
};

static int
same_decision(const struct decision *x, const struct decision *y)
{
	return x->action == y->action && x->args == y->args;
}

static int
check_filter(const struct arg_filter *f)
{
	unsigned int r, t;

	if (f->nrules > FILTER_RULES_MAX)
		return -EINVAL;
	for (r = 0; r < f->nrules; r++) {
		if (f->rule[r].ntests > RULE_TESTS_MAX)
			return -EINVAL;
		for (t = 0; t < f->rule[r].ntests; t++)
			if (f->rule[r].test[t].arg > 5 ||
			    f->rule[r].test[t].op > TEST_ANY)
				return -EINVAL;
	}
	return 0;
}

/* Check that the ranges are sorted and cover 0..0xffffffff. */
static int
check_arch(const struct arch_policy *ap)
{
	unsigned int i;
	uint32_t next = 0;

	if (ap->nranges == 0 || ap->ranges == NULL)
		return -EINVAL;
	for (i = 0; i < ap->nranges; i++) {
		if (ap->ranges[i].lo != next ||
		    ap->ranges[i].hi < ap->ranges[i].lo)
			return -EINVAL;
		if (ap->ranges[i].decision.args != NULL &&
		    check_filter(ap->ranges[i].decision.args))
			return -EINVAL;
		next = ap->ranges[i].hi + 1;
		if (ap->ranges[i].hi == 0xffffffffu)
			return i + 1 == ap->nranges ? 0 : -EINVAL;
	}
	return -EINVAL;
}

static int
check_policy(const struct policy *p)
{
	unsigned int i, j;
	int err;

	if (p->narch > POLICY_ARCH_MAX)
		return -EINVAL;
	for (i = 0; i < p->narch; i++) {
		for (j = 0; j < i; j++)
			if (p->arch[j].audit_arch == p->arch[i].audit_arch)
				return -EINVAL;
		err = check_arch(&p->arch[i]);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Return the offset of the 32-bit word test T reads, or -1 when the word
 * is always 0.  That is the high word on a 32-bit ABI, whose arguments
 * the kernel fills from 32-bit registers.  Little-endian ABIs store the
 * low word first.
 */
static long
word_offset(unsigned int flags, const struct arg_test *t)
{
	uint32_t base = DATA_ARGS + 8 * t->arg;
	int first;

	if (t->high && !(flags & ABI_64BIT))
		return -1;
	first = (flags & ABI_BIG_ENDIAN) ? t->high : !t->high;
	return first ? base : base + 4;
}

/* Return 1 (passes) or 0 (fails) when the result of test T does not
 * depend on the word, else -1. */
static int
test_constant(unsigned int flags, const struct arg_test *t)
{
	int zero = word_offset(flags, t) < 0;

	if (t->op == TEST_ANY)
		return zero || t->value == 0 ? 0 : -1;
	if (!zero && t->mask != 0)
		return -1;
	/* The masked word is 0: TEST_EQ passes when VALUE is 0, TEST_NE
	 * when it is not. */
	return (t->value == 0) == (t->op == TEST_EQ);
}

/*
 * Keep the rules that can both pass and fail.  A rule with a test that
 * always fails is dropped.  A rule whose tests always pass ends the list,
 * and its action becomes the fallback.  Trailing rules whose action is
 * the fallback change nothing, so they are dropped too.
 */
static void
prune_rules(struct arg_block *b, unsigned int flags)
{
	const struct arg_filter *f = b->args;
	const struct arg_rule *r;
	struct live_rule *lr;
	unsigned int i, t;
	int c, never;

	b->nrules = 0;
	b->fallback = b->action;
	for (i = 0; i < f->nrules; i++) {
		r = &f->rule[i];
		lr = &b->rule[b->nrules];
		lr->action = r->action;
		lr->ntests = 0;
		never = 0;
		for (t = 0; t < r->ntests; t++) {
			c = test_constant(flags, &r->test[t]);
			if (c == 0)
				never = 1;
			else if (c < 0)
				lr->test[lr->ntests++] = &r->test[t];
		}
		if (never)
			continue;
		if (lr->ntests == 0) {
			b->fallback = r->action;
			break;
		}
		b->nrules++;
	}
	while (b->nrules > 0 && b->rule[b->nrules - 1].action == b->fallback)
		b->nrules--;
}

/* Return the label where decision D starts: a shared RET, or its
 * argument block, created on first use. */
static int
decision_target(struct assembler *a, struct arch_ctx *c,
    const struct decision *d)
{
	struct arg_block *b;
	unsigned int i;

	if (d->args == NULL)
		return asm_ret(a, d->action);
	for (i = 0; i < c->nblocks; i++)
		if (c->block[i].action == d->action &&
		    c->block[i].args == d->args)
			break;
	b = &c->block[i];
	if (i == c->nblocks) {
		c->nblocks++;
		b->action = d->action;
		b->args = d->args;
		prune_rules(b, c->arch->flags);
		b->label = b->nrules ? asm_label(a) : ASM_NEXT;
	}
	return b->nrules ? b->label : asm_ret(a, b->fallback);
}

/* Return the last number of span I of S[0..n), the segment ending at
 * HI. */
static uint32_t
span_hi(const struct span *s, unsigned int n, unsigned int i, uint32_t hi)
{
	return i + 1 < n ? s[i + 1].lo - 1 : hi;
}

static unsigned int
ceil_log2(unsigned int n)
{
	unsigned int k = 0;

	while (k < 32 && (1u << k) < n)
		k++;
	return k;
}

/*
 * Return the background decision when the segment is one decision with
 * a few single-number exceptions, so that a chain of "jeq nr" is no
 * deeper than a balanced tree (at most ceil(log2 n) exceptions), or NULL.
 */
static const struct decision *
chain_background(const struct span *s, unsigned int n, uint32_t hi)
{
	const struct decision *bg = NULL;
	unsigned int i, j, count, best = 0, exceptions = 0;

	/* Neighbouring spans differ, so at most every other span has the
	 * background decision. */
	if (n / 2 > ceil_log2(n))
		return NULL;
	for (i = 0; i < n; i++) {
		if (span_hi(s, n, i, hi) == s[i].lo)
			continue;
		if (bg != NULL && !same_decision(bg, s[i].d))
			return NULL;
		bg = s[i].d;
	}
	/* Only single numbers: the most frequent decision is the
	 * background. */
	for (i = 0; bg == NULL && i < n; i++) {
		for (count = 0, j = 0; j < n; j++)
			count += same_decision(s[i].d, s[j].d);
		if (count > best) {
			best = count;
			bg = s[i].d;
		}
	}
	for (i = 0; i < n; i++)
		exceptions += !same_decision(bg, s[i].d);
	return exceptions <= ceil_log2(n) ? bg : NULL;
}

/*
 *	if (nr == X) return decision(X);  ...for each exception X
 *	return background;
 */
static void
emit_chain(struct assembler *a, struct arch_ctx *c, const struct span *s,
    unsigned int n, const struct decision *bg)
{
	unsigned int i, last = 0;
	int next;

	for (i = 0; i < n; i++)
		if (!same_decision(bg, s[i].d))
			last = i;
	for (i = 0; i < n; i++) {
		if (same_decision(bg, s[i].d))
			continue;
		next = i == last ? decision_target(a, c, bg) : ASM_NEXT;
		asm_jump(a, BPF_JMP | BPF_JEQ | BPF_K, s[i].lo,
		    decision_target(a, c, s[i].d), next);
	}
}

/* Return the label for the search over S[0..n): a decision's target
 * for a single span, else a new label the caller binds. */
static int
subtree_label(struct assembler *a, struct arch_ctx *c, const struct span *s,
    unsigned int n)
{
	return n == 1 ? decision_target(a, c, s[0].d) : asm_label(a);
}

/*
 * Emit a balanced binary search over spans S[0..n) (n >= 2), which cover
 * S[0].lo..HI, at LABEL:
 *
 *	if (nr >= S[m].lo) goto right; else goto left;
 *   left:  search S[0..m)
 *   right: search S[m..n)
 */
static void
emit_search(struct assembler *a, struct arch_ctx *c, const struct span *s,
    unsigned int n, uint32_t hi, int label)
{
	const struct decision *bg;
	unsigned int m = n / 2;
	int left, right;

	asm_bind(a, label);
	bg = chain_background(s, n, hi);
	if (bg != NULL) {
		emit_chain(a, c, s, n, bg);
		return;
	}
	left = subtree_label(a, c, s, m);
	right = subtree_label(a, c, s + m, n - m);
	asm_jump(a, BPF_JMP | BPF_JGE | BPF_K, s[m].lo, right, left);
	if (m > 1)
		emit_search(a, c, s, m, s[m].lo - 1, left);
	if (n - m > 1)
		emit_search(a, c, s + m, n - m, hi, right);
}

/*
 * Load the word test T reads into A and mask it, reusing A when it
 * already contains what the test needs:
 *
 *	A = word;		unless A contains it
 *	A &= mask;		TEST_EQ and TEST_NE with a mask
 */
static void
emit_load(struct assembler *a, struct acc *acc, unsigned int flags,
    const struct arg_test *t)
{
	uint32_t off = (uint32_t)word_offset(flags, t);
	uint32_t need = t->op == TEST_ANY ? t->value : t->mask;

	if (!acc->known || acc->off != off || (need & ~acc->mask) != 0) {
		asm_stmt(a, BPF_LD | BPF_W | BPF_ABS, off);
		acc->known = 1;
		acc->off = off;
		acc->mask = 0xffffffffu;
	}
	if (t->op != TEST_ANY && t->mask != acc->mask) {
		asm_stmt(a, BPF_ALU | BPF_AND | BPF_K, t->mask);
		acc->mask = t->mask;
	}
}

static int
same_acc(const struct acc *x, const struct acc *y)
{
	return x->known && y->known && x->off == y->off && x->mask == y->mask;
}

/*
 * Emit one rule.  ACC describes A on entry, and on return it describes A
 * at FAIL, which is known only when every test leaves the same value:
 *
 *	if (test_0 && ... && test_n) return rule.action;
 *	goto fail;
 */
static void
emit_rule(struct assembler *a, struct arch_ctx *c, const struct live_rule *r,
    int fail, struct acc *acc)
{
	const struct arg_test *t;
	struct acc exit = { 0, 0, 0 };
	unsigned int i;
	int pass;

	for (i = 0; i < r->ntests; i++) {
		t = r->test[i];
		emit_load(a, acc, c->arch->flags, t);
		exit = i == 0 || same_acc(&exit, acc) ? *acc :
		    (struct acc){ 0, 0, 0 };
		pass = i + 1 == r->ntests ? asm_ret(a, r->action) : ASM_NEXT;
		/*
		 * TEST_EQ:	if ((word & mask) != value) goto fail;
		 * TEST_NE:	if ((word & mask) == value) goto fail;
		 * TEST_ANY:	if (!(word & value)) goto fail;
		 */
		if (t->op == TEST_NE)
			asm_jump(a, BPF_JMP | BPF_JEQ | BPF_K, t->value, fail,
			    pass);
		else if (t->op == TEST_EQ)
			asm_jump(a, BPF_JMP | BPF_JEQ | BPF_K, t->value, pass,
			    fail);
		else
			asm_jump(a, BPF_JMP | BPF_JSET | BPF_K, t->value, pass,
			    fail);
	}
	*acc = exit;
}

/*
 * Emit an argument block: the live rules in order, each failing into the
 * next, the last failing into the fallback action.  A contains nr on
 * entry.
 */
static void
emit_arg_block(struct assembler *a, struct arch_ctx *c,
    const struct arg_block *b)
{
	struct acc acc = { 0, 0, 0 };
	unsigned int r;
	int fail = ASM_NEXT;

	asm_bind(a, b->label);
	for (r = 0; r < b->nrules; r++) {
		if (r > 0)
			asm_bind(a, fail);
		fail = r + 1 == b->nrules ? asm_ret(a, b->fallback) :
		    asm_label(a);
		emit_rule(a, c, &b->rule[r], fail, &acc);
	}
}

/* Merge neighbouring ranges with equal decisions into C's spans.  Only
 * spans with argument filters can need a block. */
static int
make_spans(struct arch_ctx *c, const struct arch_policy *ap)
{
	unsigned int i, nargs = 0;

	c->arch = ap;
	c->span = malloc(ap->nranges * sizeof(*c->span));
	if (c->span == NULL)
		return -ENOMEM;
	for (i = 0; i < ap->nranges; i++) {
		if (c->nspans > 0 && same_decision(c->span[c->nspans - 1].d,
		    &ap->ranges[i].decision))
			continue;
		c->span[c->nspans].lo = ap->ranges[i].lo;
		c->span[c->nspans].d = &ap->ranges[i].decision;
		nargs += ap->ranges[i].decision.args != NULL;
		c->nspans++;
	}
	c->block = malloc((nargs ? nargs : 1) * sizeof(*c->block));
	return c->block == NULL ? -ENOMEM : 0;
}

/*
 * Estimate how many instructions C needs: a jump per span boundary, a
 * few shared RETs, and a load, a mask and a jump per test of each rule.
 * A low guess costs the assembler a copy, and a high one memory that may
 * reach a page no run touched before.
 * NOTE: a list with many errnos needs a RET for each, which the guess
 * leaves out, so such a list gets the copy.
 */
static unsigned int
expected_length(const struct arch_ctx *c)
{
	const struct arg_filter *f;
	unsigned int i, j, n = 4 + c->nspans;

	for (i = 0; i < c->nspans; i++) {
		f = c->span[i].d->args;
		for (j = 0; f != NULL && j < f->nrules; j++)
			n += 3 * f->rule[j].ntests;
	}
	return n;
}

/* Emit the arch block of C: ld [nr], the search, the argument blocks,
 * and the shared RETs they use. */
static void
emit_arch(struct assembler *a, struct arch_ctx *c)
{
	unsigned int i;

	if (c->nspans > 1) {
		asm_bind(a, c->entry);
		asm_stmt(a, BPF_LD | BPF_W | BPF_ABS, DATA_NR);
		emit_search(a, c, c->span, c->nspans, 0xffffffffu,
		    asm_label(a));
	}
	/* The search may create blocks, so count them afterwards. */
	for (i = 0; i < c->nblocks; i++)
		if (c->block[i].nrules)
			emit_arg_block(a, c, &c->block[i]);
	asm_flush_rets(a);
}

static void
emit_policy(struct assembler *a, const struct policy *p, struct arch_ctx *c)
{
	unsigned int i;
	int miss;

	if (p->narch == 0) {
		asm_stmt(a, BPF_RET | BPF_K, p->bad_arch_action);
		return;
	}
	for (i = 0; i < p->narch; i++)
		c[i].entry = subtree_label(a, &c[i], c[i].span, c[i].nspans);
	/* if (arch == ARCH_i) goto block_i; ... return bad_arch_action; */
	asm_stmt(a, BPF_LD | BPF_W | BPF_ABS, DATA_ARCH);
	for (i = 0; i < p->narch; i++) {
		miss = i + 1 == p->narch ? asm_ret(a, p->bad_arch_action) :
		    ASM_NEXT;
		asm_jump(a, BPF_JMP | BPF_JEQ | BPF_K, p->arch[i].audit_arch,
		    c[i].entry, miss);
	}
	for (i = 0; i < p->narch; i++)
		emit_arch(a, &c[i]);
}

int
compile_policy(const struct policy *policy, struct program *prog)
{
	struct arch_ctx c[POLICY_ARCH_MAX];
	struct assembler a;
	unsigned int i, expect = 2 + policy->narch;
	int err;

	prog->insn = NULL;
	prog->len = 0;
	/* Each ABI's flags follow the kernel's byte order (arch.h). */
	prog->big_endian = policy->narch > 0 &&
			   (policy->arch[0].flags & ABI_BIG_ENDIAN);
	err = check_policy(policy);
	if (err)
		return err;
	memset(c, 0, sizeof(c));
	for (i = 0; i < policy->narch && err == 0; i++)
		err = make_spans(&c[i], &policy->arch[i]);
	if (err == 0) {
		for (i = 0; i < policy->narch; i++)
			expect += expected_length(&c[i]);
		asm_init(&a, expect);
		emit_policy(&a, policy, c);
		err = asm_finish(&a, prog);
		asm_free(&a);
	}
	for (i = 0; i < POLICY_ARCH_MAX; i++) {
		free(c[i].span);
		free(c[i].block);
	}
	return err;
}
