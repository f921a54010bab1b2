/*
 * sysloop: time system calls in a loop, optionally under a stack of raw
 * seccomp filters that it installs itself.
 *
 *   sysloop [-f FILE]... TEST ITERATIONS BATCHES
 *
 * TEST is one of
 *   getppid  getppid()
 *   mmap     mmap(NULL, 4096, PROT_READ|PROT_WRITE,
 *            MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) + munmap()
 *   socket   socket(AF_UNIX, SOCK_STREAM, 0) + close()
 *   mmap-einval    mmap() as above but with file offset 1, which the
 *                  kernel rejects with EINVAL before any other work
 *   socket-einval  socket(AF_UNIX, SOCK_STREAM | 0x100, 0), whose unknown
 *                  type flag the kernel rejects with EINVAL at once
 *
 * The two EINVAL tests take the same path through a filter as the real
 * calls, because the filter reads the same prot and family arguments.
 * They leave out the kernel's work, so the filter's share of the time is
 * larger.
 *
 * Each -f FILE (a raw struct sock_filter array, as firejail ships its
 * filters and seccwrap --dump writes them) is installed in the order
 * given, after no_new_privs, the way firejail stacks its filters.  Then
 * one untimed batch of ITERATIONS warms up, BATCHES timed batches follow,
 * and the median of their nanoseconds per iteration is printed (one
 * iteration is one call for getppid and a pair of calls for the others).
 *
 * Build: gcc -O2 -static -o sysloop sysloop.c
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define FILTER_MAX 8
#define BATCH_MAX  1000
#define INSNS_MAX  4096

static void
die(const char *what, const char *detail)
{
	fprintf(stderr, "sysloop: %s: %s\n", what, detail);
	exit(1);
}

static void
install(const char *path)
{
	static struct sock_filter insns[INSNS_MAX + 1];
	struct sock_fprog prog;
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		die(path, strerror(errno));
	n = fread(insns, sizeof(insns[0]), INSNS_MAX + 1, f);
	fclose(f);
	if (n == 0 || n > INSNS_MAX)
		die(path, "not a program of 1 to 4096 instructions");
	prog.len = (unsigned short)n;
	prog.filter = insns;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
		die(path, strerror(errno));
}

static void
loop_getppid(long n)
{
	while (n-- > 0)
		syscall(SYS_getppid);
}

static void
loop_mmap(long n)
{
	void *p;

	while (n-- > 0) {
		p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			die("mmap", strerror(errno));
		munmap(p, 4096);
	}
}

static void
loop_socket(long n)
{
	int fd;

	while (n-- > 0) {
		fd = socket(AF_UNIX, SOCK_STREAM, 0);
		if (fd < 0)
			die("socket", strerror(errno));
		close(fd);
	}
}

/* Arguments as the mmap test passes them, but a misaligned offset. */
static void
loop_mmap_einval(long n)
{
	while (n-- > 0)
		if (syscall(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 1) != -1 ||
		    errno != EINVAL)
			die("mmap", "expected EINVAL");
}

static void
loop_socket_einval(long n)
{
	while (n-- > 0)
		if (syscall(SYS_socket, AF_UNIX, SOCK_STREAM | 0x100, 0) != -1 ||
		    errno != EINVAL)
			die("socket", "expected EINVAL");
}

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int
compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	const char *filters[FILTER_MAX];
	static double per_iteration[BATCH_MAX];
	void (*loop)(long);
	unsigned int nfilters = 0, i;
	long iterations, batches;
	double start;
	int c;

	while ((c = getopt(argc, argv, "f:")) != -1) {
		if (c != 'f' || nfilters == FILTER_MAX)
			die("usage", "sysloop [-f FILE]... TEST ITERATIONS "
				     "BATCHES");
		filters[nfilters++] = optarg;
	}
	if (argc - optind != 3)
		die("usage", "sysloop [-f FILE]... TEST ITERATIONS BATCHES");
	if (strcmp(argv[optind], "getppid") == 0)
		loop = loop_getppid;
	else if (strcmp(argv[optind], "mmap") == 0)
		loop = loop_mmap;
	else if (strcmp(argv[optind], "socket") == 0)
		loop = loop_socket;
	else if (strcmp(argv[optind], "mmap-einval") == 0)
		loop = loop_mmap_einval;
	else if (strcmp(argv[optind], "socket-einval") == 0)
		loop = loop_socket_einval;
	else
		die("unknown test", argv[optind]);
	iterations = atol(argv[optind + 1]);
	batches = atol(argv[optind + 2]);
	if (iterations < 1 || batches < 1 || batches > BATCH_MAX)
		die("invalid count", "need ITERATIONS >= 1, 1 <= BATCHES <= 1000");

	if (nfilters > 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		die("prctl(PR_SET_NO_NEW_PRIVS)", strerror(errno));
	for (i = 0; i < nfilters; i++)
		install(filters[i]);

	loop(iterations);
	for (i = 0; i < batches; i++) {
		start = now_ns();
		loop(iterations);
		per_iteration[i] = (now_ns() - start) / (double)iterations;
	}
	qsort(per_iteration, (size_t)batches, sizeof(double), compare_double);
	printf("%.1f\n", per_iteration[batches / 2]);
	return 0;
}
