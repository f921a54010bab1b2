/*
 * bpfeval [-b] FILE ARCH LO HI [ARG0..ARG5]
 *
 * Run a raw struct sock_filter program (firejail's compiled filters,
 * seccwrap --dump output) on every syscall number LO..HI of audit arch
 * ARCH, with the given arguments (default 0), and print "NR ACTION" per
 * number, ACTION in hex.  The differential tests against firejail and
 * libseccomp use it.  Numbers are decimal or 0x hex; ARCH is hex or
 * x86_64, x32, i386, aarch64, arm.  With -b, the program is that of a
 * big-endian arch: its instructions and the arguments it reads are in
 * big-endian byte order.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seccwrap.h"

static const struct {
	const char *name;
	uint32_t audit_arch;
} arch_names[] = {
	{ "x86_64", 0xc000003eu },
	{ "x32", 0xc000003eu },
	{ "i386", 0x40000003u },
	{ "aarch64", 0xc00000b7u },
	{ "arm", 0x40000028u },
};

static void
usage(void)
{
	fprintf(stderr, "usage: bpfeval [-b] FILE ARCH LO HI "
	    "[ARG0..ARG5]\n");
	exit(2);
}

/* Parse S as a number of at most MAX in BASE (0: decimal or 0x hex). */
static unsigned long long
parse_number(const char *what, const char *s, int base,
    unsigned long long max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, base);
	if (*s == '\0' || *s == '-' || *end != '\0' || errno || v > max) {
		fprintf(stderr, "bpfeval: invalid %s '%s'\n", what, s);
		exit(2);
	}
	return v;
}

static uint32_t
parse_arch(const char *s)
{
	unsigned int i;

	for (i = 0; i < sizeof(arch_names) / sizeof(arch_names[0]); i++)
		if (strcmp(s, arch_names[i].name) == 0)
			return arch_names[i].audit_arch;
	return (uint32_t)parse_number("arch", s, 16, 0xffffffffu);
}

/* Return V with its bytes in the other order. */
static uint32_t
swap32(uint32_t v)
{
	return v >> 24 | (v >> 8 & 0xff00u) | (v << 8 & 0xff0000u) | v << 24;
}

/* Read the program in PATH, big-endian when BIG_ENDIAN is 1; exit with a
 * message when it is unusable. */
static void
load(const char *path, struct program *prog, int big_endian)
{
	unsigned int i;
	FILE *f = fopen(path, "rb");
	size_t cap = 0, n;
	char *buf = NULL;

	if (f == NULL) {
		fprintf(stderr, "bpfeval: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	prog->len = 0;
	do {
		if (prog->len * sizeof(struct bpf_insn) + 4096 > cap) {
			cap = cap ? 2 * cap : 65536;
			buf = realloc(buf, cap);
			if (buf == NULL) {
				fprintf(stderr, "bpfeval: out of memory\n");
				exit(1);
			}
		}
		n = fread(buf + prog->len * sizeof(struct bpf_insn), 1,
		    cap - prog->len * sizeof(struct bpf_insn), f);
		prog->len += n / sizeof(struct bpf_insn);
		if (n % sizeof(struct bpf_insn)) {
			fprintf(stderr, "bpfeval: %s: size is not a multiple "
			    "of 8 bytes\n", path);
			exit(1);
		}
	} while (n > 0);
	if (ferror(f) || prog->len == 0) {
		fprintf(stderr, "bpfeval: %s: %s\n", path, ferror(f) ?
		    strerror(errno) : "empty file");
		exit(1);
	}
	fclose(f);
	prog->insn = (struct bpf_insn *)buf;
	/* The test machine is little-endian. */
	for (i = 0; big_endian && i < prog->len; i++) {
		prog->insn[i].code = (uint16_t)(prog->insn[i].code >> 8 |
		    prog->insn[i].code << 8);
		prog->insn[i].k = swap32(prog->insn[i].k);
	}
	prog->big_endian = big_endian;
}

int
main(int argc, char **argv)
{
	struct program prog;
	uint64_t args[6] = { 0 };
	unsigned long long nr, lo, hi;
	uint32_t arch;
	int i, big_endian = 0;

	if (argc > 1 && strcmp(argv[1], "-b") == 0) {
		big_endian = 1;
		argc--;
		argv++;
	}
	if (argc < 5 || argc > 11)
		usage();
	arch = parse_arch(argv[2]);
	lo = parse_number("LO", argv[3], 0, 0xffffffffu);
	hi = parse_number("HI", argv[4], 0, 0xffffffffu);
	if (hi < lo)
		usage();
	for (i = 5; i < argc; i++)
		args[i - 5] = parse_number("argument", argv[i], 0,
		    0xffffffffffffffffull);
	load(argv[1], &prog, big_endian);
	if (program_check(&prog) != 0)
		fprintf(stderr, "bpfeval: %s: warning: the kernel would reject "
		    "this program\n", argv[1]);
	for (nr = lo; nr <= hi; nr++)
		printf("%llu 0x%08x\n", nr,
		    emulate(&prog, (uint32_t)nr, arch, args, NULL));
	free(prog.insn);
	return fflush(stdout) == 0 ? 0 : 1;
}
