"""Cache-Control for static files: versioned vendor files are immutable, the rest revalidate."""

from __future__ import annotations

import re

from app.middleware.types import ASGIApp, Message, Receive, Scope, Send

# A vendored library carries its version in its path (`codemirror-6.0.2.js`, `katex-0.19.1/`),
# so a new version is a new URL and the old one may be cached for a year.
_VERSIONED = re.compile(r"^/static/vendor/[^/]*-\d+\.\d+(\.\d+)*(/|\.)")
IMMUTABLE = b"public, max-age=31536000, immutable"
# Our own JS/CSS change without a new URL: the browser keeps them but asks (ETag → 304).
REVALIDATE = b"no-cache"


def cache_control_for(path: str) -> bytes | None:
    """The Cache-Control a static path gets, or None for paths this middleware leaves alone."""
    if not path.startswith("/static/"):
        return None
    return IMMUTABLE if _VERSIONED.match(path) else REVALIDATE


class CachingMiddleware:
    """Adds Cache-Control to successful (200/304) static responses that did not set their own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        value = cache_control_for(scope.get("path", "")) if scope["type"] == "http" else None
        if value is None:
            await self.app(scope, receive, send)
            return

        async def send_with_cache(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (200, 304):
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"cache-control" for name, _ in headers):
                    headers.append((b"cache-control", value))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cache)
