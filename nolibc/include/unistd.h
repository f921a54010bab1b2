#ifndef NOLIBC_UNISTD_H
#define NOLIBC_UNISTD_H

#include <stddef.h>
#include <sys/types.h>

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
int access(const char *path, int mode);
int execve(const char *path, char *const argv[], char *const envp[]);
void _exit(int status) __attribute__((__noreturn__));

/* Make system call NR with up to six long arguments and return the
 * result, or -1 with errno set. */
long syscall(long nr, ...);

#endif
