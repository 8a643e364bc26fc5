"""The kinds of value a program can hold besides plain Python data, and how Python names them.

Programs hold numbers, bools, None, strings, lists, tuples, dicts and ranges as themselves; every
other value is one of the classes here or a façade over an engine object (`facades.py`). None of
them has a Python attribute a program can reach: attribute access goes through the allow-lists.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.size import Size

Call = Callable[[list[Any], dict[str, Any]], Any]

# Plain Python values the program may hold and operate on directly.
PLAIN_TYPES: tuple[type, ...] = (
    bool, int, float, str, list, tuple, dict, type(None), range, slice, type(...), Size,
)  # fmt: skip
NUMBER_TYPES: tuple[type, ...] = (bool, int, float)


class Opaque:
    """Base of the interpreter's own values: no operators, identity equality, Python's repr."""

    __slots__ = ("__weakref__",)

    def display_type(self) -> str:
        """The name `type(x)` shows and error messages use ('function', 'Tensor', …)."""
        return type(self).__name__

    def __format__(self, spec: str) -> str:
        if spec:
            raise TypeError(f"unsupported format string passed to {self.display_type()}.__format__")
        return str(self)

    # Python compares list elements itself (`[print] < [len]`): its message must name the
    # program's types, not the interpreter's classes.
    def __lt__(self, other: object) -> bool:
        raise _unordered("<", self, other)

    def __le__(self, other: object) -> bool:
        raise _unordered("<=", self, other)

    def __gt__(self, other: object) -> bool:
        raise _unordered(">", self, other)

    def __ge__(self, other: object) -> bool:
        raise _unordered(">=", self, other)


class BuiltinFunction(Opaque):
    """A function the program may call (`print`, `torch.zeros`, a tensor's bound `sum`)."""

    __slots__ = ("call", "name", "text")

    def __init__(self, name: str, call: Call, text: str | None = None) -> None:
        self.name = name
        self.call = call
        self.text = text or f"<built-in function {name}>"

    def __repr__(self) -> str:
        return self.text

    def display_type(self) -> str:
        return "builtin_function_or_method"


@dataclass(eq=False, slots=True)
class Frame:
    """One scope: the module's globals, a call of a program function, or a comprehension."""

    names: dict[str, Any]
    local_names: frozenset[str] | None = None  # None for the module scope
    parent: Frame | None = None


@dataclass(eq=False)
class InterpreterFunction:
    """A function the program defined with `def`; called by the evaluator, never by Python."""

    name: str
    node: ast.FunctionDef
    defaults: list[Any]
    kw_defaults: dict[str, Any]
    closure: Frame
    local_names: frozenset[str] = field(default_factory=frozenset)

    def __repr__(self) -> str:
        return f"<function {self.name} at {id(self):#x}>"

    def __format__(self, spec: str) -> str:
        if spec:
            raise TypeError("unsupported format string passed to function.__format__")
        return repr(self)

    def __lt__(self, other: object) -> bool:
        raise _unordered("<", self, other)

    def __le__(self, other: object) -> bool:
        raise _unordered("<=", self, other)

    def __gt__(self, other: object) -> bool:
        raise _unordered(">", self, other)

    def __ge__(self, other: object) -> bool:
        raise _unordered(">=", self, other)


class ClassValue(Opaque):
    """A class the program can name: `int`, `torch.Tensor`, `torch.no_grad`, `Variable` …

    `construct` builds an instance (None: the class is not callable); `instance_check` answers
    `isinstance(x, cls)` for the program's values; `engine_class` is the engine class behind a
    torch class (`nn.Module`, `nn.Linear`, `optim.SGD`), which a program's class may subclass.
    """

    __slots__ = ("construct", "engine_class", "instance_check", "qualname")

    def __init__(
        self,
        qualname: str,
        construct: Call | None,
        instance_check: Callable[[Any], bool],
        engine_class: type | None = None,
    ) -> None:
        self.qualname = qualname
        self.construct = construct
        self.instance_check = instance_check
        self.engine_class = engine_class

    def __repr__(self) -> str:
        return f"<class '{self.qualname}'>"

    def display_type(self) -> str:
        return "type"


class ModuleValue(Opaque):
    """An importable module (`torch`, `torch.nn.functional`, `math`) with allow-listed names."""

    __slots__ = ("name", "resolve")

    def __init__(self, name: str, resolve: Callable[[str], Any]) -> None:
        self.name = name
        self.resolve = resolve

    def __repr__(self) -> str:
        return f"<module '{self.name}'>"

    def display_type(self) -> str:
        return "module"


def type_name(value: object) -> str:
    """The class name Python's messages use for `value` ('int', 'Tensor', 'function', …)."""
    if isinstance(value, Opaque):
        return value.display_type()
    if isinstance(value, InterpreterFunction):
        return "function"
    if isinstance(value, Size):
        return "Size"
    return type(value).__name__


def _unordered(op: str, left: object, right: object) -> TypeError:
    return TypeError(
        f"'{op}' not supported between instances of '{type_name(left)}' and '{type_name(right)}'"
    )
