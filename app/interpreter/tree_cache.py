"""The cache of accepted syntax trees, bounded by the memory they hold rather than by count.

A classroom runs the same lesson code over and over, so parsing and checking a program once per
worker pays; but a tree of the largest allowed program holds over a megabyte, so a cache of 256
entries let 600 distinct large programs leave every worker without room to compute. Entries are
weighed by their node count (about 250 bytes each in CPython 3.11) and the least recently used
go first once the total passes `Settings.parse_cache_mb`.
"""

from __future__ import annotations

import ast
from collections import OrderedDict

from app.config import Settings

BYTES_PER_NODE = 250  # measured with tracemalloc: ~240 bytes per node, positions included


class TreeCache:
    """Accepted trees by (source, settings), least recently used evicted past a byte budget."""

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple[str, Settings], tuple[ast.Module, int]] = OrderedDict()
        self.bytes = 0

    def get(self, source: str, settings: Settings) -> ast.Module | None:
        key = (source, settings)
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries.move_to_end(key)
        return entry[0]

    def put(self, source: str, settings: Settings, tree: ast.Module, nodes: int) -> None:
        weight = nodes * BYTES_PER_NODE + len(source)
        budget = settings.parse_cache_mb * 1024 * 1024
        if weight > budget:
            return
        key = (source, settings)
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        self._entries[key] = (tree, weight)
        self.bytes += weight
        while self.bytes > budget:
            _, (_, evicted) = self._entries.popitem(last=False)
            self.bytes -= evicted

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0
