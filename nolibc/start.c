/*
 * Process start and end: _start (from arch.h) calls nolibc_start(),
 * which finds argc, argv, envp and the auxiliary vector on the initial
 * stack, keeps envp for getenv() and the vector for getauxval(), and
 * passes main()'s return value to exit().
 */
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "sys.h"

int main(int argc, char **argv, char **envp);
void nolibc_start(long *sp) __attribute__((__noreturn__, __used__));

static char **environment;
static unsigned long *aux_vector;

__asm__(ARCH_START_ASM);

/* SP points at argc, followed by the argv pointers, a NULL, the envp
 * pointers, another NULL and the auxiliary vector: type and value
 * pairs up to the type AT_NULL.  Each slot is one long. */
void
nolibc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **e = envp;

	while (*e != NULL)
		e++;
	environment = envp;
	aux_vector = (unsigned long *)(e + 1);
	exit(main(argc, argv, envp));
}

unsigned long
getauxval(unsigned long type)
{
	const unsigned long *a;

	for (a = aux_vector; a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

char *
getenv(const char *name)
{
	size_t n = strlen(name);
	char **e;

	/* No variable has such a name, as in musl: "A=B" would otherwise
	 * find the entry "A=B=x", and "" an entry that starts with '='. */
	if (n == 0 || strchr(name, '=') != NULL)
		return NULL;
	for (e = environment; e && *e; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

void
exit(int status)
{
	_exit(status);
}

void
_exit(int status)
{
	sys_exit_group(status);
	/* A filter denied exit_group.  As seccwrap has one thread, exit ends
	 * the process too.  Only a filter that denies both reaches the trap. */
	sys_exit(status);
	__builtin_trap();
}

/* libgcc's division-by-zero handler on arm calls raise(SIGFPE). */
int raise(int sig);

int
raise(int sig)
{
	return (int)syscall_ret(raw_syscall2(__NR_kill,
					     raw_syscall0(__NR_getpid), sig));
}
