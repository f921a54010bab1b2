/*
 * filtercost: count the BPF instructions that a stack of seccomp filters
 * executes per system call, with seccwrap's BPF interpreter
 * (src/emulate.c) and seccwrap's syscall tables.
 *
 *   filtercost abis LABEL FILE...
 *   filtercost calls LABEL FILE...
 *
 * Each FILE is a raw struct sock_filter array: seccwrap --dump output,
 * firejail's compiled filters, or seccomp_export_bpf() output.  The
 * kernel runs every installed filter on each call, so the cost of a
 * stack is the sum over its filters, and a call is allowed only when
 * every filter returns SECCOMP_RET_ALLOW.
 *
 * "abis" prints one Markdown table row per ABI (x86_64, i386, x32) over
 * every number that the ABI's table names, with all arguments 0:
 *
 *   | LABEL | ABI | insns | max | mean | mean allowed | allowed | cached |
 *
 * insns is the program length of each filter, max and mean the executed
 * instructions over all named numbers, "mean allowed" the mean over the
 * allowed ones, allowed their count, and cached how many of those the
 * kernel's action cache (Linux >= 5.11) allows without running BPF:
 * every filter must be constant-allow for the call (cache_allows() in
 * src/emulate.c).  The kernel keeps that bitmap only for the native and
 * the compat ABI and only for numbers below its table size, so x32 calls
 * always run the filters and their cached count is 0.
 *
 * "calls" prints one row with the x86_64 calls of the syscall-loop
 * benchmark (bench/sysloop.c), with the arguments it passes:
 *
 *   | LABEL | getppid | mmap RW | munmap | socket(AF_UNIX) | close |
 *
 * each cell the executed instructions, marked "cached" when the action
 * cache allows the call without running any filter on Linux >= 5.11.
 *
 * Build: gcc -Isrc -Itables -o filtercost bench/filtercost.c \
 *            src/emulate.c src/syscalls.c
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seccwrap.h"

#define STACK_MAX 8
#define NR_MAX	  4096	/* above every table count (548 for x32) */

struct stack {
	unsigned int count;
	struct program prog[STACK_MAX];
};

/* The outcome of one call on a stack. */
struct outcome {
	uint32_t action;	/* the action the kernel would take */
	unsigned int steps;	/* instructions executed, all filters */
	int cached;		/* every filter is constant-allow */
};

static void
die(const char *what, const char *detail)
{
	fprintf(stderr, "filtercost: %s: %s\n", what, detail);
	exit(1);
}

static void
load_program(const char *path, struct program *prog)
{
	static struct bpf_insn buffer[BPF_MAX_INSNS + 1];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		die(path, strerror(errno));
	n = fread(buffer, sizeof(buffer[0]), BPF_MAX_INSNS + 1, f);
	if (ferror(f))
		die(path, strerror(errno));
	fclose(f);
	if (n == 0 || n > BPF_MAX_INSNS)
		die(path, "not a program of 1 to 4096 instructions");
	prog->insn = malloc(n * sizeof(buffer[0]));
	if (prog->insn == NULL)
		die(path, strerror(ENOMEM));
	memcpy(prog->insn, buffer, n * sizeof(buffer[0]));
	prog->len = (unsigned int)n;
	if (program_check(prog) != 0)
		die(path, "the kernel would reject this program");
}

/*
 * Return whether action A takes precedence over action B.  The kernel
 * keeps the action whose SECCOMP_RET_ACTION_FULL bits are lowest as a
 * signed 32-bit value, so KILL_PROCESS (0x80000000) wins over all.
 */
static int
precedes(uint32_t a, uint32_t b)
{
	return (int32_t)(a & RET_ACTION_MASK) < (int32_t)(b & RET_ACTION_MASK);
}

static struct outcome
run_stack(const struct stack *s, uint32_t arch, uint32_t nr,
    const uint64_t args[6])
{
	struct outcome o = { RET_ALLOW, 0, 1 };
	unsigned int i, steps;
	uint32_t action;

	for (i = 0; i < s->count; i++) {
		action = emulate(&s->prog[i], nr, arch, args, &steps);
		if (action == EMULATE_INVALID)
			die("emulate", "a filter left its program");
		o.steps += steps;
		if (precedes(action, o.action))
			o.action = action;
		if (!cache_allows(&s->prog[i], arch, nr))
			o.cached = 0;
	}
	return o;
}

static void
print_lengths(const struct stack *s)
{
	unsigned int i;

	for (i = 0; i < s->count; i++)
		printf("%s%u", i ? "+" : "", s->prog[i].len);
}

static void
print_abis(const char *label, const struct stack *s)
{
	static const uint64_t zero[6];
	static unsigned char named[NR_MAX];
	const struct abi *abi;
	struct outcome o;
	unsigned int a, i, max, total, allowed, allowed_steps, cached, n;
	long nr;

	for (a = 0; a < host_abi_count; a++) {
		abi = host_abis[a];
		memset(named, 0, sizeof(named));
		for (i = 0; i < syscall_name_count(); i++) {
			nr = abi_syscall_nr(abi, i);
			if (nr >= 0 && nr - abi->nr_base < NR_MAX)
				named[nr - abi->nr_base] = 1;
		}
		max = total = allowed = allowed_steps = cached = n = 0;
		for (i = 0; i < NR_MAX; i++) {
			if (!named[i])
				continue;
			o = run_stack(s, abi->audit_arch, abi->nr_base + i, zero);
			n++;
			total += o.steps;
			if (o.steps > max)
				max = o.steps;
			if (o.action != RET_ALLOW)
				continue;
			allowed++;
			allowed_steps += o.steps;
			/* The kernel has no action-cache bitmap for x32. */
			if (o.cached && abi->nr_base == 0)
				cached++;
		}
		printf("| %s | %s | ", label, abi->name);
		print_lengths(s);
		printf(" | %u | %.1f | %.1f | %u | %u |\n", max,
		    n ? (double)total / n : 0.0,
		    allowed ? (double)allowed_steps / allowed : 0.0,
		    allowed, cached);
	}
}

static void
print_calls(const char *label, const struct stack *s)
{
	/* Numbers and arguments of the calls bench/sysloop.c makes. */
	static const struct {
		uint32_t nr;
		uint64_t args[6];
	} calls[] = {
		{ 110, { 0 } },				/* getppid */
		{ 9, { 0, 4096, 3, 0x22, (uint64_t)-1, 0 } },	/* mmap */
		{ 11, { 0x10000, 4096 } },		/* munmap */
		{ 41, { 1, 1, 0 } },		/* socket(AF_UNIX, SOCK_STREAM) */
		{ 3, { 3 } },				/* close */
	};
	const struct abi *native = host_abis[0];
	struct outcome o;
	unsigned int i;

	printf("| %s |", label);
	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		o = run_stack(s, native->audit_arch, calls[i].nr,
		    calls[i].args);
		if (o.action != RET_ALLOW)
			die(label, "a call of the loop benchmark is denied");
		if (o.cached)
			printf(" cached (%u) |", o.steps);
		else
			printf(" %u |", o.steps);
	}
	printf("\n");
}

int
main(int argc, char **argv)
{
	struct stack s;
	int i;

	if (argc < 4 || argc - 3 > STACK_MAX ||
	    (strcmp(argv[1], "abis") != 0 && strcmp(argv[1], "calls") != 0)) {
		fprintf(stderr, "usage: filtercost abis|calls LABEL FILE...\n");
		return 2;
	}
	s.count = 0;
	for (i = 3; i < argc; i++)
		load_program(argv[i], &s.prog[s.count++]);
	if (strcmp(argv[1], "abis") == 0)
		print_abis(argv[2], &s);
	else
		print_calls(argv[2], &s);
	return 0;
}
