/*
 * probe: make one system call per argument inside the booted test guest
 * and print "OP ok" or "OP ERRNO" for each, so tests/boot/guest.sh can
 * see what a seccomp filter decided.
 *
 *   probe OP [OP...]
 *
 * OP is mount, umount2, chroot, kexec_load, unshare-user, getpid or
 * write.  Every op is harmless when it is allowed, even as root: mount
 * and umount2 name a missing path (ENOENT), kexec_load passes an invalid
 * flag (EINVAL), chroot goes to "/", and unshare-user changes only this
 * short-lived process.
 *
 * It is built on nolibc, so it runs on every architecture that nolibc
 * supports, the guest's own and its 32-bit compat one.  nolibc makes no
 * system call before main(), so a keep list of write and exit_group is
 * enough to run it.
 */
#include <asm/unistd.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#define MISSING_PATH "/nonexistent-probe"
#define CLONE_NEWUSER_FLAG 0x10000000L
#define KEXEC_BAD_FLAG 0x8000L	/* outside KEXEC_FLAGS: EINVAL, nothing loads */

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

/* Make the system call OP names; return 0 on success or the errno. */
static int
run(const char *op)
{
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
	else if (strcmp(op, "getpid") == 0)
		r = syscall(__NR_getpid);
	else if (strcmp(op, "write") == 0)
		r = syscall(__NR_write, 1L, "", 0L);
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
