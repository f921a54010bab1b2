# memory-deny-write-execute alone: mprotect and mmap are decided by the
# PROT_EXEC and PROT_WRITE bits of their prot argument.
memory-deny-write-execute
