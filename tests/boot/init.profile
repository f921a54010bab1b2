# The profile that /init of ./build.sh initramfs applies to the shell or
# command it starts: firejail's default list (mount, ptrace, kexec_load,
# init_module, reboot, swapon, ...) and no new namespaces.  /init mounts
# /proc, /sys and /dev before the filter is installed.
seccomp
restrict-namespaces
