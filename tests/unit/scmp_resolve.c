/*
 * Resolve syscall names with libseccomp, many per run: for each line
 * "TOKEN NAME" on stdin print "TOKEN NAME NUMBER", the number that
 * `scmp_sys_resolver -a TOKEN NAME` prints (both call
 * seccomp_syscall_resolve_name_arch()).  NUMBER is "badarch" for a token
 * this libseccomp does not know.  Built by tests/build.d/tables.sh when
 * libseccomp-dev is installed; tests/tables.sh runs it.
 */
#include <seccomp.h>
#include <stdio.h>

int
main(void)
{
	char token[64], name[128];
	uint32_t arch;

	while (scanf("%63s %127s", token, name) == 2) {
		arch = seccomp_arch_resolve_name(token);
		if (arch == 0)
			printf("%s %s badarch\n", token, name);
		else
			printf("%s %s %d\n", token, name,
			    seccomp_syscall_resolve_name_arch(arch, name));
	}
	return ferror(stdout) ? 1 : 0;
}
