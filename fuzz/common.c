/*
 * Input files and checks shared by the fuzz harnesses: see common.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "common.h"

static const char *const file_names[FUZZ_FILES_MAX] = {
	"fuzz.profile", "1.inc", "2.inc", "3.local",
};

static char folder[64];
static char main_path[96];

static void
remove_folder(void)
{
	char path[128];
	unsigned int i;

	for (i = 0; i < FUZZ_FILES_MAX; i++) {
		snprintf(path, sizeof(path), "%s/%s", folder, file_names[i]);
		unlink(path);
	}
	rmdir(folder);
}

static void
make_folder(void)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";

	snprintf(folder, sizeof(folder), "%s/seccwrap-fuzz.XXXXXX", base);
	if (mkdtemp(folder) == NULL) {
		perror("fuzz: mkdtemp");
		abort();
	}
	atexit(remove_folder);
	snprintf(main_path, sizeof(main_path), "%s/%s", folder,
		 file_names[0]);
}

static void
write_part(unsigned int index, const uint8_t *data, size_t size)
{
	char path[128];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", folder, file_names[index]);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		perror("fuzz: open");
		abort();
	}
	while (size > 0) {
		n = write(fd, data, size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			perror("fuzz: write");
			abort();
		}
		data += n;
		size -= (size_t)n;
	}
	close(fd);
}

/* Return N of a leading "#fail-alloc N" line in DATA, or 0. */
static unsigned long
failing_allocation(const uint8_t *data, size_t size)
{
	static const char tag[] = "#fail-alloc ";
	unsigned long n = 0;
	size_t i = sizeof(tag) - 1;

	if (size < i || memcmp(data, tag, i) != 0)
		return 0;
	for (; i < size && data[i] >= '0' && data[i] <= '9' && n < 100000;
	     i++)
		n = n * 10 + (unsigned long)(data[i] - '0');
	return n;
}

const char *
fuzz_start(const uint8_t *data, size_t size, struct settings *s)
{
	const uint8_t *end = data + size, *nul;
	char path[128];
	unsigned int i;
	unsigned long fail = failing_allocation(data, size);

	if (folder[0] == '\0')
		make_folder();
	for (i = 0; i < FUZZ_FILES_MAX; i++) {
		if (data == NULL) {
			/* No such part: an include of it must not find a file
			 * left from an earlier input. */
			snprintf(path, sizeof(path), "%s/%s", folder,
				 file_names[i]);
			unlink(path);
			continue;
		}
		nul = i + 1 < FUZZ_FILES_MAX ?
		      memchr(data, 0, (size_t)(end - data)) : NULL;
		write_part(i, data, (size_t)((nul ? nul : end) - data));
		data = nul ? nul + 1 : NULL;
	}
	msg_errors = 0;
	msg_verbose = 1;
	msg_quiet = 0;
	memset(s, 0, sizeof(*s));
	s->error_errno = EPERM;
	arena_fail_at(fail);
	return main_path;
}

/* The sanitizers' report function, where a sanitizer is linked in.
 * libFuzzer's -close_fd_mask=2 hides stderr but not this report. */
void __sanitizer_report_error_summary(const char *summary)
	__attribute__((weak));

void
fuzz_fail(const char *text)
{
	char line[256];

	snprintf(line, sizeof(line), "fuzz: check failed: %s", text);
	/* abort() skips the atexit() handler. */
	if (folder[0] != '\0')
		remove_folder();
	if (__sanitizer_report_error_summary != NULL)
		__sanitizer_report_error_summary(line);
	else
		fprintf(stderr, "%s\n", line);
	abort();
}

void
fuzz_check_reported(const char *stage, unsigned int errors,
		    unsigned int errors_before)
{
	char text[160];

	if ((errors != 0) == (msg_errors != errors_before))
		return;
	snprintf(text, sizeof(text), "%s returned %u errors but printed %u "
		 "error messages", stage, errors, msg_errors - errors_before);
	fuzz_fail(text);
}

static void
ignore_entry(void *ctx, const struct list_entry *entry)
{
	(void)ctx;
	(void)entry;
}

void
fuzz_check_settings(const struct settings *s)
{
	unsigned int i, before;

	for (i = 0; i < LIST_COUNT; i++) {
		if (!s->list[i].set)
			continue;
		if (s->list[i].origin.file == NULL)
			fuzz_fail("a list is set without an origin");
		if (s->list[i].text == NULL)
			continue;
		/* A stored list passed its check once, so it must pass
		 * again. */
		before = msg_errors;
		if (list_walk(s->list[i].text, &s->list[i].origin,
			      ignore_entry, NULL) != 0 || msg_errors != before)
			fuzz_fail("a stored list fails its check");
	}
	if (s->error_kind != ERROR_ERRNO && s->error_kind != ERROR_KILL &&
	    s->error_kind != ERROR_LOG)
		fuzz_fail("unknown error action kind");
	if (s->error_kind == ERROR_ERRNO &&
	    (s->error_errno < 1 || s->error_errno > 4095))
		fuzz_fail("error action errno out of 1-4095");
	if ((s->namespaces & ~NS_ALL) != 0)
		fuzz_fail("unknown namespace flag");
	if ((s->protocols & ~0x3fu) != 0)
		fuzz_fail("unknown protocol flag");
	if (s->nignore > sizeof(s->ignore) / sizeof(s->ignore[0]))
		fuzz_fail("too many ignore commands stored");
	for (i = 0; i < s->nignore; i++)
		if (s->ignore[i] == NULL)
			fuzz_fail("an ignore command without a name");
}

void
fuzz_check_allocation(int rejected)
{
	if (arena_failed() && !rejected)
		fuzz_fail("an allocation failed, but no error was reported");
}

void
fuzz_end(void)
{
	arena_release();
}
