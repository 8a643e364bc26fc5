"""Access logs: one JSON line per request, request ids echoed, no tracebacks to clients."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import re
from typing import Any

import httpx

from app.config import Settings
from app.middleware import install
from app.middleware.access_log import AccessLogMiddleware
from app.middleware.security_headers import SecurityHeadersMiddleware
from app.middleware.types import Receive, Scope, Send


class Records(logging.Handler):
    """Keeps the JSON objects logged."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(record.getMessage()))


def capture() -> tuple[logging.Logger, Records]:
    records = Records()
    logger = logging.getLogger(f"test.access.{id(records)}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(records)
    return logger, records


seen_state: dict[str, Any] = {}


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    """/boom fails before answering, /late-boom after; other paths answer 201 with 5 bytes."""
    seen_state.update(scope.get("state", {}))
    if scope["path"] == "/boom":
        raise RuntimeError("secret database password in this message")
    await send({"type": "http.response.start", "status": 201, "headers": []})
    await send({"type": "http.response.body", "body": b"hello"})
    if scope["path"] == "/late-boom":
        raise RuntimeError("after the response")


def request(path: str, headers: dict[str, str] | None = None) -> tuple[httpx.Response, Records]:
    logger, records = capture()
    wrapped = SecurityHeadersMiddleware(AccessLogMiddleware(app, Settings(), logger), Settings())

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=wrapped, client=("192.0.2.9", 4000))
        async with httpx.AsyncClient(transport=transport, base_url="http://lab.test") as client:
            return await client.post(path, headers=headers or {}, content=b"{}")

    return asyncio.run(fetch()), records


def test_every_response_carries_a_fresh_request_id() -> None:
    first, _ = request("/api/run")
    second, _ = request("/api/run")
    assert re.fullmatch(r"[0-9a-f]{32}", first.headers["x-request-id"])
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


def test_a_plain_incoming_request_id_is_echoed() -> None:
    response, records = request("/api/run", {"X-Request-ID": "lb-7f3a.42"})
    assert response.headers["x-request-id"] == "lb-7f3a.42"
    assert records.lines[0]["request_id"] == "lb-7f3a.42"


def test_an_unsafe_incoming_request_id_is_replaced() -> None:
    for unsafe in ("x" * 65, "<script>alert(1)</script>", "a b", '"}{"status": 200'):
        response, _ = request("/api/run", {"X-Request-ID": unsafe})
        assert response.headers["x-request-id"] != unsafe
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


def test_the_app_sees_the_request_id_in_its_state() -> None:
    response, _ = request("/api/run")
    assert seen_state["request_id"] == response.headers["x-request-id"]


def test_one_json_line_per_request() -> None:
    response, records = request("/api/run?lang=zh")
    assert len(records.lines) == 1
    line = records.lines[0]
    assert line["event"] == "request"
    assert line["request_id"] == response.headers["x-request-id"]
    assert line["method"] == "POST"
    assert line["path"] == "/api/run"  # no query string: nothing the user typed
    assert line["status"] == 201
    assert line["bytes"] == 5
    assert line["ip"] == "192.0.2.9"
    assert line["duration_ms"] >= 0
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["ts"])


def test_an_exception_answers_500_without_a_traceback() -> None:
    response, records = request("/boom")
    assert response.status_code == 500
    assert response.json() == {
        "detail": "Internal Server Error",
        "request_id": response.headers["x-request-id"],
    }
    assert "secret" not in response.text
    assert "Traceback" not in response.text
    assert "content-security-policy" in response.headers
    error, access = records.lines
    assert error["event"] == "unhandled_exception"
    assert error["request_id"] == response.headers["x-request-id"]
    assert "secret database password" in error["traceback"]  # the operator sees it, in the log
    assert access["status"] == 500


def test_an_exception_after_the_response_started_is_logged_not_answered_twice() -> None:
    response, records = request("/late-boom")
    assert response.status_code == 201
    assert response.content == b"hello"
    assert [line["event"] for line in records.lines] == ["unhandled_exception", "request"]


def test_rate_limited_requests_are_logged_with_their_limit() -> None:
    class Collector:
        def __init__(self) -> None:
            self.layers: list[tuple[Any, dict[str, Any]]] = []

        def add_middleware(self, middleware_class: Any, *args: Any, **kwargs: Any) -> None:
            self.layers.append((middleware_class, kwargs))

    settings = dataclasses.replace(Settings(), rate_limit_client_burst=1)
    collector = Collector()
    install(collector, settings)
    logger, records = capture()
    wrapped: Any = app
    for middleware_class, kwargs in collector.layers:  # the first added is the innermost
        extra = {"logger": logger} if middleware_class is AccessLogMiddleware else {}
        wrapped = middleware_class(wrapped, **kwargs, **extra)

    async def scenario() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=wrapped, client=("192.0.2.9", 4000))
        async with httpx.AsyncClient(transport=transport, base_url="http://lab.test") as client:
            return [await client.post("/api/run", content=b"{}") for _ in range(2)]

    first, second = asyncio.run(scenario())
    assert (first.status_code, second.status_code) == (201, 429)
    assert "content-security-policy" in second.headers  # headers sit outside the limiter
    assert "x-request-id" in second.headers
    assert records.lines[1]["status"] == 429
    assert records.lines[1]["rate_limited"] == "client"
    assert records.lines[0]["client"] == records.lines[1]["client"]  # same browser, pseudonymous
    assert len(records.lines[0]["client"]) == 12
