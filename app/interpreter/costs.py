"""Size estimates made before an engine call runs: how many elements (and multiply-adds) it makes.

Each estimator takes the unwrapped arguments of the call (`self` first for tensor methods) and
asks the budget; an estimate that cannot be made (odd arguments) is left to the engine, whose
result is checked again afterwards.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, Final

from app.interpreter.limits import Budget, broadcast_elements, nested_length, shape_elements
from engine.size import Size
from engine.tensor import Tensor

Estimator = Callable[[Budget, Sequence[Any], dict[str, Any]], None]


def _shape_of(value: Any) -> tuple[int, ...]:
    return tuple(value.shape) if isinstance(value, Tensor) else ()


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _size_args(args: Sequence[Any]) -> list[int] | None:
    """`zeros(2, 3)`, `zeros((2, 3))`, `zeros([2, 3])`, `zeros(torch.Size([2, 3]))`."""
    if len(args) == 1 and isinstance(args[0], list | tuple | Size):
        args = list(args[0])
    sizes = [_int(a) for a in args]
    if any(s is None for s in sizes):
        return None
    return [s for s in sizes if s is not None]


def by_size(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    sizes = _size_args(args) if args else _size_args([kwargs.get("size", ())])
    if sizes is not None:
        budget.check_shape(sizes)


def by_size_after_first(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    """Methods and functions whose size follows one leading argument (`t.new_zeros(size)`)."""
    by_size(budget, args[1:], kwargs)


def full(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    if args:
        by_size(budget, args[:1], kwargs)


def new_full(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    if len(args) > 1:
        by_size(budget, args[1:2], kwargs)


def data(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    """`tensor(data)`: as many elements as the nested data holds (a number is one)."""
    if args and isinstance(args[0], list | tuple) and not isinstance(args[0], Size):
        budget.check_elements(nested_length(args[0], budget.settings.max_tensor_elements))


def legacy(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    """The legacy constructors take data or sizes: `Tensor([1, 2])` or `Tensor(2, 3)`."""
    if args and isinstance(args[0], list | tuple) and not isinstance(args[0], Size):
        data(budget, args, kwargs)
    elif args:
        by_size(budget, args, kwargs)


def new_data(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    data(budget, args[1:], kwargs)


def like(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    if args and isinstance(args[0], Tensor):
        budget.check_elements(args[0].numel())


def arange(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    numbers = [a for a in args if isinstance(a, int | float) and not isinstance(a, bool)]
    if len(numbers) != len(args) or not numbers:
        return
    start, end, step = (0, numbers[0], 1) if len(numbers) == 1 else (*numbers[:2], 1)
    if len(numbers) >= 3:
        step = numbers[2]
    if step == 0 or not all(math.isfinite(v) for v in (start, end, step)):
        return
    budget.check_elements(max(0, math.ceil((end - start) / step)))


def linspace(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    steps = _int(args[2]) if len(args) > 2 else _int(kwargs.get("steps"))
    if steps is not None:
        budget.check_elements(steps)


def eye(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    n = _int(args[0]) if args else None
    m = _int(args[1]) if len(args) > 1 else _int(kwargs.get("m", n))
    if n is not None and m is not None:
        budget.check_shape((n, m))


def randint(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    size = kwargs.get("size")
    if size is None:
        size = next((a for a in args if isinstance(a, list | tuple | Size)), None)
    if size is not None:
        by_size(budget, [size], {})


def first_int(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    n = _int(args[0]) if args else None
    if n is not None:
        budget.check_elements(n)


def repeat(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    if not args or not isinstance(args[0], Tensor):
        return
    sizes = _size_args(args[1:])
    if sizes is not None:
        budget.check_elements(args[0].numel() * shape_elements(sizes))


def expand(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    if not args or not isinstance(args[0], Tensor):
        return
    sizes = _size_args(args[1:])
    if sizes is None:
        return
    shape = _shape_of(args[0])
    offset = len(sizes) - len(shape)
    resolved = [
        shape[i - offset] if s == -1 and i - offset >= 0 else s for i, s in enumerate(sizes)
    ]
    budget.check_shape(resolved)


def concatenate(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    tensors = args[0] if args else kwargs.get("tensors", ())
    if isinstance(tensors, list | tuple):
        budget.check_elements(sum(t.numel() for t in tensors if isinstance(t, Tensor)))


def elementwise(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    """Broadcasting ops: the result has the broadcast shape of every tensor argument."""
    shapes = [_shape_of(a) for a in (*args, *kwargs.values()) if isinstance(a, Tensor)]
    if len(shapes) > 1:
        elements = broadcast_elements(shapes)
        if elements is not None:
            budget.check_elements(elements)


def matmul(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    """Output size and multiply-adds of `a @ b` (with batch broadcasting)."""
    if len(args) < 2 or not (isinstance(args[0], Tensor) and isinstance(args[1], Tensor)):
        return
    a, b = _shape_of(args[0]), _shape_of(args[1])
    if not a or not b:
        return
    inner = a[-1]
    rows = a[-2] if len(a) > 1 else 1
    cols = b[-1] if len(b) > 1 else 1
    batch = broadcast_elements([a[:-2], b[:-2]]) or 1
    budget.check_elements(batch * rows * cols)
    budget.check_matmul(batch * rows * cols * inner)


def outer(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    if len(args) >= 2 and isinstance(args[0], Tensor) and isinstance(args[1], Tensor):
        budget.check_elements(args[0].numel() * args[1].numel())


def one_hot(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    classes = _int(args[1]) if len(args) > 1 else _int(kwargs.get("num_classes"))
    if args and isinstance(args[0], Tensor) and classes is not None and classes > 0:
        budget.check_elements(args[0].numel() * classes)


_ELEMENTWISE: Final = (
    "add", "sub", "mul", "div", "true_divide", "floor_divide", "remainder", "fmod", "pow",
    "maximum", "minimum", "where", "lerp", "eq", "ne", "gt", "ge", "lt", "le", "isclose",
    "logical_and", "logical_or", "masked_fill", "mse_loss", "l1_loss", "smooth_l1_loss",
    "huber_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits", "add_", "sub_",
    "mul_", "div_", "pow_", "masked_fill_", "atan2", "copy_",
)  # fmt: skip

# torch.<name>, F.<name> and Tensor.<name> share one table: the arguments line up because
# tensor methods receive `self` first.
ESTIMATORS: Final[dict[str, Estimator]] = {
    **dict.fromkeys(("zeros", "ones", "empty", "rand", "randn"), by_size),
    **dict.fromkeys(("new_zeros", "new_ones", "new_empty"), by_size_after_first),
    **dict.fromkeys(("tensor", "as_tensor"), data),
    **dict.fromkeys(
        (
            "Tensor",
            "FloatTensor",
            "DoubleTensor",
            "LongTensor",
            "IntTensor",
            "ByteTensor",
            "BoolTensor",
            "HalfTensor",
            "ShortTensor",
            "CharTensor",
        ),
        legacy,
    ),
    **dict.fromkeys(
        (
            "zeros_like",
            "ones_like",
            "full_like",
            "empty_like",
            "rand_like",
            "randn_like",
            "randint_like",
        ),
        like,
    ),
    **dict.fromkeys(_ELEMENTWISE, elementwise),
    **dict.fromkeys(("matmul", "mm", "mv", "dot", "bmm"), matmul),
    **dict.fromkeys(("cat", "concat", "stack"), concatenate),
    "full": full,
    "new_full": new_full,
    "new_tensor": new_data,
    "arange": arange,
    "linspace": linspace,
    "logspace": linspace,
    "eye": eye,
    "randint": randint,
    "randperm": first_int,
    "repeat": repeat,
    "expand": expand,
    "outer": outer,
    "one_hot": one_hot,
}
