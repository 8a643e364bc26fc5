"""Worker isolation, proved from inside real pool workers: an escape from the interpreter would
find no network, no other process, no writable file, no secret and no way to fork."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from app.config import Settings
from app.worker import isolation
from app.worker.pool import WorkerPool
from tests.app.worker.probe import probe_main

SECRET = "cookie-secret-that-must-stay-in-the-api"
DENIED = "PermissionError: errno 1"


class ProbePool:
    """A started pool of probe workers (entry `probe_main`), driven from synchronous tests."""

    def __init__(self, settings: Settings) -> None:
        self.loop = asyncio.new_event_loop()
        self.pool = WorkerPool(settings, target=probe_main)
        self.loop.run_until_complete(self.pool.start())

    def probe(self, name: str, argument: str = "") -> dict[str, Any]:
        return self.loop.run_until_complete(self.probe_async(name, argument))

    async def probe_async(self, name: str, argument: str = "") -> dict[str, Any]:
        answer = await asyncio.wait_for(self.pool.run(name, "en", argument), 30)
        assert answer.result["error"] is not None, answer.result
        assert answer.result["error"]["message"] == name, answer.result  # not a crash
        findings: dict[str, Any] = json.loads(answer.result["stdout"])
        return findings

    def close(self) -> None:
        self.loop.run_until_complete(self.pool.stop())
        self.loop.close()


@pytest.fixture(scope="module")
def probes() -> Iterator[ProbePool]:
    os.environ["AUTOGRAD_LAB_SECRET_KEY"] = SECRET  # as a self-hoster would set it
    try:
        pool = ProbePool(Settings(workers=1, secret_key=SECRET))
    finally:
        del os.environ["AUTOGRAD_LAB_SECRET_KEY"]
    try:
        yield pool
    finally:
        pool.close()


def test_every_isolation_layer_is_on_on_this_host(probes: ProbePool) -> None:
    complete, line = isolation.describe(probes.pool.isolation)
    assert complete, line
    names = [layer.name for layer in probes.pool.isolation]
    for expected in (
        "API process not dumpable",
        "user namespace",
        "pid namespace",
        "network namespace",
        "mount namespace",
        "IPC namespace",
        "read-only file system view",
        "separate unprivileged uid",
        "RLIMIT_NPROC 0 (no fork)",
        "empty environment",
        "no_new_privs",
        "seccomp allow-list",
    ):
        assert expected in names
        assert f"{expected}: " in line


def test_no_socket_can_be_opened(probes: ProbePool) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        outcome = probes.probe("sockets", str(port))
    assert outcome == {
        "tcp connect to the API's port": DENIED,
        "inet socket": DENIED,
        "inet6 socket": DENIED,
        "unix socket": DENIED,
        "socketpair": DENIED,
    }


def test_the_api_process_cannot_be_read(probes: ProbePool) -> None:
    outcome = probes.probe("api process", str(os.getpid()))
    for what in ("environ", "mem", "maps", "status", "list /proc"):
        assert outcome[what].startswith(("FileNotFoundError", "PermissionError")), (what, outcome)


def test_no_signal_reaches_the_api(probes: ProbePool) -> None:
    received: list[int] = []

    def record(number: int, frame: FrameType | None) -> None:
        received.append(number)

    previous = signal.signal(signal.SIGUSR1, record)
    try:
        outcome = probes.probe("signals", f"{os.getpid()}:{os.getpgid(0)}")
        time.sleep(0.2)  # a signal that got through would have arrived by now
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert received == []
    for what in ("signal 0 (may I?)", "SIGUSR1", "SIGUSR1 to its process group"):
        assert outcome[what].startswith(("ProcessLookupError", "PermissionError")), outcome
    assert outcome["SIGUSR1 to everyone"].startswith(("ProcessLookupError", "PermissionError"))
    assert outcome["itself (signal 0)"] == "ok"  # the filter is not simply "no kill at all"


def test_no_fork_no_thread_no_exec(probes: ProbePool) -> None:
    outcome = probes.probe("processes")
    assert outcome["fork"] in (DENIED, "BlockingIOError: errno 11")
    assert outcome["thread"] != "ok"
    assert outcome["exec"] != "ok"
    assert outcome["pid"] == 1  # pid 1 of its own pid namespace: it sees no other process


def test_no_file_can_be_written(probes: ProbePool, tmp_path: Path) -> None:
    existing = tmp_path / "existing.txt"
    existing.write_text("untouched")
    outcome = probes.probe("files", str(existing))
    for what in (
        "create in /tmp",
        "create beside the file",
        "create beside the app's code",
        "append to an existing file",
    ):
        assert outcome[what] != "ok", (what, outcome)
    assert outcome["mkdir"] != "ok"
    assert outcome["unlink"] != "ok"
    assert outcome["read the app's code"] == "ok"  # lazy imports keep working
    assert existing.read_text() == "untouched"
    assert not Path("/tmp/escaped-worker").exists()
    # the worker's whole file system: the directories it loads code from, nothing else
    assert "proc" not in outcome["root"] and "etc" not in outcome["root"]
    assert "home" not in outcome["root"]


def test_the_environment_is_empty_and_no_secret_reaches_a_worker(probes: ProbePool) -> None:
    outcome = probes.probe("environment")
    assert outcome["environ"] == {}
    assert outcome["raw environ has the secret"] is False
    assert outcome["secret in settings"] == ""


def test_a_worker_computes_with_the_same_libraries_as_outside(probes: ProbePool) -> None:
    # MKL is opened lazily (ctypes); the forkserver's warm-up opens it before the walls go up
    from engine.cpu import mkl

    assert probes.probe("libraries") == {"mkl": mkl.available()}


def test_a_program_stuck_in_one_c_call_is_demoted_from_outside(probes: ProbePool) -> None:
    # The interpreter's clock check cannot run inside a single C call; the pool's timer lowers
    # the priority of the whole worker group all the same.
    worker = probes.pool._workers[0]
    pid = worker.process.pid
    assert pid is not None
    assert os.getpriority(os.PRIO_PGRP, pid) == 0

    async def spin_and_look() -> tuple[dict[str, Any], int]:
        spinning = asyncio.ensure_future(probes.probe_async("spin", "1.5"))
        await asyncio.sleep(1.0)  # past the 0.5 s after which the pool demotes it
        niceness = os.getpriority(os.PRIO_PGRP, pid)
        return await spinning, niceness

    outcome, niceness = probes.loop.run_until_complete(spin_and_look())
    assert outcome["seconds"] > 0.5
    assert niceness == 19
    # demoted, so the pool replaces it (priority cannot be raised again without privileges)
    for _ in range(100):
        if worker not in probes.pool._workers:
            break
        time.sleep(0.05)
    assert worker not in probes.pool._workers


def test_killing_a_worker_kills_its_whole_process_group(probes: ProbePool) -> None:
    probes.probe("environment")  # waits for a worker (the previous test's one was replaced)
    worker = probes.pool._workers[0]
    pid = worker.process.pid
    assert pid is not None
    os.killpg(pid, 0)  # the supervisor and the process running programs
    worker.process.kill()
    worker.process.join(5)
    for _ in range(100):
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    with pytest.raises(ProcessLookupError):
        os.killpg(pid, 0)
