/*
 * seccomp-launcher: the libseccomp launcher that the benchmarks compare
 * seccwrap with.  It builds the filter with libseccomp's usual API, sets
 * no_new_privs, loads the filter and execs the command, and it does
 * nothing else.
 *
 *   seccomp-launcher [-k] [-m] [-p FAMILIES] [-o LEVEL] [-e FILE] LIST
 *                    [COMMAND [ARG...]]
 *
 * LIST is a comma-separated list of syscall names.  By default each name
 * returns EPERM on x86_64 and i386 and every other call is allowed, as in
 * firejail's default profile.  With -k only LIST is allowed and every
 * other call returns EPERM, as in seccomp.keep.  x32 calls return EPERM in
 * both cases (the bad-arch action), as seccwrap and firejail deny them.
 *
 *   -m           add seccwrap's memory-deny-write-execute rules: EPERM for
 *                mmap (mmap2 on i386) with PROT_WRITE|PROT_EXEC,
 *                mprotect and pkey_mprotect with PROT_EXEC, shmat with
 *                SHM_EXEC, and every memfd_create and i386 old mmap;
 *                ENOSYS for io_uring_setup
 *   -p FAMILIES  allow socket() only for these address families (unix,
 *                inet, inet6, netlink, packet, bluetooth); other
 *                families get EOPNOTSUPP and i386 socketcall ENOSYS,
 *                as in seccwrap's protocol
 *   -o LEVEL     set SCMP_FLTATR_CTL_OPTIMIZE: 1 (default, a priority
 *                ordered chain) or 2 (a binary tree)
 *   -e FILE      write the raw BPF program to FILE with
 *                seccomp_export_bpf() and exit instead of running COMMAND
 *
 * Build: gcc -O2 -o seccomp-launcher seccomp-launcher.c -lseccomp
 */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROT_WRITE_EXEC 0x6	/* PROT_WRITE | PROT_EXEC */
#define PROT_EXEC_BIT	0x4
#define SHM_EXEC_BIT	0x8000
#define FAMILY_MAX	64	/* above every AF_* value (AF_MAX is 46) */

static const struct {
	const char *name;
	int family;
} families[] = {
	{ "unix", 1 }, { "inet", 2 }, { "inet6", 10 },
	{ "netlink", 16 }, { "packet", 17 }, { "bluetooth", 31 },
};

struct options {
	int keep;
	int mdwx;
	int optimize;
	const char *protocols;
	const char *export_path;
};

static void
die(const char *what, int error)
{
	fprintf(stderr, "seccomp-launcher: %s: %s\n", what, strerror(error));
	exit(125);
}

static void
usage(void)
{
	fprintf(stderr, "usage: seccomp-launcher [-k] [-m] [-p FAMILIES] "
			"[-o LEVEL] [-e FILE] LIST [COMMAND [ARG...]]\n");
	exit(125);
}

static void
add_rule(scmp_filter_ctx ctx, uint32_t action, const char *name,
    unsigned int count, const struct scmp_arg_cmp *cmp)
{
	int nr = seccomp_syscall_resolve_name(name);
	int rc;

	if (nr == __NR_SCMP_ERROR) {
		fprintf(stderr, "seccomp-launcher: unknown syscall '%s'\n",
		    name);
		exit(125);
	}
	/* libseccomp 2.5.4 returns 0 without adding a rule for a name that
	 * this context's arch lacks (vm86 on x86_64). */
	rc = seccomp_rule_add_array(ctx, action, nr, count, cmp);
	if (rc != 0)
		die(name, -rc);
}

/* Add one rule with ACTION for every name of the comma-separated LIST. */
static void
add_list(scmp_filter_ctx ctx, uint32_t action, const char *list)
{
	char *copy = strdup(list), *name, *save = NULL;

	if (copy == NULL)
		die("strdup", errno);
	for (name = strtok_r(copy, ",", &save); name != NULL;
	     name = strtok_r(NULL, ",", &save))
		add_rule(ctx, action, name, 0, NULL);
	free(copy);
}

static void
add_mdwx(scmp_filter_ctx ctx, uint32_t arch)
{
	uint32_t deny = SCMP_ACT_ERRNO(EPERM);
	struct scmp_arg_cmp wx = SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_WRITE_EXEC,
	    PROT_WRITE_EXEC);
	struct scmp_arg_cmp x = SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC_BIT,
	    PROT_EXEC_BIT);
	struct scmp_arg_cmp shm = SCMP_A2(SCMP_CMP_MASKED_EQ, SHM_EXEC_BIT,
	    SHM_EXEC_BIT);

	if (arch == SCMP_ARCH_X86) {
		/* i386 "mmap" is old_mmap, whose arguments are in memory. */
		add_rule(ctx, deny, "mmap", 0, NULL);
		add_rule(ctx, deny, "mmap2", 1, &wx);
	} else {
		add_rule(ctx, deny, "mmap", 1, &wx);
	}
	add_rule(ctx, deny, "mprotect", 1, &x);
	add_rule(ctx, deny, "pkey_mprotect", 1, &x);
	add_rule(ctx, deny, "shmat", 1, &shm);
	add_rule(ctx, deny, "memfd_create", 0, NULL);
	/* seccwrap denies io_uring with ENOSYS here, so do the same. */
	add_rule(ctx, SCMP_ACT_ERRNO(ENOSYS), "io_uring_setup", 0, NULL);
}

/*
 * Deny socket() for every family not in LIST.  libseccomp takes one
 * comparison per argument in a rule, so the denied values below the
 * largest allowed family get one JEQ rule each, and the rest one GT rule.
 */
static void
add_protocols(scmp_filter_ctx ctx, uint32_t arch, const char *list)
{
	char allowed[FAMILY_MAX] = { 0 };
	char *copy = strdup(list), *name, *save = NULL;
	uint32_t deny = SCMP_ACT_ERRNO(EOPNOTSUPP);
	struct scmp_arg_cmp cmp;
	int top = -1, value;
	unsigned int i;

	if (copy == NULL)
		die("strdup", errno);
	for (name = strtok_r(copy, ",", &save); name != NULL;
	     name = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < sizeof(families) / sizeof(families[0]); i++)
			if (strcmp(name, families[i].name) == 0)
				break;
		if (i == sizeof(families) / sizeof(families[0])) {
			fprintf(stderr, "seccomp-launcher: unknown protocol "
					"'%s'\n", name);
			exit(125);
		}
		allowed[families[i].family] = 1;
		if (families[i].family > top)
			top = families[i].family;
	}
	free(copy);
	for (value = 0; value < top; value++) {
		if (allowed[value])
			continue;
		cmp = SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)value);
		add_rule(ctx, deny, "socket", 1, &cmp);
	}
	cmp = SCMP_A0(SCMP_CMP_GT, (scmp_datum_t)top);
	add_rule(ctx, deny, "socket", 1, &cmp);
	/* socketcall() passes the family in memory, where no filter can
	 * read it, so seccwrap makes it ENOSYS and libc falls back to
	 * socket(). */
	if (arch == SCMP_ARCH_X86)
		add_rule(ctx, SCMP_ACT_ERRNO(ENOSYS), "socketcall", 0, NULL);
}

/* Build the rules of one ABI in a context of its own. */
static scmp_filter_ctx
build_arch(const struct options *opt, const char *list, uint32_t arch)
{
	uint32_t list_action = opt->keep ? SCMP_ACT_ALLOW :
	    SCMP_ACT_ERRNO(EPERM);
	uint32_t other = opt->keep ? SCMP_ACT_ERRNO(EPERM) : SCMP_ACT_ALLOW;
	scmp_filter_ctx ctx = seccomp_init(other);
	int rc;

	if (ctx == NULL)
		die("seccomp_init", ENOMEM);
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH,
	    SCMP_ACT_ERRNO(EPERM));
	if (rc != 0)
		die("seccomp_attr_set(SCMP_FLTATR_ACT_BADARCH)", -rc);
	if (arch != SCMP_ARCH_NATIVE) {
		rc = seccomp_arch_add(ctx, arch);
		if (rc == 0)
			rc = seccomp_arch_remove(ctx, SCMP_ARCH_NATIVE);
		if (rc != 0)
			die("seccomp_arch_add", -rc);
	}
	add_list(ctx, list_action, list);
	if (opt->mdwx)
		add_mdwx(ctx, arch);
	if (opt->protocols != NULL)
		add_protocols(ctx, arch, opt->protocols);
	return ctx;
}

int
main(int argc, char **argv)
{
	struct options opt = { 0, 0, 0, NULL, NULL };
	scmp_filter_ctx ctx, ctx32;
	int c, fd, rc;

	while ((c = getopt(argc, argv, "+kmp:o:e:")) != -1) {
		switch (c) {
		case 'k': opt.keep = 1; break;
		case 'm': opt.mdwx = 1; break;
		case 'p': opt.protocols = optarg; break;
		case 'o': opt.optimize = atoi(optarg); break;
		case 'e': opt.export_path = optarg; break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	if (optind + 1 >= argc && opt.export_path == NULL)
		usage();

	/* Merging two single-arch contexts lets each ABI have its own
	 * argument rules (mmap differs between x86_64 and i386). */
	ctx = build_arch(&opt, argv[optind], SCMP_ARCH_NATIVE);
	ctx32 = build_arch(&opt, argv[optind], SCMP_ARCH_X86);
	rc = seccomp_merge(ctx, ctx32);
	if (rc != 0)
		die("seccomp_merge", -rc);
	if (opt.optimize != 0) {
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE,
		    (uint32_t)opt.optimize);
		if (rc != 0)
			die("seccomp_attr_set(SCMP_FLTATR_CTL_OPTIMIZE)", -rc);
	}

	if (opt.export_path != NULL) {
		fd = open(opt.export_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			die(opt.export_path, errno);
		rc = seccomp_export_bpf(ctx, fd);
		if (rc != 0)
			die("seccomp_export_bpf", -rc);
		if (close(fd) != 0)
			die(opt.export_path, errno);
		return 0;
	}

	/* seccomp_load() sets no_new_privs itself (SCMP_FLTATR_CTL_NNP is
	 * on by default). */
	rc = seccomp_load(ctx);
	if (rc != 0)
		die("seccomp_load", -rc);
	seccomp_release(ctx);
	execvp(argv[optind + 1], argv + optind + 1);
	die(argv[optind + 1], errno);
	return 125;
}
