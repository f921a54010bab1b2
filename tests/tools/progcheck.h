/*
 * Check a compiled program against the policy it came from, with the BPF
 * emulator and the model of the kernel's action cache (src/emulate.c).
 * Shared by tests/tools/policycheck.c and the fuzz harnesses in fuzz/.
 */
#ifndef PROGCHECK_H
#define PROGCHECK_H

#include "seccwrap.h"

/* Where a check failed, or figures about a program that passed. */
struct progcheck_result {
	const char *why;	/* NULL when every check passed */
	uint32_t arch;		/* the audit arch of the failed check */
	uint32_t nr;		/* the syscall number of the failed check */
	unsigned int max_steps;	/* most instructions run by an
				 * argument-free decision */
};

/*
 * Check PROG against POLICY:
 *
 *   - the kernel would load PROG (program_check());
 *   - the ranges of each arch are sorted and cover 0..0xffffffff;
 *   - an arch outside the policy gets bad_arch_action;
 *   - argument-free decisions: for the ends of every range and the
 *     middle of long ones, the emulated action equals the policy's, and
 *     the action cache finds every allowed number constant-allow and no
 *     other number;
 *   - argument checks: random and boundary argument words, junk in the
 *     high words included, give what a direct reading of the rules says.
 *
 * Every range of one number (each syscall of a table) is checked whole.
 * The random words restart from the same seed on every call, so a result
 * can be reproduced.  Return 0, or -1 with RES->why, RES->arch and
 * RES->nr set.
 */
int progcheck(const struct policy *policy, const struct program *prog,
	      struct progcheck_result *res);

#endif
