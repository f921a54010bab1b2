/*
 * Syscall names and numbers per ABI, from the tables that gen/tables.sh
 * generates out of the kernel's UAPI headers.  The host ABI descriptors
 * below are the only ABI facts kept outside tables/.
 */
#include "seccwrap.h"
#include "syscalls.h"

/* AUDIT_ARCH_* values from linux/audit.h and linux/elf-em.h. */
#define AUDIT_ARCH_X86_64 0xc000003eu	/* EM_X86_64 | 64BIT | LE */
#define AUDIT_ARCH_I386	  0x40000003u	/* EM_386 | LE */

static const struct abi abi_x86_64 = {
	"x86_64", AUDIT_ARCH_X86_64, SYSCALL_NR_BASE_X86_64,
	syscall_nr_x86_64, SYSCALL_NR_COUNT_X86_64, ABI_64BIT
};

/* NOTE: i386 "mmap" (90) is old_mmap, which reads its six arguments
 * from a struct in memory.  mmap2 (192) takes them in registers. */
static const struct abi abi_i386 = {
	"i386", AUDIT_ARCH_I386, SYSCALL_NR_BASE_I386,
	syscall_nr_i386, SYSCALL_NR_COUNT_I386,
	ABI_STRUCT_MMAP | ABI_SOCKETCALL
};

/*
 * NOTE: x32 pointers are 32 bits wide, but the kernel fills
 * seccomp_data.args from the full 64-bit registers, and the x86_64
 * syscall code that x32 shares reads unsigned long arguments in full.
 * So the arguments are 64-bit words here as on x86_64, and a filter must
 * test their high word too.  x32 shares AUDIT_ARCH_X86_64, and bit 30 of
 * the number, which nr_base adds, distinguishes it from x86_64.
 */
static const struct abi abi_x32 = {
	"x32", AUDIT_ARCH_X86_64, SYSCALL_NR_BASE_X32,
	syscall_nr_x32, SYSCALL_NR_COUNT_X32, ABI_64BIT
};

const struct abi *const host_abis[] = { &abi_x86_64, &abi_i386, &abi_x32 };
const unsigned int host_abi_count = sizeof(host_abis) / sizeof(host_abis[0]);

/* strcmp(), kept here because the nolibc build has no C library. */
static int
compare(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

unsigned int
syscall_name_count(void)
{
	return SYSCALL_NAMES;
}

const char *
syscall_name(unsigned int index)
{
	if (index >= SYSCALL_NAMES)
		return NULL;
	return syscall_pool + syscall_pool_offset[index];
}

/* The pool is sorted by strcmp(), so a binary search finds the index. */
int
syscall_lookup(const char *name)
{
	unsigned int lo = 0, hi = SYSCALL_NAMES, mid;
	int order;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		order = compare(name, syscall_pool + syscall_pool_offset[mid]);
		if (order == 0)
			return (int)mid;
		if (order < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

long
abi_syscall_nr(const struct abi *abi, unsigned int index)
{
	if (index >= SYSCALL_NAMES || abi->nr[index] == SYSCALL_ABSENT)
		return -1;
	return (long)abi->nr_base + abi->nr[index];
}

/*
 * A linear scan of the SYSCALL_NAMES entries (472 on x86) per call, so
 * printing a whole table costs some 200000 comparisons and needs no
 * reverse index.
 */
const char *
abi_syscall_name(const struct abi *abi, uint32_t nr)
{
	unsigned int i;

	if (nr < abi->nr_base || nr - abi->nr_base >= abi->nr_count)
		return NULL;
	nr -= abi->nr_base;
	for (i = 0; i < SYSCALL_NAMES; i++) {
		if (abi->nr[i] == nr)
			return syscall_name(i);
	}
	return NULL;
}

const struct abi *
abi_by_name(const char *name)
{
	unsigned int i;

	for (i = 0; i < host_abi_count; i++) {
		if (compare(name, host_abis[i]->name) == 0)
			return host_abis[i];
	}
	return NULL;
}
