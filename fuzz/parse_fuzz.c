/*
 * Fuzz harness for the profile parser alone: profile_read() on the input
 * (split into files as common.h describes).  Every input must either be
 * rejected with an error message, or leave settings whose lists check
 * again without errors.  A failed allocation must end in an error.
 */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings s;
	const char *path = fuzz_start(data, size, &s);
	unsigned int errors = profile_read(&s, path);

	fuzz_check_reported("profile_read", errors, 0);
	if (errors == 0)
		fuzz_check_settings(&s);
	fuzz_check_allocation(errors != 0);
	fuzz_end();
	return 0;
}
