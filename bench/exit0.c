/*
 * exit0: the command T that the start-up benchmark runs.  It makes one
 * system call, exit_group(0), so its own run time is the cost of execve
 * and process teardown.  It is for x86_64 only.  Build it static and
 * without libc:
 *
 *   gcc -O2 -static -nostdlib -fno-pie -no-pie -o exit0 exit0.c
 */
void _start(void);

void
_start(void)
{
	/* 231 is __NR_exit_group on x86_64. */
	__asm__ volatile("mov $231, %eax\n\t"
			 "xor %edi, %edi\n\t"
			 "syscall");
	__builtin_unreachable();
}
