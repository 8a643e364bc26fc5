"""Rate limiting at the HTTP edge: `/api/` requests admitted by `app.middleware.limiter`; 429s."""

from __future__ import annotations

import hashlib
import time

from app.config import Settings
from app.middleware.client_cookie import CLIENT_COOKIE, ClientCookie, set_cookie_header
from app.middleware.limiter import Clock, RateLimiter, Verdict
from app.middleware.request import client_ip, cookie_value, request_state
from app.middleware.response import send_json
from app.middleware.types import ASGIApp, Message, Receive, Scope, Send

# Paths whose requests are rate limited: the ones that make a worker run a program.
LIMITED_PREFIX = "/api/"
# Static files never get the cookie (a Set-Cookie would keep shared caches from storing them),
# nor do health checks (a probe every few seconds is not a new student).
STATIC_PREFIX = "/static/"
HEALTH_PATH = "/healthz"
# The request-state key under which the route reports the program's run time (seconds).
RUN_TIME_KEY = "run_s"


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
        sent = cookie_value(scope, CLIENT_COOKIE)
        client_id = self.cookies.verify(sent) if sent else None
        set_cookie: bytes | None = None
        if (
            client_id is None
            and not path.startswith(STATIC_PREFIX)
            and path != HEALTH_PATH
            and self.limiter.may_issue_cookie(ip)
        ):
            client_id, value = self.cookies.issue()
            set_cookie = set_cookie_header(value, secure=scope.get("scheme") == "https")
        if client_id is not None:
            request_state(scope)["client"] = hashlib.sha256(client_id.encode()).hexdigest()[:12]

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and set_cookie is not None:
                message["headers"] = [*message.get("headers", []), (b"set-cookie", set_cookie)]
            await send(message)

        if not path.startswith(LIMITED_PREFIX):
            await self.app(scope, receive, send_with_cookie)
            return
        verdict = self.limiter.admit(ip, client_id)
        if not verdict.allowed:
            request_state(scope)["rate_limited"] = verdict.limit
            await _send_too_many_requests(send_with_cookie, verdict)
            return
        started = self.clock()
        try:
            await self.app(scope, receive, send_with_cookie)
        finally:
            # Charge the time the program held a worker when the app reports it, so waiting
            # in the queue of a busy server never counts against a student; else wall time.
            held = request_state(scope).get(RUN_TIME_KEY)
            if not isinstance(held, float):
                held = self.clock() - started
            self.limiter.release(ip, client_id, held)


def client_of(scope: Scope) -> tuple[str, str | None]:
    """(address, pseudonymous client id or None): whose program this request runs, for the
    worker queue's turns."""
    client = request_state(scope).get("client")
    return client_ip(scope), client if isinstance(client, str) else None


def report_run_time(scope: Scope, seconds: float) -> None:
    """Tell the rate limiter how long this request's program held a worker (queueing excluded).

    The route calls it; the middleware reads it once the response is sent. It travels in the
    request's own state, never through a response header.
    """
    request_state(scope)[RUN_TIME_KEY] = float(seconds)


async def _send_too_many_requests(send: Send, verdict: Verdict) -> None:
    reason = {
        "concurrency": "too many programs running at once from this browser",
        "client": "too many requests from this browser",
        "anonymous": "too many requests without a client cookie from this address",
        "ip": "too many requests from this network address",
    }[verdict.limit or "client"]
    detail = f"Rate limited: {reason}; retry after {verdict.retry_after_s} s."
    headers = [
        (b"retry-after", str(verdict.retry_after_s).encode()),
        (b"cache-control", b"no-store"),
    ]
    await send_json(send, 429, {"detail": detail}, headers)
