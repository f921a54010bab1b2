/*
 * The syscall groups of firejail's profile language (firejail 0.9.72
 * syscalls.txt), as data.  A member is a syscall name or another group.
 * Names are resolved per ABI later, so a name that one ABI lacks (vm86 on
 * x86_64) is skipped there.
 *
 * NOTE: firejail's text writes "set_mempolicyvmsplice" in @default, a
 * missing comma; firejail's code has both syscalls, and so does this list.
 * "ni_syscall" names no syscall on any ABI and is left out.
 */
#include <string.h>

#include "seccwrap.h"

struct group {
	const char *name;
	const char *description;
	const char *members;
};

static const struct group groups[] = {
	{ "@aio", "asynchronous I/O",
	  "io_cancel,io_destroy,io_getevents,io_pgetevents,io_setup,"
	  "io_submit,io_uring_enter,io_uring_register,io_uring_setup" },
	{ "@basic-io", "reading, writing, seeking and closing files",
	  "_llseek,close,close_range,dup,dup2,dup3,lseek,pread64,preadv,"
	  "preadv2,pwrite64,pwritev,pwritev2,read,readv,write,writev" },
	{ "@chown", "changing file ownership",
	  "chown,chown32,fchown,fchown32,fchownat,lchown,lchown32" },
	{ "@clock", "setting the system clock",
	  "adjtimex,clock_adjtime,clock_settime,settimeofday,stime" },
	{ "@cpu-emulation", "emulating other CPU modes",
	  "modify_ldt,subpage_prot,switch_endian,vm86,vm86old" },
	{ "@debug", "debugging and tracing other processes",
	  "lookup_dcookie,perf_event_open,pidfd_getfd,process_vm_writev,"
	  "rtas,s390_runtime_instr,sys_debug_setcontext" },
	{ "@default", "firejail's default deny list",
	  "@clock,@cpu-emulation,@debug,@module,@mount,@obsolete,@raw-io,"
	  "@reboot,@swap,open_by_handle_at,name_to_handle_at,ioprio_set,"
	  "syslog,fanotify_init,add_key,request_key,mbind,migrate_pages,"
	  "move_pages,keyctl,io_setup,io_destroy,io_getevents,io_submit,"
	  "io_cancel,remap_file_pages,set_mempolicy,vmsplice,userfaultfd,"
	  "acct,bpf,nfsservctl,setdomainname,sethostname,vhangup" },
	{ "@default-keep", "calls a keep list always allows",
	  "execveat,execve,prctl" },
	{ "@default-nodebuggers", "@default plus the calls debuggers need",
	  "@default,ptrace,personality,process_vm_readv" },
	{ "@file-system", "file and directory operations",
	  "access,chdir,chmod,close,close_range,creat,faccessat,faccessat2,"
	  "fallocate,fchdir,fchmod,fchmodat,fcntl,fcntl64,fgetxattr,"
	  "flistxattr,fremovexattr,fsetxattr,fstat,fstat64,fstatat64,"
	  "fstatfs,fstatfs64,ftruncate,ftruncate64,futimesat,getcwd,"
	  "getdents,getdents64,getxattr,inotify_add_watch,inotify_init,"
	  "inotify_init1,inotify_rm_watch,lgetxattr,link,linkat,listxattr,"
	  "llistxattr,lremovexattr,lsetxattr,lstat,lstat64,mkdir,mkdirat,"
	  "mknod,mknodat,mmap,mmap2,munmap,newfstatat,oldfstat,oldlstat,"
	  "oldstat,open,openat,openat2,readlink,readlinkat,removexattr,"
	  "rename,renameat,renameat2,rmdir,setxattr,stat,stat64,statfs,"
	  "statfs64,statx,symlink,symlinkat,truncate,truncate64,unlink,"
	  "unlinkat,utime,utimensat,utimes" },
	{ "@io-event", "waiting for events on file descriptors",
	  "_newselect,epoll_create,epoll_create1,epoll_ctl,epoll_ctl_old,"
	  "epoll_pwait,epoll_wait,epoll_wait_old,eventfd,eventfd2,poll,"
	  "ppoll,pselect6,select" },
	{ "@ipc", "inter-process communication",
	  "ipc,memfd_create,mq_getsetattr,mq_notify,mq_open,"
	  "mq_timedreceive,mq_timedsend,mq_unlink,msgctl,msgget,msgrcv,"
	  "msgsnd,pipe,pipe2,process_madvise,process_vm_readv,"
	  "process_vm_writev,semctl,semget,semop,semtimedop,shmat,shmctl,"
	  "shmdt,shmget" },
	{ "@keyring", "the kernel keyring",
	  "add_key,keyctl,request_key" },
	{ "@memlock", "locking memory",
	  "mlock,mlock2,mlockall,munlock,munlockall" },
	{ "@module", "loading and unloading kernel modules",
	  "delete_module,finit_module,init_module" },
	{ "@mount", "mounting file systems and changing root",
	  "chroot,fsconfig,fsmount,fsopen,fspick,mount,move_mount,"
	  "open_tree,pivot_root,umount,umount2" },
	{ "@network-io", "sockets",
	  "accept,accept4,bind,connect,getpeername,getsockname,getsockopt,"
	  "listen,recv,recvfrom,recvmmsg,recvmsg,send,sendmmsg,sendmsg,"
	  "sendto,setsockopt,shutdown,socket,socketcall,socketpair" },
	{ "@obsolete", "calls no current program needs",
	  "_sysctl,afs_syscall,bdflush,break,create_module,ftime,"
	  "get_kernel_syms,getpmsg,gtty,idle,lock,mpx,prof,profil,putpmsg,"
	  "query_module,security,sgetmask,ssetmask,stty,sysfs,tuxcall,"
	  "ulimit,uselib,ustat,vserver" },
	{ "@privileged", "calls that need privileges",
	  "@chown,@clock,@module,@raw-io,@reboot,@swap,_sysctl,acct,bpf,"
	  "capset,chroot,fanotify_init,mount,nfsservctl,open_by_handle_at,"
	  "pivot_root,quotactl,setdomainname,setfsuid,setfsuid32,setgroups,"
	  "setgroups32,sethostname,setresuid,setresuid32,setreuid,"
	  "setreuid32,setuid,setuid32,umount2,vhangup" },
	{ "@process", "creating, inspecting and signalling processes",
	  "arch_prctl,capget,clone,clone3,execveat,fork,getrusage,kill,"
	  "pidfd_open,pidfd_send_signal,prctl,rt_sigqueueinfo,"
	  "rt_tgsigqueueinfo,setns,swapcontext,tgkill,times,tkill,unshare,"
	  "vfork,wait4,waitid,waitpid" },
	{ "@raw-io", "direct hardware access",
	  "ioperm,iopl,pciconfig_iobase,pciconfig_read,pciconfig_write,"
	  "s390_pci_mmio_read,s390_pci_mmio_write" },
	{ "@reboot", "rebooting and loading a new kernel",
	  "kexec_load,kexec_file_load,reboot" },
	{ "@resources", "scheduling and memory placement",
	  "ioprio_set,mbind,migrate_pages,move_pages,nice,"
	  "sched_setaffinity,sched_setattr,sched_setparam,"
	  "sched_setscheduler,set_mempolicy" },
	{ "@setuid", "changing user and group ids",
	  "setgid,setgid32,setgroups,setgroups32,setregid,setregid32,"
	  "setresgid,setresgid32,setresuid,setresuid32,setreuid,"
	  "setreuid32,setuid,setuid32" },
	{ "@signal", "signal handling",
	  "rt_sigaction,rt_sigpending,rt_sigprocmask,rt_sigsuspend,"
	  "rt_sigtimedwait,sigaction,sigaltstack,signal,signalfd,"
	  "signalfd4,sigpending,sigprocmask,sigsuspend" },
	{ "@swap", "enabling and disabling swap",
	  "swapon,swapoff" },
	{ "@sync", "flushing file data to storage",
	  "fdatasync,fsync,msync,sync,sync_file_range,sync_file_range2,"
	  "syncfs" },
	{ "@system-service", "what a typical service needs",
	  "@aio,@basic-io,@chown,@default,@file-system,@io-event,@ipc,"
	  "@keyring,@memlock,@network-io,@process,@resources,@setuid,"
	  "@signal,@sync,@timer,brk,capget,capset,copy_file_range,"
	  "fadvise64,fadvise64_64,flock,get_mempolicy,getcpu,getpriority,"
	  "getrandom,ioctl,ioprio_get,kcmp,madvise,mprotect,mremap,"
	  "name_to_handle_at,oldolduname,olduname,personality,readahead,"
	  "readdir,remap_file_pages,sched_get_priority_max,"
	  "sched_get_priority_min,sched_getaffinity,sched_getattr,"
	  "sched_getparam,sched_getscheduler,sched_rr_get_interval,"
	  "sched_yield,sendfile,sendfile64,setfsgid,setfsgid32,setfsuid,"
	  "setfsuid32,setpgid,setsid,splice,sysinfo,tee,umask,uname,"
	  "userfaultfd,vmsplice" },
	{ "@timer", "timers and alarms",
	  "alarm,getitimer,setitimer,timer_create,timer_delete,"
	  "timer_getoverrun,timer_gettime,timer_settime,timerfd_create,"
	  "timerfd_gettime,timerfd_settime,times" },
};

#define GROUP_COUNT (sizeof(groups) / sizeof(groups[0]))

int
group_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < GROUP_COUNT; i++)
		if (strcmp(groups[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
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
	return groups[index].description;
}

/* Depth-first search of the member lists, which contain no cycles. */
unsigned int
group_path(const char *top, const char *via, const char **path,
	   unsigned int max)
{
	const char *p, *end;
	char member[64];
	unsigned int n;
	size_t len;
	int g = group_find(top);

	if (g < 0 || max == 0)
		return 0;
	path[0] = groups[g].name;
	if (strcmp(top, via) == 0)
		return 1;
	for (p = groups[g].members; *p; p = *end ? end + 1 : end) {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		len = (size_t)(end - p);
		if (*p != '@' || len >= sizeof(member))
			continue;
		memcpy(member, p, len);
		member[len] = '\0';
		n = group_path(member, via, path + 1, max - 1);
		if (n)
			return n + 1;
	}
	return 0;
}
