/*
 * mdwe-exec: turn on Linux's memory-deny-write-execute for this process
 * with prctl(PR_SET_MDWE) (Linux 6.3), which execve keeps, then exec
 * COMMAND.  Exit status 77 where the kernel has no PR_SET_MDWE, so
 * that the caller can skip.
 *
 *   mdwe-exec COMMAND [ARG...]
 */
#include <errno.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

/* From Linux 6.3's linux/prctl.h, for older headers. */
#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65
#endif
#ifndef PR_MDWE_REFUSE_EXEC_GAIN
#define PR_MDWE_REFUSE_EXEC_GAIN 1
#endif

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: mdwe-exec COMMAND [ARG...]\n", stderr);
		return 2;
	}
	if (prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0L, 0L, 0L) != 0) {
		if (errno == EINVAL)
			return 77;
		perror("mdwe-exec: prctl(PR_SET_MDWE)");
		return 2;
	}
	execv(argv[1], argv + 1);
	perror("mdwe-exec: execv");
	return 127;
}
