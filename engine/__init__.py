"""The autograd engine: PyTorch semantics on numpy (`import engine as torch`)."""

import builtins

import numpy as _np

from engine import autograd, nn, optim, random, utils
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
from engine.dtypes import (
    bool_ as bool,
)
from engine.dtypes import (
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
from engine.ops.activation import log_softmax, softmax
from engine.ops.affine import addmm
from engine.ops.arithmetic import add, div, mul, neg, sub
from engine.ops.clamp import clamp, clamp_max, clamp_min, clip
from engine.ops.comparison import (
    all,
    allclose,
    any,
    bitwise_and,
    bitwise_not,
    bitwise_or,
    bitwise_xor,
    eq,
    equal,
    ge,
    gt,
    le,
    logical_and,
    logical_not,
    logical_or,
    logical_xor,
    lt,
    ne,
    where,
)
from engine.ops.conversion import clone
from engine.ops.join import cat, stack, unbind
from engine.ops.linalg import bmm, dot, matmul, mm, mv
from engine.ops.maximum import maximum, minimum
from engine.ops.pointwise import (
    abs,
    cos,
    exp,
    expm1,
    log,
    log1p,
    reciprocal,
    relu,
    rsqrt,
    sigmoid,
    sign,
    sin,
    sqrt,
    tanh,
)
from engine.ops.power import pow
from engine.ops.reduction import argmax, argmin, max, mean, min, sum
from engine.ops.view import flatten, permute, squeeze, t, transpose, unsqueeze
from engine.sampling.bernoulli import bernoulli
from engine.sampling.factory import (
    normal,
    rand,
    rand_like,
    randint,
    randint_like,
    randn,
    randn_like,
    randperm,
)
from engine.sampling.generator import (
    Generator,
    default_generator,
    get_rng_state,
    initial_seed,
    manual_seed,
    seed,
    set_rng_state,
)
from engine.sampling.multinomial import multinomial
from engine.size import Size
from engine.tensor import Tensor, is_tensor
from engine.tensor_str import set_printoptions

# dtype aliases, as in torch
float = float32
double = float64
half = float16
long = int64
int = int32
short = int16

# PyTorch computes inf * 0, 1 / 0 and log(-1) silently (nan, inf); numpy would warn. The
# setting is numpy's per-context error state, set for the context that imports the engine.
_np.seterr(all="ignore")

__version__ = "2.13.0+autograd-lab"


def numel(input: Tensor) -> builtins.int:
    return input.numel()


def reshape(input: Tensor, shape: tuple[builtins.int, ...]) -> Tensor:
    return input.reshape(shape)


__all__ = [
    "BoolTensor",
    "ByteTensor",
    "DoubleTensor",
    "FloatTensor",
    "Generator",
    "IntTensor",
    "LongTensor",
    "Size",
    "Tensor",
    "abs",
    "add",
    "addmm",
    "all",
    "allclose",
    "any",
    "arange",
    "argmax",
    "argmin",
    "autograd",
    "bernoulli",
    "bitwise_and",
    "bitwise_not",
    "bitwise_or",
    "bitwise_xor",
    "bmm",
    "bool",
    "cat",
    "clamp",
    "clamp_max",
    "clamp_min",
    "clip",
    "clone",
    "cos",
    "default_generator",
    "div",
    "dot",
    "double",
    "dtype",
    "empty",
    "empty_like",
    "enable_grad",
    "eq",
    "equal",
    "exp",
    "expm1",
    "eye",
    "flatten",
    "float",
    "float16",
    "float32",
    "float64",
    "full",
    "full_like",
    "ge",
    "get_default_dtype",
    "get_rng_state",
    "gt",
    "half",
    "initial_seed",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "is_grad_enabled",
    "is_tensor",
    "le",
    "linspace",
    "log",
    "log1p",
    "log_softmax",
    "logical_and",
    "logical_not",
    "logical_or",
    "logical_xor",
    "long",
    "lt",
    "manual_seed",
    "matmul",
    "max",
    "maximum",
    "mean",
    "min",
    "minimum",
    "mm",
    "mul",
    "multinomial",
    "mv",
    "ne",
    "neg",
    "nn",
    "no_grad",
    "normal",
    "numel",
    "ones",
    "ones_like",
    "optim",
    "permute",
    "pow",
    "promote_types",
    "rand",
    "rand_like",
    "randint",
    "randint_like",
    "randn",
    "randn_like",
    "random",
    "randperm",
    "reciprocal",
    "relu",
    "reshape",
    "rsqrt",
    "seed",
    "set_grad_enabled",
    "set_printoptions",
    "set_rng_state",
    "short",
    "sigmoid",
    "sign",
    "sin",
    "softmax",
    "sqrt",
    "squeeze",
    "stack",
    "sub",
    "sum",
    "t",
    "tanh",
    "tensor",
    "transpose",
    "uint8",
    "unbind",
    "unsqueeze",
    "utils",
    "where",
    "zeros",
    "zeros_like",
]
