/*
 * seccwrap: run a command under a seccomp filter built from a firejail
 * profile.  main() reads the options and profiles in command-line order,
 * then runs the pipeline: settings -> policy -> program -> install and
 * execve.  Exit codes follow env(1): 125 for seccwrap's own errors, 126
 * when the command cannot run, 127 when it is not found.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "seccwrap.h"
#include "sysindex.h"

#define EXIT_SECCWRAP	125
#define EXIT_CANNOT_RUN 126
#define EXIT_NOT_FOUND	127

enum action {
	RUN,			/* install the filter and exec the command */
	PRINT,			/* --print */
	DUMP,			/* --dump=FILE */
	CHECK,			/* --check */
	EXPLAIN,		/* --explain=SYSCALL[,ABI] */
	DEBUG,			/* a --debug option */
};

/* The settings come last, because their tail (the ignore list) is
 * rarely used.  A run then seldom touches a page for that tail alone. */
struct options {
	enum action action;
	const char *action_option;	/* the option that set ACTION */
	const char *dump_file;
	const char *explain;
	char **command;
	const char *ignore;	/* an --ignore that no profile follows yet */
	struct settings s;
};

/* The help text.  A tab pads to HELP_COLUMN, where the descriptions
 * start, which saves the bytes of the spaces. */
#define HELP_COLUMN 35
static const char usage_text[] =
"usage: seccwrap [OPTIONS] [--] COMMAND [ARG...]\n"
"\n"
"Run COMMAND under a seccomp filter built from firejail profile commands.\n"
"\n"
"  -p, --profile=FILE\tread a profile (repeatable)\n"
"  --seccomp[=LIST]\tdeny firejail's default group plus LIST\n"
"  --seccomp.drop=LIST\tdeny LIST only\n"
"  --seccomp.keep=LIST\tallow LIST and @default-keep only\n"
"  --seccomp.32[.drop|.keep]=LIST\tthe same, for the 32-bit ABI only\n"
"  --seccomp.block-secondary\tdeny every ABI but the native one;\n"
"\tadds the default list when no list is given\n"
"  --seccomp-error-action=ACTION\tkill, log or an errno (default EPERM)\n"
"  --allow-debuggers\tleave ptrace, personality and\n"
"\tprocess_vm_readv out of the default group\n"
"  --memory-deny-write-execute\tdeny writable and executable memory\n"
"  --restrict-namespaces[=LIST]\tdeny creating or joining namespaces\n"
"  --protocol=LIST\tallow only these socket families\n"
"  --ignore=COMMAND\tskip COMMAND in the profiles after it\n"
"  --print\tprint the filter as assembly and exit\n"
"  --dump=FILE\twrite the raw filter to FILE ('-' for\n"
"\tstandard output) and exit\n"
"  --explain=SYSCALL[,ABI]\tsay what SYSCALL gets and which line\n"
"\tdecided it; ABI such as i386 or x32\n"
"  --check\tcheck the profile and exit\n"
"  --arch=ARCH\tbuild the filter for ARCH (aarch64, arm,\n"
"\tmips64el, ...) with --print, --dump,\n"
"\t--explain, --check or a --debug option\n"
"  --debug-syscalls[=ABI]\tlist the native syscalls, or ABI's\n"
"  --debug-syscalls32\tlist the syscalls of the 32-bit ABI\n"
"  --debug-errnos\tlist the errno names\n"
"  --debug-protocols\tlist the protocol names\n"
"  --debug-syscall-groups[=@G,...]\tlist the groups, or their members\n"
"  -v, --verbose\tsay what each stage did\n"
"  -q, --quiet\tprint errors only\n"
"  -h, --help\tprint this help\n"
"  -V, --version\tprint the version\n"
"\n"
"Exit status: 125 seccwrap failed, 126 COMMAND cannot run, 127 COMMAND\n"
"not found, otherwise the status of COMMAND.\n";

/* Return STATUS, or 125 after a message when a write to standard output
 * failed (a full disk, a closed pipe). */
static int
output_status(int status)
{
	if (out_stdout_error == 0)
		return status;
	msg(MSG_ERROR, NULL, "cannot write standard output: ",
	    errno_text(out_stdout_error), NULL);
	return EXIT_SECCWRAP;
}

/* Print TEXT on FD, each tab padding to the column where the option
 * descriptions of the help text start.  No other text has a tab. */
static void
put(int fd, const char *text)
{
	struct out o;

	out_init(&o, fd);
	for (; *text; text++) {
		if (*text == '\t')
			out_pad(&o, HELP_COLUMN);
		else
			out_char(&o, *text);
	}
	out_flush(&o);
}

/* Return an origin that names FILE, an option or a file, with no line.
 * Every call returns the same static origin, so the next call changes
 * it.  A struct origin on each caller's stack takes more code, because
 * each one has to be cleared. */
static const struct origin *
origin_of(const char *file)
{
	static struct origin at;

	at.file = file;
	return &at;
}

/* Report TEXT about OPTION (nothing when TEXT is NULL, after a message
 * of the caller's own), then exit with a pointer to --help. */
static void
usage_error(const char *option, const char *text)
{
	if (text != NULL)
		msg(MSG_ERROR, origin_of(option), text, NULL);
	put(2, "Try 'seccwrap --help' for more information.\n");
	exit(EXIT_SECCWRAP);
}

/* The call and errno that left select_kernel_arch() undecided, or NULL:
 * then the filter covers every ABI of the 64-bit arch. */
static const char *undecided_call;
static int undecided_error;

/* A 32-bit build on a 64-bit kernel (i386 on x86_64, arm on aarch64)
 * builds the filter for every ABI of that kernel, as the 64-bit build
 * does: a filter for its own ABI alone would leave the seccomp.32 lists
 * without their ABI and kill every 64-bit program.  QUIET leaves out the
 * -v notes on the choice, which --arch overrides. */
static void
select_kernel_arch(int quiet)
{
	char machine[65];
	const char *own = arch_current(), *call;
	int r;

	/* uname first: only a 32-bit machine name calls for a look at the
	 * personality, which an outer filter may deny. */
	r = install_kernel_machine(machine, sizeof(machine), 0, &call);
	if (r == 0 && !arch_select_kernel(machine)) {
		r = install_kernel_machine(machine, sizeof(machine), 1, &call);
		if (r < 0 && call == NULL) {
			msg(MSG_ERROR, NULL, "cannot restore the personality: ",
			    errno_text(-r), NULL);
			exit(EXIT_SECCWRAP);
		}
		/* No PER_LINUX32, or a 32-bit name without it: a 32-bit
		 * kernel, so seccwrap keeps its own arch. */
		if (r == 1 || (r == 0 && !arch_select_kernel(machine)))
			return;
		/* The personality is unknown (an outer filter denied it),
		 * but no 64-bit kernel gives this name ("armv7l"). */
		if (r < 0 && !arch_compat_machine(machine))
			return;
	}
	if (r == 0) {
		if (!quiet)
			msg(MSG_NOTE, NULL, "seccwrap runs as ", own, " and the "
			    "kernel is ", machine, ", so the filter covers all "
			    "of its ABIs", NULL);
		return;
	}
	/* Undecided (an outer filter denied uname or personality): the
	 * 64-bit arch's filter is right on either kernel, as a 32-bit
	 * kernel never reports the other ABIs.  That holds only for a
	 * profile that means the same on both, which check_undecided()
	 * checks. */
	arch_select_kernel(NULL);
	undecided_call = call;
	undecided_error = -r;
	if (!quiet)
		msg(MSG_NOTE, NULL, "cannot tell a 32-bit kernel from a 64-bit "
		    "one: ", call, ": ", errno_text(-r), "; the filter covers "
		    "all ABIs of ", arch_current(), " in case", NULL);
}

/* Exit when the kernel's width is unknown and S would mean different
 * things on the two.  On a 32-bit kernel the seccomp.32 lists and
 * seccomp.block-secondary do not apply to seccwrap's own ABI, and a
 * number names one of its calls.  The 64-bit filter applies those lists
 * to it and reads numbers as 64-bit calls. */
static void
check_undecided(const struct settings *s)
{
	const struct origin *at;
	const char *command, *problem = "' means different things on each";
	int k;

	/* As in parse_args(), a 64-bit build leaves the check out. */
	if (sizeof(long) != 4 || undecided_call == NULL)
		return;
	if (s->block_secondary) {
		at = &s->block_secondary_origin;
		command = "seccomp.block-secondary";
	} else {
		for (k = 0; k < LIST_COUNT; k++) {
			if (!s->list[k].set)
				continue;
			if (k >= LIST_32_DEFAULT)
				break;
			if (s->list[k].numbers) {
				problem = "' names a syscall by number, which "
					  "differs between the two";
				break;
			}
		}
		if (k == LIST_COUNT)
			return;
		at = &s->list[k].origin;
		command = settings_commands[k];
	}
	msg(MSG_ERROR, at, "cannot tell a 32-bit kernel from a 64-bit one (",
	    undecided_call, ": ", errno_text(undecided_error), "), and '",
	    command, problem, "; allow that call in the outer filter or "
	    "name the kernel's arch with --arch", NULL);
	exit(EXIT_SECCWRAP);
}

/* Return the value of "--NAME=VALUE", or "" for "--NAME", when ARG is
 * option NAME, else NULL.  *HAS_VALUE is set to 0 for "--NAME" and 1 for
 * "--NAME=...". */
static const char *
match(const char *arg, const char *name, int *has_value)
{
	size_t n = strlen(name);

	if (strncmp(arg, "--", 2) != 0 || strncmp(arg + 2, name, n) != 0)
		return NULL;
	if (arg[2 + n] == '\0') {
		*has_value = 0;
		return arg + 2 + n;
	}
	if (arg[2 + n] != '=')
		return NULL;
	*has_value = 1;
	return arg + 3 + n;
}

/* Return the arch's first 32-bit ABI beside the native one; exit when
 * it has none. */
static const struct abi *
secondary32(void)
{
	const struct abi *abi32 = host_abi32();

	if (abi32 != NULL)
		return abi32;
	msg(MSG_ERROR, origin_of("--debug-syscalls32"), arch_current(),
	    " runs no 32-bit ABI beside its native one", NULL);
	exit(EXIT_SECCWRAP);
}

/*
 * Return how many of -v, -q, -h and -V start ARG, as getopt() groups
 * short options ("-vq", "-qp FILE", "-qpFILE"), or 0 when ARG is not
 * such a group.  What follows them is nothing or a -p.
 */
static size_t
short_flags(const char *arg)
{
	size_t i;

	if (arg[0] != '-' || arg[1] == '-')
		return 0;
	for (i = 1; arg[i] != '\0' && arg[i] != 'p'; i++)
		if (strchr("vqhV", arg[i]) == NULL)
			return 0;
	return i - 1;
}

/* Return 1 when ARG is an option whose value is the next argument. */
static int
takes_file(const char *arg)
{
	size_t n = short_flags(arg);

	return (arg[0] == '-' && arg[n + 1] == 'p' && arg[n + 2] == '\0') ||
	       strcmp(arg, "--profile") == 0;
}

/* Return 1 when ARG is option C (a letter of a group) or NAME. */
static int
is_option(const char *arg, char c, const char *name)
{
	size_t i, n = short_flags(arg);

	for (i = 1; i <= n; i++)
		if (arg[i] == c)
			return 1;
	return strcmp(arg, name) == 0;
}

/* The --debug options, as debug_option() numbers them. */
enum debug_kind {
	DEBUG_SYSCALLS,		/* --debug-syscalls */
	DEBUG_SYSCALLS32,	/* --debug-syscalls32 */
	DEBUG_ERRNOS,		/* --debug-errnos */
	DEBUG_PROTOCOLS,	/* --debug-protocols */
	DEBUG_GROUPS,		/* --debug-syscall-groups[=@G,...] */
};

/* The names of the --debug options before DEBUG_GROUPS, in their order.
 * Arrays of characters: a table of pointers would add a pointer to each
 * name. */
static const char debug_options[DEBUG_GROUPS][19] = {
	"--debug-syscalls", "--debug-syscalls32", "--debug-errnos",
	"--debug-protocols",
};

/* Return the enum debug_kind of ARG, or -1 when ARG is no --debug
 * option. */
static int
debug_option(const char *arg)
{
	int i, has;

	for (i = 0; i < DEBUG_GROUPS; i++)
		if (strcmp(arg, debug_options[i]) == 0)
			return i;
	if (match(arg, "debug-syscalls", &has))
		return DEBUG_SYSCALLS;	/* --debug-syscalls=ABI */
	return match(arg, "debug-syscall-groups", &has) ? DEBUG_GROUPS : -1;
}

/* Return the ABI that --debug-syscalls[=ABI] names; exit when the arch
 * has no such ABI.  mips64 has two 32-bit ABIs, and
 * --debug-syscalls32 lists only the first, o32. */
static const struct abi *
debug_abi(const char *arg)
{
	const struct origin *at = origin_of("--debug-syscalls");
	int has;
	const char *v = match(arg, "debug-syscalls", &has);
	const struct abi *abi;

	if (!has)
		return host_abis[0];
	if (*v == '\0') {
		msg(MSG_ERROR, at, "missing ABI after '='", NULL);
		exit(EXIT_SECCWRAP);
	}
	abi = abi_by_name(v);
	if (abi == NULL) {
		unknown_abi(at, v);
		exit(EXIT_SECCWRAP);
	}
	return abi;
}

/* Run the --debug option ARG; return the exit status. */
static int
run_debug(const char *arg)
{
	const char *v;
	int has;

	switch (debug_option(arg)) {
	case DEBUG_SYSCALLS:
		debug_syscalls(debug_abi(arg));
		break;
	case DEBUG_SYSCALLS32:
		debug_syscalls(secondary32());
		break;
	case DEBUG_ERRNOS:
		debug_errnos();
		break;
	case DEBUG_PROTOCOLS:
		debug_protocols();
		break;
	default:
		/* DEBUG_GROUPS, as own_option() accepted ARG as a --debug
		 * option. */
		v = match(arg, "debug-syscall-groups", &has);
		return debug_groups(has ? v : NULL) ? EXIT_SECCWRAP : 0;
	}
	return 0;
}

/* Handle --help and --version, which print and exit wherever they are,
 * as is usual: with status 125 after a profile read before them has
 * reported errors. */
static void
inspect(const char *arg)
{
	int help = is_option(arg, 'h', "--help");

	if (!help && !is_option(arg, 'V', "--version"))
		return;
	if (msg_errors)
		exit(EXIT_SECCWRAP);
	if (help)
		put(1, usage_text);
	else
		put(1, "seccwrap " SECCWRAP_VERSION "\n");
	exit(output_status(0));
}

/* Return 1 when the option of COMMAND, an enum command, needs a value. */
static int
needs_value(unsigned int command)
{
	return (command > LIST_DEFAULT && command < LIST_COUNT) ||
	       command == COMMAND_ERROR_ACTION || command == COMMAND_PROTOCOL;
}

/* Apply "--NAME[=VALUE]" for a seccomp command NAME; return 0 if ARG is
 * not one. */
static int
profile_option(struct options *opt, const char *arg)
{
	const char *v, *name = arg;
	unsigned int i;
	int has;

	for (i = 0; i < COMMAND_COUNT; i++) {
		v = match(arg, settings_commands[i], &has);
		if (v == NULL)
			continue;
		/* "--protocol unix" would run unix as the command. */
		if (!has && needs_value(i)) {
			msg(MSG_ERROR, origin_of(arg), "missing value: use ",
			    arg, "=VALUE", NULL);
			usage_error(NULL, NULL);
		}
		/* The origin names the option without its value. */
		if (has) {
			char *copy = strdup(arg);

			if (copy == NULL) {
				msg(MSG_ERROR, NULL, "out of memory", NULL);
				exit(EXIT_SECCWRAP);
			}
			copy[v - arg - 1] = '\0';
			name = copy;
		}
		settings_apply(&opt->s, settings_commands[i], has ? v : NULL,
			       origin_of(name));
		return 1;
	}
	return 0;
}

/* Record the inspection option ARG: one of them at a time, as each
 * writes its own output and runs nothing. */
static void
set_action(struct options *opt, const char *arg, enum action action)
{
	/* The same option twice, as in "--check --check", is one
	 * request. */
	if (opt->action != RUN && strcmp(opt->action_option, arg) != 0)
		usage_error(arg, "only one of --print, --dump, --explain, "
			    "--check and the --debug options may be given");
	opt->action = action;
	opt->action_option = arg;
}

/* Return the value of "--NAME=VALUE" when ARG is option NAME, else NULL;
 * exit with the usage error MISSING when the value is empty. */
static const char *
value_option(const char *arg, const char *name, const char *missing)
{
	int has;
	const char *v = match(arg, name, &has);

	if (v != NULL && *v == '\0')
		usage_error(arg, missing);
	return v;
}

static void
own_option(struct options *opt, char **argv, int *i)
{
	char *arg = argv[*i], *p = arg + 1 + short_flags(arg);
	const char *v;
	int has;

	/* -v and -q are taken before the rest, -h and -V by inspect(). */
	if (strcmp(arg, "--verbose") == 0 || strcmp(arg, "--quiet") == 0 ||
	    (p > arg + 1 && *p == '\0'))
		return;
	if (takes_file(arg)) {
		if (argv[*i + 1] == NULL || argv[*i + 1][0] == '\0')
			usage_error(arg, "missing profile file name");
		v = argv[++*i];
	} else if (arg[0] == '-' && *p == 'p') {
		v = p + 1;	/* -pFILE, -qpFILE */
	} else {
		v = value_option(arg, "profile", "missing profile file name: "
				 "use --profile=FILE");
	}
	if (v != NULL) {
		opt->ignore = NULL;
		profile_read(&opt->s, v);
	} else if ((v = value_option(arg, "ignore", "missing command name: "
				     "use --ignore=COMMAND")) != NULL) {
		if (settings_ignore(&opt->s, v, origin_of("--ignore")))
			usage_error(NULL, NULL);
		opt->ignore = arg;
	} else if (strcmp(arg, "--print") == 0) {
		set_action(opt, arg, PRINT);
	} else if ((v = value_option(arg, "dump", "missing file name: use "
				     "--dump=FILE")) != NULL) {
		set_action(opt, arg, DUMP);
		opt->dump_file = v;
	} else if ((v = value_option(arg, "explain", "missing syscall: use "
				     "--explain=SYSCALL[,ABI]")) != NULL) {
		set_action(opt, arg, EXPLAIN);
		opt->explain = v;
	} else if (strcmp(arg, "--check") == 0) {
		set_action(opt, arg, CHECK);
	} else if (debug_option(arg) >= 0) {
		v = match(arg, "debug-syscall-groups", &has);
		/* Empty items are skipped, so "," names no group either. */
		while (v != NULL && *v == ',')
			v++;
		if (v != NULL && has && *v == '\0')
			usage_error(arg, "missing group: use "
				    "--debug-syscall-groups=@GROUP,...");
		set_action(opt, arg, DEBUG);
	} else if (value_option(arg, "arch", "missing architecture: use "
				"--arch=ARCH") != NULL) {
		return;		/* taken before the rest */
	} else if (!profile_option(opt, arg)) {
		usage_error(arg, "unknown option");
	}
}

/* Apply the short option LETTER if it is -v or -q: the last one wins. */
static void
set_verbosity(char letter)
{
	if (letter == 'v') {
		msg_verbose = 1;
		msg_quiet = 0;
	} else if (letter == 'q') {
		msg_quiet = 1;
		msg_verbose = 0;
	}
}

/* Return 1 when ARG is an option: not "--", which ends the options, nor
 * "-" or a word without a '-', which start the command. */
static int
is_option_arg(const char *arg)
{
	return strcmp(arg, "--") != 0 && arg[0] == '-' && arg[1] != '\0';
}

static void
parse_args(struct options *opt, int argc, char **argv)
{
	const char *v, *host, *own = NULL;
	size_t n, j;
	int i, has, arch_named = 0;

	/* Kernels before 5.18 (and its stable backports) start a program
	 * with argc 0 when its caller passes an empty argv, and argv + 1 is
	 * then the environment. */
	if (argc < 1)
		usage_error(NULL, "missing command to run");
	/* -v and -q apply to every profile, wherever they are. */
	for (i = 1; i < argc && is_option_arg(argv[i]); i++) {
		n = short_flags(argv[i]);
		for (j = 1; j <= n; j++)
			set_verbosity(argv[i][j]);
		/* The letter after "--" is the short option's letter. */
		if (strcmp(argv[i], "--verbose") == 0 ||
		    strcmp(argv[i], "--quiet") == 0)
			set_verbosity(argv[i][2]);
		/* Only the 32-bit builds below look at this. */
		if (sizeof(long) == 4 &&
		    (v = match(argv[i], "arch", &has)) != NULL && *v != '\0')
			arch_named = 1;
		if (takes_file(argv[i]))
			i++;
	}
	/* Only a 32-bit build runs under a 64-bit kernel, so a 64-bit build
	 * leaves out the code and tables that look for one. */
	if (sizeof(long) == 4 && arch_has_kernel64()) {
		own = arch_current();
		select_kernel_arch(arch_named);
	}
	/* --arch picks the tables (the errno values too) that the profiles
	 * and the --debug options read, wherever it is on the command line. */
	host = arch_current();
	for (i = 1; i < argc && is_option_arg(argv[i]); i++) {
		if (takes_file(argv[i])) {
			i++;
			continue;
		}
		/* own_option() reports a missing value. */
		if ((v = match(argv[i], "arch", &has)) == NULL || *v == '\0')
			continue;
		if (arch_select(v) < 0) {
			msg(MSG_ERROR, origin_of("--arch"),
			    "unknown architecture '", v,
			    "'; use one of: ", arch_choices, NULL);
			exit(EXIT_SECCWRAP);
		}
	}
	for (i = 1; i < argc && is_option_arg(argv[i]); i++) {
		inspect(argv[i]);
		own_option(opt, argv, &i);
		if (msg_errors > MSG_ERRORS_MAX)
			break;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	opt->command = argv + i;
	if (msg_errors)
		exit(EXIT_SECCWRAP);
	/* An --ignore after the last profile would skip nothing, and
	 * firejail rejects one after any --profile.  Between two -p
	 * options it skips lines of the second. */
	if (opt->ignore != NULL)
		usage_error(opt->ignore, "no profile follows it, so it skips "
			    "nothing; give it before -p");
	/* A filter for another arch would kill the command at once.  When
	 * the kernel is unknown, seccwrap's own arch names a 32-bit one. */
	if (opt->action == RUN && strcmp(arch_current(), host) != 0 &&
	    !(sizeof(long) == 4 && undecided_call != NULL &&
	      strcmp(arch_current(), own) == 0))
		usage_error("--arch", "the filter is for another kernel's "
			    "architecture, so it cannot run a command here; "
			    "use --print, --dump, --explain, --check or a "
			    "--debug option");
	/* A filter for a named arch does not depend on the kernel. */
	if (arch_named)
		undecided_call = NULL;
	if (opt->action == RUN && *opt->command == NULL)
		usage_error(i > 1 && strcmp(argv[i - 1], "--") == 0 ? "--" :
			    NULL, "missing command to run");
	if (opt->action != RUN && *opt->command != NULL)
		usage_error(opt->action_option, "runs nothing; remove the "
			    "command after it, or the option");
}

/* Report a failed exec after the filter is in place, and exit.  The file
 * passed exec_find(), so ENOENT means that its #! interpreter or ELF
 * interpreter is missing.  A filter that denies write hides the message.
 * One that denies both exit calls leaves only the trap.  msg() prints
 * the message, because every earlier error has made seccwrap exit, so
 * msg_errors is still below its limit. */
static void
exec_failed(const char *path, int err)
{
	int status = err == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN;
	const char *hint = "";

	if (err == ENOENT)
		hint = " (its #! interpreter or ELF interpreter is missing)";
	else if (err == ENOEXEC)
		hint = " (not a format this kernel runs: a program for "
		       "another arch, or a script without a #! line or "
		       "with an empty one)";
	msg(MSG_ERROR, origin_of(path), "cannot execute: ", errno_text(err),
	    hint, NULL);
	syscall(SYS_exit_group, status);
	/* seccwrap has one thread, so exit ends the process too. */
	syscall(SYS_exit, status);
	__builtin_trap();
}

static int
find_command(const char *command, char **path)
{
	int r = exec_find(command, path);

	if (*command == '\0') {
		msg(MSG_ERROR, NULL, "empty command name", NULL);
		return EXIT_NOT_FOUND;
	}
	if (r == -ENOMEM) {
		msg(MSG_ERROR, NULL, "out of memory", NULL);
		return EXIT_SECCWRAP;
	}
	if (r == -ENOENT) {
		msg(MSG_ERROR, origin_of(command), "command not found", NULL);
		return EXIT_NOT_FOUND;
	}
	if (r < 0) {
		msg(MSG_ERROR, origin_of(command), "cannot execute: ",
		    errno_text(-r), NULL);
		return EXIT_CANNOT_RUN;
	}
	return 0;
}

/*
 * Return 1 when, under PROG, a failed execve would not end with env(1)'s
 * status.  exec_failed() calls write, then exit_group, then exit: a kill
 * or trap action on any of them, or an errno for both exit calls, ends
 * seccwrap with a signal.  An errno for write only loses the message.
 */
static int
status_lost(const struct program *prog)
{
	static const unsigned short calls[] = { SC_write, SC_exit_group,
						SC_exit };
	const struct abi *own = host_abis[arch_own_abi()];
	uint32_t action;
	unsigned int i;
	long nr;

	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		nr = abi_syscall_nr(own, calls[i]);
		if (nr < 0)
			continue;
		action = emulate(prog, (uint32_t)nr, own->audit_arch, NULL,
				 NULL) & RET_ACTION_MASK;
		if (action == RET_ALLOW || action == RET_LOG) {
			if (calls[i] != SC_write)
				return 0;
		} else if (action != RET_ERRNO) {
			return 1;
		}
	}
	return 1;
}

/* Under a filter that status_lost() finds, check before installing it
 * that the interpreter PATH names can run, as exec_failed() would
 * report.  Return 0, or the exit status.  NOTE: a binfmt_misc handler
 * that takes the file before the kernel's script and ELF loaders makes
 * this status wrong, and the kernel does not say which handlers match. */
static int
check_interpreter(const char *path)
{
	char *name;
	int r = exec_check_interpreter(path, &name);

	if (r == 0)
		return 0;
	if (r < 0) {
		msg(MSG_ERROR, NULL, "out of memory", NULL);
		return EXIT_SECCWRAP;
	}
	msg(MSG_ERROR, origin_of(path), "cannot execute: ", errno_text(r),
	    " (its interpreter '", name, r == ENOENT ? "' is missing)" :
	    "' cannot be executed)", NULL);
	/* As exec_failed() reports the same errors after execve. */
	return r == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN;
}

/* Report that seccomp(2) rejected ACTION with R, the error of
 * install_action_available(), and what follows from it (THEN). */
static void
action_missing(int level, const struct origin *at, const char *action, int r,
	       const char *then)
{
	int other = r != -EOPNOTSUPP;	/* such as an outer filter's EPERM */

	msg(level, at, "this kernel lacks ", action, " (Linux 4.14)",
	    other ? ", or seccomp(2) cannot tell: " : "",
	    other ? errno_text(-r) : "", then, NULL);
}

/* Decide what "kill" means here, and check that "log" works. */
static uint32_t
probe_kernel(const struct settings *s)
{
	int r;

	if (s->error_kind == ERROR_LOG &&
	    (r = install_action_available(RET_LOG)) < 0) {
		action_missing(MSG_ERROR, s->error_origin.file ?
			       &s->error_origin :
			       origin_of("seccomp-error-action"),
			       "SECCOMP_RET_LOG", r,
			       "; 'log' would allow calls silently");
		exit(EXIT_SECCWRAP);
	}
	if ((r = install_action_available(RET_KILL_PROCESS)) == 0)
		return RET_KILL_PROCESS;
	action_missing(MSG_NOTE, NULL, "SECCOMP_RET_KILL_PROCESS", r,
		       "; 'kill' kills the calling thread only");
	return RET_KILL_THREAD;
}

static void
build_program(const struct options *opt, uint32_t kill_action,
	      struct policy *policy, struct program *prog)
{
	char n[12];
	int r;

	if (policy_build(&opt->s, kill_action, policy))
		exit(EXIT_SECCWRAP);
	r = compile_policy(policy, prog);
	if (r == -E2BIG) {
		msg(MSG_ERROR, NULL, "the filter needs more than 4096 BPF "
		    "instructions; shorten the lists", NULL);
		exit(EXIT_SECCWRAP);
	}
	if (r < 0) {
		msg(MSG_ERROR, NULL, "cannot build the filter: ",
		    errno_text(-r), NULL);
		exit(EXIT_SECCWRAP);
	}
	msg(MSG_NOTE, NULL, "filter: ", fmt_uint(n, prog->len),
	    " BPF instructions", NULL);
}

/* Kept out of main() so that the 4 KiB output buffer does not widen
 * main's stack frame: each stack page a run touches costs a page fault. */
static __attribute__((__noinline__)) int
output_program(const struct options *opt, const struct program *prog)
{
	struct out o;
	int fd, r, to_stdout;

	if (opt->action == PRINT) {
		out_init(&o, 1);
		print_program(&o, prog);
		out_flush(&o);
		return output_status(0);
	}
	/* "-" is standard output, as for most tools that take a file. */
	to_stdout = strcmp(opt->dump_file, "-") == 0;
	fd = to_stdout ? 1 : open(opt->dump_file, O_WRONLY | O_CREAT |
				  O_TRUNC | O_CLOEXEC, 0644);
	r = fd < 0 ? -errno : dump_program(fd, prog);
	if (fd >= 0 && !to_stdout && close(fd) < 0 && r == 0)
		r = -errno;
	if (r < 0) {
		msg(MSG_ERROR, origin_of("--dump"), "cannot write '",
		    opt->dump_file, "': ",
		    errno_text(-r), NULL);
		return EXIT_SECCWRAP;
	}
	return 0;
}

/*
 * The arena of nolibc's allocator, which follows seccwrap's variables in
 * .bss.  The ASan build links glibc's allocator instead, so the weak
 * symbol is then NULL.
 */
extern char nolibc_first_arena[] __attribute__((__weak__));

/*
 * Fault in the pages of seccwrap's variables with writes.  Where a read
 * comes first, the kernel maps the shared zero page and the first write
 * faults again, about 2 microseconds each (the "touch" rows of
 * bench/RESULTS.md).  Which page is read first moves with code size.
 */
static void
prefault(void)
{
	/* Start at the page of msg.c's first variable, because build.sh
	 * links msg.c first.  ld sets __bss_start before it aligns .bss,
	 * so that page can be unmapped when the segment has no .data. */
	char *p = (char *)((uintptr_t)&msg_errors & ~(uintptr_t)4095);

	/* An atomic OR of 0 writes without changing anything.  A word-wide
	 * one needs no libatomic helper on any arch. */
	for (; p < nolibc_first_arena; p += 4096)
		__atomic_fetch_or((unsigned int *)p, 0, __ATOMIC_RELAXED);
}

int
main(int argc, char **argv, char **envp)
{
	/* Static, so they start zeroed and the code names them by address,
	 * which takes fewer bytes than offsets into a large stack frame. */
	static struct options opt;
	static struct program prog;
	static struct policy policy;
	const char *call;
	char *path = NULL;
	int r;

	prefault();
	opt.s.error_errno = EPERM;
	parse_args(&opt, argc, argv);
	if (opt.action == DEBUG)
		return output_status(run_debug(opt.action_option));
	/* With no profile and no filter option, filter as "seccomp" does. */
	if (!opt.s.profile_given && !opt.s.filter_requested)
		settings_apply(&opt.s, "seccomp", NULL,
			       origin_of("built-in default"));
	check_undecided(&opt.s);
	if (opt.action == RUN &&
	    (r = find_command(opt.command[0], &path)) != 0)
		return r;
	if (!opt.s.filter_requested) {
		/* Only -p options can leave the filter out, and with
		 * several, the message is about all of them. */
		int single = opt.s.profile_given == 1;
		const struct origin *profile = origin_of(single ?
						 opt.s.profile_first : NULL);
		const char *no_filter = single ?
					"the profile has no command that "
					"builds a filter" : "no profile has a "
					"command that builds a filter";

		if (opt.action != RUN && opt.action != CHECK) {
			msg(MSG_ERROR, profile, no_filter,
			    ", so there is no filter", NULL);
			return EXIT_SECCWRAP;
		}
		/* A filter inherited from the parent still applies. */
		msg(MSG_INFO, profile, no_filter, "; ", opt.action == CHECK ?
		    "seccwrap would add no filter" : "adding no filter", NULL);
	} else {
		build_program(&opt, opt.action == RUN ?
			      probe_kernel(&opt.s) : RET_KILL_PROCESS, &policy,
			      &prog);
		if (opt.action == EXPLAIN)
			return output_status(explain(&policy, &prog,
					     opt.explain) ? EXIT_SECCWRAP : 0);
		if (opt.action == PRINT || opt.action == DUMP)
			return output_program(&opt, &prog);
	}
	if (opt.action == CHECK)
		return 0;
	if (opt.s.filter_requested) {
		if (status_lost(&prog) && (r = check_interpreter(path)) != 0)
			return r;
		call = "personality";
		r = opt.s.mdwx ? install_clear_read_exec() : 0;
		if (r > 0)
			msg(MSG_NOTE, NULL, "cannot read the personality: ",
			    errno_text(r), "; READ_IMPLIES_EXEC stays as the "
			    "parent left it", NULL);
		msg(MSG_NOTE, NULL, "installing the filter and executing '",
		    path, "'", NULL);
		if (r >= 0)
			r = install_filter(&prog, &call);
		if (r < 0 && call == NULL) {
			msg(MSG_ERROR, NULL, "no_new_privs is not set although "
			    "prctl(PR_SET_NO_NEW_PRIVS) returned success; the "
			    "command was not run", NULL);
			return EXIT_SECCWRAP;
		}
		if (r < 0) {
			msg(MSG_ERROR, NULL, call, " failed: ",
			    errno_text(-r), "; the command was not run", NULL);
			return EXIT_SECCWRAP;
		}
	}
	/* The filter is in place: from here on, only execve. */
	execve(path, opt.command, envp);
	exec_failed(path, errno);
	return EXIT_CANNOT_RUN;
}
