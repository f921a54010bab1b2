/*
 * s390x: svc 0 takes the number in r1 and arguments in r2 to r7, and
 * returns the result in r2.  The kernel saves r0 to r15 on entry and
 * restores all but r2 on return (system_call in
 * arch/s390/kernel/entry.S), so nothing else is clobbered.
 */
#ifndef NOLIBC_ARCH_S390X_H
#define NOLIBC_ARCH_S390X_H

/* s390x has no mmap2, and its mmap (90) is sys_old_mmap
 * (arch/s390/kernel/syscalls/syscall.tbl), which reads addr, len, prot,
 * flags, fd and offset from six longs that its one argument points to. */
#define ARCH_MMAP_ARGS_IN_MEMORY 1

static inline long
raw_syscall0(long nr)
{
	register long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2");

	__asm__ volatile ("svc 0" : "=r"(r2) : "r"(r1) : "memory");
	return r2;
}

static inline long
raw_syscall1(long nr, long a1)
{
	register long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = a1;

	__asm__ volatile ("svc 0" : "+r"(r2) : "r"(r1) : "memory");
	return r2;
}

static inline long
raw_syscall2(long nr, long a1, long a2)
{
	register long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = a1;
	register long r3 __asm__("r3") = a2;

	__asm__ volatile ("svc 0" : "+r"(r2) : "r"(r1), "r"(r3) : "memory");
	return r2;
}

static inline long
raw_syscall3(long nr, long a1, long a2, long a3)
{
	register long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = a1;
	register long r3 __asm__("r3") = a2;
	register long r4 __asm__("r4") = a3;

	__asm__ volatile ("svc 0" : "+r"(r2) : "r"(r1), "r"(r3), "r"(r4)
			  : "memory");
	return r2;
}

static inline long
raw_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	register long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = a1;
	register long r3 __asm__("r3") = a2;
	register long r4 __asm__("r4") = a3;
	register long r5 __asm__("r5") = a4;

	__asm__ volatile ("svc 0" : "+r"(r2)
			  : "r"(r1), "r"(r3), "r"(r4), "r"(r5)
			  : "memory");
	return r2;
}

static inline long
raw_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = a1;
	register long r3 __asm__("r3") = a2;
	register long r4 __asm__("r4") = a3;
	register long r5 __asm__("r5") = a4;
	register long r6 __asm__("r6") = a5;

	__asm__ volatile ("svc 0" : "+r"(r2)
			  : "r"(r1), "r"(r3), "r"(r4), "r"(r5), "r"(r6)
			  : "memory");
	return r2;
}

static inline long
raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = a1;
	register long r3 __asm__("r3") = a2;
	register long r4 __asm__("r4") = a3;
	register long r5 __asm__("r5") = a4;
	register long r6 __asm__("r6") = a5;
	register long r7 __asm__("r7") = a6;

	__asm__ volatile ("svc 0" : "+r"(r2)
			  : "r"(r1), "r"(r3), "r"(r4), "r"(r5), "r"(r6),
			    "r"(r7)
			  : "memory");
	return r2;
}

/*
 * The kernel enters with r15 (sp) pointing at argc.  The ABI has every
 * caller leave a 160-byte register save area at the stack pointer,
 * where the callee stores r6 to r15.  Its first doubleword, the back
 * chain, is cleared to end the frame chain.  r15 is first aligned to 8
 * bytes, as the ABI requires.
 */
#define ARCH_START_ASM \
	".text\n" \
	".global _start\n" \
	".type _start, @function\n" \
	"_start:\n" \
	"	lgr %r2, %r15\n" \
	"	nill %r15, 0xfff8\n" \
	"	aghi %r15, -160\n" \
	"	xc 0(8, %r15), 0(%r15)\n" \
	"	brasl %r14, nolibc_start\n" \
	"	.word 0\n" \
	".size _start, . - _start\n"

#endif
