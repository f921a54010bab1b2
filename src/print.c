/*
 * Show a BPF program: annotated assembly for people (--print), raw
 * struct sock_filter for other tools (--dump, bwrap --seccomp FD).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "asm.h"
#include "seccwrap.h"

/* Actions without a macro in seccwrap.h (linux/seccomp.h). */
#define RET_USER_NOTIF 0x7fc00000u
#define RET_TRACE      0x7ff00000u

/* Columns of the jump targets and of the comment. */
#define TARGET_COLUMN  30
#define COMMENT_COLUMN 46
/* Longer than any line print_program writes. */
#define LINE_MAX_LEN   128

/* The content of the accumulator where an instruction starts. */
enum content { A_UNKNOWN, A_NR, A_ARCH, A_OTHER };

/* The numbers a state can exclude from its range.  A chain in
 * compile.c's search tests at most ceil(log2(n)) numbers of its n before
 * its last target.  After a longer one, a load goes without a name. */
#define EXCLUDED_MAX 4

struct state {
	unsigned char seen;	/* some path reaches the instruction */
	unsigned char content;	/* enum content */
	unsigned char arch_known;
	unsigned char big_endian;	/* the program's (struct program) */
	unsigned char nr_known;	/* lo, hi and excluded bound the number */
	unsigned char nexcluded;
	uint32_t arch;		/* the audit arch every path has checked */
	/* The call numbers from lo to hi but those in excluded[], which
	 * are distinct.  The set may contain more than reach here, never
	 * fewer. */
	uint32_t lo, hi;
	uint32_t excluded[EXCLUDED_MAX];
};

static void
merge(struct state *dst, const struct state *src)
{
	if (!dst->seen) {
		*dst = *src;
		dst->seen = 1;
		return;
	}
	if (dst->content != src->content)
		dst->content = A_UNKNOWN;
	if (dst->arch_known && (!src->arch_known || dst->arch != src->arch))
		dst->arch_known = 0;
	if (!src->nr_known)
		dst->nr_known = 0;
	/* Unless both sets are equal, the merged one is the union of the two
	 * ranges, a superset. */
	if (dst->lo != src->lo || dst->hi != src->hi ||
	    dst->nexcluded != src->nexcluded ||
	    memcmp(dst->excluded, src->excluded, sizeof(dst->excluded)) != 0)
		dst->nexcluded = 0;
	if (src->lo < dst->lo)
		dst->lo = src->lo;
	if (src->hi > dst->hi)
		dst->hi = src->hi;
}

/*
 * Narrow the call numbers of T, where "jOP K" is taken, and of F, where
 * it is not.  Other jumps leave both ranges as they are: wider than they
 * could be, but never wrong.  compile.c's search uses only jeq and jge.
 */
static void
narrow(uint16_t op, uint32_t k, struct state *t, struct state *f)
{
	unsigned int i;

	if (op == BPF_JEQ) {
		t->lo = t->hi = k;
		for (i = 0; i < f->nexcluded && f->excluded[i] != k; i++)
			;
		if (f->lo == k)
			f->lo++;
		else if (f->hi == k)
			f->hi--;
		else if (i == f->nexcluded && i < EXCLUDED_MAX)
			f->excluded[f->nexcluded++] = k;
	} else if (op == BPF_JGE) {
		if (t->lo < k)
			t->lo = k;
		if (k > 0 && f->hi >= k)
			f->hi = k - 1;
	}
}

/* Return 1 and set *NR when S has only one call number. */
static int
single_nr(const struct state *s, uint32_t *nr)
{
	unsigned int i, n = 0;
	uint32_t v;

	/* Past this test, the range has at most EXCLUDED_MAX + 1 numbers.
	 * An empty range, with lo above hi, wraps and fails it. */
	if (!s->nr_known || s->hi - s->lo > EXCLUDED_MAX)
		return 0;
	for (v = s->lo; n < 2; v++) {
		for (i = 0; i < s->nexcluded && s->excluded[i] != v; i++)
			;
		if (i == s->nexcluded) {
			*nr = v;
			n++;
		}
		if (v == s->hi)
			break;
	}
	return n == 1;
}

static void
flow_to(struct state *st, unsigned long len, unsigned long pc,
    const struct state *s)
{
	if (pc < len)
		merge(&st[pc], s);
}

/*
 * Fill ST[pc], which the caller has zeroed, with the content of A, the
 * known arch and the range of call numbers at each instruction,
 * following the forward jumps.  A "jeq ARCH" taken after "ld [arch]"
 * makes ARCH known on that branch.  After "ld [nr]", each comparison of
 * A narrows the range on both branches, so that the argument checks of a
 * call can be named where the range is one number.
 */
static void
trace_states(const struct program *prog, struct state *st)
{
	const struct bpf_insn *p;
	struct state s, taken;
	unsigned long pc;

	st[0].seen = 1;
	st[0].big_endian = prog->big_endian != 0;
	for (pc = 0; pc < prog->len; pc++) {
		p = &prog->insn[pc];
		s = st[pc];
		if (!s.seen)
			continue;
		if (BPF_CLASS(p->code) == BPF_RET)
			continue;
		if (BPF_CLASS(p->code) != BPF_JMP) {
			if (p->code == (BPF_LD | BPF_W | BPF_ABS) &&
			    p->k == DATA_NR) {
				s.content = A_NR;
				s.nr_known = 1;
				s.nexcluded = 0;
				s.lo = 0;
				s.hi = UINT32_MAX;
			} else if (p->code == (BPF_LD | BPF_W | BPF_ABS))
				s.content = p->k == DATA_ARCH ? A_ARCH :
				    A_OTHER;
			else if (BPF_CLASS(p->code) == BPF_LD ||
			    BPF_CLASS(p->code) == BPF_ALU ||
			    p->code == (BPF_MISC | BPF_TXA))
				s.content = A_OTHER;
			flow_to(st, prog->len, pc + 1, &s);
			continue;
		}
		if (BPF_OP(p->code) == BPF_JA) {
			if (p->k < prog->len)
				flow_to(st, prog->len, pc + 1 + p->k, &s);
			continue;
		}
		taken = s;
		if (p->code == (BPF_JMP | BPF_JEQ | BPF_K) &&
		    s.content == A_ARCH) {
			taken.arch_known = 1;
			taken.arch = p->k;
		}
		if (s.content == A_NR && BPF_SRC(p->code) == BPF_K)
			narrow(BPF_OP(p->code), p->k, &taken, &s);
		flow_to(st, prog->len, pc + 1 + p->jt, &taken);
		flow_to(st, prog->len, pc + 1 + p->jf, &s);
	}
}

static const char *
arch_name(uint32_t audit_arch)
{
	const struct abi *const *abis = host_abis;
	unsigned int i, count = host_abi_count;

	for (i = 0; i < count; i++)
		if (abis[i]->audit_arch == audit_arch)
			return abis[i]->name;
	return NULL;
}

/*
 * Return the name of NR on any host ABI whose calls a task of AUDIT_ARCH
 * makes by number (x86_64 and x32; the mips ABIs), or NULL.  When that
 * ABI is not the task's own, set *ABI to its name, so that the comment
 * reads "x32 read", not "read".
 */
static const char *
nr_name(uint32_t audit_arch, uint32_t nr, const char **abi)
{
	const struct abi *const *abis = host_abis, *own = NULL;
	const char *name;
	unsigned int i, count = host_abi_count;

	for (i = 0; i < count; i++) {
		if (!arch_reaches(audit_arch, abis[i]))
			continue;
		/* The task's own ABI is the first of its audit arch. */
		if (own == NULL && abis[i]->audit_arch == audit_arch)
			own = abis[i];
		name = abi_syscall_name(abis[i], nr);
		if (name == NULL)
			continue;
		if (abis[i] != own)
			*abi = abis[i]->name;
		return name;
	}
	return NULL;
}

static void
print_dec_width(struct out *o, unsigned long v, unsigned int width)
{
	char digits[24];

	out_field(o, fmt_uint(digits, v), width, ' ');
}

void
print_action(struct out *o, uint32_t ret)
{
	/* An action takes only the high 16 bits of a return value (the
	 * low ones are data), so the table stores those 16 bits. */
	static const struct {
		uint16_t action;
		char name[13];	/* on 64-bit arches, smaller than a pointer
				 * and a string */
	} names[] = {
		{ RET_KILL_PROCESS >> 16, "KILL_PROCESS" },
		{ RET_KILL_THREAD >> 16, "KILL_THREAD" },
		{ RET_TRAP >> 16, "TRAP" },
		{ RET_ERRNO >> 16, "ERRNO" },
		{ RET_USER_NOTIF >> 16, "USER_NOTIF" },
		{ RET_TRACE >> 16, "TRACE" },
		{ RET_LOG >> 16, "LOG" },
		{ RET_ALLOW >> 16, "ALLOW" },
	};
	uint32_t action = ret & RET_ACTION_MASK, data = ret & RET_DATA_MASK;
	const char *errname;
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].action == action >> 16)
			break;
	if (i == sizeof(names) / sizeof(names[0])) {
		out_hex(o, ret, 8);
		return;
	}
	out_str(o, names[i].name);
	if (data == 0 && action != RET_ERRNO)
		return;
	out_char(o, '(');
	errname = action == RET_ERRNO ? errno_name((int)data) : NULL;
	if (errname != NULL)
		out_str(o, errname);
	else
		out_dec(o, data);
	out_char(o, ')');
}

/* Print a load from struct seccomp_data at offset K. */
static void
print_field(struct out *o, uint32_t k, const struct state *s)
{
	unsigned int word = k % 8 / 4;

	out_char(o, '[');
	if (k == DATA_NR) {
		out_str(o, "nr");
	} else if (k == DATA_ARCH) {
		out_str(o, "arch");
	} else if (k % 4 || k >= 64) {
		out_dec(o, k);
	} else {
		if (k < DATA_ARGS) {
			out_str(o, "ip");
		} else {
			out_str(o, "args[");
			out_dec(o, (k - DATA_ARGS) / 8);
			out_char(o, ']');
		}
		if (s == NULL || !s->arch_known) {
			out_str(o, word ? "+4" : "+0");
		} else {
			/* The kernel stores the arguments in its own byte
			 * order, whatever the task's ABI (ppc on ppc64le). */
			if (s->big_endian)
				word = !word;
			out_str(o, word ? ".hi" : ".lo");
		}
	}
	out_char(o, ']');
}

/* Print the constant of a comparison.  Return a syscall name for the
 * comment, or NULL, and set *ABI as nr_name() does. */
static const char *
print_operand(struct out *o, uint32_t k, const struct state *s,
    const char **abi)
{
	const char *name;

	if (s != NULL && s->content == A_ARCH) {
		name = arch_name(k);
		if (name != NULL)
			out_str(o, name);
		else
			out_hex(o, k, 8);
		return NULL;
	}
	if (s == NULL || s->content != A_NR) {
		out_hex(o, k, 0);
		return NULL;
	}
	if (k < 0x10000)
		out_dec(o, k);
	else
		out_hex(o, k, 8);
	return s->arch_known ? nr_name(s->arch, k, abi) : NULL;
}

static const char *
mnemonic(uint16_t code)
{
	/* Arrays of characters: a table of pointers would add a pointer
	 * to each name. */
	static const char alu[][4] = { "add", "sub", "mul", "div", "or",
	    "and", "lsh", "rsh", "neg", "mod", "xor" };
	static const char jmp[][5] = { "ja", "jeq", "jgt", "jge", "jset" };

	switch (BPF_CLASS(code)) {
	case BPF_LD: return "ld";
	case BPF_LDX: return "ldx";
	case BPF_ST: return "st";
	case BPF_STX: return "stx";
	case BPF_RET: return "ret";
	case BPF_ALU:
		return BPF_OP(code) >> 4 <= 10 ? alu[BPF_OP(code) >> 4] : NULL;
	case BPF_JMP:
		return BPF_OP(code) >> 4 <= 4 ? jmp[BPF_OP(code) >> 4] : NULL;
	}
	return code == (BPF_MISC | BPF_TAX) ? "tax" :
	    code == (BPF_MISC | BPF_TXA) ? "txa" : NULL;
}

/* Print the operands of a load or store that opcode_accepted() accepts. */
static void
print_memory(struct out *o, const struct bpf_insn *p, const struct state *s)
{
	switch (p->code) {
	case BPF_LD | BPF_W | BPF_ABS:
		print_field(o, p->k, s);
		break;
	case BPF_LD | BPF_W | BPF_LEN:
	case BPF_LDX | BPF_W | BPF_LEN:
		out_str(o, "len");
		break;
	case BPF_LD | BPF_IMM:
	case BPF_LDX | BPF_IMM:
		out_char(o, '#');
		out_hex(o, p->k, 0);
		break;
	default:
		out_str(o, "M[");
		out_dec(o, p->k);
		out_char(o, ']');
		break;
	}
}

/* Print the operands of instruction PC.  Return a comment or NULL, and
 * set *ABI as nr_name() does. */
static const char *
print_operands(struct out *o, const struct program *prog, unsigned long pc,
    const struct state *s, const char **abi)
{
	const struct bpf_insn *p = &prog->insn[pc];
	const char *comment = NULL;
	uint32_t nr;

	switch (BPF_CLASS(p->code)) {
	case BPF_RET:
		if (p->code == (BPF_RET | BPF_A))
			out_char(o, 'a');
		else
			print_action(o, p->k);
		return NULL;
	case BPF_ALU:
		if (BPF_OP(p->code) == BPF_NEG)
			return NULL;
		if (BPF_SRC(p->code) == BPF_X)
			out_char(o, 'x');
		else
			out_hex(o, p->k, 0);
		return NULL;
	case BPF_MISC:
		return NULL;
	case BPF_JMP:
		break;
	default:
		print_memory(o, p, s);
		/* Name the call whose argument a load reads, when only one
		 * call reaches the load: "ld [args[2].lo]  # mmap". */
		if (s != NULL && s->arch_known && single_nr(s, &nr) &&
		    p->code == (BPF_LD | BPF_W | BPF_ABS) && p->k >= DATA_ARGS)
			return nr_name(s->arch, nr, abi);
		return NULL;
	}
	if (BPF_OP(p->code) == BPF_JA) {
		out_dec(o, pc + 1 + (unsigned long)p->k);
		return NULL;
	}
	if (BPF_SRC(p->code) == BPF_X)
		out_char(o, 'x');
	else
		comment = print_operand(o, p->k, s, abi);
	out_pad(o, TARGET_COLUMN);
	out_str(o, "? ");
	out_dec(o, pc + 1 + p->jt);
	out_str(o, " : ");
	out_dec(o, pc + 1 + p->jf);
	return comment;
}

/* Return whether print_operands() can print instruction CODE. */
static int
known_code(uint16_t code)
{
	/* print_operands() prints exactly the loads, stores and returns
	 * that seccomp accepts, and also ALU and jump instructions that
	 * seccomp rejects, such as mod. */
	switch (BPF_CLASS(code)) {
	case BPF_LD:
	case BPF_LDX:
	case BPF_ST:
	case BPF_STX:
	case BPF_RET:
		return opcode_accepted(code);
	}
	return mnemonic(code) != NULL;
}

void
print_program(struct out *o, const struct program *prog)
{
	const struct bpf_insn *p;
	const char *comment, *abi;
	struct state *st;
	unsigned long pc;

	st = prog->len ? calloc(prog->len, sizeof(*st)) : NULL;
	if (st != NULL)
		trace_states(prog, st);
	for (pc = 0; pc < prog->len; pc++) {
		p = &prog->insn[pc];
		/* out_pad() measures the line inside the buffer, so start
		 * each line with room for all of it. */
		if (o->len > sizeof(o->buf) - LINE_MAX_LEN)
			out_flush(o);
		print_dec_width(o, pc, 4);
		out_str(o, "  ");
		if (!known_code(p->code)) {
			out_str(o, ".insn ");
			out_hex(o, p->code, 4);
			out_char(o, ' ');
			out_dec(o, p->jt);
			out_char(o, ' ');
			out_dec(o, p->jf);
			out_char(o, ' ');
			out_hex(o, p->k, 8);
		} else {
			out_str(o, mnemonic(p->code));
			out_pad(o, 12);
			abi = NULL;
			comment = print_operands(o, prog, pc, st != NULL &&
			    st[pc].seen ? &st[pc] : NULL, &abi);
			if (comment != NULL) {
				out_pad(o, COMMENT_COLUMN);
				out_str(o, "# ");
				if (abi != NULL) {
					out_str(o, abi);
					out_char(o, ' ');
				}
				out_str(o, comment);
			}
		}
		out_char(o, '\n');
	}
	free(st);
}

/* Write LEN bytes at P to FD, however write() splits them. */
static int
write_all(int fd, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		/* No EINTR retry, for the reason out_flush() gives. */
		n = write(fd, p, len);
		if (n < 0)
			return -errno;
		if (n == 0)
			return -EIO;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Store the LEN low bytes of V at P, most significant first or last. */
static void
put_bytes(unsigned char *p, uint32_t v, unsigned int len, int big_endian)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		p[big_endian ? len - 1 - i : i] = (unsigned char)(v >> (8 * i));
}

int
dump_program(int fd, const struct program *prog)
{
	/* Instructions converted per write(): a program of BPF_MAXINSNS
	 * (4096) takes 64 calls. */
	unsigned char buf[64 * 8], *p;
	const struct bpf_insn *insn = prog->insn;
	size_t i, left = prog->len;
	int r, big_endian = prog->big_endian;
	int host_big_endian = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;

	if (!big_endian == !host_big_endian)
		return write_all(fd, (const char *)insn, left * sizeof(*insn));
	while (left > 0) {
		p = buf;
		for (i = 0; i < left && i < sizeof(buf) / 8; i++, p += 8) {
			put_bytes(p, insn[i].code, 2, big_endian);
			p[2] = insn[i].jt;
			p[3] = insn[i].jf;
			put_bytes(p + 4, insn[i].k, 4, big_endian);
		}
		if ((r = write_all(fd, (const char *)buf, i * 8)) < 0)
			return r;
		insn += i;
		left -= i;
	}
	return 0;
}
