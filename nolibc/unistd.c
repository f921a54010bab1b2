/*
 * The errno-setting layer over sys.h: each function returns -1 and sets
 * errno where the kernel returned -errno.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>

#include "sys.h"

int errno;

/*
 * NOTE: six arguments are always read, also past those the caller
 * passed, and each is read as a long.  The kernel ignores arguments that
 * a call does not take.  An int passed for a long parameter (prctl's
 * zeros) relies on the upper half of its slot being zero, which GCC
 * gives int constants but the x86_64 and aarch64 ABIs do not promise.
 */
long
syscall(long nr, ...)
{
	long a1, a2, a3, a4, a5, a6;
	va_list ap;

	va_start(ap, nr);
	a1 = va_arg(ap, long);
	a2 = va_arg(ap, long);
	a3 = va_arg(ap, long);
	a4 = va_arg(ap, long);
	a5 = va_arg(ap, long);
	a6 = va_arg(ap, long);
	va_end(ap);
	return syscall_ret(raw_syscall6(nr, a1, a2, a3, a4, a5, a6));
}

ssize_t
read(int fd, void *buf, size_t count)
{
	return syscall_ret(sys_read(fd, buf, count));
}

ssize_t
write(int fd, const void *buf, size_t count)
{
	return syscall_ret(sys_write(fd, buf, count));
}

/* O_LARGEFILE is added as other C libraries do, so that 32-bit ABIs open
 * files over 2 GiB; 64-bit kernels set it anyway. */
int
open(const char *path, int flags, ...)
{
	unsigned int mode = 0;
	va_list ap;

	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
		va_start(ap, flags);
		mode = va_arg(ap, unsigned int);
		va_end(ap);
	}
	return (int)syscall_ret(sys_openat(AT_FDCWD, path, flags | O_LARGEFILE,
					   mode));
}

int
close(int fd)
{
	return (int)syscall_ret(sys_close(fd));
}

int
access(const char *path, int mode)
{
	return (int)syscall_ret(sys_faccessat(AT_FDCWD, path, mode));
}

int
execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)syscall_ret(sys_execve(path, argv, envp));
}
