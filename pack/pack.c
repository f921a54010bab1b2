/*
 * The host side of the packed build (./build.sh packed).  It runs on the
 * build machine, with its C library:
 *
 *   pack image ELF IMAGE HEADER
 *	write the memory image of ELF, a static x86_64 executable, to
 *	IMAGE with the branch filter applied to its code, and the layout
 *	that stub.c needs to HEADER
 *   pack check ELF STREAM
 *	decode the raw DEFLATE stream STREAM as stub.c will, undo the
 *	branch filter, and compare the result with the image of ELF
 *   pack trim ELF
 *	remove the section headers of ELF, which the kernel never reads
 *   pack inflate STREAM OUTPUT
 *	decode the raw DEFLATE stream STREAM into OUTPUT, at most 16 MiB,
 *	for the tests of the decoder
 *   pack locate FILE PART
 *	print the offset in FILE of the first copy of PART's bytes, for
 *	the tests that damage the stream inside the packed build
 *
 * The memory image runs from the page of the first PT_LOAD segment to
 * the last byte that a segment loads from the file.  Bytes in between
 * that no segment loads are zero, as are those of .bss.
 *
 * Exit status: 0 on success, 1 with a message on standard error.
 */
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "image.h"
#include "inflate.h"

#define PAGE_SIZE 4096UL
#define MAX_SEGMENTS 8
/* The largest image and mapping pack handles, and the largest output
 * of `pack inflate`: seccwrap's are under 200 KB. */
#define MAX_IMAGE (16UL << 20)
/* The end of x86_64's lower half, where user addresses lie. */
#define USER_END (1UL << 47)

struct segment {
	unsigned long start;	/* first page, as an address */
	unsigned long end;	/* end of the last page */
	unsigned int flags;	/* PF_R, PF_W and PF_X */
};

struct layout {
	unsigned long base;	/* address of the image's first byte */
	unsigned long map_end;	/* end of the last segment's last page */
	unsigned long image_len;
	unsigned long code_start;	/* executable bytes, from base */
	unsigned long code_len;
	unsigned long entry;
	struct segment segments[MAX_SEGMENTS];
	unsigned int nsegments;
};

static const char *program_file;

static void __attribute__((noreturn, format(printf, 1, 2)))
fail(const char *format, ...)
{
	va_list ap;

	fputs("pack: ", stderr);
	va_start(ap, format);
	vfprintf(stderr, format, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static unsigned char *
read_file(const char *path, unsigned long *len)
{
	unsigned char *data = NULL;
	size_t size = 0, used = 0, n;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		fail("%s: %s", path, strerror(errno));
	do {
		if (used == size) {
			size = size ? 2 * size : 65536;
			data = realloc(data, size);
			if (data == NULL)
				fail("%s: out of memory", path);
		}
		n = fread(data + used, 1, size - used, f);
		used += n;
	} while (n > 0);
	if (ferror(f))
		fail("%s: read failed: %s", path, strerror(errno));
	fclose(f);
	*len = used;
	return data;
}

static void
write_file(const char *path, const void *data, unsigned long len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		fail("%s: %s", path, strerror(errno));
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0)
		fail("%s: write failed: %s", path, strerror(errno));
}

static unsigned long
page_down(unsigned long address)
{
	return address & ~(PAGE_SIZE - 1);
}

static unsigned long
page_up(unsigned long address)
{
	return page_down(address + PAGE_SIZE - 1);
}

/* Check that FILE (LEN bytes) is a static x86_64 executable whose
 * program headers lie in it, and return its header. */
static const Elf64_Ehdr *
check_elf(const unsigned char *file, unsigned long len)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;

	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
		fail("%s: not an ELF file", program_file);
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_machine != EM_X86_64)
		fail("%s: not an x86_64 program; the packed build is for "
		     "x86_64 only", program_file);
	if (eh->e_type != ET_EXEC)
		fail("%s: not a static executable at a fixed address (ELF "
		     "type %u)", program_file, eh->e_type);
	/* read_file()'s buffer comes from malloc(), so a table at a
	 * multiple of 8 is aligned for its structs. */
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phoff % 8 != 0 ||
	    eh->e_phoff > len ||
	    (len - eh->e_phoff) / sizeof(Elf64_Phdr) < eh->e_phnum)
		fail("%s: program headers out of the file or misaligned",
		     program_file);
	return eh;
}

/* Narrow L's code range to the .text section where FILE has section
 * headers that name it inside the executable segment.  The branch
 * filter gains nothing on the read-only data that shares the segment:
 * 45 bytes less output on the x86_64 nolibc build. */
static void
narrow_to_text(const unsigned char *file, unsigned long len,
	       struct layout *l)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;
	const Elf64_Shdr *sh, *names;
	unsigned long start;
	unsigned int i;

	if (eh->e_shoff == 0 || eh->e_shentsize != sizeof(Elf64_Shdr) ||
	    eh->e_shoff % 8 != 0 || eh->e_shoff > len ||
	    (len - eh->e_shoff) / sizeof(Elf64_Shdr) < eh->e_shnum ||
	    eh->e_shstrndx >= eh->e_shnum)
		return;
	sh = (const Elf64_Shdr *)(file + eh->e_shoff);
	names = &sh[eh->e_shstrndx];
	if (names->sh_offset > len || names->sh_size > len - names->sh_offset)
		return;
	for (i = 0; i < eh->e_shnum; i++) {
		/* The name and its NUL must lie in the string table. */
		if (sh[i].sh_name > names->sh_size ||
		    names->sh_size - sh[i].sh_name < sizeof(".text") ||
		    memcmp(file + names->sh_offset + sh[i].sh_name, ".text",
			   sizeof(".text")) != 0)
			continue;
		if (sh[i].sh_addr < l->base)
			return;
		start = sh[i].sh_addr - l->base;
		if (start >= l->code_start &&
		    start - l->code_start <= l->code_len &&
		    sh[i].sh_size <= l->code_len - (start - l->code_start)) {
			l->code_start = start;
			l->code_len = sh[i].sh_size;
		}
		return;
	}
}

/* Fill L from the PT_LOAD segments of FILE, and copy the bytes they
 * load to a new zeroed buffer, the image, which is returned. */
static unsigned char *
read_layout(const unsigned char *file, unsigned long len, struct layout *l)
{
	const Elf64_Ehdr *eh = check_elf(file, len);
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(file + eh->e_phoff);
	unsigned char *image;
	unsigned int i, ncode = 0;

	memset(l, 0, sizeof(*l));
	for (i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *p = &ph[i];
		struct segment *s;

		if (p->p_type == PT_INTERP || p->p_type == PT_DYNAMIC ||
		    p->p_type == PT_TLS)
			fail("%s: has program header type %u; only a static "
			     "program without TLS can be packed",
			     program_file, p->p_type);
		if (p->p_type != PT_LOAD)
			continue;
		if (p->p_offset > len || p->p_filesz > len - p->p_offset ||
		    p->p_filesz > p->p_memsz)
			fail("%s: segment %u out of the file", program_file, i);
		if (p->p_vaddr >= USER_END || p->p_memsz > USER_END - p->p_vaddr)
			fail("%s: segment %u out of the user address space",
			     program_file, i);
		/* With filesz <= memsz, an empty segment loads nothing. */
		if (p->p_memsz == 0)
			continue;
		if (l->nsegments == MAX_SEGMENTS)
			fail("%s: more than %d PT_LOAD segments",
			     program_file, MAX_SEGMENTS);
		if ((p->p_flags & (PF_W | PF_X)) == (PF_W | PF_X))
			fail("%s: segment %u is writable and executable",
			     program_file, i);
		s = &l->segments[l->nsegments];
		s->start = page_down(p->p_vaddr);
		s->end = page_up(p->p_vaddr + p->p_memsz);
		s->flags = p->p_flags & (PF_R | PF_W | PF_X);
		if (l->nsegments == 0) {
			l->base = s->start;
		} else {
			/* mprotect() works on whole pages, so a page that
			 * two segments share gets one protection. */
			struct segment *prev = s - 1;

			if (s->start < prev->end && s->flags != prev->flags)
				fail("%s: segments with different "
				     "protections share the page at %#lx",
				     program_file, s->start);
			if (s->start < prev->start)
				fail("%s: PT_LOAD segments out of address "
				     "order", program_file);
		}
		if (p->p_filesz > 0 &&
		    p->p_vaddr + p->p_filesz - l->base > l->image_len)
			l->image_len = p->p_vaddr + p->p_filesz - l->base;
		if (s->end > l->map_end)
			l->map_end = s->end;
		if (p->p_flags & PF_X) {
			ncode++;
			l->code_start = p->p_vaddr - l->base;
			l->code_len = p->p_filesz;
			if (eh->e_entry >= p->p_vaddr &&
			    eh->e_entry < p->p_vaddr + p->p_filesz)
				l->entry = eh->e_entry;
		}
		l->nsegments++;
	}
	if (ncode != 1)
		fail("%s: %u executable segments; the branch filter needs "
		     "exactly one", program_file, ncode);
	if (l->entry == 0)
		fail("%s: entry point %#lx is not in the executable segment",
		     program_file, (unsigned long)eh->e_entry);
	if (l->map_end - l->base > MAX_IMAGE)
		fail("%s: its segments span %lu bytes, more than the %lu that "
		     "pack handles", program_file, l->map_end - l->base,
		     MAX_IMAGE);

	narrow_to_text(file, len, l);
	image = calloc(1, l->image_len);
	if (image == NULL)
		fail("out of memory");
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_filesz > 0)
			memcpy(image + (ph[i].p_vaddr - l->base),
			       file + ph[i].p_offset, ph[i].p_filesz);
	return image;
}

static const char *
protection_name(unsigned int flags)
{
	static const char *const names[8] = {
		"PROT_NONE", "PROT_EXEC", "PROT_WRITE",
		"PROT_WRITE | PROT_EXEC", "PROT_READ",
		"PROT_READ | PROT_EXEC", "PROT_READ | PROT_WRITE",
		"PROT_READ | PROT_WRITE | PROT_EXEC"
	};

	/* PF_X, PF_W and PF_R are bits 0, 1 and 2, the reverse of the
	 * PROT_ bits. */
	return names[flags & 7];
}

static void
write_header(const char *path, const char *elf_path, const struct layout *l,
	     const unsigned long long sums[2])
{
	FILE *f = fopen(path, "w");
	unsigned int i;

	if (f == NULL)
		fail("%s: %s", path, strerror(errno));
	/* The ELF's path could end the comment early ("*" then "/"). */
	(void)elf_path;
	fprintf(f, "/* generated by pack/pack.c; do not edit */\n\n");
	fprintf(f, "#define PACK_BASE %#lxUL\n", l->base);
	fprintf(f, "#define PACK_MAP_LEN %#lxUL\n", l->map_end - l->base);
	fprintf(f, "#define PACK_IMAGE_LEN %luUL\n", l->image_len);
	fprintf(f, "#define PACK_CODE_START %#lxUL\n", l->code_start);
	fprintf(f, "#define PACK_CODE_LEN %#lxUL\n", l->code_len);
	fprintf(f, "#define PACK_ENTRY %#lxUL\n", l->entry);
	fprintf(f, "#define PACK_SUM0 %#llxULL\n", sums[0]);
	fprintf(f, "#define PACK_SUM1 %#llxULL\n", sums[1]);
	fprintf(f, "#define PACK_SEGMENTS");
	for (i = 0; i < l->nsegments; i++)
		fprintf(f, " \\\n\t{ %#lxUL, %#lxUL, %s },",
			l->segments[i].start,
			l->segments[i].end - l->segments[i].start,
			protection_name(l->segments[i].flags));
	fprintf(f, "\n");
	if (fclose(f) != 0)
		fail("%s: write failed: %s", path, strerror(errno));
}

/* Decode the raw DEFLATE stream in PATH into a new buffer of MAX_IMAGE
 * bytes and return it, with the decoded length in LEN. */
static unsigned char *
decode_stream(const char *path, unsigned long *len)
{
	unsigned long stream_len;
	unsigned char *stream = read_file(path, &stream_len);
	unsigned char *output = malloc(MAX_IMAGE);
	long n;

	if (output == NULL)
		fail("out of memory");
	n = inflate_raw(output, MAX_IMAGE, stream, stream_len);
	if (n < 0)
		fail("%s: invalid DEFLATE stream, or it decodes to more than "
		     "%lu bytes", path, MAX_IMAGE);
	free(stream);
	*len = (unsigned long)n;
	return output;
}

static int
pack_image(const char *elf_path, const char *image_path,
	   const char *header_path)
{
	unsigned long len;
	unsigned char *file = read_file(elf_path, &len);
	unsigned long long sums[2];
	struct layout l;
	unsigned char *image = read_layout(file, len, &l);

	image_checksum(image, l.image_len, sums);
	bcj_convert(image + l.code_start, l.code_len, l.code_start, 1);
	write_file(image_path, image, l.image_len);
	write_header(header_path, elf_path, &l, sums);
	return 0;
}

static int
pack_check(const char *elf_path, const char *stream_path)
{
	unsigned long len, n, i;
	unsigned char *file = read_file(elf_path, &len);
	struct layout l;
	unsigned char *image = read_layout(file, len, &l);
	unsigned char *decoded = decode_stream(stream_path, &n);

	if (n != l.image_len)
		fail("%s: decodes to %lu bytes, not the %lu of %s's image",
		     stream_path, n, l.image_len, elf_path);
	bcj_convert(decoded + l.code_start, l.code_len, l.code_start, -1);
	for (i = 0; i < l.image_len; i++)
		if (decoded[i] != image[i])
			fail("%s: byte %lu of the decoded image differs from "
			     "%s's", stream_path, i, elf_path);
	return 0;
}

static int
pack_trim(const char *elf_path)
{
	unsigned long len, end;
	unsigned char *file = read_file(elf_path, &len);
	Elf64_Ehdr *eh = (Elf64_Ehdr *)file;
	char temp[4096];
	struct stat st;
	const Elf64_Phdr *ph;
	unsigned int i;

	check_elf(file, len);
	ph = (const Elf64_Phdr *)(file + eh->e_phoff);
	end = eh->e_phoff + eh->e_phnum * sizeof(Elf64_Phdr);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_offset > len || ph[i].p_filesz > len - ph[i].p_offset)
			fail("%s: segment %u out of the file", elf_path, i);
		if (ph[i].p_offset + ph[i].p_filesz > end)
			end = ph[i].p_offset + ph[i].p_filesz;
	}
	if (end < sizeof(*eh))
		end = sizeof(*eh);
	eh->e_shoff = 0;
	eh->e_shnum = 0;
	eh->e_shstrndx = SHN_UNDEF;
	/* Through a new file, so that a failed write leaves ELF as it
	 * was. */
	if (snprintf(temp, sizeof(temp), "%s.trim", elf_path) >=
	    (int)sizeof(temp))
		fail("%s: path too long", elf_path);
	if (stat(elf_path, &st) != 0)
		fail("%s: %s", elf_path, strerror(errno));
	write_file(temp, file, end);
	if (chmod(temp, st.st_mode & 07777) != 0 ||
	    rename(temp, elf_path) != 0)
		fail("%s: %s", elf_path, strerror(errno));
	return 0;
}

static int
pack_inflate(const char *stream_path, const char *output_path)
{
	unsigned long n;
	unsigned char *output = decode_stream(stream_path, &n);

	write_file(output_path, output, n);
	return 0;
}

static int
pack_locate(const char *path, const char *part_path)
{
	unsigned long len, part_len, i;
	unsigned char *file = read_file(path, &len);
	unsigned char *part = read_file(part_path, &part_len);

	for (i = 0; part_len > 0 && part_len <= len && i <= len - part_len; i++)
		if (memcmp(file + i, part, part_len) == 0) {
			printf("%lu\n", i);
			return 0;
		}
	fail("%s: does not contain the bytes of %s", path, part_path);
}

int
main(int argc, char **argv)
{
	if (argc >= 3)
		program_file = argv[2];
	if (argc == 5 && strcmp(argv[1], "image") == 0)
		return pack_image(argv[2], argv[3], argv[4]);
	if (argc == 4 && strcmp(argv[1], "check") == 0)
		return pack_check(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "trim") == 0)
		return pack_trim(argv[2]);
	if (argc == 4 && strcmp(argv[1], "inflate") == 0)
		return pack_inflate(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "locate") == 0)
		return pack_locate(argv[2], argv[3]);
	fputs("usage: pack image ELF IMAGE HEADER\n"
	      "       pack check ELF STREAM\n"
	      "       pack trim ELF\n"
	      "       pack inflate STREAM OUTPUT\n"
	      "       pack locate FILE PART\n", stderr);
	return 1;
}
