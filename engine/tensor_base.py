"""`TensorBase`: a tensor's storage (a numpy array), dtype and autograd attributes.

A tensor owns its storage (`_data`), its `dtype`, and its place in the graph: `grad_fn` (the
node that made it; None for leaves), `requires_grad`, `.grad`, and a version counter shared with
its views, which saved tensors check to catch in-place changes. This is the core PyTorch keeps
in C++ (`torch._C.TensorBase`); the ops and operators are `engine.tensor.Tensor`'s.
"""

from __future__ import annotations

import builtins
import warnings
from typing import TYPE_CHECKING, Any, Self

import numpy as np

from engine import dtypes, tensor_str
from engine.size import Size, format_dims, wrap_dim

if TYPE_CHECKING:
    from engine.autograd.function import AccumulateGrad, Node

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


class TensorBase:
    """The data and autograd state of a tensor; every tensor is a `torch.Tensor` built on it."""

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
    _base: TensorBase | None
    _data: np.ndarray
    _dtype: dtypes.dtype
    _grad: Self | None
    _grad_fn: Node | None
    _output_nr: builtins.int
    _requires_grad: builtins.bool
    _retains_grad: builtins.bool
    _version_box: list[builtins.int]

    # --- construction --------------------------------------------------------------------------

    @classmethod
    def _make(cls, data: Any, dtype: dtypes.dtype) -> Self:
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

    def _bump_version(self) -> None:
        self._version_box[0] += 1

    # --- autograd attributes -------------------------------------------------------------------

    @property
    def data(self) -> Self:
        """The same storage without history: changes through it are invisible to autograd."""
        return self._make(self._data, self._dtype)

    @data.setter
    def data(self, value: TensorBase) -> None:
        if not isinstance(value, TensorBase):
            raise TypeError(f"Variable data has to be a tensor, but got {type(value).__name__}")
        self._data = value._data
        self._dtype = value._dtype

    @property
    def grad(self) -> Self | None:
        if self._grad_fn is not None and not self._retains_grad and self._requires_grad:
            warnings.warn(_NON_LEAF_GRAD_WARNING, UserWarning, stacklevel=2)
        return self._grad

    @grad.setter
    def grad(self, value: Self | None) -> None:
        if value is not None:
            if not isinstance(value, TensorBase):
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
                    "attempting to assign a gradient of size "
                    f"'{format_dims(value._data.shape)}' to a tensor of size "
                    f"'{format_dims(self._data.shape)}'. Please ensure that the gradient and the "
                    "tensor are the same size"
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

    def requires_grad_(self, requires_grad: builtins.bool = True) -> Self:
        return self._set_requires_grad(requires_grad, "only Tensors of floating point dtype")

    def _set_requires_grad(self, requires_grad: builtins.bool, which: str) -> Self:
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

    def detach(self) -> Self:
        """A new tensor on the same storage and version counter, cut from the graph."""
        t = self._make(self._data, self._dtype)
        t._version_box = self._version_box
        t._base = self
        return t

    def detach_(self) -> Self:
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
        return int(self._data.shape[wrap_dim(dim, self._data.ndim)])

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


_C10_NAMES = {"float32": "float", "float64": "double", "int64": "long int", "bool": "bool"}
_SCALAR_TYPE_NAMES = {"float32": "Float", "float64": "Double", "int64": "Long", "bool": "Bool"}


def _c10_name(d: dtypes.dtype) -> str:
    return _C10_NAMES.get(d.name, d.name)


def _scalar_type_name(d: dtypes.dtype) -> str:
    return _SCALAR_TYPE_NAMES.get(d.name, d.name)


TensorBase.__module__ = "torch._C"
