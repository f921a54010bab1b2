/*
 * The architectures seccwrap builds filters for: for each, the syscall
 * ABIs its kernel runs, native first, and its errno table.  The end of
 * the file picks the build host's architecture; no other file tests the
 * compiler's architecture macros.  Only syscalls.c includes this file,
 * after tables/syscalls.h and tables/errnos.h.
 */

/*
 * AUDIT_ARCH_* values of linux/audit.h: the ELF machine (linux/elf-em.h),
 * plus 0x80000000 for a 64-bit ABI, 0x40000000 for a little-endian one,
 * and 0x20000000 for mips n32.
 */
#define AUDIT_ARCH_I386		0x40000003u
#define AUDIT_ARCH_X86_64	0xc000003eu
#define AUDIT_ARCH_ARM		0x40000028u
#define AUDIT_ARCH_AARCH64	0xc00000b7u
#define AUDIT_ARCH_RISCV64	0xc00000f3u
#define AUDIT_ARCH_PPC		0x00000014u
#define AUDIT_ARCH_PPC64	0x80000015u
#define AUDIT_ARCH_PPC64LE	0xc0000015u
#define AUDIT_ARCH_S390		0x00000016u
#define AUDIT_ARCH_S390X	0x80000016u
#define AUDIT_ARCH_MIPS		0x00000008u
#define AUDIT_ARCH_MIPSEL	0x40000008u
#define AUDIT_ARCH_MIPS64	0x80000008u
#define AUDIT_ARCH_MIPSEL64	0xc0000008u
#define AUDIT_ARCH_MIPS64N32	0xa0000008u
#define AUDIT_ARCH_MIPSEL64N32	0xe0000008u
#define AUDIT_ARCH_PARISC	0x0000000fu
#define AUDIT_ARCH_PARISC64	0x8000000fu
#define AUDIT_ARCH_M68K		0x00000004u
#define AUDIT_ARCH_SH		0x0000002au
#define AUDIT_ARCH_SHEL		0x4000002au

/*
 * Each ABI, as the arguments of M: its name, AUDIT_ARCH_*, table (the
 * TABLE_* of tables/syscalls.h without the prefix, which M only pastes,
 * so that a predefined macro such as gnu99's PPC cannot replace it) and
 * ABI_* flags.
 *
 * NOTE: the kernel stores seccomp_data.args in its own byte order, so
 * ABI_BIG_ENDIAN follows the kernel, not the task: ppc on a ppc64le
 * kernel is little-endian here.
 *
 * NOTE: i386, m68k, s390 and s390x "mmap" (90) is old_mmap, which reads
 * its six arguments from a struct in memory.  mmap2 takes them in
 * registers, but s390x has no mmap2, and the mmap2 of s390 (31-bit,
 * compat_sys_s390_mmap2) reads a struct too.
 *
 * NOTE: a mips64 kernel enters every syscall through the o32 handler,
 * which passes a number outside its range on to n32 and then to n64
 * (scall64-o32.S), so any task reaches all three tables by number.
 * seccomp_data.arch still names the task's own ABI.
 *
 * NOTE: x32 pointers are 32 bits wide, but the kernel fills
 * seccomp_data.args from the full 64-bit registers, and the x86_64
 * syscall code that x32 shares reads unsigned long arguments in full.
 * So the arguments are 64-bit words here as on x86_64, and a filter must
 * test their high word too.  x32 shares AUDIT_ARCH_X86_64, and bit 30 of
 * the number, which nr_base adds, distinguishes it from x86_64.
 *
 * NOTE: mips n32 passes 32-bit C types in 64-bit registers, sign-extended,
 * and the kernel reads their low word.  So a filter tests only the low
 * word, as for a 32-bit ABI; a high-word test would fail on every
 * negative int.
 *
 * NOTE: a riscv64 kernel reports AUDIT_ARCH_RISCV64 for 32-bit (rv32)
 * tasks too, so a filter cannot tell their numbers apart.  rv32 numbers
 * its calls as riscv64 does, except for its 64-bit time calls, which
 * gen/tables.sh adds to the riscv64 table at their own numbers.
 *
 * NOTE: syscall_get_arch() of powerpc returns AUDIT_ARCH_PPC for every
 * 32-bit task, without the little-endian bit, also on ppc64le.  Before
 * Linux 5.15 it added the bit on ppc64le.  Filters for ppc64le treat
 * that value as unknown, so a 32-bit task on such a kernel is killed.
 * No distribution ships 32-bit little-endian powerpc programs.
 *
 * NOTE: Linux 6.19 removed the 31-bit s390 ABI; its table comes from
 * Linux 6.1 headers and lacks the calls that Linux 6.2 to 6.18 added.
 */
#define X86_64_ABI(M)	M("x86_64", AUDIT_ARCH_X86_64, X86_64, ABI_64BIT)
#define I386_ABI(M)	M("i386", AUDIT_ARCH_I386, I386, \
			  ABI_STRUCT_MMAP | ABI_SOCKETCALL)
#define X32_ABI(M)	M("x32", AUDIT_ARCH_X86_64, X32, ABI_64BIT)
#define AARCH64_ABI(M)	M("aarch64", AUDIT_ARCH_AARCH64, AARCH64, ABI_64BIT)
#define ARM_ABI(M)	M("arm", AUDIT_ARCH_ARM, ARM, 0)
#define RISCV64_ABI(M)	M("riscv64", AUDIT_ARCH_RISCV64, RISCV64, ABI_64BIT)
#define PPC64_ABI(M)	M("ppc64", AUDIT_ARCH_PPC64, PPC64, \
			  ABI_64BIT | ABI_BIG_ENDIAN | ABI_SOCKETCALL)
#define PPC64LE_ABI(M)	M("ppc64le", AUDIT_ARCH_PPC64LE, PPC64, \
			  ABI_64BIT | ABI_SOCKETCALL)
#define PPC_ABI(M)	M("ppc", AUDIT_ARCH_PPC, PPC, \
			  ABI_BIG_ENDIAN | ABI_SOCKETCALL)
#define PPC_ON_LE_ABI(M) M("ppc", AUDIT_ARCH_PPC, PPC, ABI_SOCKETCALL)
#define S390X_ABI(M)	M("s390x", AUDIT_ARCH_S390X, S390X, \
			  ABI_64BIT | ABI_BIG_ENDIAN | ABI_STRUCT_MMAP | \
			  ABI_SOCKETCALL | ABI_CLONE_FLAGS_ARG1)
#define S390_ABI(M)	M("s390", AUDIT_ARCH_S390, S390, \
			  ABI_BIG_ENDIAN | ABI_STRUCT_MMAP | ABI_STRUCT_MMAP2 | \
			  ABI_SOCKETCALL | ABI_CLONE_FLAGS_ARG1)
#define O32_ABI(M)	M("o32", AUDIT_ARCH_MIPS, O32, \
			  ABI_BIG_ENDIAN | ABI_SOCKETCALL | ABI_NR_RANGE)
#define O32EL_ABI(M)	M("o32", AUDIT_ARCH_MIPSEL, O32, \
			  ABI_SOCKETCALL | ABI_NR_RANGE)
#define N64_ABI(M)	M("n64", AUDIT_ARCH_MIPS64, N64, \
			  ABI_64BIT | ABI_BIG_ENDIAN | ABI_NR_RANGE)
#define N64EL_ABI(M)	M("n64", AUDIT_ARCH_MIPSEL64, N64, \
			  ABI_64BIT | ABI_NR_RANGE)
#define N32_ABI(M)	M("n32", AUDIT_ARCH_MIPS64N32, N32, \
			  ABI_BIG_ENDIAN | ABI_NR_RANGE)
#define N32EL_ABI(M)	M("n32", AUDIT_ARCH_MIPSEL64N32, N32, ABI_NR_RANGE)
#define PARISC64_ABI(M)	M("parisc64", AUDIT_ARCH_PARISC64, PARISC64, \
			  ABI_64BIT | ABI_BIG_ENDIAN)
#define PARISC_ABI(M)	M("parisc", AUDIT_ARCH_PARISC, PARISC, \
			  ABI_BIG_ENDIAN)
#define M68K_ABI(M)	M("m68k", AUDIT_ARCH_M68K, M68K, \
			  ABI_BIG_ENDIAN | ABI_STRUCT_MMAP | ABI_SOCKETCALL)
#define SH_ABI(M)	M("sh", AUDIT_ARCH_SHEL, SH, ABI_SOCKETCALL)
#define SHEB_ABI(M)	M("sheb", AUDIT_ARCH_SH, SH, \
			  ABI_BIG_ENDIAN | ABI_SOCKETCALL)

/*
 * NOTE: arm's private calls (cacheflush, set_tls, ...) are numbered from
 * __ARM_NR_BASE 0xf0000, the table's private base.  For an unknown one
 * the kernel returns ENOSYS up to 0xf07ff and raises SIGILL above
 * (arm_syscall() in arch/arm/kernel/traps.c; __ARM_NR_COMPAT_END on
 * arm64).  An arm64 kernel runs only cacheflush and set_tls for 32-bit
 * tasks and returns ENOSYS for the others.
 */
#define PRIVATE_SPAN 0x800u

/* An ABI above, without pointers, for arch_select() to expand into a
 * struct abi. */
struct abi_desc {
	uint32_t audit_arch;
	uint8_t table;
	uint8_t flags;
	char name[10];
};
#define DESC(abi_name, audit, t, abi_flags) \
	{ audit, TABLE_##t, abi_flags, abi_name }

enum {
	D_X86_64, D_I386, D_X32, D_AARCH64, D_ARM, D_RISCV64, D_PPC64,
	D_PPC64LE, D_PPC, D_PPC_ON_LE, D_S390X, D_S390, D_O32, D_O32EL,
	D_N64, D_N64EL, D_N32, D_N32EL, D_PARISC64, D_PARISC, D_M68K, D_SH,
	D_SHEB
};

static const struct abi_desc abi_descs[] = {
	[D_X86_64] = X86_64_ABI(DESC),
	[D_I386] = I386_ABI(DESC),
	[D_X32] = X32_ABI(DESC),
	[D_AARCH64] = AARCH64_ABI(DESC),
	[D_ARM] = ARM_ABI(DESC),
	[D_RISCV64] = RISCV64_ABI(DESC),
	[D_PPC64] = PPC64_ABI(DESC),
	[D_PPC64LE] = PPC64LE_ABI(DESC),
	[D_PPC] = PPC_ABI(DESC),
	[D_PPC_ON_LE] = PPC_ON_LE_ABI(DESC),
	[D_S390X] = S390X_ABI(DESC),
	[D_S390] = S390_ABI(DESC),
	[D_O32] = O32_ABI(DESC),
	[D_O32EL] = O32EL_ABI(DESC),
	[D_N64] = N64_ABI(DESC),
	[D_N64EL] = N64EL_ABI(DESC),
	[D_N32] = N32_ABI(DESC),
	[D_N32EL] = N32EL_ABI(DESC),
	[D_PARISC64] = PARISC64_ABI(DESC),
	[D_PARISC] = PARISC_ABI(DESC),
	[D_M68K] = M68K_ABI(DESC),
	[D_SH] = SH_ABI(DESC),
	[D_SHEB] = SHEB_ABI(DESC),
};

/* An architecture: its ABIs as indices into abi_descs[]. */
struct arch {
	char name[10];
	uint8_t errno_table;		/* ERRNO_TABLE_* */
	uint8_t count;
	uint8_t abi[HOST_ABI_MAX];
};

enum {
	ARCH_X86_64, ARCH_I386, ARCH_AARCH64, ARCH_ARM, ARCH_RISCV64,
	ARCH_PPC64, ARCH_PPC64LE, ARCH_PPC, ARCH_S390X, ARCH_S390, ARCH_MIPS,
	ARCH_MIPSEL, ARCH_MIPS64, ARCH_MIPS64EL, ARCH_PARISC, ARCH_PARISC64,
	ARCH_M68K, ARCH_SH, ARCH_SHEB, ARCHES
};

static const struct arch arches[ARCHES] = {
	{ "x86_64", ERRNO_TABLE_X86, 3, { D_X86_64, D_I386, D_X32 } },
	{ "i386", ERRNO_TABLE_X86, 1, { D_I386 } },
	{ "aarch64", ERRNO_TABLE_ARM64, 2, { D_AARCH64, D_ARM } },
	{ "arm", ERRNO_TABLE_ARM, 1, { D_ARM } },
	{ "riscv64", ERRNO_TABLE_RISCV, 1, { D_RISCV64 } },
	{ "ppc64", ERRNO_TABLE_POWERPC, 2, { D_PPC64, D_PPC } },
	{ "ppc64le", ERRNO_TABLE_POWERPC, 2, { D_PPC64LE, D_PPC_ON_LE } },
	{ "ppc", ERRNO_TABLE_POWERPC, 1, { D_PPC } },
	/* NOTE: only kernels older than 6.19 run s390 beside s390x. */
	{ "s390x", ERRNO_TABLE_S390, 2, { D_S390X, D_S390 } },
	{ "s390", ERRNO_TABLE_S390, 1, { D_S390 } },
	{ "mips", ERRNO_TABLE_MIPS, 1, { D_O32 } },
	{ "mipsel", ERRNO_TABLE_MIPS, 1, { D_O32EL } },
	{ "mips64", ERRNO_TABLE_MIPS, 3, { D_N64, D_O32, D_N32 } },
	{ "mips64el", ERRNO_TABLE_MIPS, 3, { D_N64EL, D_O32EL, D_N32EL } },
	{ "parisc", ERRNO_TABLE_PARISC, 1, { D_PARISC } },
	{ "parisc64", ERRNO_TABLE_PARISC, 2, { D_PARISC64, D_PARISC } },
	{ "m68k", ERRNO_TABLE_M68K, 1, { D_M68K } },
	{ "sh", ERRNO_TABLE_SH, 1, { D_SH } },
	{ "sheb", ERRNO_TABLE_SH, 1, { D_SHEB } },
};

/* The names of arches[], in its order. */
const char arch_choices[] = "x86_64 i386 aarch64 arm riscv64 ppc64 ppc64le "
	"ppc s390x s390 mips mipsel mips64 mips64el parisc parisc64 m68k sh "
	"sheb";

/*
 * The build host, from the compiler's macros: its index in arches[],
 * which the first use of host_abis selects.
 *
 * A 32-bit build on a 64-bit kernel selects the kernel's arch at run
 * time (arch_select_kernel()).  x32, mips n32 and big-endian arm and
 * aarch64 builds stop at the #error: seccwrap itself would run an ABI
 * that no arch here treats as native.
 */
#if defined(__x86_64__) && !defined(__ILP32__)
#define HOST ARCH_X86_64
#elif defined(__i386__)
#define HOST ARCH_I386
#elif defined(__aarch64__) && !defined(__AARCH64EB__)
#define HOST ARCH_AARCH64
#elif defined(__arm__) && defined(__ARM_EABI__) && !defined(__ARMEB__)
#define HOST ARCH_ARM
#elif defined(__riscv) && __riscv_xlen == 64
#define HOST ARCH_RISCV64
#elif defined(__powerpc64__) && defined(__BIG_ENDIAN__)
#define HOST ARCH_PPC64
#elif defined(__powerpc64__)
#define HOST ARCH_PPC64LE
#elif defined(__powerpc__) && defined(__BIG_ENDIAN__)
#define HOST ARCH_PPC
#elif defined(__s390x__)
#define HOST ARCH_S390X
#elif defined(__s390__)
#define HOST ARCH_S390
#elif defined(__mips__) && _MIPS_SIM == _ABIO32 && defined(__MIPSEB__)
#define HOST ARCH_MIPS
#elif defined(__mips__) && _MIPS_SIM == _ABIO32
#define HOST ARCH_MIPSEL
#elif defined(__mips__) && _MIPS_SIM == _ABI64 && defined(__MIPSEB__)
#define HOST ARCH_MIPS64
#elif defined(__mips__) && _MIPS_SIM == _ABI64
#define HOST ARCH_MIPS64EL
#elif defined(__hppa__) && defined(__LP64__)
#define HOST ARCH_PARISC64
#elif defined(__hppa__)
#define HOST ARCH_PARISC
#elif defined(__m68k__)
#define HOST ARCH_M68K
#elif defined(__sh__) && defined(__LITTLE_ENDIAN__)
#define HOST ARCH_SH
#elif defined(__sh__)
#define HOST ARCH_SHEB
#else
#error "seccwrap has no syscall ABIs for this target; see src/arch.h"
#endif
