/*
 * Find the command before the filter goes in, so that everything that
 * can fail happens while seccwrap can still report it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "seccwrap.h"

/* musl's execvp uses the same search path when PATH is unset. */
#define DEFAULT_PATH "/usr/local/bin:/bin:/usr/bin"
/* The kernel's PATH_MAX (linux/limits.h), in bytes with the NUL: execvp
 * in glibc and musl skips a PATH entry that does not fit. */
#define PATH_BYTES_MAX 4096

/* capget(2) as linux/capability.h defines it: version 3 fills two blocks
 * of 32 capabilities. */
#define CAPABILITY_VERSION_3	0x20080522
#define CAP_DAC_OVERRIDE	1
#define CAP_DAC_READ_SEARCH	2
struct cap_header {
	uint32_t version;
	int pid;
};
struct cap_data {
	uint32_t effective;
	uint32_t permitted;
	uint32_t inheritable;
};

/* Results of access_is_exact().  ACCESS_UNTESTED is 0, so that the
 * cached result needs no initialised data. */
enum { ACCESS_UNTESTED, ACCESS_INEXACT, ACCESS_EXACT, ACCESS_UNKNOWN };

/*
 * Return ACCESS_EXACT when access() decides as execve does for this
 * process, ACCESS_UNKNOWN when capget failed (an outer filter), else
 * ACCESS_INEXACT.  access() checks with the real ids, and with the
 * capabilities cleared for a real uid other than 0, or set to the
 * permitted ones for uid 0 (access_override_creds() in fs/open.c).
 * execve checks with the effective ids and capabilities.  The auxiliary
 * vector contains the ids seccwrap started with, which it never changes.
 */
static int
access_is_exact(void)
{
	static int exact;
	struct cap_header head = { CAPABILITY_VERSION_3, 0 };
	struct cap_data data[2];
	uint32_t dac = 1u << CAP_DAC_OVERRIDE | 1u << CAP_DAC_READ_SEARCH;

	if (exact != ACCESS_UNTESTED)
		return exact;
	if (getauxval(AT_UID) != getauxval(AT_EUID) ||
	    getauxval(AT_GID) != getauxval(AT_EGID))
		exact = ACCESS_INEXACT;
	else if (syscall(SYS_capget, &head, data) < 0)
		exact = ACCESS_UNKNOWN;
	else if ((data[0].effective & dac) ==
		 (getauxval(AT_UID) == 0 ? data[0].permitted & dac : 0))
		exact = ACCESS_EXACT;
	else
		exact = ACCESS_INEXACT;
	return exact;
}

/* Return 0 when PATH names a regular file that execve(2) may run, else
 * -errno. */
static int
check_file(const char *path)
{
	struct stat st;
	int exact;
	long r;

	if (stat(path, &st) < 0)
		return -errno;
	if (!S_ISREG(st.st_mode))
		return -EACCES;
	exact = access_is_exact();
	if (exact == ACCESS_EXACT) {
		r = access(path, X_OK);
	} else {
		/* faccessat2 with AT_EACCESS checks with the effective ids
		 * and capabilities, as execve does. */
		r = syscall(SYS_faccessat2, AT_FDCWD, path, X_OK, AT_EACCESS);
		if (r < 0 && (errno == ENOSYS || errno == EPERM) &&
		    exact == ACCESS_UNKNOWN)
			r = access(path, X_OK);
	}
	if (r == 0)
		return 0;
	/* ENOSYS comes from a kernel before 5.8, which has no faccessat2.
	 * EPERM, which X_OK never gives otherwise, comes from an outer
	 * filter, such as the seccomp profile of Docker engines before
	 * 20.10.  Then any x bit counts, because root and CAP_DAC_OVERRIDE
	 * need one too.  The guess misses owner, group and other bits, ACLs
	 * and noexec mounts, and execve decides in the end. */
	if (errno != ENOSYS && errno != EPERM)
		return -errno;
	return st.st_mode & 0111 ? 0 : -EACCES;
}

char *
join_path(const char *dir, size_t dirlen, const char *name)
{
	size_t len = strlen(name);
	char *p = malloc(dirlen + 1 + len + 1);

	if (p == NULL)
		return NULL;
	memcpy(p, dir, dirlen);
	p[dirlen] = '/';
	memcpy(p + dirlen + 1, name, len + 1);
	return p;
}

int
exec_find(const char *command, char **path)
{
	const char *dirs, *p, *end;
	size_t dlen;
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
	dirs = getenv("PATH");
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
		/* An empty entry means the current directory. */
		candidate = join_path(dlen ? p : ".", dlen ? dlen : 1, command);
		if (candidate == NULL)
			return -ENOMEM;
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

#define PT_INTERP	3
/* The kernel reads the #! line from the first 256 bytes of a file
 * (BINPRM_BUF_SIZE, include/uapi/linux/binfmts.h). */
#define SCRIPT_HEAD	256
/* How much of the file is read: the program headers and the ELF
 * interpreter's name sit in the first few hundred bytes of the files
 * linkers write.  A file that puts them further on is not checked. */
#define HEAD_BYTES	4096

/*
 * The start of an ELF file header and of a program header (elf(5)) of
 * seccwrap's own class.  uintptr_t has the width of their address and
 * offset fields, so the fields fall where Elf32_Ehdr and Elf32_Phdr, or
 * Elf64_Ehdr and Elf64_Phdr, have them.
 */
struct elf_header {
	unsigned char ident[16];	/* EI_CLASS and EI_DATA at 4 and 5 */
	uint16_t type;
	uint16_t machine;
	uint32_t version;
	uintptr_t entry;
	uintptr_t phoff;
	uintptr_t shoff;
	uint32_t flags;
	uint16_t ehsize;
	uint16_t phentsize;
	uint16_t phnum;
};

struct elf_program_header {
	uint32_t type;
#if UINTPTR_MAX > 0xffffffffu
	uint32_t flags;		/* before the offset in ELFCLASS64 only */
#endif
	uintptr_t offset;
	uintptr_t vaddr;
	uintptr_t paddr;
	uintptr_t filesz;
};

/* The size of a whole program header of seccwrap's own class. */
#define PROGRAM_HEADER_SIZE (sizeof(uintptr_t) == 8 ? 56u : 32u)

/* seccwrap's own ELF header, which GNU ld defines for any image whose
 * first loaded segment contains the headers, static ones included. */
extern const struct elf_header __ehdr_start;

/* Find the name of the ELF interpreter of the N bytes at HEAD, which
 * start with the ELF magic.  Return it, or NULL when there is none or
 * the file is not of seccwrap's own class, byte order and machine: a
 * 32-bit program on a 64-bit kernel, or one that binfmt_misc runs under
 * an emulator, is not checked. */
static const char *
elf_interpreter(const unsigned char *head, size_t n)
{
	struct elf_header h;
	struct elf_program_header ph;
	size_t i;

	if (n < sizeof(h))
		return NULL;
	memcpy(&h, head, sizeof(h));
	/* The kernel runs ET_EXEC (2) and ET_DYN (3) files whose program
	 * headers have the size of its own.  It rejects the others with
	 * ENOEXEC, which is not predicted. */
	if (memcmp(h.ident + 4, __ehdr_start.ident + 4, 2) != 0 ||
	    h.machine != __ehdr_start.machine ||
	    (h.type != 2 && h.type != 3) ||
	    h.phentsize != PROGRAM_HEADER_SIZE || h.phoff > n ||
	    h.phnum > (n - h.phoff) / PROGRAM_HEADER_SIZE)
		return NULL;
	for (i = 0; i < h.phnum; i++) {
		memcpy(&ph, head + h.phoff + i * PROGRAM_HEADER_SIZE,
		       sizeof(ph));
		if (ph.type != PT_INTERP)
			continue;
		/* load_elf_binary() (fs/binfmt_elf.c) rejects a name of
		 * fewer than 2 bytes or without a final NUL with ENOEXEC.
		 * An empty name fails in another way (EACCES here). */
		if (ph.offset > n || ph.filesz < 2 ||
		    ph.filesz > n - ph.offset ||
		    head[ph.offset + ph.filesz - 1] != '\0' ||
		    head[ph.offset] == '\0')
			return NULL;
		return (const char *)head + ph.offset;
	}
	return NULL;
}

/* Find the interpreter name of the #! line in the N bytes at HEAD.
 * Return it in NAME, or NULL when the line names none, or one that the
 * bytes read do not end. */
static const char *
script_interpreter(const unsigned char *head, size_t n, char *name)
{
	size_t i = 2, start;

	if (n > SCRIPT_HEAD)
		n = SCRIPT_HEAD;
	while (i < n && (head[i] == ' ' || head[i] == '\t'))
		i++;
	for (start = i; i < n; i++)
		if (strchr(" \t\n", head[i]) != NULL || head[i] == '\0')
			break;
	/* The kernel reads past the end of a short file as NUL bytes. */
	if (i == start || (i == n && n == SCRIPT_HEAD))
		return NULL;
	memcpy(name, head + start, i - start);
	name[i - start] = '\0';
	return name;
}

int
exec_check_interpreter(const char *path, char **interpreter)
{
	unsigned char *head;
	const char *name = NULL;
	char script[SCRIPT_HEAD];
	ssize_t r;
	size_t n = 0;
	int fd, err = 0;

	head = malloc(HEAD_BYTES);
	if (head == NULL)
		return -ENOMEM;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	/* A file that can be executed but not read is not checked.  No
	 * EINTR retry, for the reason out_flush() gives. */
	while (fd >= 0 && n < HEAD_BYTES &&
	       (r = read(fd, head + n, HEAD_BYTES - n)) > 0)
		n += (size_t)r;
	if (fd >= 0)
		close(fd);
	if (n >= 4 && memcmp(head, "\177ELF", 4) == 0)
		name = elf_interpreter(head, n);
	else if (n >= 2 && head[0] == '#' && head[1] == '!')
		name = script_interpreter(head, n, script);
	/* The kernel opens the interpreter as it opens the command: a
	 * regular file that may be executed (open_exec(), fs/exec.c). */
	if (name != NULL)
		err = -check_file(name);
	if (err != 0) {
		*interpreter = strdup(name);
		if (*interpreter == NULL)
			err = -ENOMEM;
	}
	free(head);
	return err;
}
