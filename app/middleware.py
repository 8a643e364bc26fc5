"""Pure ASGI middleware: security headers, per-client rate limiting, JSON access logs with ids."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import sys
import time
import traceback
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any, Protocol

from app.config import Settings
from app.ratelimit import ClientCookie, Clock, RateLimiter, Verdict

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]

CLIENT_COOKIE = "agl_client"
REQUEST_ID_HEADER = b"x-request-id"
# Paths whose requests are rate limited: the ones that make a worker run a program.
LIMITED_PREFIX = "/api/"
# Static files never get the cookie (a Set-Cookie would keep shared caches from storing them),
# nor do health checks (a probe every few seconds is not a new student).
STATIC_PREFIX = "/static/"
HEALTH_PATH = "/healthz"
# FastAPI's interactive API docs load Swagger UI / ReDoc from a CDN with one inline script.
DOCS_PATHS = ("/docs", "/docs/oauth2-redirect", "/redoc")
# An incoming X-Request-ID is kept only if it is short and plain (it is echoed and logged).
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), clipboard-read=(), display-capture=(), geolocation=(), "
    "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()"
)


class SupportsAddMiddleware(Protocol):
    """What `install` needs of the web framework's app object."""

    def add_middleware(self, middleware_class: Any, *args: Any, **kwargs: Any) -> None: ...


def install(app: SupportsAddMiddleware, settings: Settings) -> None:
    """Wrap the app: security headers outermost, then access log, then rate limiting."""
    app.add_middleware(RateLimitMiddleware, settings=settings)
    app.add_middleware(AccessLogMiddleware, settings=settings)
    app.add_middleware(SecurityHeadersMiddleware, settings=settings)


def content_security_policy(frame_ancestors: str) -> str:
    """The app's policy: its own scripts, styles, fonts and images only; nothing inline."""
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "object-src 'none'",
            f"frame-ancestors {frame_ancestors}",
        )
    )


def docs_content_security_policy(frame_ancestors: str, script_hashes: list[str]) -> str:
    """The API docs' policy: the CDN FastAPI loads them from, and their inline script by hash."""
    hashes = " ".join(f"'sha256-{digest}'" for digest in script_hashes)
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src 'self' https://cdn.jsdelivr.net {hashes}".rstrip(),
            # Swagger UI sets style attributes while it renders.
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com",
            "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly",
            "font-src 'self' https://fonts.gstatic.com",
            "connect-src 'self'",
            "worker-src blob:",
            "base-uri 'none'",
            "form-action 'self'",
            "object-src 'none'",
            f"frame-ancestors {frame_ancestors}",
        )
    )


def _x_frame_options(frame_ancestors: str) -> bytes | None:
    """The legacy header for browsers without frame-ancestors, when it can say the same."""
    sources = frame_ancestors.split()
    if sources == ["'none'"]:
        return b"DENY"
    if sources == ["'self'"]:
        return b"SAMEORIGIN"
    return None


def _set_default(headers: Headers, name: bytes, value: bytes) -> None:
    """Add a header unless the app already set it."""
    if all(key.lower() != name for key, _ in headers):
        headers.append((name, value))


class SecurityHeadersMiddleware:
    """Adds CSP, nosniff, referrer, permissions and framing headers to every HTTP response."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        ancestors = settings.frame_ancestors.strip() or "'none'"
        self.frame_ancestors = ancestors
        self.static_headers: Headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"permissions-policy", PERMISSIONS_POLICY.encode()),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
        ]
        legacy = _x_frame_options(ancestors)
        if legacy is not None:
            self.static_headers.append((b"x-frame-options", legacy))
        self.policy = content_security_policy(ancestors).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] in DOCS_PATHS:
            await self._call_docs(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = self._headers(message, self.policy)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _headers(self, message: Message, policy: bytes) -> Headers:
        headers: Headers = list(message.get("headers", []))
        _set_default(headers, b"content-security-policy", policy)
        for name, value in self.static_headers:
            _set_default(headers, name, value)
        return headers

    async def _call_docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Buffer the (small, fixed) docs page to allow exactly its inline scripts by hash."""
        start: Message | None = None
        body = bytearray()

        async def buffer(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            body.extend(message.get("body", b""))
            if message.get("more_body", False):
                return
            assert start is not None, "ASGI: body before start"
            hashes = [_sha256_base64(script) for script in _INLINE_SCRIPT.findall(bytes(body))]
            policy = docs_content_security_policy(self.frame_ancestors, hashes).encode()
            start["headers"] = self._headers(start, policy)
            await send(start)
            await send({"type": "http.response.body", "body": bytes(body)})

        await self.app(scope, receive, buffer)


def _sha256_base64(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


def client_ip(scope: Scope) -> str:
    """The peer address (already the forwarded one when uvicorn trusts the proxy)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def _header_values(scope: Scope, name: bytes) -> list[str]:
    """Every value of request header `name` (lower case), decoded as HTTP does: latin-1."""
    headers: Headers = scope.get("headers", [])
    return [value.decode("latin-1") for key, value in headers if key == name]


def _cookie_value(scope: Scope, name: str) -> str | None:
    """The value of cookie `name` in the request, if sent."""
    for header in _header_values(scope, b"cookie"):
        for pair in header.split(";"):
            cookie_name, _, cookie_value = pair.strip().partition("=")
            if cookie_name == name:
                return cookie_value.strip('"')
    return None


def _state(scope: Scope) -> dict[str, Any]:
    """The per-request state dict frameworks expose as `request.state`."""
    state = scope.setdefault("state", {})
    assert isinstance(state, dict)
    return state


class RateLimitMiddleware:
    """Token buckets for `/api/` requests keyed on a signed client cookie; 429 with Retry-After."""

    def __init__(
        self,
        app: ASGIApp,
        settings: Settings,
        clock: Clock = time.monotonic,
    ) -> None:
        self.app = app
        self.enabled = settings.rate_limit_enabled
        self.cookies = ClientCookie.from_settings(settings)
        self.limiter = RateLimiter(settings, clock)
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.enabled:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        ip = client_ip(scope)
        sent = _cookie_value(scope, CLIENT_COOKIE)
        client_id = self.cookies.verify(sent) if sent else None
        set_cookie: bytes | None = None
        if (
            client_id is None
            and not path.startswith(STATIC_PREFIX)
            and path != HEALTH_PATH
            and self.limiter.may_issue_cookie(ip)
        ):
            client_id, value = self.cookies.issue()
            set_cookie = _set_cookie_header(value, secure=scope.get("scheme") == "https")
        if client_id is not None:
            _state(scope)["client"] = hashlib.sha256(client_id.encode()).hexdigest()[:12]

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and set_cookie is not None:
                message["headers"] = [*message.get("headers", []), (b"set-cookie", set_cookie)]
            await send(message)

        if not path.startswith(LIMITED_PREFIX):
            await self.app(scope, receive, send_with_cookie)
            return
        verdict = self.limiter.admit(ip, client_id)
        if not verdict.allowed:
            _state(scope)["rate_limited"] = verdict.limit
            await _send_too_many_requests(send_with_cookie, verdict)
            return
        started = self.clock()
        run_s: list[float] = []

        async def send_timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                run_s.extend(_server_timing_run_s(message.get("headers", [])))
            await send_with_cookie(message)

        try:
            await self.app(scope, receive, send_timed)
        finally:
            # Charge the time the program held a worker when the app reports it, so waiting
            # in the queue of a busy server never counts against a student; else wall time.
            held = run_s[0] if run_s else self.clock() - started
            self.limiter.release(ip, client_id, held)


_RUN_METRIC = re.compile(r"(?:^|,)\s*run\s*;(?:[^,]*;)?\s*dur=([0-9]+(?:\.[0-9]+)?)")


def _server_timing_run_s(headers: Headers) -> list[float]:
    """The `run` metric of a `Server-Timing: run;dur=<ms>` response header, in seconds."""
    for key, value in headers:
        if key.lower() == b"server-timing":
            match = _RUN_METRIC.search(value.decode("latin-1"))
            if match:
                return [float(match.group(1)) / 1000]
    return []


def _set_cookie_header(value: str, *, secure: bool) -> bytes:
    """The client cookie: a year long, invisible to scripts, not sent on cross-site requests."""
    attributes = f"{CLIENT_COOKIE}={value}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax"
    return (attributes + ("; Secure" if secure else "")).encode()


async def _send_too_many_requests(send: Send, verdict: Verdict) -> None:
    reason = {
        "concurrency": "too many programs running at once from this browser",
        "client": "too many requests from this browser",
        "anonymous": "too many requests without a client cookie from this address",
        "ip": "too many requests from this network address",
    }[verdict.limit or "client"]
    body = json.dumps(
        {"detail": f"Rate limited: {reason}; retry after {verdict.retry_after_s} s."}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(verdict.retry_after_s).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


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
    for candidate in _header_values(scope, REQUEST_ID_HEADER):
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
        _state(scope)["request_id"] = request_id
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
        state = _state(scope)
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
    body = json.dumps({"detail": "Internal Server Error", "request_id": request_id}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
