#ifndef NOLIBC_STRING_H
#define NOLIBC_STRING_H

#include <stddef.h>

/* GCC may emit calls to these four even with -ffreestanding. */
void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *s1, const void *s2, size_t n);

size_t strlen(const char *s);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strdup(const char *s);
char *strcpy(char *dest, const char *src);
char *strstr(const char *haystack, const char *needle);

#endif
