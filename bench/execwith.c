/*
 * execwith: the smallest launcher, as a floor for the start-up
 * benchmark, and a way to hand bwrap its filter on a file descriptor.
 *
 *   execwith [-s FILE] [-d FD:FILE] COMMAND [ARG...]
 *
 *   -s FILE     set no_new_privs and install the raw struct sock_filter
 *               array in FILE (as seccwrap --dump writes it)
 *   -d FD:FILE  open FILE for reading as descriptor FD (bwrap --seccomp FD
 *               reads its filter from a descriptor)
 *
 * Then it execs COMMAND.  It does no other work, so "execwith T" costs
 * one static exec more than T alone, and "execwith -s FILE T" adds the
 * kernel's cost of loading a precompiled filter.
 *
 * Build: musl-gcc -O2 -static -o execwith execwith.c
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define INSNS_MAX 4096

/* From linux/seccomp.h and linux/filter.h, which musl-gcc does not see. */
#define SECCOMP_SET_MODE_FILTER 1

struct sock_filter {
	unsigned short code;
	unsigned char jt;
	unsigned char jf;
	unsigned int k;
};

struct sock_fprog {
	unsigned short len;
	struct sock_filter *filter;
};

static void
die(const char *what, const char *detail)
{
	fprintf(stderr, "execwith: %s: %s\n", what, detail);
	exit(125);
}

static void
install(const char *path)
{
	static struct sock_filter insns[INSNS_MAX + 1];
	struct sock_fprog prog;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		die(path, strerror(errno));
	n = read(fd, insns, sizeof(insns));
	if (n < 0)
		die(path, strerror(errno));
	close(fd);
	if (n == 0 || n % sizeof(insns[0]) != 0 ||
	    (size_t)n > INSNS_MAX * sizeof(insns[0]))
		die(path, "not a program of 1 to 4096 instructions");
	prog.len = (unsigned short)(n / sizeof(insns[0]));
	prog.filter = insns;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		die("prctl(PR_SET_NO_NEW_PRIVS)", strerror(errno));
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
		die("seccomp(SECCOMP_SET_MODE_FILTER)", strerror(errno));
}

static void
open_on(const char *spec)
{
	char *end;
	long want = strtol(spec, &end, 10);
	int fd;

	if (end == spec || *end != ':' || want < 3 || want > 1023)
		die("invalid -d argument (expected FD:FILE, FD >= 3)", spec);
	fd = open(end + 1, O_RDONLY);
	if (fd < 0)
		die(end + 1, strerror(errno));
	if (fd != want && (dup2(fd, (int)want) < 0 || close(fd) != 0))
		die("dup2", strerror(errno));
}

int
main(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "+s:d:")) != -1) {
		switch (c) {
		case 's': install(optarg); break;
		case 'd': open_on(optarg); break;
		default: die("usage", "execwith [-s FILE] [-d FD:FILE] "
				      "COMMAND [ARG...]");
		}
	}
	if (optind >= argc)
		die("usage", "execwith [-s FILE] [-d FD:FILE] COMMAND [ARG...]");
	execvp(argv[optind], argv + optind);
	die(argv[optind], strerror(errno));
	return 125;
}
