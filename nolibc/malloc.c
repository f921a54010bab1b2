/*
 * malloc() and friends on memory from mmap().  Small blocks are cut one
 * after another from 64 KiB arenas, the first of them in .bss.  free()
 * takes back only the newest block of the current arena, and realloc()
 * grows or shrinks that block in place.
 * Blocks of BIG_MIN bytes or more get a mapping of their own, which
 * free() unmaps and realloc() grows with mremap().
 *
 * NOTE: other freed small blocks are never reused.  That suits a
 * short-lived program such as seccwrap, not a long-running one.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sys.h"

#define ALIGNMENT  16
#define ARENA_SIZE (64 * 1024)
#define BIG_MIN	   (ARENA_SIZE / 4)

/* Header before each block.  Its size keeps blocks 16-byte aligned. */
struct block {
	size_t size;		/* usable bytes after the header */
	size_t mapped;		/* length of the block's own mapping, or 0 */
} __attribute__((__aligned__(ALIGNMENT)));

static char *arena_next, *arena_end;

/*
 * The first arena.  A run that fits in it makes no mmap() call and
 * shares its first page with the other zero-initialised variables, which
 * saved about 6 microseconds per seccwrap run on x86_64.  "common"
 * places it after them: GNU ld's default linker script puts common
 * symbols after every .bss section.
 */
char nolibc_first_arena[ARENA_SIZE]
	__attribute__((__common__, __aligned__(ALIGNMENT)));
static struct block *arena_newest;
/* Arena memory from here on has never been handed out, so it still
 * contains the zeros of a fresh mapping and calloc() need not clear it. */
static char *arena_fresh;

static void *
map(size_t len)
{
	long r = sys_mmap_anonymous(len);

	return syscall_failed(r) ? NULL : (void *)r;
}

/* Round N up to ALIGNMENT, or return 0 when that would overflow or the
 * request cannot be met anyway. */
static size_t
block_size(size_t n)
{
	if (n > SIZE_MAX / 2)
		return 0;
	return n ? (n + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1) : ALIGNMENT;
}

/* Return a block of SIZE bytes, or NULL.  *FRESH is 1 when its memory
 * still has the zeros of a fresh mapping.  calloc() gets that from here,
 * not from a global read after malloc(): a compiler may assume that the
 * built-in malloc() leaves globals alone and move the read. */
static void *
alloc_block(size_t size, int *fresh)
{
	size_t n = block_size(size), len = sizeof(struct block) + n;
	struct block *b;
	char *arena;

	if (n == 0)
		return NULL;
	if (n >= BIG_MIN) {
		b = map(len);
		if (b == NULL)
			return NULL;
		b->mapped = len;
		*fresh = 1;
	} else {
		/* The first block opens the arena in .bss, and a block that
		 * does not fit opens a new one. */
		if (arena_end == NULL || (size_t)(arena_end - arena_next) < len) {
			arena = arena_end == NULL ? nolibc_first_arena
						  : map(ARENA_SIZE);
			if (arena == NULL)
				return NULL;
			arena_next = arena;
			arena_fresh = arena;
			arena_end = arena + ARENA_SIZE;
		}
		b = (struct block *)arena_next;
		arena_next += len;
		arena_newest = b;
		b->mapped = 0;
		*fresh = (char *)b >= arena_fresh;
		if (arena_next > arena_fresh)
			arena_fresh = arena_next;
	}
	b->size = n;
	return b + 1;
}

void *
malloc(size_t size)
{
	int fresh;

	return alloc_block(size, &fresh);
}

/* Clearing fresh pages would cost a page fault each for nothing. */
void *
calloc(size_t nmemb, size_t size)
{
	void *p;
	int fresh;

	if (size != 0 && nmemb > SIZE_MAX / size)
		return NULL;
	p = alloc_block(nmemb * size, &fresh);
	if (p != NULL && !fresh)
		memset(p, 0, nmemb * size);
	return p;
}

void
free(void *ptr)
{
	struct block *b;

	if (ptr == NULL)
		return;
	b = (struct block *)ptr - 1;
	if (b->mapped) {
		sys_munmap(b, b->mapped);
	} else if (b == arena_newest) {
		arena_next = (char *)b;
		arena_newest = NULL;
	}
}

/* On failure the old block stays valid and unchanged. */
void *
realloc(void *ptr, size_t size)
{
	size_t n = block_size(size), len = sizeof(struct block) + n;
	struct block *b;
	void *p;
	long r;

	if (ptr == NULL)
		return malloc(size);
	if (n == 0)
		return NULL;
	b = (struct block *)ptr - 1;
	/* The newest arena block shrinks, giving back what it no longer
	 * needs, or grows in place while the arena has room. */
	if (b == arena_newest && (size_t)(arena_end - (char *)(b + 1)) >= n) {
		arena_next = (char *)(b + 1) + n;
		if (arena_next > arena_fresh)
			arena_fresh = arena_next;
		b->size = n;
		return ptr;
	}
	if (size <= b->size)
		return ptr;
	if (b->mapped) {
		r = sys_mremap(b, b->mapped, len, MREMAP_MAYMOVE);
		if (syscall_failed(r))
			return NULL;
		b = (struct block *)r;
		b->size = n;
		b->mapped = len;
		return b + 1;
	}
	p = malloc(size);
	if (p == NULL)
		return NULL;
	memcpy(p, ptr, b->size);
	free(ptr);
	return p;
}
