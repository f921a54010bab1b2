/*
 * Messages on stderr.  Every line starts with "seccwrap: " and names the
 * profile line or option it is about, so a user can go straight to it.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "seccwrap.h"

int msg_verbose;
int msg_quiet;
unsigned int msg_errors;

/* The maximum bytes of one quoted piece that a message shows.  A longer
 * one, such as an option value of 70 KB, is cut, and "..." marks the
 * cut. */
#define PIECE_MAX 1024

/* Write TEXT, which anyone may have written, escaped by out_text(). */
static void
put_piece(struct out *o, const char *text)
{
	out_text(o, text, PIECE_MAX);
	if (strlen(text) > PIECE_MAX)
		out_str(o, "...");
}

static void
put_origin(struct out *o, const struct origin *at)
{
	if (at == NULL || at->file == NULL)
		return;
	put_piece(o, at->file);
	if (at->line) {
		out_char(o, ':');
		out_dec(o, at->line);
	}
	out_str(o, ": ");
}

void
msg(int level, const struct origin *at, ...)
{
	struct out o;
	const char *s;
	va_list ap;
	/* The first error past the limit prints this line in its place,
	 * and later ones print nothing. */
	const char *too_many = "seccwrap: too many errors, giving up";
	const char *start = "seccwrap: ";

	/* Tested here, not in a helper called out of line: a default run
	 * calls msg() for notes it does not show, and a frame with O's
	 * buffer set up first costs most runs a page fault on the stack.
	 * Notes show only with -v, warnings and information unless -q. */
	if (level == MSG_ERROR) {
		if (++msg_errors > MSG_ERRORS_MAX + 1)
			return;
		if (msg_errors == MSG_ERRORS_MAX + 1)
			start = too_many;
	} else if (level == MSG_NOTE ? !msg_verbose : msg_quiet) {
		return;
	} else if (level == MSG_WARN) {
		start = "seccwrap: warning: ";
	}
	out_init(&o, 2);
	out_str(&o, start);
	if (start != too_many) {
		put_origin(&o, at);
		va_start(ap, at);
		/* The pieces quote profiles, file names and arguments,
		 * which anyone may have written. */
		while ((s = va_arg(ap, const char *)) != NULL)
			put_piece(&o, s);
		va_end(ap);
	}
	out_char(&o, '\n');
	out_flush(&o);
}
