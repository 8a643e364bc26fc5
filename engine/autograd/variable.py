"""The legacy `Variable`: since PyTorch 0.4 it returns a plain Tensor."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from engine.tensor_base import TensorBase

if TYPE_CHECKING:
    from engine.tensor import Tensor

_VOLATILE_WARNING = (
    "volatile was removed and now has no effect. Use `with torch.no_grad():` instead."
)


class _VariableMeta(type):
    """Makes `isinstance(t, Variable)` true for every tensor, as in PyTorch."""

    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, TensorBase)

    def __repr__(cls) -> str:
        return "<class 'torch.autograd.variable.Variable'>"


class Variable(metaclass=_VariableMeta):
    """`Variable(tensor, requires_grad=False)`: a leaf Tensor on the same storage.

    Tensor and Variable were merged in PyTorch 0.4; the name survives for old code.
    """

    def __new__(  # type: ignore[misc]
        cls, data: Tensor, requires_grad: bool = False, volatile: bool = False, **_: Any
    ) -> Tensor:
        if volatile:
            warnings.warn(_VOLATILE_WARNING, UserWarning, stacklevel=2)
            if requires_grad:
                raise ValueError("Variable can't be volatile and require_grad at the same time!")
        if not isinstance(data, TensorBase):
            raise TypeError(f"Variable data has to be a tensor, but got {type(data).__name__}")
        t = data.detach()
        t._base = None
        if requires_grad:
            t._set_requires_grad(True, "Only Tensors of floating point and complex dtype")
        return t
