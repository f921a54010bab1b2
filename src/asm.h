/*
 * A small classic-BPF assembler: instructions are appended with symbolic
 * labels as jump targets, and asm_finish() turns the labels into offsets.
 *
 * Seccomp only allows forward jumps, and a conditional jump has 8-bit
 * offsets (at most 255 instructions forward).  asm_finish() rewrites a
 * conditional jump whose target is farther away through an instruction
 * placed right after it: a copy of the target when the target is a
 * RET K, else a JA (32-bit offset) to the target.
 *
 * Errors are sticky: after a failed call every later call does nothing
 * and asm_finish() returns the first error, so callers need not check
 * each call.
 */
#ifndef SECCWRAP_ASM_H
#define SECCWRAP_ASM_H

#include <stdint.h>

#include "seccwrap.h"

/* Classic BPF opcodes (linux/bpf_common.h, linux/filter.h). */
#define BPF_LD	 0x00
#define BPF_LDX	 0x01
#define BPF_ST	 0x02
#define BPF_STX	 0x03
#define BPF_ALU	 0x04
#define BPF_JMP	 0x05
#define BPF_RET	 0x06
#define BPF_MISC 0x07
#define BPF_CLASS(code) ((code) & 0x07)

#define BPF_W 0x00
#define BPF_H 0x08
#define BPF_B 0x10

#define BPF_IMM 0x00
#define BPF_ABS 0x20
#define BPF_IND 0x40
#define BPF_MEM 0x60
#define BPF_LEN 0x80

#define BPF_ADD	 0x00
#define BPF_SUB	 0x10
#define BPF_MUL	 0x20
#define BPF_DIV	 0x30
#define BPF_OR	 0x40
#define BPF_AND	 0x50
#define BPF_LSH	 0x60
#define BPF_RSH	 0x70
#define BPF_NEG	 0x80
#define BPF_MOD	 0x90
#define BPF_XOR	 0xa0
#define BPF_OP(code) ((code) & 0xf0)

#define BPF_JA	 0x00
#define BPF_JEQ	 0x10
#define BPF_JGT	 0x20
#define BPF_JGE	 0x30
#define BPF_JSET 0x40

#define BPF_K 0x00
#define BPF_X 0x08
#define BPF_SRC(code) ((code) & 0x08)

#define BPF_A 0x10		/* RET A */

#define BPF_TAX 0x00
#define BPF_TXA 0x80

/* Scratch memory words (BPF_MEMWORDS). */
#define BPF_MEMWORDS 16

/* Jump target meaning "the instruction appended next". */
#define ASM_NEXT (-1)

struct asm_insn;
struct asm_tramp;
struct asm_link;
struct asm_ret;

struct assembler {
	struct asm_insn *insn;
	unsigned int ninsn;
	unsigned int insn_cap;
	int *label;		/* instruction index per label, -1: unbound */
	unsigned int nlabels;
	unsigned int label_cap;
	struct asm_tramp *tramp;
	unsigned int ntramp;
	unsigned int tramp_cap;
	struct asm_link *link;	/* per instruction, made by resolve() */
	struct asm_ret *ret;	/* shared RETs not yet emitted */
	unsigned int nret;
	unsigned int ret_cap;
	int error;		/* first error, as -errno */
};

/* Start an assembler with room for EXPECT instructions; more can be
 * appended, at the cost of copies. */
void asm_init(struct assembler *a, unsigned int expect);
void asm_free(struct assembler *a);

/* Return a new unbound label, or ASM_NEXT after an allocation failure
 * (the error is kept for asm_finish). */
int asm_label(struct assembler *a);
/* Bind LABEL to the instruction appended next. */
void asm_bind(struct assembler *a, int label);

/* Append an instruction that does not jump (load, ALU, RET, ...). */
void asm_stmt(struct assembler *a, uint16_t code, uint32_t k);
/* Append a conditional jump: BPF_JMP | op | BPF_K or BPF_X. */
void asm_jump(struct assembler *a, uint16_t code, uint32_t k, int jt,
    int jf);
/* Append an unconditional jump. */
void asm_ja(struct assembler *a, int target);

/*
 * Return the label of the shared "RET K" instruction.  Every call with
 * the same K until the next asm_flush_rets() gets the same label.
 */
int asm_ret(struct assembler *a, uint32_t k);
/* Emit the shared RETs requested since the last flush here. */
void asm_flush_rets(struct assembler *a);

/*
 * Flush the shared RETs, resolve every label and fill PROG with a newly
 * allocated array.  Return 0, -ENOMEM, -E2BIG when the program would be
 * longer than BPF_MAX_INSNS, or -EINVAL for a jump to an unbound label,
 * a label bound past the last instruction, or a backward jump.  The
 * assembler must still be freed.
 */
int asm_finish(struct assembler *a, struct program *prog);

#endif
