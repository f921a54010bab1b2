/*
 * Build with libseccomp the filter that a seccwrap list means, so that
 * tests/libseccomp.sh can compare the two programs' decisions.
 *
 *   scmp_filter OUT MODE ABIS NAME[:ACTION]...
 *	Write to OUT the raw program for the comma-separated libseccomp
 *	arch tokens ABIS (the first native to the arch, as seccwrap
 *	orders them).  MODE "drop" allows everything but the NAMEs, which
 *	get the error action; "keep" gives the error action to everything
 *	but the NAMEs.  The error action is EPERM, or with MODE "drop:A"
 *	or "keep:A" the action A: "kill", "log" or an errno number.  In a
 *	drop list, NAME:A gives NAME action A.  Print "arch TOKEN AUDIT"
 *	for each token, AUDIT in hex, and "unknown NAME" for a name this
 *	libseccomp cannot resolve, which is left out.
 *   scmp_filter -n TOKEN LO HI
 *	Print "NR NAME" for each number LO..HI that the ABI of TOKEN names
 *	in libseccomp's table.
 *
 * Numbers go to seccomp_rule_add() as libseccomp's own, from
 * seccomp_syscall_resolve_name(), and it translates them by name for
 * each arch of the filter.  The number of one arch would name another
 * call on the others.
 */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
die(const char *what, int err)
{
	fprintf(stderr, "scmp_filter: %s: %s\n", what, strerror(err));
	exit(1);
}

static uint32_t
arch_of(const char *token)
{
	uint32_t arch = seccomp_arch_resolve_name(token);

	if (arch == 0) {
		fprintf(stderr, "scmp_filter: unknown arch '%s'\n", token);
		exit(2);
	}
	return arch;
}

/* Return the libseccomp action that A names: kill, log or an errno. */
static uint32_t
action_of(const char *a)
{
	if (strcmp(a, "kill") == 0)
		return SCMP_ACT_KILL_PROCESS;
	if (strcmp(a, "log") == 0)
		return SCMP_ACT_LOG;
	return SCMP_ACT_ERRNO((uint32_t)atoi(a));
}

static int
list_names(const char *token, const char *lo, const char *hi)
{
	uint32_t arch = arch_of(token);
	long nr, last = strtol(hi, NULL, 0);
	char *name;

	for (nr = strtol(lo, NULL, 0); nr <= last; nr++) {
		name = seccomp_syscall_resolve_num_arch(arch, (int)nr);
		if (name != NULL)
			printf("%ld %s\n", nr, name);
		free(name);
	}
	return ferror(stdout) ? 1 : 0;
}

int
main(int argc, char **argv)
{
	uint32_t deny = SCMP_ACT_ERRNO(EPERM), rest, arch, action;
	char *abis, *token, *colon;
	scmp_filter_ctx ctx;
	int fd, i, nr, r, keep;

	if (argc == 5 && strcmp(argv[1], "-n") == 0)
		return list_names(argv[2], argv[3], argv[4]);
	if (argc < 4 || (strncmp(argv[2], "drop", 4) &&
			 strncmp(argv[2], "keep", 4))) {
		fprintf(stderr, "usage: scmp_filter OUT drop|keep[:A] ABIS "
			"NAME[:A]...\n       scmp_filter -n TOKEN LO HI\n");
		return 2;
	}
	keep = strncmp(argv[2], "keep", 4) == 0;
	if (argv[2][4] == ':')
		deny = action_of(argv[2] + 5);
	rest = keep ? SCMP_ACT_ALLOW : deny;
	ctx = seccomp_init(keep ? deny : SCMP_ACT_ALLOW);
	if (ctx == NULL)
		die("seccomp_init", ENOMEM);
	if ((r = seccomp_arch_remove(ctx, SCMP_ARCH_NATIVE)) != 0)
		die("seccomp_arch_remove", -r);
	abis = strdup(argv[3]);
	for (token = strtok(abis, ","); token; token = strtok(NULL, ",")) {
		arch = arch_of(token);
		if ((r = seccomp_arch_add(ctx, arch)) != 0)
			die(token, -r);
		printf("arch %s 0x%08x\n", token, arch);
	}
	for (i = 4; i < argc; i++) {
		action = rest;
		colon = strchr(argv[i], ':');
		if (colon != NULL) {
			*colon = '\0';
			action = action_of(colon + 1);
		}
		nr = seccomp_syscall_resolve_name(argv[i]);
		if (nr == __NR_SCMP_ERROR) {
			printf("unknown %s\n", argv[i]);
			continue;
		}
		/* A name that some arch of the filter lacks is skipped
		 * there, as seccwrap skips it. */
		r = seccomp_rule_add(ctx, action, nr, 0);
		if (r != 0 && r != -EDOM)
			die(argv[i], -r);
	}
	fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		die(argv[1], errno);
	if ((r = seccomp_export_bpf(ctx, fd)) != 0)
		die("seccomp_export_bpf", -r);
	close(fd);
	seccomp_release(ctx);
	free(abis);
	return ferror(stdout) ? 1 : 0;
}
