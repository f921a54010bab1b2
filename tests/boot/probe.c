/*
 * probe: make one system call per argument inside the booted test guest
 * and print "OP ok" or "OP ERRNO" for each, so tests/boot/guest.sh can
 * see what a seccomp filter decided.
 *
 *   probe OP [OP...]
 *
 * OP is mount, umount2, chroot, kexec_load, unshare-user, getpid,
 * write, or one of the ops whose verdict a filter takes from an argument:
 *
 *   unshare-files   unshare(CLONE_FILES), no new namespace
 *   clone-plain     clone as fork() does it, the child exits at once
 *   clone-user      the same with CLONE_NEWUSER
 *   mprotect-read   mprotect(PROT_READ) of a page of this program
 *   mprotect-exec   the same with PROT_READ | PROT_EXEC
 *   mmap-wx         an anonymous mapping, writable and executable
 *
 * and, on 64-bit ABIs only, ops that set a flag in the upper 32 bits of
 * an argument, where a filter that tests the wrong half of it would
 * see the flag:
 *
 *   unshare-high    CLONE_NEWUSER << 32, which the kernel rejects (EINVAL)
 *   clone-high      CLONE_NEWUSER << 32, which clone ignores: a fork
 *   mprotect-high   PROT_EXEC << 32, which the kernel rejects (EINVAL)
 *
 * and, on mips only, mount through another mips ABI's number, which a
 * mips64 kernel runs for any task:
 *
 *   mount-o32       o32's mount (4021), with null pointers: EFAULT
 *   mount-o32-indirect  the same through o32's syscall (4000), which
 *                   seccomp receives as 4021
 *   mount-n64       n64's mount (5160), the same
 *   mount-n32       n32's mount (6160), the same
 *
 * Every op is harmless when it is allowed, even as root.  mount and
 * umount2 name a missing path (ENOENT), and kexec_load passes an invalid
 * flag (EINVAL).  chroot goes to "/", the clone ops start a child that
 * exits at once, and the unshare, mprotect and mmap ops change only this
 * short-lived process.
 *
 * It is built on nolibc, so it runs on every architecture that nolibc
 * supports, the guest's own and its 32-bit compat one.  nolibc makes no
 * system call before main(), so a keep list of write and exit_group is
 * enough to run it.
 */
#include <asm/unistd.h>
#include <errno.h>
#include <linux/mman.h>
#include <string.h>
#include <unistd.h>

#define MISSING_PATH "/nonexistent-probe"
#define CLONE_FILES_FLAG 0x400L
#define CLONE_NEWUSER_FLAG 0x10000000L
#define KEXEC_BAD_FLAG 0x8000L	/* outside KEXEC_FLAGS: EINVAL, nothing loads */
#define WAIT_ALL 0x40000000L	/* __WALL: also children with no exit signal */
#define MAX_PAGE_SIZE 65536	/* 64 KiB, as on ppc64le and some aarch64 */
/* mount's numbers in arch/mips/kernel/syscalls/syscall_{o32,n64,n32}.tbl */
#define MIPS_O32_SYSCALL 4000L
#define MIPS_O32_MOUNT 4021L
#define MIPS_N64_MOUNT 5160L
#define MIPS_N32_MOUNT 6160L

/* The page that the mprotect ops change, aligned so that nothing else
 * lives in it. */
static char page[MAX_PAGE_SIZE] __attribute__((aligned(MAX_PAGE_SIZE)));

static const struct {
	int value;
	const char *name;
} errno_names[] = {
	{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { EINVAL, "EINVAL" },
	{ ENOSYS, "ENOSYS" }, { EACCES, "EACCES" }, { EFAULT, "EFAULT" },
	{ EBUSY, "EBUSY" }, { ENOTDIR, "ENOTDIR" }, { ENOEXEC, "ENOEXEC" },
	{ EXDEV, "EXDEV" },
};

/* The line being built: each line goes out in one write, so a later
 * op that kills the process cannot cut it short. */
static char line[256];
static size_t line_len;

static void
put(const char *s)
{
	size_t len = strlen(s);

	if (len > sizeof(line) - line_len)
		len = sizeof(line) - line_len;
	memcpy(line + line_len, s, len);
	line_len += len;
}

static void
end_line(void)
{
	put("\n");
	if (write(1, line, line_len) != (ssize_t)line_len)
		_exit(2);
	line_len = 0;
}

/* Print ERR by name, or as a decimal number when it has no name here. */
static void
put_errno(int err)
{
	char digits[12];
	char *p = digits + sizeof(digits) - 1;
	size_t i;

	for (i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++) {
		if (errno_names[i].value == err) {
			put(errno_names[i].name);
			return;
		}
	}
	*p = '\0';
	do {
		*--p = (char)('0' + err % 10);
		err /= 10;
	} while (err > 0);
	put(p);
}

/* Return VALUE shifted into the upper half of a long, or 0 on an ABI
 * whose long has no upper half. */
static long
upper(long value)
{
	return sizeof(long) == 8 ? (long)((unsigned long long)value << 32) : 0;
}

/* Fork with clone and FLAGS, no exit signal and the parent's stack, wait
 * for the child, and return 0 or -1 with errno set. */
static long
clone_wait(long flags)
{
	long pid;

	/* s390 and s390x take the new stack first and the flags second. */
#if defined(__s390__)
	pid = syscall(__NR_clone, 0L, flags, 0L, 0L, 0L);
#else
	pid = syscall(__NR_clone, flags, 0L, 0L, 0L, 0L);
#endif
	if (pid == 0)
		_exit(0);
	if (pid < 0)
		return -1;
	return syscall(__NR_wait4, pid, 0L, WAIT_ALL, 0L) < 0 ? -1 : 0;
}

/* Map one anonymous page with PROT, and return 0 or -1 with errno set. */
static long
map_page(long prot)
{
	long flags = MAP_PRIVATE | MAP_ANONYMOUS;
	long r;

	/* The 32-bit ABIs have mmap2.  s390x has only the old mmap, which
	 * reads its six arguments from memory. */
#if defined(__NR_mmap2)
	r = syscall(__NR_mmap2, 0L, 4096L, prot, flags, -1L, 0L);
#elif defined(__s390x__)
	long args[6] = { 0, 4096, prot, flags, -1, 0 };

	r = syscall(__NR_mmap, args);
#else
	r = syscall(__NR_mmap, 0L, 4096L, prot, flags, -1L, 0L);
#endif
	return r == -1 ? -1 : 0;
}

/* Make the system call that OP names, and return 0 on success, the errno
 * on failure, or -1 for an unknown op. */
static int
run(const char *op)
{
	int wide = sizeof(long) == 8;
	long r;

	if (strcmp(op, "mount") == 0)
		r = syscall(__NR_mount, "none", MISSING_PATH, "tmpfs", 0L, 0L);
	else if (strcmp(op, "umount2") == 0)
		r = syscall(__NR_umount2, MISSING_PATH, 0L);
	else if (strcmp(op, "chroot") == 0)
		r = syscall(__NR_chroot, "/");
	else if (strcmp(op, "kexec_load") == 0)
		r = syscall(__NR_kexec_load, 0L, 0L, 0L, KEXEC_BAD_FLAG);
	else if (strcmp(op, "unshare-user") == 0)
		r = syscall(__NR_unshare, CLONE_NEWUSER_FLAG);
	else if (strcmp(op, "unshare-files") == 0)
		r = syscall(__NR_unshare, CLONE_FILES_FLAG);
	else if (strcmp(op, "unshare-high") == 0 && wide)
		r = syscall(__NR_unshare, upper(CLONE_NEWUSER_FLAG));
	else if (strcmp(op, "clone-plain") == 0)
		r = clone_wait(0);
	else if (strcmp(op, "clone-user") == 0)
		r = clone_wait(CLONE_NEWUSER_FLAG);
	else if (strcmp(op, "clone-high") == 0 && wide)
		r = clone_wait(upper(CLONE_NEWUSER_FLAG));
	else if (strcmp(op, "mprotect-read") == 0)
		r = syscall(__NR_mprotect, page, 1L, (long)PROT_READ);
	else if (strcmp(op, "mprotect-exec") == 0)
		r = syscall(__NR_mprotect, page, 1L,
			    (long)(PROT_READ | PROT_EXEC));
	else if (strcmp(op, "mprotect-high") == 0 && wide)
		r = syscall(__NR_mprotect, page, 1L,
			    PROT_READ | upper(PROT_EXEC));
	else if (strcmp(op, "mmap-wx") == 0)
		r = map_page(PROT_READ | PROT_WRITE | PROT_EXEC);
	else if (strcmp(op, "getpid") == 0)
		r = syscall(__NR_getpid);
	else if (strcmp(op, "write") == 0)
		r = syscall(__NR_write, 1L, "", 0L);
#if defined(__mips__)
	/* Null pointers: the call fails with EFAULT in the kernel, where an
	 * n64 task's pointers, cut to 32 bits by the o32 entry, might not. */
	else if (strcmp(op, "mount-o32") == 0)
		r = syscall(MIPS_O32_MOUNT, 0L, 0L, 0L, 0L, 0L);
	else if (strcmp(op, "mount-o32-indirect") == 0)
		r = syscall(MIPS_O32_SYSCALL, MIPS_O32_MOUNT, 0L, 0L, 0L, 0L);
	else if (strcmp(op, "mount-n64") == 0)
		r = syscall(MIPS_N64_MOUNT, 0L, 0L, 0L, 0L, 0L);
	else if (strcmp(op, "mount-n32") == 0)
		r = syscall(MIPS_N32_MOUNT, 0L, 0L, 0L, 0L, 0L);
#endif
	else
		return -1;
	return r < 0 ? errno : 0;
}

int
main(int argc, char **argv)
{
	int i, err;

	if (argc < 2) {
		put("usage: probe OP [OP...]");
		end_line();
		return 2;
	}
	for (i = 1; i < argc; i++) {
		err = run(argv[i]);
		if (err < 0) {
			put("probe: unknown op '");
			put(argv[i]);
			put("'");
			end_line();
			return 2;
		}
		put(argv[i]);
		put(" ");
		if (err == 0)
			put("ok");
		else
			put_errno(err);
		end_line();
	}
	return 0;
}
