/*
 * i386: int $0x80 takes the number in eax and arguments in ebx, ecx,
 * edx, esi, edi and ebp, and returns the result in eax.  It changes no
 * other register.
 */
#ifndef NOLIBC_ARCH_I386_H
#define NOLIBC_ARCH_I386_H

static inline long
raw_syscall0(long nr)
{
	long r;

	__asm__ volatile ("int $0x80" : "=a"(r) : "a"(nr) : "memory");
	return r;
}

static inline long
raw_syscall1(long nr, long a1)
{
	long r;

	__asm__ volatile ("int $0x80" : "=a"(r) : "a"(nr), "b"(a1)
			  : "memory");
	return r;
}

static inline long
raw_syscall2(long nr, long a1, long a2)
{
	long r;

	__asm__ volatile ("int $0x80" : "=a"(r) : "a"(nr), "b"(a1), "c"(a2)
			  : "memory");
	return r;
}

static inline long
raw_syscall3(long nr, long a1, long a2, long a3)
{
	long r;

	__asm__ volatile ("int $0x80" : "=a"(r)
			  : "a"(nr), "b"(a1), "c"(a2), "d"(a3)
			  : "memory");
	return r;
}

static inline long
raw_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	long r;

	__asm__ volatile ("int $0x80" : "=a"(r)
			  : "a"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4)
			  : "memory");
	return r;
}

static inline long
raw_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	long r;

	__asm__ volatile ("int $0x80" : "=a"(r)
			  : "a"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4),
			    "D"(a5)
			  : "memory");
	return r;
}

/*
 * NOTE: ebp cannot be named as an asm operand, and every other register
 * already carries an argument.  So eax points at { nr, a6 }: the sixth
 * argument is loaded into ebp (saved on the stack meanwhile), then eax
 * is overwritten with the number.
 */
static inline long
raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long nr_a6[2];
	long r;

	nr_a6[0] = nr;
	nr_a6[1] = a6;
	__asm__ volatile ("push %%ebp\n\t"
			  "mov 4(%%eax), %%ebp\n\t"
			  "mov (%%eax), %%eax\n\t"
			  "int $0x80\n\t"
			  "pop %%ebp"
			  : "=a"(r)
			  : "a"(nr_a6), "b"(a1), "c"(a2), "d"(a3), "S"(a4),
			    "D"(a5)
			  : "memory");
	return r;
}

/*
 * The kernel enters with esp pointing at argc.  ebp is cleared to end
 * the frame chain.  The initial stack pointer, the one argument of
 * nolibc_start(), is pushed so that esp is 16-byte aligned at the call.
 */
#define ARCH_START_ASM \
	".text\n" \
	".global _start\n" \
	".type _start, @function\n" \
	"_start:\n" \
	"	xor %ebp, %ebp\n" \
	"	mov %esp, %eax\n" \
	"	and $-16, %esp\n" \
	"	sub $12, %esp\n" \
	"	push %eax\n" \
	"	call nolibc_start\n" \
	"	hlt\n" \
	".size _start, . - _start\n"

#endif
