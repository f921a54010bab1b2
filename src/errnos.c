/*
 * Errno names and values of the host, from tables/errnos.h, which
 * gen/tables.sh generates out of the kernel's asm/errno.h.
 */
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

/* Return 1 when A and B are equal apart from ASCII case. */
static int
equal_nocase(const char *a, const char *b)
{
	while (*a != '\0' && lower(*a) == lower(*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

unsigned int
errno_count(void)
{
	return ERRNO_NAMES;
}

void
errno_at(unsigned int index, const char **name, int *value)
{
	if (index >= ERRNO_NAMES) {
		*name = NULL;
		*value = -1;
		return;
	}
	*name = errno_pool + errno_pool_offset[index];
	*value = errno_value[index];
}

int
errno_lookup(const char *name)
{
	unsigned int i;

	for (i = 0; i < ALIASES; i++) {
		if (equal_nocase(name, errno_aliases[i].alias)) {
			name = errno_aliases[i].name;
			break;
		}
	}
	for (i = 0; i < ERRNO_NAMES; i++) {
		if (equal_nocase(name, errno_pool + errno_pool_offset[i]))
			return errno_value[i];
	}
	return -1;
}

/* The table is sorted by value, and the first name of a value is the
 * canonical one, so the first match wins. */
const char *
errno_name(int value)
{
	unsigned int i;

	for (i = 0; i < ERRNO_NAMES; i++) {
		if (errno_value[i] == value)
			return errno_pool + errno_pool_offset[i];
	}
	return NULL;
}
