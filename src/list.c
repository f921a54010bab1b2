/*
 * Syscall lists: "name", "@group", "!name", "$N" or "N", "name:ERRNO",
 * "name:kill", separated by commas.  Unlike firejail, every name must be
 * known to some ABI's table and every errno must exist: a misspelling
 * must not leave a syscall open.
 */
#include <string.h>

#include "seccwrap.h"

#define ITEM_MAX	256	/* bytes in one list item */
#define GROUP_DEPTH_MAX 8	/* groups inside groups */
#define NUMBER_MAX	0xffffu /* highest syscall number a list may name */

static int
list_char_ok(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == ',' || c == ':' ||
	       c == '@' || c == '$' || c == '!' || c == '-';
}

int
parse_uint32(const char *s, uint32_t *value)
{
	unsigned long v = 0;
	int base = 10, digits = 0, d, large = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (; *s; s++, digits++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return NUMBER_INVALID;
		/* Test before the step: on a 32-bit build, v * base + d
		 * can wrap past 0xffffffff to a small number.  The rest
		 * must still be digits, so "99999999999z" is invalid. */
		if (large ||
		    v > (0xffffffffUL - (unsigned long)d) / (unsigned long)base)
			large = 1;
		else
			v = v * (unsigned long)base + (unsigned long)d;
	}
	if (digits == 0)
		return NUMBER_INVALID;
	if (large)
		return NUMBER_TOO_LARGE;
	*value = (uint32_t)v;
	return 0;
}

/* Return 1 when DIGITS has a leading 0 and more digits. */
static int
leading_zero(const char *digits)
{
	return digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9';
}

int
reject_leading_zero(const struct origin *at, const char *what,
		    const char *token, const char *digits, const char *reader,
		    uint32_t min, uint32_t max)
{
	char decimal[24], hex[24];
	const char *p = digits;
	uint32_t octal = 0, value;
	int octal_digits;

	if (!leading_zero(digits))
		return 0;
	/* Stop where one more digit would pass max, so that octal * 8
	 * cannot overflow.  parse_uint32() then reads the whole string. */
	for (; *p >= '0' && *p <= '7' && octal <= max / 8; p++)
		octal = octal * 8 + (uint32_t)(*p - '0');
	if (*p == '\0')
		value = octal;
	else if (parse_uint32(digits, &value) < 0)
		return 0;
	if (value < min || value > max)
		return 0;
	fmt_uint(decimal, value);
	fmt_hex(hex, value);
	/* "... as octal (161); write ..." when DIGITS is octal, else "... as
	 * octal, which 09 is not; write ...". */
	octal_digits = *p == '\0';
	msg(MSG_ERROR, at, "ambiguous ", what, " '", token, "': ", reader,
	    " reads a leading 0 as octal", octal_digits ? " (" : ", which ",
	    octal_digits ? decimal : digits, octal_digits ? ")" : " is not",
	    "; write ", decimal, " or 0x", hex, NULL);
	return 1;
}

void
errno_error(const struct origin *at, const char *s, int log_ok)
{
	const char *problem = "errno out of range 1-4095";
	uint32_t n;
	/* Errno names take any case, the actions only lower case. */
	const char *hint = equal_nocase(s, "kill") ||
	    (log_ok && equal_nocase(s, "log")) ?
	    "; actions are lower case" : "";

	/* firejail accepts no errno numbers, but C reads 010 as octal 8, so
	 * the author may have meant 8 or 10. */
	if (reject_leading_zero(at, "errno", s, s, "C", 1, 4095))
		return;
	if (*s < '0' || *s > '9')
		problem = "unknown errno";
	else if (parse_uint32(s, &n) == NUMBER_INVALID)
		problem = "invalid errno";
	msg(MSG_ERROR, at, problem, " '", s, "'", hint, NULL);
}

int
parse_errno(const char *s)
{
	uint32_t n;

	if (leading_zero(s))
		return -1;
	if (*s >= '0' && *s <= '9')
		return parse_uint32(s, &n) == 0 && n >= 1 && n <= 4095 ?
		       (int)n : -1;
	return errno_lookup(s);
}

struct walk {
	const struct origin *at;
	list_fn fn;
	void *ctx;
	unsigned int errors;
};

static void
walk_error(struct walk *w, const char *text, const char *token)
{
	msg(MSG_ERROR, w->at, text, " '", token, "'", NULL);
	w->errors++;
}

/* Expand GROUP, calling the callback for each member syscall. */
static void
walk_group(struct walk *w, struct list_entry *e, unsigned int group, int depth)
{
	const uint16_t *m;
	unsigned int i;

	/* The built-in groups nest three deep, so a deeper one means a
	 * cycle, and skipped members would be lost denials. */
	if (depth > GROUP_DEPTH_MAX) {
		w->errors++;
		return;
	}
	m = group_members(group);
	for (i = 0; m[i] != GROUP_END; i++) {
		if (m[i] & GROUP_REF) {
			walk_group(w, e, m[i] & ~GROUP_REF, depth + 1);
			continue;
		}
		e->value = m[i];
		e->via = group_name(group);
		e->group = group;
		w->fn(w->ctx, e);
	}
}

/* Parse the ":ERRNO" or ":kill" suffix ACTION into E. */
static int
walk_action(struct walk *w, struct list_entry *e, const char *action)
{
	e->has_action = 1;
	if (strcmp(action, "kill") == 0) {
		e->kill = 1;
		return 0;
	}
	e->errno_value = parse_errno(action);
	if (e->errno_value < 0) {
		errno_error(w->at, action, 0);
		w->errors++;
		return -1;
	}
	return 0;
}

static void
walk_item(struct walk *w, char *item, const char *text, unsigned int len)
{
	struct list_entry e;
	char *name = item, *colon, *digits;
	const char *problem;
	uint32_t n;
	int index, group, r;

	memset(&e, 0, sizeof(e));
	e.token = item;
	e.item = text;
	e.item_len = len;
	if (*name == '!') {
		e.except = 1;
		name++;
	}
	colon = strchr(name, ':');
	if (colon && colon[1] == '\0') {
		walk_error(w, "missing errno or 'kill' in", item);
		return;
	}
	if (colon) {
		*colon = '\0';
		if (walk_action(w, &e, colon + 1) < 0)
			return;
	}
	if ((colon && e.except) || *name == '\0') {
		problem = colon && e.except ?
			  "an exception cannot carry an action" :
			  "missing syscall name in";
		/* The message quotes the item whole, with its ':' back. */
		if (colon)
			*colon = ':';
		walk_error(w, problem, item);
		return;
	}
	if (*name == '@') {
		group = group_find(name);
		if (group < 0)
			walk_error(w, "unknown syscall group", name);
		else
			walk_group(w, &e, (unsigned int)group, 0);
		return;
	}
	e.direct = 1;
	if (*name == '$' || (*name >= '0' && *name <= '9')) {
		digits = *name == '$' ? name + 1 : name;
		if (reject_leading_zero(w->at, "syscall number", name, digits,
					"firejail", 0, NUMBER_MAX)) {
			w->errors++;
			return;
		}
		r = parse_uint32(digits, &n);
		if (r == NUMBER_INVALID) {
			walk_error(w, "invalid syscall number", name);
			return;
		}
		/* Past 0xffff are x32's calls, denied whole, and arm's
		 * private ones (0xf0000 on), which have names. */
		if (r == NUMBER_TOO_LARGE || n > NUMBER_MAX) {
			msg(MSG_ERROR, w->at, "syscall number '", name, "' is "
			    "above 65535: name the call instead", NULL);
			w->errors++;
			return;
		}
		e.is_number = 1;
		e.value = n;
		w->fn(w->ctx, &e);
		return;
	}
	index = syscall_lookup(name);
	if (index < 0) {
		walk_error(w, "unknown syscall", name);
		return;
	}
	e.value = (unsigned long)index;
	w->fn(w->ctx, &e);
}

unsigned int
list_walk(const char *text, const struct origin *at, list_fn fn, void *ctx)
{
	struct walk w = { at, fn, ctx, 0 };
	char item[ITEM_MAX];
	const char *p, *cursor, *end;
	size_t len, i;
	int items = 0;

	for (p = text; *p; p = *end ? end + 1 : end) {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		len = (size_t)(end - p);
		if (len == 0)
			continue;
		if (len >= sizeof(item)) {
			/* Quote its start, cut as the other lists cut theirs. */
			cursor = p;
			list_next_item(&cursor, item, NULL);
			walk_error(&w, "list item longer than 255 bytes", item);
			continue;
		}
		memcpy(item, p, len);
		item[len] = '\0';
		items++;
		for (i = 0; i < len && list_char_ok(item[i]); i++)
			;
		if (i < len) {
			walk_error(&w, "invalid character in list item", item);
			continue;
		}
		walk_item(&w, item, p, (unsigned int)len);
	}
	if (items == 0 && w.errors == 0) {
		msg(MSG_ERROR, at, "empty syscall list for '",
		    at->command ? at->command : "?", "'", NULL);
		w.errors++;
	}
	return w.errors;
}
