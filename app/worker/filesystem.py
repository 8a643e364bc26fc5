"""A worker's view of the file system: Python's own code, read-only, and nothing else.

In a private mount namespace the worker's root becomes a small read-only tmpfs holding read-only
bind mounts of the directories it loads code from (the standard library, site-packages, the
`app` and `engine` packages, the shared libraries it has mapped). `/proc`, `/home`, `/etc`,
`/tmp`, the project's other files and every socket on disk (the forkserver's included) are
simply not there. The technique is bubblewrap's: a scratch tmpfs, pivot into it, bind what is
needed from the old root, pivot again and detach the old root.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from app.worker import kernel

# Where the scratch tmpfs may be mounted (it only has to be an existing directory; in the
# private mount namespace the mount hides nothing from anyone else).
_SCRATCH_CANDIDATES = ("/tmp", "/mnt", "/run", "/var/tmp", "/dev")
# statvfs() flag → mount flag that a remount inside a user namespace must keep (locked flags).
_LOCKED_FLAGS = (
    (os.ST_NOSUID, kernel.MS_NOSUID),
    (os.ST_NODEV, kernel.MS_NODEV),
    (os.ST_NOEXEC, kernel.MS_NOEXEC),
    (os.ST_NOATIME, kernel.MS_NOATIME),
    (os.ST_NODIRATIME, kernel.MS_NODIRATIME),
    (os.ST_RELATIME, kernel.MS_RELATIME),
)


def code_paths(packages: Iterable[str] = ("app", "engine")) -> list[str]:
    """The files and directories a worker reads code from, outermost first, none inside another.

    Everything importable stays importable (a lazy import in numpy still works); the current
    directory is left out unless it is where a package lives, so a checkout's other files (tests,
    .git, the virtualenv's configuration) are not visible.
    """
    wanted: set[Path] = set()
    for entry in sys.path:
        if entry and os.path.isabs(entry) and os.path.exists(entry) and entry != os.getcwd():
            wanted.add(Path(entry).resolve())
    for name in packages:
        module = sys.modules.get(name)
        location = getattr(module, "__file__", None)
        if location:
            wanted.add(Path(location).resolve().parent)
    wanted.update(_mapped_library_dirs())
    return _outermost(wanted)


def _mapped_library_dirs() -> set[Path]:
    """Directories of the shared objects this process has mapped (libc, libm, numpy's BLAS …):
    a lazily imported extension module finds its libraries at the same paths."""
    found: set[Path] = set()
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                fields = line.split(maxsplit=5)
                if len(fields) == 6 and fields[5].startswith("/") and ".so" in fields[5]:
                    found.add(Path(fields[5].strip()).parent)
    except OSError:
        pass
    return {path for path in found if path.exists()}


def _outermost(paths: Iterable[Path]) -> list[str]:
    chosen: list[Path] = []
    for path in sorted(paths, key=lambda p: (len(p.parts), str(p))):
        if path != Path("/") and not any(path.is_relative_to(outer) for outer in chosen):
            chosen.append(path)
    return sorted(str(p) for p in chosen)


def enter_read_only_view(paths: Iterable[str]) -> None:
    """Make `paths` (read-only) the whole file system of this process's mount namespace.

    Needs CAP_SYS_ADMIN in the mount namespace's user namespace (root, or a fresh user
    namespace). Raises OSError if the kernel refuses a step; the namespace may then be left
    half-changed, which affects this process only.
    """
    # nothing mounted from here on may propagate back to the host's mount table
    kernel.mount(None, "/", None, kernel.MS_REC | kernel.MS_PRIVATE)
    scratch = _scratch_dir()
    kernel.mount("tmpfs", scratch, "tmpfs", kernel.MS_NOSUID | kernel.MS_NODEV, "size=1m,mode=0700")
    os.mkdir(f"{scratch}/old")
    os.mkdir(f"{scratch}/new")
    kernel.pivot_root(scratch, f"{scratch}/old")
    os.chdir("/")
    # the future root: its own tmpfs, so that it can be pivoted into and made read-only
    kernel.mount("tmpfs", "/new", "tmpfs", kernel.MS_NOSUID | kernel.MS_NODEV, "size=1m,mode=0755")
    for path in paths:
        _bind_read_only(f"/old{path}", f"/new{path}")
    os.chdir("/new")
    kernel.pivot_root(".", ".")  # the old root now lies on top of "/": detach it
    kernel.umount(".", kernel.MNT_DETACH)
    os.chdir("/")
    kernel.mount(
        None,
        "/",
        None,
        kernel.MS_REMOUNT | kernel.MS_BIND | kernel.MS_RDONLY | kernel.MS_NOSUID | kernel.MS_NODEV,
    )


def _scratch_dir() -> str:
    for candidate in _SCRATCH_CANDIDATES:
        if os.path.isdir(candidate) and not os.path.islink(candidate):
            return candidate
    raise OSError(2, "no directory to mount a scratch tmpfs on")


def _bind_read_only(source: str, target: str) -> None:
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "x"):
            pass
    kernel.mount(source, target, None, kernel.MS_BIND | kernel.MS_REC)
    # Inside a user namespace a remount must keep the flags the original mount has locked
    # (nosuid, nodev, noexec, atime); read-only is then added on top.
    flags = os.statvfs(target).f_flag
    kept = sum(mount_flag for st_flag, mount_flag in _LOCKED_FLAGS if flags & st_flag)
    read_only = kernel.MS_REMOUNT | kernel.MS_BIND | kernel.MS_RDONLY
    kernel.mount(None, target, None, read_only | kernel.MS_NOSUID | kernel.MS_NODEV | kept)
