/*
 * Buffered output and number formatting without stdio, so that the musl
 * and the nolibc builds print byte for byte alike.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "seccwrap.h"

int out_stdout_error;

void
out_init(struct out *o, int fd)
{
	o->fd = fd;
	o->error = 0;
	o->len = 0;
}

int
out_flush(struct out *o)
{
	unsigned int done = 0;
	ssize_t n;

	while (done < o->len) {
		/* No retry on EINTR: seccwrap sets no signal handler, so
		 * only a filter's errno returns it, and every retry would
		 * get it again. */
		n = write(o->fd, o->buf + done, o->len - done);
		if (n <= 0) {
			o->error = 1;
			if (o->fd == 1 && out_stdout_error == 0)
				out_stdout_error = n < 0 ? errno : EIO;
			break;
		}
		done += (unsigned int)n;
	}
	o->len = 0;
	return o->error ? -1 : 0;
}

void
out_char(struct out *o, char c)
{
	if (o->len == sizeof(o->buf))
		out_flush(o);
	o->buf[o->len++] = c;
}

void
out_str(struct out *o, const char *s)
{
	while (*s)
		out_char(o, *s++);
}

static const char *
fmt_base(char *buf, unsigned long v, unsigned int base)
{
	char tmp[24];
	int n = 0, i = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		buf[i++] = tmp[--n];
	buf[i] = '\0';
	return buf;
}

const char *
fmt_uint(char *buf, unsigned long v)
{
	return fmt_base(buf, v, 10);
}

const char *
fmt_hex(char *buf, unsigned long v)
{
	return fmt_base(buf, v, 16);
}

void
out_dec(struct out *o, unsigned long v)
{
	char digits[24];

	out_str(o, fmt_uint(digits, v));
}

void
out_field(struct out *o, const char *text, unsigned int width, char fill)
{
	unsigned int n;

	for (n = (unsigned int)strlen(text); n < width; n++)
		out_char(o, fill);
	out_str(o, text);
}

void
out_hex(struct out *o, unsigned long v, unsigned int width)
{
	char digits[20];

	out_str(o, "0x");
	out_field(o, fmt_hex(digits, v), width, '0');
}

void
out_pad(struct out *o, unsigned int column)
{
	unsigned int start = o->len, i;

	/* Find the start of the current line within the buffer. */
	while (start > 0 && o->buf[start - 1] != '\n')
		start--;
	for (i = o->len - start; i < column; i++)
		out_char(o, ' ');
}

/*
 * Characters past ASCII that show as a blank or not at all, or that
 * reorder the text around them.  They are every space separator (Unicode
 * category Zs) but U+0020, and the line and paragraph separators.  They
 * are the code points of Default_Ignorable_Code_Point: zero-width and
 * bidi controls, fillers, variation selectors, tags.  And they are the
 * other format characters that hide in running text (interlinear
 * annotation, Egyptian hieroglyph joiners) and the blank braille pattern
 * U+2800.  In a message,
 * 'seccomp.drop<U+00A0>mount' would look like a line with a plain space.
 * Ranges of code points, from UnicodeData.txt and DerivedCoreProperties.txt
 * of Unicode 15.0 (Debian's unicode-data).  Each range is its first code
 * point and how many more follow it.  Bit-fields of 20 and 12 bits keep a
 * range in 4 bytes instead of 8.  A value that does not fit gets a
 * -Woverflow warning, which the build's -Werror makes an error.
 */
static const struct {
	uint32_t first : 20;	/* below U+100000 */
	uint32_t more : 12;
} hidden[] = {
	{ 0xa0, 0 }, { 0xad, 0 }, { 0x34f, 0 }, { 0x61c, 0 }, { 0x115f, 0x1 },
	{ 0x1680, 0 }, { 0x17b4, 0x1 }, { 0x180b, 0x4 }, { 0x2000, 0xf },
	{ 0x2028, 0x7 }, { 0x205f, 0x10 }, { 0x2800, 0 }, { 0x3000, 0 },
	{ 0x3164, 0 }, { 0xfe00, 0xf }, { 0xfeff, 0 }, { 0xffa0, 0 },
	{ 0xfff0, 0xb }, { 0x13430, 0xf }, { 0x1bca0, 0x3 }, { 0x1d173, 0x7 },
	{ 0xe0000, 0xfff },
};

/*
 * Printable characters pass: ASCII from space to '~' but the backslash,
 * and well-formed UTF-8 from U+00A1 up, except the hidden[] ones.  Every
 * other byte is written as \xHH: C0 controls, the backslash, DEL, C1
 * controls, the bytes of hidden characters and malformed UTF-8.  After
 * some lead bytes the second byte has a narrower range (RFC 3629,
 * section 4).  That keeps out the C1 controls U+0080 to U+009F (after
 * 0xc2), overlong forms (0xe0, 0xf0), UTF-16 surrogates (0xed) and
 * values past U+10FFFF (0xf4).
 */
void
out_text(struct out *o, const char *text, size_t max)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, n, k;
	unsigned char c, lo, hi;
	uint32_t cp;
	char hex[4];

	while (i < max && (c = s[i]) != '\0') {
		/* A backslash is escaped too, so that \xHH in the output
		 * always stands for one byte. */
		n = c >= 0x20 && c < 0x7f && c != '\\';
		if (c >= 0xc2 && c <= 0xf4) {
			n = 2 + (c >= 0xe0) + (c >= 0xf0);
			lo = 0x80;
			hi = 0xbf;
			if (c == 0xc2 || c == 0xe0)
				lo = 0xa0;
			else if (c == 0xf0)
				lo = 0x90;
			else if (c == 0xed)
				hi = 0x9f;
			else if (c == 0xf4)
				hi = 0x8f;
			/* A character that MAX cuts short is escaped, and its
			 * bytes past MAX are never read.  A NUL fails the
			 * tests, so they never read past the string. */
			if (n > max - i || s[i + 1] < lo || s[i + 1] > hi)
				n = 0;
			/* The lead byte of an N-byte character carries 7 - N
			 * bits of the code point, and each next byte 6. */
			cp = c & (0x7fu >> n);
			for (k = 1; k < n; k++) {
				if (k > 1 && (s[i + k] & 0xc0) != 0x80)
					n = 0;
				cp = cp << 6 | (s[i + k] & 0x3fu);
			}
			for (k = 0; n > 0 && k < sizeof(hidden) /
			     sizeof(hidden[0]); k++)
				if (cp >= hidden[k].first &&
				    cp <= hidden[k].first + hidden[k].more)
					n = 0;
		}
		if (n == 0) {
			out_str(o, "\\x");
			out_field(o, fmt_hex(hex, c), 2, '0');
			i++;
		}
		while (n-- > 0)
			out_char(o, (char)s[i++]);
	}
}
