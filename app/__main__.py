"""`python -m app`: serve `app.main:app` with uvicorn on the configured host and port, with
limits on what a client may send before the app sees a request.

uvicorn's HTTP protocol reads a request line and headers of any size (appending each piece to
the last, on the event loop: two 100 MB request lines once cost 22 s of CPU and stalled
`/healthz` for 9 s), waits for them and for the body without a deadline, and lets a new
connection sit idle forever. `LimitedHttpProtocol` bounds all of that, per connection:

- request line plus headers at most `http_max_head_bytes`, at most `http_max_headers` headers
  (431 and the connection closed as soon as either is passed);
- the head must arrive within `http_head_timeout_s` of its first byte (or of the connection),
  the body within `http_body_timeout_s` of the head; an idle keep-alive connection is closed
  after `http_idle_timeout_s`;
- at most `http_max_connections_per_ip` connections from one address (503), and
  `http_max_connections` in all (uvicorn's own `limit_concurrency`).
"""

from __future__ import annotations

import asyncio
import copy
from collections import Counter
from typing import Any, ClassVar

import httptools
import uvicorn
from uvicorn.config import LOGGING_CONFIG
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.config import Settings, get_settings


def main() -> None:
    settings = get_settings()
    trusted_proxies = settings.forwarded_allow_ips.strip()
    uvicorn.run(
        "app.main:app",
        host=settings.host,
        port=settings.port,
        # X-Forwarded-For is believed only from the proxies named (opt-in).
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=trusted_proxies or None,
        access_log=False,  # app.middleware writes JSON access lines with request ids
        server_header=False,
        # Longer than a student's pause between runs: an idle connection closed just as the
        # browser reuses it makes a failed request (5 s, uvicorn's default, is too short).
        timeout_keep_alive=settings.http_idle_timeout_s,
        limit_concurrency=settings.http_max_connections,
        http=limited_protocol(settings),
        log_config=_log_config(),
    )


def limited_protocol(settings: Settings) -> type[HttpToolsProtocol]:
    """`LimitedHttpProtocol` with `settings`' limits (uvicorn makes one per connection)."""
    return type("LimitedHttpProtocol", (LimitedHttpProtocol,), {"limits": settings})


class LimitedHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with bounded heads, read deadlines and connections per
    address (see the module docstring)."""

    limits: ClassVar[Settings]
    _per_address: ClassVar[Counter[str]] = Counter()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_bytes = 0
        self._header_count = 0
        self._refusal: bytes | None = None
        self._reason = ""
        self._deadline: asyncio.TimerHandle | None = None
        self._address = ""

    # connections -----------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._address = self.client[0] if self.client else ""
        self._per_address[self._address] += 1
        if self._per_address[self._address] > self.limits.http_max_connections_per_ip:
            self._refuse(b"503 Service Unavailable", "too many connections from this address")
            return
        # a connection that never sends a request is closed like one that is slow to
        self._arm(self.limits.http_head_timeout_s)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._address in self._per_address:
            self._per_address[self._address] -= 1
            if self._per_address[self._address] <= 0:
                del self._per_address[self._address]
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refusal is not None:
            return  # refused: nothing more is read
        super().data_received(data)

    # the head: request line and headers --------------------------------------------------------

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes = 0
        self._header_count = 0
        self._arm(self.limits.http_head_timeout_s)

    def on_url(self, url: bytes) -> None:
        self._count_head(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count_head(len(name) + len(value) + 4)
        self._header_count += 1
        if self._header_count > self.limits.http_max_headers:
            self._too_large(f"more than {self.limits.http_max_headers} headers")
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._arm(self.limits.http_body_timeout_s)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

    def _count_head(self, size: int) -> None:
        self._head_bytes += size
        if self._head_bytes > self.limits.http_max_head_bytes:
            self._too_large(
                f"request line and headers over {self.limits.http_max_head_bytes} bytes"
            )

    def _too_large(self, why: str) -> None:
        self._refusal = b"431 Request Header Fields Too Large"
        self._reason = why
        # stops the parser; uvicorn then calls send_400_response, which sends this refusal
        raise httptools.HttpParserError(why)

    def send_400_response(self, msg: str) -> None:
        if self._refusal is None:
            super().send_400_response(msg)
            return
        self._send_refusal(self._refusal, self._reason)

    # deadlines ---------------------------------------------------------------------------------

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete and not cycle.more_body:
            return  # the request is in: the app's own time limits apply from here
        self._refuse(b"408 Request Timeout", "the request did not arrive in time")

    def _refuse(self, status: bytes, why: str) -> None:
        self._refusal = status
        self._reason = why
        self._send_refusal(status, why)

    def _send_refusal(self, status: bytes, why: str) -> None:
        if self.transport.is_closing():
            return
        body = why.encode("ascii", "replace")
        self.transport.write(
            b"HTTP/1.1 " + status + b"\r\ncontent-type: text/plain; charset=utf-8\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n" + body
        )
        self.transport.close()


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, plus the sandbox's start-up line (which isolation layers are on)."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["autograd_lab.sandbox"] = {
        "handlers": ["default"],
        "level": "INFO",
        "propagate": False,
    }
    return config


if __name__ == "__main__":
    main()
