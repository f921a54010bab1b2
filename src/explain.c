/*
 * --explain=SYSCALL[,ABI]: what one syscall gets and why.  The action
 * comes from running the compiled program in the BPF emulator, so the
 * result is the filter's, not the policy's; the reason comes from the
 * policy decision that produced that part of the program.
 */
#include <string.h>

#include "seccwrap.h"

#define PATH_MAX_GROUPS 8

/* Return the host ABI whose span contains NR: that with the highest
 * number base not above NR, the native one first among equals (x86_64
 * and i386 both start at 0), or NULL when NR is below every base.  With
 * SAME, look only at the ABIs whose calls a task of SAME makes by number
 * (arch_reaches()). */
static const struct abi *
abi_of_number(uint32_t nr, const struct abi *same)
{
	const struct abi *best = NULL, *a;
	unsigned int i;

	if (nr & 0x80000000u)
		return same ? same : host_abis[0];
	for (i = 0; i < host_abi_count; i++) {
		a = host_abis[i];
		if (same != NULL && !arch_reaches(same->audit_arch, a))
			continue;
		if (a->nr_base <= nr && nr <= host_abi_end(a) &&
		    (best == NULL || a->nr_base > best->nr_base))
			best = a;
	}
	return best;
}

static const struct range *
find_range(const struct policy *policy, uint32_t arch, uint32_t nr)
{
	const struct arch_policy *ap;
	unsigned int i, j;

	for (i = 0; i < policy->narch; i++) {
		ap = &policy->arch[i];
		if (ap->audit_arch != arch)
			continue;
		for (j = 0; j < ap->nranges; j++)
			if (nr >= ap->ranges[j].lo && nr <= ap->ranges[j].hi)
				return &ap->ranges[j];
	}
	return NULL;
}

static void
put_origin(struct out *o, const struct origin *at)
{
	const char *path[PATH_MAX_GROUPS];
	char top[64];
	unsigned int n, i;

	out_str(o, "from ");
	out_text(o, at->file, (size_t)-1);
	if (at->line) {
		out_char(o, ':');
		out_dec(o, at->line);
	}
	out_str(o, " '");
	out_str(o, at->command ? at->command : "?");
	if (at->item && at->item_len) {
		out_char(o, ' ');
		out_text(o, at->item, at->item_len);
	}
	out_char(o, '\'');
	if (at->via == NULL || at->item == NULL || at->item[0] != '@' ||
	    at->item_len >= sizeof(top))
		return;
	/* The item named a group: show the chain down to the member's.
	 * The group name ends before any ":ERRNO". */
	for (i = 0; i < at->item_len && at->item[i] != ':'; i++)
		top[i] = at->item[i];
	top[i] = '\0';
	n = group_path(top, at->via, path, PATH_MAX_GROUPS);
	if (n < 2)
		return;
	out_str(o, " via ");
	for (i = 1; i < n; i++) {
		if (i > 1)
			out_str(o, " -> ");
		out_str(o, path[i]);
	}
}

/* Say which line decided R: its whole action, or the action where no
 * argument rule matches. */
static void
put_reason(struct out *o, const struct range *r, const struct abi *abi,
	   uint32_t nr)
{
	const struct origin *at = r->decision.origin;

	if (nr & 0x80000000u) {
		out_str(o, "numbers with bit 31 set pass to the kernel, "
			"which returns ENOSYS");
		return;
	}
	if (at == NULL || at->file == NULL) {
		out_str(o, "no list in effect names it");
		return;
	}
	if (at->command && strcmp(at->command, "x32 ABI") == 0) {
		out_str(o, "the x32 ABI is denied as a whole");
		return;
	}
	if (at->command && strcmp(at->command, "another mips ABI") == 0) {
		out_str(o, "a call with another mips ABI's number is denied");
		return;
	}
	put_origin(o, at);
	if (at->item == NULL && at->command &&
	    (strcmp(at->command, "seccomp.keep") == 0 ||
	     strcmp(at->command, "seccomp.32.keep") == 0))
		out_str(o, ", not in the list");
	/* Named arch-private calls (arm's cacheflush at 0xf0002) lie past
	 * the table but are known.  Past the table, abi_syscall_name()
	 * names only those. */
	if (nr - abi->nr_base >= abi->nr_count &&
	    abi_syscall_name(abi, nr) == NULL)
		out_str(o, " (outside seccwrap's syscall table)");
}

/* Print ACTION, then the line that decided R when SHOW_REASON is set,
 * and end the line. */
static void
put_outcome(struct out *o, uint32_t action, int show_reason,
	    const struct range *r, const struct abi *abi, uint32_t nr)
{
	print_action(o, action);
	if (show_reason) {
		out_str(o, ", ");
		put_reason(o, r, abi, nr);
	}
	out_char(o, '\n');
}

static void
put_test(struct out *o, const struct arg_test *t)
{
	out_str(o, "arg");
	out_dec(o, t->arg);
	if (t->high)
		out_str(o, ".high");
	if (t->op == TEST_ANY) {
		out_str(o, " & ");
		out_hex(o, t->value, 1);
		return;
	}
	if (t->mask != 0xffffffffu) {
		out_str(o, " & ");
		out_hex(o, t->mask, 1);
	}
	out_str(o, t->op == TEST_EQ ? " == " : " != ");
	out_hex(o, t->value, 1);
}

static void
put_rules(struct out *o, const struct range *r, const struct abi *abi,
	  uint32_t nr)
{
	const struct decision *d = &r->decision;
	const struct arg_rule *rule;
	unsigned int i, j;

	for (i = 0; i < d->args->nrules; i++) {
		rule = &d->args->rule[i];
		out_str(o, "  if ");
		for (j = 0; j < rule->ntests; j++) {
			if (j)
				out_str(o, " and ");
			put_test(o, &rule->test[j]);
		}
		if (rule->ntests == 0)
			out_str(o, "always");
		out_str(o, ": ");
		print_action(o, rule->action);
		out_str(o, ", ");
		put_origin(o, rule->origin);
		out_char(o, '\n');
	}
	out_str(o, "  otherwise: ");
	/* Where the rest is not a plain allow, a line decided it: a list
	 * that denies or logs the call, or block-secondary. */
	put_outcome(o, d->action, d->action != RET_ALLOW, r, abi, nr);
}

/* Resolve WHAT, SPEC's syscall part, on ABI into *NR.  Report at AT and
 * return -1 if it is not a syscall there. */
static int
resolve(const struct origin *at, const struct abi *abi, const char *what,
	uint32_t *nr)
{
	/* "$161" as in a profile, "-1" as syscall(-1) passes it. */
	const char *digits = what[0] == '-' || what[0] == '$' ? what + 1 :
			     what;
	const char *problem, *other_abi;
	uint32_t n;
	unsigned int i;
	int index;
	long r;

	if (reject_leading_zero(at, "syscall number", what, digits,
				"firejail", 0, 0x7fffffffL))
		return -1;
	if (parse_uint32(digits, &n) == 0) {
		/* -1 means 0xffffffff, the nr that syscall(-1) passes to the
		 * filter. */
		*nr = what[0] == '-' ? -n : n;
		return 0;
	}
	/* No name starts with a digit. */
	if (what[0] == '$' || (*digits >= '0' && *digits <= '9')) {
		problem = "invalid syscall number '";
		goto invalid;
	}
	index = syscall_lookup(what);
	if (index < 0 && what[0] == '@') {
		msg(MSG_ERROR, at, "'", what, "' is a group: see "
		    "--debug-syscall-groups=", what, NULL);
		return -1;
	}
	if (index < 0) {
		problem = "unknown syscall '";
		goto invalid;
	}
	r = abi_syscall_nr(abi, (unsigned int)index);
	if (r < 0) {
		/* Name an ABI of the arch that has the call, if one does. */
		for (i = 0; i < host_abi_count; i++)
			if (abi_syscall_nr(host_abis[i], (unsigned int)index) >= 0)
				break;
		/* When no ABI has the call, OTHER_ABI is NULL and ends the
		 * message there. */
		other_abi = i < host_abi_count ? host_abis[i]->name : NULL;
		msg(MSG_ERROR, at, "'", what, "' is not a syscall on ",
		    abi->name, other_abi ? "; for that of " : NULL, other_abi,
		    ", use --explain=", what, ",", other_abi, NULL);
		return -1;
	}
	*nr = (uint32_t)r;
	return 0;
invalid:
	msg(MSG_ERROR, at, problem, what, "'", NULL);
	return -1;
}

void
unknown_abi(const struct origin *at, const char *name)
{
	char list[64];
	size_t used = 0, n;
	unsigned int i;

	/* At most four names of up to 8 bytes, each after ", ". */
	for (i = 0; i < host_abi_count; i++) {
		n = strlen(host_abis[i]->name);
		if (used + 2 + n >= sizeof(list))
			break;
		if (i > 0) {
			memcpy(list + used, ", ", 2);
			used += 2;
		}
		memcpy(list + used, host_abis[i]->name, n);
		used += n;
	}
	list[used] = '\0';
	msg(MSG_ERROR, at, "unknown ABI '", name, "' for ", arch_current(),
	    "; use one of: ", list, NULL);
}

/* Print what the filter does with NR, which a task of ABI calls as a
 * call of OWNER: ACTION, found by the emulator, and why, from R.  Return
 * 0, or 1 when ACTION is not R's action or the output failed. */
static int
put_explanation(const struct range *r, const struct abi *abi,
		const struct abi *owner, uint32_t nr, uint32_t action)
{
	const char *name = abi_syscall_name(owner, nr);
	struct out o;

	out_init(&o, 1);
	out_str(&o, name ? name : "unknown");
	out_str(&o, " (");
	out_str(&o, owner->name);
	out_char(&o, ' ');
	/* As --print shows it: x32's getpid is 0x40000027. */
	if (nr < 0x10000)
		out_dec(&o, nr);
	else
		out_hex(&o, nr, 8);
	if (owner != abi) {
		out_str(&o, " called by an ");
		out_str(&o, abi->name);
		out_str(&o, " task");
	}
	out_str(&o, "): ");
	if (r->decision.args) {
		out_str(&o, "depends on the arguments\n");
		put_rules(&o, r, owner, nr);
		return out_flush(&o) < 0;
	}
	put_outcome(&o, action, 1, r, owner, nr);
	/* The kernel runs these two without the filter (Linux 6.14 for
	 * uretprobe, later for uprobe): uprobe trampolines make them, and
	 * a denial there crashed the probed program. */
	if (action != RET_ALLOW && strcmp(abi->name, "x86_64") == 0 &&
	    name != NULL && (strcmp(name, "uretprobe") == 0 ||
	    strcmp(name, "uprobe") == 0))
		out_str(&o, "note: Linux 6.14 and later run x86_64 uretprobe "
			"(and later uprobe) without consulting seccomp, so "
			"this holds only on older kernels\n");
	if (action != r->decision.action) {
		out_str(&o, "seccwrap: internal error: the policy says ");
		print_action(&o, r->decision.action);
		out_char(&o, '\n');
		out_flush(&o);
		return 1;
	}
	return out_flush(&o) < 0;
}

int
explain(const struct policy *policy, const struct program *prog,
	const char *spec)
{
	struct origin at = { .file = "--explain" };
	const struct abi *abi = host_abis[0];
	const struct range *r;
	char what[64], *comma;
	const struct abi *owner = NULL;
	uint32_t nr;
	size_t len = strlen(spec);

	if (len >= sizeof(what)) {
		msg(MSG_ERROR, &at, "invalid syscall '", spec, "'", NULL);
		return 1;
	}
	/* memcpy rather than strcpy, whose C library code is larger. */
	memcpy(what, spec, len + 1);
	comma = strchr(what, ',');
	if (comma) {
		*comma++ = '\0';
		abi = abi_by_name(comma);
		if (abi == NULL) {
			unknown_abi(&at, comma);
			return 1;
		}
	}
	if (resolve(&at, abi, what, &nr) < 0)
		return 1;
	/* A number is the one in seccomp_data.nr, base included, as in the
	 * lists: n64's execve is 5057, x32's getpid 0x40000027.  Only the
	 * number distinguishes ABIs that share an audit arch (x86_64 and
	 * x32).  A mips task makes the other mips ABIs' calls by their
	 * numbers (o32's mount as 4021), under its own audit arch. */
	if (comma == NULL) {
		abi = abi_of_number(nr, NULL);
		if (abi == NULL)
			abi = host_abis[0];
	} else if ((owner = abi_of_number(nr, abi)) != NULL &&
		   owner->nr_base != abi->nr_base &&
		   owner->audit_arch == abi->audit_arch) {
		msg(MSG_ERROR, &at, "'", what, "' is not a number of ",
		    abi->name, " but of ", owner->name, NULL);
		return 1;
	}
	if (owner == NULL || owner->nr_base == abi->nr_base)
		owner = abi;
	r = find_range(policy, abi->audit_arch, nr);
	if (r == NULL) {
		msg(MSG_ERROR, &at, "the filter has no part for ABI ",
		    abi->name, NULL);
		return 1;
	}
	return put_explanation(r, abi, owner, nr,
			       emulate(prog, nr, abi->audit_arch, NULL, NULL));
}
