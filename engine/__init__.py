"""The autograd engine: PyTorch's tensor and autograd semantics on numpy (`import engine as torch`)."""

import builtins

from engine import autograd, nn
from engine.autograd.grad_mode import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from engine.creation import (
    BoolTensor,
    ByteTensor,
    DoubleTensor,
    FloatTensor,
    IntTensor,
    LongTensor,
    arange,
    empty,
    empty_like,
    eye,
    full,
    full_like,
    linspace,
    ones,
    ones_like,
    tensor,
    zeros,
    zeros_like,
)
from engine.dtype import (
    bool_ as bool,  # noqa: A004 - torch.bool
)
from engine.dtype import (
    dtype,
    float16,
    float32,
    float64,
    get_default_dtype,
    int8,
    int16,
    int32,
    int64,
    promote_types,
    uint8,
)
from engine.ops.arithmetic import add, div, mul, neg, pow, sub  # noqa: A004 - torch.pow
from engine.ops.conversion import clone
from engine.size import Size
from engine.tensor import Tensor, is_tensor
from engine.tensor_str import get_printoptions, set_printoptions

# dtype aliases, as in torch
float = float32  # noqa: A001
double = float64
half = float16
long = int64
int = int32  # noqa: A001
short = int16

__version__ = "2.13.0+autograd-lab"


def numel(t: Tensor) -> builtins.int:
    return t.numel()

__all__ = [
    "BoolTensor",
    "ByteTensor",
    "DoubleTensor",
    "FloatTensor",
    "IntTensor",
    "LongTensor",
    "Size",
    "Tensor",
    "add",
    "arange",
    "autograd",
    "bool",
    "clone",
    "div",
    "double",
    "dtype",
    "empty",
    "empty_like",
    "enable_grad",
    "eye",
    "float",
    "float16",
    "float32",
    "float64",
    "full",
    "full_like",
    "get_default_dtype",
    "get_printoptions",
    "half",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "is_grad_enabled",
    "is_tensor",
    "linspace",
    "long",
    "mul",
    "neg",
    "nn",
    "no_grad",
    "numel",
    "ones",
    "ones_like",
    "pow",
    "promote_types",
    "set_grad_enabled",
    "set_printoptions",
    "short",
    "sub",
    "tensor",
    "uint8",
    "zeros",
    "zeros_like",
]
