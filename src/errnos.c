/*
 * Errno names and values of the selected architecture, from
 * tables/errnos.h, which gen/tables.sh generates out of the kernel's
 * asm/errno.h of each arch.
 */
#include <string.h>

#include "seccwrap.h"
#include "errnos.h"

/*
 * Names the kernel headers lack but firejail's errno list has (ENOATTR
 * only where the C library defines it).  glibc 2.36 and musl 1.2 define
 * ENOTSUP as EOPNOTSUPP.  On Linux, ENOATTR is the customary name for
 * ENODATA, which the xattr calls return for a missing attribute.
 */
static const struct {
	const char *alias;
	const char *name;
} errno_aliases[] = {
	{ "ENOTSUP", "EOPNOTSUPP" },
	{ "ENOATTR", "ENODATA" },
};
#define ALIASES (sizeof(errno_aliases) / sizeof(errno_aliases[0]))

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int
equal_nocase(const char *a, const char *b)
{
	while (*a != '\0' && lower(*a) == lower(*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

/*
 * A walk over the entries of one arch's errno table, each followed by
 * its aliases, so that lookups and --debug-errnos use the same names.
 */
struct entries {
	unsigned int at;	/* offset in errno_code[] */
	unsigned int end;
	int value;
	const char *name;
	const char *table_name;	/* the name in the table, for its aliases */
	unsigned int alias;	/* next errno_aliases[] index to try */
};

/* Start a walk over table T, an ERRNO_TABLE_* of tables/errnos.h. */
static void
entries_start(struct entries *e, unsigned int t)
{
	e->at = errno_table_start[t];
	e->end = errno_table_start[t + 1];
	e->value = 0;
	e->name = NULL;
	e->table_name = "";
	e->alias = ALIASES;
}

/* Step to the next name: an alias of the last table entry, else the next
 * entry.  Return 0 past the last. */
static int
entries_next(struct entries *e)
{
	unsigned int delta;

	while (e->alias < ALIASES) {
		if (strcmp(errno_aliases[e->alias++].name, e->table_name) == 0) {
			e->name = errno_aliases[e->alias - 1].alias;
			return 1;
		}
	}
	if (e->at >= e->end)
		return 0;
	delta = errno_code[e->at++];
	if (delta == 255) {
		e->value = errno_code[e->at] << 8 | errno_code[e->at + 1];
		e->at += 2;
	} else {
		e->value += (int)delta;
	}
	e->name = errno_pool + errno_pool_offset[errno_code[e->at++]];
	e->table_name = e->name;
	e->alias = 0;
	return 1;
}

unsigned int
errno_count(void)
{
	struct entries e;
	unsigned int n = 0;

	entries_start(&e, arch_errno_table());
	while (entries_next(&e))
		n++;
	return n;
}

void
errno_at(unsigned int index, const char **name, int *value)
{
	struct entries e;
	unsigned int i = 0;

	entries_start(&e, arch_errno_table());
	while (entries_next(&e)) {
		if (i++ == index) {
			*name = e.name;
			*value = e.value;
			return;
		}
	}
	*name = NULL;
	*value = -1;
}

int
errno_lookup(const char *name)
{
	struct entries e;

	entries_start(&e, arch_errno_table());
	while (entries_next(&e)) {
		if (equal_nocase(name, e.name))
			return e.value;
	}
	return -1;
}

/* A table is sorted by value, and the first name of a value is the
 * canonical one, so the first match wins. */
static const char *
name_in(unsigned int table, int value)
{
	struct entries e;

	entries_start(&e, table);
	while (entries_next(&e)) {
		if (e.value == value)
			return e.name;
	}
	return NULL;
}

const char *
errno_name(int value)
{
	return name_in(arch_errno_table(), value);
}

/* Errno values differ between arches (ENAMETOOLONG is 36 on x86_64 and
 * 78 on mips), so a failed open() under --arch=mips is named in the
 * table of the arch seccwrap runs on. */
const char *
errno_text(int value)
{
	const char *name = name_in(arch_own_errno_table(), value);

	return name ? name : "error";
}
