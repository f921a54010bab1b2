/*
 * Syscall names and numbers per ABI, and the choice of an architecture's
 * ABIs (src/arch.h).  The names and numbers come from the compact tables
 * that gen/tables.sh generates out of the kernel's UAPI headers, in the
 * format that gen/syscalls.awk describes.  The first name lookup decodes
 * the names, and the first number lookup of an ABI its table, so a run
 * decodes only the tables of its architecture, each once: a table that
 * copies from another ABI of the same arch (x32 from x86_64) reads the
 * parent's decoded slot.
 */
#include <string.h>

#include "seccwrap.h"
#include "errnos.h"
#include "syscalls.h"
#include "arch.h"

/* A value in struct abi.nr with this bit set is an arch-private call:
 * the ABI's private_lo plus the other bits. */
#define NR_PRIVATE 0x8000u
/* A mips ABI numbers its calls from its base (4000, 5000, 6000) to at
 * most 999 above it (the __NR_*_Linux bases of the mips asm/unistd.h). */
#define MIPS_SPAN 1000u

/*
 * The ABIs of the selected arch, and per slot, decoded on the first
 * lookup, the name index of each number (slot_names) and the number of
 * each name index (slot_numbers).  Every struct abi is one of these
 * slots.  All of it starts zeroed and the first use selects the build
 * host's arch: without initialised writable data, a static binary needs
 * no file page for its data segment.
 */
static struct abi abi_slot[HOST_ABI_MAX];
static uint16_t slot_names[HOST_ABI_MAX][SYSCALL_COUNT_MAX];
static uint16_t slot_numbers[HOST_ABI_MAX][SYSCALL_NAMES];
static unsigned int slots_ready;	/* bit J set: slot J is decoded */
static const struct abi *const slot_list[HOST_ABI_MAX] = {
	&abi_slot[0], &abi_slot[1], &abi_slot[2]
};
static unsigned int slot_count;

static const struct arch *selected;	/* NULL until the first use */
static unsigned int own_abi;	/* slot of the ABI seccwrap runs on */

static void select_arch(const struct arch *arch);

static inline void
ensure_selected(void)
{
	if (selected == NULL)
		select_arch(&arches[HOST]);
}

const struct abi *const *
host_abi_list(void)
{
	ensure_selected();
	return slot_list;
}

unsigned int
host_abi_number(void)
{
	ensure_selected();
	return slot_count;
}

/* The decoded names.  A run that names no syscall never touches them.
 * In .bss they cost two page faults per default run, 20 instead of 18. */
static char pool[SYSCALL_POOL_SIZE] LATE_BSS;
static uint16_t pool_offset[SYSCALL_NAMES] LATE_BSS;
static int pool_ready;

/*
 * A bit string, read from the most significant bit of each byte.  The
 * top HAVE bits of BUF are the next bits of the string.  An operation of
 * a table takes at most 4 + 31 bits (a gamma code of a length below
 * 2^15), so one fill() before each, which keeps 40 bits or more while
 * the codes last, is enough.  Filling 64 bits eight bytes at a time
 * decodes with a quarter fewer instructions (callgrind) than one
 * byte at a time.
 */
struct bits {
	const unsigned char *byte, *end;
	uint64_t buf;
	unsigned int have;
};

/* These three are inlined by force: -Os would call them once per
 * syscall number, and keep the bit buffer in memory. */
static inline __attribute__((__always_inline__)) void
fill(struct bits *b)
{
	const unsigned char *p = b->byte;
	uint64_t word;

	if (b->have >= 40)
		return;
	if (b->end - p < 8) {
		while (b->have <= 56 && b->byte < b->end) {
			b->buf |= (uint64_t)*b->byte++ << (56 - b->have);
			b->have += 8;
		}
		return;
	}
	/* Eight bytes at once.  The bits past the whole bytes taken are the
	 * string's next bits too, so the next fill() sets them again to the
	 * same values. */
	word = (uint64_t)p[0] << 56 | (uint64_t)p[1] << 48 |
	       (uint64_t)p[2] << 40 | (uint64_t)p[3] << 32 |
	       (uint64_t)p[4] << 24 | (uint64_t)p[5] << 16 |
	       (uint64_t)p[6] << 8 | (uint64_t)p[7];
	b->buf |= word >> b->have;
	b->byte += (63 - b->have) >> 3;
	b->have |= 56;
}

/* Return the next N bits, N from 1 to 16, which fill() has provided. */
static inline __attribute__((__always_inline__)) unsigned int
read_bits(struct bits *b, unsigned int n)
{
	unsigned int v = (unsigned int)(b->buf >> (64 - n));

	b->buf <<= n;
	b->have -= n;
	return v;
}

/* Read an Elias gamma code: n zero bits, then the value in n + 1 bits.
 * A length is at most a table's count, far below 2^15, so n is at most
 * 14. */
static inline __attribute__((__always_inline__)) unsigned int
read_length(struct bits *b)
{
	unsigned int zeros;

	zeros = b->buf ? (unsigned int)__builtin_clzll(b->buf) : 15;
	if (zeros > 15)
		zeros = 15;
	b->buf <<= zeros;
	b->have -= zeros;
	return read_bits(b, zeros + 1);
}

/* Return the N bits, N from 1 to 8, at bit POS of syscall_names_code[],
 * read from the most significant bit of each byte. */
static unsigned int
name_bits(unsigned int pos, unsigned int n)
{
	const unsigned char *p = syscall_names_code + pos / 8;
	unsigned int word = (unsigned int)p[0] << 8 | p[1];

	return word >> (16 - pos % 8 - n) & ((1u << n) - 1);
}

/* Undo the front coding of syscall_names_code[]: per name, the length
 * of the prefix it shares with the name before, then the codes of the
 * other characters in syscall_name_chars[] up to the NUL, code 0.  The
 * highest code value is an escape, and the next code is added to it. */
static void
load_names(void)
{
	const unsigned int escape = (1u << SYSCALL_CHAR_BITS) - 1;
	unsigned int i, keep, c, pos = 0, at = 0, prev = 0;

	for (i = 0; i < SYSCALL_NAMES; i++) {
		pool_offset[i] = (uint16_t)at;
		keep = name_bits(pos, SYSCALL_PREFIX_BITS);
		pos += SYSCALL_PREFIX_BITS;
		for (; keep > 0; keep--)
			pool[at++] = pool[prev++];
		do {
			c = name_bits(pos, SYSCALL_CHAR_BITS);
			pos += SYSCALL_CHAR_BITS;
			if (c == escape) {
				c += name_bits(pos, SYSCALL_CHAR_BITS);
				pos += SYSCALL_CHAR_BITS;
			}
			pool[at++] = syscall_name_chars[c];
		} while (c != 0);
		prev = pool_offset[i];
	}
	pool_ready = 1;
}

static const char *
name_at(unsigned int index)
{
	if (!pool_ready)
		load_names();
	return pool + pool_offset[index];
}

/* Return the decoded names of table T when a slot of the selected arch
 * contains them, else NULL. */
static const uint16_t *
decoded_names(unsigned int t)
{
	unsigned int j;

	for (j = 0; j < slot_count; j++)
		if ((slots_ready >> j & 1u) && abi_slot[j].table == t)
			return slot_names[j];
	return NULL;
}

/* Fill SLOT with the name index of each number of table T, without its
 * base, and SYSCALL_ABSENT where the table has no name.  When NUMBERS is
 * not NULL, also set the number of each name there, the higher number
 * of a name the table gives twice.  A parent that no slot contains is
 * decoded on the stack. */
static void
decode_slots(unsigned int t, uint16_t slot[SYSCALL_COUNT_MAX],
	     uint16_t *numbers)
{
	const struct syscall_table *table = &syscall_tables[t];
	struct bits b = { syscall_code + table->code,
			  syscall_code + sizeof(syscall_code), 0, 0 };
	uint16_t own_parent[SYSCALL_COUNT_MAX];
	const uint16_t *parent = NULL;
	unsigned int nr = 0, n, at, op, count = table->count;
	int shift = 0;

	if (table->parent != TABLE_NONE) {
		parent = decoded_names(table->parent);
		if (parent == NULL) {
			decode_slots(table->parent, own_parent, NULL);
			parent = own_parent;
		}
	}
	for (n = count; n < SYSCALL_COUNT_MAX; n++)
		slot[n] = SYSCALL_ABSENT;
	while (nr < count) {
		/* Most operations are names: a 0, then the name index. */
		fill(&b);
		if (!(b.buf >> 63)) {
			n = read_bits(&b, 1 + SYSCALL_NAME_BITS);
			slot[nr] = (uint16_t)n;
			if (numbers != NULL)
				numbers[n] = (uint16_t)nr;
			nr++;
			continue;
		}
		/* Every other operation starts with OP 1 bits and a 0, or
		 * with four 1 bits, and ends with a length.  OP 1 copies from
		 * the parent, 2 marks unused numbers, 3 and 4 shift up and
		 * down. */
		for (op = 0; op < 4 && read_bits(&b, 1) == 1; op++)
			;
		n = read_length(&b);
		if (op == 3) {
			shift += (int)n;
		} else if (op == 4) {
			shift -= (int)n;
		} else {
			for (; n > 0 && nr < count; n--, nr++) {
				at = nr + (unsigned int)shift;
				slot[nr] = op == 1 && at < SYSCALL_COUNT_MAX ?
					   parent[at] : SYSCALL_ABSENT;
				if (numbers != NULL &&
				    slot[nr] != SYSCALL_ABSENT)
					numbers[slot[nr]] = (uint16_t)nr;
			}
		}
	}
}

/* Decode the table of slot J into slot_names[J] and slot_numbers[J]. */
static void
load_slot(unsigned int j)
{
	unsigned int t = abi_slot[j].table;
	uint32_t private_base = syscall_tables[t].private_base;
	uint16_t *names = slot_names[j], *numbers = slot_numbers[j];
	const struct syscall_extra *e;

	/* SYSCALL_ABSENT is 0xffff. */
	memset(numbers, 0xff, SYSCALL_NAMES * sizeof(*numbers));
	decode_slots(t, names, numbers);
	for (e = syscall_extra; e < syscall_extra + SYSCALL_EXTRAS; e++) {
		if (e->table != t)
			continue;
		if (private_base != 0 && e->nr >= private_base)
			numbers[e->name] = (uint16_t)(NR_PRIVATE |
						      (e->nr - private_base));
		else
			numbers[e->name] = (uint16_t)e->nr;
	}
	abi_slot[j].nr = numbers;
	slots_ready |= 1u << j;
}

/* Return the number of each name index on ABI, decoding its table on
 * the first call after arch_select(). */
static const uint16_t *
numbers_of(const struct abi *abi)
{
	unsigned int j = (unsigned int)(abi - abi_slot);

	if (!(slots_ready >> j & 1u))
		load_slot(j);
	return abi->nr;
}

/* strcmp(), kept here because the nolibc build has no C library. */
static int
compare(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

unsigned int
syscall_name_count(void)
{
	return SYSCALL_NAMES;
}

const char *
syscall_name(unsigned int index)
{
	if (index >= SYSCALL_NAMES)
		return NULL;
	return name_at(index);
}

/* The pool is sorted by strcmp(), so a binary search finds the index. */
int
syscall_lookup(const char *name)
{
	unsigned int lo = 0, hi = SYSCALL_NAMES, mid;
	int order;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		order = compare(name, name_at(mid));
		if (order == 0)
			return (int)mid;
		if (order < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

long
abi_syscall_nr(const struct abi *abi, unsigned int index)
{
	uint16_t v;

	if (index >= SYSCALL_NAMES)
		return -1;
	v = numbers_of(abi)[index];
	if (v == SYSCALL_ABSENT)
		return -1;
	if (v & NR_PRIVATE)
		return (long)abi->private_lo + (v & ~NR_PRIVATE);
	return (long)abi->nr_base + v;
}

/*
 * Where a number has two names (an alias in syscall_extra[]), the first
 * in strcmp() order is returned.  The candidates are the name the table
 * gives the number and the extras of its table.  A name that the table
 * also gives a later number keeps only the later one, as in numbers_of().
 */
const char *
abi_syscall_name(const struct abi *abi, uint32_t nr)
{
	const struct syscall_extra *e;
	const uint16_t *numbers;
	unsigned int j = (unsigned int)(abi - abi_slot), best = SYSCALL_NAMES;
	uint32_t want;

	if (abi->private_hi != 0 && nr >= abi->private_lo &&
	    nr <= abi->private_hi)
		want = NR_PRIVATE | (nr - abi->private_lo);
	else if (nr >= abi->nr_base && nr - abi->nr_base < abi->nr_count)
		want = nr - abi->nr_base;
	else
		return NULL;
	numbers = numbers_of(abi);
	if (!(want & NR_PRIVATE) && slot_names[j][want] != SYSCALL_ABSENT &&
	    numbers[slot_names[j][want]] == want)
		best = slot_names[j][want];
	for (e = syscall_extra; e < syscall_extra + SYSCALL_EXTRAS; e++)
		if (e->table == abi->table && e->name < best &&
		    numbers[e->name] == want)
			best = e->name;
	return best < SYSCALL_NAMES ? name_at(best) : NULL;
}

const struct abi *
abi_by_name(const char *name)
{
	unsigned int i;

	ensure_selected();
	for (i = 0; i < slot_count; i++)
		if (compare(name, abi_slot[i].name) == 0)
			return &abi_slot[i];
	return NULL;
}

/* Fill S, which select_arch() has zeroed, with the ABI that descriptor D
 * and its table describe.  S->nr stays NULL until the first lookup. */
static void
fill_slot(struct abi *s, const struct abi_desc *d)
{
	const struct syscall_table *t = &syscall_tables[d->table];

	s->name = d->name;
	s->audit_arch = d->audit_arch;
	s->nr_base = t->base;
	s->nr_count = t->count;
	s->flags = d->flags;
	s->private_lo = t->private_base;
	s->private_hi = t->private_base ?
			t->private_base + PRIVATE_SPAN - 1 : 0;
	s->table = d->table;
}

/* Make ARCH's ABIs the slots, none of them decoded yet. */
static void
select_arch(const struct arch *arch)
{
	unsigned int j;

	selected = arch;
	/* seccwrap's own ABI, where ARCH has it: i386 is slot 1 when an
	 * i386 build selects x86_64, by its kernel or by --arch. */
	own_abi = 0;
	memset(abi_slot, 0, sizeof(abi_slot));
	for (j = 0; j < arch->count; j++) {
		if (arch->abi[j] == arches[HOST].abi[0])
			own_abi = j;
		fill_slot(&abi_slot[j], &abi_descs[arch->abi[j]]);
	}
	slot_count = arch->count;
	slots_ready = 0;
}

int
arch_select(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARCHES; i++) {
		if (compare(name, arches[i].name) == 0) {
			select_arch(&arches[i]);
			return 0;
		}
	}
	return -1;
}

/*
 * A 32-bit arch whose programs also run on the kernel of a 64-bit one,
 * the machine name that uname(2) gives there to a task without the
 * PER_LINUX32 personality (UTS_MACHINE of each kernel's Makefile), and
 * the start of the name it gives with it (COMPAT_UTS_MACHINE of each
 * kernel's asm/compat.h: "armv8l" or "armv8b", "ppc" or "ppcle").
 */
static const struct kernel64 {
	uint8_t arch32;
	uint8_t arch64;
	char machine[10];
	char compat[7];
} kernel64[] = {
	{ ARCH_I386, ARCH_X86_64, "x86_64", "i686" },
	{ ARCH_ARM, ARCH_AARCH64, "aarch64", "armv8" },
	{ ARCH_PPC, ARCH_PPC64, "ppc64", "ppc" },
	{ ARCH_S390, ARCH_S390X, "s390x", "s390" },
	{ ARCH_MIPS, ARCH_MIPS64, "mips64", "mips" },
	{ ARCH_MIPSEL, ARCH_MIPS64EL, "mips64", "mips" },
	{ ARCH_PARISC, ARCH_PARISC64, "parisc64", "parisc" },
};

uint32_t
host_abi_end(const struct abi *abi)
{
	uint32_t end = 0xffffffffu;
	unsigned int i;

	ensure_selected();
	for (i = 0; i < slot_count; i++)
		if (abi_slot[i].nr_base > abi->nr_base &&
		    abi_slot[i].nr_base - 1 < end)
			end = abi_slot[i].nr_base - 1;
	if ((abi->flags & ABI_NR_RANGE) && abi->nr_base + MIPS_SPAN - 1 < end)
		end = abi->nr_base + MIPS_SPAN - 1;	/* 6999 for n32 */
	return end;
}

int
arch_reaches(uint32_t audit_arch, const struct abi *b)
{
	unsigned int i;

	if (b->audit_arch == audit_arch)
		return 1;
	if (!(b->flags & ABI_NR_RANGE))
		return 0;
	ensure_selected();
	for (i = 0; i < slot_count; i++)
		if (abi_slot[i].audit_arch == audit_arch &&
		    (abi_slot[i].flags & ABI_NR_RANGE))
			return 1;
	return 0;
}

const struct abi *
host_abi32(void)
{
	unsigned int i;

	ensure_selected();
	for (i = 1; i < slot_count; i++)
		if (!(abi_slot[i].flags & ABI_64BIT) &&
		    abi_slot[i].audit_arch != abi_slot[0].audit_arch)
			return &abi_slot[i];
	return NULL;
}

/* Return the kernel64[] entry whose arch32 is this build's arch, or
 * NULL.  No arch is the arch32 of two entries. */
static const struct kernel64 *
own_kernel64(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(kernel64) / sizeof(kernel64[0]); i++)
		if (kernel64[i].arch32 == HOST)
			return &kernel64[i];
	return NULL;
}

int
arch_has_kernel64(void)
{
	return own_kernel64() != NULL;
}

int
arch_compat_machine(const char *machine)
{
	const struct kernel64 *k = own_kernel64();

	return k != NULL && strncmp(machine, k->compat, strlen(k->compat)) == 0;
}

int
arch_select_kernel(const char *machine)
{
	const struct kernel64 *k = own_kernel64();

	if (k == NULL || (machine != NULL && strcmp(k->machine, machine) != 0))
		return 0;
	select_arch(&arches[k->arch64]);
	return 1;
}

unsigned int
arch_own_abi(void)
{
	return own_abi;
}

const char *
arch_current(void)
{
	ensure_selected();
	return selected->name;
}

unsigned int
arch_errno_table(void)
{
	ensure_selected();
	return selected->errno_table;
}

unsigned int
arch_own_errno_table(void)
{
	return arches[HOST].errno_table;
}
