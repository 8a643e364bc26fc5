"""A client that goes away cancels its request: its program stops and its worker is freed.

Starlette runs a handler to the end even when nobody waits for the answer any more; a client
that sends a slow program and hangs up would keep a worker for its whole time limit, and one
that does it again and again would keep them all. Once the app has read the request body, this
middleware listens for the server's `http.disconnect` and cancels the app when it comes (the
worker pool kills a worker whose program is cancelled, or gives up the program's place in the
queue). The access log records such a request with status 499, as nginx does.
"""

from __future__ import annotations

import asyncio
import contextlib

from app.config import Settings
from app.middleware.types import ASGIApp, Message, Receive, Scope, Send

# Requests whose handlers run programs: the ones worth cancelling.
WATCHED_PREFIX = "/api/"
CLIENT_CLOSED_REQUEST = 499


class DisconnectMiddleware:
    """Cancel an `/api/` request's handler when its client disconnects before the answer."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(WATCHED_PREFIX):
            await self.app(scope, receive, send)
            return
        body_read = asyncio.Event()
        started = False

        async def receive_request() -> Message:
            message = await receive()
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_read.set()
            return message

        async def send_response(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        async def disconnected() -> None:
            await body_read.wait()
            while (await receive())["type"] != "http.disconnect":
                pass

        handler = asyncio.ensure_future(self.app(scope, receive_request, send_response))
        watcher = asyncio.ensure_future(disconnected())
        try:
            await asyncio.wait({handler, watcher}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
        if handler.done():
            handler.result()  # the handler's own exception, if any, goes on up
            return
        handler.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await handler
        if not started:  # nobody reads it; it tells the access log what happened
            await send({"type": "http.response.start", "status": CLIENT_CLOSED_REQUEST})
            await send({"type": "http.response.body", "body": b""})
