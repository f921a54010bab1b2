/*
 * Syscall names and numbers per ABI, and the choice of an architecture's
 * ABIs (src/arch.h).  The names and numbers come from the compact tables
 * that gen/tables.sh generates out of the kernel's UAPI headers, in the
 * format that gen/syscalls.awk describes.  The first name lookup decodes
 * the names, and the first number lookup of an ABI its table, so a run
 * decodes only the tables of its architecture.
 */
#include "seccwrap.h"
#include "errnos.h"
#include "syscalls.h"
#include "arch.h"

/* A value in struct abi.nr with this bit set is an arch-private call:
 * the ABI's private_lo plus the other bits. */
#define NR_PRIVATE 0x8000u

/* The ABIs of the selected arch, the build host's to begin with, and the
 * numbers of each, which the first lookup decodes.  Every struct abi is
 * one of these slots. */
static struct abi abi_slot[HOST_ABI_MAX] = { HOST_ABIS };
static uint16_t slot_numbers[HOST_ABI_MAX][SYSCALL_NAMES];
static unsigned int slots_ready;	/* bit J set: slot J is decoded */
const struct abi *const host_abis[HOST_ABI_MAX] = {
	&abi_slot[0], &abi_slot[1], &abi_slot[2], &abi_slot[3]
};
unsigned int host_abi_count =
	sizeof((struct abi[]){ HOST_ABIS }) / sizeof(struct abi);

static const struct arch *selected = &arches[HOST];

static char pool[SYSCALL_POOL_SIZE];
static uint16_t pool_offset[SYSCALL_NAMES];
static int pool_ready;

/* A bit string, read from the most significant bit of each byte. */
struct bits {
	const unsigned char *byte;
	unsigned long pos;
};

/* Return the next N bits (N at most 16) without moving past them.  The
 * read spans three bytes, so the generated codes end in two of padding. */
static inline unsigned int
peek_bits(const struct bits *b, unsigned int n)
{
	const unsigned char *p = b->byte + (b->pos >> 3);
	unsigned long window = (unsigned long)p[0] << 16 | p[1] << 8 | p[2];

	return (unsigned int)(window >> (24 - n - (b->pos & 7))) &
	       ((1u << n) - 1);
}

static inline unsigned int
read_bits(struct bits *b, unsigned int n)
{
	unsigned int v = peek_bits(b, n);

	b->pos += n;
	return v;
}

/* Read an Elias gamma code: n zero bits, then the value in n + 1 bits. */
static unsigned int
read_length(struct bits *b)
{
	unsigned int zeros = 0;

	while (read_bits(b, 1) == 0)
		zeros++;
	return 1u << zeros | read_bits(b, zeros);
}

/* Undo the front coding of syscall_names_code[]: per name, a byte with
 * the length of the prefix it shares with the name before, then the
 * other characters, the last with bit 7 set. */
static void
load_names(void)
{
	const unsigned char *code = syscall_names_code;
	unsigned int i, keep, at = 0, prev = 0;

	for (i = 0; i < SYSCALL_NAMES; i++) {
		pool_offset[i] = (uint16_t)at;
		for (keep = *code++; keep > 0; keep--)
			pool[at++] = pool[prev++];
		do
			pool[at++] = (char)(*code & 0x7f);
		while (!(*code++ & 0x80));
		pool[at++] = '\0';
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

/* Fill SLOT with the name index of each number of table T, without its
 * base, and SYSCALL_ABSENT where the table has no name. */
static void
decode_slots(unsigned int t, uint16_t slot[SYSCALL_COUNT_MAX])
{
	const struct syscall_table *table = &syscall_tables[t];
	struct bits b = { syscall_code + table->code, 0 };
	uint16_t parent[SYSCALL_COUNT_MAX];
	unsigned int nr = 0, n, at, op;
	int shift = 0;

	if (table->parent != TABLE_NONE)
		decode_slots(table->parent, parent);
	for (n = 0; n < SYSCALL_COUNT_MAX; n++)
		slot[n] = SYSCALL_ABSENT;
	while (nr < table->count) {
		/* Most operations are names: one read takes the 0 and the
		 * name after it. */
		op = peek_bits(&b, 1 + SYSCALL_NAME_BITS);
		if (op >> SYSCALL_NAME_BITS == 0) {
			b.pos += 1 + SYSCALL_NAME_BITS;
			slot[nr++] = (uint16_t)op;
			continue;
		}
		b.pos++;
		if (read_bits(&b, 1) == 0) {
			for (n = read_length(&b); n > 0 && nr < table->count;
			     n--, nr++) {
				at = nr + (unsigned int)shift;
				if (at < SYSCALL_COUNT_MAX)
					slot[nr] = parent[at];
			}
		} else if (read_bits(&b, 1) == 0) {
			nr += read_length(&b);
		} else if (read_bits(&b, 1) == 0) {
			shift += (int)read_length(&b);
		} else {
			shift -= (int)read_length(&b);
		}
	}
}

/* Decode table T into NUMBERS, the number of each name index. */
static void
load_table(unsigned int t, uint16_t numbers[SYSCALL_NAMES])
{
	uint16_t slot[SYSCALL_COUNT_MAX];
	uint32_t private_base = syscall_tables[t].private_base;
	const struct syscall_extra *e;
	unsigned int i;

	decode_slots(t, slot);
	for (i = 0; i < SYSCALL_NAMES; i++)
		numbers[i] = SYSCALL_ABSENT;
	for (i = 0; i < syscall_tables[t].count; i++) {
		if (slot[i] != SYSCALL_ABSENT)
			numbers[slot[i]] = (uint16_t)i;
	}
	for (e = syscall_extra; e < syscall_extra + SYSCALL_EXTRAS; e++) {
		if (e->table != t)
			continue;
		if (private_base != 0 && e->nr >= private_base)
			numbers[e->name] = (uint16_t)(NR_PRIVATE |
						      (e->nr - private_base));
		else
			numbers[e->name] = (uint16_t)e->nr;
	}
}

/* Return the number of each name index on ABI, decoding its table on
 * the first call after arch_select(). */
static const uint16_t *
numbers_of(const struct abi *abi)
{
	unsigned int j = (unsigned int)(abi - abi_slot);

	if (!(slots_ready >> j & 1u)) {
		load_table(abi->table, slot_numbers[j]);
		abi_slot[j].nr = slot_numbers[j];
		slots_ready |= 1u << j;
	}
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
 * A linear scan of the SYSCALL_NAMES entries (about 500) per call, so
 * printing a whole table costs some 250000 comparisons and needs no
 * reverse index.  Where a number has two names, the first in strcmp()
 * order is returned.
 */
const char *
abi_syscall_name(const struct abi *abi, uint32_t nr)
{
	const uint16_t *numbers;
	uint32_t want;
	unsigned int i;

	if (abi->private_hi != 0 && nr >= abi->private_lo &&
	    nr <= abi->private_hi)
		want = NR_PRIVATE | (nr - abi->private_lo);
	else if (nr >= abi->nr_base && nr - abi->nr_base < abi->nr_count)
		want = nr - abi->nr_base;
	else
		return NULL;
	numbers = numbers_of(abi);
	for (i = 0; i < SYSCALL_NAMES; i++) {
		if (numbers[i] == want)
			return name_at(i);
	}
	return NULL;
}

const struct abi *
abi_by_name(const char *name)
{
	unsigned int i;

	for (i = 0; i < host_abi_count; i++) {
		if (compare(name, host_abis[i]->name) == 0)
			return host_abis[i];
	}
	return NULL;
}

/* Fill S with the ABI that descriptor D and its table describe. */
static void
fill_slot(struct abi *s, const struct abi_desc *d)
{
	const struct syscall_table *t = &syscall_tables[d->table];

	s->name = d->name;
	s->audit_arch = d->audit_arch;
	s->nr_base = t->base;
	s->nr = NULL;
	s->nr_count = t->count;
	s->flags = d->flags;
	s->private_lo = t->private_base;
	s->private_hi = t->private_base ?
			t->private_base + PRIVATE_SPAN - 1 : 0;
	s->table = d->table;
}

int
arch_select(const char *name)
{
	static const struct abi none;
	unsigned int i, j;

	for (i = 0; i < ARCHES; i++) {
		if (compare(name, arches[i].name) != 0)
			continue;
		selected = &arches[i];
		for (j = 0; j < HOST_ABI_MAX; j++) {
			abi_slot[j] = none;
			if (j < selected->count)
				fill_slot(&abi_slot[j],
					  &abi_descs[selected->abi[j]]);
		}
		host_abi_count = selected->count;
		slots_ready = 0;
		return 0;
	}
	return -1;
}

const char *
arch_current(void)
{
	return selected->name;
}

unsigned int
arch_errno_table(void)
{
	return selected->errno_table;
}
