/*
 * x86_64: the number goes in rax, arguments in rdi, rsi, rdx, r10, r8
 * and r9, and the result comes back in rax.  The syscall instruction
 * overwrites rcx (return address) and r11 (flags).
 */
#ifndef NOLIBC_ARCH_X86_64_H
#define NOLIBC_ARCH_X86_64_H

#define SYSCALL_CLOBBERS "rcx", "r11", "memory"

static inline long
raw_syscall0(long nr)
{
	register long rax __asm__("rax") = nr;

	__asm__ volatile ("syscall" : "+r"(rax) : : SYSCALL_CLOBBERS);
	return rax;
}

static inline long
raw_syscall1(long nr, long a1)
{
	register long rax __asm__("rax") = nr;
	register long rdi __asm__("rdi") = a1;

	__asm__ volatile ("syscall" : "+r"(rax) : "r"(rdi)
			  : SYSCALL_CLOBBERS);
	return rax;
}

static inline long
raw_syscall2(long nr, long a1, long a2)
{
	register long rax __asm__("rax") = nr;
	register long rdi __asm__("rdi") = a1;
	register long rsi __asm__("rsi") = a2;

	__asm__ volatile ("syscall" : "+r"(rax) : "r"(rdi), "r"(rsi)
			  : SYSCALL_CLOBBERS);
	return rax;
}

static inline long
raw_syscall3(long nr, long a1, long a2, long a3)
{
	register long rax __asm__("rax") = nr;
	register long rdi __asm__("rdi") = a1;
	register long rsi __asm__("rsi") = a2;
	register long rdx __asm__("rdx") = a3;

	__asm__ volatile ("syscall" : "+r"(rax)
			  : "r"(rdi), "r"(rsi), "r"(rdx)
			  : SYSCALL_CLOBBERS);
	return rax;
}

static inline long
raw_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	register long rax __asm__("rax") = nr;
	register long rdi __asm__("rdi") = a1;
	register long rsi __asm__("rsi") = a2;
	register long rdx __asm__("rdx") = a3;
	register long r10 __asm__("r10") = a4;

	__asm__ volatile ("syscall" : "+r"(rax)
			  : "r"(rdi), "r"(rsi), "r"(rdx), "r"(r10)
			  : SYSCALL_CLOBBERS);
	return rax;
}

static inline long
raw_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long rax __asm__("rax") = nr;
	register long rdi __asm__("rdi") = a1;
	register long rsi __asm__("rsi") = a2;
	register long rdx __asm__("rdx") = a3;
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;

	__asm__ volatile ("syscall" : "+r"(rax)
			  : "r"(rdi), "r"(rsi), "r"(rdx), "r"(r10), "r"(r8)
			  : SYSCALL_CLOBBERS);
	return rax;
}

static inline long
raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long rax __asm__("rax") = nr;
	register long rdi __asm__("rdi") = a1;
	register long rsi __asm__("rsi") = a2;
	register long rdx __asm__("rdx") = a3;
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;

	__asm__ volatile ("syscall" : "+r"(rax)
			  : "r"(rdi), "r"(rsi), "r"(rdx), "r"(r10), "r"(r8),
			    "r"(r9)
			  : SYSCALL_CLOBBERS);
	return rax;
}

/*
 * The kernel enters with rsp pointing at argc.  rbp is cleared to end
 * the frame chain, and rsp is aligned to 16 bytes before the call as
 * the ABI requires.
 */
#define ARCH_START_ASM \
	".text\n" \
	".global _start\n" \
	".type _start, @function\n" \
	"_start:\n" \
	"	xor %ebp, %ebp\n" \
	"	mov %rsp, %rdi\n" \
	"	and $-16, %rsp\n" \
	"	call nolibc_start\n" \
	"	hlt\n" \
	".size _start, . - _start\n"

#endif
