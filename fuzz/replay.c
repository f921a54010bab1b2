/*
 * Run a fuzz harness on saved inputs without libFuzzer, for the test
 * suite and for debugging: "replay FILE..." prints "ok FILE" for each
 * input that passes.  A failed check aborts with its message.
 */
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
main(int argc, char **argv)
{
	static unsigned char data[1 << 21];
	size_t size;
	FILE *f;
	int i;

	for (i = 1; i < argc; i++) {
		f = fopen(argv[i], "rb");
		if (f == NULL) {
			perror(argv[i]);
			return 2;
		}
		size = fread(data, 1, sizeof(data), f);
		fclose(f);
		LLVMFuzzerTestOneInput(data, size);
		printf("ok %s\n", argv[i]);
		fflush(stdout);
	}
	return 0;
}
