"""What a grad_fn saved (as text and as tensor ids) and its local derivative values, kept in JSON
form before backward frees the saved tensors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from app.contract import Value
from app.trace.value import MAX_TEXT, clipped_text, value_json
from engine.autograd.function import Node
from engine.tensor import Tensor

KnownId = Callable[[object], "str | None"]


class NodeSnapshot:
    """What a node saved (as text and tensor ids) and its local derivative values."""

    __slots__ = ("freed", "local_values", "saved_ids", "saved_text")

    def __init__(
        self,
        saved_text: dict[str, str | None],
        saved_ids: dict[str, str],
        local_values: list[Value],
        freed: bool,
    ) -> None:
        self.saved_text = saved_text
        self.saved_ids = saved_ids
        self.local_values = local_values
        self.freed = freed

    @classmethod
    def take(cls, node: Node, known_id: KnownId) -> NodeSnapshot:
        """Snapshot `node` now; `known_id` gives the JSON id of a saved tensor, if it has one."""
        saved = node.saved_values()
        freed = bool(getattr(node, "_released", False))
        text: dict[str, str | None] = {}
        ids: dict[str, str] = {}
        for key, value in saved.items():
            text[key] = _saved_text(value)
            if isinstance(value, Tensor):
                known = known_id(value)
                if known is not None:
                    ids[key] = known
        try:
            locals_ = [value_json(v) for v in node.local_values()]
        except Exception:  # display only: it must never fail the user's backward
            # (e.g. saved tensors modified in place); the ledger then shows formulas only
            locals_ = [None for _ in node.next_functions]
        return cls(text, ids, locals_, freed)


def _saved_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, np.ndarray):
        return clipped_text(np.array2string(value, threshold=MAX_TEXT // 10))
    return clipped_text(repr(value))
