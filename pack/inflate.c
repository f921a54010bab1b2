/*
 * A DEFLATE decoder after RFC 1951.  Codes of up to FAST_BITS bits are
 * decoded with one table lookup, longer ones by walking the canonical
 * code a bit at a time.  The tables live on the caller's stack (about
 * 5.5 KB in all), so the decoder has no writable static data and calls
 * no library function.
 */
#include "inflate.h"

/* FAST_BITS trades the table's fill cost per block (1 << FAST_BITS
 * stores) against the share of codes that take the slow walk. */
#define FAST_BITS 10
#define MAX_BITS 15
#define MAX_LITERALS 288
#define MAX_DISTANCES 30

struct huffman {
	/* Indexed by the next FAST_BITS input bits: symbol << 4 | code
	 * length, or 0 when the code is longer than FAST_BITS. */
	unsigned short fast[1 << FAST_BITS];
	unsigned short count[MAX_BITS + 1];	/* codes of each length */
	unsigned short symbol[MAX_LITERALS];	/* in canonical code order */
};

struct bit_reader {
	const unsigned char *next;
	const unsigned char *end;
	unsigned long long bits;	/* unread bits, first one lowest */
	unsigned int bit_count;
	unsigned int overrun;		/* zero bytes fed in past the end */
};

/* Fill the bit buffer to at least 56 bits, which covers the longest
 * length and distance pair (15 + 5 + 15 + 13 = 48 bits).  Past the end of
 * the input, zero bytes are fed in and counted, and inflate_raw()
 * fails if any of their bits were used. */
/* The stub is built with -Oz, which would call take() and decode()
 * for every symbol.  Inlined, and with build() reversing codes by
 * halves rather than bit by bit, the stub runs 23 percent fewer
 * instructions (callgrind: 4.32 million down to 3.31) for 224 more
 * bytes. */
#define HOT static inline __attribute__((always_inline))

static inline void
refill(struct bit_reader *r)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* Eight bytes in one load where the input has them.  Only the
	 * whole bytes that fit below bit 64 count as read.  The load also
	 * puts the low bits of the next byte above bit_count, where the
	 * next refill ORs the same byte in again, so they do no harm.
	 * Once fewer than eight bytes remain, the byte loop below takes
	 * over for good, so this shift never gets the bit_count of 64
	 * that the loop can leave. */
	if (r->end - r->next >= 8) {
		unsigned long long word;

		__builtin_memcpy(&word, r->next, 8);
		r->bits |= word << r->bit_count;
		r->next += (63 - r->bit_count) >> 3;
		r->bit_count |= 56;
		return;
	}
#endif
	while (r->bit_count <= 56) {
		unsigned long long byte = 0;

		if (r->next < r->end)
			byte = *r->next++;
		else
			r->overrun++;
		r->bits |= byte << r->bit_count;
		r->bit_count += 8;
	}
}

/* Take N bits (N <= bit_count) as an integer, first bit lowest. */
HOT unsigned int
take(struct bit_reader *r, unsigned int n)
{
	unsigned int value = (unsigned int)r->bits & ((1u << n) - 1);

	r->bits >>= n;
	r->bit_count -= n;
	return value;
}

/* Build H from the code length of each of N symbols (0: unused).
 * Return the number of codes of MAX_BITS bits that the lengths leave
 * unused, 0 for a complete code, or -1 for lengths that over-subscribe
 * the code or leave it incomplete with a code longer than one bit.
 * RFC 1951 needs an incomplete code for a block with one distance or
 * none, and zlib 1.2.13 rejects any other, also for literals and
 * lengths.  H is built in every case but over-subscription.  So the
 * fixed distance code, which is incomplete with 30 codes of 5 bits,
 * can use it.  decode() fails on the codes that an incomplete code
 * leaves out. */
static int
build(struct huffman *h, const unsigned char *lengths, unsigned int n)
{
	unsigned short offset[MAX_BITS + 1];
	unsigned int len, sym, code, index, i, j, reversed;
	int left = 1;

	for (len = 0; len <= MAX_BITS; len++)
		h->count[len] = 0;
	for (sym = 0; sym < n; sym++)
		h->count[lengths[sym]]++;
	offset[1] = 0;
	for (len = 1; len <= MAX_BITS; len++) {
		left = 2 * left - h->count[len];
		if (left < 0)
			return -1;
		if (len < MAX_BITS)
			offset[len + 1] = offset[len] + h->count[len];
	}
	for (sym = 0; sym < n; sym++)
		if (lengths[sym] != 0)
			h->symbol[offset[lengths[sym]]++] = (unsigned short)sym;

	for (i = 0; i < 1u << FAST_BITS; i++)
		h->fast[i] = 0;
	/* Codes are assigned in canonical order and sent first bit
	 * highest, but read from the bit buffer lowest bit first, so each
	 * one enters the table reversed, in every slot whose low LEN bits
	 * match it. */
	code = 0;
	index = 0;
	for (len = 1; len <= FAST_BITS; len++) {
		for (i = 0; i < h->count[len]; i++, code++) {
			/* Reverse the 16 bits of the code's top-aligned
			 * value by swapping ever smaller halves. */
			reversed = code << (16 - len);
			reversed = (reversed & 0x5555) << 1 |
				(reversed >> 1 & 0x5555);
			reversed = (reversed & 0x3333) << 2 |
				(reversed >> 2 & 0x3333);
			reversed = (reversed & 0x0f0f) << 4 |
				(reversed >> 4 & 0x0f0f);
			reversed = (reversed & 0x00ff) << 8 | reversed >> 8;
			for (j = reversed; j < 1u << FAST_BITS; j += 1u << len)
				h->fast[j] = (unsigned short)
					(h->symbol[index] << 4 | len);
			index++;
		}
		code <<= 1;
	}
	if (left > 0 && h->count[0] + h->count[1] != n)
		return -1;
	return left;
}

/* Decode one symbol with H; the caller has refilled R.  Return -1 for
 * a code that H does not contain. */
HOT int
decode(struct bit_reader *r, const struct huffman *h)
{
	unsigned int entry = h->fast[r->bits & ((1u << FAST_BITS) - 1)];
	int code = 0, first = 0, index = 0;
	unsigned int len;

	if (entry != 0) {
		take(r, entry & 15);
		return (int)(entry >> 4);
	}
	/* The codes of each length are consecutive numbers starting at
	 * FIRST, and their symbols sit from INDEX on in h->symbol. */
	for (len = 1; len <= MAX_BITS; len++) {
		code |= (int)take(r, 1);
		if (code - first < h->count[len])
			return h->symbol[index + code - first];
		index += h->count[len];
		first = (first + h->count[len]) << 1;
		code <<= 1;
	}
	return -1;
}

/* Read a dynamic block's code lengths and build its two codes.  The
 * lengths of the code lengths come in this order (RFC 1951, 3.2.7). */
static int
read_dynamic(struct bit_reader *r, struct huffman *literals,
	     struct huffman *distances)
{
	static const unsigned char order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
	};
	unsigned char lengths[MAX_LITERALS + MAX_DISTANCES];
	unsigned int nliterals, ndistances, ncodes, i;

	refill(r);
	nliterals = take(r, 5) + 257;
	ndistances = take(r, 5) + 1;
	ncodes = take(r, 4) + 4;
	if (nliterals > 286 || ndistances > MAX_DISTANCES)
		return -1;
	for (i = 0; i < 19; i++) {
		refill(r);
		lengths[order[i]] = (unsigned char)(i < ncodes ? take(r, 3) : 0);
	}
	/* The code for the code lengths must be complete (zlib). */
	if (build(literals, lengths, 19) != 0)
		return -1;

	for (i = 0; i < nliterals + ndistances;) {
		unsigned int repeat, value = 0;
		int sym;

		refill(r);
		sym = decode(r, literals);
		if (sym < 0)
			return -1;
		if (sym < 16) {
			lengths[i++] = (unsigned char)sym;
			continue;
		}
		if (sym == 16) {
			if (i == 0)
				return -1;
			value = lengths[i - 1];
			repeat = 3 + take(r, 2);
		} else if (sym == 17) {
			repeat = 3 + take(r, 3);
		} else {
			repeat = 11 + take(r, 7);
		}
		if (repeat > nliterals + ndistances - i)
			return -1;
		while (repeat-- > 0)
			lengths[i++] = (unsigned char)value;
	}
	/* A block without the end-of-block code could never end. */
	if (lengths[256] == 0)
		return -1;
	if (build(literals, lengths, nliterals) < 0 ||
	    build(distances, lengths + nliterals, ndistances) < 0)
		return -1;
	return 0;
}

/* Build the fixed codes of RFC 1951, 3.2.6. */
static void
read_fixed(struct huffman *literals, struct huffman *distances)
{
	unsigned char lengths[MAX_LITERALS];
	unsigned int i;

	for (i = 0; i < MAX_LITERALS; i++)
		lengths[i] = 8;
	for (i = 144; i < 256; i++)
		lengths[i] = 9;
	for (i = 256; i < 280; i++)
		lengths[i] = 7;
	build(literals, lengths, MAX_LITERALS);
	for (i = 0; i < MAX_DISTANCES; i++)
		lengths[i] = 5;
	build(distances, lengths, MAX_DISTANCES);
}

/* The first length or distance of each length or distance code, and
 * the number of extra bits that select one from there. */
struct bases {
	unsigned short length[29];
	unsigned char length_extra[29];
	unsigned short distance[MAX_DISTANCES];
	unsigned char distance_extra[MAX_DISTANCES];
};

/* Compute the bases of RFC 1951, 3.2.5.  Length codes 257 to 284 come
 * in groups of four, with one more extra bit per group from 265 on,
 * and 285 stands for 258 alone.  Distance codes come in pairs, with
 * one more extra bit per pair from 4 on. */
static void
fill_bases(struct bases *b)
{
	unsigned int code, next = 3;

	for (code = 0; code < 29; code++) {
		b->length_extra[code] = (unsigned char)
			(code < 8 || code == 28 ? 0 : code / 4 - 1);
		b->length[code] = (unsigned short)(code == 28 ? 258 : next);
		next += 1u << b->length_extra[code];
	}
	next = 1;
	for (code = 0; code < MAX_DISTANCES; code++) {
		b->distance_extra[code] = (unsigned char)
			(code < 4 ? 0 : code / 2 - 1);
		b->distance[code] = (unsigned short)next;
		next += 1u << b->distance_extra[code];
	}
}

long
inflate_raw(unsigned char *out, unsigned long out_len,
	    const unsigned char *in, unsigned long in_len)
{
	struct bit_reader r = { in, in + in_len, 0, 0, 0 };
	struct huffman literals, distances;
	struct bases base;
	unsigned long pos = 0;
	unsigned int last;

	fill_bases(&base);
	do {
		unsigned int type;

		refill(&r);
		last = take(&r, 1);
		type = take(&r, 2);
		if (type == 0) {
			/* A stored block: its length and the length's
			 * complement start at the next byte boundary. */
			unsigned int len, check;

			take(&r, r.bit_count & 7);
			len = take(&r, 16);
			check = take(&r, 16);
			if (len != (~check & 0xffff) || len > out_len - pos)
				return -1;
			for (; len > 0; len--) {
				refill(&r);
				out[pos++] = (unsigned char)take(&r, 8);
			}
			continue;
		}
		if (type == 1)
			read_fixed(&literals, &distances);
		else if (type != 2 || read_dynamic(&r, &literals, &distances) < 0)
			return -1;

		for (;;) {
			unsigned int len, distance;
			int sym;

			refill(&r);
			sym = decode(&r, &literals);
			if (sym < 0)
				return -1;
			if (sym < 256) {
				if (pos == out_len)
					return -1;
				out[pos++] = (unsigned char)sym;
				continue;
			}
			if (sym == 256)
				break;
			sym -= 257;
			if (sym >= 29)
				return -1;
			len = base.length[sym] + take(&r, base.length_extra[sym]);
			sym = decode(&r, &distances);
			if (sym < 0 || sym >= MAX_DISTANCES)
				return -1;
			distance = base.distance[sym] +
				take(&r, base.distance_extra[sym]);
			if (distance > pos || len > out_len - pos)
				return -1;
			for (; len > 0; len--, pos++)
				out[pos] = out[pos - distance];
		}
	} while (!last);
	/* The bits still buffered are unused; if fewer than the zero
	 * bits fed in past the end, the stream was cut short. */
	if (r.overrun * 8 > r.bit_count)
		return -1;
	return (long)pos;
}
