"""Façades: what a program holds instead of an engine object (a tensor, a grad_fn, a dtype …).

A façade prints exactly as the engine object does (so as PyTorch does) and has no Python
attribute a program can reach; the evaluator looks up every attribute in the allow-lists and
calls the engine on the program's behalf (see `bridge.py`).
"""

from __future__ import annotations

from typing import Any

from app.interpreter.limits import Budget
from app.interpreter.values import Opaque
from engine.autograd.function import Node
from engine.dtypes import dtype
from engine.tensor import Tensor


class TensorFacade(Opaque):
    """A tensor as the program sees it; one façade per live engine tensor, so `is` works."""

    __slots__ = ("budget", "numel", "tensor")

    def __init__(self, tensor: Tensor, budget: Budget | None = None) -> None:
        self.tensor = tensor
        # the façade's elements count as live until the program drops its last reference
        self.budget = budget
        self.numel = tensor.numel()
        if budget is not None:
            budget.add_live(self.numel)

    def __del__(self) -> None:
        if self.budget is not None:
            self.budget.remove_live(self.numel)

    def __repr__(self) -> str:
        return repr(self.tensor)

    def __str__(self) -> str:
        return str(self.tensor)

    def __format__(self, spec: str) -> str:
        return format(self.tensor, spec)

    def display_type(self) -> str:
        return "Tensor"


class NodeFacade(Opaque):
    """A grad_fn node (`<MulBackward0 object at 0x…>`)."""

    __slots__ = ("node",)

    def __init__(self, node: Node) -> None:
        self.node = node

    def __repr__(self) -> str:
        return repr(self.node)

    def display_type(self) -> str:
        return type(self.node).__name__


class DtypeFacade(Opaque):
    """An element type (`torch.float32`); one façade per dtype, so `==` and `is` work."""

    __slots__ = ("dtype",)

    def __init__(self, value: dtype) -> None:
        self.dtype = value

    def __repr__(self) -> str:
        return repr(self.dtype)

    def display_type(self) -> str:
        return "dtype"


class GradModeFacade(Opaque):
    """A grad-mode context manager: `torch.no_grad()`, `enable_grad()`, `set_grad_enabled(b)`."""

    __slots__ = ("manager",)

    def __init__(self, manager: Any) -> None:
        self.manager = manager

    def __repr__(self) -> str:
        name = self.display_type()
        if name == "set_grad_enabled":  # PyTorch gives this one a repr of its own
            return f"torch.autograd.grad_mode.set_grad_enabled(mode={self.manager._mode})"
        return f"<torch.autograd.grad_mode.{name} object at {id(self):#x}>"

    def display_type(self) -> str:
        return type(self.manager).__name__

    def enter(self) -> Any:
        return self.manager.__enter__()

    def exit(self) -> None:
        self.manager.__exit__(None, None, None)


class EngineValue(Opaque):
    """Any other engine result: printable, but with no attributes and no operators."""

    __slots__ = ("qualname", "text", "type_label")

    def __init__(self, value: object) -> None:
        cls = type(value)
        self.text = repr(value)
        self.type_label = cls.__name__
        module = (
            cls.__module__.replace("engine", "torch", 1)
            if cls.__module__.startswith("engine")
            else cls.__module__
        )
        self.qualname = f"{module}.{cls.__qualname__}"

    def __repr__(self) -> str:
        return self.text

    def display_type(self) -> str:
        return self.type_label


class ReturnTuple(tuple[Any, ...]):
    """A named result such as `torch.return_types.max(values=…, indices=…)`."""

    kind: str
    fields: tuple[str, ...]

    def __new__(cls, kind: str, fields: tuple[str, ...], items: tuple[Any, ...]) -> ReturnTuple:
        self = super().__new__(cls, items)
        self.kind = kind
        self.fields = fields
        return self

    def __repr__(self) -> str:
        parts = ",\n".join(f"{name}={item!r}" for name, item in zip(self.fields, self, strict=True))
        return f"torch.return_types.{self.kind}(\n{parts})"

    __str__ = __repr__
