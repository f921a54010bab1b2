/*
 * The --debug-* options: the tables and groups seccwrap uses, printed in
 * firejail's formats so that scripts written for firejail keep working.
 */
#include <stdlib.h>
#include <string.h>

#include "seccwrap.h"

/* Print "NR<tab>- NAME", the line format of the syscall and errno lists. */
static void
put_entry(struct out *o, unsigned long nr, const char *name)
{
	out_dec(o, nr);
	out_str(o, "\t- ");
	out_str(o, name);
	out_char(o, '\n');
}

/* Print the name of each syscall of ABI numbered from LO to below END. */
static void
put_names(struct out *o, const struct abi *abi, uint32_t lo, uint32_t end)
{
	const char *name;
	uint32_t nr;

	for (nr = lo; nr < end; nr++) {
		name = abi_syscall_name(abi, nr);
		if (name != NULL)
			put_entry(o, nr, name);
	}
}

void
debug_syscalls(const struct abi *abi)
{
	struct out o;

	out_init(&o, 1);
	put_names(&o, abi, abi->nr_base, abi->nr_base + abi->nr_count);
	/* Then the arch-private calls (arm's 0xf0001 on). */
	if (abi->private_hi != 0)
		put_names(&o, abi, abi->private_lo, abi->private_hi + 1);
	out_flush(&o);
}

void
debug_errnos(void)
{
	struct out o;
	const char *name;
	unsigned int i;
	int value;

	out_init(&o, 1);
	for (i = 0;; i++) {
		errno_at(i, &name, &value);
		if (name == NULL)
			break;
		put_entry(&o, (unsigned long)value, name);
	}
	out_flush(&o);
}

void
debug_protocols(void)
{
	struct out o;

	out_init(&o, 1);
	/* Byte for byte firejail's output, the trailing ", " included. */
	out_str(&o, protocol_choices);
	out_str(&o, ", \n");
	out_flush(&o);
}

struct members {
	struct out *o;
	unsigned char *seen;
	int first;
};

static void
print_member(void *ctx, const struct list_entry *e)
{
	struct members *m = ctx;

	if (m->seen[e->value])
		return;
	m->seen[e->value] = 1;
	if (!m->first)
		out_char(m->o, ',');
	m->first = 0;
	out_str(m->o, syscall_name((unsigned int)e->value));
}

/* Return 0 when GROUP names a group, else report it and return 1. */
static unsigned int
group_known(const char *group, const struct origin *at)
{
	if (group[0] == '@' && group_find(group) >= 0)
		return 0;
	msg(MSG_ERROR, at, "unknown syscall group '", group, "'",
	    strchr(group, '@') ? NULL : "; group names start with '@'",
	    NULL);
	return 1;
}

/* Print "@group=member,member,..." with nested groups flattened. */
static unsigned int
print_group(struct out *o, const char *group, const struct origin *at)
{
	struct members m;
	unsigned int errors;

	m.o = o;
	m.first = 1;
	m.seen = calloc(syscall_name_count(), 1);
	if (m.seen == NULL)
		return 1;
	out_str(o, group);
	out_char(o, '=');
	errors = list_walk(group, at, print_member, &m);
	out_char(o, '\n');
	free(m.seen);
	return errors;
}

unsigned int
debug_groups(const char *list)
{
	struct origin at = { .file = "--debug-syscall-groups" };
	const char *p;
	unsigned int i, errors = 0;
	char item[LIST_ITEM_SIZE];
	struct out o;

	out_init(&o, 1);
	if (list == NULL) {
		for (i = 0; i < group_count(); i++) {
			out_str(&o, group_name(i));
			out_str(&o, " - ");
			out_str(&o, group_description(i));
			out_char(&o, '\n');
		}
		out_flush(&o);
		return 0;
	}
	/* Check every name before printing any, so that a bad one leaves
	 * standard output empty rather than half written. */
	for (p = list; list_next_item(&p, item, NULL);)
		errors += group_known(item, &at);
	if (errors > 0)
		return errors;
	while (list_next_item(&list, item, NULL))
		errors += print_group(&o, item, &at);
	out_flush(&o);
	return errors;
}
