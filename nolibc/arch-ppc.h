/*
 * ppc, ppc64 and ppc64le: sc takes the number in r0 and up to six
 * arguments in r3 to r8 (mmap2's too, on ppc), and returns the result in
 * r3.  On failure the kernel sets the SO bit of cr0 and leaves the
 * positive errno in r3, which is negated here.
 *
 * sc may change the registers that the C calling convention makes
 * volatile, except cr1 and cr5 to cr7.  For 64-bit tasks that is the
 * kernel's Documentation/powerpc/syscall64-abi.rst.  On ppc the syscall
 * exit reloads cr and lr from the registers it saved on entry
 * (ret_from_syscall in arch/powerpc/kernel/entry_32.S).  So r0, r3 to
 * r12, cr0, ctr and xer are declared changed.
 *
 * Every argument that nolibc passes is a whole register, so the three
 * differ only in _start.  arch-ppc64.h has the two 64-bit ones.
 */
#ifndef NOLIBC_ARCH_PPC_H
#define NOLIBC_ARCH_PPC_H

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

#ifndef __powerpc64__
/*
 * ppc: the kernel enters with r1 (sp) pointing at argc.  _start sets no
 * base register, because non-PIC code reaches data by absolute address,
 * r2 is the thread pointer (unused here), and GCC's default for Linux,
 * -msdata=data, does not address small data through r13.  r1 is aligned
 * to 16 bytes, and a 16-byte minimum frame with a NULL back chain gives
 * the callee a place to save lr (4(r1)).
 */
#define ARCH_START_ASM \
	".text\n" \
	".global _start\n" \
	".type _start, @function\n" \
	"_start:\n" \
	"	mr 3, 1\n" \
	"	clrrwi 1, 1, 4\n" \
	"	li 0, 0\n" \
	"	stwu 0, -16(1)\n" \
	"	bl nolibc_start\n" \
	"	trap\n" \
	".size _start, . - _start\n"

#endif

#endif
