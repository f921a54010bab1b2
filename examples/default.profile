# The built-in default, written out: deny firejail's @default-nodebuggers
# group (mount, ptrace, kexec_load, init_module, bpf, ...) on every ABI,
# with EPERM.
seccomp
