/*
 * The start-up code of the packed build.  The kernel loads this small
 * program, which carries seccwrap's memory image as a raw DEFLATE
 * stream (stream.deflate, from pack.c and zopfli).  It maps the image's
 * pages, decodes the image into them, checks it against the checksum
 * that pack.c recorded, gives each segment its protection, and jumps to
 * seccwrap's entry point with the stack that the kernel set up.  So
 * seccwrap starts with the argument vector, environment and auxiliary
 * vector of the exec, as if the kernel had loaded it.
 *
 * A failure that the stub detects ends the process with status 125 and
 * a message, before seccwrap's code runs.  A stack limit below about
 * 12 KiB, or a filter whose action kills, ends it with a signal
 * instead.  build.sh passes the two generated files by their full
 * paths: layout.h from pack.c, with the layout (PACK_BASE and the rest),
 * through -include, and the compressed image as PACK_STREAM.
 */
#include <asm/unistd.h>
#include <linux/errno.h>
#include <linux/memfd.h>
#include <linux/mman.h>
#include <linux/signal.h>

#include "../nolibc/arch.h"
#include "image.h"
#include "inflate.h"

#if !defined(PACK_BASE) || !defined(PACK_STREAM)
#error "build the stub with ./build.sh packed, which passes its layout"
#endif

/* From Linux 6.3's linux/memfd.h, for older headers. */
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#endif

#if !defined(__x86_64__) || defined(__ILP32__)
#error "the packed build is for x86_64 only: image.h's branch filter is x86's"
#endif

/* Enter with rsp at argc, as the kernel left it.  rbx, which unpack()
 * preserves as the ABI requires of a callee-saved register, keeps that
 * stack pointer for seccwrap's _start, which gets rdx cleared as from
 * the kernel. */
__asm__(".text\n"
	".global _start\n"
	".type _start, @function\n"
	"_start:\n"
	"	mov %rsp, %rbx\n"
	"	and $-16, %rsp\n"
	"	call unpack\n"
	"	mov %rbx, %rsp\n"
	"	xor %edx, %edx\n"
	"	jmp *%rax\n"
	".size _start, . - _start\n");

/* A full path, because the assembler would take a stream.deflate in
 * the folder it runs in before one on its include path. */
__asm__(".section .rodata\n"
	"pack_stream:\n"
	".incbin \"" PACK_STREAM "\"\n"
	"pack_stream_end:\n"
	".previous\n");

extern const unsigned char pack_stream[], pack_stream_end[];

unsigned long unpack(void) __attribute__((used));

/* Copy the string S to P and return the end of the copy. */
static char *
append(char *p, const char *s)
{
	while (*s != '\0')
		*p++ = *s++;
	return p;
}

/* Write "seccwrap: packed build: WHAT", then " (errno ERROR)" when
 * ERROR is not 0, then HINT, and exit with status 125.  WHAT and HINT
 * are at most 100 bytes together. */
static void __attribute__((noreturn))
fail(const char *what, long error, const char *hint)
{
	char message[160], digits[20];
	char *p = append(message, "seccwrap: packed build: ");
	unsigned int n = 0;

	p = append(p, what);
	if (error != 0) {
		p = append(p, " (errno ");
		do {
			digits[n++] = (char)('0' + error % 10);
			error /= 10;
		} while (error != 0);
		while (n > 0)
			*p++ = digits[--n];
		*p++ = ')';
	}
	p = append(p, hint);
	*p++ = '\n';
	raw_syscall3(__NR_write, 2, (long)message, p - message);
	/* A filter may deny exit_group.  exit ends this single thread
	 * too, and the trap ends it where both are denied. */
	raw_syscall1(__NR_exit_group, 125);
	raw_syscall1(__NR_exit, 125);
	__builtin_trap();
}

/* Return -errno for a failed system call's result R, else 0. */
static long
error_of(long r)
{
	return (unsigned long)r > -4096UL ? -r : 0;
}

/*
 * Replace the LEN bytes of decoded image at START with a mapping of a
 * memfd holding them, with PROTECTION.  This is the way around a
 * policy that stops anonymous memory from becoming executable but
 * lets a new mapping be executable and not writable: systemd's
 * MemoryDenyWriteExecute=, whose filter denies mprotect() with
 * PROT_EXEC but leaves memfd_create alone, and Linux's PR_SET_MDWE
 * (6.3).  Return 0 or -errno.
 */
static long
map_from_memfd(unsigned long start, unsigned long len, long protection)
{
	/* The kernel's struct sigaction on x86_64, whose mask is one
	 * unsigned long. */
	struct kernel_sigaction {
		unsigned long handler, flags, restorer, mask;
	} ignore = { 1 /* SIG_IGN */, 0, 0, 0 }, old;
	unsigned long done = 0;
	long fd, r, saved;

	/* A memfd without execute permission still maps with PROT_EXEC,
	 * which checks the mount, not the file's mode.  MFD_NOEXEC_SEAL
	 * (Linux 6.3) is what vm.memfd_noexec=2 requires, and kernels
	 * before 6.3 reject the flag (EINVAL). */
	fd = raw_syscall2(__NR_memfd_create, (long)"seccwrap",
			  MFD_CLOEXEC | MFD_NOEXEC_SEAL);
	if (fd == -EINVAL)
		fd = raw_syscall2(__NR_memfd_create, (long)"seccwrap",
				  MFD_CLOEXEC);
	if (error_of(fd) != 0)
		return fd;
	/* Under a file size limit below LEN, write() would raise
	 * SIGXFSZ, whose default action kills.  Ignored, it makes write()
	 * fail with EFBIG instead.  The old action is put back, because
	 * the command would inherit an ignored signal. */
	saved = raw_syscall4(__NR_rt_sigaction, SIGXFSZ, (long)&ignore,
			     (long)&old, sizeof(ignore.mask));
	do {
		r = raw_syscall3(__NR_write, fd, (long)(start + done),
				 (long)(len - done));
		if (r == 0)
			r = -EIO;
		if (error_of(r) == 0)
			done += (unsigned long)r;
	} while (error_of(r) == 0 && done < len);
	if (saved == 0)
		raw_syscall4(__NR_rt_sigaction, SIGXFSZ, (long)&old, 0,
			     sizeof(ignore.mask));
	if (error_of(r) == 0)
		r = raw_syscall6(__NR_mmap, (long)start, (long)len, protection,
			 MAP_PRIVATE | MAP_FIXED, fd, 0);
	raw_syscall1(__NR_close, fd);
	return error_of(r) != 0 ? r : 0;
}

/* Unpack seccwrap's image and return its entry point. */
unsigned long
unpack(void)
{
	static const struct {
		unsigned long start, len;
		long protection;
	} segments[] = { PACK_SEGMENTS };
	unsigned char *image = (unsigned char *)PACK_BASE;
	unsigned long long sums[2];
	unsigned int i;
	long r;

	/* Without MAP_FIXED_NOREPLACE (Linux 4.17), the address is a
	 * hint that the kernel may pass over, hence the comparison. */
	r = raw_syscall6(__NR_mmap, PACK_BASE, PACK_MAP_LEN,
			 PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (r != (long)PACK_BASE)
		fail("cannot map its image", error_of(r), "");
	if (inflate_raw(image, PACK_IMAGE_LEN, pack_stream,
			(unsigned long)(pack_stream_end - pack_stream)) !=
	    (long)PACK_IMAGE_LEN)
		fail("its compressed image is corrupt", 0, "");
	bcj_convert(image + PACK_CODE_START, PACK_CODE_LEN, PACK_CODE_START,
		    -1);
	image_checksum(image, PACK_IMAGE_LEN, sums);
	if (sums[0] != PACK_SUM0 || sums[1] != PACK_SUM1)
		fail("its image fails its checksum", 0, "");
	for (i = 0; i < sizeof(segments) / sizeof(segments[0]); i++) {
		const char *hint = "";

		if (segments[i].protection == (PROT_READ | PROT_WRITE))
			continue;
		r = raw_syscall3(__NR_mprotect, (long)segments[i].start,
				 (long)segments[i].len, segments[i].protection);
		if (error_of(r) == EACCES || error_of(r) == EPERM) {
			r = map_from_memfd(segments[i].start, segments[i].len,
					   segments[i].protection);
			/* Denied again, by a filter on memfd_create or a
			 * policy on the mapping. */
			if (error_of(r) == EACCES || error_of(r) == EPERM)
				hint = "; under memory-deny-write-execute, "
					"use the unpacked build";
		}
		if (error_of(r) != 0)
			fail("cannot make its code executable", error_of(r),
			     hint);
	}
	return PACK_ENTRY;
}
