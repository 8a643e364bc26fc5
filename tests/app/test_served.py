"""The app as `python -m app` serves it (uvicorn with the app's HTTP protocol limits): hostile
connections are refused quickly and cheaply, and a client that goes away frees its worker."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ENDLESS = "while True:\n    pass"
NORMAL = "print(1 + 1)"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    """`python -m app` on a free port with two workers and a long time limit."""
    port = _free_port()
    env = {
        **os.environ,
        "AUTOGRAD_LAB_PORT": str(port),
        "AUTOGRAD_LAB_WORKERS": "2",
        "AUTOGRAD_LAB_TIME_LIMIT_S": "30",
        "AUTOGRAD_LAB_MAX_LOOP_ITERATIONS": str(10**12),
        "AUTOGRAD_LAB_RATE_LIMIT_ENABLED": "false",
        "AUTOGRAD_LAB_HTTP_HEAD_TIMEOUT_S": "2",
        "AUTOGRAD_LAB_HTTP_BODY_TIMEOUT_S": "2",
        "AUTOGRAD_LAB_HTTP_MAX_CONNECTIONS_PER_IP": "40",
    }
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "app"], cwd=ROOT, env=env, stdout=log, stderr=log
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(log.read().decode()[-3000:])
                time.sleep(0.2)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def _connect(url: str) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", _port(url)), timeout=10)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 16)
    return sock


def _reply(sock: socket.socket) -> bytes:
    chunks = []
    try:
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    except (ConnectionResetError, TimeoutError):
        pass
    return b"".join(chunks)


def _healthz(url: str) -> dict[str, Any]:
    body: dict[str, Any] = httpx.get(f"{url}/healthz", timeout=5).json()
    return body


def _request(code: str) -> bytes:
    body = ('{"code": "' + code.replace("\n", "\\n") + '"}').encode()
    return (
        b"POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )


def test_a_huge_request_line_is_refused_at_once_and_health_stays_quick(served: str) -> None:
    sock = _connect(served)
    sock.sendall(b"GET /" + b"a" * 40_000)
    with contextlib.suppress(OSError):  # the server has stopped reading: this may fail
        sock.sendall(b"a" * 1_000_000)
    reply = _reply(sock)
    sock.close()
    assert reply.startswith(b"HTTP/1.1 431 ")
    started = time.monotonic()
    assert _healthz(served)["status"] == "ok"
    assert time.monotonic() - started < 2


def test_too_many_headers_are_refused(served: str) -> None:
    sock = _connect(served)
    headers = b"".join(b"X-%d: 1\r\n" % i for i in range(150))
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n")
    reply = _reply(sock)
    sock.close()
    assert reply.startswith(b"HTTP/1.1 431 ")


def test_a_head_that_trickles_in_is_closed_at_its_deadline(served: str) -> None:
    sock = _connect(served)
    started = time.monotonic()
    sock.sendall(b"GET /healthz HTTP/1.1\r\n")
    reply = b""
    for _ in range(40):  # one header byte every 0.1 s, never finishing
        try:
            sock.sendall(b"X")
        except OSError:
            break
        time.sleep(0.1)
    reply = _reply(sock)
    sock.close()
    assert reply.startswith(b"HTTP/1.1 408 ")
    assert time.monotonic() - started < 6


def test_a_connection_that_sends_nothing_is_closed(served: str) -> None:
    sock = _connect(served)
    started = time.monotonic()
    reply = _reply(sock)
    sock.close()
    assert reply.startswith(b"HTTP/1.1 408 ")
    assert time.monotonic() - started < 6


def test_a_body_that_never_ends_is_closed_at_its_deadline(served: str) -> None:
    sock = _connect(served)
    sock.sendall(
        b"POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1000\r\n\r\n{"
    )
    started = time.monotonic()
    reply = _reply(sock)
    sock.close()
    assert time.monotonic() - started < 6
    assert b"200 OK" not in reply


def test_connections_per_address_are_bounded(served: str) -> None:
    socks = [_connect(served) for _ in range(45)]
    try:
        refused = 0
        for sock in socks[40:]:
            sock.settimeout(3)
            if _reply(sock).startswith(b"HTTP/1.1 503 "):
                refused += 1
        assert refused == 5
    finally:
        for sock in socks:
            sock.close()
    assert _healthz(served)["status"] == "ok"


def test_a_client_that_goes_away_frees_its_worker(served: str) -> None:
    sock = _connect(served)
    sock.sendall(_request(ENDLESS))
    deadline = time.monotonic() + 20
    while _healthz(served)["running"] == 0:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    sock.close()  # the browser tab was closed
    deadline = time.monotonic() + 5
    while _healthz(served)["running"] != 0:
        assert time.monotonic() < deadline, "the endless program still holds its worker"
        time.sleep(0.1)
    answer = httpx.post(f"{served}/api/run", json={"code": NORMAL}, timeout=30).json()
    assert answer["stdout"] == "2\n"
