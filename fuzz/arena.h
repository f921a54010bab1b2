/*
 * Allocation tracking for the fuzz builds, forced into every file of
 * src/ with -include.  seccwrap keeps what it allocates until it execs
 * or exits (settings point into the profile text), so a fuzz loop would
 * grow without bound.  The harness frees every tracked block after each
 * input with arena_release().  Each block is still a block of its own
 * from the C library, so AddressSanitizer detects every overflow.
 */
#ifndef FUZZ_ARENA_H
#define FUZZ_ARENA_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void *arena_malloc(size_t size);
void *arena_calloc(size_t count, size_t size);
void *arena_realloc(void *p, size_t size);
void arena_free(void *p);
char *arena_strdup(const char *s);
/* Free every block allocated since the last call. */
void arena_release(void);
/* Make the Nth allocation from now on fail (0: none), as when memory
 * runs out.  A failed realloc() leaves its block as it was. */
void arena_fail_at(unsigned long n);
/* Return 1 when the failure arena_fail_at() asked for has happened. */
int arena_failed(void);

#define malloc(n) arena_malloc(n)
#define calloc(n, m) arena_calloc(n, m)
#define realloc(p, n) arena_realloc(p, n)
#define free(p) arena_free(p)
#define strdup(s) arena_strdup(s)

#endif
