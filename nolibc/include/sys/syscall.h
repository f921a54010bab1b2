/*
 * SYS_* names for the system calls seccwrap makes through syscall().
 * The numbers are the kernel's __NR_* of the target architecture; add a
 * line here for each new SYS_ name that src/ uses.
 */
#ifndef NOLIBC_SYS_SYSCALL_H
#define NOLIBC_SYS_SYSCALL_H

#include <asm/unistd.h>

#define SYS_capget      __NR_capget
#define SYS_exit        __NR_exit
#define SYS_exit_group  __NR_exit_group
#define SYS_faccessat2  __NR_faccessat2
#define SYS_personality __NR_personality
#define SYS_prctl       __NR_prctl
#define SYS_seccomp     __NR_seccomp
#define SYS_uname       __NR_uname

#endif
