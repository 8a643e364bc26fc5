"""One JSON access-log line per request, with a request id; unhandled errors become a plain 500."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import traceback
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from app.config import Settings
from app.middleware.request import client_ip, header_values, request_state
from app.middleware.response import send_json
from app.middleware.types import ASGIApp, Message, Receive, Scope, Send

Clock = Callable[[], float]
REQUEST_ID_HEADER = b"x-request-id"
# An incoming X-Request-ID is kept only if it is short and plain (it is echoed and logged).
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def default_access_logger() -> logging.Logger:
    """`autograd_lab.access`, writing one JSON object per line to stderr unless configured."""
    logger = logging.getLogger("autograd_lab.access")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def request_id_for(scope: Scope) -> str:
    """The client's X-Request-ID when it is plain and short, else a new random one."""
    for candidate in header_values(scope, REQUEST_ID_HEADER):
        if _REQUEST_ID.fullmatch(candidate):
            return candidate
    return uuid.uuid4().hex


class AccessLogMiddleware:
    """One JSON log line per request with a request id (echoed as X-Request-ID); no tracebacks
    ever reach the client: an unhandled exception is logged and answered with a plain 500."""

    def __init__(
        self,
        app: ASGIApp,
        settings: Settings,
        logger: logging.Logger | None = None,
        clock: Clock = time.perf_counter,
    ) -> None:
        self.app = app
        self.logger = logger or default_access_logger()
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_for(scope)
        request_state(scope)["request_id"] = request_id
        started = self.clock()
        response: dict[str, int] = {"status": 0, "bytes": 0}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                response["status"] = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (REQUEST_ID_HEADER, request_id.encode()),
                ]
            elif message["type"] == "http.response.body":
                response["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as error:
            self._log_exception(scope, request_id, error)
            if response["status"] == 0:
                await _send_internal_error(send_with_id, request_id)
        finally:
            self._log_request(scope, request_id, response, self.clock() - started)

    def _log_request(
        self, scope: Scope, request_id: str, response: dict[str, int], duration_s: float
    ) -> None:
        state = request_state(scope)
        record: dict[str, object] = {
            "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "event": "request",
            "request_id": request_id,
            "method": scope.get("method"),
            "path": scope.get("path"),
            "status": response["status"] or None,
            "duration_ms": round(duration_s * 1000, 1),
            "bytes": response["bytes"],
            "ip": client_ip(scope),
            "client": state.get("client"),
        }
        if state.get("rate_limited"):
            record["rate_limited"] = state["rate_limited"]
        self.logger.info(json.dumps(record, ensure_ascii=False))

    def _log_exception(self, scope: Scope, request_id: str, error: Exception) -> None:
        record = {
            "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "event": "unhandled_exception",
            "request_id": request_id,
            "path": scope.get("path"),
            "error": type(error).__name__,
            "traceback": "".join(traceback.format_exception(error)),
        }
        self.logger.error(json.dumps(record, ensure_ascii=False))


async def _send_internal_error(send: Send, request_id: str) -> None:
    await send_json(send, 500, {"detail": "Internal Server Error", "request_id": request_id})
