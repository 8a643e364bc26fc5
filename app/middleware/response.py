"""Answering from inside a middleware, before (or instead of) the app: a small JSON response."""

from __future__ import annotations

import json

from app.middleware.types import Headers, Send


async def send_json(
    send: Send, status: int, content: object, headers: Headers | None = None
) -> None:
    """A complete JSON response: `content` as the body, with its length and `headers`."""
    body = json.dumps(content).encode()
    start_headers: Headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *(headers or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": start_headers})
    await send({"type": "http.response.body", "body": body})
