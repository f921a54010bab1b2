/*
 * Classic BPF as seccomp runs it: an interpreter for checking programs
 * without a kernel, the kernel's load-time checks, and its action-cache
 * emulator (Linux >= 5.11).
 */
#include <errno.h>
#include <string.h>

#include "asm.h"
#include "seccwrap.h"

/* sizeof(struct seccomp_data): what "ld len" loads. */
#define DATA_SIZE 64

/*
 * Fill the 16 words of struct seccomp_data.  The kernel stores the
 * 64-bit fields in its own byte order, whatever the task's ABI (a ppc
 * task on ppc64le reports AUDIT_ARCH_PPC, without the LE bit), so a
 * big-endian kernel has the high word of each argument first.
 * instruction_pointer is left 0.
 */
static void
fill_data(uint32_t *w, uint32_t nr, uint32_t arch, const uint64_t args[6],
	  int big_endian)
{
	unsigned int i, lo = big_endian ? 1 : 0;

	w[DATA_NR / 4] = nr;
	w[DATA_ARCH / 4] = arch;
	for (i = 0; args != NULL && i < 6; i++) {
		w[DATA_ARGS / 4 + 2 * i + lo] = (uint32_t)args[i];
		w[DATA_ARGS / 4 + 2 * i + !lo] = (uint32_t)(args[i] >> 32);
	}
}

/* Apply ALU instruction CODE with operand V to A.  Return 0, or -1 for a
 * division by zero, which makes a classic BPF program return 0. */
static int
alu(uint16_t code, uint32_t *a, uint32_t v)
{
	switch (BPF_OP(code)) {
	case BPF_ADD:
		*a += v;
		break;
	case BPF_SUB:
		*a -= v;
		break;
	case BPF_MUL:
		*a *= v;
		break;
	case BPF_DIV:
		if (v == 0)
			return -1;
		*a /= v;
		break;
	case BPF_OR:
		*a |= v;
		break;
	case BPF_AND:
		*a &= v;
		break;
	/*
	 * NOTE: a shift by X of 32 or more takes the count modulo 32 here,
	 * as x86 shift instructions do.  What the kernel returns for such
	 * counts is not checked.  It rejects constant counts of 32 or more.
	 */
	case BPF_LSH:
		*a <<= v & 31;
		break;
	case BPF_RSH:
		*a >>= v & 31;
		break;
	case BPF_NEG:
		*a = -*a;
		break;
	default:	/* BPF_XOR */
		*a ^= v;
		break;
	}
	return 0;
}

static int
jump_taken(uint16_t code, uint32_t a, uint32_t v)
{
	switch (BPF_OP(code)) {
	case BPF_JEQ: return a == v;
	case BPF_JGT: return a > v;
	case BPF_JGE: return a >= v;
	default: return (a & v) != 0;	/* BPF_JSET */
	}
}

/* The opcodes that seccomp_check_filter() accepts.  Only 32-bit loads
 * from struct seccomp_data are accepted: no packet access, no MOD and no
 * ALU on 16/8-bit data.  As a table, they take a third of the bytes of
 * a switch. */
static const uint8_t accepted_opcodes[] = {
	BPF_LD | BPF_W | BPF_ABS, BPF_LD | BPF_W | BPF_LEN,
	BPF_LDX | BPF_W | BPF_LEN, BPF_RET | BPF_K, BPF_RET | BPF_A,
	BPF_ALU | BPF_NEG, BPF_LD | BPF_IMM, BPF_LDX | BPF_IMM,
	BPF_MISC | BPF_TAX, BPF_MISC | BPF_TXA, BPF_LD | BPF_MEM,
	BPF_LDX | BPF_MEM, BPF_ST, BPF_STX, BPF_JMP | BPF_JA,
	/* ALU operations and conditional jumps, with K or X */
	BPF_ALU | BPF_ADD | BPF_K, BPF_ALU | BPF_ADD | BPF_X,
	BPF_ALU | BPF_SUB | BPF_K, BPF_ALU | BPF_SUB | BPF_X,
	BPF_ALU | BPF_MUL | BPF_K, BPF_ALU | BPF_MUL | BPF_X,
	BPF_ALU | BPF_DIV | BPF_K, BPF_ALU | BPF_DIV | BPF_X,
	BPF_ALU | BPF_AND | BPF_K, BPF_ALU | BPF_AND | BPF_X,
	BPF_ALU | BPF_OR | BPF_K, BPF_ALU | BPF_OR | BPF_X,
	BPF_ALU | BPF_XOR | BPF_K, BPF_ALU | BPF_XOR | BPF_X,
	BPF_ALU | BPF_LSH | BPF_K, BPF_ALU | BPF_LSH | BPF_X,
	BPF_ALU | BPF_RSH | BPF_K, BPF_ALU | BPF_RSH | BPF_X,
	BPF_JMP | BPF_JEQ | BPF_K, BPF_JMP | BPF_JEQ | BPF_X,
	BPF_JMP | BPF_JGE | BPF_K, BPF_JMP | BPF_JGE | BPF_X,
	BPF_JMP | BPF_JGT | BPF_K, BPF_JMP | BPF_JGT | BPF_X,
	BPF_JMP | BPF_JSET | BPF_K, BPF_JMP | BPF_JSET | BPF_X,
};

int
opcode_accepted(uint16_t code)
{
	unsigned int i;

	for (i = 0; i < sizeof(accepted_opcodes); i++)
		if (accepted_opcodes[i] == code)
			return 1;
	return 0;
}

/* The state of a running program. */
struct machine {
	/* A and X come first, at offsets that x86_64 encodes in one byte. */
	uint32_t a;
	uint32_t x;
	uint32_t data[DATA_SIZE / 4];	/* struct seccomp_data */
	uint32_t mem[BPF_MEMWORDS];	/* scratch memory */
};

/* Run a scratch-memory load or store.  Return -1 for an invalid index. */
static int
scratch(struct machine *m, const struct bpf_insn *p)
{
	if (p->k >= BPF_MEMWORDS)
		return -1;
	if (p->code == (BPF_LD | BPF_MEM))
		m->a = m->mem[p->k];
	else if (p->code == (BPF_LDX | BPF_MEM))
		m->x = m->mem[p->k];
	else
		m->mem[p->k] = p->code == BPF_ST ? m->a : m->x;
	return 0;
}

/*
 * Run instruction *PC of PROG on M.  Return 0 with *pc at the next
 * instruction, or 1 when the program ends with *ret as its result.
 */
static int
step(struct machine *m, const struct program *prog, unsigned long *pc,
    uint32_t *ret)
{
	const struct bpf_insn *p = &prog->insn[(*pc)++];
	uint32_t v = BPF_SRC(p->code) == BPF_X ? m->x : p->k;

	*ret = EMULATE_INVALID;
	switch (p->code) {
	case BPF_LD | BPF_W | BPF_ABS:
		if (p->k >= DATA_SIZE || p->k % 4)
			return 1;
		m->a = m->data[p->k / 4];
		return 0;
	case BPF_LD | BPF_W | BPF_LEN:
		m->a = DATA_SIZE;
		return 0;
	case BPF_LDX | BPF_W | BPF_LEN:
		m->x = DATA_SIZE;
		return 0;
	case BPF_LD | BPF_IMM:
		m->a = p->k;
		return 0;
	case BPF_LDX | BPF_IMM:
		m->x = p->k;
		return 0;
	case BPF_LD | BPF_MEM:
	case BPF_LDX | BPF_MEM:
	case BPF_ST:
	case BPF_STX:
		return scratch(m, p) != 0;
	case BPF_MISC | BPF_TAX:
		m->x = m->a;
		return 0;
	case BPF_MISC | BPF_TXA:
		m->a = m->x;
		return 0;
	case BPF_RET | BPF_K:
		*ret = p->k;
		return 1;
	case BPF_RET | BPF_A:
		*ret = m->a;
		return 1;
	case BPF_JMP | BPF_JA:
		if (p->k >= prog->len - *pc)
			return 1;
		*pc += p->k;
		return 0;
	}
	if (!opcode_accepted(p->code))
		return 1;
	if (BPF_CLASS(p->code) == BPF_JMP) {
		*pc += jump_taken(p->code, m->a, v) ? p->jt : p->jf;
		return 0;
	}
	if (alu(p->code, &m->a, v) == 0)
		return 0;
	*ret = 0;
	return 1;
}

uint32_t
emulate(const struct program *prog, uint32_t nr, uint32_t arch,
    const uint64_t args[6], unsigned int *steps)
{
	struct machine m;
	unsigned long pc = 0;
	unsigned int count = 0;
	uint32_t ret = EMULATE_INVALID;

	memset(&m, 0, sizeof(m));
	fill_data(m.data, nr, arch, args, prog->big_endian);
	/* Jumps only go forward, so this ends within len steps.  A jump
	 * past the end leaves ret at EMULATE_INVALID. */
	while (pc < prog->len) {
		count++;
		if (step(&m, prog, &pc, &ret))
			break;
	}
	if (steps != NULL)
		*steps = count;
	return ret;
}

/* Check one instruction's operands as bpf_check_classic() in
 * net/core/filter.c does. */
static int
operands_ok(const struct bpf_insn *p, unsigned long pc, unsigned long len)
{
	switch (p->code) {
	case BPF_LD | BPF_W | BPF_ABS:
		return p->k < DATA_SIZE && p->k % 4 == 0;
	case BPF_LD | BPF_MEM:
	case BPF_LDX | BPF_MEM:
	case BPF_ST:
	case BPF_STX:
		return p->k < BPF_MEMWORDS;
	case BPF_ALU | BPF_DIV | BPF_K:
		return p->k != 0;
	case BPF_ALU | BPF_LSH | BPF_K:
	case BPF_ALU | BPF_RSH | BPF_K:
		return p->k < 32;
	case BPF_JMP | BPF_JA:
		return p->k < len - pc - 1;
	}
	if (BPF_CLASS(p->code) == BPF_JMP)
		return pc + 1 + p->jt < len && pc + 1 + p->jf < len;
	return 1;
}

/*
 * Reject a load from a scratch word that is not stored on every path to
 * it, like check_load_and_stores() in net/core/filter.c.  VALID[pc] is
 * the set of words stored on every jump into pc.
 */
static int
stores_ok(const struct program *prog)
{
	uint16_t valid[BPF_MAX_INSNS], cur = 0;
	const struct bpf_insn *p;
	unsigned int pc;

	memset(valid, 0xff, sizeof(valid));
	for (pc = 0; pc < prog->len; pc++) {
		p = &prog->insn[pc];
		cur &= valid[pc];
		switch (p->code) {
		case BPF_ST:
		case BPF_STX:
			cur |= (uint16_t)(1u << p->k);
			break;
		case BPF_LD | BPF_MEM:
		case BPF_LDX | BPF_MEM:
			if (!(cur & (1u << p->k)))
				return 0;
			break;
		case BPF_JMP | BPF_JA:
			valid[pc + 1 + p->k] &= cur;
			cur = 0xffff;
			break;
		default:
			if (BPF_CLASS(p->code) != BPF_JMP)
				break;
			valid[pc + 1 + p->jt] &= cur;
			valid[pc + 1 + p->jf] &= cur;
			cur = 0xffff;
			break;
		}
	}
	return 1;
}

int
program_check(const struct program *prog)
{
	unsigned int pc;
	uint16_t last;

	if (prog->len < 1 || prog->len > BPF_MAX_INSNS || prog->insn == NULL)
		return -EINVAL;
	for (pc = 0; pc < prog->len; pc++)
		if (!opcode_accepted(prog->insn[pc].code) ||
		    !operands_ok(&prog->insn[pc], pc, prog->len))
			return -EINVAL;
	last = prog->insn[prog->len - 1].code;
	if (last != (BPF_RET | BPF_K) && last != (BPF_RET | BPF_A))
		return -EINVAL;
	return stores_ok(prog) ? 0 : -EINVAL;
}

/*
 * Follow the path of (ARCH, NR) the way seccomp_is_const_allow() in
 * kernel/seccomp.c does.  A starts at 0.  It understands only ld [nr],
 * ld [arch], ja, jeq/jge/jgt/jset K, and K and ret K.  Anything else
 * (argument loads, X, scratch memory, ret A) means the result may depend
 * on more than (arch, nr).
 */
int
cache_allows(const struct program *prog, uint32_t arch, uint32_t nr)
{
	const struct bpf_insn *p;
	unsigned long pc = 0;
	uint32_t a = 0;

	while (pc < prog->len) {
		p = &prog->insn[pc];
		switch (p->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (p->k == DATA_NR)
				a = nr;
			else if (p->k == DATA_ARCH)
				a = arch;
			else
				return 0;
			break;
		case BPF_JMP | BPF_JA:
			if (p->k >= prog->len - pc - 1)
				return 0;
			pc += p->k;
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
		case BPF_JMP | BPF_JGE | BPF_K:
		case BPF_JMP | BPF_JGT | BPF_K:
		case BPF_JMP | BPF_JSET | BPF_K:
			pc += jump_taken(p->code, a, p->k) ? p->jt : p->jf;
			break;
		case BPF_ALU | BPF_AND | BPF_K:
			a &= p->k;
			break;
		case BPF_RET | BPF_K:
			return p->k == RET_ALLOW;
		default:
			return 0;
		}
		pc++;
	}
	return 0;
}
