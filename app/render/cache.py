"""The render cache: cleaned SVG keyed by DOT text, bounded in bytes, one `dot` run per DOT."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Final

from app.render.options import DEFAULT_OPTIONS


class SVGCache:
    """LRU of cleaned SVG keyed by DOT text, bounded in bytes; one `dot` run per distinct DOT."""

    def __init__(self, max_bytes: int) -> None:
        self._max_bytes = max_bytes
        self._items: OrderedDict[str, str] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._inflight: dict[str, threading.Event] = {}

    def get(self, key: str) -> str | None:
        with self._lock:
            svg = self._items.get(key)
            if svg is not None:
                self._items.move_to_end(key)
            return svg

    def put(self, key: str, svg: str) -> None:
        size = len(key) + len(svg)
        with self._lock:
            if size > self._max_bytes or key in self._items:
                return
            self._items[key] = svg
            self._bytes += size
            while self._bytes > self._max_bytes:
                old_key, old = self._items.popitem(last=False)
                self._bytes -= len(old_key) + len(old)

    def __len__(self) -> int:
        return len(self._items)

    def claim(self, key: str) -> threading.Event | None:
        """None: the caller renders `key` and must `release` it; else an event to wait on."""
        with self._lock:
            event = self._inflight.get(key)
            if event is None:
                self._inflight[key] = threading.Event()
            return event

    def release(self, key: str) -> None:
        with self._lock:
            event = self._inflight.pop(key, None)
        if event is not None:
            event.set()


# The API process's cache, shared by every request (a test may pass its own).
PROCESS_CACHE: Final = SVGCache(DEFAULT_OPTIONS.cache_bytes)
