/*
 * The syscall groups of firejail's profile language (firejail 0.9.72
 * syscalls.txt), as data.  A member is a syscall name or another group.
 * Names are resolved per ABI later, so a name that one ABI lacks (vm86 on
 * x86_64) is skipped there.
 *
 * NOTE: firejail's text writes "set_mempolicyvmsplice" in @default, a
 * missing comma; firejail's code has both syscalls, and so does this list.
 * "ni_syscall" names no syscall on any ABI and is left out.
 *
 * Each member has the other numbers of the same call beside it: its
 * 64-bit time twin on 32-bit ABIs (clock_settime64), arm's own name
 * (arm_fadvise64_64), and its later version with more flags or a
 * directory descriptor (fchmodat2, epoll_pwait2, open_tree_attr,
 * getxattrat, quotactl_fd).  Without them, a time64 C library on i386
 * or arm would set the clock through clock_settime64 while @default
 * denies clock_settime.
 *
 * Newer calls that do a member's work are beside it too.  mount_setattr
 * changes a mount's flags as mount(MS_REMOUNT | MS_BIND) does, and so
 * can make a read-only bind mount writable.  The new mount API (fsopen,
 * fsmount, move_mount, ...) mounts as mount does, in @privileged.
 * setpriority is nice() on x86_64, which has no nice call.  file_getattr
 * and file_setattr change inode flags by path, in @file-system.
 * firejail's master branch has most of these, but puts utimensat_time64
 * and setpriority in @process, quotactl_fd in @file-system, and the
 * mount calls in @mount only.
 */
#include <string.h>

#include "seccwrap.h"
#include "sysindex.h"

struct group {
	const char *name;	/* "@name", then after its NUL the
				 * description: one pointer, not two */
	const uint16_t *members;	/* ended by GROUP_END */
};

/* The groups, in the order of groups[] below.  A member that is a group
 * is GROUP_REF | its GROUP_*. */
enum {
	GROUP_AIO,
	GROUP_BASIC_IO,
	GROUP_CHOWN,
	GROUP_CLOCK,
	GROUP_CPU_EMULATION,
	GROUP_DEBUG,
	GROUP_DEFAULT,
	GROUP_DEFAULT_KEEP,
	GROUP_DEFAULT_NODEBUGGERS,
	GROUP_FILE_SYSTEM,
	GROUP_IO_EVENT,
	GROUP_IPC,
	GROUP_KEYRING,
	GROUP_MEMLOCK,
	GROUP_MODULE,
	GROUP_MOUNT,
	GROUP_NETWORK_IO,
	GROUP_OBSOLETE,
	GROUP_PRIVILEGED,
	GROUP_PROCESS,
	GROUP_RAW_IO,
	GROUP_REBOOT,
	GROUP_RESOURCES,
	GROUP_SETUID,
	GROUP_SIGNAL,
	GROUP_SWAP,
	GROUP_SYNC,
	GROUP_SYSTEM_SERVICE,
	GROUP_TIMER,
	GROUP_COUNT
};

#define G(id) (GROUP_REF | (id))

/* uint16_t needs 2-byte alignment.  Without this, GCC aligns each array
 * of 32 bytes or more to 32 bytes on x86_64, which added 192 bytes of
 * padding to the binary. */
#define LIST_ALIGN __attribute__((__aligned__(2)))

/* Each group's members, as written. */
static const uint16_t members_aio[] LIST_ALIGN = {
	SC_io_cancel, SC_io_destroy, SC_io_getevents, SC_io_pgetevents,
	SC_io_pgetevents_time64, SC_io_setup, SC_io_submit,
	SC_io_uring_enter, SC_io_uring_register, SC_io_uring_setup,
	GROUP_END,
};

static const uint16_t members_basic_io[] LIST_ALIGN = {
	SC__llseek, SC_close, SC_close_range, SC_dup, SC_dup2, SC_dup3,
	SC_lseek, SC_pread64, SC_preadv, SC_preadv2, SC_pwrite64,
	SC_pwritev, SC_pwritev2, SC_read, SC_readv, SC_write, SC_writev,
	GROUP_END,
};

static const uint16_t members_chown[] LIST_ALIGN = {
	SC_chown, SC_chown32, SC_fchown, SC_fchown32, SC_fchownat,
	SC_lchown, SC_lchown32,
	GROUP_END,
};

static const uint16_t members_clock[] LIST_ALIGN = {
	SC_adjtimex, SC_clock_adjtime, SC_clock_adjtime64,
	SC_clock_settime, SC_clock_settime64, SC_settimeofday, SC_stime,
	GROUP_END,
};

static const uint16_t members_cpu_emulation[] LIST_ALIGN = {
	SC_modify_ldt, SC_subpage_prot, SC_switch_endian, SC_vm86,
	SC_vm86old,
	GROUP_END,
};

static const uint16_t members_debug[] LIST_ALIGN = {
	SC_lookup_dcookie, SC_perf_event_open, SC_pidfd_getfd,
	SC_process_vm_writev, SC_rtas, SC_s390_runtime_instr,
	SC_sys_debug_setcontext,
	GROUP_END,
};

static const uint16_t members_default[] LIST_ALIGN = {
	G(GROUP_CLOCK), G(GROUP_CPU_EMULATION), G(GROUP_DEBUG),
	G(GROUP_MODULE), G(GROUP_MOUNT), G(GROUP_OBSOLETE),
	G(GROUP_RAW_IO), G(GROUP_REBOOT), G(GROUP_SWAP),
	SC_open_by_handle_at, SC_name_to_handle_at, SC_ioprio_set,
	SC_syslog, SC_fanotify_init, SC_add_key, SC_request_key,
	SC_mbind, SC_migrate_pages, SC_move_pages, SC_keyctl,
	SC_io_setup, SC_io_destroy, SC_io_getevents, SC_io_submit,
	SC_io_cancel, SC_remap_file_pages, SC_set_mempolicy,
	SC_vmsplice, SC_userfaultfd, SC_acct, SC_bpf, SC_nfsservctl,
	SC_setdomainname, SC_sethostname, SC_vhangup,
	GROUP_END,
};

static const uint16_t members_default_keep[] LIST_ALIGN = {
	SC_execveat, SC_execve, SC_prctl,
	GROUP_END,
};

static const uint16_t members_default_nodebuggers[] LIST_ALIGN = {
	G(GROUP_DEFAULT), SC_ptrace, SC_personality,
	SC_process_vm_readv,
	GROUP_END,
};

static const uint16_t members_file_system[] LIST_ALIGN = {
	SC_access, SC_chdir, SC_chmod, SC_close, SC_close_range,
	SC_creat, SC_faccessat, SC_faccessat2, SC_fallocate, SC_fchdir,
	SC_fchmod, SC_fchmodat, SC_fchmodat2, SC_fcntl, SC_fcntl64,
	SC_fgetxattr, SC_file_getattr, SC_file_setattr, SC_flistxattr,
	SC_fremovexattr, SC_fsetxattr, SC_fstat, SC_fstat64,
	SC_fstatat64, SC_fstatfs, SC_fstatfs64, SC_ftruncate,
	SC_ftruncate64, SC_futimesat, SC_getcwd,
	SC_getdents, SC_getdents64, SC_getxattr, SC_getxattrat,
	SC_inotify_add_watch, SC_inotify_init, SC_inotify_init1,
	SC_inotify_rm_watch, SC_lgetxattr, SC_link, SC_linkat,
	SC_listxattr, SC_listxattrat, SC_llistxattr, SC_lremovexattr,
	SC_lsetxattr, SC_lstat, SC_lstat64, SC_mkdir, SC_mkdirat,
	SC_mknod, SC_mknodat, SC_mmap, SC_mmap2, SC_munmap,
	SC_newfstatat, SC_oldfstat, SC_oldlstat, SC_oldstat, SC_open,
	SC_openat, SC_openat2, SC_readlink, SC_readlinkat,
	SC_removexattr, SC_removexattrat, SC_rename, SC_renameat,
	SC_renameat2, SC_rmdir, SC_setxattr, SC_setxattrat, SC_stat,
	SC_stat64, SC_statfs, SC_statfs64,
	SC_statx, SC_symlink, SC_symlinkat, SC_truncate, SC_truncate64,
	SC_unlink, SC_unlinkat, SC_utime, SC_utimensat,
	SC_utimensat_time64, SC_utimes,
	GROUP_END,
};

static const uint16_t members_io_event[] LIST_ALIGN = {
	SC__newselect, SC_epoll_create, SC_epoll_create1, SC_epoll_ctl,
	SC_epoll_ctl_old, SC_epoll_pwait, SC_epoll_pwait2,
	SC_epoll_wait, SC_epoll_wait_old, SC_eventfd, SC_eventfd2,
	SC_poll, SC_ppoll, SC_ppoll_time64, SC_pselect6,
	SC_pselect6_time64, SC_select,
	GROUP_END,
};

static const uint16_t members_ipc[] LIST_ALIGN = {
	SC_ipc, SC_memfd_create, SC_mq_getsetattr, SC_mq_notify,
	SC_mq_open, SC_mq_timedreceive, SC_mq_timedreceive_time64,
	SC_mq_timedsend, SC_mq_timedsend_time64, SC_mq_unlink,
	SC_msgctl, SC_msgget, SC_msgrcv, SC_msgsnd, SC_pipe, SC_pipe2,
	SC_process_madvise, SC_process_vm_readv, SC_process_vm_writev,
	SC_semctl, SC_semget, SC_semop, SC_semtimedop,
	SC_semtimedop_time64, SC_shmat, SC_shmctl, SC_shmdt, SC_shmget,
	GROUP_END,
};

static const uint16_t members_keyring[] LIST_ALIGN = {
	SC_add_key, SC_keyctl, SC_request_key,
	GROUP_END,
};

static const uint16_t members_memlock[] LIST_ALIGN = {
	SC_mlock, SC_mlock2, SC_mlockall, SC_munlock, SC_munlockall,
	GROUP_END,
};

static const uint16_t members_module[] LIST_ALIGN = {
	SC_delete_module, SC_finit_module, SC_init_module,
	GROUP_END,
};

static const uint16_t members_mount[] LIST_ALIGN = {
	SC_chroot, SC_fsconfig, SC_fsmount, SC_fsopen, SC_fspick,
	SC_mount, SC_mount_setattr, SC_move_mount, SC_open_tree,
	SC_open_tree_attr, SC_pivot_root, SC_umount, SC_umount2,
	GROUP_END,
};

static const uint16_t members_network_io[] LIST_ALIGN = {
	SC_accept, SC_accept4, SC_bind, SC_connect, SC_getpeername,
	SC_getsockname, SC_getsockopt, SC_listen, SC_recv, SC_recvfrom,
	SC_recvmmsg, SC_recvmmsg_time64, SC_recvmsg, SC_send,
	SC_sendmmsg, SC_sendmsg, SC_sendto, SC_setsockopt, SC_shutdown,
	SC_socket, SC_socketcall, SC_socketpair,
	GROUP_END,
};

static const uint16_t members_obsolete[] LIST_ALIGN = {
	SC__sysctl, SC_afs_syscall, SC_bdflush, SC_break,
	SC_create_module, SC_ftime, SC_get_kernel_syms, SC_getpmsg,
	SC_gtty, SC_idle, SC_lock, SC_mpx, SC_prof, SC_profil,
	SC_putpmsg, SC_query_module, SC_security, SC_sgetmask,
	SC_ssetmask, SC_stty, SC_sysfs, SC_tuxcall, SC_ulimit,
	SC_uselib, SC_ustat, SC_vserver,
	GROUP_END,
};

static const uint16_t members_privileged[] LIST_ALIGN = {
	G(GROUP_CHOWN), G(GROUP_CLOCK), G(GROUP_MODULE),
	G(GROUP_RAW_IO), G(GROUP_REBOOT), G(GROUP_SWAP), SC__sysctl,
	SC_acct, SC_bpf, SC_capset, SC_chroot, SC_fanotify_init,
	SC_fsconfig, SC_fsmount, SC_fsopen, SC_fspick, SC_mount,
	SC_mount_setattr, SC_move_mount, SC_nfsservctl,
	SC_open_by_handle_at, SC_open_tree, SC_open_tree_attr,
	SC_pivot_root, SC_quotactl, SC_quotactl_fd, SC_setdomainname,
	SC_setfsuid, SC_setfsuid32, SC_setgroups, SC_setgroups32,
	SC_sethostname, SC_setresuid, SC_setresuid32, SC_setreuid,
	SC_setreuid32, SC_setuid, SC_setuid32, SC_umount, SC_umount2,
	SC_vhangup,
	GROUP_END,
};

static const uint16_t members_process[] LIST_ALIGN = {
	SC_arch_prctl, SC_capget, SC_clone, SC_clone3, SC_execveat,
	SC_fork, SC_getrusage, SC_kill, SC_pidfd_open,
	SC_pidfd_send_signal, SC_prctl, SC_rt_sigqueueinfo,
	SC_rt_tgsigqueueinfo, SC_setns, SC_swapcontext, SC_tgkill,
	SC_times, SC_tkill, SC_unshare, SC_vfork, SC_wait4, SC_waitid,
	SC_waitpid,
	GROUP_END,
};

static const uint16_t members_raw_io[] LIST_ALIGN = {
	SC_ioperm, SC_iopl, SC_pciconfig_iobase, SC_pciconfig_read,
	SC_pciconfig_write, SC_s390_pci_mmio_read,
	SC_s390_pci_mmio_write,
	GROUP_END,
};

static const uint16_t members_reboot[] LIST_ALIGN = {
	SC_kexec_load, SC_kexec_file_load, SC_reboot,
	GROUP_END,
};

static const uint16_t members_resources[] LIST_ALIGN = {
	SC_ioprio_set, SC_mbind, SC_migrate_pages, SC_move_pages,
	SC_nice, SC_sched_setaffinity, SC_sched_setattr,
	SC_sched_setparam, SC_sched_setscheduler, SC_set_mempolicy,
	SC_setpriority,
	GROUP_END,
};

static const uint16_t members_setuid[] LIST_ALIGN = {
	SC_setgid, SC_setgid32, SC_setgroups, SC_setgroups32,
	SC_setregid, SC_setregid32, SC_setresgid, SC_setresgid32,
	SC_setresuid, SC_setresuid32, SC_setreuid, SC_setreuid32,
	SC_setuid, SC_setuid32,
	GROUP_END,
};

static const uint16_t members_signal[] LIST_ALIGN = {
	SC_rt_sigaction, SC_rt_sigpending, SC_rt_sigprocmask,
	SC_rt_sigsuspend, SC_rt_sigtimedwait, SC_rt_sigtimedwait_time64,
	SC_sigaction, SC_sigaltstack, SC_signal, SC_signalfd,
	SC_signalfd4, SC_sigpending, SC_sigprocmask, SC_sigsuspend,
	GROUP_END,
};

static const uint16_t members_swap[] LIST_ALIGN = {
	SC_swapon, SC_swapoff,
	GROUP_END,
};

static const uint16_t members_sync[] LIST_ALIGN = {
	SC_fdatasync, SC_fsync, SC_msync, SC_sync, SC_sync_file_range,
	SC_arm_sync_file_range, SC_sync_file_range2, SC_syncfs,
	GROUP_END,
};

static const uint16_t members_system_service[] LIST_ALIGN = {
	G(GROUP_AIO), G(GROUP_BASIC_IO), G(GROUP_CHOWN),
	G(GROUP_DEFAULT), G(GROUP_FILE_SYSTEM), G(GROUP_IO_EVENT),
	G(GROUP_IPC), G(GROUP_KEYRING), G(GROUP_MEMLOCK),
	G(GROUP_NETWORK_IO), G(GROUP_PROCESS), G(GROUP_RESOURCES),
	G(GROUP_SETUID), G(GROUP_SIGNAL), G(GROUP_SYNC), G(GROUP_TIMER),
	SC_brk, SC_capget, SC_capset, SC_copy_file_range, SC_fadvise64,
	SC_fadvise64_64, SC_arm_fadvise64_64, SC_flock,
	SC_get_mempolicy, SC_getcpu, SC_getpriority, SC_getrandom,
	SC_ioctl, SC_ioprio_get, SC_kcmp, SC_madvise, SC_mprotect,
	SC_mremap, SC_name_to_handle_at, SC_oldolduname, SC_olduname,
	SC_personality, SC_readahead, SC_readdir, SC_remap_file_pages,
	SC_sched_get_priority_max, SC_sched_get_priority_min,
	SC_sched_getaffinity, SC_sched_getattr, SC_sched_getparam,
	SC_sched_getscheduler, SC_sched_rr_get_interval,
	SC_sched_rr_get_interval_time64, SC_sched_yield, SC_sendfile,
	SC_sendfile64, SC_setfsgid, SC_setfsgid32, SC_setfsuid,
	SC_setfsuid32, SC_setpgid, SC_setsid, SC_splice, SC_sysinfo,
	SC_tee, SC_umask, SC_uname, SC_userfaultfd, SC_vmsplice,
	GROUP_END,
};

static const uint16_t members_timer[] LIST_ALIGN = {
	SC_alarm, SC_getitimer, SC_setitimer, SC_timer_create,
	SC_timer_delete, SC_timer_getoverrun, SC_timer_gettime,
	SC_timer_gettime64, SC_timer_settime, SC_timer_settime64,
	SC_timerfd_create, SC_timerfd_gettime, SC_timerfd_gettime64,
	SC_timerfd_settime, SC_timerfd_settime64, SC_times,
	GROUP_END,
};

#define GROUP(name, description, members) \
	{ name "\0" description, members }

static const struct group groups[GROUP_COUNT] = {
	GROUP("@aio", "asynchronous I/O", members_aio),
	GROUP("@basic-io", "reading, writing, seeking and closing files",
	      members_basic_io),
	GROUP("@chown", "changing file ownership", members_chown),
	GROUP("@clock", "setting the system clock", members_clock),
	GROUP("@cpu-emulation", "emulating other CPU modes",
	      members_cpu_emulation),
	GROUP("@debug", "debugging and tracing other processes",
	      members_debug),
	GROUP("@default", "firejail's default deny list", members_default),
	GROUP("@default-keep", "calls a keep list always allows",
	      members_default_keep),
	GROUP("@default-nodebuggers", "@default plus the calls debuggers need",
	      members_default_nodebuggers),
	GROUP("@file-system", "file and directory operations",
	      members_file_system),
	GROUP("@io-event", "waiting for events on file descriptors",
	      members_io_event),
	GROUP("@ipc", "inter-process communication", members_ipc),
	GROUP("@keyring", "the kernel keyring", members_keyring),
	GROUP("@memlock", "locking memory", members_memlock),
	GROUP("@module", "loading and unloading kernel modules",
	      members_module),
	GROUP("@mount", "mounting file systems and changing root",
	      members_mount),
	GROUP("@network-io", "sockets", members_network_io),
	GROUP("@obsolete", "calls no current program needs", members_obsolete),
	GROUP("@privileged", "calls that need privileges", members_privileged),
	GROUP("@process", "creating, inspecting and signalling processes",
	      members_process),
	GROUP("@raw-io", "direct hardware access", members_raw_io),
	GROUP("@reboot", "rebooting and loading a new kernel", members_reboot),
	GROUP("@resources", "scheduling and memory placement",
	      members_resources),
	GROUP("@setuid", "changing user and group ids", members_setuid),
	GROUP("@signal", "signal handling", members_signal),
	GROUP("@swap", "enabling and disabling swap", members_swap),
	GROUP("@sync", "flushing file data to storage", members_sync),
	GROUP("@system-service", "firejail's, with @default; no exit",
	      members_system_service),
	GROUP("@timer", "timers and alarms", members_timer),
};

int
group_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < GROUP_COUNT; i++)
		if (strcmp(groups[i].name, name) == 0)
			return (int)i;
	return -1;
}

const uint16_t *
group_members(unsigned int index)
{
	return groups[index].members;
}

unsigned int
group_count(void)
{
	return GROUP_COUNT;
}

const char *
group_name(unsigned int index)
{
	return groups[index].name;
}

const char *
group_description(unsigned int index)
{
	return groups[index].name + strlen(groups[index].name) + 1;
}

/* Depth-first search from group G, which is at depth DEPTH of PATH, for
 * the group named VIA; the member lists contain no cycles. */
static unsigned int
find_path(unsigned int g, const char *via, const char **path,
	  unsigned int depth, unsigned int max)
{
	const uint16_t *m = groups[g].members;
	unsigned int i, n;

	path[depth] = groups[g].name;
	if (strcmp(groups[g].name, via) == 0)
		return depth + 1;
	if (depth + 1 == max)
		return 0;
	for (i = 0; m[i] != GROUP_END; i++) {
		if (!(m[i] & GROUP_REF))
			continue;
		n = find_path(m[i] & ~GROUP_REF, via, path, depth + 1, max);
		if (n)
			return n;
	}
	return 0;
}

unsigned int
group_path(const char *top, const char *via, const char **path,
	   unsigned int max)
{
	int g = group_find(top);

	if (g < 0 || max == 0)
		return 0;
	return find_path((unsigned int)g, via, path, 0, max);
}
