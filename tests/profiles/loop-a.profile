# Includes loop-b.inc, which includes this file again: an include loop.
seccomp
include loop-b.inc
