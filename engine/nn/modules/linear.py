"""Linear layers: `Identity`, `Linear` (x @ Wᵀ + b) and `Bilinear` (x₁ᵀ A x₂ + b)."""

from __future__ import annotations

import math
from typing import Any

from engine import dtypes
from engine.creation import empty
from engine.nn import init
from engine.nn.module import Module
from engine.nn.parameter import Parameter
from engine.ops import affine
from engine.tensor import Tensor


class Identity(Module):
    """Returns its input unchanged (takes and ignores any arguments)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()

    def forward(self, input: Tensor) -> Tensor:
        return input


class Linear(Module):
    """y = x @ Wᵀ + b, with W of shape (out_features, in_features).

    W and b start uniform in ±1/√in_features: `kaiming_uniform_(W, a=√5)` then
    `uniform_(b, -bound, bound)`, drawn in that order, as PyTorch does.
    """

    in_features: int
    out_features: int
    weight: Parameter
    bias: Parameter | None

    def __init__(
        self,
        in_features: int,
        out_features: int,
        bias: bool = True,
        device: Any = None,
        dtype: dtypes.dtype | None = None,
    ) -> None:
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(empty((out_features, in_features), dtype=dtype))
        if bias:
            self.bias = Parameter(empty(out_features, dtype=dtype))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        # a = √5 makes kaiming_uniform_ draw from U(−1/√fan_in, 1/√fan_in)
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input: Tensor) -> Tensor:
        return affine.linear(input, self.weight, self.bias)

    def extra_repr(self) -> str:
        return (
            f"in_features={self.in_features}, out_features={self.out_features}, "
            f"bias={self.bias is not None}"
        )
