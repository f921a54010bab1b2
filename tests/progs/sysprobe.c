/*
 * sysprobe: make one real system call per argument and print its result,
 * so the live suites can see what a seccomp filter decided.
 *
 *   sysprobe OP [OP...]    prints "OP ret=R errno=NAME" for each OP
 *
 * R is the raw return value, -1 on failure, except that ops which return
 * an address or a file descriptor print 0 on success (they also unmap or
 * close it).  NAME is the symbolic errno, or 0 when the call succeeded.
 * Every op is harmless when the filter allows it, even as root: mount and
 * umount2 name a path that does not exist, kexec_load passes an invalid
 * flag, init_module passes an empty image, chroot goes to "/", and the
 * namespace ops only change this short-lived process.
 *
 * Ops reach the kernel through syscall(2) with the number of the ABI the
 * program was built for, never through a libc wrapper that might pick a
 * different syscall (i386 glibc sends socket() through socketcall, for
 * example).  Built as sysprobe64 (x86_64), sysprobe32 (i386) and
 * sysprobe-musl (x86_64, musl, which creates threads with clone).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#define MISSING_PATH "/nonexistent-sysprobe"
#define PER_LINUX32 0x0008
#define PTRACE_PEEKUSER 3
#define KEXEC_BAD_FLAG 0x8000	/* outside KEXEC_FLAGS: EINVAL, nothing loads */
#define CLONE_NEWUSER_FLAG 0x10000000
#define CLONE_NEWNET_FLAG 0x40000000
#define X32_SYSCALL_BIT 0x40000000L
#define SHM_EXEC_FLAG 0100000
#define MAX_ARGS 6

struct result {
	long ret;
	int err;
};

static const struct {
	int value;
	const char *name;
} errno_names[] = {
	{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { ESRCH, "ESRCH" },
	{ EINTR, "EINTR" }, { EIO, "EIO" }, { ENXIO, "ENXIO" },
	{ E2BIG, "E2BIG" }, { ENOEXEC, "ENOEXEC" }, { EBADF, "EBADF" },
	{ ECHILD, "ECHILD" }, { EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" },
	{ EACCES, "EACCES" }, { EFAULT, "EFAULT" }, { ENOTBLK, "ENOTBLK" },
	{ EBUSY, "EBUSY" }, { EEXIST, "EEXIST" }, { EXDEV, "EXDEV" },
	{ ENODEV, "ENODEV" }, { ENOTDIR, "ENOTDIR" }, { EISDIR, "EISDIR" },
	{ EINVAL, "EINVAL" }, { ENFILE, "ENFILE" }, { EMFILE, "EMFILE" },
	{ ENOTTY, "ENOTTY" }, { ETXTBSY, "ETXTBSY" }, { EFBIG, "EFBIG" },
	{ ENOSPC, "ENOSPC" }, { ESPIPE, "ESPIPE" }, { EROFS, "EROFS" },
	{ EMLINK, "EMLINK" }, { EPIPE, "EPIPE" }, { EDOM, "EDOM" },
	{ ERANGE, "ERANGE" }, { EDEADLK, "EDEADLK" },
	{ ENAMETOOLONG, "ENAMETOOLONG" }, { ENOLCK, "ENOLCK" },
	{ ENOSYS, "ENOSYS" }, { ENOTEMPTY, "ENOTEMPTY" }, { ELOOP, "ELOOP" },
	{ ENOMSG, "ENOMSG" }, { EIDRM, "EIDRM" }, { ENODATA, "ENODATA" },
	{ ETIME, "ETIME" }, { EPROTO, "EPROTO" }, { EOVERFLOW, "EOVERFLOW" },
	{ EILSEQ, "EILSEQ" }, { EUSERS, "EUSERS" }, { ENOTSOCK, "ENOTSOCK" },
	{ EPROTOTYPE, "EPROTOTYPE" }, { ENOPROTOOPT, "ENOPROTOOPT" },
	{ EPROTONOSUPPORT, "EPROTONOSUPPORT" },
	{ ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT" }, { EOPNOTSUPP, "EOPNOTSUPP" },
	{ EPFNOSUPPORT, "EPFNOSUPPORT" }, { EAFNOSUPPORT, "EAFNOSUPPORT" },
	{ EADDRINUSE, "EADDRINUSE" }, { ENETDOWN, "ENETDOWN" },
	{ ENETUNREACH, "ENETUNREACH" }, { ECONNREFUSED, "ECONNREFUSED" },
	{ ETIMEDOUT, "ETIMEDOUT" }, { EALREADY, "EALREADY" },
	{ ESTALE, "ESTALE" }, { EDQUOT, "EDQUOT" }, { ECANCELED, "ECANCELED" },
	{ EOWNERDEAD, "EOWNERDEAD" }, { EHWPOISON, "EHWPOISON" },
	{ 4095, "E4095" },
};

/* Scratch memory the "buf" and "@TEXT" arguments point into.  In a
 * static non-PIE program it lies below 4 GiB, so int $0x80 can use it. */
static char scratch[4][256];
static unsigned int scratch_used;

static const char *
errno_name(int err, char *buf, size_t size)
{
	size_t i;

	if (err == 0)
		return "0";
	for (i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++)
		if (errno_names[i].value == err)
			return errno_names[i].name;
	snprintf(buf, size, "%d", err);
	return buf;
}

/* Print one result line with a single write, so lines from two threads
 * never interleave and each line is written before a later op can
 * kill the process. */
static void
report(const char *op, struct result r)
{
	char line[512], num[16];
	int len;

	len = snprintf(line, sizeof(line), "%s ret=%ld errno=%s\n", op, r.ret,
		       errno_name(r.err, num, sizeof(num)));
	if (len > (int)sizeof(line) - 1)
		len = sizeof(line) - 1;
	if (write(1, line, len) != len)
		exit(2);
}

static struct result
from_libc(long ret)
{
	struct result r = { ret, 0 };

	if (ret == -1)
		r.err = errno;
	return r;
}

/* Turn a successful fd or address into 0 after releasing it. */
static struct result
fd_result(long fd)
{
	struct result r = from_libc(fd);

	if (fd >= 0) {
		close(fd);
		r.ret = 0;
	}
	return r;
}

/*
 * Make terminal request CMD, such as TIOCSTI with one byte, on the slave
 * of a new pseudo-terminal.  The slave becomes the controlling terminal
 * where setsid() allows it, because TIOCSTI needs that without
 * CAP_SYS_ADMIN.  A failure to set up the terminal is reported on stderr
 * as errno -1, so that no expected errno can match it.
 */
static struct result
op_terminal(unsigned long cmd)
{
	char c = '#', *name = NULL;
	int master, slave = -1;
	struct result r;

	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0)
		name = ptsname(master);
	if (name != NULL) {
		setsid();
		slave = open(name, O_RDWR);
	}
	if (slave < 0) {
		fprintf(stderr, "sysprobe: cannot open a pseudo-terminal: "
			"%s\n", strerror(errno));
		r = (struct result){ -1, -1 };
	} else {
		r = from_libc(syscall(SYS_ioctl, slave, cmd, &c));
		close(slave);
	}
	/* Closing the master hangs up the slave, which sends SIGHUP to the
	 * process whose controlling terminal it is. */
	signal(SIGHUP, SIG_IGN);
	if (master >= 0)
		close(master);
	return r;
}

/*
 * Map a page readable only and report whether /proc/self/maps shows it
 * executable (ret=1), as under the READ_IMPLIES_EXEC personality, or
 * not (ret=0).
 */
static struct result
op_read_exec(void)
{
	char line[256], perms[5];
	unsigned long lo, hi;
	struct result r = { 0, 0 };
	void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);
	FILE *maps;

	if (p == MAP_FAILED)
		return from_libc(-1);
	maps = fopen("/proc/self/maps", "r");
	if (maps == NULL) {
		r = from_libc(-1);
		munmap(p, 4096);
		return r;
	}
	r.ret = -1;
	r.err = ESRCH;
	while (fgets(line, sizeof(line), maps) != NULL) {
		if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) == 3 &&
		    lo <= (unsigned long)p && (unsigned long)p < hi) {
			r.ret = perms[2] == 'x';
			r.err = 0;
		}
	}
	fclose(maps);
	munmap(p, 4096);
	return r;
}

/*
 * Map one anonymous private page with PROT, through the raw syscall: musl's
 * mmap() turns EPERM into ENOMEM for anonymous maps.  i386 has no 64-bit
 * offset "mmap" with separate arguments, so it uses mmap2.
 */
static struct result
op_mmap(int prot)
{
#if defined(SYS_mmap2)
	long p = syscall(SYS_mmap2, NULL, 4096, prot,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
#else
	long p = syscall(SYS_mmap, NULL, 4096, prot,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
#endif

	if (p == -1)
		return from_libc(-1);
	munmap((void *)p, 4096);
	return (struct result){ 0, 0 };
}

static struct result
op_read(void)
{
	char c;
	int fd = open("/dev/null", O_RDONLY);
	struct result r;

	/* If open itself is denied, report that: the read never happened. */
	if (fd < 0)
		return from_libc(-1);
	r = from_libc(syscall(SYS_read, fd, &c, 0));
	close(fd);
	return r;
}

static struct result
op_mprotect_x(int use_pkey)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct result r;

	if (p == MAP_FAILED)
		return from_libc(-1);
	if (use_pkey)
		r = from_libc(syscall(SYS_pkey_mprotect, p, 4096,
				      PROT_READ | PROT_EXEC, -1));
	else
		r = from_libc(syscall(SYS_mprotect, p, 4096,
				      PROT_READ | PROT_EXEC));
	munmap(p, 4096);
	return r;
}

static struct result
op_shmat_x(void)
{
	long id = syscall(SYS_shmget, 0 /* IPC_PRIVATE */, 4096,
			  01000 /* IPC_CREAT */ | 0600);
	struct result r;
	long p;

	if (id < 0)
		return from_libc(-1);
	p = syscall(SYS_shmat, id, NULL, SHM_EXEC_FLAG);
	r = from_libc(p == -1 ? -1 : 0);
	if (p != -1)
		syscall(SYS_shmdt, (void *)p);
	syscall(SYS_shmctl, id, 0 /* IPC_RMID */, NULL);
	return r;
}

/* clone with CLONE_NEWUSER, fork-style: the child exits at once. */
static struct result
op_clone_user(void)
{
	long pid = syscall(SYS_clone, CLONE_NEWUSER_FLAG | SIGCHLD, 0, 0, 0, 0);
	int status;

	if (pid == 0)
		_exit(0);
	if (pid < 0)
		return from_libc(-1);
	waitpid(pid, &status, 0);
	return (struct result){ 0, 0 };
}

static void *
thread_noop(void *arg)
{
	return arg;
}

static struct result
op_pthread(void)
{
	pthread_t t;
	int rc = pthread_create(&t, NULL, thread_noop, NULL);

	if (rc != 0)
		return (struct result){ -1, rc };
	pthread_join(t, NULL);
	return (struct result){ 0, 0 };
}

#if defined(__i386__)
/* The i386 multiplexer: socketcall(SYS_SOCKET, {domain, type, 0}). */
static struct result
op_socketcall(int domain)
{
	unsigned long args[3] = { domain, SOCK_STREAM, 0 };

	return fd_result(syscall(SYS_socketcall, 1 /* SYS_SOCKET */, args));
}

/* The old i386 mmap (90) takes a pointer to its six arguments. */
static struct result
op_old_mmap(void)
{
	unsigned long args[6] = { 0, 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0 };
	long p = syscall(SYS_mmap, args);

	if (p == -1)
		return from_libc(-1);
	munmap((void *)p, 4096);
	return (struct result){ 0, 0 };
}
#endif

/* Ops without parameters.  Return 0 when NAME is not one of them. */
static int
run_simple(const char *name, struct result *r)
{
	static char missing[] = MISSING_PATH;

	if (strcmp(name, "getpid") == 0)
		*r = from_libc(syscall(SYS_getpid));
	else if (strcmp(name, "read") == 0)
		*r = op_read();
	else if (strcmp(name, "write") == 0)
		*r = from_libc(syscall(SYS_write, 1, "", 0));
	else if (strcmp(name, "mount") == 0)
		*r = from_libc(syscall(SYS_mount, "none", missing, "tmpfs", 0,
				       NULL));
	else if (strcmp(name, "umount2") == 0)
		*r = from_libc(syscall(SYS_umount2, missing, 0));
	else if (strcmp(name, "ptrace") == 0)
		/* Not traced, so the kernel returns ESRCH. */
		*r = from_libc(syscall(SYS_ptrace, PTRACE_PEEKUSER, getpid(),
				       0, 0));
	else if (strcmp(name, "kexec_load") == 0)
		*r = from_libc(syscall(SYS_kexec_load, 0, 0, NULL,
				       KEXEC_BAD_FLAG));
	else if (strcmp(name, "init_module") == 0)
		*r = from_libc(syscall(SYS_init_module, NULL, 0, ""));
	else if (strcmp(name, "chroot") == 0)
		*r = from_libc(syscall(SYS_chroot, "/"));
	else if (strcmp(name, "clone3") == 0)
		/* A size of 0 is invalid, so an allowed call gets EINVAL. */
		*r = from_libc(syscall(SYS_clone3, NULL, 0));
	else if (strcmp(name, "clone-user") == 0)
		*r = op_clone_user();
	else if (strcmp(name, "unshare-user") == 0)
		*r = from_libc(syscall(SYS_unshare, CLONE_NEWUSER_FLAG));
	else if (strcmp(name, "unshare-net") == 0)
		*r = from_libc(syscall(SYS_unshare, CLONE_NEWNET_FLAG));
	else if (strcmp(name, "setns0") == 0)
		/* fd -1: an allowed call gets EBADF. */
		*r = from_libc(syscall(SYS_setns, -1, 0));
	else if (strcmp(name, "pthread") == 0)
		*r = op_pthread();
	else if (strcmp(name, "mmap-wx") == 0)
		*r = op_mmap(PROT_WRITE | PROT_EXEC);
	else if (strcmp(name, "mmap-w") == 0)
		*r = op_mmap(PROT_READ | PROT_WRITE);
	else if (strcmp(name, "mprotect-x") == 0)
		*r = op_mprotect_x(0);
	else if (strcmp(name, "pkey_mprotect-x") == 0)
		*r = op_mprotect_x(1);
	else if (strcmp(name, "shmat-x") == 0)
		*r = op_shmat_x();
	else if (strcmp(name, "memfd") == 0)
		*r = fd_result(syscall(SYS_memfd_create, "sysprobe", 0));
	else if (strcmp(name, "socket-unix") == 0)
		*r = fd_result(syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0));
	else if (strcmp(name, "socket-inet") == 0)
		*r = fd_result(syscall(SYS_socket, AF_INET, SOCK_STREAM, 0));
	else if (strcmp(name, "socket-inet6") == 0)
		*r = fd_result(syscall(SYS_socket, AF_INET6, SOCK_STREAM, 0));
	else if (strcmp(name, "personality0") == 0)
		*r = from_libc(syscall(SYS_personality, 0));
	else if (strcmp(name, "personality-query") == 0)
		*r = from_libc(syscall(SYS_personality, 0xffffffffUL));
	else if (strcmp(name, "read-exec") == 0)
		*r = op_read_exec();
	else if (strcmp(name, "personality-linux32") == 0)
		*r = from_libc(syscall(SYS_personality, PER_LINUX32));
	else if (strcmp(name, "tiocsti") == 0)
		*r = op_terminal(TIOCSTI);
	else if (strcmp(name, "tioclinux") == 0)
		*r = op_terminal(TIOCLINUX);
#if ULONG_MAX > 0xffffffffUL
	/* The kernel takes the request as an unsigned int, so a high word
	 * changes nothing for it. */
	else if (strcmp(name, "tiocsti-high") == 0)
		*r = op_terminal(TIOCSTI | 1UL << 32);
#endif
#if defined(__i386__)
	else if (strcmp(name, "socketcall-unix") == 0)
		*r = op_socketcall(AF_UNIX);
	else if (strcmp(name, "socketcall-inet") == 0)
		*r = op_socketcall(AF_INET);
	else if (strcmp(name, "oldmmap") == 0)
		*r = op_old_mmap();
#endif
	else
		return 0;
	return 1;
}

/*
 * Parse "N[:ARG,ARG...]" into a syscall number and up to MAX_ARGS
 * arguments.  An argument is a number (strtoul base 0, or negative),
 * "self" for our pid, "buf" for a pointer to 256 writable bytes, or
 * "@TEXT" for a pointer to a copy of TEXT.  Return 0, or -1 when invalid.
 */
static int
parse_call(const char *spec, long *nr, unsigned long args[MAX_ARGS])
{
	char *end;
	const char *p;
	unsigned int n = 0;

	memset(args, 0, MAX_ARGS * sizeof(args[0]));
	*nr = strtol(spec, &end, 0);
	if (end == spec || (*end != '\0' && *end != ':'))
		return -1;
	if (*end == '\0')
		return 0;
	p = end + 1;
	while (*p != '\0') {
		size_t len = strcspn(p, ",");

		if (n == MAX_ARGS)
			return -1;
		if (len == 4 && strncmp(p, "self", 4) == 0) {
			args[n] = (unsigned long)getpid();
		} else if (len == 3 && strncmp(p, "buf", 3) == 0) {
			if (scratch_used == 4)
				return -1;
			args[n] = (unsigned long)scratch[scratch_used++];
		} else if (*p == '@') {
			if (scratch_used == 4 || len > sizeof(scratch[0]))
				return -1;
			memcpy(scratch[scratch_used], p + 1, len - 1);
			args[n] = (unsigned long)scratch[scratch_used++];
		} else if (*p == '-') {
			args[n] = (unsigned long)strtol(p, &end, 0);
			if (end != p + len)
				return -1;
		} else {
			args[n] = strtoul(p, &end, 0);
			if (end != p + len)
				return -1;
		}
		n++;
		p += len;
		if (*p == ',')
			p++;
	}
	return 0;
}

#if defined(__x86_64__)
/*
 * Make i386 syscall NR from this 64-bit process: the kernel takes
 * int $0x80 as a compat call (arch AUDIT_ARCH_I386) with arguments in
 * rbx, rcx, rdx, rsi, rdi.  The call itself reads only their low 32
 * bits, but seccomp_data.args gets whole registers (seen on Linux 6.18),
 * so arguments past 32 bits test that a filter reads the low word only.
 */
static struct result
int80(long nr, const unsigned long a[MAX_ARGS])
{
	long ret;

	/* NOTE: the compat entry may clear r8-r11 on return. */
	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a[0]), "c"(a[1]), "d"(a[2]),
			   "S"(a[3]), "D"(a[4])
			 : "memory", "cc", "r8", "r9", "r10", "r11");
	ret = (int)ret;
	if (ret < 0 && ret >= -4095)
		return (struct result){ -1, (int)-ret };
	return (struct result){ ret, 0 };
}
#endif

struct thread_op {
	const char *op;		/* the op after "thread:" */
	const char *label;
};

static void *
thread_main(void *arg);

/*
 * Run OP and print its line, labelled LABEL (the whole argument, so
 * "thread:mount" prints as such).  Return 0, or -1 when OP is invalid.
 */
static int
run_op(const char *op, const char *label)
{
	struct result r;
	unsigned long args[MAX_ARGS];
	long nr;

	if (run_simple(op, &r)) {
		report(label, r);
		return 0;
	}
	if (strncmp(op, "nr:", 3) == 0) {
		if (parse_call(op + 3, &nr, args) < 0)
			return -1;
		r = from_libc(syscall(nr, args[0], args[1], args[2], args[3],
				      args[4], args[5]));
		report(label, r);
		return 0;
	}
	if (strncmp(op, "thread:", 7) == 0) {
		struct thread_op top = { op + 7, label };
		pthread_t t;
		void *invalid;
		int rc = pthread_create(&t, NULL, thread_main, &top);

		if (rc != 0) {
			report(label, (struct result){ -1, rc });
			return 0;
		}
		pthread_join(t, &invalid);
		return invalid == NULL ? 0 : -1;
	}
#if defined(__x86_64__)
	if (strncmp(op, "int80:", 6) == 0) {
		if (parse_call(op + 6, &nr, args) < 0)
			return -1;
		report(label, int80(nr, args));
		return 0;
	}
	if (strncmp(op, "x32:", 4) == 0) {
		if (parse_call(op + 4, &nr, args) < 0 || nr < 0)
			return -1;
		r = from_libc(syscall(X32_SYSCALL_BIT | nr, args[0], args[1],
				      args[2], args[3], args[4], args[5]));
		report(label, r);
		return 0;
	}
#endif
	return -1;
}

/* Run a thread_op from the second thread; return NULL when it was valid. */
static void *
thread_main(void *arg)
{
	struct thread_op *top = arg;

	return run_op(top->op, top->label) == 0 ? NULL : arg;
}

int
main(int argc, char **argv)
{
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: sysprobe OP [OP...]\n");
		return 2;
	}
	for (i = 1; i < argc; i++)
		if (run_op(argv[i], argv[i]) < 0) {
			fprintf(stderr, "sysprobe: invalid op '%s'\n",
				argv[i]);
			return 2;
		}
	return 0;
}
