"""Security headers on every HTTP response: CSP, nosniff, referrer, permissions, framing."""

from __future__ import annotations

import base64
import hashlib
import re

from app.config import Settings
from app.middleware.types import ASGIApp, Headers, Message, Receive, Scope, Send

# FastAPI's interactive API docs load Swagger UI / ReDoc from a CDN with one inline script.
DOCS_PATHS = ("/docs", "/docs/oauth2-redirect", "/redoc")
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), clipboard-read=(), display-capture=(), geolocation=(), "
    "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()"
)


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
