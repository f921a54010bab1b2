/*
 * mips and mipsel, o32 ABI: syscall takes the number in v0 ($2),
 * arguments 1 to 4 in a0 to a3 ($4 to $7) and arguments 5 and 6 on the
 * stack at 16(sp) and 20(sp), where the kernel reads them.  The result
 * comes back in v0.  On failure the kernel sets a3 to 1 and leaves the
 * positive errno in v0, which is negated here.  Every register that the
 * C calling convention lets a callee change is declared changed: $1,
 * v1, $8 to $15, $24, $25, hi, lo and the argument registers.  Each
 * argument is one 32-bit word, stored whole with sw, so the same code
 * serves both byte orders.
 */
#ifndef NOLIBC_ARCH_MIPS_H
#define NOLIBC_ARCH_MIPS_H

#define SYSCALL_CLOBBERS "$1", "$3", "$8", "$9", "$10", "$11", "$12", \
	"$13", "$14", "$15", "$24", "$25", "hi", "lo", "memory"

static inline long
raw_syscall0(long nr)
{
	register long r2 __asm__("$2") = nr;
	register long r7 __asm__("$7");

	__asm__ volatile ("syscall" : "+r"(r2), "=r"(r7)
			  : : "$4", "$5", "$6", SYSCALL_CLOBBERS);
	return r7 ? -r2 : r2;
}

static inline long
raw_syscall1(long nr, long a1)
{
	register long r2 __asm__("$2") = nr;
	register long r4 __asm__("$4") = a1;
	register long r7 __asm__("$7");

	__asm__ volatile ("syscall" : "+r"(r2), "=r"(r7), "+r"(r4)
			  : : "$5", "$6", SYSCALL_CLOBBERS);
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
			  : : "$6", SYSCALL_CLOBBERS);
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
			  : : SYSCALL_CLOBBERS);
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
			  : : SYSCALL_CLOBBERS);
	return r7 ? -r2 : r2;
}

/*
 * Arguments 5 and 6 go into a 32-byte frame below the caller's stack,
 * which keeps sp 8-byte aligned.  Its first 16 bytes are the argument
 * save area that o32 reserves for a0 to a3.
 */
static inline long
raw_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long r2 __asm__("$2") = nr;
	register long r4 __asm__("$4") = a1;
	register long r5 __asm__("$5") = a2;
	register long r6 __asm__("$6") = a3;
	register long r7 __asm__("$7") = a4;

	__asm__ volatile ("addiu $sp, $sp, -32\n\t"
			  "sw %5, 16($sp)\n\t"
			  "syscall\n\t"
			  "addiu $sp, $sp, 32"
			  : "+r"(r2), "+r"(r7), "+r"(r4), "+r"(r5), "+r"(r6)
			  : "r"(a5)
			  : SYSCALL_CLOBBERS);
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

	__asm__ volatile ("addiu $sp, $sp, -32\n\t"
			  "sw %5, 16($sp)\n\t"
			  "sw %6, 20($sp)\n\t"
			  "syscall\n\t"
			  "addiu $sp, $sp, 32"
			  : "+r"(r2), "+r"(r7), "+r"(r4), "+r"(r5), "+r"(r6)
			  : "r"(a5), "r"(a6)
			  : SYSCALL_CLOBBERS);
	return r7 ? -r2 : r2;
}

/*
 * The kernel enters with sp pointing at argc.  The entry point is
 * __start, the name that ld's mips linker scripts give as ENTRY.  sp is
 * aligned to 8 bytes and lowered by the 16-byte argument save area that
 * o32 callers leave for the callee.  GCC's non-PIC o32 code loads gp
 * itself where it needs it, but $25 is still set to the callee's
 * address, as abicalls code expects.  noreorder: the nop fills the
 * delay slot of jalr by hand.
 */
#define ARCH_START_ASM \
	".text\n" \
	".global __start\n" \
	".type __start, @function\n" \
	".set push\n" \
	".set noreorder\n" \
	"__start:\n" \
	"	move $4, $sp\n" \
	"	addiu $2, $0, -8\n" \
	"	and $sp, $sp, $2\n" \
	"	addiu $sp, $sp, -16\n" \
	"	lui $25, %hi(nolibc_start)\n" \
	"	addiu $25, $25, %lo(nolibc_start)\n" \
	"	jalr $25\n" \
	"	nop\n" \
	"	break\n" \
	".set pop\n" \
	".size __start, . - __start\n"

#endif
