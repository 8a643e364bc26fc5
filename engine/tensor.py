"""`Tensor`: a numpy array plus the autograd attributes PyTorch gives it.

A tensor owns its storage (`_data`), its `dtype`, and its place in the graph: `grad_fn` (the
node that made it; None for leaves), `requires_grad`, `.grad`, and a version counter shared with
its views, which saved tensors check to catch in-place changes. The operators and methods are
thin: each op lives in `engine/ops/` beside its backward node.
"""

from __future__ import annotations

import builtins
import warnings
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import numpy as np

from engine import bernoulli, distributions, dtypes, multinomial, tensor_str
from engine.autograd import engine as autograd_engine
from engine.autograd.function import AccumulateGrad, Node
from engine.ops import (
    activation,
    arithmetic,
    clamp,
    comparison,
    conversion,
    inplace,
    linalg,
    pointwise,
    reduction,
    shape,
)
from engine.size import Size

Number = builtins.bool | builtins.int | builtins.float

_NON_LEAF_GRAD_WARNING = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
    "attribute won't be populated during autograd.backward(). If you indeed want the .grad "
    "field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. "
    "If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor "
    "instead. See github.com/pytorch/pytorch/pull/30531 for more information. (Triggered "
    "internally at /__w/pytorch/pytorch/build/aten/src/ATen/core/TensorBody.h:493.)"
)


_SCALAR_CONVERSION_WARNING = (
    "Converting a tensor with requires_grad=True to a scalar may lead to unexpected behavior.\n"
    "Consider using tensor.detach() first. (Triggered internally at "
    "/__w/pytorch/pytorch/torch/csrc/autograd/generated/python_variable_methods.cpp:822.)"
)


class Tensor:
    """A multi-dimensional array that can record the operations applied to it.

    Build one with `torch.tensor([...], requires_grad=True)`; legacy `torch.Tensor(3, 4)` and
    `torch.Tensor([1, 2])` construct float32 tensors as in PyTorch.
    """

    __slots__ = (
        "__weakref__",
        "_accumulator",
        "_base",
        "_data",
        "_dtype",
        "_grad",
        "_grad_fn",
        "_output_nr",
        "_requires_grad",
        "_retains_grad",
        "_version_box",
    )

    _accumulator: AccumulateGrad | None
    _base: Tensor | None
    _data: np.ndarray
    _dtype: dtypes.dtype
    _grad: Tensor | None
    _grad_fn: Node | None
    _output_nr: builtins.int
    _requires_grad: builtins.bool
    _retains_grad: builtins.bool
    _version_box: list[builtins.int]

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

    # --- construction --------------------------------------------------------------------------

    @classmethod
    def _make(cls, data: Any, dtype: dtypes.dtype) -> Tensor:
        """A new tensor over `data` (no copy), with no history."""
        t = object.__new__(cls)
        if type(data) is not np.ndarray:
            # a 0-d numpy result arrives as a numpy scalar: keep its dtype, make it an array
            data = np.asarray(data) if isinstance(data, np.generic) else np.asarray(data, dtype.np)
        t._data = data
        t._dtype = dtype
        t._requires_grad = False
        t._grad = None
        t._grad_fn = None
        t._output_nr = 0
        t._version_box = [0]
        t._retains_grad = False
        t._accumulator = None
        t._base = None
        return t

    def _set_history(self, node: Node, output_nr: builtins.int = 0) -> None:
        self._grad_fn = node
        self._output_nr = output_nr
        self._requires_grad = True

    def _grad_accumulator(self) -> AccumulateGrad:
        if self._accumulator is None:
            self._accumulator = AccumulateGrad(self)
        return self._accumulator

    def _edge(self) -> tuple[Node | None, builtins.int]:
        """The `next_functions` entry an op records for this input."""
        if not self._requires_grad:
            return None, 0
        if self._grad_fn is not None:
            return self._grad_fn, self._output_nr
        return self._grad_accumulator(), 0

    def _bump_version(self) -> None:
        self._version_box[0] += 1

    # --- autograd attributes -------------------------------------------------------------------

    @property
    def data(self) -> Tensor:
        """The same storage without history: changes through it are invisible to autograd."""
        t = Tensor._make(self._data, self._dtype)
        return t

    @data.setter
    def data(self, value: Tensor) -> None:
        if not isinstance(value, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(value).__name__}")
        self._data = value._data
        self._dtype = value._dtype

    @property
    def grad(self) -> Tensor | None:
        if self._grad_fn is not None and not self._retains_grad and self._requires_grad:
            warnings.warn(_NON_LEAF_GRAD_WARNING, UserWarning, stacklevel=2)
        return self._grad

    @grad.setter
    def grad(self, value: Tensor | None) -> None:
        if value is not None:
            if not isinstance(value, Tensor):
                raise TypeError(
                    f"assigned grad expected to be a Tensor or None but got grad of type "
                    f"{type(value).__name__}"
                )
            if value._dtype is not self._dtype:
                raise RuntimeError(
                    f"attempting to assign a gradient with dtype '{_c10_name(value._dtype)}' "
                    f"to a tensor with grad_dtype '{_scalar_type_name(self._dtype)}'. The "
                    "gradient must match the tensor's grad_dtype (defaults to the tensor's "
                    "dtype). You can set the tensor's grad_dtype attribute with a specific "
                    "dtype, or None to allow any dtype. Set grad_dtype with caution. Diverging "
                    "the dtypes of a tensor and its gradient may break downstream systems that "
                    "assume they match."
                )
            if value._data.shape != self._data.shape:
                raise RuntimeError(
                    f"attempting to assign a gradient of size '{_list(value._data.shape)}' to a "
                    f"tensor of size '{_list(self._data.shape)}'. Please ensure that the "
                    "gradient and the tensor are the same size"
                )
        self._grad = value

    @property
    def grad_fn(self) -> Node | None:
        return self._grad_fn

    @property
    def requires_grad(self) -> builtins.bool:
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, value: builtins.bool) -> None:
        if self._grad_fn is not None and value:
            raise RuntimeError("you can only change requires_grad flags of leaf variables.")
        self._set_requires_grad(value, "only Tensors of floating point and complex dtype")

    def requires_grad_(self, requires_grad: builtins.bool = True) -> Tensor:
        return self._set_requires_grad(requires_grad, "only Tensors of floating point dtype")

    def _set_requires_grad(self, requires_grad: builtins.bool, which: str) -> Tensor:
        # PyTorch words this error three ways: the attribute, the method, and factories
        # (`torch.tensor(..., requires_grad=True)`, which capitalise "Only").
        if self._grad_fn is not None:
            if requires_grad:
                return self
            raise RuntimeError(
                "you can only change requires_grad flags of leaf variables. If you want to use "
                "a computed variable in a subgraph that doesn't require differentiation use "
                "var_no_grad = var.detach()."
            )
        if requires_grad and not self._dtype.is_floating_point:
            raise RuntimeError(f"{which} can require gradients")
        self._requires_grad = bool(requires_grad)
        return self

    @property
    def is_leaf(self) -> builtins.bool:
        return self._grad_fn is None

    @property
    def retains_grad(self) -> builtins.bool:
        return self._retains_grad

    def retain_grad(self) -> None:
        if not self._requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self._grad_fn is None or self._retains_grad:
            return
        self._grad_fn.retain_grad_of(self._output_nr, self)
        self._retains_grad = True

    @property
    def _version(self) -> builtins.int:
        return self._version_box[0]

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

    def detach(self) -> Tensor:
        """A new tensor on the same storage and version counter, cut from the graph."""
        t = Tensor._make(self._data, self._dtype)
        t._version_box = self._version_box
        t._base = self
        return t

    def detach_(self) -> Tensor:
        if self._base is not None and self._grad_fn is not None:
            raise RuntimeError(
                "Can't detach views in-place. Use detach() instead. If you are using "
                "DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is "
                "set as True, gradients are views of DDP buckets, and hence detach_() cannot "
                "be called on these gradients. To fix this error, please refer to the "
                "Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution."
            )
        self._grad_fn = None
        self._output_nr = 0
        self._requires_grad = False
        return self

    # --- shape and type ------------------------------------------------------------------------

    @property
    def dtype(self) -> dtypes.dtype:
        return self._dtype

    @property
    def shape(self) -> Size:
        return Size(self._data.shape)

    def size(self, dim: builtins.int | None = None) -> Size | builtins.int:
        if dim is None:
            return Size(self._data.shape)
        return int(self._data.shape[shape.wrap_dim(dim, self._data.ndim)])

    def dim(self) -> builtins.int:
        return int(self._data.ndim)

    @property
    def ndim(self) -> builtins.int:
        return int(self._data.ndim)

    def ndimension(self) -> builtins.int:
        return int(self._data.ndim)

    def numel(self) -> builtins.int:
        return int(self._data.size)

    def nelement(self) -> builtins.int:
        return int(self._data.size)

    def element_size(self) -> builtins.int:
        return int(self._dtype.itemsize)

    def is_floating_point(self) -> builtins.bool:
        return bool(self._dtype.is_floating_point)

    def is_contiguous(self) -> builtins.bool:
        return bool(self._data.flags["C_CONTIGUOUS"])

    @property
    def device(self) -> str:
        return "cpu"

    @property
    def is_cuda(self) -> builtins.bool:
        return False

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

    def item(self) -> Number:
        if self._data.size != 1:
            raise RuntimeError(
                f"a Tensor with {self._data.size} elements cannot be converted to Scalar"
            )
        value: Number = self._data.reshape(()).item()
        return value

    def tolist(self) -> Any:
        return self._data.tolist()

    def numpy(self) -> np.ndarray:
        if self._requires_grad:
            raise RuntimeError(
                "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() "
                "instead."
            )
        return self._data

    # --- printing ------------------------------------------------------------------------------

    def __repr__(self) -> str:
        suffixes: list[str] = []
        if self._grad_fn is not None:
            suffixes.append(f"grad_fn=<{type(self._grad_fn).__name__}>")
        elif self._requires_grad:
            suffixes.append("requires_grad=True")
        return tensor_str.format_tensor(self._data, self._dtype, suffixes)

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        if self._data.ndim == 0:
            return format(self.item(), spec)
        if spec:
            raise TypeError("unsupported format string passed to Tensor.__format__")
        return repr(self)

    # --- Python protocol -----------------------------------------------------------------------

    def __len__(self) -> builtins.int:
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return int(self._data.shape[0])

    def __iter__(self) -> Iterator[Tensor]:
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return iter(shape.unbind(self, 0))

    def __bool__(self) -> builtins.bool:
        if self._data.size != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self._data.reshape(()))

    def __float__(self) -> builtins.float:
        if self._requires_grad:
            warnings.warn(_SCALAR_CONVERSION_WARNING, UserWarning, stacklevel=2)
        return float(self.item())

    def __int__(self) -> builtins.int:
        return int(self.item())

    def __index__(self) -> builtins.int:
        if self._dtype.is_floating_point or self._data.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def __getitem__(self, index: Any) -> Tensor:
        return shape.getitem(self, index)

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
        return arithmetic.pow(self, exponent)

    def __rpow__(self, base: Number) -> Tensor:
        return arithmetic.rpow(self, base)

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
        return arithmetic.pow(self, exponent)

    def neg(self) -> Tensor:
        return arithmetic.neg(self)

    def reciprocal(self) -> Tensor:
        return pointwise.reciprocal(self)

    def exp(self) -> Tensor:
        return pointwise.exp(self)

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
        return reduction.maximum(self, other)

    def minimum(self, other: Tensor) -> Tensor:
        return reduction.minimum(self, other)

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

    def mv(self, vec: Tensor) -> Tensor:
        return linalg.mv(self, vec)

    def dot(self, other: Tensor) -> Tensor:
        return linalg.dot(self, other)

    def view(self, *size: Any) -> Tensor:
        return shape.view(self, shape.parse_size(size))

    def reshape(self, *size: Any) -> Tensor:
        return shape.reshape(self, shape.parse_size(size))

    def view_as(self, other: Tensor) -> Tensor:
        return shape.view(self, tuple(other._data.shape))

    def flatten(self, start_dim: builtins.int = 0, end_dim: builtins.int = -1) -> Tensor:
        return shape.flatten(self, start_dim, end_dim)

    def squeeze(self, dim: builtins.int | None = None) -> Tensor:
        return shape.squeeze(self, dim)

    def unsqueeze(self, dim: builtins.int) -> Tensor:
        return shape.unsqueeze(self, dim)

    def t(self) -> Tensor:
        return shape.t(self)

    @property
    def T(self) -> Tensor:
        return shape.T(self)

    def transpose(self, dim0: builtins.int, dim1: builtins.int) -> Tensor:
        return shape.transpose(self, dim0, dim1)

    def permute(self, *dims: Any) -> Tensor:
        return shape.permute(self, shape.parse_size(dims))

    def expand(self, *size: Any) -> Tensor:
        return shape.expand(self, shape.parse_size(size))

    def repeat(self, *sizes: Any) -> Tensor:
        return shape.repeat(self, shape.parse_size(sizes))

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
        return distributions.uniform_(self, from_, to, generator=generator)

    def normal_(self, mean: Number = 0.0, std: Number = 1.0, *, generator: Any = None) -> Tensor:
        return distributions.normal_(self, mean, std, generator=generator)

    def bernoulli_(self, p: Number | Tensor = 0.5, *, generator: Any = None) -> Tensor:
        return bernoulli.bernoulli_(self, p, generator=generator)

    def bernoulli(self, *, generator: Any = None) -> Tensor:
        return bernoulli.bernoulli(self, generator=generator)

    def exponential_(self, lambd: Number = 1.0, *, generator: Any = None) -> Tensor:
        return distributions.exponential_(self, lambd, generator=generator)

    def multinomial(
        self,
        num_samples: builtins.int,
        replacement: builtins.bool = False,
        *,
        generator: Any = None,
    ) -> Tensor:
        return multinomial.multinomial(self, num_samples, replacement, generator=generator)


def _list(shape_: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(d) for d in shape_) + "]"


_C10_NAMES = {"float32": "float", "float64": "double", "int64": "long int", "bool": "bool"}
_SCALAR_TYPE_NAMES = {"float32": "Float", "float64": "Double", "int64": "Long", "bool": "Bool"}


def _c10_name(d: dtypes.dtype) -> str:
    return _C10_NAMES.get(d.name, d.name)


def _scalar_type_name(d: dtypes.dtype) -> str:
    return _SCALAR_TYPE_NAMES.get(d.name, d.name)


def is_tensor(obj: object) -> bool:
    return isinstance(obj, Tensor)


# type(t) prints <class 'torch.Tensor'>, as in PyTorch
Tensor.__module__ = "torch"
