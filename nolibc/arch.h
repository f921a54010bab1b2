/*
 * Pick the per-architecture part of nolibc by the compiler's target
 * macro.  Each arch-*.h defines raw_syscall0() to raw_syscall6(), which
 * return the kernel's result as it is (-errno on failure), and
 * ARCH_START_ASM, the _start entry point that passes the initial stack
 * pointer to nolibc_start().  An arch-*.h whose mmap takes its six
 * arguments from memory defines ARCH_MMAP_ARGS_IN_MEMORY.
 */
#ifndef NOLIBC_ARCH_H
#define NOLIBC_ARCH_H

#if defined(__x86_64__) && !defined(__ILP32__)
#include "arch-x86_64.h"
#elif defined(__i386__)
#include "arch-i386.h"
#elif defined(__aarch64__)
#include "arch-aarch64.h"
#elif defined(__arm__) && defined(__ARM_EABI__)
#include "arch-arm.h"
#elif defined(__riscv) && __riscv_xlen == 64
#include "arch-riscv64.h"
#elif defined(__powerpc64__)
#include "arch-ppc64.h"
#elif defined(__powerpc__)
#include "arch-ppc.h"
#elif defined(__s390x__)
#include "arch-s390x.h"
#elif defined(__mips__) && _MIPS_SIM == _ABI64
#include "arch-mips64.h"
#elif defined(__mips__) && _MIPS_SIM == _ABIO32
#include "arch-mips.h"
#else
#error "nolibc has no support for this architecture; see nolibc/arch.h"
#endif

#endif
