/*
 * Profile files: lines, comments, "include", "ignore" and "?COND:" lines.
 * Each command line goes to settings_apply() with its file and line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "seccwrap.h"

#define LINE_MAX_BYTES	  4096		/* longest profile line */
#define PROFILE_MAX_BYTES (1 << 20)	/* largest profile file */
/* Levels of include below the profile named by -p: 16, as firejail
 * allows (MAX_INCLUDE_LEVEL). */
#define INCLUDE_DEPTH_MAX 16
/* Files and bytes that all -p options together may read with their
 * includes, since every buffer stays allocated.  The depth limit alone
 * lets a few small files that include each other ten times over make
 * seccwrap read 10^16 files.  Of the profiles in Debian's
 * firejail-profiles 0.9.72, the largest reads 18 files. */
#define PROFILE_FILES_MAX 1024
#define PROFILE_TOTAL_BYTES (16 << 20)
#define SYSTEM_PROFILE_DIR "/etc/firejail"

struct file_id {
	dev_t dev;
	ino_t ino;
};

/* The chain of files being read, to find include loops. */
struct reader {
	struct settings *s;
	unsigned int depth;
	struct file_id open[INCLUDE_DEPTH_MAX + 1];
};

static unsigned int read_file(struct reader *r, const char *path,
			      const struct origin *from);

/*
 * Expand ${NAME} macros in an include path into *OUT: ${CFG} is
 * /etc/firejail, any other name comes from the environment.  Return 0,
 * -ESRCH when a macro names an unset or empty variable or lacks its
 * '}', or -ENOMEM.  It stays out of line so that NAME is not in the
 * frame of read_file(), which recurses for each include.  Inlined, NAME
 * pushes read_file()'s other locals to 4-byte offsets, 122 bytes more
 * on x86_64 with GCC 12 -Oz.
 */
static __attribute__((__noinline__)) int
expand_macros(const char *in, char **out)
{
	char name[64], *buf, *grown;
	const char *p, *end, *value;
	size_t len = 0, cap = strlen(in) + 1, n, vlen;

	if ((buf = malloc(cap)) == NULL)
		return -ENOMEM;
	for (p = in; *p; p += n) {
		n = 1;
		if (p[0] != '$' || p[1] != '{') {
			buf[len++] = *p;
			continue;
		}
		end = strchr(p, '}');
		if (end == NULL || (size_t)(end - p - 2) >= sizeof(name))
			goto missing;
		memcpy(name, p + 2, (size_t)(end - p - 2));
		name[end - p - 2] = '\0';
		/* glibc's getenv("A=B") finds the entry "A=B=x", and musl's
		 * finds nothing: no variable has such a name. */
		if (name[0] == '\0' || strchr(name, '=') != NULL)
			goto missing;
		value = strcmp(name, "CFG") == 0 ? SYSTEM_PROFILE_DIR :
			getenv(name);
		/* An empty value would change the name's meaning: with
		 * HOME="", "${HOME}/x.inc" would be /x.inc. */
		if (value == NULL || *value == '\0')
			goto missing;
		n = (size_t)(end - p + 1);
		vlen = strlen(value);
		cap += vlen;
		if ((grown = realloc(buf, cap)) == NULL) {
			free(buf);
			return -ENOMEM;
		}
		buf = grown;
		memcpy(buf + len, value, vlen);
		len += vlen;
	}
	buf[len] = '\0';
	*out = buf;
	return 0;
missing:
	free(buf);
	return -ESRCH;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * Check PATH, which this function takes over: 0 with *FOUND set when it
 * exists, -ENOENT when it does not, else -errno.  Only a file that is
 * known not to exist counts as missing; any other failure must not let
 * a .local include be skipped.
 */
static int
try_path(char *path, char **found)
{
	struct stat st;

	if (path == NULL)
		return -ENOMEM;
	/* stat(), not access(): the open that follows searches the
	 * folders with the effective ids, access() with the real ones. */
	if (stat(path, &st) == 0) {
		*found = path;
		return 0;
	}
	free(path);
	return errno == ENOENT || errno == ENOTDIR ? -ENOENT : -errno;
}

/*
 * Find an include: absolute names as they are, relative names beside
 * the including file, then in /etc/firejail.
 */
static int
find_include(const char *name, const char *from, char **found)
{
	const char *slash = NULL, *p;
	int r;

	if (name[0] == '/')
		return try_path(strdup(name), found);
	/* The last '/', found without strrchr, whose musl code is larger. */
	for (p = from; *p; p++)
		if (*p == '/')
			slash = p;
	r = try_path(slash ? join_path(from, (size_t)(slash - from), name)
			   : strdup(name), found);
	if (r != -ENOENT)
		return r;
	return try_path(join_path(SYSTEM_PROFILE_DIR,
				  strlen(SYSTEM_PROFILE_DIR), name), found);
}

static unsigned int
do_include(struct reader *r, const char *arg, const struct origin *at)
{
	char *name = NULL, *path = NULL;
	/* Messages show a name with macros also as it expands:
	 * "'${CFG}/x.inc' ('/etc/firejail/x.inc')". */
	const char *paren_open = "", *expansion = "", *paren_close = "";
	/* The message, when there is one, is TEXT, ARG and its expansion
	 * with TAIL before the closing parenthesis, then ": REASON" when
	 * REASON is set. */
	const char *text = NULL, *tail = "'", *reason = NULL;
	int err, level = MSG_ERROR;

	if (arg == NULL) {
		msg(MSG_ERROR, at, "'include' needs a file name", NULL);
		return 1;
	}
	err = expand_macros(arg, &name);
	if (err == 0 && strcmp(arg, name) != 0) {
		paren_open = "' ('";
		expansion = name;
		paren_close = ")";
	}
	if (err == 0)
		err = find_include(name, at->file, &path);
	if (err == -ENOENT || err == -ESRCH) {
		/* firejail skips a missing .local file: they are optional. */
		if (ends_with(arg, ".local")) {
			level = MSG_NOTE;
			text = err == -ESRCH ? "skipped include with an unset "
			       "or empty variable '" : "skipped missing include '";
			err = 0;
		} else if (err == -ESRCH) {
			text = "include '";
			tail = "' names an unset or empty variable, or its ${ "
			       "has no }";
		} else {
			text = "include file not found '";
			if (name[0] != '/')
				tail = "' beside the including file or in "
				       SYSTEM_PROFILE_DIR;
		}
	} else if (err < 0) {
		text = "cannot look up include '";
		reason = errno_text(-err);
	}
	if (text != NULL)
		msg(level, at, text, arg, paren_open, expansion, tail,
		    paren_close, reason ? ": " : NULL, reason, NULL);
	free(name);
	/* PATH is set only when the file was found. */
	return path ? read_file(r, path, at) : err != 0;
}

static int
is_ignored(const struct settings *s, const char *line)
{
	unsigned int i;
	size_t n;

	/* Whole words only: "ignore seccomp" leaves "seccomp.drop". */
	for (i = 0; i < s->nignore; i++) {
		n = strlen(s->ignore[i]);
		if (strncmp(line, s->ignore[i], n) == 0 &&
		    (line[n] == '\0' || line[n] == ' '))
			return 1;
	}
	return 0;
}

/* Return 1 when C is a blank of a profile line, CR included. */
static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/*
 * Return 1 when a CR in LINE comes before a character that is not blank.
 * That CR is most likely the line end of a file with CR line ends, which
 * would join every line into one: "caps.drop all<CR>seccomp" would read
 * as a line without a seccomp command.  CRs and blanks at the end are a
 * CRLF line end and trailing blanks.
 */
static int
cr_inside(const char *line)
{
	int cr = 0;

	for (; *line; line++) {
		if (*line == '\r')
			cr = 1;
		else if (cr && !is_blank(*line))
			return 1;
	}
	return 0;
}

/*
 * Trim LINE in place, drop its comment and squeeze runs of blanks into
 * one space, as firejail does.
 */
static void
normalize(char *line)
{
	char *in = line, *out = line;
	int blank = 0;

	for (; *in && *in != '#'; in++) {
		if (is_blank(*in)) {
			blank = out != line;
			continue;
		}
		if (blank)
			*out++ = ' ';
		blank = 0;
		*out++ = *in;
	}
	*out = '\0';
}

/* Handle one normalized, non-empty line. */
static unsigned int
do_line(struct reader *r, char *line, const struct origin *at)
{
	char *arg, *p;

	if (line[0] == '?') {
		/* ?CONDITION: line.  No condition can be evaluated here. */
		for (p = line + 1; (*p >= 'A' && *p <= 'Z') ||
				   (*p >= '0' && *p <= '9') || *p == '_'; p++)
			;
		if (p == line + 1 || *p != ':') {
			msg(MSG_ERROR, at, "invalid conditional '", line, "'",
			    NULL);
			return 1;
		}
		*p = '\0';
		msg(MSG_NOTE, at, "skipped line: condition '", line + 1,
		    "' is false here", NULL);
		return 0;
	}
	if (is_ignored(r->s, line)) {
		msg(MSG_NOTE, at, "ignored '", line, "'", NULL);
		return 0;
	}
	arg = strchr(line, ' ');
	if (arg)
		*arg++ = '\0';
	if (strcmp(line, "include") == 0)
		return do_include(r, arg, at);
	if (strcmp(line, "ignore") == 0)
		return settings_ignore(r->s, arg, at);
	return settings_apply(r->s, line, arg, at);
}

/* Read all of FD into a NUL-terminated buffer.  EXPECT is the size
 * fstat() gave, or 0 where it gives none (pipes, files in /proc). */
static char *
slurp(int fd, size_t expect, size_t *size)
{
	/* Room for the file, its NUL and a last read() that finds the end:
	 * no more, so that the blocks allocated next share its page. */
	size_t len = 0, cap = expect > 0 && expect <= PROFILE_MAX_BYTES ?
			      expect + 2 : 4096;
	char *buf = malloc(cap), *grown;
	ssize_t n;

	if (buf == NULL)
		errno = ENOMEM;
	while (buf) {
		if (len + 1 == cap) {
			if (len > PROFILE_MAX_BYTES) {
				errno = EFBIG;
				break;
			}
			grown = realloc(buf, cap * 2);
			if (grown == NULL) {
				errno = ENOMEM;
				break;
			}
			buf = grown;
			cap *= 2;
		}
		/* No EINTR retry, for the reason out_flush() gives. */
		n = read(fd, buf + len, cap - 1 - len);
		if (n < 0)
			break;
		if (n == 0) {
			if (len > PROFILE_MAX_BYTES) {
				errno = EFBIG;
				break;
			}
			buf[len] = '\0';
			*size = len;
			return buf;
		}
		len += (size_t)n;
	}
	free(buf);
	return NULL;
}

/* Report a file that is not text: a NUL or a control byte. */
static int
check_text(const char *buf, size_t size, const struct origin *file)
{
	struct origin at = *file;
	unsigned char c;
	size_t i;
	char hex[5];

	at.line = 1;
	for (i = 0; i < size; i++) {
		c = (unsigned char)buf[i];
		/* Nearly every byte is printable and starts no byte-order
		 * mark. */
		if (c >= 0x20 && c != 0xef)
			continue;
		if (c == '\n')
			at.line++;
		/* A byte-order mark is not part of the language; without this
		 * check, the error would quote a command that looks right.
		 * Files joined with cat(1) have one inside. */
		if (c == 0xef && (i == 0 || buf[i - 1] == '\n') &&
		    size - i >= 3 && memcmp(buf + i, "\xef\xbb\xbf", 3) == 0) {
			msg(MSG_ERROR, &at, "a UTF-8 byte-order mark starts the "
			    "line; save the file without one", NULL);
			return -1;
		}
		if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r' ||
		    c == '\v' || c == '\f')
			continue;
		hex[0] = '0';
		hex[1] = 'x';
		hex[2] = "0123456789abcdef"[c >> 4];
		hex[3] = "0123456789abcdef"[c & 15];
		hex[4] = '\0';
		msg(MSG_ERROR, &at, "binary data (byte ", hex,
		    "): not a profile", NULL);
		return -1;
	}
	return 0;
}

static unsigned int
read_lines(struct reader *r, char *buf, const char *path)
{
	struct origin at = { .file = path };
	unsigned int errors = 0;
	char *line, *end;
	size_t length;

	for (line = buf; *line && msg_errors <= MSG_ERRORS_MAX; line = end) {
		at.line++;
		end = strchr(line, '\n');
		if (end)
			*end++ = '\0';
		else
			end = line + strlen(line);
		if (cr_inside(line)) {
			msg(MSG_ERROR, &at, "carriage return inside the line; "
			    "save the file with LF or CRLF line ends", NULL);
			errors++;
			continue;
		}
		/* The CRs of a CRLF line end are not part of the line. */
		length = strlen(line);
		while (length > 0 && line[length - 1] == '\r')
			length--;
		if (length > LINE_MAX_BYTES) {
			msg(MSG_ERROR, &at, "line longer than 4096 bytes", NULL);
			errors++;
			continue;
		}
		line[length] = '\0';
		normalize(line);
		if (*line)
			errors += do_line(r, line, &at);
	}
	return errors;
}

/* Return 1 when PATH names the socket on standard input.  open() fails
 * on a socket with ENXIO, also through /proc/self/fd, where /dev/stdin
 * links to.  errno is kept for the message about that failure. */
static int
is_stdin_socket(const char *path)
{
	struct stat st, in;
	int err = errno, found;

	found = stat(path, &st) == 0 && S_ISSOCK(st.st_mode) &&
		fstat(0, &in) == 0 && st.st_dev == in.st_dev &&
		st.st_ino == in.st_ino;
	errno = err;
	return found;
}

/*
 * Return the file that firejail reads for a bare -p PATH:
 * /etc/firejail/PATH.profile, or /etc/firejail/PATH for a PATH that
 * ends in ".profile".  Return NULL when PATH has a '/' or that file does
 * not exist.
 */
static char *
firejail_profile_of(const char *path)
{
	size_t dir = sizeof(SYSTEM_PROFILE_DIR "/") - 1, len = strlen(path);
	int suffixed = len > 8 && strcmp(path + len - 8, ".profile") == 0;
	char *file, *found = NULL;

	if (strchr(path, '/') != NULL)
		return NULL;
	file = malloc(dir + len + sizeof(".profile"));
	if (file != NULL) {
		memcpy(file, SYSTEM_PROFILE_DIR "/", dir);
		memcpy(file + dir, path, len);
		memcpy(file + dir + len, suffixed ? "" : ".profile",
		       suffixed ? 1 : sizeof(".profile"));
	}
	/* try_path() frees FILE when it does not exist. */
	try_path(file, &found);
	return found;
}

static unsigned int
read_file(struct reader *r, const char *path, const struct origin *from)
{
	struct origin file = { .file = path };
	const struct origin *where = from ? from : &file;
	const char *failure = "cannot open profile '", *reason = NULL;
	struct stat st;
	unsigned int errors, i;
	size_t size, expect = 0;
	char *buf, *firejail;
	int fd, own = 1;

	/* No O_CLOEXEC: the descriptor is closed below, before any include
	 * is read or anything is executed, and musl emulates O_CLOEXEC with
	 * an extra fcntl() call. */
	fd = open(path, O_RDONLY);
	/* devtmpfs alone, as in an initramfs, has no /dev/stdin link (udev
	 * and mdev create it), so that name means descriptor 0 there too.
	 * Descriptor 0 is read in place and left open for the command.  A
	 * copy could take descriptor 2, where messages would reach the
	 * socket, and fails under a limit of 3 descriptors. */
	if (fd < 0 && ((errno == ENXIO && is_stdin_socket(path)) ||
		       (errno == ENOENT && strcmp(path, "/dev/stdin") == 0))) {
		fd = 0;
		own = 0;
	}
	if (fd < 0 || fstat(fd, &st) < 0)
		goto cannot;
	for (i = 0; i < r->depth; i++) {
		if (r->open[i].dev == st.st_dev && r->open[i].ino == st.st_ino) {
			msg(MSG_ERROR, where, "include loop: '", path,
			    "' is already being read", NULL);
			goto fail;
		}
	}
	if (r->depth > INCLUDE_DEPTH_MAX) {
		msg(MSG_ERROR, where, "includes nested deeper than 16", NULL);
		goto fail;
	}
	if (r->s->profile_over || ++r->s->profile_files > PROFILE_FILES_MAX) {
		if (!r->s->profile_over)
			msg(MSG_ERROR, where, "profiles and includes read more "
			    "than 1024 files", NULL);
		r->s->profile_over = 1;
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		msg(MSG_ERROR, where, "'", path, "' is a directory", NULL);
		goto fail;
	}
	/* A read from a seqpacket or datagram socket drops the part of a
	 * record that does not fit, so a socket gets room for the largest
	 * profile: a record cut short then makes the profile too large. */
	if (S_ISSOCK(st.st_mode))
		expect = PROFILE_MAX_BYTES;
	else if (S_ISREG(st.st_mode) && st.st_size > 0)
		expect = (size_t)st.st_size;
	buf = slurp(fd, expect, &size);
	if (buf == NULL) {
		failure = "cannot read profile '";
		if (errno == EFBIG)
			reason = "larger than 1 MiB";
		goto cannot;
	}
	if (own)
		close(fd);
	r->s->profile_bytes += size;
	if (r->s->profile_bytes > PROFILE_TOTAL_BYTES) {
		msg(MSG_ERROR, where, "profiles and includes read more than "
		    "16 MiB", NULL);
		r->s->profile_over = 1;
		free(buf);
		return 1;
	}
	if (check_text(buf, size, &file) < 0)
		return 1;
	r->open[r->depth].dev = st.st_dev;
	r->open[r->depth].ino = st.st_ino;
	r->depth++;
	msg(MSG_NOTE, &file, "reading profile", NULL);
	errors = read_lines(r, buf, path);
	r->depth--;
	/* BUF stays allocated: settings point into it. */
	return errors;
cannot:
	if (reason == NULL)
		reason = errno_text(errno);
	/* A missing -p PATH may be meant as firejail's profile name, and
	 * "-p -" as standard input, the way other tools read "-". */
	firejail = from == NULL && errno == ENOENT ?
		   firejail_profile_of(path) : NULL;
	msg(MSG_ERROR, where, failure, path, "': ", reason,
	    firejail ? "; for firejail's profile, use -p " :
	    from == NULL && strcmp(path, "-") == 0 ?
	    "; for standard input, use -p /dev/stdin" : NULL, firejail,
	    NULL);
	free(firejail);
fail:
	if (fd >= 0 && own)
		close(fd);
	return 1;
}

unsigned int
profile_read(struct settings *s, const char *path)
{
	struct reader r;

	memset(&r, 0, sizeof(r));
	r.s = s;
	if (s->profile_given++ == 0)
		s->profile_first = path;
	return read_file(&r, path, NULL);
}
