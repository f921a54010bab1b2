/*
 * Fuzz harness for pack/inflate.c, the packed build's decoder, against
 * zlib's.  Every input, taken as a raw DEFLATE stream, must decode to
 * what zlib decodes it to, or be rejected where zlib rejects it, with
 * no read or write out of bounds (ASan).  Decoding is also exact about
 * room: a stream that decodes to N bytes fits a buffer of exactly N and
 * is rejected by one of N - 1.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "inflate.h"

#define OUT_MAX (1 << 16)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decode DATA with zlib into OUT (OUT_MAX bytes).  Return the length,
 * -1 where zlib rejects the stream or it ends early, or -2 where its
 * output would not fit. */
static long
zlib_inflate(unsigned char *out, const uint8_t *data, size_t size)
{
	z_stream z;
	int r;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, -15) != Z_OK)
		abort();
	z.next_in = (unsigned char *)data;
	z.avail_in = (unsigned int)size;
	z.next_out = out;
	z.avail_out = OUT_MAX;
	r = inflate(&z, Z_FINISH);
	inflateEnd(&z);
	if (r == Z_STREAM_END)
		return OUT_MAX - (long)z.avail_out;
	if (r == Z_BUF_ERROR && z.avail_out == 0)
		return -2;
	return -1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned char first[OUT_MAX], expected[OUT_MAX];
	unsigned char *exact;
	long n, again, want;

	n = inflate_raw(first, sizeof(first), data, size);
	want = zlib_inflate(expected, data, size);
	if (want == -2)
		return 0;
	if (want != n || (n > 0 && memcmp(first, expected, (size_t)n) != 0))
		abort();
	if (n < 0)
		return 0;
	/* A buffer of exactly N bytes lets ASan catch a write past them.
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
