/*
 * Unit test of nolibc, built with nolibc for each architecture that has a
 * cross gcc and run there (under qemu-user on other hosts) by
 * tests/nolibc.sh.
 *
 *   nolibc_test DIR "a b"   run every check, with scratch files in DIR
 *   nolibc_test exit N      exit with status N through exit()
 *
 * Each check prints "ok NAME" or "not ok NAME"; the exit status is the
 * number of failed checks (at most 100).  The environment must contain
 * NOLIBC_TEST_VAR=value and NOLIBC_TEST_EQ=B=x.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PR_GET_NO_NEW_PRIVS 39	/* linux/prctl.h */

static int failed;

static void
put(const char *s)
{
	write(1, s, strlen(s));
}

static void
check(const char *name, int ok)
{
	if (!ok) {
		put("not ");
		failed++;
	}
	put("ok ");
	put(name);
	put("\n");
}

static int
sign(int v)
{
	return v < 0 ? -1 : v > 0;
}

static void
test_memory(void)
{
	char buf[16] = "abcdefgh";

	check("memcpy", memcpy(buf + 8, "ijkl", 5) == buf + 8 &&
	      memcmp(buf, "abcdefghijkl", 13) == 0);
	memmove(buf + 2, buf, 6);
	check("memmove/overlap-up", memcmp(buf, "ababcdefijkl", 12) == 0);
	memmove(buf, buf + 2, 6);
	check("memmove/overlap-down", memcmp(buf, "abcdefefijkl", 12) == 0);
	check("memset", memset(buf, 'x', 3) == buf &&
	      memcmp(buf, "xxxdef", 6) == 0);
	check("memcmp/sign", sign(memcmp("a\x80", "a\x01", 2)) == 1 &&
	      sign(memcmp("a", "b", 1)) == -1 && memcmp("", "x", 0) == 0);
}

static void
test_strings(void)
{
	const char *s = "path/to/file";
	char buf[16];
	char *d;

	check("strlen", strlen("") == 0 && strlen(s) == 12);
	check("strcmp", strcmp("abc", "abc") == 0 &&
	      sign(strcmp("abc", "abd")) == -1 &&
	      sign(strcmp("abc", "ab")) == 1 &&
	      sign(strcmp("\xff", "a")) == 1);
	check("strncmp", strncmp("abcx", "abcy", 3) == 0 &&
	      sign(strncmp("abcx", "abcy", 4)) == -1 &&
	      strncmp("ab", "ab", 10) == 0 && strncmp("a", "b", 0) == 0);
	check("strchr", strchr(s, '/') == s + 4 && strchr(s, 'z') == NULL &&
	      strchr(s, '\0') == s + 12);
	check("strrchr", strrchr(s, '/') == s + 7 &&
	      strrchr(s, 'z') == NULL && strrchr(s, '\0') == s + 12);
	check("strstr", strstr(s, "to") == s + 5 &&
	      strstr(s, "file") == s + 8 && strstr(s, "fileX") == NULL &&
	      strstr(s, "") == s && strstr("", "") != NULL);
	check("strcpy", strcpy(buf, "copy") == buf && strcmp(buf, "copy") == 0);
	d = strdup(s);
	check("strdup", d != NULL && d != s && strcmp(d, s) == 0);
	free(d);
}

/* Fill N bytes at P with a pattern that depends on SEED. */
static void
fill(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + seed);
}

static int
filled(const unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (unsigned char)(i * 7 + seed))
			return 0;
	return 1;
}

static void
test_malloc(void)
{
	unsigned char *p, *q, *r, *many[2000];
	size_t n;
	int ok, i;

	p = malloc(0);
	q = malloc(0);
	check("malloc/zero", p != NULL && q != NULL && p != q);
	free(q);
	free(p);
	ok = 1;
	for (n = 1; n < 100; n += 7) {
		p = malloc(n);
		ok = ok && p && ((uintptr_t)p & 15) == 0;
	}
	check("malloc/aligned", ok);
	check("malloc/huge", malloc(SIZE_MAX) == NULL &&
	      malloc(SIZE_MAX / 2 + 1) == NULL);

	/* Grow the newest block in place, then past the arena into a
	 * mapping of its own, then move that mapping. */
	p = malloc(100);
	fill(p, 100, 1);
	p = realloc(p, 1000);
	check("realloc/in-place", p && filled(p, 100, 1));
	fill(p, 1000, 2);
	q = malloc(10);
	p = realloc(p, 50000);
	check("realloc/to-mapping", p && filled(p, 1000, 2));
	fill(p, 50000, 3);
	p = realloc(p, 3000000);
	check("realloc/mremap", p && filled(p, 50000, 3));
	fill(p, 3000000, 4);
	r = realloc(p, SIZE_MAX - 64);
	check("realloc/huge-fails", r == NULL && filled(p, 3000000, 4));
	free(p);
	/* A block that is not the newest is copied. */
	p = malloc(64);
	fill(p, 64, 5);
	free(q);
	q = malloc(8);
	p = realloc(p, 4000);
	check("realloc/copy", p && filled(p, 64, 5));
	check("realloc/shrink", realloc(p, 10) == p && filled(p, 10, 5));
	free(q);
	check("realloc/null", (p = realloc(NULL, 32)) != NULL);
	free(NULL);

	q = calloc(1000, 3);
	ok = q != NULL;
	for (n = 0; ok && n < 3000; n++)
		ok = q[n] == 0;
	check("calloc/zeroed", ok);
	check("calloc/overflow", calloc(SIZE_MAX / 2, 3) == NULL);
	/* Freed and then reused memory must come back zeroed from calloc. */
	p = malloc(256);
	memset(p, 0xff, 256);
	free(p);
	p = calloc(256, 1);
	ok = p != NULL;
	for (n = 0; ok && n < 256; n++)
		ok = p[n] == 0;
	check("calloc/reused", ok);

	/* Enough blocks to need several arenas, and none may overlap. */
	for (i = 0; i < 2000; i++) {
		many[i] = malloc(100 + i % 50);
		if (many[i])
			fill(many[i], 100 + i % 50, (unsigned int)i);
	}
	ok = 1;
	for (i = 0; i < 2000; i++)
		ok = ok && many[i] && filled(many[i], 100 + i % 50,
					     (unsigned int)i);
	check("malloc/many", ok);
}

/*
 * Check that raw_syscall6() passes arguments 5 and 6, which o32 passes
 * on the stack.  copy_file_range() copies at most len (the fifth) bytes
 * and fails with EINVAL unless flags (the sixth) is 0.  Its offset
 * pointer makes it read IN from offset 0, wherever IN's position is.
 */
static void
test_six_args(int in, const char *dir)
{
	char path[256];
	long long offset = 0;
	long r;
	int out;

	strcpy(path, dir);
	strcpy(path + strlen(path), "/copy");
	out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	r = syscall(__NR_copy_file_range, (long)in, (long)&offset, (long)out,
		    0L, 3L, 0L);
	check("syscall/six-args", r == 3);
	errno = 0;
	offset = 0;
	r = syscall(__NR_copy_file_range, (long)in, (long)&offset, (long)out,
		    0L, 3L, 1L);
	check("syscall/sixth-arg", r == -1 && errno == EINVAL);
	close(out);
}

static void
test_files(const char *dir)
{
	char path[256], buf[16];
	struct stat st, fst;
	int fd;

	strcpy(path, dir);
	strcpy(path + strlen(path), "/file");
	errno = 0;
	check("open/missing", open("/nonexistent/x", O_RDONLY) == -1 &&
	      errno == ENOENT);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	check("open/create", fd >= 0);
	check("write", write(fd, "hello", 5) == 5);
	check("close", close(fd) == 0);
	errno = 0;
	check("close/bad-fd", close(fd) == -1 && errno == EBADF);
	fd = open(path, O_RDONLY);
	check("read", fd >= 0 && read(fd, buf, sizeof(buf)) == 5 &&
	      memcmp(buf, "hello", 5) == 0 && read(fd, buf, 1) == 0);
	check("stat/regular", stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	      (st.st_mode & 0777) == 0640);
	check("stat/size", st.st_size == 5);
	check("fstat/same-file", fstat(fd, &fst) == 0 &&
	      fst.st_dev == st.st_dev && fst.st_ino == st.st_ino);
	test_six_args(fd, dir);
	close(fd);
	check("stat/directory", stat(dir, &st) == 0 && S_ISDIR(st.st_mode));
	errno = 0;
	check("stat/missing", stat("/nonexistent", &st) == -1 &&
	      errno == ENOENT);
	errno = 0;
	check("stat/enotdir", stat("/dev/null/x", &st) == -1 &&
	      errno == ENOTDIR);
	check("access/exists", access(path, F_OK) == 0);
	/* Without any x bit, X_OK fails even for root. */
	errno = 0;
	check("access/not-executable", access(path, X_OK) == -1 &&
	      errno == EACCES);
	check("access/bin-sh", access("/bin/sh", X_OK) == 0);
}

static void
test_syscall(void)
{
	check("syscall/prctl", syscall(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0,
				       0, 0) == 0);
	errno = 0;
	check("syscall/einval", syscall(SYS_prctl, -1, 0, 0, 0, 0) == -1 &&
	      errno == EINVAL);
}

int
main(int argc, char **argv, char **envp)
{
	int i, found = 0;

	if (argc == 3 && strcmp(argv[1], "exit") == 0)
		exit(argv[2][0] - '0');
	check("argv", argc == 3 && strcmp(argv[2], "a b") == 0 &&
	      argv[3] == NULL);
	for (i = 0; envp[i]; i++)
		found |= strcmp(envp[i], "NOLIBC_TEST_VAR=value") == 0;
	check("envp", found);
	check("getenv", getenv("NOLIBC_TEST_VAR") &&
	      strcmp(getenv("NOLIBC_TEST_VAR"), "value") == 0 &&
	      getenv("NOLIBC_TEST") == NULL &&
	      getenv("NOLIBC_TEST_VAR=") == NULL &&
	      getenv("NOLIBC_TEST_EQ") &&
	      getenv("NOLIBC_TEST_EQ=B") == NULL && getenv("") == NULL);
	test_memory();
	test_strings();
	test_malloc();
	if (argc == 3)
		test_files(argv[1]);
	test_syscall();
	return failed > 100 ? 100 : failed;
}
