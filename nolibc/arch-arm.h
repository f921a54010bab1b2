/*
 * arm (EABI, ARM or Thumb-2 code): svc #0 takes the number in r7 and
 * arguments in r0 to r5, and returns the result in r0.
 *
 * NOTE: r7 is the frame pointer of Thumb code, and GCC rejects it as an
 * asm operand in a function that keeps a frame pointer.  So the number
 * is passed in any register and moved into r7 around the svc, with r7
 * saved on the stack.
 */
#ifndef NOLIBC_ARCH_ARM_H
#define NOLIBC_ARCH_ARM_H

#define SVC_WITH_R7 \
	"push {r7}\n\t" \
	"mov r7, %[nr]\n\t" \
	"svc #0\n\t" \
	"pop {r7}"

static inline long
raw_syscall0(long nr)
{
	register long r0 __asm__("r0");

	__asm__ volatile (SVC_WITH_R7 : "=r"(r0) : [nr] "r"(nr) : "memory");
	return r0;
}

static inline long
raw_syscall1(long nr, long a1)
{
	register long r0 __asm__("r0") = a1;

	__asm__ volatile (SVC_WITH_R7 : "+r"(r0) : [nr] "r"(nr) : "memory");
	return r0;
}

static inline long
raw_syscall2(long nr, long a1, long a2)
{
	register long r0 __asm__("r0") = a1;
	register long r1 __asm__("r1") = a2;

	__asm__ volatile (SVC_WITH_R7 : "+r"(r0) : [nr] "r"(nr), "r"(r1)
			  : "memory");
	return r0;
}

static inline long
raw_syscall3(long nr, long a1, long a2, long a3)
{
	register long r0 __asm__("r0") = a1;
	register long r1 __asm__("r1") = a2;
	register long r2 __asm__("r2") = a3;

	__asm__ volatile (SVC_WITH_R7 : "+r"(r0)
			  : [nr] "r"(nr), "r"(r1), "r"(r2)
			  : "memory");
	return r0;
}

static inline long
raw_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	register long r0 __asm__("r0") = a1;
	register long r1 __asm__("r1") = a2;
	register long r2 __asm__("r2") = a3;
	register long r3 __asm__("r3") = a4;

	__asm__ volatile (SVC_WITH_R7 : "+r"(r0)
			  : [nr] "r"(nr), "r"(r1), "r"(r2), "r"(r3)
			  : "memory");
	return r0;
}

static inline long
raw_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long r0 __asm__("r0") = a1;
	register long r1 __asm__("r1") = a2;
	register long r2 __asm__("r2") = a3;
	register long r3 __asm__("r3") = a4;
	register long r4 __asm__("r4") = a5;

	__asm__ volatile (SVC_WITH_R7 : "+r"(r0)
			  : [nr] "r"(nr), "r"(r1), "r"(r2), "r"(r3), "r"(r4)
			  : "memory");
	return r0;
}

static inline long
raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r0 __asm__("r0") = a1;
	register long r1 __asm__("r1") = a2;
	register long r2 __asm__("r2") = a3;
	register long r3 __asm__("r3") = a4;
	register long r4 __asm__("r4") = a5;
	register long r5 __asm__("r5") = a6;

	__asm__ volatile (SVC_WITH_R7 : "+r"(r0)
			  : [nr] "r"(nr), "r"(r1), "r"(r2), "r"(r3), "r"(r4),
			    "r"(r5)
			  : "memory");
	return r0;
}

/*
 * The kernel enters with sp pointing at argc.  fp and lr are cleared to
 * end the frame chain, and sp is aligned to 16 bytes (AAPCS requires 8).
 * Every instruction here is valid both as ARM and as Thumb-2 code.
 */
#define ARCH_START_ASM \
	".text\n" \
	".global _start\n" \
	".type _start, %function\n" \
	"_start:\n" \
	"	mov fp, #0\n" \
	"	mov lr, #0\n" \
	"	mov r0, sp\n" \
	"	bic r1, r0, #15\n" \
	"	mov sp, r1\n" \
	"	bl nolibc_start\n" \
	"	udf #0\n" \
	".size _start, . - _start\n"

#endif
