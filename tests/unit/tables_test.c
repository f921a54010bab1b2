/*
 * Unit test of the syscall and errno lookups (src/syscalls.c,
 * src/errnos.c), built with the host's C library by tests/build.d.
 *
 *   tables_test              run the checks, one "ok NAME" or
 *                            "not ok NAME: REASON" line each
 *   tables_test dump         print "ABI NAME NUMBER" for every syscall
 *   tables_test errnos       print "NAME VALUE" for every errno
 *   tables_test errno NAME.. print "NAME VALUE" from errno_lookup()
 *
 * The checks hold for any x86 table from Linux 6.1 on, so the same file
 * also checks tables regenerated from other headers.
 */
#include <stdio.h>
#include <string.h>

#include "seccwrap.h"

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

/* Numbers of syscalls older than Linux 6.1, from asm/unistd_*.h. */
static const struct {
	const char *abi;
	const char *name;
	long nr;
} known[] = {
	{ "x86_64", "read", 0 },
	{ "x86_64", "execve", 59 },
	{ "x86_64", "clone3", 435 },
	{ "x86_64", "_llseek", -1 },
	{ "x86_64", "socketcall", -1 },
	{ "i386", "_llseek", 140 },
	{ "i386", "read", 3 },
	{ "i386", "socketcall", 102 },
	{ "i386", "mmap2", 192 },
	{ "i386", "arch_prctl", 384 },
	{ "x32", "read", 0x40000000 },
	{ "x32", "rt_sigaction", 0x40000000 + 512 },
	{ "x32", "execve", 0x40000000 + 520 },
	{ "x32", "_sysctl", -1 },
};

static void
check_known(void)
{
	char reason[160];
	unsigned int i;
	const struct abi *abi;
	int index;
	long nr;
	int ok = 1;

	reason[0] = '\0';
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		abi = abi_by_name(known[i].abi);
		index = syscall_lookup(known[i].name);
		nr = abi && index >= 0 ? abi_syscall_nr(abi, index) : -2;
		if (nr != known[i].nr) {
			snprintf(reason, sizeof(reason), "%s %s: got %ld, "
			    "expected %ld", known[i].abi, known[i].name, nr,
			    known[i].nr);
			ok = 0;
			break;
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

	for (i = 0; i < sizeof(absent) / sizeof(absent[0]); i++) {
		if (syscall_lookup(absent[i]) != -1) {
			report("absent-names", 0, absent[i]);
			return;
		}
	}
	report("absent-names", 1, "");
}

/* Each ABI's numbers lie below nr_count, the top one just below it,
 * and number-to-name lookups return a name with that number. */
static void
check_abis(void)
{
	char reason[160] = "";
	unsigned int a, i;
	const struct abi *abi;
	long nr, top;
	const char *name;
	int ok = 1;

	for (a = 0; a < host_abi_count && ok; a++) {
		abi = host_abis[a];
		top = -1;
		for (i = 0; i < syscall_name_count() && ok; i++) {
			nr = abi_syscall_nr(abi, i);
			if (nr < 0)
				continue;
			if (nr > top)
				top = nr;
			name = abi_syscall_name(abi, (uint32_t)nr);
			if (name == NULL || abi_syscall_nr(abi,
			    (unsigned int)syscall_lookup(name)) != nr) {
				snprintf(reason, sizeof(reason), "%s %s %ld: "
				    "number lookup gives %s", abi->name,
				    syscall_name(i), nr, name ? name : "NULL");
				ok = 0;
			}
		}
		if (ok && top + 1 != (long)(abi->nr_base + abi->nr_count)) {
			snprintf(reason, sizeof(reason), "%s: top number %ld, "
			    "nr_count %u", abi->name, top, abi->nr_count);
			ok = 0;
		}
	}
	report("numbers-round-trip", ok, reason);

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
}

static void
check_descriptors(void)
{
	const struct abi *abi;

	report("abi-count", host_abi_count == 3, "not 3");
	report("native-first", host_abi_count > 0 &&
	    strcmp(host_abis[0]->name, "x86_64") == 0, host_abis[0]->name);
	abi = abi_by_name("x86_64");
	report("x86_64-descriptor", abi && abi->audit_arch == 0xc000003e &&
	    abi->nr_base == 0 && abi->flags == ABI_64BIT, "wrong fields");
	abi = abi_by_name("i386");
	report("i386-descriptor", abi && abi->audit_arch == 0x40000003 &&
	    abi->nr_base == 0 &&
	    abi->flags == (ABI_STRUCT_MMAP | ABI_SOCKETCALL), "wrong fields");
	abi = abi_by_name("x32");
	report("x32-descriptor", abi && abi->audit_arch == 0xc000003e &&
	    abi->nr_base == 0x40000000 && abi->flags == ABI_64BIT,
	    "wrong fields");
	report("abi-unknown", abi_by_name("x86") == NULL &&
	    abi_by_name("") == NULL && abi_by_name("X86_64") == NULL,
	    "an unknown ABI name is found");
}

static const struct {
	const char *name;
	int value;
} errnos[] = {
	{ "EPERM", 1 }, { "eperm", 1 }, { "EpErM", 1 },
	{ "EAGAIN", 11 }, { "EWOULDBLOCK", 11 }, { "ewouldblock", 11 },
	{ "EDEADLK", 35 }, { "EDEADLOCK", 35 },
	{ "EOPNOTSUPP", 95 }, { "ENOTSUP", 95 }, { "enotsup", 95 },
	{ "ENODATA", 61 }, { "ENOATTR", 61 }, { "eNoAttr", 61 },
	{ "EHWPOISON", 133 },
	{ "", -1 }, { "E", -1 }, { "EPER", -1 }, { "EPERMX", -1 },
	{ "ENOTSUPP", -1 }, { "EFOO", -1 }, { "1", -1 },
};

static void
check_errnos(void)
{
	char reason[160] = "";
	unsigned int i;
	const char *name;
	int value, previous = 0, ok = 1;

	for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++) {
		if (errno_lookup(errnos[i].name) != errnos[i].value) {
			snprintf(reason, sizeof(reason), "'%s': got %d, "
			    "expected %d", errnos[i].name,
			    errno_lookup(errnos[i].name), errnos[i].value);
			ok = 0;
			break;
		}
	}
	report("errno-lookup", ok, reason);

	report("errno-canonical", errno_name(11) &&
	    strcmp(errno_name(11), "EAGAIN") == 0 && errno_name(35) &&
	    strcmp(errno_name(35), "EDEADLK") == 0 && errno_name(95) &&
	    strcmp(errno_name(95), "EOPNOTSUPP") == 0,
	    "an alias is returned as the name of its value");
	report("errno-name-unknown", errno_name(0) == NULL &&
	    errno_name(41) == NULL && errno_name(-1) == NULL &&
	    errno_name(4096) == NULL, "a name for 0, 41, -1 or 4096");

	ok = 1;
	for (i = 0; i < errno_count(); i++) {
		errno_at(i, &name, &value);
		if (value < previous || errno_lookup(name) != value ||
		    errno_name(value) == NULL ||
		    errno_lookup(errno_name(value)) != value) {
			snprintf(reason, sizeof(reason), "%s %d out of order "
			    "or not found", name, value);
			ok = 0;
			break;
		}
		previous = value;
	}
	report("errno-table-order", ok, reason);
	errno_at(0, &name, &value);
	report("errno-first", value == 1 && strcmp(name, "EPERM") == 0, name);
	errno_at(errno_count(), &name, &value);
	report("errno-past-end", name == NULL && value == -1, "found");
}

static void
dump_syscalls(void)
{
	unsigned int a, i;
	long nr;

	for (a = 0; a < host_abi_count; a++) {
		for (i = 0; i < syscall_name_count(); i++) {
			nr = abi_syscall_nr(host_abis[a], i);
			if (nr >= 0)
				printf("%s %s %ld\n", host_abis[a]->name,
				    syscall_name(i), nr);
		}
	}
}

int
main(int argc, char **argv)
{
	const char *name;
	int i, value;

	if (argc > 1 && strcmp(argv[1], "dump") == 0) {
		dump_syscalls();
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
		fprintf(stderr, "usage: tables_test [dump | errnos | "
		    "errno NAME...]\n");
		return 2;
	}
	check_lookup();
	check_absent();
	check_known();
	check_abis();
	check_descriptors();
	check_errnos();
	return failures ? 1 : 0;
}
