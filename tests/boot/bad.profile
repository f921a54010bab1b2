# A misspelled syscall: seccwrap must exit 125 and run nothing.
seccomp.drop mout
