"""`nn.Parameter`: a tensor that a Module registers as one of its learnable parameters."""

from __future__ import annotations

from typing import Any

from engine import dtypes
from engine.creation import empty
from engine.tensor import Tensor
from engine.tensor_base import TensorBase


class Parameter(Tensor):
    """A leaf tensor that `Module.__setattr__` registers (`self.w = nn.Parameter(t)`).

    It shares `data`'s storage, requires grad unless told otherwise (even under `no_grad`,
    as in PyTorch), and prints as `Parameter containing:` followed by the tensor. Results of
    ops on a parameter are plain tensors, as are `.data` and `.detach()`.
    """

    __slots__ = ()

    def __new__(cls, data: Tensor | None = None, requires_grad: bool = True) -> Parameter:
        if data is None:
            data = empty(0)
        if not isinstance(data, TensorBase):
            raise AttributeError(f"'{type(data).__name__}' object has no attribute 'detach'")
        param = _new_parameter(data._data, data._dtype)
        param._version_box = data._version_box  # shares storage and version with `data`
        param._set_requires_grad(
            bool(requires_grad), "Only Tensors of floating point and complex dtype"
        )
        return param

    @classmethod
    def _make(cls, data: Any, dtype: dtypes.dtype) -> Tensor:  # type: ignore[override]
        # every result computed from a parameter is a plain tensor
        return Tensor._make(data, dtype)

    def __repr__(self) -> str:
        return "Parameter containing:\n" + super().__repr__()

    __str__ = __repr__


def _new_parameter(data: Any, dtype: dtypes.dtype) -> Parameter:
    param: Parameter = TensorBase._make.__func__(Parameter, data, dtype)  # type: ignore[attr-defined]
    return param


# type(p) prints <class 'torch.nn.parameter.Parameter'>, as in PyTorch
Parameter.__module__ = "torch.nn.parameter"
