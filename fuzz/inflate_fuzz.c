/*
 * Fuzz harness for pack/inflate.c, the packed build's decoder: every
 * input, taken as a raw DEFLATE stream, must decode or be rejected
 * without a read or write out of bounds (ASan), and decoding is
 * deterministic: a stream that decodes to N bytes decodes to the same
 * N bytes into a buffer of exactly N, and is rejected by one of N - 1.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inflate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned char first[1 << 16];
	unsigned char *exact;
	long n, again;

	n = inflate_raw(first, sizeof(first), data, size);
	if (n < 0)
		return 0;
	/* A buffer of exactly N bytes lets ASan catch a write past them;
	 * malloc(0) may return NULL, so an empty output gets one byte. */
	exact = malloc(n > 0 ? (size_t)n : 1);
	if (exact == NULL)
		abort();
	again = inflate_raw(exact, (unsigned long)n, data, size);
	if (again != n || memcmp(first, exact, (size_t)n) != 0)
		abort();
	if (n > 0 && inflate_raw(exact, (unsigned long)n - 1, data, size) >= 0)
		abort();
	free(exact);
	return 0;
}
