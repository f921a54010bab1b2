/*
 * riscv64: the number goes in a7, arguments in a0 to a5, and the result
 * comes back in a0.  ecall changes no other register.
 */
#ifndef NOLIBC_ARCH_RISCV64_H
#define NOLIBC_ARCH_RISCV64_H

static inline long
raw_syscall0(long nr)
{
	register long a7 __asm__("a7") = nr;
	register long a0 __asm__("a0");

	__asm__ volatile ("ecall" : "=r"(a0) : "r"(a7) : "memory");
	return a0;
}

static inline long
raw_syscall1(long nr, long a1)
{
	register long a7 __asm__("a7") = nr;
	register long a0 __asm__("a0") = a1;

	__asm__ volatile ("ecall" : "+r"(a0) : "r"(a7) : "memory");
	return a0;
}

static inline long
raw_syscall2(long nr, long a1, long a2)
{
	register long a7 __asm__("a7") = nr;
	register long a0 __asm__("a0") = a1;
	register long r1 __asm__("a1") = a2;

	__asm__ volatile ("ecall" : "+r"(a0) : "r"(a7), "r"(r1) : "memory");
	return a0;
}

static inline long
raw_syscall3(long nr, long a1, long a2, long a3)
{
	register long a7 __asm__("a7") = nr;
	register long a0 __asm__("a0") = a1;
	register long r1 __asm__("a1") = a2;
	register long r2 __asm__("a2") = a3;

	__asm__ volatile ("ecall" : "+r"(a0) : "r"(a7), "r"(r1), "r"(r2)
			  : "memory");
	return a0;
}

static inline long
raw_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	register long a7 __asm__("a7") = nr;
	register long a0 __asm__("a0") = a1;
	register long r1 __asm__("a1") = a2;
	register long r2 __asm__("a2") = a3;
	register long r3 __asm__("a3") = a4;

	__asm__ volatile ("ecall" : "+r"(a0)
			  : "r"(a7), "r"(r1), "r"(r2), "r"(r3)
			  : "memory");
	return a0;
}

static inline long
raw_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long a7 __asm__("a7") = nr;
	register long a0 __asm__("a0") = a1;
	register long r1 __asm__("a1") = a2;
	register long r2 __asm__("a2") = a3;
	register long r3 __asm__("a3") = a4;
	register long r4 __asm__("a4") = a5;

	__asm__ volatile ("ecall" : "+r"(a0)
			  : "r"(a7), "r"(r1), "r"(r2), "r"(r3), "r"(r4)
			  : "memory");
	return a0;
}

static inline long
raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long a7 __asm__("a7") = nr;
	register long a0 __asm__("a0") = a1;
	register long r1 __asm__("a1") = a2;
	register long r2 __asm__("a2") = a3;
	register long r3 __asm__("a3") = a4;
	register long r4 __asm__("a4") = a5;
	register long r5 __asm__("a5") = a6;

	__asm__ volatile ("ecall" : "+r"(a0)
			  : "r"(a7), "r"(r1), "r"(r2), "r"(r3), "r"(r4),
			    "r"(r5)
			  : "memory");
	return a0;
}

/*
 * The kernel enters with sp pointing at argc.  gp must hold
 * __global_pointer$ (defined by the linker script) before any code the
 * linker relaxed to gp-relative addressing runs, and the load itself must
 * not be relaxed.
 */
#define ARCH_START_ASM \
	".text\n" \
	".global _start\n" \
	".type _start, %function\n" \
	"_start:\n" \
	"	.option push\n" \
	"	.option norelax\n" \
	"	lla gp, __global_pointer$\n" \
	"	.option pop\n" \
	"	mv a0, sp\n" \
	"	andi sp, sp, -16\n" \
	"	call nolibc_start\n" \
	"	ebreak\n" \
	".size _start, . - _start\n"

#endif
