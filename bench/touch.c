/*
 * touch: write one byte to each of N fresh anonymous pages and exit, so
 * that the start-up table can show what N minor page faults cost next to
 * the page-fault counts of the launchers.
 *
 *   touch N
 *
 * Build: musl-gcc -O2 -static -o touch touch.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#define PAGE_SIZE 4096

int
main(int argc, char **argv)
{
	volatile char *pages;
	long count, i;

	if (argc != 2 || (count = atol(argv[1])) < 0) {
		fprintf(stderr, "usage: touch N\n");
		return 2;
	}
	if (count == 0)
		return 0;
	pages = mmap(NULL, (size_t)count * PAGE_SIZE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED) {
		perror("touch: mmap");
		return 1;
	}
	for (i = 0; i < count; i++)
		pages[i * PAGE_SIZE] = 1;
	return 0;
}
