/*
 * ppc64 (big-endian, ELFv1) and ppc64le (ELFv2): sc takes the number in
 * r0 and arguments in r3 to r8, and returns the result in r3.  On
 * failure the kernel sets the SO bit of cr0 and leaves the positive
 * errno in r3, which is negated here.  sc may change the registers that
 * the C calling convention makes volatile, except cr1 and cr5 to cr7
 * (the kernel's Documentation/powerpc/syscall64-abi.rst).  So r0, r3 to
 * r12, cr0, ctr and xer are declared changed.  Both ELF ABIs share this
 * convention, and every argument is a whole register, so only _start
 * differs between them.
 */
#ifndef NOLIBC_ARCH_PPC64_H
#define NOLIBC_ARCH_PPC64_H

#define SC_NEGATE_ERROR \
	"sc\n\t" \
	"bns+ 1f\n\t" \
	"neg %0, %0\n" \
	"1:"

#define SYSCALL_CLOBBERS "r9", "r10", "r11", "r12", "cr0", "ctr", "xer", \
	"memory"

static inline long
raw_syscall0(long nr)
{
	register long r0 __asm__("r0") = nr;
	register long r3 __asm__("r3");

	__asm__ volatile (SC_NEGATE_ERROR : "=r"(r3), "+r"(r0)
			  : : "r4", "r5", "r6", "r7", "r8", SYSCALL_CLOBBERS);
	return r3;
}

static inline long
raw_syscall1(long nr, long a1)
{
	register long r0 __asm__("r0") = nr;
	register long r3 __asm__("r3") = a1;

	__asm__ volatile (SC_NEGATE_ERROR : "+r"(r3), "+r"(r0)
			  : : "r4", "r5", "r6", "r7", "r8", SYSCALL_CLOBBERS);
	return r3;
}

static inline long
raw_syscall2(long nr, long a1, long a2)
{
	register long r0 __asm__("r0") = nr;
	register long r3 __asm__("r3") = a1;
	register long r4 __asm__("r4") = a2;

	__asm__ volatile (SC_NEGATE_ERROR : "+r"(r3), "+r"(r0), "+r"(r4)
			  : : "r5", "r6", "r7", "r8", SYSCALL_CLOBBERS);
	return r3;
}

static inline long
raw_syscall3(long nr, long a1, long a2, long a3)
{
	register long r0 __asm__("r0") = nr;
	register long r3 __asm__("r3") = a1;
	register long r4 __asm__("r4") = a2;
	register long r5 __asm__("r5") = a3;

	__asm__ volatile (SC_NEGATE_ERROR
			  : "+r"(r3), "+r"(r0), "+r"(r4), "+r"(r5)
			  : : "r6", "r7", "r8", SYSCALL_CLOBBERS);
	return r3;
}

static inline long
raw_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	register long r0 __asm__("r0") = nr;
	register long r3 __asm__("r3") = a1;
	register long r4 __asm__("r4") = a2;
	register long r5 __asm__("r5") = a3;
	register long r6 __asm__("r6") = a4;

	__asm__ volatile (SC_NEGATE_ERROR
			  : "+r"(r3), "+r"(r0), "+r"(r4), "+r"(r5), "+r"(r6)
			  : : "r7", "r8", SYSCALL_CLOBBERS);
	return r3;
}

static inline long
raw_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long r0 __asm__("r0") = nr;
	register long r3 __asm__("r3") = a1;
	register long r4 __asm__("r4") = a2;
	register long r5 __asm__("r5") = a3;
	register long r6 __asm__("r6") = a4;
	register long r7 __asm__("r7") = a5;

	__asm__ volatile (SC_NEGATE_ERROR
			  : "+r"(r3), "+r"(r0), "+r"(r4), "+r"(r5), "+r"(r6),
			    "+r"(r7)
			  : : "r8", SYSCALL_CLOBBERS);
	return r3;
}

static inline long
raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r0 __asm__("r0") = nr;
	register long r3 __asm__("r3") = a1;
	register long r4 __asm__("r4") = a2;
	register long r5 __asm__("r5") = a3;
	register long r6 __asm__("r6") = a4;
	register long r7 __asm__("r7") = a5;
	register long r8 __asm__("r8") = a6;

	__asm__ volatile (SC_NEGATE_ERROR
			  : "+r"(r3), "+r"(r0), "+r"(r4), "+r"(r5), "+r"(r6),
			    "+r"(r7), "+r"(r8)
			  : : SYSCALL_CLOBBERS);
	return r3;
}

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
