/*
 * BPF assembler: labels, shared RETs and long-jump rewriting, used by the
 * compiler (compile.c) to lay out seccomp programs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "asm.h"

/* Farthest target a conditional jump reaches: jt and jf are 8 bits. */
#define JUMP_MAX 255

struct asm_insn {
	struct bpf_insn op;	/* jt, jf and a JA's k are set at the end */
	int target[2];		/* labels for jt and jf, and after
				 * resolve_labels() instruction indices; a JA
				 * uses [0] */
	unsigned int pos;	/* index in the finished program */
};

/* The trampolines of one instruction, kept apart from struct asm_insn
 * because only programs longer than JUMP_MAX + 1 need them. */
struct asm_link {
	int via[2];		/* trampoline reached instead, or -1 */
	int tramp[2];		/* trampolines placed after it, or -1 */
};

/*
 * An instruction placed right after OWNER so that a conditional jump of
 * OWNER, or of an instruction before it, reaches a far target.
 */
struct asm_tramp {
	unsigned int owner;
	unsigned int slot;	/* 0: right after OWNER, 1: after slot 0 */
	struct bpf_insn op;	/* JA, or a copy of the target's RET K */
	unsigned int target;	/* instruction a JA jumps to */
};

struct asm_ret {
	uint32_t k;
	int label;
};

/* Make room for NEED elements of SIZE bytes in *ARRAY, doubling *CAP.
 * The first room is 16 elements, because a filter has a few shared RETs
 * and seldom any trampolines. */
static int
grow(void **array, unsigned int *cap, unsigned int need, size_t size)
{
	unsigned int n = *cap ? *cap * 2 : 16;
	void *p;

	if (need <= *cap)
		return 0;
	if (n < need)
		n = need;
	p = realloc(*array, (size_t)n * size);
	if (p == NULL)
		return -ENOMEM;
	*array = p;
	*cap = n;
	return 0;
}

void
asm_init(struct assembler *a, unsigned int expect)
{
	memset(a, 0, sizeof(*a));
	/*
	 * Growing by copies would touch about twice the memory, because the
	 * allocator takes back only its newest block.  A program has about
	 * as many labels as instructions (137 for 150 under the default list
	 * on x86_64), so the label array starts that large too.
	 */
	a->error = grow((void **)&a->insn, &a->insn_cap, expect,
	    sizeof(*a->insn));
	if (a->error == 0)
		a->error = grow((void **)&a->label, &a->label_cap, expect,
		    sizeof(*a->label));
}

void
asm_free(struct assembler *a)
{
	free(a->insn);
	free(a->label);
	free(a->tramp);
	free(a->link);
	free(a->ret);
	memset(a, 0, sizeof(*a));
}

int
asm_label(struct assembler *a)
{
	if (a->error == 0)
		a->error = grow((void **)&a->label, &a->label_cap,
		    a->nlabels + 1, sizeof(*a->label));
	if (a->error)
		return ASM_NEXT;
	a->label[a->nlabels] = -1;
	return (int)a->nlabels++;
}

void
asm_bind(struct assembler *a, int label)
{
	if (a->error)
		return;
	if (label < 0 || (unsigned int)label >= a->nlabels ||
	    a->label[label] >= 0) {
		a->error = -EINVAL;
		return;
	}
	a->label[label] = (int)a->ninsn;
}

static void
append(struct assembler *a, uint16_t code, uint32_t k, int jt, int jf)
{
	struct asm_insn *p;

	if (a->error == 0)
		a->error = grow((void **)&a->insn, &a->insn_cap,
		    a->ninsn + 1, sizeof(*a->insn));
	if (a->error)
		return;
	p = &a->insn[a->ninsn++];
	p->op.code = code;
	p->op.jt = p->op.jf = 0;
	p->op.k = k;
	p->target[0] = jt;
	p->target[1] = jf;
}

void
asm_stmt(struct assembler *a, uint16_t code, uint32_t k)
{
	append(a, code, k, ASM_NEXT, ASM_NEXT);
}

void
asm_jump(struct assembler *a, uint16_t code, uint32_t k, int jt, int jf)
{
	append(a, code, k, jt, jf);
}

void
asm_ja(struct assembler *a, int target)
{
	append(a, BPF_JMP | BPF_JA, 0, target, ASM_NEXT);
}

int
asm_ret(struct assembler *a, uint32_t k)
{
	unsigned int i;
	int label;

	for (i = 0; i < a->nret; i++)
		if (a->ret[i].k == k)
			return a->ret[i].label;
	label = asm_label(a);
	if (a->error == 0)
		a->error = grow((void **)&a->ret, &a->ret_cap, a->nret + 1,
		    sizeof(*a->ret));
	if (a->error)
		return ASM_NEXT;
	a->ret[a->nret].k = k;
	a->ret[a->nret].label = label;
	a->nret++;
	return label;
}

void
asm_flush_rets(struct assembler *a)
{
	unsigned int i;

	for (i = 0; i < a->nret; i++) {
		asm_bind(a, a->ret[i].label);
		asm_stmt(a, BPF_RET | BPF_K, a->ret[i].k);
	}
	a->nret = 0;
}

static int
is_cond_jump(uint16_t code)
{
	return BPF_CLASS(code) == BPF_JMP && BPF_OP(code) != BPF_JA;
}

static int
is_jump(uint16_t code)
{
	return BPF_CLASS(code) == BPF_JMP;
}

/* Return the index of the instruction that TARGET of instruction I
 * names. */
static unsigned int
target_index(const struct assembler *a, unsigned int i, int target)
{
	return target == ASM_NEXT ? i + 1 : (unsigned int)a->label[target];
}

/* Check that every jump goes forward to an instruction that exists, and
 * replace its targets with instruction indices. */
static int
resolve_labels(struct assembler *a)
{
	unsigned int i, s, slots, to;
	int t;

	for (i = 0; i < a->ninsn; i++) {
		if (!is_jump(a->insn[i].op.code))
			continue;
		slots = is_cond_jump(a->insn[i].op.code) ? 2 : 1;
		for (s = 0; s < slots; s++) {
			/* As unsigned, a label below ASM_NEXT is past nlabels,
			 * and an unbound one (-1) past the last instruction. */
			t = a->insn[i].target[s];
			if (t != ASM_NEXT && ((unsigned int)t >= a->nlabels ||
			    (unsigned int)a->label[t] <= i))
				return -EINVAL;
			to = target_index(a, i, t);
			if (to >= a->ninsn)
				return -EINVAL;
			a->insn[i].target[s] = (int)to;
		}
	}
	return 0;
}

/* Return trampoline S placed after instruction I, or -1. */
static int
tramp_after(const struct assembler *a, unsigned int i, unsigned int s)
{
	return a->link ? a->link[i].tramp[s] : -1;
}

/* Number the instructions, trampolines included, and return the
 * length. */
static unsigned int
place(struct assembler *a)
{
	unsigned int i, pos = 0;

	for (i = 0; i < a->ninsn; i++) {
		a->insn[i].pos = pos;
		pos++;
		if (tramp_after(a, i, 0) >= 0)
			pos++;
		if (tramp_after(a, i, 1) >= 0)
			pos++;
	}
	return pos;
}

static unsigned int
tramp_pos(const struct assembler *a, int t)
{
	return a->insn[a->tramp[t].owner].pos + 1 + a->tramp[t].slot;
}

/* Return the position that slot S of instruction I jumps to now. */
static unsigned int
slot_pos(const struct assembler *a, unsigned int i, unsigned int s)
{
	if (a->link && a->link[i].via[s] >= 0)
		return tramp_pos(a, a->link[i].via[s]);
	return a->insn[a->insn[i].target[s]].pos;
}

/* Return instruction TARGET when it is a RET K, or NULL. */
static const struct bpf_insn *
target_ret(const struct assembler *a, unsigned int target)
{
	const struct bpf_insn *op = &a->insn[target].op;

	return op->code == (BPF_RET | BPF_K) ? op : NULL;
}

/*
 * Find an instruction within reach of instruction I that does what
 * TARGET does: a RET with the same K, or a trampoline jumping to the same
 * instruction.  Return 1 with *orig set to an original instruction index,
 * 2 with *tramp set to a trampoline, or 0.
 */
static int
find_stand_in(const struct assembler *a, unsigned int i, unsigned int target,
    unsigned int *orig, int *tramp)
{
	const struct bpf_insn *ret = target_ret(a, target);
	unsigned int limit = a->insn[i].pos + 1 + JUMP_MAX;
	unsigned int j, s;
	const struct asm_tramp *tr;
	int t;

	for (j = i; j < a->ninsn && a->insn[j].pos <= limit; j++) {
		if (j > i && ret != NULL && a->insn[j].op.code == ret->code &&
		    a->insn[j].op.k == ret->k) {
			*orig = j;
			return 1;
		}
		for (s = 0; s < 2; s++) {
			t = tramp_after(a, j, s);
			if (t < 0 || tramp_pos(a, t) > limit)
				continue;
			tr = &a->tramp[t];
			if (ret != NULL ? tr->op.code == ret->code &&
			    tr->op.k == ret->k :
			    tr->op.code == (BPF_JMP | BPF_JA) &&
			    tr->target == target) {
				*tramp = t;
				return 2;
			}
		}
	}
	return 0;
}

/* Place a new trampoline after instruction I for its slot S. */
static int
add_tramp(struct assembler *a, unsigned int i, unsigned int s)
{
	struct asm_insn *p = &a->insn[i];
	struct asm_link *l = &a->link[i];
	const struct bpf_insn *ret = target_ret(a, p->target[s]);
	struct asm_tramp *tr;
	unsigned int slot = l->tramp[0] >= 0 ? 1 : 0;
	int err;

	if (l->tramp[slot] >= 0)
		return -EINVAL;
	err = grow((void **)&a->tramp, &a->tramp_cap, a->ntramp + 1,
	    sizeof(*a->tramp));
	if (err)
		return err;
	tr = &a->tramp[a->ntramp];
	tr->owner = i;
	tr->slot = slot;
	tr->target = (unsigned int)p->target[s];
	if (ret != NULL) {
		tr->op = *ret;
	} else {
		tr->op.code = BPF_JMP | BPF_JA;
		tr->op.jt = tr->op.jf = 0;
		tr->op.k = 0;
	}
	l->tramp[slot] = (int)a->ntramp;
	l->via[s] = (int)a->ntramp;
	a->ntramp++;
	return 0;
}

/*
 * Point slot S of instruction I, which cannot reach its target, at a
 * stand-in within reach, adding a trampoline when there is none.
 */
static int
retarget(struct assembler *a, unsigned int i, unsigned int s)
{
	unsigned int orig;
	int tramp;

	a->link[i].via[s] = -1;
	switch (find_stand_in(a, i, (unsigned int)a->insn[i].target[s], &orig,
	    &tramp)) {
	case 1:
		a->insn[i].target[s] = (int)orig;
		return 0;
	case 2:
		a->link[i].via[s] = tramp;
		return 0;
	}
	return add_tramp(a, i, s);
}

/*
 * Rewrite out-of-reach conditional jumps until every jump reaches.  A
 * pass that adds no trampoline retargets jumps with exact positions, so
 * the next pass changes nothing.  Trampolines are never removed and an
 * instruction gets at most two, so the loop ends.
 */
static int
resolve(struct assembler *a)
{
	unsigned int i, s, from;
	int changed, err;

	a->link = malloc(a->ninsn * sizeof(*a->link));
	if (a->link == NULL)
		return -ENOMEM;
	/* Set every field to -1, which means no trampoline. */
	memset(a->link, 0xff, a->ninsn * sizeof(*a->link));
	do {
		if (place(a) > BPF_MAX_INSNS)
			return -E2BIG;
		changed = 0;
		/* Last first, so that earlier jumps can share the
		 * trampolines of later ones. */
		for (i = a->ninsn; i-- > 0;) {
			if (!is_cond_jump(a->insn[i].op.code))
				continue;
			from = a->insn[i].pos + 1;
			for (s = 0; s < 2; s++) {
				if (slot_pos(a, i, s) - from <= JUMP_MAX)
					continue;
				err = retarget(a, i, s);
				if (err)
					return err;
				changed = 1;
			}
		}
	} while (changed);
	return 0;
}

static void
emit(const struct assembler *a, struct bpf_insn *out)
{
	const struct asm_insn *p;
	const struct asm_tramp *tr;
	unsigned int i, s, from, to;
	int t;

	for (i = 0; i < a->ninsn; i++) {
		p = &a->insn[i];
		from = p->pos + 1;
		out[p->pos] = p->op;
		if (is_cond_jump(p->op.code)) {
			out[p->pos].jt = (uint8_t)(slot_pos(a, i, 0) - from);
			out[p->pos].jf = (uint8_t)(slot_pos(a, i, 1) - from);
		} else if (is_jump(p->op.code)) {
			out[p->pos].k = slot_pos(a, i, 0) - from;
		}
		for (s = 0; s < 2; s++) {
			t = tramp_after(a, i, s);
			if (t < 0)
				continue;
			tr = &a->tramp[t];
			to = a->insn[tr->target].pos;
			out[from + s] = tr->op;
			if (tr->op.code == (BPF_JMP | BPF_JA))
				out[from + s].k = to - (from + s + 1);
		}
	}
}

int
asm_finish(struct assembler *a, struct program *prog)
{
	unsigned int len;
	int err;

	prog->insn = NULL;
	prog->len = 0;
	asm_flush_rets(a);
	if (a->error)
		return a->error;
	if (a->ninsn == 0)
		return -EINVAL;
	if (a->ninsn > BPF_MAX_INSNS)
		return -E2BIG;
	err = resolve_labels(a);
	if (err)
		return err;
	/* In a program of at most JUMP_MAX + 1 instructions every forward
	 * jump reaches, so only longer ones need the rewriting. */
	len = place(a);
	if (len > JUMP_MAX + 1) {
		err = resolve(a);
		if (err)
			return err;
		len = place(a);
	}
	/*
	 * Without trampolines, instruction I stays at index I, and for I > 0
	 * its 8 bytes in the program end before its own struct asm_insn.
	 * emit() reads each instruction before it writes that slot, and then
	 * only later ones, because BPF jumps forward.  So the program is
	 * written over the instructions, which saves a page on most runs.
	 */
	if (len == a->ninsn) {
		emit(a, (struct bpf_insn *)a->insn);
		prog->insn = (struct bpf_insn *)a->insn;
		a->insn = NULL;
	} else {
		prog->insn = malloc((size_t)len * sizeof(*prog->insn));
		if (prog->insn == NULL)
			return -ENOMEM;
		emit(a, prog->insn);
	}
	prog->len = len;
	return 0;
}
