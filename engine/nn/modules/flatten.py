"""`Flatten`: folds dims start_dim..end_dim into one (a view where the input allows it)."""

from __future__ import annotations

from engine.nn.module import Module
from engine.tensor import Tensor


class Flatten(Module):
    """x.flatten(start_dim, end_dim); start_dim defaults to 1 so the batch dim is kept.

    Its backward is the view's (ViewBackward0 for a contiguous input): the gradient is
    reshaped back to the input's shape, nothing else changes.
    """

    start_dim: int
    end_dim: int

    def __init__(self, start_dim: int = 1, end_dim: int = -1) -> None:
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def forward(self, input: Tensor) -> Tensor:
        return input.flatten(self.start_dim, self.end_dim)

    def extra_repr(self) -> str:
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"
