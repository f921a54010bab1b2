/*
 * ppc64 (big-endian, ELFv1) and ppc64le (ELFv2): the system calls of
 * arch-ppc.h, and the _start of each ELF ABI.
 */
#ifndef NOLIBC_ARCH_PPC64_H
#define NOLIBC_ARCH_PPC64_H

#include "arch-ppc.h"

#if _CALL_ELF == 2
/*
 * ELFv2: the kernel enters with r1 (sp) pointing at argc.  Compiled code
 * reaches data through the TOC pointer r2, which the kernel does not
 * set, so _start computes .TOC. relative to its own address.  The call
 * to nolibc_start() goes to its local entry point, which expects r2
 * already set.  r1 is aligned to 16 bytes, and a 32-byte minimum frame
 * with a NULL back chain gives the callee a place to save lr.
 */
#define ARCH_START_ASM \
	".text\n" \
	".global _start\n" \
	".type _start, @function\n" \
	"_start:\n" \
	"	bcl 20, 31, 1f\n" \
	"1:	mflr 2\n" \
	"	addis 2, 2, (.TOC. - 1b)@ha\n" \
	"	addi 2, 2, (.TOC. - 1b)@l\n" \
	"	mr 3, 1\n" \
	"	clrrdi 1, 1, 4\n" \
	"	li 0, 0\n" \
	"	stdu 0, -32(1)\n" \
	"	bl nolibc_start\n" \
	"	trap\n" \
	".size _start, . - _start\n"
#else
/*
 * ELFv1: the ELF entry point, _start, is a function descriptor in .opd:
 * the address of the code, then the TOC pointer.  The kernel takes the
 * code address from it and loads r2 with the TOC pointer (start_thread()
 * in arch/powerpc/kernel/process.c), and enters with r1 pointing at argc.
 * r1 is aligned to 16 bytes, and the 112-byte minimum frame (a 48-byte
 * header, then the 64-byte parameter save area that ELFv1 callers
 * provide) has a NULL back chain.  The nop after bl is the slot where
 * the linker may put an instruction that restores r2.
 */
#define ARCH_START_ASM \
	".text\n" \
	".pushsection .opd, \"aw\"\n" \
	".align 3\n" \
	".global _start\n" \
	"_start:\n" \
	"	.quad .L_start, .TOC.@tocbase, 0\n" \
	".popsection\n" \
	".type _start, @function\n" \
	".L_start:\n" \
	"	mr 3, 1\n" \
	"	clrrdi 1, 1, 4\n" \
	"	li 0, 0\n" \
	"	stdu 0, -112(1)\n" \
	"	bl nolibc_start\n" \
	"	nop\n" \
	"	trap\n" \
	".size _start, . - .L_start\n"
#endif


#endif
