/* open() and the O_* and AT_* constants, whose values come from the
 * kernel's linux/fcntl.h for the target architecture. */
#ifndef NOLIBC_FCNTL_H
#define NOLIBC_FCNTL_H

#include <linux/fcntl.h>

/* MODE (unsigned int) is read only when FLAGS has O_CREAT or O_TMPFILE. */
int open(const char *path, int flags, ...);

#endif
