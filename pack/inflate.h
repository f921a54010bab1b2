/*
 * A DEFLATE decoder (RFC 1951, raw stream: no zlib or gzip header), for
 * the packed build's start-up stub and for pack.c's check of its own
 * output.  It uses no C library and no writable static data, so the
 * stub can run it before seccwrap's own code is in memory.
 */
#ifndef PACK_INFLATE_H
#define PACK_INFLATE_H

/* Decode the raw DEFLATE stream IN (IN_LEN bytes) into OUT, which has
 * room for OUT_LEN bytes.  Return the number of bytes written, or -1
 * when the stream is invalid, ends early, or would not fit in OUT. */
long inflate_raw(unsigned char *out, unsigned long out_len,
		 const unsigned char *in, unsigned long in_len);

#endif
