/*
 * Unit test of the syscall and errno lookups and the architecture
 * descriptors (src/syscalls.c, src/arch.h, src/errnos.c), built with the
 * host's C library by tests/build.d.
 *
 *   tables_test                  run the checks, one "ok NAME" or
 *                                "not ok NAME: REASON" line each
 *   tables_test dump             print "TABLE NAME NUMBER" for every
 *                                syscall of every table
 *   tables_test abis             print "ARCH ABI TABLE AUDIT_ARCH FLAGS"
 *                                for every ABI of every arch, FLAGS
 *                                such as 64BIT,SOCKETCALL or -
 *   tables_test [-a ARCH] errnos print "NAME VALUE" for every errno
 *   tables_test [-a ARCH] errno NAME...
 *                                print "NAME VALUE" from errno_lookup()
 *
 * The checks hold for tables from Linux 6.1 headers on, so the same file
 * also checks tables regenerated from older headers.
 */
#define _POSIX_C_SOURCE 200809L

#include <linux/audit.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "seccwrap.h"
#include "syscalls.h"

#define LENGTH(a) (sizeof(a) / sizeof((a)[0]))

static int failures;

static void
report(const char *name, int ok, const char *reason)
{
	if (ok) {
		printf("ok %s\n", name);
	} else {
		printf("not ok %s: %s\n", name, reason);
		failures++;
	}
}

/* Copy the WHICH-th word of the space-separated LIST into WORD; return 0
 * past the last word. */
static int
word_at(const char *list, unsigned int which, char *word, size_t size)
{
	size_t len;

	for (;;) {
		while (*list == ' ')
			list++;
		if (*list == '\0')
			return 0;
		len = strcspn(list, " ");
		if (which-- == 0) {
			snprintf(word, size, "%.*s", (int)len, list);
			return 1;
		}
		list += len;
	}
}

static const char *
table_name(unsigned int table)
{
	static char word[32];

	if (!word_at(SYSCALL_TABLE_NAMES, table, word, sizeof(word)))
		return "?";
	return word;
}

static long
nr_of(const char *arch, const char *abi_name, const char *name)
{
	const struct abi *abi;
	int index;

	if (arch_select(arch) < 0 || (abi = abi_by_name(abi_name)) == NULL)
		return -2;
	index = syscall_lookup(name);
	return index < 0 ? -3 : abi_syscall_nr(abi, (unsigned int)index);
}

/* Numbers of syscalls older than Linux 6.1, from asm/unistd*.h. */
static const struct {
	const char *arch;
	const char *abi;
	const char *name;
	long nr;
} known[] = {
	{ "x86_64", "x86_64", "read", 0 },
	{ "x86_64", "x86_64", "execve", 59 },
	{ "x86_64", "x86_64", "clone3", 435 },
	{ "x86_64", "x86_64", "_llseek", -1 },
	{ "x86_64", "x86_64", "socketcall", -1 },
	{ "x86_64", "i386", "_llseek", 140 },
	{ "x86_64", "i386", "read", 3 },
	{ "x86_64", "i386", "socketcall", 102 },
	{ "x86_64", "i386", "mmap2", 192 },
	{ "x86_64", "i386", "arch_prctl", 384 },
	{ "x86_64", "x32", "read", 0x40000000 },
	{ "x86_64", "x32", "rt_sigaction", 0x40000000 + 512 },
	{ "x86_64", "x32", "execve", 0x40000000 + 520 },
	{ "x86_64", "x32", "_sysctl", -1 },
	{ "i386", "i386", "execve", 11 },
	{ "aarch64", "aarch64", "read", 63 },
	{ "aarch64", "aarch64", "execve", 221 },
	{ "aarch64", "aarch64", "open", -1 },
	{ "aarch64", "arm", "execve", 11 },
	{ "arm", "arm", "read", 3 },
	{ "arm", "arm", "clone", 120 },
	{ "arm", "arm", "mmap2", 192 },
	{ "arm", "arm", "mmap", -1 },
	{ "arm", "arm", "socketcall", -1 },
	{ "arm", "arm", "arm_sync_file_range", 341 },
	{ "arm", "arm", "sync_file_range2", 341 },
	{ "riscv64", "riscv64", "execve", 221 },
	{ "riscv64", "riscv64", "riscv_flush_icache", 259 },
	{ "riscv64", "riscv64", "renameat", -1 },
	{ "ppc64", "ppc64", "execve", 11 },
	{ "ppc64", "ppc64", "socketcall", 102 },
	{ "ppc64", "ppc64", "mmap2", -1 },
	{ "ppc64", "ppc", "mmap2", 192 },
	{ "ppc64le", "ppc64le", "seccomp", 358 },
	{ "ppc64le", "ppc", "seccomp", 358 },
	{ "ppc", "ppc", "clone", 120 },
	{ "s390x", "s390x", "read", 3 },
	{ "s390x", "s390x", "mmap", 90 },
	{ "s390x", "s390x", "mmap2", -1 },
	{ "s390x", "s390", "mmap2", 192 },
	{ "s390x", "s390", "_llseek", 140 },
	{ "s390", "s390", "seccomp", 348 },
	{ "mips", "o32", "syscall", 4000 },
	{ "mips", "o32", "read", 4003 },
	{ "mipsel", "o32", "socketcall", 4102 },
	{ "mips64", "n64", "read", 5000 },
	{ "mips64", "n64", "execve", 5057 },
	{ "mips64", "o32", "execve", 4011 },
	{ "mips64", "n32", "read", 6000 },
	{ "mips64el", "n32", "execve", 6057 },
	{ "mips64el", "n64", "cacheflush", 5197 },
	{ "parisc", "parisc", "execve", 11 },
	{ "parisc", "parisc", "mmap2", 89 },
	{ "parisc64", "parisc64", "seccomp", 338 },
	{ "parisc64", "parisc", "_llseek", 140 },
	{ "m68k", "m68k", "cacheflush", 123 },
	{ "m68k", "m68k", "execveat", 355 },
	{ "sh", "sh", "seccomp", 372 },
	{ "sh", "sh", "clone3", -1 },
	{ "sheb", "sheb", "socket", 340 },
};

static void
check_known(void)
{
	char reason[160] = "";
	unsigned int i;
	long nr;
	int ok = 1;

	for (i = 0; i < LENGTH(known) && ok; i++) {
		nr = nr_of(known[i].arch, known[i].abi, known[i].name);
		if (nr != known[i].nr) {
			snprintf(reason, sizeof(reason), "%s %s %s: got %ld, "
			    "expected %ld", known[i].arch, known[i].abi,
			    known[i].name, nr, known[i].nr);
			ok = 0;
		}
	}
	report("known-numbers", ok, reason);
}

static void
check_lookup(void)
{
	unsigned int i, count = syscall_name_count();
	char reason[160] = "";
	int ok = 1;

	report("first-name", syscall_lookup(syscall_name(0)) == 0,
	    syscall_name(0));
	report("last-name", count > 0 &&
	    syscall_lookup(syscall_name(count - 1)) == (int)(count - 1),
	    "the last name is not found at its own index");
	report("first-name-is-_llseek",
	    strcmp(syscall_name(0), "_llseek") == 0, syscall_name(0));
	report("last-name-is-writev",
	    strcmp(syscall_name(count - 1), "writev") == 0,
	    syscall_name(count - 1));
	report("name-past-end", syscall_name(count) == NULL, "not NULL");

	for (i = 0; i < count; i++) {
		if (i > 0 &&
		    strcmp(syscall_name(i - 1), syscall_name(i)) >= 0) {
			snprintf(reason, sizeof(reason), "'%s' sorts after "
			    "'%s'", syscall_name(i - 1), syscall_name(i));
			ok = 0;
			break;
		}
		if (syscall_lookup(syscall_name(i)) != (int)i) {
			snprintf(reason, sizeof(reason), "'%s' not found at "
			    "index %u", syscall_name(i), i);
			ok = 0;
			break;
		}
	}
	report("every-name-found", ok, reason);
}

static void
check_absent(void)
{
	static const char *const absent[] = {
		"", "A", "READ", "Read", "rea", "readx", "read ", "_",
		"__llseek", "zzzz", "~", "nosuchcall", "ni_syscall",
	};
	unsigned int i;

	for (i = 0; i < LENGTH(absent); i++) {
		if (syscall_lookup(absent[i]) != -1) {
			report("absent-names", 0, absent[i]);
			return;
		}
	}
	report("absent-names", 1, "");
}

/* Return "" when every name of ABI maps to a number that maps back to a
 * name with that number, and the top number is nr_count - 1; else the
 * reason, in REASON. */
static const char *
round_trip(const struct abi *abi, char *reason, size_t size)
{
	long nr, top = -1;
	unsigned int i;
	const char *name;

	for (i = 0; i < syscall_name_count(); i++) {
		nr = abi_syscall_nr(abi, i);
		if (nr < 0)
			continue;
		if (abi->private_hi == 0 || nr < (long)abi->private_lo) {
			if (nr > top)
				top = nr;
		}
		name = abi_syscall_name(abi, (uint32_t)nr);
		if (name == NULL || abi_syscall_nr(abi,
		    (unsigned int)syscall_lookup(name)) != nr) {
			snprintf(reason, size, "%s %s %ld: number lookup "
			    "gives %s", abi->name, syscall_name(i), nr,
			    name ? name : "NULL");
			return reason;
		}
	}
	if (top + 1 != (long)(abi->nr_base + abi->nr_count)) {
		snprintf(reason, size, "%s: top number %ld, nr_count %u",
		    abi->name, top, abi->nr_count);
		return reason;
	}
	return "";
}

/* Run CHECK on every ABI of every arch; report NAME. */
static void
each_abi(const char *name,
	 const char *(*check)(const char *arch, const struct abi *abi,
			      char *reason, size_t size))
{
	char arch[32], reason[200] = "";
	const char *failure = "";
	unsigned int a, i;

	for (a = 0; *failure == '\0' && word_at(arch_choices, a, arch,
	     sizeof(arch)); a++) {
		if (arch_select(arch) < 0) {
			snprintf(reason, sizeof(reason), "%s: not selected",
			    arch);
			failure = reason;
			break;
		}
		for (i = 0; i < host_abi_count && *failure == '\0'; i++)
			failure = check(arch, host_abis[i], reason,
			    sizeof(reason));
	}
	report(name, *failure == '\0', failure);
}

static const char *
check_round_trip(const char *arch, const struct abi *abi, char *reason,
		 size_t size)
{
	(void)arch;
	return round_trip(abi, reason, size);
}

/* The ABIs of each arch, native first, and the audit arch of each. */
static const struct {
	const char *arch;
	const char *abis;
	uint32_t audit[HOST_ABI_MAX];
} arch_abis[] = {
	{ "x86_64", "x86_64 i386 x32",
	  { AUDIT_ARCH_X86_64, AUDIT_ARCH_I386, AUDIT_ARCH_X86_64 } },
	{ "i386", "i386", { AUDIT_ARCH_I386 } },
	{ "aarch64", "aarch64 arm", { AUDIT_ARCH_AARCH64, AUDIT_ARCH_ARM } },
	{ "arm", "arm", { AUDIT_ARCH_ARM } },
	{ "riscv64", "riscv64", { AUDIT_ARCH_RISCV64 } },
	{ "ppc64", "ppc64 ppc", { AUDIT_ARCH_PPC64, AUDIT_ARCH_PPC } },
	{ "ppc64le", "ppc64le ppc", { AUDIT_ARCH_PPC64LE, AUDIT_ARCH_PPC } },
	{ "ppc", "ppc", { AUDIT_ARCH_PPC } },
	{ "s390x", "s390x s390", { AUDIT_ARCH_S390X, AUDIT_ARCH_S390 } },
	{ "s390", "s390", { AUDIT_ARCH_S390 } },
	{ "mips", "o32", { AUDIT_ARCH_MIPS } },
	{ "mipsel", "o32", { AUDIT_ARCH_MIPSEL } },
	{ "mips64", "n64 o32 n32",
	  { AUDIT_ARCH_MIPS64, AUDIT_ARCH_MIPS, AUDIT_ARCH_MIPS64N32 } },
	{ "mips64el", "n64 o32 n32",
	  { AUDIT_ARCH_MIPSEL64, AUDIT_ARCH_MIPSEL,
	    AUDIT_ARCH_MIPSEL64N32 } },
	{ "parisc", "parisc", { AUDIT_ARCH_PARISC } },
	{ "parisc64", "parisc64 parisc",
	  { AUDIT_ARCH_PARISC64, AUDIT_ARCH_PARISC } },
	{ "m68k", "m68k", { AUDIT_ARCH_M68K } },
	{ "sh", "sh", { AUDIT_ARCH_SHEL } },
	{ "sheb", "sheb", { AUDIT_ARCH_SH } },
};

static void
check_arches(void)
{
	char reason[200] = "", word[32];
	unsigned int a, i, j;
	int ok = 1;

	for (a = 0; a < LENGTH(arch_abis) && ok; a++) {
		if (arch_select(arch_abis[a].arch) < 0 ||
		    strcmp(arch_current(), arch_abis[a].arch) != 0) {
			snprintf(reason, sizeof(reason), "%s: not selected",
			    arch_abis[a].arch);
			ok = 0;
			break;
		}
		for (i = 0; ok && i < HOST_ABI_MAX; i++) {
			if (!word_at(arch_abis[a].abis, i, word,
			    sizeof(word))) {
				ok = i == host_abi_count;
				snprintf(reason, sizeof(reason), "%s: %u ABIs,"
				    " expected %u", arch_abis[a].arch,
				    host_abi_count, i);
				break;
			}
			ok = i < host_abi_count &&
			    strcmp(host_abis[i]->name, word) == 0 &&
			    host_abis[i]->audit_arch == arch_abis[a].audit[i];
			snprintf(reason, sizeof(reason), "%s: ABI %u is not "
			    "%s with audit arch 0x%x", arch_abis[a].arch, i,
			    word, arch_abis[a].audit[i]);
		}
		/* ABIs that share an audit arch need disjoint numbers. */
		for (i = 0; ok && i < host_abi_count; i++) {
			for (j = 0; ok && j < i; j++) {
				ok = host_abis[i]->audit_arch !=
				    host_abis[j]->audit_arch ||
				    host_abis[i]->nr_base !=
				    host_abis[j]->nr_base;
				snprintf(reason, sizeof(reason), "%s: %s and %s"
				    " share the arch and the base",
				    arch_abis[a].arch, host_abis[i]->name,
				    host_abis[j]->name);
			}
		}
	}
	for (a = 0; ok && word_at(arch_choices, a, word, sizeof(word)); a++)
		;
	if (ok && a != LENGTH(arch_abis)) {
		snprintf(reason, sizeof(reason), "arch_choices has %u names, "
		    "the test knows %u", a, (unsigned int)LENGTH(arch_abis));
		ok = 0;
	}
	report("arch-abis", ok, reason);

	arch_select("ppc64");
	report("arch-unknown", arch_select("x86") == -1 &&
	    arch_select("") == -1 && arch_select("X86_64") == -1 &&
	    arch_select("ppc64 ") == -1 && arch_select("ppc6") == -1 &&
	    strcmp(arch_current(), "ppc64") == 0 && host_abi_count == 2,
	    "an unknown name is accepted or changes the selection");
}

static int
has(const struct abi *abi, const char *name)
{
	int index = syscall_lookup(name);

	return index >= 0 && abi_syscall_nr(abi, (unsigned int)index) >= 0;
}

/* The flags follow from the audit arch and the table, but mips n32 takes
 * 32-bit arguments, ppc on a ppc64le kernel is little-endian though
 * AUDIT_ARCH_PPC lacks the LE bit, and s390's mmap2 takes a pointer. */
static const char *
check_flags(const char *arch, const struct abi *abi, char *reason,
	    size_t size)
{
	unsigned int want = 0;
	int le_kernel = strcmp(arch, "ppc64le") == 0;

	if ((abi->audit_arch & __AUDIT_ARCH_64BIT) &&
	    !(abi->audit_arch & __AUDIT_ARCH_CONVENTION_MIPS64_N32))
		want |= ABI_64BIT;
	if (!(abi->audit_arch & __AUDIT_ARCH_LE) && !le_kernel)
		want |= ABI_BIG_ENDIAN;
	if (has(abi, "socketcall") || has(abi, "ipc"))
		want |= ABI_SOCKETCALL;
	if (strcmp(abi->name, "i386") == 0 || strcmp(abi->name, "m68k") == 0 ||
	    strncmp(abi->name, "s390", 4) == 0)
		want |= ABI_STRUCT_MMAP;
	if (strncmp(abi->name, "s390", 4) == 0)
		want |= ABI_CLONE_FLAGS_ARG1;
	if (strcmp(abi->name, "s390") == 0)
		want |= ABI_STRUCT_MMAP2;
	if ((abi->audit_arch & 0xffff) == 8)	/* EM_MIPS: o32, n64, n32 */
		want |= ABI_NR_RANGE;
	if (abi->flags == want)
		return "";
	snprintf(reason, size, "%s %s: flags 0x%x, expected 0x%x", arch,
	    abi->name, abi->flags, want);
	return reason;
}

/* Number bases, and the table each ABI decodes. */
static const char *
check_base(const char *arch, const struct abi *abi, char *reason,
	   size_t size)
{
	uint32_t base = 0;

	if (strcmp(abi->name, "x32") == 0)
		base = 0x40000000;
	else if (strcmp(abi->name, "o32") == 0)
		base = 4000;
	else if (strcmp(abi->name, "n64") == 0)
		base = 5000;
	else if (strcmp(abi->name, "n32") == 0)
		base = 6000;
	abi_syscall_nr(abi, 0);
	if (abi->nr_base == base && abi->table < SYSCALL_TABLES &&
	    abi->nr != NULL &&
	    abi->nr_count > 300 && abi->nr_count < 1000)
		return "";
	snprintf(reason, size, "%s %s: base 0x%x, table %u, nr_count %u",
	    arch, abi->name, abi->nr_base, abi->table, abi->nr_count);
	return reason;
}

static const char *const arm_private[] = {
	NULL, "breakpoint", "cacheflush", "usr26", "usr32", "set_tls",
	"get_tls",
};

/* Return "" when arm's private calls are where the kernel puts them,
 * natively and as the compat ABI of aarch64; else the reason. */
static const char *
private_calls(const char *arch, char *reason, size_t size)
{
	static const uint32_t unnamed[] = {
		0xf0000, 0xf0007, 0xf07ff, 0xf0800, 0xf0805, 0xeffff,
	};
	const struct abi *abi;
	const char *name;
	unsigned int k;

	arch_select(arch);
	abi = abi_by_name("arm");
	if (abi == NULL || abi->private_lo != 0xf0000 ||
	    abi->private_hi != 0xf07ff || abi->private_lo != TABLE_ARM_PRIVATE) {
		snprintf(reason, size, "%s: no arm ABI with the range "
		    "0xf0000..0xf07ff", arch);
		return reason;
	}
	for (k = 1; k < LENGTH(arm_private); k++) {
		name = abi_syscall_name(abi, 0xf0000 + k);
		if (nr_of(arch, "arm", arm_private[k]) != (long)(0xf0000 + k) ||
		    name == NULL || strcmp(name, arm_private[k]) != 0) {
			snprintf(reason, size, "%s: %s is not 0x%x", arch,
			    arm_private[k], 0xf0000 + k);
			return reason;
		}
	}
	for (k = 0; k < LENGTH(unnamed); k++) {
		if (abi_syscall_name(abi, unnamed[k]) != NULL) {
			snprintf(reason, size, "%s: 0x%x is named %s", arch,
			    unnamed[k], abi_syscall_name(abi, unnamed[k]));
			return reason;
		}
	}
	name = abi_syscall_name(abi, 5);
	if (name == NULL || strcmp(name, "open") != 0) {
		snprintf(reason, size, "%s: 5 is not open", arch);
		return reason;
	}
	return "";
}

static void
check_private(void)
{
	char reason[160];
	const struct abi *abi;
	const char *failure;

	failure = private_calls("arm", reason, sizeof(reason));
	if (*failure == '\0')
		failure = private_calls("aarch64", reason, sizeof(reason));
	report("arm-private", *failure == '\0', failure);
	report("set_tls-arm-only", nr_of("x86_64", "x86_64", "set_tls") == -1
	    && nr_of("aarch64", "aarch64", "set_tls") == -1 &&
	    nr_of("m68k", "m68k", "cacheflush") == 123,
	    "set_tls outside arm, or m68k's cacheflush private");
	arch_select("arm");
	abi = abi_by_name("arm");
	report("arm-second-name", abi && abi_syscall_name(abi, 341) &&
	    strcmp(abi_syscall_name(abi, 341), "arm_sync_file_range") == 0,
	    "341 is not named arm_sync_file_range");
}

static void
check_bounds(void)
{
	const struct abi *abi;

	arch_select("x86_64");
	abi = abi_by_name("x86_64");
	report("x86_64-not-x32", abi &&
	    abi_syscall_name(abi, 0x40000000) == NULL, "0x40000000 named");
	abi = abi_by_name("x32");
	report("x32-needs-bit", abi && abi_syscall_name(abi, 0) == NULL &&
	    abi_syscall_name(abi, 0xffffffffu) == NULL,
	    "number without bit 30 named");
	report("x32-read", abi && abi_syscall_name(abi, 0x40000000) &&
	    strcmp(abi_syscall_name(abi, 0x40000000), "read") == 0,
	    "0x40000000 is not read");
	abi = abi_by_name("i386");
	report("i386-past-end", abi &&
	    abi_syscall_name(abi, abi->nr_count) == NULL &&
	    abi_syscall_nr(abi, syscall_name_count()) == -1,
	    "a number or index past the table is found");
	arch_select("mips64");
	abi = abi_by_name("n32");
	report("n32-below-base", abi && abi_syscall_name(abi, 5000) == NULL &&
	    abi_syscall_name(abi, 6000) != NULL &&
	    abi_syscall_name(abi, 6000 + abi->nr_count) == NULL,
	    "a number outside 6000.. is named");
	abi = abi_by_name("o32");
	report("o32-syscall", abi && abi_syscall_name(abi, 4000) &&
	    strcmp(abi_syscall_name(abi, 4000), "syscall") == 0 &&
	    abi_syscall_name(abi, 3999) == NULL, "4000 is not syscall");
}

/* The build host's ABIs, as initialised before any code runs, are the
 * ones arch_select() gives its arch.  Run before any other check. */
static void
check_host(void)
{
	struct abi before[HOST_ABI_MAX];
	unsigned int i, count = host_abi_count;
	char arch[32], reason[160] = "";
	int ok = count > 0 && count <= HOST_ABI_MAX;

	for (i = 0; ok && i < count; i++)
		before[i] = *host_abis[i];
	snprintf(arch, sizeof(arch), "%s", arch_current());
	ok = ok && arch_select(arch) == 0 && host_abi_count == count;
	for (i = 0; ok && i < count; i++) {
		ok = strcmp(before[i].name, host_abis[i]->name) == 0 &&
		    before[i].audit_arch == host_abis[i]->audit_arch &&
		    before[i].nr_base == host_abis[i]->nr_base &&
		    before[i].nr_count == host_abis[i]->nr_count &&
		    before[i].flags == host_abis[i]->flags &&
		    before[i].private_lo == host_abis[i]->private_lo &&
		    before[i].private_hi == host_abis[i]->private_hi &&
		    before[i].table == host_abis[i]->table;
		if (!ok)
			snprintf(reason, sizeof(reason), "%s: ABI %u %s "
			    "differs from arch_select()", arch, i,
			    before[i].name);
	}
	report("host-abis-initialised", ok, reason[0] ? reason :
	    "wrong ABI count");
#if defined(__x86_64__)
	report("host-is-x86_64", strcmp(arch, "x86_64") == 0 &&
	    count == 3 && strcmp(before[0].name, "x86_64") == 0, arch);
#endif
}

static const struct {
	const char *arch;
	const char *name;
	int value;
} errnos[] = {
	{ "x86_64", "EPERM", 1 }, { "x86_64", "eperm", 1 },
	{ "x86_64", "EpErM", 1 }, { "x86_64", "EAGAIN", 11 },
	{ "x86_64", "EWOULDBLOCK", 11 }, { "x86_64", "ewouldblock", 11 },
	{ "x86_64", "EDEADLK", 35 }, { "x86_64", "EDEADLOCK", 35 },
	{ "x86_64", "EOPNOTSUPP", 95 }, { "x86_64", "ENOTSUP", 95 },
	{ "x86_64", "enotsup", 95 }, { "x86_64", "ENODATA", 61 },
	{ "x86_64", "ENOATTR", 61 }, { "x86_64", "eNoAttr", 61 },
	{ "x86_64", "EHWPOISON", 133 }, { "x86_64", "ENOSYS", 38 },
	{ "x86_64", "", -1 }, { "x86_64", "E", -1 }, { "x86_64", "EPER", -1 },
	{ "x86_64", "EPERMX", -1 }, { "x86_64", "ENOTSUPP", -1 },
	{ "x86_64", "EFOO", -1 }, { "x86_64", "1", -1 },
	{ "aarch64", "ENOSYS", 38 }, { "s390x", "EOPNOTSUPP", 95 },
	{ "ppc64le", "EDEADLK", 35 }, { "ppc", "EDEADLOCK", 58 },
	{ "mips64el", "ENOSYS", 89 }, { "mips", "EOPNOTSUPP", 122 },
	{ "mips", "ENOTSUP", 122 }, { "mips", "EDQUOT", 1133 },
	{ "mips", "EAGAIN", 11 }, { "parisc64", "ENOSYS", 251 },
	{ "parisc", "EOPNOTSUPP", 223 }, { "parisc", "ENOATTR", 51 },
	{ "sh", "ENOSYS", 38 },
};

static void
check_errnos(void)
{
	char reason[160] = "", arch[32];
	unsigned int i, e;
	const char *name;
	int value, previous = 0, ok = 1;

	for (i = 0; i < LENGTH(errnos); i++) {
		arch_select(errnos[i].arch);
		if (errno_lookup(errnos[i].name) != errnos[i].value) {
			snprintf(reason, sizeof(reason), "%s '%s': got %d, "
			    "expected %d", errnos[i].arch, errnos[i].name,
			    errno_lookup(errnos[i].name), errnos[i].value);
			ok = 0;
			break;
		}
	}
	report("errno-lookup", ok, reason);

	arch_select("x86_64");
	report("errno-canonical", errno_name(11) &&
	    strcmp(errno_name(11), "EAGAIN") == 0 && errno_name(35) &&
	    strcmp(errno_name(35), "EDEADLK") == 0 && errno_name(95) &&
	    strcmp(errno_name(95), "EOPNOTSUPP") == 0,
	    "an alias is returned as the name of its value");
	report("errno-name-unknown", errno_name(0) == NULL &&
	    errno_name(41) == NULL && errno_name(-1) == NULL &&
	    errno_name(4096) == NULL, "a name for 0, 41, -1 or 4096");
	arch_select("ppc");
	report("errno-ppc-deadlock", errno_name(58) &&
	    strcmp(errno_name(58), "EDEADLOCK") == 0 && errno_name(35) &&
	    strcmp(errno_name(35), "EDEADLK") == 0, "58 is not EDEADLOCK");

	for (i = 0; ok && word_at(arch_choices, i, arch, sizeof(arch)); i++) {
		arch_select(arch);
		previous = 0;
		for (e = 0; e < errno_count() && ok; e++) {
			errno_at(e, &name, &value);
			ok = value >= previous && errno_lookup(name) == value &&
			    errno_name(value) != NULL &&
			    errno_lookup(errno_name(value)) == value;
			previous = value;
		}
		if (!ok)
			snprintf(reason, sizeof(reason), "%s: %s %d out of "
			    "order or not found", arch, name, value);
	}
	report("errno-table-order", ok, reason);
	arch_select("x86_64");
	errno_at(0, &name, &value);
	report("errno-first", value == 1 && strcmp(name, "EPERM") == 0, name);
	errno_at(errno_count(), &name, &value);
	report("errno-past-end", name == NULL && value == -1, "found");
}

/* Print how long decoding takes: the first name lookup decodes the
 * names, the first number lookup of an ABI its table. */
static void
time_decoding(void)
{
	struct timespec start, end;
	char arch[32];
	unsigned int a, i, n = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (a = 0; word_at(arch_choices, a, arch, sizeof(arch)); a++) {
		arch_select(arch);
		for (i = 0; i < host_abi_count; i++, n++)
			abi_syscall_nr(host_abis[i], 0);
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	printf("# decoding the names and the %u ABIs of %u arches took %ld "
	    "us\n", n, a, (long)((end.tv_sec - start.tv_sec) * 1000000 +
	    (end.tv_nsec - start.tv_nsec) / 1000));
}

static void
dump_syscalls(void)
{
	char arch[32], done[SYSCALL_TABLES] = { 0 };
	const struct abi *abi;
	unsigned int a, i, n;
	long nr;

	for (a = 0; word_at(arch_choices, a, arch, sizeof(arch)); a++) {
		arch_select(arch);
		for (i = 0; i < host_abi_count; i++) {
			abi = host_abis[i];
			if (done[abi->table])
				continue;
			done[abi->table] = 1;
			for (n = 0; n < syscall_name_count(); n++) {
				nr = abi_syscall_nr(abi, n);
				if (nr >= 0)
					printf("%s %s %ld\n",
					    table_name(abi->table),
					    syscall_name(n), nr);
			}
		}
	}
}

static void
dump_abis(void)
{
	static const char *const flags[] = {
		"64BIT", "BIG_ENDIAN", "STRUCT_MMAP", "SOCKETCALL",
		"CLONE_FLAGS_ARG1",
	};
	char arch[32];
	unsigned int a, i, f;
	const char *sep;

	for (a = 0; word_at(arch_choices, a, arch, sizeof(arch)); a++) {
		arch_select(arch);
		for (i = 0; i < host_abi_count; i++) {
			printf("%s %s %s 0x%08x ", arch, host_abis[i]->name,
			    table_name(host_abis[i]->table),
			    host_abis[i]->audit_arch);
			sep = "";
			for (f = 0; f < LENGTH(flags); f++) {
				if (host_abis[i]->flags & 1u << f) {
					printf("%s%s", sep, flags[f]);
					sep = ",";
				}
			}
			printf("%s\n", *sep ? "" : "-");
		}
	}
}

int
main(int argc, char **argv)
{
	const char *name;
	int i, value;

	if (argc > 2 && strcmp(argv[1], "-a") == 0) {
		if (arch_select(argv[2]) < 0) {
			fprintf(stderr, "tables_test: unknown arch '%s'\n",
			    argv[2]);
			return 2;
		}
		argc -= 2;
		argv += 2;
	}
	if (argc > 1 && strcmp(argv[1], "dump") == 0) {
		dump_syscalls();
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "abis") == 0) {
		dump_abis();
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "errnos") == 0) {
		for (i = 0; i < (int)errno_count(); i++) {
			errno_at((unsigned int)i, &name, &value);
			printf("%s %d\n", name, value);
		}
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "errno") == 0) {
		for (i = 2; i < argc; i++)
			printf("%s %d\n", argv[i], errno_lookup(argv[i]));
		return 0;
	}
	if (argc > 1) {
		fprintf(stderr, "usage: tables_test [dump | abis | [-a ARCH] "
		    "errnos | [-a ARCH] errno NAME...]\n");
		return 2;
	}
	check_host();
	time_decoding();
	check_lookup();
	check_absent();
	check_known();
	check_arches();
	each_abi("numbers-round-trip", check_round_trip);
	each_abi("abi-flags", check_flags);
	each_abi("abi-bases", check_base);
	check_private();
	check_bounds();
	check_errnos();
	return failures ? 1 : 0;
}
