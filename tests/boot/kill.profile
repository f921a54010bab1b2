# The default list, and a denied call kills the process with SIGSYS.
seccomp
seccomp-error-action kill
