/*
 * aarch64: the number goes in x8, arguments in x0 to x5, and the result
 * comes back in x0.  svc #0 changes no other register.
 */
#ifndef NOLIBC_ARCH_AARCH64_H
#define NOLIBC_ARCH_AARCH64_H

static inline long
raw_syscall0(long nr)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0");

	__asm__ volatile ("svc #0" : "=r"(x0) : "r"(x8) : "memory");
	return x0;
}

static inline long
raw_syscall1(long nr, long a1)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a1;

	__asm__ volatile ("svc #0" : "+r"(x0) : "r"(x8) : "memory");
	return x0;
}

static inline long
raw_syscall2(long nr, long a1, long a2)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a1;
	register long x1 __asm__("x1") = a2;

	__asm__ volatile ("svc #0" : "+r"(x0) : "r"(x8), "r"(x1)
			  : "memory");
	return x0;
}

static inline long
raw_syscall3(long nr, long a1, long a2, long a3)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a1;
	register long x1 __asm__("x1") = a2;
	register long x2 __asm__("x2") = a3;

	__asm__ volatile ("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2)
			  : "memory");
	return x0;
}

static inline long
raw_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a1;
	register long x1 __asm__("x1") = a2;
	register long x2 __asm__("x2") = a3;
	register long x3 __asm__("x3") = a4;

	__asm__ volatile ("svc #0" : "+r"(x0)
			  : "r"(x8), "r"(x1), "r"(x2), "r"(x3)
			  : "memory");
	return x0;
}

static inline long
raw_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a1;
	register long x1 __asm__("x1") = a2;
	register long x2 __asm__("x2") = a3;
	register long x3 __asm__("x3") = a4;
	register long x4 __asm__("x4") = a5;

	__asm__ volatile ("svc #0" : "+r"(x0)
			  : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4)
			  : "memory");
	return x0;
}

static inline long
raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a1;
	register long x1 __asm__("x1") = a2;
	register long x2 __asm__("x2") = a3;
	register long x3 __asm__("x3") = a4;
	register long x4 __asm__("x4") = a5;
	register long x5 __asm__("x5") = a6;

	__asm__ volatile ("svc #0" : "+r"(x0)
			  : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4),
			    "r"(x5)
			  : "memory");
	return x0;
}

/*
 * The kernel enters with sp pointing at argc and 16-byte aligned.  The
 * frame pointer and link register are cleared to end the frame chain.
 */
#define ARCH_START_ASM \
	".text\n" \
	".global _start\n" \
	".type _start, %function\n" \
	"_start:\n" \
	"	mov x29, #0\n" \
	"	mov x30, #0\n" \
	"	mov x0, sp\n" \
	"	and sp, x0, #-16\n" \
	"	bl nolibc_start\n" \
	"	brk #0\n" \
	".size _start, . - _start\n"

#endif
