"""`Tensor`: the ops, operators and Python protocol of a tensor, on `TensorBase`'s storage.

The operators and methods are thin: each op lives in `engine/ops/` beside its backward node.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import numpy as np

from engine import dtypes
from engine.autograd import engine as autograd_engine
from engine.ops import (
    activation,
    affine,
    arithmetic,
    clamp,
    comparison,
    conversion,
    indexing,
    inplace,
    join,
    linalg,
    maximum,
    pointwise,
    power,
    reduction,
    view,
)
from engine.sampling import bernoulli, distribution, multinomial
from engine.size import Size
from engine.tensor_base import Number, TensorBase


class Tensor(TensorBase):
    """A multi-dimensional array that can record the operations applied to it.

    Build one with `torch.tensor([...], requires_grad=True)`; legacy `torch.Tensor(3, 4)` and
    `torch.Tensor([1, 2])` construct float32 tensors as in PyTorch.
    """

    __slots__ = ()

    # Tensors are hashed by identity, as in PyTorch (== builds a bool tensor instead).
    __hash__: ClassVar[Any] = object.__hash__

    def __new__(cls, *args: Any, **kwargs: Any) -> Tensor:
        # The legacy constructor: Tensor(2, 3) (uninitialised), Tensor([1, 2]), Tensor(t).
        from_legacy = kwargs.pop("_legacy_dtype", None)
        if kwargs:
            raise TypeError(f"new() received an invalid combination of arguments - got {kwargs}")
        dt = from_legacy or dtypes.get_default_dtype()
        if len(args) == 1 and isinstance(args[0], Tensor):
            return args[0]
        if not args:
            return cls._make(np.zeros((0,), dtype=dt.np), dt)
        if len(args) == 1 and isinstance(args[0], list | tuple):
            data = np.asarray(args[0], dtype=dt.np)
        elif all(isinstance(a, int) and not isinstance(a, bool) for a in args):
            size = args[0] if len(args) == 1 and isinstance(args[0], Size) else args
            # uninitialised memory in PyTorch; zeros here keep runs reproducible
            data = np.zeros(tuple(size), dtype=dt.np)
        elif len(args) == 1 and isinstance(args[0], Size):
            data = np.zeros(tuple(args[0]), dtype=dt.np)
        else:
            raise TypeError(f"new(): data must be a sequence (got {type(args[0]).__name__})")
        return cls._make(data, dt)

    def backward(
        self,
        gradient: Tensor | None = None,
        retain_graph: builtins.bool | None = None,
        create_graph: builtins.bool = False,
        inputs: Sequence[Tensor] | None = None,
    ) -> None:
        """Backpropagate from this tensor, accumulating gradients into the leaves' `.grad`."""
        if inputs is not None:
            raise NotImplementedError("backward(inputs=...) is not supported")
        keep = create_graph if retain_graph is None else retain_graph
        autograd_engine.run_backward(
            (self,), (gradient,), retain_graph=keep, create_graph=create_graph
        )

    # --- conversions ---------------------------------------------------------------------------

    def type(self, dtype: dtypes.dtype | str | None = None) -> str | Tensor:
        if dtype is None:
            return f"torch.{self._dtype.legacy_type_name}"
        return conversion.to(self, conversion.parse_type(dtype))

    def to(self, *args: Any, **kwargs: Any) -> Tensor:
        return conversion.to_method(self, *args, **kwargs)

    def float(self) -> Tensor:
        return conversion.to(self, dtypes.float32)

    def double(self) -> Tensor:
        return conversion.to(self, dtypes.float64)

    def long(self) -> Tensor:
        return conversion.to(self, dtypes.int64)

    def int(self) -> Tensor:
        return conversion.to(self, dtypes.int32)

    def bool(self) -> Tensor:
        return conversion.to(self, dtypes.bool_)

    def half(self) -> Tensor:
        return conversion.to(self, dtypes.float16)

    def clone(self) -> Tensor:
        return conversion.clone(self)

    def contiguous(self) -> Tensor:
        return self if self.is_contiguous() else conversion.clone(self)

    # --- Python protocol -----------------------------------------------------------------------

    def __iter__(self) -> Iterator[Tensor]:
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return iter(join.unbind(self, 0))

    def __getitem__(self, index: Any) -> Tensor:
        return indexing.getitem(self, index)

    def __setitem__(self, index: Any, value: Tensor | Number) -> None:
        inplace.setitem(self, index, value)

    # --- arithmetic ----------------------------------------------------------------------------

    def __add__(self, other: Tensor | Number) -> Tensor:
        return arithmetic.add(self, other)

    def __radd__(self, other: Number) -> Tensor:
        return arithmetic.add(self, other)

    def __sub__(self, other: Tensor | Number) -> Tensor:
        return arithmetic.sub(self, other)

    def __rsub__(self, other: Number) -> Tensor:
        return arithmetic.rsub(self, other)

    def __mul__(self, other: Tensor | Number) -> Tensor:
        return arithmetic.mul(self, other)

    def __rmul__(self, other: Number) -> Tensor:
        return arithmetic.mul(self, other)

    def __truediv__(self, other: Tensor | Number) -> Tensor:
        return arithmetic.div(self, other)

    def __rtruediv__(self, other: Number) -> Tensor:
        return arithmetic.rdiv(self, other)

    def __pow__(self, exponent: Tensor | Number) -> Tensor:
        return power.pow(self, exponent)

    def __rpow__(self, base: Number) -> Tensor:
        return power.rpow(self, base)

    def __matmul__(self, other: Tensor) -> Tensor:
        if not isinstance(other, Tensor):
            return NotImplemented  # Python's "unsupported operand type(s) for @", as in PyTorch
        return linalg.matmul(self, other)

    def __neg__(self) -> Tensor:
        return arithmetic.neg(self)

    def __pos__(self) -> Tensor:
        return self

    def __abs__(self) -> Tensor:
        return pointwise.abs(self)

    def __iadd__(self, other: Tensor | Number) -> Tensor:
        return inplace.add_(self, other)

    def __isub__(self, other: Tensor | Number) -> Tensor:
        return inplace.sub_(self, other)

    def __imul__(self, other: Tensor | Number) -> Tensor:
        return inplace.mul_(self, other)

    def __itruediv__(self, other: Tensor | Number) -> Tensor:
        return inplace.div_(self, other)

    def __eq__(self, other: object) -> Tensor:  # type: ignore[override]
        return comparison.eq(self, other)

    def __ne__(self, other: object) -> Tensor:  # type: ignore[override]
        return comparison.ne(self, other)

    def __and__(self, other: Tensor | Number) -> Tensor:
        return comparison.bitwise_and(self, other)

    __rand__ = __and__

    def __or__(self, other: Tensor | Number) -> Tensor:
        return comparison.bitwise_or(self, other)

    __ror__ = __or__

    def __xor__(self, other: Tensor | Number) -> Tensor:
        return comparison.bitwise_xor(self, other)

    __rxor__ = __xor__

    def __invert__(self) -> Tensor:
        return comparison.bitwise_not(self)

    def logical_not(self) -> Tensor:
        return comparison.logical_not(self)

    def any(self, dim: builtins.int | None = None, keepdim: builtins.bool = False) -> Tensor:
        return comparison.any(self, dim, keepdim)

    def all(self, dim: builtins.int | None = None, keepdim: builtins.bool = False) -> Tensor:
        return comparison.all(self, dim, keepdim)

    def __lt__(self, other: Tensor | Number) -> Tensor:
        return comparison.lt(self, other)

    def __le__(self, other: Tensor | Number) -> Tensor:
        return comparison.le(self, other)

    def __gt__(self, other: Tensor | Number) -> Tensor:
        return comparison.gt(self, other)

    def __ge__(self, other: Tensor | Number) -> Tensor:
        return comparison.ge(self, other)

    # --- named ops -----------------------------------------------------------------------------

    def add(self, other: Tensor | Number, alpha: Number = 1) -> Tensor:
        return arithmetic.add(self, other, alpha=alpha)

    def sub(self, other: Tensor | Number, alpha: Number = 1) -> Tensor:
        return arithmetic.sub(self, other, alpha=alpha)

    def mul(self, other: Tensor | Number) -> Tensor:
        return arithmetic.mul(self, other)

    def div(self, other: Tensor | Number) -> Tensor:
        return arithmetic.div(self, other)

    def pow(self, exponent: Tensor | Number) -> Tensor:
        return power.pow(self, exponent)

    def neg(self) -> Tensor:
        return arithmetic.neg(self)

    def reciprocal(self) -> Tensor:
        return pointwise.reciprocal(self)

    def exp(self) -> Tensor:
        return pointwise.exp(self)

    def expm1(self) -> Tensor:
        return pointwise.expm1(self)

    def log1p(self) -> Tensor:
        return pointwise.log1p(self)

    def rsqrt(self) -> Tensor:
        return pointwise.rsqrt(self)

    def log(self) -> Tensor:
        return pointwise.log(self)

    def sqrt(self) -> Tensor:
        return pointwise.sqrt(self)

    def sin(self) -> Tensor:
        return pointwise.sin(self)

    def cos(self) -> Tensor:
        return pointwise.cos(self)

    def tanh(self) -> Tensor:
        return pointwise.tanh(self)

    def sigmoid(self) -> Tensor:
        return pointwise.sigmoid(self)

    def relu(self) -> Tensor:
        return pointwise.relu(self)

    def abs(self) -> Tensor:
        return pointwise.abs(self)

    def clamp(self, min: Number | None = None, max: Number | None = None) -> Tensor:
        return clamp.clamp(self, min, max)

    clip = clamp

    def clamp_min(self, min: Number) -> Tensor:
        return clamp.clamp_min(self, min)

    def clamp_max(self, max: Number) -> Tensor:
        return clamp.clamp_max(self, max)

    def sign(self) -> Tensor:
        return pointwise.sign(self)

    def maximum(self, other: Tensor) -> Tensor:
        return maximum.maximum(self, other)

    def minimum(self, other: Tensor) -> Tensor:
        return maximum.minimum(self, other)

    def sum(self, dim: Any = None, keepdim: builtins.bool = False) -> Tensor:
        return reduction.sum(self, dim, keepdim)

    def mean(self, dim: Any = None, keepdim: builtins.bool = False) -> Tensor:
        return reduction.mean(self, dim, keepdim)

    def max(self, dim: Any = None, keepdim: builtins.bool = False) -> Any:
        return reduction.max(self, dim, keepdim)

    def min(self, dim: Any = None, keepdim: builtins.bool = False) -> Any:
        return reduction.min(self, dim, keepdim)

    def argmax(self, dim: builtins.int | None = None, keepdim: builtins.bool = False) -> Tensor:
        return reduction.argmax(self, dim, keepdim)

    def argmin(self, dim: builtins.int | None = None, keepdim: builtins.bool = False) -> Tensor:
        return reduction.argmin(self, dim, keepdim)

    def matmul(self, other: Tensor) -> Tensor:
        return linalg.matmul(self, other)

    def mm(self, mat2: Tensor) -> Tensor:
        return linalg.mm(self, mat2)

    def addmm(self, mat1: Tensor, mat2: Tensor, *, beta: Number = 1, alpha: Number = 1) -> Tensor:
        return affine.addmm(self, mat1, mat2, beta=beta, alpha=alpha)

    def mv(self, vec: Tensor) -> Tensor:
        return linalg.mv(self, vec)

    def dot(self, other: Tensor) -> Tensor:
        return linalg.dot(self, other)

    def view(self, *size: Any) -> Tensor:
        return view.view(self, view.parse_size(size))

    def reshape(self, *size: Any) -> Tensor:
        return view.reshape(self, view.parse_size(size))

    def view_as(self, other: Tensor) -> Tensor:
        return view.view(self, tuple(other._data.shape))

    def flatten(self, start_dim: builtins.int = 0, end_dim: builtins.int = -1) -> Tensor:
        return view.flatten(self, start_dim, end_dim)

    def squeeze(self, dim: builtins.int | None = None) -> Tensor:
        return view.squeeze(self, dim)

    def unsqueeze(self, dim: builtins.int) -> Tensor:
        return view.unsqueeze(self, dim)

    def t(self) -> Tensor:
        return view.t(self)

    @property
    def T(self) -> Tensor:
        return view.T(self)

    def transpose(self, dim0: builtins.int, dim1: builtins.int) -> Tensor:
        return view.transpose(self, dim0, dim1)

    def permute(self, *dims: Any) -> Tensor:
        return view.permute(self, view.parse_size(dims))

    def expand(self, *size: Any) -> Tensor:
        return view.expand(self, view.parse_size(size))

    def repeat(self, *sizes: Any) -> Tensor:
        return join.repeat(self, view.parse_size(sizes))

    def softmax(self, dim: builtins.int, dtype: dtypes.dtype | None = None) -> Tensor:
        return activation.softmax(self, dim, dtype)

    def log_softmax(self, dim: builtins.int, dtype: dtypes.dtype | None = None) -> Tensor:
        return activation.log_softmax(self, dim, dtype)

    def eq(self, other: Tensor | Number) -> Tensor:
        return comparison.eq(self, other)

    def ne(self, other: Tensor | Number) -> Tensor:
        return comparison.ne(self, other)

    def lt(self, other: Tensor | Number) -> Tensor:
        return comparison.lt(self, other)

    def le(self, other: Tensor | Number) -> Tensor:
        return comparison.le(self, other)

    def gt(self, other: Tensor | Number) -> Tensor:
        return comparison.gt(self, other)

    def ge(self, other: Tensor | Number) -> Tensor:
        return comparison.ge(self, other)

    def equal(self, other: Tensor) -> builtins.bool:
        return comparison.equal(self, other)

    def allclose(
        self,
        other: Tensor,
        rtol: builtins.float = 1e-05,
        atol: builtins.float = 1e-08,
        equal_nan: builtins.bool = False,
    ) -> builtins.bool:
        return comparison.allclose(self, other, rtol, atol, equal_nan)

    # --- in place ------------------------------------------------------------------------------

    def add_(self, other: Tensor | Number, alpha: Number = 1) -> Tensor:
        return inplace.add_(self, other, alpha=alpha)

    def sub_(self, other: Tensor | Number, alpha: Number = 1) -> Tensor:
        return inplace.sub_(self, other, alpha=alpha)

    def mul_(self, other: Tensor | Number) -> Tensor:
        return inplace.mul_(self, other)

    def div_(self, other: Tensor | Number) -> Tensor:
        return inplace.div_(self, other)

    def zero_(self) -> Tensor:
        return inplace.zero_(self)

    def fill_(self, value: Number) -> Tensor:
        return inplace.fill_(self, value)

    def copy_(self, src: Tensor) -> Tensor:
        return inplace.copy_(self, src)

    def clamp_(self, min: Number | None = None, max: Number | None = None) -> Tensor:
        return inplace.clamp_(self, min, max)

    def uniform_(self, from_: Number = 0.0, to: Number = 1.0, *, generator: Any = None) -> Tensor:
        return distribution.uniform_(self, from_, to, generator=generator)

    def normal_(self, mean: Number = 0.0, std: Number = 1.0, *, generator: Any = None) -> Tensor:
        return distribution.normal_(self, mean, std, generator=generator)

    def bernoulli_(self, p: Number | Tensor = 0.5, *, generator: Any = None) -> Tensor:
        return bernoulli.bernoulli_(self, p, generator=generator)

    def bernoulli(self, *, generator: Any = None) -> Tensor:
        return bernoulli.bernoulli(self, generator=generator)

    def exponential_(self, lambd: Number = 1.0, *, generator: Any = None) -> Tensor:
        return distribution.exponential_(self, lambd, generator=generator)

    def multinomial(
        self,
        num_samples: builtins.int,
        replacement: builtins.bool = False,
        *,
        generator: Any = None,
    ) -> Tensor:
        return multinomial.multinomial(self, num_samples, replacement, generator=generator)


def is_tensor(obj: object) -> bool:
    return isinstance(obj, Tensor)


# type(t) prints <class 'torch.Tensor'>, as in PyTorch
Tensor.__module__ = "torch"
