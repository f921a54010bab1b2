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
#define PR_GET_NO_NEW_PRIVS	 39
#define SECCOMP_MODE_FILTER	 2	/* prctl(PR_SET_SECCOMP) mode */
#define SECCOMP_SET_MODE_FILTER	 1	/* seccomp(2) operations */
#define SECCOMP_GET_ACTION_AVAIL 2

/* struct sock_fprog of linux/filter.h. */
struct fprog {
	unsigned short len;
	const struct bpf_insn *filter;
};

/* Personality values of linux/personality.h. */
#define PER_MASK	0xffu
#define PER_LINUX32	0x0008u
#define READ_IMPLIES_EXEC 0x0400000u
#define PERSONALITY_GET	0xffffffffu	/* reads it, sets nothing */
/* syscall()'s failure.  On a 32-bit arch a personality can look
 * negative, since the kernel keeps all 32 bits, but none is -1, the value
 * that only reads.  NOTE: there, syscall() still takes one from
 * 0xfffff001 up for a failure with that errno. */
#define PERSONALITY_FAILED (-1L)

/* Field size of struct new_utsname (linux/utsname.h), of which uname(2)
 * fills six: sysname, nodename, release, version, machine, domainname. */
#define UTS_FIELD 65

/* Copy the machine field of uname(2) into MACHINE (SIZE bytes).  An
 * empty one, as from an outer filter that fakes success, is -EINVAL. */
static int
uname_machine(char *machine, size_t size)
{
	char uts[6][UTS_FIELD] = { { 0 } };
	size_t i;

	if (syscall(SYS_uname, uts) < 0)
		return -errno;
	if (uts[4][0] == '\0')
		return -EINVAL;
	for (i = 0; i + 1 < size && i + 1 < UTS_FIELD && uts[4][i]; i++)
		machine[i] = uts[4][i];
	machine[i] = '\0';
	return 0;
}

int
install_kernel_machine(char *machine, size_t size, int linux32,
		       const char **call)
{
	long persona;
	int r;

	*call = "uname";
	if (!linux32)
		return uname_machine(machine, size);
	/* A task with PER_LINUX32 (setarch i686, linux32) gets the 32-bit
	 * machine name even from a 64-bit kernel: clear it for the one
	 * call and restore it, since the command inherits it. */
	*call = "personality";
	persona = syscall(SYS_personality, PERSONALITY_GET);
	if (persona == PERSONALITY_FAILED)
		return -errno;
	if ((persona & PER_MASK) != PER_LINUX32)
		return 1;
	if (syscall(SYS_personality, persona & ~(long)PER_MASK) ==
	    PERSONALITY_FAILED)
		return -errno;
	r = uname_machine(machine, size);
	if (syscall(SYS_personality, persona) == PERSONALITY_FAILED) {
		*call = NULL;	/* left changed */
		return -errno;
	}
	if (r < 0)
		*call = "uname";
	return r;
}

int
install_clear_read_exec(void)
{
	long persona = syscall(SYS_personality, PERSONALITY_GET);

	/* A denied read leaves the flag as it is.  An outer filter that
	 * denies it, such as firejail's default list, denies every
	 * personality call, so it also keeps the flag from being set. */
	if (persona == PERSONALITY_FAILED)
		return errno;
	if (!(persona & READ_IMPLIES_EXEC))
		return 0;
	if (syscall(SYS_personality, persona & ~(long)READ_IMPLIES_EXEC) ==
	    PERSONALITY_FAILED)
		return -errno;
	return 0;
}

int
install_action_available(uint32_t action)
{
	/* ENOSYS (no seccomp(2), before 3.17), EINVAL (no
	 * SECCOMP_GET_ACTION_AVAIL, before 4.14) and EOPNOTSUPP mean that
	 * the kernel lacks ACTION.  Another error, such as an outer filter's
	 * EPERM, leaves it unknown. */
	if (syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) == 0)
		return 0;
	return errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP ?
	       -EOPNOTSUPP : -errno;
}

int
install_filter(const struct program *prog, const char **call)
{
	struct fprog fp;
	long r;

	fp.len = (unsigned short)prog->len;
	fp.filter = prog->insn;
	*call = "prctl(PR_SET_NO_NEW_PRIVS)";
	if (syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -errno;
	/* An outer filter that returns errno 0 for the call fakes success,
	 * and no errno action can make the query below return the
	 * kernel's 1. */
	*call = "prctl(PR_GET_NO_NEW_PRIVS)";
	r = syscall(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	if (r < 0)
		return -errno;
	if (r != 1) {
		*call = NULL;
		return -EPERM;
	}
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
