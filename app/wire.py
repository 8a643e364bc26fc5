"""JSON as the app sends it: compact UTF-8, never a NaN/Infinity literal (non-finite → strings)."""

from __future__ import annotations

import json
from typing import Any

from app.contract import finite_or_text


def json_text(value: Any) -> str:
    """`value` as JSON; non-finite floats (should any slip through) become strings."""
    try:
        return json.dumps(value, allow_nan=False, ensure_ascii=False, separators=(",", ":"))
    except ValueError:
        return json.dumps(
            json_safe(value), allow_nan=False, ensure_ascii=False, separators=(",", ":")
        )


def json_safe(value: Any) -> Any:
    """`value` with non-finite floats replaced by "nan"/"inf"/"-inf" (iteratively, any depth)."""
    if isinstance(value, float):
        return finite_or_text(value)
    if not isinstance(value, dict | list | tuple):
        return value
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while stack:
        item, parent, key = stack.pop()
        if isinstance(item, dict):
            copy: Any = {}
            parent[key] = copy
            for k, v in item.items():
                stack.append((v, copy, k))
        elif isinstance(item, list | tuple):
            copy = [None] * len(item)
            parent[key] = copy
            for i, v in enumerate(item):
                stack.append((v, copy, i))
        elif isinstance(item, float):
            parent[key] = finite_or_text(item)
        else:
            parent[key] = item
    return root[0]
