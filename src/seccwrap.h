/*
 * seccwrap: shared types and the interfaces between the pipeline stages.
 *
 *   profile.c, list.c  profile text and options -> struct settings
 *   policy.c           struct settings -> struct policy (an action per
 *                      syscall number per arch)
 *   compile.c, asm.c   struct policy -> struct sock_filter program
 *   install.c, exec.c  no_new_privs, seccomp(), execve
 *
 * Lower layers return 0 or -errno and never print or exit, except the
 * message helpers in msg.c, which main.c and the parser use.
 */
#ifndef SECCWRAP_H
#define SECCWRAP_H

#include <stddef.h>
#include <stdint.h>

#define SECCWRAP_VERSION "0.1.0"

/*
 * LATE_BSS puts a zeroed variable that most runs never touch in .lbss,
 * which the default linker script places after .bss and its COMMON
 * symbols, nolibc's first heap arena among them.  In .bss it would sit
 * between variables that every run writes and spread them over more
 * pages: each 4 KiB more is a page fault in every run (part 4 of
 * bench/RESULTS.md).  Other targets' compilers do not know .lbss as
 * uninitialised and would store its zeros in the file.
 */
#if defined(__x86_64__)
#define LATE_BSS __attribute__((__section__(".lbss")))
#else
#define LATE_BSS
#endif

/* Seccomp return values (linux/seccomp.h); the low 16 bits are data. */
#define RET_KILL_PROCESS 0x80000000u
#define RET_KILL_THREAD	 0x00000000u
#define RET_TRAP	 0x00030000u
#define RET_ERRNO	 0x00050000u
#define RET_LOG		 0x7ffc0000u
#define RET_ALLOW	 0x7fff0000u
#define RET_ACTION_MASK	 0xffff0000u
#define RET_DATA_MASK	 0x0000ffffu

/* Offsets into struct seccomp_data. */
#define DATA_NR	  0
#define DATA_ARCH 4
#define DATA_ARGS 16

/* Classic BPF instruction, laid out as the kernel's struct sock_filter. */
struct bpf_insn {
	uint16_t code;
	uint8_t jt;
	uint8_t jf;
	uint32_t k;
};

/* ---- buffered output to a file descriptor (out.c) ---- */

struct out {
	int fd;
	int error;		/* set once a write fails */
	unsigned int len;
	char buf[4096];
};

/* The errno of the first failed write to standard output, or 0. */
extern int out_stdout_error;

void out_init(struct out *o, int fd);
void out_char(struct out *o, char c);
void out_str(struct out *o, const char *s);
void out_dec(struct out *o, unsigned long v);
/* Write at most MAX bytes of TEXT, up to its NUL, for text from a profile
 * or the command line.  Bytes that a terminal could take as control
 * codes are written as \xHH (see out.c). */
void out_text(struct out *o, const char *text, size_t max);
/* Write V in hex with a 0x prefix, zero-padded to WIDTH digits. */
void out_hex(struct out *o, unsigned long v, unsigned int width);
/* Write TEXT after as many FILL characters as make it WIDTH long. */
void out_field(struct out *o, const char *text, unsigned int width, char fill);
/* Pad with spaces until the current line is COLUMN characters long. */
void out_pad(struct out *o, unsigned int column);
/* Return 0, or -1 when any write failed. */
int out_flush(struct out *o);
/* Format V in decimal into BUF (at least 12 bytes) and return BUF. */
const char *fmt_uint(char *buf, unsigned long v);
/* Format V in lower-case hex, without "0x", into BUF and return BUF. */
const char *fmt_hex(char *buf, unsigned long v);

/* ---- messages on stderr (msg.c) ---- */

struct origin;

#define MSG_ERROR 0	/* counted; the run stops with exit status 125 */
#define MSG_WARN  1
#define MSG_NOTE  2	/* printed only with -v */
#define MSG_INFO  3	/* printed unless -q */

#define MSG_ERRORS_MAX 20	/* errors reported before giving up */

extern int msg_verbose;
extern int msg_quiet;
extern unsigned int msg_errors;

/*
 * Print "seccwrap: [warning: ]WHERE: TEXT..." where WHERE is AT's
 * "file:line" or the option name; the text is the NULL-terminated list of
 * strings after AT.  AT may be NULL.
 */
void msg(int level, const struct origin *at, ...);

/* ---- syscall and errno tables (syscalls.c, errnos.c) ---- */

/* ABI flags. */
#define ABI_64BIT	   0x01	 /* arguments are 64-bit words */
#define ABI_BIG_ENDIAN	   0x02	 /* the high word of an argument comes first */
#define ABI_STRUCT_MMAP	   0x04	 /* "mmap" takes a pointer to its arguments */
#define ABI_SOCKETCALL	   0x08	 /* has the socketcall/ipc multiplexers */
#define ABI_CLONE_FLAGS_ARG1 0x10 /* clone(stack, flags, ...), as on s390 */
#define ABI_STRUCT_MMAP2   0x20	 /* "mmap2" takes one too, as on s390 */
/* The kernel picks the table by the number's range, whatever ABI the
 * task runs: a mips64 task can make o32, n64 and n32 calls. */
#define ABI_NR_RANGE	   0x40

/*
 * One syscall ABI: a number space with its own table.  Several ABIs can
 * share one audit arch (x86_64 and x32 both report AUDIT_ARCH_X86_64; x32
 * numbers carry bit 30, which nr_base adds).
 */
struct abi {
	const char *name;	  /* "x86_64", "i386", "x32" */
	uint32_t audit_arch;	  /* AUDIT_ARCH_* */
	uint32_t nr_base;	  /* added to every table number */
	const uint16_t *nr;	  /* per syscall name index; SYSCALL_ABSENT;
				     NULL until the ABI's first lookup */
	uint32_t nr_count;	  /* highest table number (without base) + 1 */
	unsigned int flags;	  /* ABI_* */
	/* The numbers of arch-private calls past the table, as in
	 * seccomp_data.nr (arm's 0xf0000..0xf07ff); both 0 for none. */
	uint32_t private_lo;
	uint32_t private_hi;
	unsigned int table;	  /* TABLE_* of tables/syscalls.h */
};

#define SYSCALL_ABSENT 0xffffu

/* The ABIs of the selected architecture, native first: the build
 * host's until arch_select() picks another.  Functions, so that the
 * first use can make the selection. */
const struct abi *const *host_abi_list(void);
unsigned int host_abi_number(void);
#define host_abis (host_abi_list())
#define host_abi_count (host_abi_number())
/* The maximum number of ABIs of one arch: three on x86_64 and mips64. */
#define HOST_ABI_MAX 3
/* Return the last number of ABI's span: below the next higher number
 * base of the arch (mips n64 ends at 5999, where n32 starts), at most
 * 999 above a mips ABI's base, or 0xffffffff. */
uint32_t host_abi_end(const struct abi *abi);
/* Return the first 32-bit ABI beside the native one (i386 on x86_64, o32
 * on mips64), which the seccomp.32 lists are for, or NULL. */
const struct abi *host_abi32(void);
/* Return 1 when a task that reports AUDIT_ARCH can make the syscalls of
 * host ABI B by their numbers: B reports the same audit arch (x86_64 and
 * x32), or both are mips ABIs (ABI_NR_RANGE). */
int arch_reaches(uint32_t audit_arch, const struct abi *b);

unsigned int syscall_name_count(void);
const char *syscall_name(unsigned int index);
/* Return the name index of NAME, or -1 when no table of any ABI has it. */
int syscall_lookup(const char *name);
/* Return the number (with nr_base) of name INDEX on ABI, or -1. */
long abi_syscall_nr(const struct abi *abi, unsigned int index);
/* Return the name of number NR (with nr_base) on ABI, or NULL. */
const char *abi_syscall_name(const struct abi *abi, uint32_t nr);
const struct abi *abi_by_name(const char *name);

/* Return how many errno names errno_lookup() accepts, aliases included. */
unsigned int errno_count(void);
/* Fill NAME and VALUE with the INDEX-th errno name in numeric order, an
 * alias right after the name it stands for, or with NULL and -1 past the
 * last one. */
void errno_at(unsigned int index, const char **name, int *value);
/* Return the value of errno NAME (case-insensitive), or -1. */
int errno_lookup(const char *name);
/* Return 1 when A and B are equal apart from ASCII case. */
int equal_nocase(const char *a, const char *b);
/* Return the canonical name of errno VALUE, or NULL. */
const char *errno_name(int value);
/* Return the name of an error from one of seccwrap's own calls, or
 * "error".  The name comes from the errno table of the arch seccwrap
 * runs on, not the one --arch selected. */
const char *errno_text(int value);

/* ---- architectures (syscalls.c, arch.h) ---- */

/* The names arch_select() accepts, separated by spaces. */
extern const char arch_choices[];
/*
 * Make host_abis and the errno table describe architecture NAME
 * ("x86_64", "aarch64", "mips64el", ...) instead of the build host's.
 * Return 0, or -1 when NAME is not in arch_choices.
 */
int arch_select(const char *name);
/* Return the name of the selected architecture. */
const char *arch_current(void);
/* Return 1 when this build's arch also runs under the kernel of a 64-bit
 * arch (i386 under x86_64, arm under aarch64, ...). */
int arch_has_kernel64(void);
/* Select the 64-bit arch whose kernel reports MACHINE in uname(2) when
 * it runs this build's ABI; return 1, or 0 when MACHINE names none.  A
 * NULL MACHINE selects that arch whatever the kernel. */
int arch_select_kernel(const char *machine);
/* Return 1 when a 64-bit kernel may give MACHINE in uname(2) to a task
 * of this build's ABI with the PER_LINUX32 personality; 0 means that a
 * 32-bit kernel gave it. */
int arch_compat_machine(const char *machine);
/* Return the index in host_abis of the ABI that seccwrap itself runs on:
 * 1 for the i386 build with x86_64 selected, by the kernel or --arch. */
unsigned int arch_own_abi(void);
/* Return the ERRNO_TABLE_* of tables/errnos.h for the selected arch. */
unsigned int arch_errno_table(void);
/* Return the ERRNO_TABLE_* of the arch this build runs on. */
unsigned int arch_own_errno_table(void);

/* ---- syscall groups (groups.c) ---- */

/* Return the index of group NAME (with '@'), or -1. */
int group_find(const char *name);
/* A group member with this bit set is the group of the other bits;
 * without it, a syscall name index. */
#define GROUP_REF 0x8000u
/* The end of a member list, which is neither a syscall name index nor
 * a group.  It takes 2 bytes, where a count field with its padding
 * takes 8 in each struct group on a 64-bit arch. */
#define GROUP_END 0xffffu
/* Return the members of a group, as written, ended by GROUP_END. */
const uint16_t *group_members(unsigned int index);
unsigned int group_count(void);
const char *group_name(unsigned int index);
const char *group_description(unsigned int index);

/* ---- where a decision came from, for -v, --explain and warnings ---- */

struct origin {
	const char *file;	/* profile path, or the option */
	unsigned int line;	/* 0 for options */
	const char *command;	/* "seccomp", "seccomp.drop", ... */
	const char *item;	/* the list item as written, not terminated */
	unsigned int item_len;
	const char *via;	/* innermost group, or NULL */
};

/* ---- settings: what the profile and options asked for (profile.c) ---- */

/* The kinds of syscall list; LIST_COUNT of each may be set. */
enum list_kind {
	LIST_DEFAULT,		/* seccomp [LIST] */
	LIST_DROP,		/* seccomp.drop LIST */
	LIST_KEEP,		/* seccomp.keep LIST */
	LIST_32_DEFAULT,	/* seccomp.32 LIST */
	LIST_32_DROP,		/* seccomp.32.drop LIST */
	LIST_32_KEEP,		/* seccomp.32.keep LIST */
	LIST_COUNT
};

struct list_setting {
	int set;		/* 1 when the command was given */
	int implied;		/* set by seccomp.block-secondary alone */
	const char *text;	/* the list, or NULL for bare "seccomp" */
	int numbers;		/* TEXT names a syscall by number */
	struct origin origin;
};

/* Namespace flags (linux/sched.h). */
#define NS_CGROUP 0x02000000u
#define NS_IPC	  0x08000000u
#define NS_NET	  0x40000000u
#define NS_MNT	  0x00020000u
#define NS_PID	  0x20000000u
#define NS_TIME	  0x00000080u
#define NS_USER	  0x10000000u
#define NS_UTS	  0x04000000u
#define NS_ALL	  0x7e020080u

/* Socket domains accepted by "protocol", as a bit per name. */
#define PROTO_UNIX	0x01	/* AF_UNIX 1 */
#define PROTO_INET	0x02	/* AF_INET 2 */
#define PROTO_INET6	0x04	/* AF_INET6 10 */
#define PROTO_NETLINK	0x08	/* AF_NETLINK 16 */
#define PROTO_PACKET	0x10	/* AF_PACKET 17 */
#define PROTO_BLUETOOTH 0x20	/* AF_BLUETOOTH 31 */

/* error_action kinds. */
#define ERROR_ERRNO 0
#define ERROR_KILL  1
#define ERROR_LOG   2

struct settings {
	/* The scalars come first: on x86_64 a field less than 128 bytes
	 * into the struct takes a 1-byte offset in each instruction that
	 * reads it, and one further in takes 4 bytes. */
	int block_secondary;
	int error_kind;		/* ERROR_* */
	int error_errno;	/* for ERROR_ERRNO */
	int allow_debuggers;
	int mdwx;		/* memory-deny-write-execute */
	int namespaces_set;	/* restrict-namespaces given */
	uint32_t namespaces;	/* NS_* flags denied */
	int protocol_set;
	unsigned int protocols; /* PROTO_* allowed */
	unsigned int profile_given;	/* how many -p options were seen */
	/* Files and bytes that all -p options have read, includes
	 * counted.  profile_over is set once a limit is reported, and then
	 * no more files are read. */
	unsigned int profile_files;
	size_t profile_bytes;
	int profile_over;
	int filter_requested;	/* a command that builds a filter was seen */
	unsigned int nignore;
	/* Every run reads the lists; the origins and the ignore list are
	 * set by few profiles, so they come last. */
	struct list_setting list[LIST_COUNT];
	struct origin block_secondary_origin;
	struct origin error_origin;
	struct origin mdwx_origin;
	struct origin namespaces_origin;
	struct origin protocol_origin;
	const char *ignore[32]; /* commands that "ignore" hides */
	const char *profile_first;	/* the file of the first -p */
};

/* The seccomp commands, each also an option "--NAME[=VALUE]", in the
 * order of their names in settings_commands[].  The lists come first,
 * numbered as in enum list_kind. */
enum command {
	COMMAND_BLOCK_SECONDARY = LIST_COUNT,	/* seccomp.block-secondary */
	COMMAND_ERROR_ACTION,	/* seccomp-error-action ACTION */
	COMMAND_ALLOW_DEBUGGERS,	/* allow-debuggers */
	COMMAND_MDWX,		/* memory-deny-write-execute */
	COMMAND_NAMESPACES,	/* restrict-namespaces [LIST] */
	COMMAND_PROTOCOL,	/* protocol LIST */
	COMMAND_COUNT
};
extern const char *const settings_commands[COMMAND_COUNT];
/* The protocol names, separated by ", ". */
extern const char protocol_choices[];

/* Apply one profile command or option to S; return the number of errors. */
unsigned int settings_apply(struct settings *s, const char *command,
			    const char *arg, const struct origin *at);
/* Add ARG, the command of an "ignore" line or --ignore option, to the
 * commands S skips; return the number of errors. */
unsigned int settings_ignore(struct settings *s, const char *arg,
			     const struct origin *at);
/* The size of an item buffer of list_next_item(). */
#define LIST_ITEM_SIZE 64
/* Copy the next item of the comma-separated list at *LIST into ITEM and
 * move *LIST past it (settings.c).  Return 0 at the end of the list. */
int list_next_item(const char **list, char item[LIST_ITEM_SIZE], char *op);
/* Read profile PATH into S; return the number of errors. */
unsigned int profile_read(struct settings *s, const char *path);

/* ---- syscall lists (list.c) ---- */

/* One syscall of a list, after group expansion. */
struct list_entry {
	unsigned int is_number : 1;	/* value is a number on the native ABI */
	unsigned int except : 1;	/* written with '!' */
	unsigned int direct : 1;	/* named in the list, not through a group */
	unsigned int has_action : 1;	/* written with ":ERRNO" or ":kill" */
	unsigned int kill : 1;		/* ":kill" */
	int errno_value;	/* for ":ERRNO" */
	unsigned long value;	/* name index, or the number */
	const char *via;	/* innermost group, or NULL */
	unsigned int group;	/* the index of VIA, when VIA is set */
	const char *token;	/* the item as written, without ":ERRNO" */
	const char *item;	/* the item in the list text, not terminated */
	unsigned int item_len;
};

typedef void (*list_fn)(void *ctx, const struct list_entry *entry);

/*
 * Check and expand a comma-separated syscall list, calling FN once per
 * syscall in list order.  Errors are reported at AT; return how many.
 */
unsigned int list_walk(const char *text, const struct origin *at,
		       list_fn fn, void *ctx);
#define NUMBER_INVALID	(-1)	/* parse_uint32(): not a number */
#define NUMBER_TOO_LARGE (-2)	/* parse_uint32(): over 0xffffffff */
/* Parse a decimal or 0x-hex number into *VALUE; return 0, NUMBER_INVALID
 * or NUMBER_TOO_LARGE. */
int parse_uint32(const char *s, uint32_t *value);
/* Parse an errno as a name (any case) or a number 1..4095 with no leading
 * 0; -1 if neither. */
int parse_errno(const char *s);
/*
 * Report TOKEN as an error at AT and return 1 when DIGITS has a leading 0
 * and more digits, which READER (firejail's strtol(..., 0)) takes for
 * octal: "$0241" is 161 there, not 241.  WHAT names the kind of number.
 * Return 0 without a report when that reading is outside MIN..MAX, so
 * that the caller's range check reports DIGITS instead.
 */
int reject_leading_zero(const struct origin *at, const char *what,
			const char *token, const char *digits,
			const char *reader, uint32_t min, uint32_t max);
/* Report S, an errno that parse_errno() rejected, as an error at AT.
 * LOG_OK is 1 where "log" is an action as well as "kill". */
void errno_error(const struct origin *at, const char *s, int log_ok);

/* ---- policy: an action per syscall per ABI (policy.c) ---- */

/* One test on one 32-bit word of an argument. */
#define TEST_EQ	  0	/* (word & mask) == value */
#define TEST_NE	  1	/* (word & mask) != value */
#define TEST_ANY  2	/* (word & value) != 0 */

struct arg_test {
	uint8_t arg;		/* 0..5 */
	uint8_t high;		/* 1: the high word of a 64-bit argument */
	uint8_t op;		/* TEST_* */
	uint32_t mask;
	uint32_t value;
};

/* If every test holds, the syscall gets ACTION. */
#define RULE_TESTS_MAX 6
struct arg_rule {
	uint32_t action;
	unsigned int ntests;
	struct arg_test test[RULE_TESTS_MAX];
	const struct origin *origin;	/* its setting's, or a static one */
};

/* Rules are tried in order, and when none holds, the syscall gets the
 * decision's action.  personality has the most rules: one from
 * memory-deny-write-execute and two from block-secondary. */
#define FILTER_RULES_MAX 3
struct arg_filter {
	unsigned int nrules;
	struct arg_rule rule[FILTER_RULES_MAX];
};

struct decision {
	uint32_t action;		/* RET_* | data */
	const struct arg_filter *args;	/* NULL: action only */
	const struct origin *origin;	/* NULL: no list decided it; not
					 * compared when merging */
};

/* Numbers LO..HI (inclusive, as seccomp_data.nr carries them) get
 * DECISION. */
struct range {
	uint32_t lo;
	uint32_t hi;
	struct decision decision;
};

/* The decisions for one audit arch, ranges sorted and covering
 * 0..0xffffffff without gaps. */
struct arch_policy {
	uint32_t audit_arch;
	unsigned int flags;		/* ABI_* of the ABI that owns arguments */
	unsigned int nranges;
	struct range *ranges;
};

#define POLICY_ARCH_MAX 4
struct policy {
	unsigned int narch;
	struct arch_policy arch[POLICY_ARCH_MAX];
	uint32_t bad_arch_action;	/* for any other audit arch */
};

/*
 * Build the policy that S requests.  KILL_ACTION is what "kill" means on this
 * kernel (RET_KILL_PROCESS, or RET_KILL_THREAD where that is missing).
 * Problems are reported; return how many.
 */
unsigned int policy_build(const struct settings *s, uint32_t kill_action,
			  struct policy *p);

/* ---- BPF program (asm.c, compile.c) ---- */

#define BPF_MAX_INSNS 4096

struct program {
	struct bpf_insn *insn;
	unsigned int len;
	/* The byte order of the kernel that runs it, which stores each
	 * 64-bit argument in seccomp_data in its own order, whatever the
	 * task's ABI: 1 when the high word comes first. */
	int big_endian;
};

/* Return 0, -ENOMEM, or -E2BIG when the program exceeds 4096 insns
 * (-EINVAL for a malformed policy). */
int compile_policy(const struct policy *policy, struct program *prog);

/* Run PROG on one seccomp_data (emulate.c), whose arguments are all 0
 * when ARGS is NULL.  Return the action, and the number of instructions
 * executed in *steps when STEPS is not NULL. */
uint32_t emulate(const struct program *prog, uint32_t nr, uint32_t arch,
		 const uint64_t args[6], unsigned int *steps);
/* The value emulate() returns when the path leaves the program, loads
 * outside seccomp_data or meets an opcode seccomp rejects. */
#define EMULATE_INVALID 0xffffffffu
/* Return 0, or -EINVAL when the kernel would reject PROG. */
int program_check(const struct program *prog);
/* Return 1 when seccomp_check_filter() (kernel/seccomp.c) accepts an
 * instruction with opcode CODE, else 0 (emulate.c). */
int opcode_accepted(uint16_t code);
/* Return 1 when the kernel's action cache (Linux >= 5.11) finds that
 * (ARCH, NR) always gets RET_ALLOW without running PROG, else 0. */
int cache_allows(const struct program *prog, uint32_t arch, uint32_t nr);

/* ---- printing programs (print.c) ---- */

/* Print PROG as annotated assembly, one instruction a line. */
void print_program(struct out *o, const struct program *prog);
/* Print a seccomp return value: ALLOW, ERRNO(EPERM), KILL_PROCESS, ... */
void print_action(struct out *o, uint32_t ret);
/* Write PROG as raw struct sock_filter, as bwrap --seccomp reads it, in
 * the byte order of the kernel that will load it.  Return 0 or
 * -errno. */
int dump_program(int fd, const struct program *prog);

/* ---- install and exec (install.c, exec.c) ---- */

/*
 * Copy the kernel's machine name ("x86_64") from uname(2) into MACHINE
 * (SIZE bytes).  With LINUX32, copy the name that a task without the
 * PER_LINUX32 personality gets, or return 1 when this task has no
 * PER_LINUX32.  Return 0, or -errno with *CALL naming the failed call.
 * *CALL is NULL when the personality could not be restored.
 */
int install_kernel_machine(char *machine, size_t size, int linux32,
			   const char **call);
/*
 * Clear READ_IMPLIES_EXEC from the personality, with which every readable
 * mapping is executable.  A 64-bit exec clears it, but a 32-bit one keeps
 * what the parent had (setarch -X), so the i386 and arm builds would
 * hand it to the command.  Return 0, -errno when the flag is set and
 * cannot be cleared, or errno when the personality cannot be read.
 */
int install_clear_read_exec(void);
/* Return 0 when the kernel supports ACTION, -EOPNOTSUPP when it does
 * not, or another -errno when seccomp(2) failed otherwise. */
int install_action_available(uint32_t action);
/*
 * Set no_new_privs and install PROG.  Return 0, or -errno with *CALL
 * naming the system call that failed, or NULL when no_new_privs stayed
 * unset although setting it returned success.
 */
int install_filter(const struct program *prog, const char **call);

/* Join the first DIRLEN bytes of DIR, a '/' and NAME into a string
 * allocated with malloc(), or return NULL when out of memory (exec.c). */
char *join_path(const char *dir, size_t dirlen, const char *name);

/*
 * Find COMMAND as execvp(3) would, without running it.  Return 0 with
 * *PATH set, -ENOENT when nothing is found, -EACCES when a match is not
 * executable, or another -errno when a path given with '/' cannot be
 * checked.  The search path is getenv("PATH"), as for execvp(3).
 */
int exec_find(const char *command, char **path);
/*
 * Check the #! interpreter or ELF interpreter that PATH names, as execve
 * would.  Return its errno, such as ENOENT or EACCES, with *INTERPRETER
 * set (allocated) when it is missing or cannot be executed.  Return 0
 * when it can run or the check cannot tell, and -ENOMEM.  ENOEXEC is not
 * predicted.
 */
int exec_check_interpreter(const char *path, char **interpreter);

/* Return how many groups lie on the path from group TOP down to group
 * VIA, storing them in PATH (at most MAX); 0 when VIA is not below TOP. */
unsigned int group_path(const char *top, const char *via, const char **path,
			unsigned int max);

/*
 * Print what syscall SPEC ("name" or "number", then optionally ",ABI")
 * gets from PROG and which profile line decided it (explain.c).  Return 0,
 * or 1 after reporting an invalid SPEC.
 */
int explain(const struct policy *policy, const struct program *prog,
	    const char *spec);
/* Report ABI NAME as unknown, with the ABIs of the selected arch. */
void unknown_abi(const struct origin *at, const char *name);

/* ---- inspection options (debug.c) ---- */

void debug_syscalls(const struct abi *abi);
void debug_errnos(void);
void debug_protocols(void);
/* Return 0, or the number of unknown groups in LIST (NULL: all groups). */
unsigned int debug_groups(const char *list);

#endif
