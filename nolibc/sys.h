/*
 * The sys_* layer of nolibc: one inline function per system call, each
 * returning the kernel's result (-errno on failure).  The public
 * functions wrap them with syscall_ret().  Paths go through the *at
 * calls because the generic syscall table (aarch64, riscv64) has no
 * open, stat or access.
 */
#ifndef NOLIBC_SYS_H
#define NOLIBC_SYS_H

#include <asm/unistd.h>
#include <errno.h>
#include <linux/mman.h>
#include <stddef.h>

#include "arch.h"

/* Return 1 when R, a raw result, is in the kernel's error range
 * -4095..-1.  Addresses from mmap can look negative, so a plain r < 0
 * test is not enough. */
static inline int
syscall_failed(long r)
{
	return (unsigned long)r > -4096UL;
}

/* Return R, or -1 with errno set when R is an error. */
static inline long
syscall_ret(long r)
{
	if (syscall_failed(r)) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

static inline long
sys_read(int fd, void *buf, size_t count)
{
	return raw_syscall3(__NR_read, fd, (long)buf, (long)count);
}

static inline long
sys_write(int fd, const void *buf, size_t count)
{
	return raw_syscall3(__NR_write, fd, (long)buf, (long)count);
}

static inline long
sys_openat(int dirfd, const char *path, int flags, unsigned int mode)
{
	return raw_syscall4(__NR_openat, dirfd, (long)path, flags, mode);
}

static inline long
sys_close(int fd)
{
	return raw_syscall1(__NR_close, fd);
}

/* The system call has no flags argument: it checks with the real user
 * and group ids, as access() does. */
static inline long
sys_faccessat(int dirfd, const char *path, int mode)
{
	return raw_syscall3(__NR_faccessat, dirfd, (long)path, mode);
}

static inline long
sys_execve(const char *path, char *const argv[], char *const envp[])
{
	return raw_syscall3(__NR_execve, (long)path, (long)argv, (long)envp);
}

/* Map LEN bytes of zeroed private memory and return the address, or
 * -errno. */
static inline long
sys_mmap_anonymous(size_t len)
{
#if defined(ARCH_MMAP_ARGS_IN_MEMORY)
	long args[6] = {
		0, (long)len, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0
	};

	return raw_syscall1(__NR_mmap, (long)args);
#elif defined(__NR_mmap2)
	/* 32-bit ABIs: mmap2 takes the offset in pages, and __NR_mmap, where
	 * it exists, is the old call with its arguments in memory. */
	return raw_syscall6(__NR_mmap2, 0, (long)len, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
#else
	return raw_syscall6(__NR_mmap, 0, (long)len, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
#endif
}

static inline long
sys_munmap(void *addr, size_t len)
{
	return raw_syscall2(__NR_munmap, (long)addr, (long)len);
}

static inline long
sys_mremap(void *addr, size_t old_len, size_t new_len, int flags)
{
	return raw_syscall4(__NR_mremap, (long)addr, (long)old_len,
			    (long)new_len, flags);
}

/* Return only when a seccomp filter denies exit_group. */
static inline long
sys_exit_group(int status)
{
	return raw_syscall1(__NR_exit_group, status);
}

/* Return only when a seccomp filter denies exit. */
static inline long
sys_exit(int status)
{
	return raw_syscall1(__NR_exit, status);
}

#endif
