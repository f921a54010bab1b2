/*
 * Install a filter: no_new_privs first (the kernel requires it, or
 * CAP_SYS_ADMIN), then seccomp(2), then prctl(2) on kernels before 3.17
 * that lack seccomp(2).  Constants are those of linux/prctl.h and
 * linux/seccomp.h, spelled out because a libc-free build has no headers.
 */
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "seccwrap.h"

#define PR_SET_SECCOMP		 22
#define PR_SET_NO_NEW_PRIVS	 38
#define SECCOMP_MODE_FILTER	 2	/* prctl(PR_SET_SECCOMP) mode */
#define SECCOMP_SET_MODE_FILTER	 1	/* seccomp(2) operations */
#define SECCOMP_GET_ACTION_AVAIL 2

/* struct sock_fprog of linux/filter.h. */
struct fprog {
	unsigned short len;
	const struct bpf_insn *filter;
};

int
install_action_available(uint32_t action)
{
	long r = syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);

	/* ENOSYS: no seccomp(2), so a kernel before 3.17 and before the
	 * actions of 4.14; EOPNOTSUPP: this kernel lacks the action. */
	return r == 0;
}

int
install_filter(const struct program *prog, const char **call)
{
	struct fprog fp;

	fp.len = (unsigned short)prog->len;
	fp.filter = prog->insn;
	*call = "prctl(PR_SET_NO_NEW_PRIVS)";
	if (syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -errno;
	*call = "seccomp(SECCOMP_SET_MODE_FILTER)";
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) == 0)
		return 0;
	if (errno != ENOSYS)
		return -errno;
	*call = "prctl(PR_SET_SECCOMP)";
	if (syscall(SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fp, 0,
		    0) != 0)
		return -errno;
	return 0;
}
