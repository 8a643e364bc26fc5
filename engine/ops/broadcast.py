"""Broadcasting: the shape two operands broadcast to (or PyTorch's error), and `sum_to`, which
undoes it in backward."""

from __future__ import annotations

import numpy as np

from engine.autograd.function import Grad
from engine.ops.cascade_sum import torch_sum


def broadcast_error(a: tuple[int, ...], b: tuple[int, ...]) -> RuntimeError:
    """PyTorch's message for shapes that do not broadcast."""
    for i in range(1, max(len(a), len(b)) + 1):
        da = a[-i] if i <= len(a) else 1
        db = b[-i] if i <= len(b) else 1
        if da != db and da != 1 and db != 1:
            dim = max(len(a), len(b)) - i
            return RuntimeError(
                f"The size of tensor a ({da}) must match the size of tensor b ({db}) at "
                f"non-singleton dimension {dim}"
            )
    return RuntimeError(f"shapes {list(a)} and {list(b)} cannot be broadcast")


def broadcast_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    """The broadcast shape of `a` and `b`, or PyTorch's error."""
    n = max(len(a), len(b))
    out: list[int] = []
    for i in range(n - 1, -1, -1):
        da = a[len(a) - 1 - i] if i < len(a) else 1
        db = b[len(b) - 1 - i] if i < len(b) else 1
        if da != db and da != 1 and db != 1:
            raise broadcast_error(a, b)
        out.append(da if db == 1 else db)
    return tuple(out)


def sum_to(grad: Grad, shape: tuple[int, ...]) -> Grad:
    """Undo broadcasting in backward: sum `grad` over the dimensions that were expanded.

    Works on numpy arrays and, under create_graph, on Tensors (through differentiable ops).
    """
    gshape = tuple(grad.shape)
    if gshape == shape:
        return grad
    lead = len(gshape) - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, d in enumerate(shape) if d == 1 and gshape[lead + i] != 1
    )
    if isinstance(grad, np.ndarray | np.generic):
        # at::sum_to is a sum: PyTorch's addition order, so a bias gradient has torch's bits
        return torch_sum(np.asarray(grad), axes, True).reshape(shape)
    return grad.sum(dim=axes, keepdim=True).reshape(shape)
