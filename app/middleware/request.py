"""Reading an ASGI request's scope: the peer address, header and cookie values, request state."""

from __future__ import annotations

from typing import Any

from app.middleware.types import Headers, Scope


def client_ip(scope: Scope) -> str:
    """The peer address (already the forwarded one when uvicorn trusts the proxy)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def header_values(scope: Scope, name: bytes) -> list[str]:
    """Every value of request header `name` (lower case), decoded as HTTP does: latin-1."""
    headers: Headers = scope.get("headers", [])
    return [value.decode("latin-1") for key, value in headers if key == name]


def cookie_value(scope: Scope, name: str) -> str | None:
    """The value of cookie `name` in the request, if sent."""
    for header in header_values(scope, b"cookie"):
        for pair in header.split(";"):
            cookie_name, _, value = pair.strip().partition("=")
            if cookie_name == name:
                return value.strip('"')
    return None


def request_state(scope: Scope) -> dict[str, Any]:
    """The per-request state dict frameworks expose as `request.state`."""
    state = scope.setdefault("state", {})
    assert isinstance(state, dict)
    return state
