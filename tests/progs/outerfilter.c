/*
 * outerfilter: install a hand-made seccomp filter that makes chosen
 * x86_64 system calls fail, then exec a command under it.  The fault
 * tests (tests/faults.sh) run seccwrap as that command, so that seccwrap
 * meets a kernel that lacks seccomp(2), lacks an action, or fails a read
 * or an allocation.
 *
 *   outerfilter RULE... -- COMMAND [ARG...]
 *
 * RULE is SYSCALL=ERRNO, or SYSCALL@ARG=VALUE=ERRNO to fail only calls
 * whose argument ARG (0-5) equals VALUE, or SYSCALL@ARG!=VALUE=ERRNO to
 * fail only calls whose argument differs.  SYSCALL and ERRNO are names
 * from the tables below or numbers, and ERRNO 0 fakes success: the call
 * returns 0 without running.  VALUE is a number (strtoull base 0)
 * compared on all 64 bits.  The first rule that matches decides; every
 * other call, and every call of another ABI, is allowed.
 *
 * The filter is installed without no_new_privs when the caller may
 * (CAP_SYS_ADMIN), so that seccwrap sets that bit itself.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define RULES_MAX 16
/* Instructions per rule (at most 6) plus the arch check and the end. */
#define INSNS_MAX (RULES_MAX * 6 + 4)

struct rule {
	long nr;
	int arg;		/* -1: no argument test */
	int negate;		/* fail when the argument differs */
	uint64_t value;
	int err;
};

static const struct {
	const char *name;
	long nr;
} syscalls[] = {
	{ "read", SYS_read }, { "write", SYS_write }, { "open", SYS_open },
	{ "openat", SYS_openat }, { "mmap", SYS_mmap },
	{ "mremap", SYS_mremap }, { "munmap", SYS_munmap },
	{ "brk", SYS_brk }, { "prctl", SYS_prctl },
	{ "seccomp", SYS_seccomp }, { "execve", SYS_execve },
	{ "fstat", SYS_fstat }, { "newfstatat", SYS_newfstatat },
};

static const struct {
	const char *name;
	int value;
} errnos[] = {
	{ "EPERM", EPERM }, { "ENOENT", ENOENT }, { "EIO", EIO },
	{ "ENOMEM", ENOMEM }, { "EACCES", EACCES }, { "EFAULT", EFAULT },
	{ "EINVAL", EINVAL }, { "ENOSYS", ENOSYS },
	{ "EOPNOTSUPP", EOPNOTSUPP }, { "EINTR", EINTR },
};

static void
usage(const char *why, const char *what)
{
	fprintf(stderr, "outerfilter: %s '%s'\n"
		"usage: outerfilter SYSCALL[@ARG[!]=VALUE]=ERRNO... -- "
		"COMMAND [ARG...]\n", why, what);
	exit(2);
}

static long
lookup_syscall(const char *name, size_t len)
{
	char *end;
	size_t i;
	long nr;

	for (i = 0; i < sizeof(syscalls) / sizeof(syscalls[0]); i++)
		if (strlen(syscalls[i].name) == len &&
		    strncmp(syscalls[i].name, name, len) == 0)
			return syscalls[i].nr;
	nr = strtol(name, &end, 0);
	return end == name + len && end != name ? nr : -1;
}

static int
lookup_errno(const char *name)
{
	char *end;
	size_t i;
	long v;

	for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (strcmp(errnos[i].name, name) == 0)
			return errnos[i].value;
	v = strtol(name, &end, 0);
	return *end == '\0' && end != name && v >= 0 && v < 4096 ? (int)v : -1;
}

/* Parse SYSCALL[@ARG[!]=VALUE]=ERRNO into R; exit on errors. */
static void
parse_rule(const char *text, struct rule *r)
{
	const char *at = strchr(text, '@'), *last = strrchr(text, '=');
	char *end;

	if (last == NULL)
		usage("missing '=ERRNO' in rule", text);
	r->err = lookup_errno(last + 1);
	if (r->err < 0)
		usage("unknown errno in rule", text);
	r->arg = -1;
	r->negate = 0;
	r->nr = lookup_syscall(text, (size_t)((at ? at : last) - text));
	if (r->nr < 0)
		usage("unknown system call in rule", text);
	if (at == NULL)
		return;
	r->arg = (int)strtol(at + 1, &end, 10);
	if (end == at + 1 || r->arg < 0 || r->arg > 5)
		usage("invalid argument index in rule", text);
	if (*end == '!') {
		r->negate = 1;
		end++;
	}
	if (*end != '=')
		usage("missing '=VALUE' in rule", text);
	r->value = strtoull(end + 1, &end, 0);
	if (end != last)
		usage("invalid value in rule", text);
}

/* Append the instructions of rule R at P; return the next free slot. */
static struct sock_filter *
emit_rule(struct sock_filter *p, const struct rule *r)
{
	uint32_t lo = (uint32_t)r->value, hi = (uint32_t)(r->value >> 32);
	uint32_t off = offsetof(struct seccomp_data, args) + 8 * r->arg;
	struct sock_filter ret_err =
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | r->err);

	*p++ = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					    offsetof(struct seccomp_data, nr));
	if (r->arg < 0) {
		*p++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						    (uint32_t)r->nr, 0, 1);
		*p++ = ret_err;
		return p;
	}
	/* x86_64 is little-endian: the low word comes first. */
	*p++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
					    (uint32_t)r->nr, 0, 5);
	*p++ = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, off);
	if (r->negate) {
		/* Equal in both words: no match, go on to the next rule. */
		*p++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						    lo, 0, 2);
		*p++ = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						    off + 4);
		*p++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						    hi, 1, 0);
	} else {
		*p++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						    lo, 0, 3);
		*p++ = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						    off + 4);
		*p++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						    hi, 0, 1);
	}
	*p++ = ret_err;
	return p;
}

int
main(int argc, char **argv)
{
	struct sock_filter insns[INSNS_MAX], *p = insns;
	struct sock_fprog prog;
	struct rule rules[RULES_MAX];
	int i, n = 0;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (n == RULES_MAX)
			usage("too many rules, at", argv[i]);
		parse_rule(argv[i], &rules[n++]);
	}
	if (i + 1 >= argc)
		usage("missing command after", "--");
	*p++ = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					    offsetof(struct seccomp_data, arch));
	*p++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
					    AUDIT_ARCH_X86_64, 1, 0);
	*p++ = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	for (int j = 0; j < n; j++)
		p = emit_rule(p, &rules[j]);
	*p++ = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	prog.len = (unsigned short)(p - insns);
	prog.filter = insns;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
		if (errno != EACCES ||
		    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
		    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
			perror("outerfilter: seccomp");
			return 2;
		}
	}
	execvp(argv[i + 1], argv + i + 1);
	perror("outerfilter: execvp");
	return 127;
}
