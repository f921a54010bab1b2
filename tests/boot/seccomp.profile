# Bare seccomp: firejail's default list only, which leaves unshare open.
seccomp
