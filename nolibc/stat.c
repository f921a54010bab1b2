/*
 * stat() and fstat() through newfstatat (64-bit ABIs) or fstatat64
 * (32-bit ABIs), whose struct layouts come from the kernel's asm/stat.h.
 * fstat() passes AT_EMPTY_PATH (Linux 2.6.39), which every kernel with
 * seccomp filters (3.5) has.  The musl build links this file too, in
 * place of musl's larger fstatat().
 */
/* Rename the kernel's struct stat and struct stat64 so that they do not
 * clash with the C library's struct stat.  asm/stat.h comes first: musl's
 * sys/stat.h, in the musl build, defines st_atime as a macro. */
#define stat kernel_stat
#define stat64 kernel_stat64
#include <asm/stat.h>
#undef stat
#undef stat64

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "sys.h"

#if defined(__NR_newfstatat)
#define NR_FSTATAT __NR_newfstatat
typedef struct kernel_stat kernel_stat_t;
#elif defined(__NR_fstatat64)
#define NR_FSTATAT __NR_fstatat64
typedef struct kernel_stat64 kernel_stat_t;
#else
#error "nolibc: this architecture has neither newfstatat nor fstatat64"
#endif

static int
fstatat_copy(int dirfd, const char *path, struct stat *st, int flags)
{
	kernel_stat_t k;
	long r;

	r = raw_syscall4(NR_FSTATAT, dirfd, (long)path, (long)&k, flags);
	if (r < 0)
		return (int)syscall_ret(r);
	st->st_dev = k.st_dev;
	st->st_ino = k.st_ino;
	st->st_mode = k.st_mode;
	st->st_size = (off_t)k.st_size;
	return 0;
}

int
stat(const char *path, struct stat *st)
{
	return fstatat_copy(AT_FDCWD, path, st, 0);
}

int
fstat(int fd, struct stat *st)
{
	return fstatat_copy(fd, "", st, AT_EMPTY_PATH);
}
