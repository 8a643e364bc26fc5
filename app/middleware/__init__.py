"""Pure ASGI middleware, one per module: compression, static caching, security headers, access
log, rate limiting, and cancelling requests whose client went away.

`install` wraps an app in all of them in the order they must run.
"""

from __future__ import annotations

from typing import Any, Protocol

from app.config import Settings
from app.middleware.access_log import AccessLogMiddleware
from app.middleware.caching import CachingMiddleware
from app.middleware.disconnect import DisconnectMiddleware
from app.middleware.rate_limit import RateLimitMiddleware
from app.middleware.security_headers import SecurityHeadersMiddleware


class SupportsAddMiddleware(Protocol):
    """What `install` needs of the web framework's app object."""

    def add_middleware(self, middleware_class: Any, *args: Any, **kwargs: Any) -> None: ...


def install(app: SupportsAddMiddleware, settings: Settings) -> None:
    """Wrap the app (inside `app.main`'s gzip, so these see plain bodies): static Cache-Control,
    security headers, access log, rate limiting, and the disconnect watch around the handlers."""
    app.add_middleware(DisconnectMiddleware, settings=settings)
    app.add_middleware(RateLimitMiddleware, settings=settings)
    app.add_middleware(AccessLogMiddleware, settings=settings)
    app.add_middleware(SecurityHeadersMiddleware, settings=settings)
    app.add_middleware(CachingMiddleware)
