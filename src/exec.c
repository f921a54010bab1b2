/*
 * Find the command before the filter goes in, so that everything that
 * can fail happens while seccwrap can still report it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "seccwrap.h"

/* musl's execvp uses the same search path when PATH is unset. */
#define DEFAULT_PATH "/usr/local/bin:/bin:/usr/bin"
/* The kernel's PATH_MAX (linux/limits.h), in bytes with the NUL: execvp
 * in glibc and musl skips a PATH entry that does not fit. */
#define PATH_BYTES_MAX 4096

static const char *
env_get(char *const envp[], const char *name)
{
	size_t n = strlen(name);

	for (; envp && *envp; envp++)
		if (strncmp(*envp, name, n) == 0 && (*envp)[n] == '=')
			return *envp + n + 1;
	return NULL;
}

/* Return 0 when PATH names an executable regular file, else -errno. */
static int
check_file(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -errno;
	if (!S_ISREG(st.st_mode))
		return -EACCES;
	if (access(path, X_OK) < 0)
		return -errno;
	return 0;
}

int
exec_find(const char *command, char *const envp[], char **path)
{
	const char *dirs, *p, *end;
	size_t dlen, clen = strlen(command);
	int r, seen_eacces = 0, other = 0, last = -ENOENT;
	char *candidate;

	if (*command == '\0')
		return -ENOENT;
	if (strchr(command, '/')) {
		r = check_file(command);
		if (r < 0)
			return r;	/* -ENOENT, -EACCES, or the error, e.g. -EIO */
		*path = strdup(command);
		return *path ? 0 : -ENOMEM;
	}
	dirs = env_get(envp, "PATH");
	if (dirs == NULL)
		dirs = DEFAULT_PATH;
	for (p = dirs; ; p = end + 1) {
		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		dlen = (size_t)(end - p);
		if (dlen >= PATH_BYTES_MAX) {
			if (*end == '\0')
				break;
			continue;
		}
		candidate = malloc(dlen + 1 + clen + 1);
		if (candidate == NULL)
			return -ENOMEM;
		/* An empty entry means the current directory. */
		memcpy(candidate, dlen ? p : ".", dlen ? dlen : 1);
		if (dlen == 0)
			dlen = 1;
		candidate[dlen] = '/';
		memcpy(candidate + dlen + 1, command, clen + 1);
		r = check_file(candidate);
		if (r == 0) {
			*path = candidate;
			return 0;
		}
		free(candidate);
		/* EACCES from any entry wins, then the first other error
		 * (such as ELOOP), then the last entry's ENOENT or ENOTDIR
		 * (an entry that is a file).  execvp(3) of glibc and musl
		 * passes over ENOENT and ENOTDIR alike and keeps the last
		 * one, so env(1) exits 126 when that was ENOTDIR.  execvp
		 * returns at once on another error, but seccwrap searches
		 * on. */
		if (r == -EACCES)
			seen_eacces = 1;
		else if (r == -ENOENT || r == -ENOTDIR)
			last = r;
		else if (other == 0)
			other = r;
		if (*end == '\0')
			break;
	}
	if (seen_eacces)
		return -EACCES;
	return other ? other : last;
}
