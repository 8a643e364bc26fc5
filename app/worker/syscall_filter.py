"""The seccomp allow-list of a sandbox worker: the system calls a running program needs, no more.

A worker that has started only reads jobs from its pipe, computes, allocates memory and writes
the answer; it may look at files it can already see (a lazy import) but never write one. Every
other call fails with EPERM: no socket, no fork or thread, no exec, no ptrace or reading
another process's memory, no signal to anyone but itself, no mount, namespace or keyring, no
io_uring (whose operations would bypass this filter). Built with libseccomp's own Python binding
(Debian's `python3-seccomp`; `tools/bootstrap.sh` makes the virtualenv see it).
"""

from __future__ import annotations

import contextlib
import errno
import os
from typing import Any

try:
    import seccomp
except ImportError:  # the layer is then reported inactive (app.worker.isolation)
    seccomp = None

# Always allowed: the steady state of a worker (measured with strace over the golden programs,
# the lessons and the interpreter cases) plus what CPython, glibc and numpy may call in rarer
# paths (a MemoryError, a lazy import, time.sleep, os.urandom).
_ALLOWED = (
    # the job pipe and files already open
    "read", "readv", "pread64", "preadv", "write", "writev", "close", "lseek", "dup", "dup2",
    "dup3", "poll", "ppoll", "select", "pselect6",
    # looking at (not changing) files: imports and linecache
    "fstat", "newfstatat", "stat", "lstat", "statx", "getdents64", "readlink", "readlinkat",
    "access", "faccessat", "faccessat2", "getcwd",
    # memory
    "brk", "mmap", "munmap", "mremap", "mprotect", "madvise",
    # signals (to itself only: see kill/tgkill below), time, identity, randomness
    "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack", "restart_syscall",
    "clock_gettime", "clock_getres", "gettimeofday", "time", "nanosleep", "clock_nanosleep",
    "getpid", "gettid", "getppid", "getuid", "geteuid", "getgid", "getegid", "getresuid",
    "getresgid", "getgroups", "getrandom", "uname", "sysinfo", "getrusage", "getrlimit",
    "sched_getaffinity", "sched_yield", "futex",
    "exit", "exit_group",
)  # fmt: skip
# open(2) flags that create or change a file: an open with any of them is refused (O_TMPFILE
# needs O_WRONLY or O_RDWR; its own bits include O_DIRECTORY, so it must not be in the mask).
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_IOCTLS = (0x5401, 0x5451, 0x5450, 0x5421)  # TCGETS (isatty), FIOCLEX, FIONCLEX, FIONBIO
_FCNTLS = (0, 1, 2, 3, 4, 1030)  # F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_DUPFD_CLOEXEC


def available() -> bool:
    """Whether libseccomp's Python binding could be imported."""
    return seccomp is not None


def install() -> None:
    """Load the allow-list into this process (irreversible; children would inherit it).

    Sets `no_new_privs` as a side effect (libseccomp's default), so nothing this process runs
    can gain privileges. Raises OSError if the kernel refuses the filter.
    """
    if seccomp is None:
        raise OSError(errno.ENOSYS, "libseccomp's Python binding (python3-seccomp) is missing")
    rules = seccomp.SyscallFilter(defaction=seccomp.ERRNO(errno.EPERM))
    for name in _ALLOWED:
        _allow(rules, name)
    allow_if = seccomp.ALLOW
    for name, flags_arg in (("openat", 2), ("open", 1)):
        rules.add_rule(allow_if, name, seccomp.Arg(flags_arg, seccomp.MASKED_EQ, _WRITE_FLAGS, 0))
    for request in _IOCTLS:
        rules.add_rule(allow_if, "ioctl", seccomp.Arg(1, seccomp.EQ, request))
    for command in _FCNTLS:
        rules.add_rule(allow_if, "fcntl", seccomp.Arg(1, seccomp.EQ, command))
    own = os.getpid()
    # signals only to itself: Python's signal.raise_signal and abort() use tgkill(getpid(), …)
    rules.add_rule(allow_if, "kill", seccomp.Arg(0, seccomp.EQ, own))
    rules.add_rule(allow_if, "tgkill", seccomp.Arg(0, seccomp.EQ, own))
    # limits and priority of itself (pid 0) and its own process group (the pool's demotion)
    rules.add_rule(allow_if, "prlimit64", seccomp.Arg(0, seccomp.EQ, 0))
    rules.add_rule(allow_if, "setrlimit")  # only ever this process; hard limits cannot rise
    for which in (os.PRIO_PROCESS, os.PRIO_PGRP):
        for name in ("getpriority", "setpriority"):
            rules.add_rule(
                allow_if, name, seccomp.Arg(0, seccomp.EQ, which), seccomp.Arg(1, seccomp.EQ, 0)
            )
    rules.load()


def _allow(rules: Any, name: str) -> None:
    # a call this architecture does not have (`open` on aarch64) is left out
    with contextlib.suppress(RuntimeError, ValueError, OSError):
        rules.add_rule(seccomp.ALLOW, name)
