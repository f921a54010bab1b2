/* errno and the E* constants, whose values come from the kernel's
 * asm/errno.h for the target architecture. */
#ifndef NOLIBC_ERRNO_H
#define NOLIBC_ERRNO_H

#include <asm/errno.h>

/* nolibc supports one thread only, so errno is a plain variable. */
extern int errno;

#endif
