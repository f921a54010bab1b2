/*
 * Settings -> policy: the decision for every syscall number of every host
 * ABI, then the argument filters, then ranges per audit arch for the
 * compiler.  The rules are those of firejail, closed where firejail
 * leaves an ABI open: every list applies to every ABI the kernel runs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "seccwrap.h"
#include "sysindex.h"

#define ABI_MAX		 4
#define NR_TOP		 0x7fffffffu	/* numbers above have bit 31 set */
#define AUDIT_ARCH_64BIT 0x80000000u
#define MODE_DENY	 0		/* a deny list: unlisted calls run */
#define MODE_KEEP	 1		/* a keep list: unlisted calls fail */

#define SHM_EXEC  0x8000u	/* shmat flag (linux/shm.h) */
#define PROT_WX	  0x6u		/* PROT_WRITE | PROT_EXEC */
#define PROT_X	  0x4u		/* PROT_EXEC */
#define IPC_SHMAT 21u		/* ipc() call number of shmat */
#define READ_IMPLIES_EXEC 0x0400000u	/* personality flag */

/* The decisions of one ABI while the policy is built. */
struct abi_build {
	const struct abi *abi;
	int native;
	int blocked;		/* every number gets the error action */
	uint32_t end;		/* last number of the ABI's span in the
				 * ranges being emitted */
	/* Decisions are indices in the build's palette. */
	uint32_t count;		/* decisions for nr_base + 0 .. count - 1 */
	uint32_t *dec;
	uint32_t above;		/* numbers past the table */
	uint32_t pcount;	/* decisions for private_lo + 0 .. pcount - 1 */
	uint32_t *pdec;		/* the named arch-private calls */
	long clone3;		/* clone3's number, or -1 */
	uint32_t error;		/* error_action() of every number but clone3 */
	int split;		/* blocked, with clone3 apart (clone3_dec) */
	uint32_t clone3_dec;
};

/* The last direct item of the native list that set a number; AT points
 * at the list's command line, which outlives the build. */
struct direct {
	uint32_t action;
	const struct origin *at;	/* NULL: no direct item yet */
};

/* The same for a number past the native table: one written as a number,
 * or a named arch-private call (arm's cacheflush). */
struct direct_past {
	uint32_t nr;
	struct direct d;
};

/* One syscall of an expanded list: what apply_entry() needs, in 16
 * bytes, as lists expand to hundreds of these. */
#define ITEM_NUMBER 0x01	/* VALUE is a number on the native ABI */
#define ITEM_EXCEPT 0x02	/* written with '!' */
#define ITEM_DIRECT 0x04	/* named in the list, not through a group */
#define ITEM_ACTION 0x08	/* written with ":ERRNO" or ":kill" */
#define ITEM_KILL   0x10	/* ":kill" */
#define ITEM_NO_GROUP 0xffu	/* GROUP when the item is direct */

struct item {
	uint32_t offset;	/* of the item as written, in the list text */
	uint32_t origin;	/* index in the expansion's origins */
	uint16_t value;		/* name index, or the number (at most
				 * 0xffff, list.c's NUMBER_MAX) */
	uint16_t errno_value;	/* for ":ERRNO" */
	uint8_t len;		/* of the item as written (at most 255) */
	uint8_t flags;		/* ITEM_* */
	uint8_t group;		/* innermost group, or ITEM_NO_GROUP */
};

/* A list expanded into its syscalls (groups flattened).  Items that come
 * from one list item through one innermost group share an origin. */
struct expansion {
	const char *text;
	const struct origin *at;	/* the list's command line */
	struct item *item;
	struct origin *origin;		/* AT plus item and group */
	unsigned int n;
	unsigned int cap;
	unsigned int nexcept;		/* items written with '!' */
	unsigned int norigins;
	int failed;
};

/* Lists of one build: six list kinds and two built-in groups. */
#define EXPANSIONS_MAX (LIST_COUNT + 2)

struct build {
	const struct settings *s;
	uint32_t kill_action;
	uint32_t enosys;	/* ENOSYS on the selected arch */
	unsigned int errors;
	unsigned int nabi;
	struct direct *direct;	/* native numbers, for duplicate warnings;
				 * NULL until the first direct item */
	uint32_t ndirect;
	struct direct_past *past;	/* direct numbers past the table */
	unsigned int npast;
	/* The decisions of the arch being built, each once or nearly.  The
	 * tables hold 4-byte indices into it, not 24-byte decisions: each
	 * page a run touches costs about 1.7 microseconds (measured on
	 * x86_64).  Each arch starts it anew, as its ranges copy the
	 * decisions they need. */
	struct decision *palette;
	uint32_t npalette;
	uint32_t palette_cap;
	/* The decision for execve on seccwrap's own ABI, kept for
	 * check_exec(), and whether that ABI has execve. */
	struct decision exec_dec;
	int exec_found;
	/* The arrays come last, so that the fields above sit at offsets
	 * below 128, which x86_64 encodes in one byte, not four. */
	struct abi_build abi[ABI_MAX];
	unsigned int nexpanded;
	struct expansion expanded[EXPANSIONS_MAX];
};

/* State of one list_walk() over one ABI. */
struct walk_ctx {
	struct build *b;
	struct abi_build *ab;
	int mode;
	int except_pass;	/* 0: plain items; 1: the '!' items */
	int numbers;		/* numbers in the list mean numbers of AB */
	const struct origin *at;
};

static int
is_allowing(uint32_t action)
{
	return action == RET_ALLOW || action == RET_LOG;
}

/* The error action for number NR of AB: clone3 gets ENOSYS rather than an
 * errno, so that C libraries fall back to clone. */
static uint32_t
error_action(const struct build *b, const struct abi_build *ab, uint32_t nr)
{
	switch (b->s->error_kind) {
	case ERROR_KILL:
		return b->kill_action;
	case ERROR_LOG:
		return RET_LOG;
	}
	if (ab->clone3 >= 0 && nr == (uint32_t)ab->clone3)
		return RET_ERRNO | b->enosys;
	return RET_ERRNO | (uint32_t)b->s->error_errno;
}

/* Report a failed allocation, which fails the build. */
static void
out_of_memory(struct build *b)
{
	b->errors++;
	msg(MSG_ERROR, NULL, "out of memory", NULL);
}

#define PALETTE_FIRST 32	/* entries; firejail's default.profile needs 21 */

/* Return the palette index of the decision {ACTION, ARGS, ORIGIN}: that
 * of a recent entry equal to it, or of a new one.  After a failed
 * allocation (reported), return 0, which policy_build() never uses as
 * the build has failed. */
static uint32_t
palette_add(struct build *b, uint32_t action, const struct arg_filter *args,
	const struct origin *origin)
{
	struct decision *d;
	uint32_t i, cap;

	/* The items of one group share an origin and mostly an action. */
	for (i = b->npalette; i > 0 && i + 4 > b->npalette; i--) {
		d = &b->palette[i - 1];
		if (d->action == action && d->args == args &&
		    d->origin == origin)
			return i - 1;
	}
	if (b->npalette == b->palette_cap) {
		cap = b->palette_cap ? 2 * b->palette_cap : PALETTE_FIRST;
		d = cap < b->palette_cap ? NULL :
		    realloc(b->palette, cap * sizeof(*d));
		if (d == NULL) {
			out_of_memory(b);
			return 0;
		}
		b->palette = d;
		b->palette_cap = cap;
	}
	d = &b->palette[b->npalette];
	d->action = action;
	d->args = args;
	d->origin = origin;
	return b->npalette++;
}

/* Make room for number NR (without base) in AB, filling new slots with
 * the decision for numbers past the table. */
static uint32_t *
slot(struct build *b, struct abi_build *ab, uint32_t nr)
{
	uint32_t *grown;
	uint32_t i;

	if (nr < ab->count)
		return &ab->dec[nr];
	grown = realloc(ab->dec, (nr + 1) * sizeof(*grown));
	if (grown == NULL) {
		out_of_memory(b);
		return NULL;
	}
	for (i = ab->count; i <= nr; i++)
		grown[i] = ab->above;
	ab->dec = grown;
	ab->count = nr + 1;
	return &ab->dec[nr];
}

/* Return where the decision for NR, a number as in seccomp_data.nr, is
 * kept, or NULL when AB has none; GROW makes room in AB's table. */
static uint32_t *
decision_at(struct build *b, struct abi_build *ab, uint32_t nr, int grow)
{
	const struct abi *abi = ab->abi;

	if (abi->private_hi != 0 && nr >= abi->private_lo &&
	    nr <= abi->private_hi)
		return nr - abi->private_lo < ab->pcount ?
		       &ab->pdec[nr - abi->private_lo] : NULL;
	if (nr < abi->nr_base)
		return NULL;
	nr -= abi->nr_base;
	if (nr < ab->count)
		return &ab->dec[nr];
	return grow ? slot(b, ab, nr) : NULL;
}

/* Return the record of native number NR (without base), or NULL when it
 * has none and CREATE is 0.  The table is made for the first direct
 * item: most profiles name syscalls only through groups. */
static struct direct *
direct_of(struct build *b, uint32_t nr, int create)
{
	struct direct_past *grown;
	unsigned int i;

	if (nr < b->ndirect) {
		if (b->direct == NULL && create &&
		    (b->direct = calloc(b->ndirect, sizeof(*b->direct))) == NULL)
			goto nomem;
		return b->direct ? &b->direct[nr] : NULL;
	}
	for (i = 0; i < b->npast; i++)
		if (b->past[i].nr == nr)
			return &b->past[i].d;
	if (!create)
		return NULL;
	grown = realloc(b->past, (b->npast + 1) * sizeof(*grown));
	if (grown == NULL)
		goto nomem;
	b->past = grown;
	grown[b->npast].nr = nr;
	grown[b->npast].d.at = NULL;
	return &grown[b->npast++].d;
nomem:
	out_of_memory(b);
	return NULL;
}

/* Write ":LINE" of origin O into BUF, or nothing when O has no line (an
 * option), and return BUF. */
static const char *
line_suffix(char *buf, const struct origin *o)
{
	buf[0] = '\0';
	if (o->line) {
		buf[0] = ':';
		fmt_uint(buf + 1, o->line);
	}
	return buf;
}

/* Warn when native number NR, which item E of origin O sets to ACTION,
 * was set by a direct item with another action before. */
static void
warn_direct(struct build *b, uint32_t nr, const struct item *e,
	    const struct origin *o, uint32_t action, const struct origin *at)
{
	struct direct *d;
	char line[12], token[256];
	const char *name = token, *through = "", *via = "";
	const char *winner = "later one";
	unsigned int len;

	if ((d = direct_of(b, nr, e->flags & ITEM_DIRECT)) == NULL)
		return;
	if (e->flags & ITEM_DIRECT) {
		/* The item as written, without ":ERRNO" or ":kill". */
		for (len = 0; len < o->item_len && o->item[len] != ':'; len++)
			token[len] = o->item[len];
		token[len] = '\0';
	} else {
		/* A group member after a named item takes its place too,
		 * and so does a group exception, wherever it is. */
		name = syscall_name(e->value);
		through = e->flags & ITEM_EXCEPT ? " through !" : " through ";
		via = o->via;
		winner = "group";
	}
	if (d->at != NULL && d->action != action)
		msg(MSG_WARN, at, "'", name, "' given again", through, via,
		    " with another action (first at ", d->at->file,
		    line_suffix(line, d->at), "); the ",
		    e->flags & ITEM_EXCEPT ? "exception" : winner, " wins",
		    NULL);
	/* Group members are not recorded, so they warn only after a named
	 * item. */
	if (e->flags & ITEM_DIRECT) {
		d->action = action;
		d->at = at;
	}
}

static void
apply_entry(struct walk_ctx *w, const struct item *e,
	    const struct origin *origin)
{
	struct abi_build *ab = w->ab;
	uint32_t nr, action, *d;
	long n;

	if (!(e->flags & ITEM_EXCEPT) != !w->except_pass)
		return;
	if (e->flags & ITEM_NUMBER) {
		/* A number is the one in seccomp_data.nr, with the base:
		 * mips n64's execve is 5057. */
		if (!w->numbers || e->value < ab->abi->nr_base)
			return;
		n = (long)e->value;
	} else {
		n = abi_syscall_nr(ab->abi, e->value);
		if (n < 0)
			return;		/* not on this ABI */
	}
	nr = (uint32_t)n - ab->abi->nr_base;
	if (e->flags & ITEM_EXCEPT)
		action = w->mode == MODE_DENY ? RET_ALLOW :
			 error_action(w->b, ab, nr);
	else if (e->flags & ITEM_KILL)
		action = w->b->kill_action;
	else if (e->flags & ITEM_ACTION)
		action = RET_ERRNO | e->errno_value;
	else
		action = w->mode == MODE_DENY ? error_action(w->b, ab, nr) :
			 RET_ALLOW;
	if ((d = decision_at(w->b, ab, (uint32_t)n, 1)) == NULL)
		return;
	if (ab->native)
		warn_direct(w->b, nr, e, origin, action, w->at);
	*d = palette_add(w->b, action, NULL, origin);
}

static void
collect_entry(void *ctx, const struct list_entry *e)
{
	struct expansion *x = ctx;
	struct item *grown, *it;

	if (x->failed)
		return;
	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		grown = realloc(x->item, x->cap * sizeof(*grown));
		if (grown == NULL) {
			x->failed = 1;
			return;
		}
		x->item = grown;
	}
	it = &x->item[x->n++];
	it->offset = (uint32_t)(e->item - x->text);
	it->value = (uint16_t)e->value;
	it->errno_value = (uint16_t)e->errno_value;
	it->len = (uint8_t)e->item_len;
	it->flags = (uint8_t)((e->is_number ? ITEM_NUMBER : 0) |
			      (e->except ? ITEM_EXCEPT : 0) |
			      (e->direct ? ITEM_DIRECT : 0) |
			      (e->has_action ? ITEM_ACTION : 0) |
			      (e->kill ? ITEM_KILL : 0));
	it->group = e->via ? (uint8_t)e->group : ITEM_NO_GROUP;
	x->nexcept += e->except;
	/* Give the items that run together from one list item and one
	 * innermost group one origin. */
	if (x->n == 1 || it->offset != it[-1].offset ||
	    it->group != it[-1].group)
		x->norigins++;
	it->origin = x->norigins - 1;
}

/* Expand list TEXT once, however many ABIs it applies to. */
static const struct expansion *
expand(struct build *b, const char *text, const struct origin *at)
{
	struct expansion *x;
	struct origin *o;
	const struct item *it;
	unsigned int i;

	for (i = 0; i < b->nexpanded; i++)
		if (b->expanded[i].text == text && b->expanded[i].at == at)
			return b->expanded[i].failed ? NULL : &b->expanded[i];
	/* A list that cannot be expanded would lose its denials, so it is
	 * an error, never skipped.  At most four are used: a list and its
	 * default group, for the native and the 32-bit ABI. */
	if (b->nexpanded == EXPANSIONS_MAX) {
		b->errors++;
		msg(MSG_ERROR, at, "cannot expand the list", NULL);
		return NULL;
	}
	x = &b->expanded[b->nexpanded++];
	memset(x, 0, sizeof(*x));
	x->text = text;
	x->at = at;
	if (list_walk(text, at, collect_entry, x) || x->failed)
		goto failed;
	x->origin = malloc((x->norigins + 1) * sizeof(*x->origin));
	if (x->origin == NULL)
		goto failed;
	for (i = 0; i < x->n; i++) {
		it = &x->item[i];
		if (i > 0 && it->origin == it[-1].origin)
			continue;
		o = &x->origin[it->origin];
		*o = *at;
		o->item = text + it->offset;
		o->item_len = it->len;
		o->via = it->group == ITEM_NO_GROUP ? NULL :
			 group_name(it->group);
	}
	return x;
failed:
	x->failed = 1;
	b->errors++;
	msg(MSG_ERROR, at, "cannot expand the list", NULL);
	return NULL;
}

/* Apply the plain items of TEXT, then its exceptions, which win. */
static void
walk_both(struct walk_ctx *w, const char *text)
{
	const struct expansion *x = expand(w->b, text, w->at);
	unsigned int i;

	if (x == NULL)
		return;
	for (w->except_pass = 0; w->except_pass < (x->nexcept ? 2 : 1);
	     w->except_pass++)
		for (i = 0; i < x->n; i++)
			apply_entry(w, &x->item[i],
				    &x->origin[x->item[i].origin]);
}

/* Set every number of AB's tables to FILL, but clone3 to CLONE3, as
 * clone3's error may differ from the others' (error_action), and the
 * arch-private numbers to PRIVATE. */
static void
fill_tables(struct abi_build *ab, uint32_t fill, uint32_t clone3,
	    uint32_t private)
{
	uint32_t i;

	for (i = 0; i < ab->count; i++)
		ab->dec[i] = fill;
	if (ab->clone3 >= 0 && (uint32_t)ab->clone3 < ab->count)
		ab->dec[ab->clone3] = clone3;
	for (i = 0; i < ab->pcount; i++)
		ab->pdec[i] = private;
}

/* Return the offset from private_lo of the number of name INDEX on ABI,
 * which has arch-private calls, or -1 when that is not one of them.  Out
 * of line, it takes 12 bytes less than inlined into both callers (GCC 12
 * -Oz on x86_64). */
static __attribute__((__noinline__)) long
private_offset(const struct abi *abi, unsigned int index)
{
	long nr = abi_syscall_nr(abi, index);

	if (nr < (long)abi->private_lo || nr > (long)abi->private_hi)
		return -1;
	return nr - (long)abi->private_lo;
}

/* Fill AB from list L (NULL: allow everything, as when only argument
 * filters were asked for). */
static void
apply_list(struct build *b, struct abi_build *ab, const struct list_setting *l,
	   int mode, int default_group)
{
	struct walk_ctx w = { b, ab, mode, 0, 0, NULL };
	const struct origin *at = mode == MODE_KEEP && l ? &l->origin : NULL;
	uint32_t i, fill, clone3;
	long off;

	fill = palette_add(b, mode == MODE_DENY ? RET_ALLOW : ab->error,
			   NULL, at);
	clone3 = mode == MODE_KEEP ? palette_add(b, error_action(b, ab,
				     (uint32_t)ab->clone3), NULL, at) : fill;
	/* A syscall newer than the tables must look absent to a keep list,
	 * and so must an arch-private number without a name (arm's
	 * 0xf0000). */
	ab->above = mode == MODE_KEEP ?
		    palette_add(b, RET_ERRNO | b->enosys, NULL, at) : fill;
	fill_tables(ab, fill, clone3, ab->above);
	/* Named and unnamed private numbers differ under a keep list only.
	 * Every named one is below pcount (private_count()). */
	for (i = 0; ab->above != fill && ab->pcount &&
	     i < syscall_name_count(); i++) {
		off = private_offset(ab->abi, i);
		if (off >= 0)
			ab->pdec[off] = fill;
	}
	if (l == NULL)
		return;
	w.at = &l->origin;
	/* A number means a number of the ABI the list is written for: the
	 * native one, or the 32-bit one for the seccomp.32 lists. */
	w.numbers = ab->native || l >= &b->s->list[LIST_32_DEFAULT];
	if (mode == MODE_KEEP)
		walk_both(&w, "@default-keep");
	else if (default_group)
		walk_both(&w, b->s->allow_debuggers ? "@default" :
			  "@default-nodebuggers");
	if (l->text)
		walk_both(&w, l->text);
}

/* Return the list of highest precedence that is set from LO to HI, or
 * -1 when none is. */
static int
top_list(const struct list_setting *l, int lo, int hi)
{
	for (; hi >= lo; hi--)
		if (l[hi].set)
			return hi;
	return -1;
}

/* Apply the list of highest precedence of the three from FIRST
 * (LIST_DEFAULT or LIST_32_DEFAULT): keep over drop over seccomp.
 * Return 0 when none of them is set. */
static int
apply_top_list(struct build *b, struct abi_build *ab, int first)
{
	int i = top_list(b->s->list, first, first + 2);

	if (i < 0)
		return 0;
	apply_list(b, ab, &b->s->list[i], i == first + 2 ? MODE_KEEP :
		   MODE_DENY, i == first);
	return 1;
}

/* Pick the list of the native ABI. */
static void
apply_native(struct build *b, struct abi_build *ab)
{
	if (!apply_top_list(b, ab, LIST_DEFAULT))
		apply_list(b, ab, NULL, MODE_DENY, 0);
}

/* A 32-bit secondary ABI takes a seccomp.32* list when one is set, and
 * the native list otherwise. */
static void
apply_secondary(struct build *b, struct abi_build *ab)
{
	if (!apply_top_list(b, ab, LIST_32_DEFAULT))
		apply_native(b, ab);
}

static void
apply_blocked(struct build *b, struct abi_build *ab, const struct origin *at)
{
	uint32_t action = ab->error;
	uint32_t clone3 = error_action(b, ab, (uint32_t)ab->clone3);

	ab->above = palette_add(b, action, NULL, at);
	/* CLONE3 equals ACTION when AB has no clone3, as error_action()
	 * gives ENOSYS to clone3's number only. */
	ab->split = clone3 != action;
	ab->clone3_dec = ab->split ? palette_add(b, clone3, NULL, at) :
			 ab->above;
	/* Under log every call runs, so the argument filters still apply.
	 * Under an errno, protocol's errnos win over this one.  Both need a
	 * decision per call, and x32 has a table under log only. */
	if (ab->count > 0 && (is_allowing(action) || (b->s->protocol_set &&
	    (action & RET_ACTION_MASK) == RET_ERRNO))) {
		fill_tables(ab, ab->above, ab->clone3_dec, ab->above);
		ab->split = 0;
		return;
	}
	/* One span for the whole ABI, but for clone3's own errno. */
	ab->count = 0;
	ab->pcount = 0;
}

/* Return where the decision for the syscall of name index NAME (an SC_*
 * of tables/sysindex.h) on AB is kept, or NULL when AB lacks it. */
static uint32_t *
find(struct abi_build *ab, unsigned int name)
{
	long nr;

	nr = abi_syscall_nr(ab->abi, name);
	if (nr < 0)
		return NULL;
	return decision_at(NULL, ab, (uint32_t)nr, 0);
}

/* The precedence of a filter command's action over a list's errno. */
enum precedence {
	UNDER_LIST,	/* none: it acts only where the list allows */
	KILL_OVER_LIST,	/* over the errno when the action kills */
	OVER_LIST	/* over the errno when it kills or is an errno */
};

/* An argument filter command (memory-deny-write-execute,
 * restrict-namespaces, protocol, the personality rule of block-secondary,
 * or the terminal rule) being applied to one ABI. */
struct filter_command {
	struct build *b;
	struct abi_build *ab;
	const struct origin *at;	/* the command's line */
	uint32_t action;		/* what its rules give */
	enum precedence precedence;	/* over a list's errno */
};

/*
 * Return 1 when ACTION, from command C, replaces BASE, the list's action
 * for the call: where the list lets the call run, and over the list's
 * errno as C's precedence sets.  firejail's stacked filters give the
 * same: the kernel picks a kill over an errno, an errno over a log, and
 * between errnos the filter installed last (protocol, then
 * block-secondary, the lists, mdwx and namespaces).
 */
static int
replaces(const struct filter_command *c, uint32_t base, uint32_t action)
{
	if (is_allowing(base))
		return 1;
	if (c->precedence == UNDER_LIST ||
	    (base & RET_ACTION_MASK) != RET_ERRNO)
		return 0;
	return action == c->b->kill_action ||
	       (c->precedence == OVER_LIST &&
		(action & RET_ACTION_MASK) == RET_ERRNO);
}

/* Append a rule to NAME's argument filter where C's action replaces the
 * list's action: C's action when the NTESTS tests TEST all hold.  With
 * no tests, give NAME C's action outright instead. */
static void
add_rule(const struct filter_command *c, unsigned int name,
	 const struct arg_test *test, unsigned int ntests)
{
	struct build *b = c->b;
	uint32_t *d = find(c->ab, name);
	struct arg_filter *f;
	struct arg_rule *r;

	if (d == NULL || !replaces(c, b->palette[*d].action, c->action))
		return;
	if (ntests == 0) {
		*d = palette_add(b, c->action, NULL, c->at);
		return;
	}
	/* A palette entry with a filter belongs to this one syscall. */
	f = (struct arg_filter *)b->palette[*d].args;
	if (f == NULL) {
		f = calloc(1, sizeof(*f));
		if (f == NULL) {
			out_of_memory(b);
			return;
		}
		*d = palette_add(b, b->palette[*d].action, f,
				 b->palette[*d].origin);
	}
	/* No syscall gets more than three rules (personality).  A dropped
	 * rule could lose a denial, so it is an error. */
	if (f->nrules == FILTER_RULES_MAX) {
		b->errors++;
		msg(MSG_ERROR, NULL, "too many argument rules", NULL);
		return;
	}
	/* The filter was zeroed, so the tests past NTESTS stay 0. */
	r = &f->rule[f->nrules++];
	r->action = c->action;
	r->ntests = ntests;
	memcpy(r->test, test, ntests * sizeof(*test));
	r->origin = c->at;
}

/* Deny NAME outright where C's action replaces the list's action. */
static void
deny(const struct filter_command *c, unsigned int name)
{
	add_rule(c, name, NULL, 0);
}

/* Make C's line the origin of NAME where no list names NAME.  C leaves
 * NAME allowed because it cannot check the arguments, so --explain names
 * the line whose warning gives the reason. */
static void
name_unchecked(const struct filter_command *c, unsigned int name)
{
	uint32_t *d = find(c->ab, name);

	if (d != NULL && c->b->palette[*d].origin == NULL)
		*d = palette_add(c->b, c->b->palette[*d].action, NULL, c->at);
}

/* The tests of memory-deny-write-execute's rules. */
static const struct arg_test mdwx_test[] = {
	/* mmap and mmap2: (prot & (PROT_WRITE | PROT_EXEC)) == both */
	{ 2, 0, TEST_EQ, PROT_WX, PROT_WX },
	/* mprotect and pkey_mprotect: prot & PROT_EXEC */
	{ 2, 0, TEST_ANY, 0xffffffffu, PROT_X },
	/* ipc(SHMAT, id, shmflg, ...) reaches shmat through the
	 * multiplexer: (call & 0xffff) == SHMAT, then shmat's test. */
	{ 0, 0, TEST_EQ, 0xffffu, IPC_SHMAT },
	/* shmat: shmflg & SHM_EXEC */
	{ 2, 0, TEST_ANY, 0xffffffffu, SHM_EXEC },
	/* personality: with READ_IMPLIES_EXEC the kernel adds PROT_EXEC
	 * to every readable mapping, but 0xffffffff only queries the
	 * persona. */
	{ 0, 0, TEST_ANY, 0xffffffffu, READ_IMPLIES_EXEC },
	{ 0, 0, TEST_NE, 0xffffffffu, 0xffffffffu },
};

/* memory-deny-write-execute's rules after those of mmap and mmap2: NAME
 * gets the NTESTS tests of mdwx_test from TEST on, or is denied when
 * NTESTS is 0. */
static const struct {
	uint16_t name;
	uint8_t test;
	uint8_t ntests;
} mdwx_rule[] = {
	{ SC_mprotect, 1, 1 },
	{ SC_pkey_mprotect, 1, 1 },
	{ SC_shmat, 3, 1 },
	{ SC_ipc, 2, 2 },
	{ SC_memfd_create, 0, 0 },
	{ SC_personality, 4, 2 },
};

/* Give NAME, mmap or mmap2, memory-deny-write-execute's test of its prot
 * where the filter can read it.  One that reads its arguments from
 * memory (IN_MEMORY) is denied, unless it is the native ABI's and no
 * mapping call there can be checked (CHECKED is 0), because denying it
 * then breaks every program. */
static void
add_mapping_rule(const struct filter_command *c, unsigned int name,
		 int in_memory, int checked)
{
	if (!in_memory)
		add_rule(c, name, &mdwx_test[0], 1);
	else if (!c->ab->native || checked)
		deny(c, name);
	else
		name_unchecked(c, name);
}

static void
add_mdwx(struct build *b, struct abi_build *ab)
{
	struct filter_command c = {
		b, ab, &b->s->mdwx_origin, ab->error, KILL_OVER_LIST
	};
	const struct arg_test *t = mdwx_test;
	unsigned int flags = ab->abi->flags, i;
	int has_mmap2 = find(ab, SC_mmap2) != NULL, checked;

	/* The old mmap of i386, m68k and s390 reads its arguments from
	 * memory, so programs use mmap2.  Where no mapping call takes them in
	 * registers (s390x, and s390, whose mmap2 reads memory too), denying
	 * the calls breaks every program.  So the native ABI keeps them, with
	 * a warning, and a secondary ABI loses them. */
	checked = !(flags & ABI_STRUCT_MMAP) ||
		  (has_mmap2 && !(flags & ABI_STRUCT_MMAP2));
	if (!checked && ab->native && (has_mmap2 || find(ab, SC_mmap)))
		msg(MSG_WARN, c.at, "memory-deny-write-execute cannot check "
		    "the arguments of ", has_mmap2 ? "mmap and mmap2" : "mmap",
		    " on ", ab->abi->name, ", which are in memory", NULL);
	add_mapping_rule(&c, SC_mmap, flags & ABI_STRUCT_MMAP, checked);
	add_mapping_rule(&c, SC_mmap2, flags & ABI_STRUCT_MMAP2, checked);
	for (i = 0; i < sizeof(mdwx_rule) / sizeof(mdwx_rule[0]); i++)
		add_rule(&c, mdwx_rule[i].name, &t[mdwx_rule[i].test],
			 mdwx_rule[i].ntests);
}

static void
add_namespaces(struct build *b, struct abi_build *ab)
{
	struct filter_command c = {
		b, ab, &b->s->namespaces_origin, ab->error, KILL_OVER_LIST
	};
	uint32_t mask = b->s->namespaces;
	/* In clone's flags, 0x80 (CLONE_NEWTIME) is part of the exit signal.
	 * s390 passes clone the stack first and the flags second. */
	struct arg_test t = {
		ab->abi->flags & ABI_CLONE_FLAGS_ARG1 ? 1 : 0, 0, TEST_ANY,
		0xffffffffu, mask & ~NS_TIME
	};

	if (t.value)
		add_rule(&c, SC_clone, &t, 1);
	t.arg = 0;
	t.value = mask;
	if (mask)
		add_rule(&c, SC_unshare, &t, 1);
	/* setns with nstype 0 joins whatever namespace the fd refers to.
	 * firejail denies it even when "-user" left no type, and so does
	 * seccwrap, with a warning from policy_build(). */
	t.arg = 1;
	t.op = TEST_EQ;
	t.value = 0;
	add_rule(&c, SC_setns, &t, 1);
	t.op = TEST_ANY;
	t.value = mask;
	if (mask)
		add_rule(&c, SC_setns, &t, 1);
	/* clone3's flags sit in memory the filter cannot read. */
	c.action = RET_ERRNO | b->enosys;
	deny(&c, SC_clone3);
}

static void
add_protocol(struct build *b, struct abi_build *ab)
{
	static const uint32_t domains[] = { 1, 2, 10, 16, 17, 31 };
	struct filter_command c = {
		b, ab, &b->s->protocol_origin,
		RET_ERRNO | (uint32_t)errno_lookup("EOPNOTSUPP"), OVER_LIST
	};
	struct arg_test test[RULE_TESTS_MAX];
	unsigned int i, n = 0;

	for (i = 0; i < sizeof(domains) / sizeof(domains[0]); i++) {
		if (!(b->s->protocols & (1u << i)))
			continue;
		test[n].arg = 0;
		test[n].high = 0;
		test[n].op = TEST_NE;
		test[n].mask = 0xffffffffu;
		test[n].value = domains[i];
		n++;
	}
	/* socketpair takes the same domain argument.  With no family
	 * allowed, N is 0, so add_rule() denies both outright. */
	add_rule(&c, SC_socket, test, n);
	add_rule(&c, SC_socketpair, test, n);
	/* Both create sockets where the filter cannot see the domain. */
	c.action = RET_ERRNO | b->enosys;
	deny(&c, SC_socketcall);
	deny(&c, SC_io_uring_setup);
}

/* personality() may only set PER_LINUX (0) or query (0xffffffff), and
 * on a 64-bit ABI the high word must be 0. */
static void
add_personality(struct build *b, struct abi_build *ab)
{
	static const struct arg_test test[] = {
		{ 0, 0, TEST_NE, 0xffffffffu, 0 },
		{ 0, 0, TEST_NE, 0xffffffffu, 0xffffffffu },
		{ 0, 1, TEST_NE, 0xffffffffu, 0 },
	};
	struct filter_command c = {
		b, ab, &b->s->block_secondary_origin, ab->error, OVER_LIST
	};

	add_rule(&c, SC_personality, &test[0], 2);
	if (ab->abi->flags & ABI_64BIT)
		add_rule(&c, SC_personality, &test[2], 1);
}

/*
 * Deny ioctl's TIOCSTI and TIOCLINUX wherever the lists let ioctl run.
 * TIOCSTI pushes a byte into the input of a terminal, and TIOCLINUX's
 * paste does the same on a virtual console, so the shell that started
 * seccwrap would read a line as typed and run it, unfiltered, once the
 * command ends.  firejail flushes that input when its sandbox ends, and
 * bubblewrap's --new-session takes the terminal away.  seccwrap has
 * exec'd the command in its place and can do neither.
 */
static void
add_terminal(struct build *b, struct abi_build *ab)
{
	static const struct origin at = {
		.file = "built-in", .command = "no terminal input"
	};
	/* Where a list denies ioctl, its action is kept for every request,
	 * also where the error action kills. */
	struct filter_command c = { b, ab, &at, ab->error, UNDER_LIST };
	/* The ELF machine of linux/elf-em.h: 8 is EM_MIPS, 42 is EM_SH. */
	uint32_t machine = ab->abi->audit_arch & 0xffffu;
	/* The values of each arch's asm/ioctls.h.  The kernel reads the
	 * request as an unsigned int, so only the low word is tested. */
	uint32_t tiocsti = 0x5412, tioclinux = 0x541c;
	struct arg_test t = { 1, 0, TEST_EQ, 0xffffffffu, 0 };

	if (machine == 8) {
		tiocsti = 0x5472;
		tioclinux = 0x5483;
	} else if (machine == 42) {
		/* sh defines them with _IOW('T', N, char). */
		tiocsti = 0x40015412;
		tioclinux = 0x4001541c;
	}
	t.value = tiocsti;
	add_rule(&c, SC_ioctl, &t, 1);
	t.value = tioclinux;
	add_rule(&c, SC_ioctl, &t, 1);
}

/* seccwrap's own execve runs under the filter, so it must be allowed.
 * Keep its decision: the table goes to the next arch before check_exec()
 * reports, after every list.  execveat may be denied, since seccwrap
 * never calls it. */
static void
keep_exec(struct build *b, struct abi_build *ab)
{
	const uint32_t *d = find(ab, SC_execve);

	/* A call past the ABI's table (every call of a blocked ABI, which
	 * keeps none) gets the decision for numbers above it. */
	if (d == NULL && abi_syscall_nr(ab->abi, SC_execve) >= 0)
		d = &ab->above;
	b->exec_found = d != NULL;
	if (d != NULL)
		b->exec_dec = b->palette[*d];
}

/* Report a denied execve; OWN names seccwrap's own ABI when that is not
 * the native one. */
static void
check_exec(struct build *b, const char *own)
{
	const struct decision *d = &b->exec_dec;

	if (!b->exec_found || (is_allowing(d->action) && d->args == NULL))
		return;
	msg(MSG_ERROR, d->origin, "this denies 'execve'", own ? " on " :
	    "", own ? own : "", own ? ", the ABI this seccwrap runs on" : "",
	    ", but seccwrap starts the command with execve after installing "
	    "the filter", NULL);
	b->errors++;
}

/* Warn that the command at AT has no effect because of the one at BY. */
static void
warn_no_effect(const struct origin *at, const struct origin *by,
	       const char *why)
{
	char line[12];

	msg(MSG_WARN, at, "'", at->command, "' has no effect: '", by->command,
	    "' (", by->file, line_suffix(line, by), ") ", why, NULL);
}

/*
 * Warn about each list that has no effect.  A list of higher precedence
 * for the same ABIs replaces it (keep over drop over seccomp), or it is
 * a 32-bit list and the arch runs no 32-bit ABI beside its native one,
 * or block-secondary denies every 32-bit call.  Where there is no such
 * ABI, block-secondary blocks no ABI, though it still limits personality
 * and implies seccomp.
 */
static void
warn_lists(const struct settings *s)
{
	const struct list_setting *l = s->list;
	const struct abi *abi32 = host_abi32();
	unsigned int i;
	int native, own32, j;

	if (s->block_secondary && abi32 == NULL)
		msg(MSG_WARN, &s->block_secondary_origin, "'seccomp.block-"
		    "secondary' blocks no ABI: ", arch_current(),
		    " runs no 32-bit ABI beside its native one", NULL);
	/* Under -v, name the native list that a 32-bit one replaces on the
	 * 32-bit ABI: the default list no longer reaches it, as in
	 * firejail. */
	native = top_list(l, LIST_DEFAULT, LIST_KEEP);
	own32 = top_list(l, LIST_32_DEFAULT, LIST_32_KEEP);
	if (native >= 0 && own32 >= 0 && !s->block_secondary &&
	    abi32 != NULL)
		msg(MSG_NOTE, &l[own32].origin, "'", l[own32].origin.command,
		    "' replaces '", l[native].origin.command, "' on ",
		    abi32->name, NULL);

	for (i = 0; i < LIST_COUNT; i++) {
		if (!l[i].set)
			continue;
		if (i >= LIST_32_DEFAULT && abi32 == NULL) {
			msg(MSG_WARN, &l[i].origin, "'", l[i].origin.command,
			    "' has no effect: ", arch_current(), " runs no "
			    "32-bit ABI beside its native one", NULL);
			continue;
		}
		if (i >= LIST_32_DEFAULT && s->block_secondary) {
			warn_no_effect(&l[i].origin,
				       &s->block_secondary_origin,
				       "denies every 32-bit call");
			continue;
		}
		/* block-secondary implies seccomp, but has its own effect. */
		if (l[i].implied)
			continue;
		/* Name the list in effect, the keep list before the drop. */
		j = top_list(l, (int)i + 1, i < LIST_32_DEFAULT ? LIST_KEEP :
			     LIST_32_KEEP);
		if (j >= 0)
			warn_no_effect(&l[i].origin, &l[j].origin,
				       "takes precedence");
	}
}

/* Return how many arch-private numbers of ABI, from private_lo on, reach
 * the last one with a name. */
static uint32_t
private_count(const struct abi *abi)
{
	unsigned int i;
	long off, count = 0;

	for (i = 0; i < syscall_name_count(); i++) {
		off = private_offset(abi, i);
		if (off >= count)
			count = off + 1;
	}
	return (uint32_t)count;
}

static int
setup_abis(struct build *b)
{
	const struct abi *native = host_abis[0], *a;
	struct abi_build *ab;
	unsigned int i;
	/* Under log a blocked ABI runs its calls, so it needs a table for
	 * the argument filters (fill_abi). */
	int log_action = b->s->error_kind == ERROR_LOG;

	b->nabi = host_abi_count;
	for (i = 0; i < host_abi_count && i < ABI_MAX; i++) {
		a = host_abis[i];
		ab = &b->abi[i];
		ab->abi = a;
		ab->native = i == 0;
		/* Like firejail, seccwrap denies x32 (an ABI that shares the
		 * native arch under another number base) as a whole, so it
		 * needs no table of decisions. */
		ab->blocked = !ab->native && a->audit_arch ==
			native->audit_arch;
		ab->count = ab->blocked && !log_action ? 0 : a->nr_count;
		if (a->private_hi != 0) {
			ab->pcount = private_count(a);
			ab->pdec = calloc(ab->pcount ? ab->pcount : 1,
					  sizeof(*ab->pdec));
			if (ab->pdec == NULL)
				return -ENOMEM;
		}
		/* x32 gets one action for every call, clone3 included:
		 * falling back to clone would not help a program there, and
		 * its table is then never decoded. */
		ab->clone3 = ab->blocked ? -1 : abi_syscall_nr(a, SC_clone3);
		if (ab->clone3 >= 0)
			ab->clone3 -= (long)a->nr_base;
		ab->error = error_action(b, ab, 0);
	}
	return 0;
}

/* Fill AB's decisions from the settings.  It stays out of line so that
 * B is in a register.  Inlined into policy_build(), its field accesses
 * take 4-byte offsets from the stack pointer, 126 bytes more on x86_64
 * with GCC 12 -Oz. */
static __attribute__((__noinline__)) void
fill_abi(struct build *b, struct abi_build *ab)
{
	const struct settings *s = b->s;
	static const struct origin x32 = {
		.file = "built-in", .command = "x32 ABI"
	};
	int compat32 = !(ab->abi->audit_arch & AUDIT_ARCH_64BIT);

	if (ab->blocked)
		apply_blocked(b, ab, &x32);
	else if (ab->native)
		apply_native(b, ab);
	else if (s->block_secondary)
		apply_blocked(b, ab, &s->block_secondary_origin);
	else if (compat32)
		apply_secondary(b, ab);
	else
		apply_native(b, ab);
	/* A blocked ABI under a denying action has no table, because every
	 * call gets that action whatever its arguments. */
	if (ab->count == 0)
		return;
	if (s->mdwx)
		add_mdwx(b, ab);
	if (s->namespaces_set)
		add_namespaces(b, ab);
	if (s->protocol_set)
		add_protocol(b, ab);
	if (s->block_secondary && ab->native)
		add_personality(b, ab);
	add_terminal(b, ab);
}

/* Return 1 when X and Y decide alike and come from the same place. */
static inline int
same_origin(const struct decision *x, const struct decision *y)
{
	return x->origin == y->origin && x->action == y->action &&
	       x->args == y->args;
}

/*
 * Drop each argument filter whose rules all give the call's own action,
 * such as block-secondary's personality rule where the list denies
 * personality already.  It changes no result, and would keep the call
 * apart from its neighbours in the search.
 */
static void
drop_idle_filters(struct build *b)
{
	struct decision *d;
	unsigned int r;

	for (d = b->palette; d < b->palette + b->npalette; d++) {
		if (d->args == NULL)
			continue;
		for (r = 0; r < d->args->nrules; r++)
			if (d->args->rule[r].action != d->action)
				break;
		if (r == d->args->nrules)
			d->args = NULL;
	}
}

/* Give every ABI of AUDIT_ARCH a decision table and fill them from the
 * settings.  An ABI of another arch that has a table has been turned
 * into ranges, which copied every decision they need, so its table is
 * taken when it is large enough. */
static int
fill_arch(struct build *b, uint32_t audit_arch)
{
	struct abi_build *ab, *done;
	unsigned int i, j;

	b->npalette = 0;
	for (i = 0; i < b->nabi; i++) {
		ab = &b->abi[i];
		if (ab->abi->audit_arch != audit_arch)
			continue;
		for (j = 0; ab->count > 0 && j < b->nabi; j++) {
			done = &b->abi[j];
			if (done->abi->audit_arch != audit_arch &&
			    done->dec != NULL && done->count >= ab->count) {
				ab->dec = done->dec;
				done->dec = NULL;
				break;
			}
		}
		if (ab->count > 0 && ab->dec == NULL) {
			ab->dec = calloc(ab->count, sizeof(*ab->dec));
			if (ab->dec == NULL)
				return -ENOMEM;
		}
		fill_abi(b, ab);
	}
	drop_idle_filters(b);
	return 0;
}

/* Append LO..HI with decision D to the ranges that end at R.  When the
 * last range ends at LO - 1 with the same decision and origin, widen it
 * instead: explain still finds the line that decided each number. */
static struct range *
push(struct range *r, uint32_t lo, uint32_t hi, const struct decision *d)
{
	struct range *last = r - 1;

	if (last->hi + 1 == lo && same_origin(&last->decision, d)) {
		last->hi = hi;
		return r;
	}
	r->lo = lo;
	r->hi = hi;
	r->decision = *d;
	return r + 1;
}

/* Push the ranges past AB's table up to the end of its span: the
 * numbers past the table, and in them the N numbers from P on, which get
 * the decisions DEC.  Those are the named arch-private calls, or clone3
 * where a blocked ABI gives it an errno of its own. */
static struct range *
emit_above(const struct build *b, struct range *r, const struct abi_build *ab,
	   uint32_t p, uint32_t n, const uint32_t *dec)
{
	const struct decision *above = &b->palette[ab->above];
	uint32_t lo = ab->abi->nr_base + ab->count;
	uint32_t i;

	if (lo > ab->end)
		return r;
	if (n == 0 || p < lo || p + n - 1 > ab->end)
		return push(r, lo, ab->end, above);
	if (p > lo)
		r = push(r, lo, p - 1, above);
	for (i = 0; i < n; i++)
		r = push(r, p + i, p + i, &b->palette[dec[i]]);
	if (p + n - 1 < ab->end)
		r = push(r, p + n, ab->end, above);
	return r;
}

/*
 * Turn the ABIs that a task of one audit arch reaches (arch_reaches())
 * into sorted ranges over 0..0xffffffff.  Another mips ABI's calls get
 * the error action, as x32's do on x86_64, or ENOSYS where that action
 * is log and an argument filter is set.  No C library makes them, and
 * the task's lists cannot judge them: seccomp.32 lists are for o32 tasks
 * only, and the kernel shifts the arguments of o32's syscall(4000) for
 * o32 tasks only, so an n64 task's reach the filter one place off.
 * Out of line for the reason fill_abi() is.
 */
static __attribute__((__noinline__)) int
emit_arch(struct build *b, struct arch_policy *ap)
{
	static const struct origin other_mips = {
		.file = "built-in", .command = "another mips ABI"
	};
	struct decision allow = { RET_ALLOW, NULL, NULL }, foreign;
	const struct decision *palette = b->palette, *unknown;
	struct abi_build *ab;
	unsigned int i, n = 2, order[ABI_MAX], k = 0, j, task = ABI_MAX;
	struct range *r;
	uint32_t nr, end, d;

	for (i = 0; i < b->nabi; i++) {
		if (!arch_reaches(ap->audit_arch, b->abi[i].abi))
			continue;
		if (task == ABI_MAX && b->abi[i].abi->audit_arch ==
		    ap->audit_arch)
			task = i;
		n += b->abi[i].count + b->abi[i].pcount + 4;
		/* Keep the ABIs in order of their number base. */
		for (j = k; j > 0 && b->abi[order[j - 1]].abi->nr_base >
		     b->abi[i].abi->nr_base; j--)
			order[j] = order[j - 1];
		order[j] = i;
		k++;
	}
	/* Slot 0 is a guard that push() reads only the hi of, and never
	 * widens, since the first range starts at 0, not at its hi + 1.  The
	 * ranges do start at 0, because AP's own ABI always reaches AP, and
	 * check_arch() in compile.c checks that again. */
	r = malloc((n + 1) * sizeof(*r));
	if (r == NULL)
		return -ENOMEM;
	r->hi = 0xfffffffeu;
	ap->ranges = ++r;
	foreign.action = b->abi[task].error;
	/* Under log these calls would run past every argument filter, so
	 * when one is set they fail as if absent. */
	if (is_allowing(foreign.action) &&
	    (b->s->mdwx || b->s->namespaces_set || b->s->protocol_set))
		foreign.action = RET_ERRNO | b->enosys;
	foreign.args = NULL;
	foreign.origin = &other_mips;
	/* What the task's ABI gives numbers past its table. */
	unknown = &palette[b->abi[task].above];
	for (j = 0; j < k; j++) {
		ab = &b->abi[order[j]];
		ab->end = j + 1 < k ? b->abi[order[j + 1]].abi->nr_base - 1 :
			  NR_TOP;
		/* mips numbers start at 4000, 5000 or 6000; those below are
		 * as unknown to the task's ABI as those past its table. */
		if (j == 0 && ab->abi->nr_base > 0)
			r = push(r, 0, ab->abi->nr_base - 1, unknown);
		if (ab->abi->audit_arch != ap->audit_arch) {
			end = host_abi_end(ab->abi);
			r = push(r, ab->abi->nr_base, end, &foreign);
			if (end < ab->end)
				r = push(r, end + 1, ab->end, unknown);
			continue;
		}
		for (nr = 0; nr < ab->count; nr = end) {
			d = ab->dec[nr];
			for (end = nr + 1; end < ab->count; end++)
				if (ab->dec[end] != d &&
				    !same_origin(&palette[ab->dec[end]],
						 &palette[d]))
					break;
			r = push(r, ab->abi->nr_base + nr,
				 ab->abi->nr_base + end - 1, &palette[d]);
		}
		/* A split ABI has no table and no private calls. */
		if (ab->split)
			r = emit_above(b, r, ab, ab->abi->nr_base +
				       (uint32_t)ab->clone3, 1, &ab->clone3_dec);
		else
			r = emit_above(b, r, ab, ab->abi->private_lo,
				       ab->pcount, ab->pdec);
	}
	/* Numbers with bit 31 (-1 skips a call for tracers) reach the kernel,
	 * which returns ENOSYS. */
	r = push(r, NR_TOP + 1, 0xffffffffu, &allow);
	ap->nranges = (unsigned int)(r - ap->ranges);
	/* Merging left most of the room unused; give it back, so that a run
	 * fits in the allocator's first arena. */
	r = realloc(ap->ranges - 1, (ap->nranges + 1) * sizeof(*r));
	if (r == NULL)
		return -ENOMEM;
	ap->ranges = r + 1;
	return 0;
}

unsigned int
policy_build(const struct settings *s, uint32_t kill_action, struct policy *p)
{
	struct build b;
	struct arch_policy *ap;
	unsigned int i, j, own = arch_own_abi();

	memset(&b, 0, sizeof(b));
	memset(p, 0, sizeof(*p));
	b.s = s;
	b.kill_action = kill_action;
	b.enosys = (uint32_t)errno_lookup("ENOSYS");
	if (setup_abis(&b) < 0)
		goto nomem;
	b.ndirect = b.abi[0].count;
	/* Allocated before the tables and lists, so that it rarely has to
	 * move. */
	b.palette = malloc(PALETTE_FIRST * sizeof(*b.palette));
	if (b.palette == NULL)
		goto nomem;
	b.palette_cap = PALETTE_FIRST;
	warn_lists(s);
	if (!s->list[LIST_DEFAULT].set && !s->list[LIST_DROP].set &&
	    !s->list[LIST_KEEP].set)
		msg(MSG_NOTE, NULL, "no seccomp, seccomp.drop or seccomp.keep "
		    "list: ", host_abis[0]->name, " calls pass unless an argument "
		    "filter denies them", NULL);
	if (s->namespaces_set && s->namespaces == 0)
		msg(MSG_WARN, &s->namespaces_origin, "'restrict-namespaces' "
		    "leaves no namespace type to restrict, so it only denies "
		    "setns with nstype 0 and gives clone3 ENOSYS", NULL);
	if (s->protocol_set && s->protocols == 0)
		msg(MSG_WARN, &s->protocol_origin, "'protocol' leaves no "
		    "socket family, so socket and socketpair fail for every family",
		    NULL);
	p->bad_arch_action = kill_action;
	/* One arch at a time: fill its ABIs, turn them into ranges, and
	 * hand their decision tables to the next arch.  Each table is about
	 * 2 KB. */
	for (i = 0; i < b.nabi; i++) {
		for (j = 0; j < p->narch; j++)
			if (p->arch[j].audit_arch == b.abi[i].abi->audit_arch)
				break;
		if (j < p->narch)
			continue;
		if (fill_arch(&b, b.abi[i].abi->audit_arch) < 0)
			goto nomem;
		if (b.abi[own].abi->audit_arch == b.abi[i].abi->audit_arch)
			keep_exec(&b, &b.abi[own]);
		ap = &p->arch[p->narch++];
		ap->audit_arch = b.abi[i].abi->audit_arch;
		ap->flags = b.abi[i].abi->flags;
		if (!b.errors && emit_arch(&b, ap) < 0)
			goto nomem;
	}
	check_exec(&b, own ? b.abi[own].abi->name : NULL);
	if (b.errors) {
		memset(p, 0, sizeof(*p));
		return b.errors;
	}
	free(b.palette);
	free(b.direct);
	free(b.past);
	return 0;
nomem:
	out_of_memory(&b);
	return 1;
}
