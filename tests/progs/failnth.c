/*
 * failnth: run a command under ptrace and make the Nth call of one
 * x86_64 system call fail with an errno, as a kernel out of memory or a
 * failing disk would.  tests/faults.sh runs seccwrap under it once for
 * every N, so that every allocation or read seccwrap makes fails once.
 *
 *   failnth SYSCALL N ERRNO COMMAND [ARG...]
 *
 * SYSCALL is a number or one of the names below, ERRNO a number or a
 * name below.  Only calls of COMMAND's first program count: once it
 * execs another program (as seccwrap does at the end), failnth lets the
 * process go.  The injected call is skipped, so the kernel never runs it.
 *
 * failnth exits with the status of COMMAND, or 128 + the signal that
 * killed it.  It prints "failnth: injected" on stderr when call N
 * happened, and "failnth: no call N" when the program made fewer calls.
 * Its own errors exit with 2, and 3 means that ptrace is not permitted.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

static const struct {
	const char *name;
	long value;
} names[] = {
	{ "read", SYS_read }, { "open", SYS_open }, { "openat", SYS_openat },
	{ "mmap", SYS_mmap }, { "mremap", SYS_mremap }, { "brk", SYS_brk },
	{ "fstat", SYS_fstat }, { "newfstatat", SYS_newfstatat },
	{ "access", SYS_access }, { "faccessat", SYS_faccessat },
	{ "faccessat2", SYS_faccessat2 },
	{ "EIO", EIO }, { "ENOMEM", ENOMEM }, { "EACCES", EACCES },
	{ "EMFILE", EMFILE }, { "EINTR", EINTR }, { "EAGAIN", EAGAIN },
};

static long
lookup(const char *text)
{
	char *end;
	size_t i;
	long v;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].name, text) == 0)
			return names[i].value;
	v = strtol(text, &end, 0);
	if (end == text || *end != '\0' || v < 0) {
		fprintf(stderr, "failnth: unknown name or invalid number '%s'\n",
			text);
		exit(2);
	}
	return v;
}

static int
exit_status(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) :
	       128 + WTERMSIG(status);
}

int
main(int argc, char **argv)
{
	long nr, nth, err, count = 0;
	int status, sig = 0, entry = 0, pending = 0, injected = 0;
	struct user_regs_struct regs;
	pid_t pid;

	if (argc < 5) {
		fprintf(stderr, "usage: failnth SYSCALL N ERRNO COMMAND "
			"[ARG...]\n");
		return 2;
	}
	nr = lookup(argv[1]);
	nth = lookup(argv[2]);
	err = lookup(argv[3]);
	pid = fork();
	if (pid < 0) {
		perror("failnth: fork");
		return 2;
	}
	if (pid == 0) {
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0)
			_exit(3);
		raise(SIGSTOP);
		execvp(argv[4], argv + 4);
		perror("failnth: execvp");
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status)) {
		fprintf(stderr, "failnth: ptrace is not permitted here\n");
		return 3;
	}
	if (ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(long)
		   (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC |
		    PTRACE_O_EXITKILL)) != 0) {
		perror("failnth: PTRACE_SETOPTIONS");
		return 2;
	}
	/* The first exec event is COMMAND itself, and the next one ends
	 * the count. */
	int execs = 0;

	for (;;) {
		if (ptrace(PTRACE_SYSCALL, pid, NULL, (void *)(long)sig) != 0) {
			perror("failnth: PTRACE_SYSCALL");
			return 2;
		}
		sig = 0;
		if (waitpid(pid, &status, 0) != pid) {
			perror("failnth: waitpid");
			return 2;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status))
			break;
		if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_EXEC << 8))) {
			if (++execs == 2) {
				ptrace(PTRACE_DETACH, pid, NULL, NULL);
				waitpid(pid, &status, 0);
				break;
			}
			continue;
		}
		if (WSTOPSIG(status) != (SIGTRAP | 0x80)) {
			sig = WSTOPSIG(status);	/* deliver it */
			continue;
		}
		entry = !entry;
		if (ptrace(PTRACE_GETREGS, pid, NULL, &regs) != 0) {
			perror("failnth: PTRACE_GETREGS");
			return 2;
		}
		if (entry && execs == 1 && (long)regs.orig_rax == nr &&
		    ++count == nth) {
			/* Skip the call: the kernel runs no syscall -1. */
			regs.orig_rax = (unsigned long long)-1;
			pending = 1;
			ptrace(PTRACE_SETREGS, pid, NULL, &regs);
		} else if (!entry && pending) {
			regs.rax = (unsigned long long)-err;
			ptrace(PTRACE_SETREGS, pid, NULL, &regs);
			pending = 0;
			injected = 1;
			fprintf(stderr, "failnth: injected\n");
			ptrace(PTRACE_DETACH, pid, NULL, NULL);
			waitpid(pid, &status, 0);
			break;
		}
	}
	if (!injected)
		fprintf(stderr, "failnth: no call %ld\n", nth);
	return exit_status(status);
}
