/*
 * The meaning of each profile command and option: what it sets in struct
 * settings.  Lists are checked here, where the file and line are known,
 * and stored as text; policy.c expands them again per ABI.
 */
#include <string.h>

#include "seccwrap.h"

/*
 * firejail commands that do not concern seccomp: accepted and skipped.
 * One string of names, each ended by NUL and sorted by strcmp, which
 * index_others() turns into offsets at the first lookup: a table of
 * pointers would add 8 bytes a name to the binary.
 */
#define OTHER_COMMANDS_MAX 128
static const char other_commands[] =
	"allow-private-blacklist\0" "allusers\0" "apparmor\0"
	"apparmor-replace\0" "apparmor-stack\0" "bind\0" "blacklist\0"
	"blacklist-nolog\0" "caps\0" "caps.drop\0" "caps.keep\0" "cgroup\0"
	"cpu\0"
	"dbus-system\0" "dbus-system.broadcast\0" "dbus-system.call\0"
	"dbus-system.own\0" "dbus-system.see\0" "dbus-system.talk\0"
	"dbus-user\0" "dbus-user.broadcast\0" "dbus-user.call\0"
	"dbus-user.own\0" "dbus-user.see\0" "dbus-user.talk\0" "defaultgw\0"
	"deterministic-exit-code\0" "deterministic-shutdown\0" "disable-mnt\0"
	"dns\0" "env\0" "hostname\0" "hosts-file\0" "ip\0" "ip6\0"
	"ipc-namespace\0" "iprange\0" "join-or-start\0" "keep-config-pulse\0"
	"keep-dev-shm\0" "keep-fd\0" "keep-shell-rc\0" "keep-var-tmp\0"
	"landlock\0" "landlock.enforce\0" "landlock.fs.execute\0"
	"landlock.fs.makedev\0" "landlock.fs.makeipc\0" "landlock.fs.read\0"
	"landlock.fs.write\0" "landlock.proc\0" "mac\0" "machine-id\0"
	"mkdir\0" "mkfile\0" "mtu\0" "name\0" "net\0" "netfilter\0"
	"netfilter6\0" "netlock\0" "netmask\0" "netns\0" "nice\0" "no3d\0"
	"noautopulse\0" "noblacklist\0" "nodbus\0" "nodvd\0" "noexec\0"
	"nogroups\0" "noinput\0" "nonewprivs\0" "noprinters\0" "noroot\0"
	"nosound\0" "notv\0" "nou2f\0" "novideo\0" "nowhitelist\0" "overlay\0"
	"overlay-named\0" "overlay-tmpfs\0" "private\0" "private-bin\0"
	"private-cache\0" "private-cwd\0" "private-dev\0" "private-etc\0"
	"private-home\0" "private-lib\0" "private-opt\0" "private-srv\0"
	"private-tmp\0" "quiet\0" "read-only\0" "read-write\0" "rlimit-as\0"
	"rlimit-cpu\0" "rlimit-fsize\0" "rlimit-nofile\0" "rlimit-nproc\0"
	"rlimit-sigpending\0" "rmenv\0" "shell\0" "tab\0" "timeout\0"
	"tmpfs\0" "tracelog\0" "veth-name\0" "whitelist\0" "whitelist-ro\0"
	"writable-etc\0" "writable-run-user\0" "writable-var\0"
	"writable-var-log\0" "x11\0" "xephyr-screen\0";
/* Read only for profiles with firejail's other commands. */
static uint16_t other_offset[OTHER_COMMANDS_MAX] LATE_BSS;
static unsigned int other_count;

/* The names that restrict-namespaces and protocol take, in the form that
 * messages list them, and the flag of each name in the same order.
 * Names are looked up in these strings, so they are stored once. */
static const char namespace_choices[] =
	"cgroup, ipc, net, mnt, pid, time, user, uts";
static const uint32_t namespace_flags[] = {
	NS_CGROUP, NS_IPC, NS_NET, NS_MNT, NS_PID, NS_TIME, NS_USER, NS_UTS,
};
const char protocol_choices[] =
	"unix, inet, inet6, netlink, packet, bluetooth";
static const uint32_t protocol_flags[] = {
	PROTO_UNIX, PROTO_INET, PROTO_INET6, PROTO_NETLINK, PROTO_PACKET,
	PROTO_BLUETOOTH,
};

const char *const settings_commands[COMMAND_COUNT] = {
	"seccomp", "seccomp.drop", "seccomp.keep",
	"seccomp.32", "seccomp.32.drop", "seccomp.32.keep",
	"seccomp.block-secondary", "seccomp-error-action", "allow-debuggers",
	"memory-deny-write-execute", "restrict-namespaces", "protocol",
};

static void
index_others(void)
{
	const char *p = other_commands;

	while (*p != '\0' && other_count < OTHER_COMMANDS_MAX) {
		other_offset[other_count++] = (uint16_t)(p - other_commands);
		p += strlen(p) + 1;
	}
}

static int
is_other_command(const char *command)
{
	unsigned int lo = 0, hi, mid;
	int c;

	if (other_count == 0)
		index_others();
	hi = other_count;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(command, other_commands + other_offset[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* The state of check_entry(): the ABI whose numbers a list names. */
struct entry_check {
	const struct abi *abi;
	const struct origin *at;
	unsigned int errors;
	int names;		/* an item without '!' was seen */
	int numbers;		/* an item named a syscall by number */
	int one_abi;		/* the list applies to ABI only */
};

/* Warn about a name that no ABI the list applies to has, and reject a
 * number outside the span of the list's ABI (mips n64 has 5000-5999): no
 * call can ever match either. */
static void
check_entry(void *ctx, const struct list_entry *entry)
{
	struct entry_check *c = ctx;
	char first[12], last[12];
	unsigned int i;
	uint32_t end;

	c->names |= !entry->except;
	c->numbers |= entry->is_number;
	if (!entry->is_number && entry->direct) {
		/* Profiles are shared between arches, so a name of another
		 * arch's table is a warning, not an error. */
		for (i = 0; i < host_abi_count; i++)
			if ((!c->one_abi || host_abis[i] == c->abi) &&
			    abi_syscall_nr(host_abis[i], entry->value) >= 0)
				return;
		msg(MSG_WARN, c->at, "'", entry->token + entry->except,
		    "' is not a syscall on ", c->one_abi ? c->abi->name :
		    arch_current(), "; the item matches nothing", NULL);
		return;
	}
	if (!entry->is_number)
		return;
	end = host_abi_end(c->abi);
	if (entry->value >= c->abi->nr_base && entry->value <= end)
		return;
	msg(MSG_ERROR, c->at, "syscall number '", entry->token, "' is not one "
	    "of ", c->abi->name, ", whose numbers are ", fmt_uint(first,
	    c->abi->nr_base), "-", fmt_uint(last, end), NULL);
	c->errors++;
}


static unsigned int
set_list(struct settings *s, enum list_kind kind, const char *arg,
	 const struct origin *at)
{
	struct list_setting *l = &s->list[kind];
	struct entry_check check = { NULL, at, 0, 0, 0, 0 };
	unsigned int errors;

	if (arg == NULL) {
		/* Bare "seccomp" keeps a list an earlier line gave. */
		if (kind != LIST_DEFAULT) {
			msg(MSG_ERROR, at, "'", at->command,
			    "' needs a syscall list", NULL);
			return 1;
		}
		if (!l->set || l->implied)
			l->origin = *at;
		l->set = 1;
		l->implied = 0;
		return 0;
	}
	/* A number means one of the native ABI, or for the seccomp.32
	 * lists one of the 32-bit ABI, as policy.c applies them. */
	check.one_abi = kind >= LIST_32_DEFAULT && host_abi32() != NULL;
	check.abi = check.one_abi ? host_abi32() : host_abis[0];
	errors = list_walk(arg, at, check_entry, &check);
	if (errors || check.errors)
		return errors + check.errors;
	/* In a drop list, an exception only undoes an item of the list. */
	if (!check.names && (kind == LIST_DROP || kind == LIST_32_DROP))
		msg(MSG_WARN, at, "'", settings_commands[kind], "' has only "
		    "exceptions, so it denies nothing", NULL);
	if (l->set && l->text)
		msg(MSG_NOTE, at, "'", settings_commands[kind],
		    "' replaces the list given earlier", NULL);
	l->set = 1;
	l->implied = 0;
	l->text = arg;
	l->numbers = check.numbers;
	l->origin = *at;
	return 0;
}

static unsigned int
set_error_action(struct settings *s, const char *arg, const struct origin *at)
{
	int e;

	if (arg == NULL || *arg == '\0') {
		msg(MSG_ERROR, at, "missing action: kill, log or an errno", NULL);
		return 1;
	}
	if (strcmp(arg, "kill") == 0) {
		s->error_kind = ERROR_KILL;
	} else if (strcmp(arg, "log") == 0) {
		s->error_kind = ERROR_LOG;
	} else {
		e = parse_errno(arg);
		if (e < 0) {
			errno_error(at, arg, 1);
			return 1;
		}
		s->error_kind = ERROR_ERRNO;
		s->error_errno = e;
	}
	s->error_origin = *at;
	return 0;
}

/*
 * Copy the next non-empty item of the comma-separated list at *LIST into
 * ITEM, and move *LIST past it.  An item longer than LIST_ITEM_SIZE - 1
 * bytes is cut and ends in "...", so that a message shows the cut and
 * no name matches it.  With OP, a first '+', '-' or '=' goes to *OP
 * instead of ITEM, and *OP is '+' when the item has none.  Return 0 at
 * the end of the list.
 */
int
list_next_item(const char **list, char item[LIST_ITEM_SIZE], char *op)
{
	const char *p = *list, *end;
	size_t len;

	while (*p == ',')
		p++;
	if (*p == '\0')
		return 0;
	for (end = p; *end != '\0' && *end != ','; end++)
		;
	*list = end;
	if (op != NULL)
		*op = (*p == '+' || *p == '-' || *p == '=') ? *p++ : '+';
	len = (size_t)(end - p);
	if (len >= LIST_ITEM_SIZE) {
		/* Cut before a UTF-8 continuation byte, not in a character. */
		len = LIST_ITEM_SIZE - 4;
		while (len > 0 && (p[len] & 0xc0) == 0x80)
			len--;
		memcpy(item + len, "...", 4);
	} else {
		item[len] = '\0';
	}
	memcpy(item, p, len);
	return 1;
}

/* Return the position of NAME among the ", "-separated CHOICES, or -1. */
static int
choice_index(const char *name, const char *choices)
{
	size_t n = strlen(name);
	int i;

	for (i = 0; choices != NULL; i++) {
		if (strncmp(choices, name, n) == 0 &&
		    (choices[n] == ',' || choices[n] == '\0'))
			return i;
		choices = strchr(choices, ',');
		if (choices != NULL)
			choices += 2;
	}
	return -1;
}

/*
 * Merge a namespace or protocol list into *MASK: "x" and "+x" add, "-x"
 * removes, "=x" starts the set again with x.  FLAGS[i] is the flag of
 * the name at position i of CHOICES.  *MASK changes only when the list
 * has no error.
 */
static unsigned int
merge_names(uint32_t *mask, const char *arg, const char *choices,
	    const uint32_t *flags, const char *what, const struct origin *at)
{
	char item[LIST_ITEM_SIZE];
	unsigned int errors = 0, items = 0;
	uint32_t merged = *mask;
	char op;
	int i;

	while (list_next_item(&arg, item, &op)) {
		items++;
		i = choice_index(item, choices);
		if (i < 0) {
			msg(MSG_ERROR, at, "unknown ", what, " '", item,
			    "'; use one of: ", choices, NULL);
			errors++;
			continue;
		}
		if (op == '=')
			merged = 0;
		if (op == '-')
			merged &= ~flags[i];
		else
			merged |= flags[i];
	}
	if (items == 0 && errors == 0) {
		msg(MSG_ERROR, at, "empty ", what, " list", NULL);
		errors++;
	}
	if (errors == 0)
		*mask = merged;
	return errors;
}

static unsigned int
no_argument(const char *arg, const struct origin *at)
{
	if (arg == NULL)
		return 0;
	msg(MSG_ERROR, at, "'", at->command, "' takes no argument, got '",
	    arg, "'", NULL);
	return 1;
}

/* Apply COMMAND, one that changes no list. */
static unsigned int
apply_flag_command(struct settings *s, enum command command, const char *arg,
		   const struct origin *at)
{
	struct origin *origin;
	unsigned int errors = 0;

	switch (command) {
	case COMMAND_BLOCK_SECONDARY:
		s->block_secondary = 1;
		origin = &s->block_secondary_origin;
		/* As in firejail, it implies "seccomp". */
		if (!s->list[LIST_DEFAULT].set) {
			s->list[LIST_DEFAULT].set = 1;
			s->list[LIST_DEFAULT].implied = 1;
			s->list[LIST_DEFAULT].origin = *at;
		}
		errors = no_argument(arg, at);
		break;
	case COMMAND_ERROR_ACTION:
		return set_error_action(s, arg, at);
	case COMMAND_ALLOW_DEBUGGERS:
		s->allow_debuggers = 1;
		return no_argument(arg, at);
	case COMMAND_MDWX:
		s->mdwx = 1;
		origin = &s->mdwx_origin;
		errors = no_argument(arg, at);
		break;
	case COMMAND_NAMESPACES:
		if (arg == NULL)
			s->namespaces = NS_ALL;
		else if ((errors = merge_names(&s->namespaces, arg,
					       namespace_choices,
					       namespace_flags, "namespace",
					       at)) != 0)
			return errors;
		s->namespaces_set = 1;
		origin = &s->namespaces_origin;
		break;
	default:
		/* COMMAND_PROTOCOL */
		if (arg == NULL) {
			msg(MSG_ERROR, at, "'protocol' needs a list of ",
			    protocol_choices, NULL);
			return 1;
		}
		if ((errors = merge_names(&s->protocols, arg, protocol_choices,
					  protocol_flags, "protocol", at)) != 0)
			return errors;
		s->protocol_set = 1;
		origin = &s->protocol_origin;
		break;
	}
	/* Each command that reaches this point builds a filter. */
	*origin = *at;
	s->filter_requested = 1;
	return errors;
}

/* Return the enum command that WORD names, COMMAND_COUNT for another
 * of firejail's commands, or COMMAND_COUNT + 1 for none. */
static unsigned int
command_of(const char *word)
{
	unsigned int i;

	for (i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(word, settings_commands[i]) == 0)
			return i;
	return COMMAND_COUNT + !is_other_command(word);
}

unsigned int
settings_ignore(struct settings *s, const char *arg, const struct origin *at)
{
	if (arg == NULL) {
		msg(MSG_ERROR, at, "'ignore' needs a command", NULL);
		return 1;
	}
	if (s->nignore == sizeof(s->ignore) / sizeof(s->ignore[0])) {
		msg(MSG_ERROR, at, "too many 'ignore' commands", NULL);
		return 1;
	}
	/* firejail takes any word, but a misspelt command skips nothing.
	 * NOTE: an argument of more than one word ("noexec /tmp") is not
	 * checked, since its first word would need a copy. */
	if (strchr(arg, ' ') == NULL && command_of(arg) > COMMAND_COUNT &&
	    strcmp(arg, "include") != 0 && strcmp(arg, "ignore") != 0)
		msg(MSG_WARN, at, "'ignore' names unknown command '", arg, "'",
		    NULL);
	s->ignore[s->nignore++] = arg;
	return 0;
}

unsigned int
settings_apply(struct settings *s, const char *command, const char *arg,
	       const struct origin *at)
{
	struct origin where = *at;
	unsigned int i = command_of(command);

	where.command = command;
	if (i < LIST_COUNT) {
		s->filter_requested = 1;
		return set_list(s, (enum list_kind)i, arg, &where);
	}
	if (i < COMMAND_COUNT)
		return apply_flag_command(s, (enum command)i, arg, &where);
	if (i == COMMAND_COUNT) {
		msg(MSG_NOTE, &where, "skipped '", command,
		    "': not a seccomp command", NULL);
		return 0;
	}
	msg(MSG_ERROR, &where, "unknown command '", command, "'", NULL);
	return 1;
}
