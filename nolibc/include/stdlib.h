#ifndef NOLIBC_STDLIB_H
#define NOLIBC_STDLIB_H

#include <stddef.h>

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);

char *getenv(const char *name);

/* There are no atexit() handlers and no stdio buffers, so exit() is
 * _exit(). */
void exit(int status) __attribute__((__noreturn__));

#endif
