"""The allow-lists: which names of torch, math and Python's types a program may reach.

Every attribute a program reads is looked up here by receiver kind before anything else happens;
a name that is in no list is refused by the policy before the program runs.
"""

from __future__ import annotations

from typing import Final

from app.interpreter.exceptions import EXCEPTION_ATTRIBUTES, EXCEPTION_NAMES
from app.interpreter.objects import public_attributes, public_methods
from engine import nn as engine_nn
from engine import optim as engine_optim
from engine.nn import init as engine_init
from engine.utils import data as engine_data

TENSOR_PROPERTIES: Final = frozenset(
    {
        "data",
        "grad",
        "requires_grad",
        "grad_fn",
        "is_leaf",
        "shape",
        "dtype",
        "T",
        "mT",
        "ndim",
        "device",
        "is_cuda",
        "output_nr",
    }
)
# properties a program may assign to (`t.grad = None`, `t.requires_grad = True`, `t.data = …`)
TENSOR_SETTABLE: Final = frozenset({"data", "grad", "requires_grad"})

TENSOR_METHODS: Final = frozenset(
    {
        # autograd
        "backward", "retain_grad", "retains_grad", "requires_grad_", "detach", "detach_",
        "zero_",
        # values and shape
        "item", "tolist", "size", "dim", "numel", "nelement", "element_size", "stride",
        "view", "view_as", "reshape", "reshape_as", "flatten", "squeeze", "unsqueeze", "t",
        "transpose", "permute", "expand", "expand_as", "repeat", "contiguous", "clone",
        "is_contiguous", "is_floating_point", "chunk", "split", "unbind", "narrow", "select",
        "index_select", "gather", "masked_fill", "masked_fill_", "new_zeros", "new_ones",
        "new_full", "new_tensor", "new_empty", "type", "type_as", "to", "cpu", "float",
        "double", "long", "int", "bool", "half", "fill_", "copy_", "normal_", "uniform_",
        "bernoulli_", "exponential_",
        # reductions
        "sum", "mean", "prod", "max", "min", "argmax", "argmin", "std", "var", "norm",
        "all", "any", "cumsum", "cumprod", "softmax", "log_softmax", "logsumexp",
        # elementwise
        "abs", "neg", "exp", "exp2", "log", "log2", "log10", "log1p", "expm1", "sqrt", "rsqrt",
        "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "sigmoid",
        "relu", "pow", "add", "sub", "mul", "div", "true_divide", "floor_divide", "remainder",
        "fmod", "square", "reciprocal", "sign", "floor", "ceil", "round", "trunc", "frac",
        "clamp", "clamp_min", "clamp_max", "clip", "maximum", "minimum", "lerp", "where",
        "eq", "ne", "gt", "ge", "lt", "le", "equal", "allclose", "isclose", "isnan", "isinf",
        "isfinite", "logical_not", "logical_and", "logical_or",
        # linear algebra
        "matmul", "mm", "mv", "dot", "bmm", "outer", "addmm",
        # in place
        "add_", "sub_", "mul_", "div_", "pow_", "clamp_", "exp_", "log_", "neg_", "abs_",
        "sqrt_", "relu_", "sigmoid_", "tanh_", "sin_", "cos_", "square_", "t_",
        "transpose_", "squeeze_", "unsqueeze_",
    }
)  # fmt: skip

NODE_ATTRIBUTES: Final = frozenset({"name", "next_functions", "metadata", "variable"})
DTYPE_ATTRIBUTES: Final = frozenset({"is_floating_point", "is_complex", "is_signed", "itemsize"})
SIZE_METHODS: Final = frozenset({"numel", "count", "index"})
RETURN_TYPE_ATTRIBUTES: Final = frozenset({"values", "indices"})
DEVICE_ATTRIBUTES: Final = frozenset({"type", "index"})

TORCH_FUNCTIONS: Final = frozenset(
    {
        # creation
        "tensor", "as_tensor", "zeros", "ones", "full", "empty", "eye", "arange", "linspace",
        "logspace", "rand", "randn", "randint", "randperm", "zeros_like", "ones_like",
        "full_like", "empty_like", "rand_like", "randn_like", "randint_like", "manual_seed",
        "seed", "initial_seed",
        # classes and legacy constructors
        "Tensor", "FloatTensor", "DoubleTensor", "LongTensor", "IntTensor", "ByteTensor",
        "BoolTensor", "HalfTensor", "ShortTensor", "CharTensor", "Size", "dtype",
        # grad mode
        "no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled", "inference_mode",
        # ops
        "cat", "concat", "stack", "matmul", "mm", "mv", "dot", "bmm", "outer", "addmm",
        "add", "sub", "mul", "div", "true_divide", "pow", "neg", "abs", "exp", "exp2", "log",
        "log2", "log10", "log1p", "expm1", "sqrt", "rsqrt", "sin", "cos", "tan", "asin",
        "acos", "atan", "sinh", "cosh", "tanh", "sigmoid", "relu", "square", "reciprocal",
        "sign", "floor", "ceil", "round", "trunc", "frac", "clamp", "clip", "maximum",
        "minimum", "where", "lerp", "sum", "mean", "prod", "max", "min", "argmax", "argmin",
        "std", "var", "norm", "all", "any", "cumsum", "cumprod", "softmax", "log_softmax",
        "logsumexp", "squeeze", "unsqueeze", "transpose", "permute", "reshape", "flatten",
        "t", "chunk", "split", "unbind", "narrow", "select", "index_select", "gather",
        "masked_fill", "eq", "ne", "gt", "ge", "lt", "le", "equal", "allclose", "isclose",
        "isnan", "isinf", "isfinite", "logical_not", "logical_and", "logical_or", "detach",
        "clone", "numel", "is_tensor", "is_floating_point", "get_default_dtype",
        "result_type", "promote_types", "can_cast",
        # dtypes
        "float32", "float", "float64", "double", "float16", "half", "int64", "long", "int32",
        "int", "int16", "short", "int8", "uint8", "bool",
        # submodules
        "autograd", "nn",
    }
)  # fmt: skip

AUTOGRAD_FUNCTIONS: Final = frozenset({"Variable", "grad", "backward"})
# torch.nn's classes and torch.optim's optimizers: what the engine's packages export
NN_CLASSES: Final = frozenset(
    name for name in engine_nn.__all__ if isinstance(getattr(engine_nn, name), type)
)
NN_ATTRIBUTES: Final = frozenset({"functional", "init"}) | NN_CLASSES
INIT_FUNCTIONS: Final = frozenset(engine_init.__all__)
OPTIM_CLASSES: Final = frozenset(engine_optim.__all__)
SCHEDULER_CLASSES: Final = frozenset(engine_optim.lr_scheduler.__all__)
# torch.utils.data: the datasets, samplers, DataLoader and random_split
DATA_NAMES: Final = frozenset(engine_data.__all__)
_DATA_CLASSES: Final = tuple(
    getattr(engine_data, n) for n in sorted(DATA_NAMES) if isinstance(getattr(engine_data, n), type)
)
# the layers (every class but Parameter, which is a tensor)
_LAYERS: Final = tuple(
    getattr(engine_nn, name) for name in sorted(NN_CLASSES) if name != "Parameter"
)
# what a program may call on a module, an optimizer (and a hook's handle): their public methods
OBJECT_METHODS: Final = frozenset().union(
    *(public_methods(cls) for cls in _LAYERS),
    *(public_methods(getattr(engine_optim, name)) for name in OPTIM_CLASSES),
    *(public_methods(getattr(engine_optim.lr_scheduler, n)) for n in SCHEDULER_CLASSES),
    *(public_methods(cls) for cls in _DATA_CLASSES),
    {"remove"},
)
# attributes of modules and optimizers a program reads: what their classes declare
OBJECT_ATTRIBUTES: Final = frozenset().union(
    *(public_attributes(cls) for cls in _LAYERS),
    *(public_attributes(getattr(engine_optim, name)) for name in OPTIM_CLASSES),
    *(public_attributes(getattr(engine_optim.lr_scheduler, n)) for n in SCHEDULER_CLASSES),
    *(public_attributes(cls) for cls in _DATA_CLASSES),
)
FUNCTIONAL_FUNCTIONS: Final = frozenset(
    {
        "relu", "relu6", "leaky_relu", "elu", "gelu", "silu", "softplus", "sigmoid", "tanh",
        "hardtanh", "logsigmoid", "softmax", "log_softmax", "linear", "mse_loss", "l1_loss",
        "smooth_l1_loss", "huber_loss", "nll_loss", "cross_entropy", "binary_cross_entropy",
        "binary_cross_entropy_with_logits", "kl_div", "normalize", "one_hot", "dropout",
        "cosine_similarity", "pad",
    }
)  # fmt: skip

MATH_FUNCTIONS: Final = frozenset(
    {
        "sqrt", "exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin",
        "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "floor",
        "ceil", "trunc", "fabs", "pow", "hypot", "isclose", "isfinite", "isinf", "isnan",
        "copysign", "fmod", "degrees", "radians", "erf", "erfc", "gamma", "lgamma",
        "factorial", "gcd", "fsum", "prod", "dist",
    }
)  # fmt: skip
MATH_CONSTANTS: Final = frozenset({"pi", "e", "tau", "inf", "nan"})

LIST_METHODS: Final = frozenset(
    {"append", "extend", "pop", "insert", "index", "count", "reverse", "copy", "clear",
     "remove", "sort"}
)  # fmt: skip
TUPLE_METHODS: Final = frozenset({"index", "count"})
DICT_METHODS: Final = frozenset(
    {"keys", "values", "items", "get", "pop", "update", "copy", "clear", "setdefault"}
)
STR_METHODS: Final = frozenset(
    {"upper", "lower", "strip", "lstrip", "rstrip", "split", "join", "startswith", "endswith",
     "title", "capitalize", "isdigit", "isalpha", "count", "find"}
)  # fmt: skip
FLOAT_METHODS: Final = frozenset({"is_integer"})

# Modules a program may import, and the names `from <module> import <name>` may bind.
IMPORTABLE_MODULES: Final = frozenset(
    {"torch", "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.autograd",
     "torch.optim", "torch.optim.lr_scheduler", "torch.utils.data", "math"}
)  # fmt: skip

ALL_ATTRIBUTES: Final = (
    TENSOR_PROPERTIES
    | TENSOR_METHODS
    | NODE_ATTRIBUTES
    | DTYPE_ATTRIBUTES
    | SIZE_METHODS
    | RETURN_TYPE_ATTRIBUTES
    | DEVICE_ATTRIBUTES
    | TORCH_FUNCTIONS
    | AUTOGRAD_FUNCTIONS
    | NN_ATTRIBUTES
    | INIT_FUNCTIONS
    | OPTIM_CLASSES
    | SCHEDULER_CLASSES
    | {"lr_scheduler", "utils", "data"}
    | EXCEPTION_ATTRIBUTES
    | DATA_NAMES
    | OBJECT_METHODS
    | OBJECT_ATTRIBUTES
    | {"optim"}
    | FUNCTIONAL_FUNCTIONS
    | MATH_FUNCTIONS
    | MATH_CONSTANTS
    | LIST_METHODS
    | TUPLE_METHODS
    | DICT_METHODS
    | STR_METHODS
    | FLOAT_METHODS
)

# Python builtins a program may call; every other builtin name is refused by the policy.
BUILTIN_FUNCTIONS: Final = frozenset(
    {"print", "len", "range", "enumerate", "zip", "float", "int", "bool", "str", "list",
     "tuple", "dict", "isinstance", "type", "round", "abs", "min", "max", "sum", "sorted",
     "reversed", "any", "all", "repr",
     "super", "object", "staticmethod", "classmethod", "property"}
) | EXCEPTION_NAMES  # fmt: skip
