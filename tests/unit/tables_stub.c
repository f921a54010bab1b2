/*
 * A few entries of the x86_64, i386 and x32 syscall tables and of the
 * errno table, for unit tests built before the generated tables exist.
 * Numbers are from the Linux 6.1 UAPI headers (asm/unistd_64.h,
 * asm/unistd_32.h, asm/unistd_x32.h, asm-generic/errno*.h).
 */
#include <stddef.h>

#include "seccwrap.h"

static const char *const names[] = {
	"read", "write", "open", "close", "getpid", "mount", "umount2",
	"ptrace", "reboot", "clone", "socket", "mprotect", "personality",
	"kexec_load", "execve",
};

static const uint16_t x86_64_nr[] = {
	0, 1, 2, 3, 39, 165, 166, 101, 169, 56, 41, 10, 135, 246, 59,
};
static const uint16_t i386_nr[] = {
	3, 4, 5, 6, 20, 21, 52, 26, 88, 120, 359, 125, 136, 283, 11,
};
static const uint16_t x32_nr[] = {
	0, 1, 2, 3, 39, 165, 166, 521, 169, 56, 41, 10, 135, 528, 520,
};

static const struct abi x86_64_abi = {
	"x86_64", 0xc000003eu, 0, x86_64_nr, 460, ABI_64BIT,
};
static const struct abi i386_abi = {
	"i386", 0x40000003u, 0, i386_nr, 460, ABI_SOCKETCALL,
};
static const struct abi x32_abi = {
	"x32", 0xc000003eu, 0x40000000u, x32_nr, 548, ABI_64BIT,
};

const struct abi *const host_abis[] = { &x86_64_abi, &i386_abi, &x32_abi };
const unsigned int host_abi_count = 3;

const char *
abi_syscall_name(const struct abi *abi, uint32_t nr)
{
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (abi->nr[i] != SYSCALL_ABSENT &&
		    abi->nr[i] + abi->nr_base == nr)
			return names[i];
	return NULL;
}

const char *
errno_name(int value)
{
	static const struct {
		int value;
		const char *name;
	} errnos[] = {
		{ 1, "EPERM" }, { 2, "ENOENT" }, { 13, "EACCES" },
		{ 22, "EINVAL" }, { 38, "ENOSYS" }, { 95, "EOPNOTSUPP" },
	};
	unsigned int i;

	for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (errnos[i].value == value)
			return errnos[i].name;
	return NULL;
}
