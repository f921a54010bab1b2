# A stricter profile for the README demo: the default list, no new
# namespaces, and sockets only for local, IPv4 and IPv6 traffic.
#
#   ./seccwrap -p examples/sandbox.profile -- unshare -U true
#   unshare: unshare failed: Operation not permitted
seccomp
restrict-namespaces
protocol unix,inet,inet6
