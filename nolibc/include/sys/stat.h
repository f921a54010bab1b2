#ifndef NOLIBC_SYS_STAT_H
#define NOLIBC_SYS_STAT_H

#include <sys/types.h>

#define S_IFMT	0170000
#define S_IFDIR 0040000
#define S_IFREG 0100000
#define S_IFSOCK 0140000

#define S_ISDIR(mode) (((mode) & S_IFMT) == S_IFDIR)
#define S_ISREG(mode) (((mode) & S_IFMT) == S_IFREG)
#define S_ISSOCK(mode) (((mode) & S_IFMT) == S_IFSOCK)

/*
 * NOTE: only the fields seccwrap reads.  stat() and fstat() copy them
 * out of the kernel's own layout, which differs between architectures.
 */
struct stat {
	dev_t st_dev;
	ino_t st_ino;
	mode_t st_mode;
	off_t st_size;
};

int stat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);

#endif
