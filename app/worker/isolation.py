"""Worker isolation: the kernel's walls behind the interpreter, so that an escape would not help.

The interpreter is the first wall. Behind it, each sandbox worker, right after it is forked and
before it accepts a program, puts itself in:

- its own **user, pid, network, mount, IPC and UTS namespaces** (an unprivileged API process
  uses a user namespace; an API running as root does not need one and switches the worker to a
  separate unprivileged uid instead, `Settings.worker_uid`);
- a **read-only view of the file system** holding only the code it imports (`filesystem.py`);
- no capabilities, **no_new_privs**, **RLIMIT_NPROC** 0 (no fork, no thread), an **empty
  environment**, no file descriptor but its job pipe and stdio;
- a **seccomp allow-list** of system calls (`syscall_filter.py`).

The API process makes itself **non-dumpable**, so no process of its uid (a worker that got out
included) can read its memory or `/proc/<api>/environ`; the forkserver that forks workers is
started with an environment free of secrets, and workers get settings without the cookie secret.

Where the host forbids a layer (Docker's default seccomp profile refuses `unshare`; a container
with every capability dropped cannot switch uids) the worker goes on without it and says so:
`isolate_worker` returns one `Layer` per promise, the pool logs them at start
(`describe`), and docs/self-hosting.md says what to enable.

A pid namespace only takes effect for children, so the worker forks once more: the process the
pool started stays outside as a small supervisor (it mirrors the worker's exit status, and
killing it kills the worker), and its child — pid 1 of the new namespace — runs the programs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import resource
import signal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from app.config import Settings
from app.worker import filesystem, kernel, syscall_filter

# Environment variables the forkserver (and so every worker) may inherit: what Python, the
# C library and BLAS read at start. Everything else (the cookie secret, a Redis URL with its
# password, whatever the host exported) stays in the API process only.
_FORKSERVER_ENVIRONMENT = ("PATH", "LANG", "LANGUAGE", "TZ")
_FORKSERVER_PREFIXES = ("PYTHON", "LC_", "OPENBLAS_", "OMP_", "MKL_")
# Settings a worker never needs and must not hold in its memory.
_SECRET_SETTINGS = ("secret_key", "redis_url")
_NAMESPACES = (
    kernel.CLONE_NEWNS
    | kernel.CLONE_NEWNET
    | kernel.CLONE_NEWIPC
    | kernel.CLONE_NEWPID
    | kernel.CLONE_NEWUTS
)


@dataclass(frozen=True, slots=True)
class Layer:
    """One isolation promise and whether this host keeps it.

    `replaced` marks a layer that is off because another one does its job (a root API uses a
    separate uid instead of a user namespace): not worth a warning.
    """

    name: str
    active: bool
    note: str = ""
    replaced: bool = False


def encode_layers(layers: Sequence[Layer]) -> bytes:
    """The layers as a worker reports them to the pool (JSON)."""
    return json.dumps([dataclasses.asdict(layer) for layer in layers]).encode("utf-8")


def decode_layers(data: bytes) -> list[Layer]:
    """The layers a worker reported; ValueError unless it is exactly their JSON."""
    items = json.loads(data)
    if not isinstance(items, list):
        raise ValueError("not a list of layers")
    layers = []
    for item in items:
        if not isinstance(item, dict) or set(item) != {"name", "active", "note", "replaced"}:
            raise ValueError("not a layer")
        name, active, note, replaced = item["name"], item["active"], item["note"], item["replaced"]
        if not (isinstance(name, str) and isinstance(note, str)):
            raise ValueError("not a layer")
        if not (isinstance(active, bool) and isinstance(replaced, bool)):
            raise ValueError("not a layer")
        layers.append(Layer(name, active, note, replaced))
    return layers


# the API process ---------------------------------------------------------------------------


def protect_api_process() -> Layer:
    """Make this (the API) process non-dumpable: its memory, `/proc/<pid>/environ` (the cookie
    secret) and `/proc/<pid>/mem` become unreadable to every process without CAP_SYS_PTRACE,
    including processes of its own uid. Also stops core dumps of it."""
    name = "API process not dumpable"
    try:
        kernel.prctl(kernel.PR_SET_DUMPABLE, 0)
        dumpable = kernel.prctl(kernel.PR_GET_DUMPABLE)
    except OSError as error:
        return Layer(name, False, str(error))
    return Layer(name, dumpable == 0)


def worker_settings(settings: Settings) -> Settings:
    """`settings` as a worker gets them: without secrets."""
    blank: dict[str, Any] = {
        field.name: ""
        for field in dataclasses.fields(settings)
        if field.name in _SECRET_SETTINGS and getattr(settings, field.name)
    }
    return dataclasses.replace(settings, **blank) if blank else settings


@contextlib.contextmanager
def forkserver_environment() -> Iterator[None]:
    """While the forkserver starts: an environment with only what Python and BLAS read."""
    saved = dict(os.environ)
    for name in saved:
        if name not in _FORKSERVER_ENVIRONMENT and not name.startswith(_FORKSERVER_PREFIXES):
            del os.environ[name]
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def describe(layers: Sequence[Layer]) -> tuple[bool, str]:
    """(every promise kept, one log line naming each layer on or off, with the reason)."""
    parts = []
    for layer in layers:
        state = "on" if layer.active else ("replaced" if layer.replaced else "OFF")
        parts.append(f"{layer.name}: {state}" + (f" ({layer.note})" if layer.note else ""))
    complete = all(layer.active or layer.replaced for layer in layers)
    heading = "sandbox isolation" if complete else "sandbox isolation INCOMPLETE"
    advice = "" if complete else " - see docs/self-hosting.md, 'Worker isolation'"
    return complete, f"{heading}: " + "; ".join(parts) + advice


# the worker --------------------------------------------------------------------------------


def isolate_worker(settings: Settings, keep_fds: Sequence[int]) -> list[Layer]:
    """Wall in this freshly forked, single-threaded worker before it accepts any program.

    Returns in the process that will run programs; when a pid namespace was made, that is a
    child and the calling process stays behind as its supervisor (never returning). `keep_fds`
    (the job pipe) survive; every other descriptor above stdio is closed.
    """
    os.setpgid(0, 0)  # the pool lowers the priority of the whole group (supervisor and worker)
    _close_fds_except(keep_fds)
    layers = _enter_namespaces(settings)
    if _active(layers, "pid namespace"):
        _fork_into_pid_namespace()
    layers += _limit_self()
    return layers


def _enter_namespaces(settings: Settings) -> list[Layer]:
    root = os.geteuid() == 0
    userns = "user namespace"
    layers: list[Layer] = []
    try:
        if root:
            kernel.unshare(_NAMESPACES)
            layers.append(Layer(userns, False, "not needed: the API runs as root", replaced=True))
        else:
            uid, gid = os.getuid(), os.getgid()
            kernel.unshare(kernel.CLONE_NEWUSER | _NAMESPACES)
            _map_own_ids(uid, gid)
            layers.append(Layer(userns, True))
    except OSError as error:
        note = f"the host refuses unshare(): {os.strerror(error.errno or 0)}"
        layers += [Layer(name, False, note) for name in (userns, *_NAMESPACE_LAYERS)]
        layers.append(Layer("read-only file system view", False, "needs a mount namespace"))
        layers.append(_switch_uid(settings) if root else _same_uid())
        return layers
    layers += [Layer(name, True) for name in _NAMESPACE_LAYERS]
    try:
        filesystem.enter_read_only_view(filesystem.code_paths())
        layers.append(Layer("read-only file system view", True))
    except OSError as error:
        layers.append(Layer("read-only file system view", False, str(error)))
    layers.append(_switch_uid(settings) if root else _same_uid(replaced=True))
    return layers


_NAMESPACE_LAYERS = ("pid namespace", "network namespace", "mount namespace", "IPC namespace")


def _map_own_ids(uid: int, gid: int) -> None:
    """The only ids in the new user namespace are this process's own (an unprivileged process
    may map nothing else, and must give up setgroups first)."""
    with open("/proc/self/setgroups", "w") as setgroups:
        setgroups.write("deny")
    with open("/proc/self/uid_map", "w") as uid_map:
        uid_map.write(f"{uid} {uid} 1")
    with open("/proc/self/gid_map", "w") as gid_map:
        gid_map.write(f"{gid} {gid} 1")


def _switch_uid(settings: Settings) -> Layer:
    """Root API: the worker becomes `worker_uid`, with no supplementary groups or capabilities."""
    name = "separate unprivileged uid"
    uid = gid = settings.worker_uid
    try:
        kernel.drop_bounding_set()
        os.setgroups([])
        os.setresgid(gid, gid, gid)
        os.setresuid(uid, uid, uid)
    except OSError as error:
        return Layer(name, False, f"cannot switch to uid {uid}: {os.strerror(error.errno or 0)}")
    return Layer(name, True, f"uid {uid}")


def _same_uid(replaced: bool = False) -> Layer:
    note = "the user namespace separates instead" if replaced else "needs root"
    return Layer("separate unprivileged uid", False, note, replaced=replaced)


def _fork_into_pid_namespace() -> None:
    """Fork: the child is pid 1 of the new pid namespace and returns; the parent supervises."""
    alive_r, alive_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(alive_w)
        # the supervisor's death (the pool killed it) kills this process too
        kernel.prctl(kernel.PR_SET_PDEATHSIG, signal.SIGKILL)
        os.set_blocking(alive_r, False)
        with contextlib.suppress(BlockingIOError):
            if os.read(alive_r, 1) == b"":  # the supervisor died before PDEATHSIG was set
                os._exit(1)
        os.close(alive_r)
        return
    os.close(alive_r)
    _supervise(pid, alive_w)


def _supervise(child: int, alive: int) -> None:
    """Wait for the worker and leave the way it left, so the pool sees its exit status."""
    # the job pipe too: the pool sees EOF as soon as the worker dies
    _close_fds_except([alive])
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError):
        kernel.drop_capabilities()
    while True:
        try:
            _, status = os.waitpid(child, 0)
            break
        except InterruptedError:
            continue
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)
    os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1)


def _limit_self() -> list[Layer]:
    """The layers every worker gets whatever the host: no capabilities, no new privileges, no
    processes, no environment, then the system call filter (last: it forbids the calls above)."""
    layers: list[Layer] = []
    try:
        kernel.drop_capabilities()
        layers.append(Layer("no capabilities", kernel.capabilities() == 0))
    except OSError as error:
        layers.append(Layer("no capabilities", False, str(error)))
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    layers.append(Layer("RLIMIT_NPROC 0 (no fork)", True))
    os.environ.clear()
    layers.append(Layer("empty environment", not os.environ))
    kernel.prctl(kernel.PR_SET_NO_NEW_PRIVS, 1)
    layers.append(Layer("no_new_privs", kernel.prctl(kernel.PR_GET_NO_NEW_PRIVS) == 1))
    name = "seccomp allow-list"
    if not syscall_filter.available():
        layers.append(Layer(name, False, "install python3-seccomp (tools/bootstrap.sh does)"))
        return layers
    try:
        syscall_filter.install()
        layers.append(Layer(name, True))
    except OSError as error:
        layers.append(Layer(name, False, f"the kernel refused the filter: {error}"))
    return layers


def _active(layers: Sequence[Layer], name: str) -> bool:
    return any(layer.name == name and layer.active for layer in layers)


def _close_fds_except(keep: Sequence[int]) -> None:
    start = 3
    for fd in sorted(set(keep)):
        if fd >= start:
            os.closerange(start, fd)
            start = fd + 1
    os.closerange(start, _max_fd())


def _max_fd() -> int:
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return soft if soft != resource.RLIM_INFINITY else 65_536
