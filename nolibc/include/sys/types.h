#ifndef NOLIBC_SYS_TYPES_H
#define NOLIBC_SYS_TYPES_H

/* ptrdiff_t has the width of size_t on every Linux ABI. */
typedef __PTRDIFF_TYPE__ ssize_t;

typedef unsigned long long dev_t;
typedef unsigned long long ino_t;
typedef unsigned int mode_t;
typedef long long off_t;

#endif
