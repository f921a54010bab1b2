/*
 * Input files and checks shared by the fuzz harnesses: the profile files
 * an input becomes, and the checks every profile the parser reads must
 * pass.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "seccwrap.h"

/* Maximum number of profile files one input becomes (split at NUL
 * bytes). */
#define FUZZ_FILES_MAX 4

/*
 * Reset seccwrap's global state and S as main() does, write DATA as
 * profile files into a scratch folder and return the path of the first.
 * The first NUL-separated part of DATA becomes "fuzz.profile", and the
 * following ones "1.inc", "2.inc" and "3.local", which the first can
 * include by those names.  When DATA starts with the comment line
 * "#fail-alloc N", the Nth allocation from here on fails.
 */
const char *fuzz_start(const uint8_t *data, size_t size, struct settings *s);

/* Print "fuzz: check failed: TEXT" in the sanitizers' report, or on
 * stderr without a sanitizer, then abort. */
void fuzz_fail(const char *text);

/*
 * Check that STAGE reported what it returned: ERRORS (its return value)
 * is 0 exactly when no error message was printed since ERRORS_BEFORE.
 * main() only looks at the messages, so an error without a message would
 * let a half-read profile through.
 */
void fuzz_check_reported(const char *stage, unsigned int errors,
			 unsigned int errors_before);

/* Check what profile_read() stored in S after reading without errors. */
void fuzz_check_settings(const struct settings *s);

/* Fail when an allocation failed but the run was not REJECTED, because
 * out of memory must never pass for success. */
void fuzz_check_allocation(int rejected);

/* Free everything seccwrap allocated for this input. */
void fuzz_end(void);

#endif
