/*
 * Allocation tracking for the fuzz builds: see arena.h.  This file calls
 * the C library itself, so it undoes the macros, which -include may have
 * defined before this file's own #include.
 */
#include "arena.h"

#undef malloc
#undef calloc
#undef realloc
#undef free
#undef strdup

static void **blocks;
static size_t nblocks, capacity;
static unsigned long fail_at, count;
static int failed;

/* Return 1 when this allocation is the one that must fail. */
static int
fail_now(void)
{
	if (fail_at == 0 || ++count != fail_at)
		return 0;
	failed = 1;
	return 1;
}

static void *
track(void *p)
{
	void **grown;

	if (p == NULL)
		return NULL;
	if (nblocks == capacity) {
		capacity = capacity ? capacity * 2 : 256;
		grown = realloc(blocks, capacity * sizeof(*blocks));
		if (grown == NULL)
			abort();
		blocks = grown;
	}
	blocks[nblocks++] = p;
	return p;
}

/* Return the slot of P, searching from the newest block.  Abort when P
 * was not allocated here, because that is a free of a foreign pointer. */
static size_t
find(void *p)
{
	size_t i;

	for (i = nblocks; i > 0; i--)
		if (blocks[i - 1] == p)
			return i - 1;
	abort();
}

void *
arena_malloc(size_t size)
{
	return fail_now() ? NULL : track(malloc(size));
}

void *
arena_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : track(calloc(n, size));
}

void *
arena_realloc(void *p, size_t size)
{
	size_t i;
	void *grown;

	if (p == NULL)
		return arena_malloc(size);
	i = find(p);
	if (fail_now())
		return NULL;
	grown = realloc(p, size);
	if (grown != NULL)
		blocks[i] = grown;
	return grown;
}

void
arena_free(void *p)
{
	size_t i;

	if (p == NULL)
		return;
	i = find(p);
	blocks[i] = blocks[--nblocks];
	free(p);
}

char *
arena_strdup(const char *s)
{
	return fail_now() ? NULL : track(strdup(s));
}

void
arena_fail_at(unsigned long n)
{
	fail_at = n;
	count = 0;
	failed = 0;
}

int
arena_failed(void)
{
	return failed;
}

void
arena_release(void)
{
	while (nblocks > 0)
		free(blocks[--nblocks]);
}
