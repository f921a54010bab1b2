/* getauxval() and the AT_* types of the kernel's linux/auxvec.h. */
#ifndef NOLIBC_SYS_AUXV_H
#define NOLIBC_SYS_AUXV_H

#include <linux/auxvec.h>

/* Return the value of entry TYPE of the auxiliary vector the kernel
 * passed at exec, or 0 when it has none. */
unsigned long getauxval(unsigned long type);

#endif
