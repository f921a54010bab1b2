/*
 * mips64 and mips64el, n64 ABI: syscall takes the number in v0 ($2)
 * and arguments in a0 to a5 ($4 to $9), and returns the result in v0.
 * On failure the kernel sets a3 ($7) to 1 and leaves the positive errno
 * in v0, which is negated here.  Every register that the C calling
 * convention lets a callee change is declared changed: $1, v1, $8 to
 * $15, $24, $25, hi, lo and the argument registers.  Arguments travel
 * in registers only, so the same code serves both byte orders.
 */
#ifndef NOLIBC_ARCH_MIPS64_H
#define NOLIBC_ARCH_MIPS64_H

#define SYSCALL_CLOBBERS "$1", "$3", "$10", "$11", "$12", "$13", "$14", \
	"$15", "$24", "$25", "hi", "lo", "memory"

static inline long
raw_syscall0(long nr)
{
	register long r2 __asm__("$2") = nr;
	register long r7 __asm__("$7");

	__asm__ volatile ("syscall" : "+r"(r2), "=r"(r7)
			  : : "$4", "$5", "$6", "$8", "$9", SYSCALL_CLOBBERS);
	return r7 ? -r2 : r2;
}

static inline long
raw_syscall1(long nr, long a1)
{
	register long r2 __asm__("$2") = nr;
	register long r4 __asm__("$4") = a1;
	register long r7 __asm__("$7");

	__asm__ volatile ("syscall" : "+r"(r2), "=r"(r7), "+r"(r4)
			  : : "$5", "$6", "$8", "$9", SYSCALL_CLOBBERS);
	return r7 ? -r2 : r2;
}

static inline long
raw_syscall2(long nr, long a1, long a2)
{
	register long r2 __asm__("$2") = nr;
	register long r4 __asm__("$4") = a1;
	register long r5 __asm__("$5") = a2;
	register long r7 __asm__("$7");

	__asm__ volatile ("syscall" : "+r"(r2), "=r"(r7), "+r"(r4), "+r"(r5)
			  : : "$6", "$8", "$9", SYSCALL_CLOBBERS);
	return r7 ? -r2 : r2;
}

static inline long
raw_syscall3(long nr, long a1, long a2, long a3)
{
	register long r2 __asm__("$2") = nr;
	register long r4 __asm__("$4") = a1;
	register long r5 __asm__("$5") = a2;
	register long r6 __asm__("$6") = a3;
	register long r7 __asm__("$7");

	__asm__ volatile ("syscall"
			  : "+r"(r2), "=r"(r7), "+r"(r4), "+r"(r5), "+r"(r6)
			  : : "$8", "$9", SYSCALL_CLOBBERS);
	return r7 ? -r2 : r2;
}

static inline long
raw_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	register long r2 __asm__("$2") = nr;
	register long r4 __asm__("$4") = a1;
	register long r5 __asm__("$5") = a2;
	register long r6 __asm__("$6") = a3;
	register long r7 __asm__("$7") = a4;

	__asm__ volatile ("syscall"
			  : "+r"(r2), "+r"(r7), "+r"(r4), "+r"(r5), "+r"(r6)
			  : : "$8", "$9", SYSCALL_CLOBBERS);
	return r7 ? -r2 : r2;
}

static inline long
raw_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long r2 __asm__("$2") = nr;
	register long r4 __asm__("$4") = a1;
	register long r5 __asm__("$5") = a2;
	register long r6 __asm__("$6") = a3;
	register long r7 __asm__("$7") = a4;
	register long r8 __asm__("$8") = a5;

	__asm__ volatile ("syscall"
			  : "+r"(r2), "+r"(r7), "+r"(r4), "+r"(r5), "+r"(r6),
			    "+r"(r8)
			  : : "$9", SYSCALL_CLOBBERS);
	return r7 ? -r2 : r2;
}

static inline long
raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r2 __asm__("$2") = nr;
	register long r4 __asm__("$4") = a1;
	register long r5 __asm__("$5") = a2;
	register long r6 __asm__("$6") = a3;
	register long r7 __asm__("$7") = a4;
	register long r8 __asm__("$8") = a5;
	register long r9 __asm__("$9") = a6;

	__asm__ volatile ("syscall"
			  : "+r"(r2), "+r"(r7), "+r"(r4), "+r"(r5), "+r"(r6),
			    "+r"(r8), "+r"(r9)
			  : : SYSCALL_CLOBBERS);
	return r7 ? -r2 : r2;
}

/*
 * The kernel enters with sp pointing at argc.  The entry point is
 * __start, the name that ld's mips linker scripts give as ENTRY.  GCC
 * compiles n64 code as PIC even with -fno-pie, and each global function
 * computes its gp from $25, which must hold the function's own address
 * at the call.  So __start loads the absolute address of nolibc_start()
 * into $25 (the binary is not relocated) and calls through it.  sp is
 * aligned to 16 bytes, and n64 needs no argument save area in the
 * caller's frame.  noreorder: the nop fills the delay slot of jalr by
 * hand.
 */
#define ARCH_START_ASM \
	".text\n" \
	".global __start\n" \
	".type __start, @function\n" \
	".set push\n" \
	".set noreorder\n" \
	"__start:\n" \
	"	move $4, $sp\n" \
	"	daddiu $2, $0, -16\n" \
	"	and $sp, $sp, $2\n" \
	"	lui $25, %highest(nolibc_start)\n" \
	"	daddiu $25, $25, %higher(nolibc_start)\n" \
	"	dsll $25, $25, 16\n" \
	"	daddiu $25, $25, %hi(nolibc_start)\n" \
	"	dsll $25, $25, 16\n" \
	"	daddiu $25, $25, %lo(nolibc_start)\n" \
	"	jalr $25\n" \
	"	nop\n" \
	"	break\n" \
	".set pop\n" \
	".size __start, . - __start\n"

#endif
