"""Size estimates for nn layers, made before the engine allocates: the parameters a layer's
constructor creates (`nn.Linear(10**5, 10**5)` is refused before 10¹⁰ floats exist) and the
elements and multiply-adds of each layer call, nested calls inside a Sequential included (the
bridge installs `LayerCosts` as the module-call observer around every call into a module).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, Final

from app.interpreter.limits import Budget
from engine.nn.module import Module
from engine.nn.observer import ModuleCall
from engine.tensor_base import TensorBase

Estimator = Callable[[Budget, Sequence[Any], dict[str, Any]], None]


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _arg(args: Sequence[Any], kwargs: dict[str, Any], index: int, name: str) -> Any:
    return args[index] if len(args) > index else kwargs.get(name)


def _sizes(value: Any, count: int) -> tuple[int, ...]:
    """A kernel size given as an int or a tuple, as `count` ints."""
    if isinstance(value, tuple | list):
        return tuple(_int(v, 1) for v in value)
    return (_int(value, 1),) * count


def _check_parameters(budget: Budget, *shapes: tuple[int, ...]) -> None:
    """Each parameter as a tensor of its own; all of them together as live elements."""
    total = 0
    for shape in shapes:
        elements = math.prod(max(d, 0) for d in shape)
        budget.check_elements(elements)
        total += elements
    budget.add_live(total)
    try:
        budget.check_elements(0)
    finally:
        budget.remove_live(total)


# --- constructors: the parameters each layer allocates ------------------------------------------


def _linear(budget: Budget, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    fan_in = _int(_arg(args, kwargs, 0, "in_features"))
    fan_out = _int(_arg(args, kwargs, 1, "out_features"))
    _check_parameters(budget, (fan_out, fan_in), (fan_out,))


CONSTRUCTOR_COSTS: Final[dict[str, Estimator]] = {
    "Linear": _linear,
}


# --- calls: the elements and multiply-adds of a layer's forward ---------------------------------


def _rows(x: TensorBase, features: int) -> int:
    return x.numel() // features if features else 0


def _linear_call(budget: Budget, module: Any, x: TensorBase) -> None:
    rows = _rows(x, module.in_features)
    budget.check_elements(rows * module.out_features)
    budget.check_matmul(rows * module.in_features * module.out_features)


_CALL_COSTS: Final[dict[str, Callable[[Budget, Any, TensorBase], None]]] = {
    "Linear": _linear_call,
}


class LayerCosts:
    """The module-call observer the bridge installs: costs each call before it runs."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def on_module_enter(
        self, module: Module, path: tuple[str, ...], inputs: tuple[Any, ...]
    ) -> None:
        self.budget.check_time()
        estimate = _CALL_COSTS.get(_engine_name(type(module)))
        if estimate is not None and inputs and isinstance(inputs[0], TensorBase):
            estimate(self.budget, module, inputs[0])

    def on_module_exit(self, call: ModuleCall) -> None:
        self.budget.check_time()


def _engine_name(cls: type) -> str:
    """The engine layer a class is (a program's subclass of nn.Linear is costed as one)."""
    for klass in cls.__mro__:
        if klass.__module__.startswith("torch.nn.modules."):
            return klass.__name__
    return cls.__name__
