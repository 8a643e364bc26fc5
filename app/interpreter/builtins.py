"""The Python builtins a program may call (`print`, `len`, `range`, `isinstance`, …), bounded.

Every builtin that consumes an iterable does so through the runtime's `iterate`, which counts
each element against the loop budget, so `sum(range(10**12))` stops at the limit.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Protocol

from app.interpreter.bridge import Bridge
from app.interpreter.classes import ClassRuntime, class_builtins
from app.interpreter.errors import LimitExceeded, NotAllowed
from app.interpreter.exceptions import exception_classes
from app.interpreter.facades import TensorFacade
from app.interpreter.limits import Budget
from app.interpreter.namespace import Namespace
from app.interpreter.objects import ObjectFacade
from app.interpreter.operators import Operators
from app.interpreter.torch_api import BUILTIN_FUNCTIONS
from app.interpreter.values import (
    PLAIN_TYPES,
    BuiltinFunction,
    ClassValue,
    InterpreterFunction,
    ModuleValue,
    type_name,
)
from engine.size import Size

Args = list[Any]
Kwargs = dict[str, Any]


class Runtime(Protocol):
    """What the builtins need of the evaluator."""

    budget: Budget
    bridge: Bridge
    ops: Operators
    namespace: Namespace
    classes: ClassRuntime

    def write(self, text: str) -> None: ...

    def iterate(self, value: Any) -> list[Any]: ...

    def iterator(self, value: Any) -> Any: ...

    def call(self, function: Any, args: Args, kwargs: Kwargs) -> Any: ...


def make_builtins(rt: Runtime) -> dict[str, Any]:
    """The builtin names of one program run (classes are `ClassValue`s so `type(1) is int`)."""
    table: dict[str, Any] = {}
    classes = _builtin_classes(rt)
    table.update(classes)
    table.update(exception_classes())
    functions: dict[str, Callable[[Runtime, Args, Kwargs], Any]] = {
        "print": _print,
        "len": _len,
        "range": _range,
        "enumerate": _enumerate,
        "zip": _zip,
        "isinstance": _isinstance,
        "round": _round,
        "abs": _abs,
        "min": functools.partial(_extreme, "<"),
        "max": functools.partial(_extreme, ">"),
        "sum": _sum,
        "sorted": _sorted,
        "reversed": _reversed,
        "any": _any,
        "all": _all,
        "repr": _repr,
    }
    for name, function in functions.items():
        table[name] = BuiltinFunction(name, functools.partial(function, rt))
    table["type"] = BuiltinFunction("type", functools.partial(_type, rt, classes), "<class 'type'>")
    table.update(class_builtins(rt.classes))  # super, object, staticmethod, …
    assert set(table) == BUILTIN_FUNCTIONS, "builtins and the policy's list must agree"
    return table


# classes -----------------------------------------------------------------------------------


def _builtin_classes(rt: Runtime) -> dict[str, ClassValue]:
    def plain(cls: type) -> Callable[[Any], bool]:
        return lambda v: isinstance(v, cls)

    return {
        "int": ClassValue("int", functools.partial(_int, rt), plain(int)),
        "float": ClassValue("float", functools.partial(_float, rt), plain(float)),
        "bool": ClassValue("bool", functools.partial(_bool, rt), plain(bool)),
        "str": ClassValue("str", functools.partial(_str, rt), plain(str)),
        "list": ClassValue("list", functools.partial(_list, rt), plain(list)),
        "tuple": ClassValue("tuple", functools.partial(_tuple, rt), plain(tuple)),
        "dict": ClassValue("dict", functools.partial(_dict, rt), plain(dict)),
    }


def _one_arg(name: str, args: Args, kwargs: Kwargs, default: Any) -> Any:
    if kwargs:
        raise TypeError(f"{name}() takes no keyword arguments")
    if len(args) > 1:
        raise TypeError(f"{name}() takes at most 1 argument ({len(args)} given)")
    return args[0] if args else default


def _int(rt: Runtime, args: Args, kwargs: Kwargs) -> int:
    if len(args) == 2 and not kwargs and isinstance(args[0], str) and isinstance(args[1], int):
        return rt.budget.check_int(int(args[0], args[1]))
    value = _one_arg("int", args, kwargs, 0)
    if isinstance(value, TensorFacade):
        return int(value.tensor)
    if not isinstance(value, str | int | float):
        raise TypeError(
            "int() argument must be a string, a bytes-like object or a real number, "
            f"not '{type_name(value)}'"
        )
    return rt.budget.check_int(int(value))


def _float(rt: Runtime, args: Args, kwargs: Kwargs) -> float:
    value = _one_arg("float", args, kwargs, 0.0)
    if isinstance(value, TensorFacade):
        return float(value.tensor)
    if not isinstance(value, str | int | float):
        raise TypeError(
            f"float() argument must be a string or a real number, not '{type_name(value)}'"
        )
    return float(value)


def _bool(rt: Runtime, args: Args, kwargs: Kwargs) -> bool:
    return rt.ops.truth(_one_arg("bool", args, kwargs, False))


def _str(rt: Runtime, args: Args, kwargs: Kwargs) -> str:
    value = _one_arg("str", args, kwargs, "")
    rt.budget.check_text(value, rt.budget.settings.max_sequence_length)
    text = str(value)
    rt.budget.check_length(len(text), "string length")
    return text


def _list(rt: Runtime, args: Args, kwargs: Kwargs) -> list[Any]:
    items = rt.iterate(_one_arg("list", args, kwargs, []))
    rt.budget.check_length(len(items), "list length")
    return items


def _tuple(rt: Runtime, args: Args, kwargs: Kwargs) -> tuple[Any, ...]:
    return tuple(_list(rt, args, {}) if not kwargs else _one_arg("tuple", args, kwargs, ()))


def _dict(rt: Runtime, args: Args, kwargs: Kwargs) -> dict[Any, Any]:
    if len(args) > 1:
        raise TypeError(f"dict expected at most 1 argument, got {len(args)}")
    result: dict[Any, Any] = {}
    if args:
        source = args[0]
        pairs = list(source.items()) if isinstance(source, dict) else rt.iterate(source)
        for index, pair in enumerate(pairs):
            items = rt.iterate(pair) if isinstance(pair, list | tuple) else None
            if items is None or len(items) != 2:
                raise TypeError(
                    f"cannot convert dictionary update sequence element #{index} to a sequence"
                )
            result[items[0]] = items[1]
    result.update(kwargs)
    rt.budget.check_length(len(result), "dict size")
    return result


# functions ---------------------------------------------------------------------------------


def _print(rt: Runtime, args: Args, kwargs: Kwargs) -> None:
    unknown = set(kwargs) - {"sep", "end", "flush", "file"}
    if unknown:
        raise TypeError(f"'{sorted(unknown)[0]}' is an invalid keyword argument for print()")
    if kwargs.get("file") is not None:
        raise NotAllowed("print(file=...) is not allowed")
    sep, end = kwargs.get("sep"), kwargs.get("end")
    for name, value in (("sep", sep), ("end", end)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be None or a string, not {type_name(value)}")
    # the text's size before it is made: print(('a' * 100000,) * 200) must not build 20 MB
    estimate = sum(rt.budget.text_size(arg) for arg in args)
    if estimate > rt.budget.output_left:
        raise LimitExceeded("output size", rt.budget.settings.max_output_bytes, " bytes")
    text = (" " if sep is None else sep).join(str(a) for a in args)
    rt.write(text + ("\n" if end is None else end))


def _len(rt: Runtime, args: Args, kwargs: Kwargs) -> int:
    if len(args) != 1 or kwargs:
        raise TypeError(f"len() takes exactly one argument ({len(args)} given)")
    value = args[0]
    if isinstance(value, TensorFacade):
        return len(value.tensor)
    if isinstance(value, str | list | tuple | dict | range | Size):
        return len(value)
    if isinstance(value, ObjectFacade):
        return value.length()
    raise TypeError(f"object of type '{type_name(value)}' has no len()")


def _index(value: Any) -> int:
    if isinstance(value, TensorFacade):
        return value.tensor.__index__()
    if isinstance(value, int):
        return value
    raise TypeError(f"'{type_name(value)}' object cannot be interpreted as an integer")


def _range(rt: Runtime, args: Args, kwargs: Kwargs) -> range:
    if kwargs:
        raise TypeError("range() takes no keyword arguments")
    if not 1 <= len(args) <= 3:
        raise TypeError(f"range expected at most 3 arguments, got {len(args)}")
    return range(*(_index(a) for a in args))


def _enumerate(rt: Runtime, args: Args, kwargs: Kwargs) -> Any:
    if not args or len(args) + len(kwargs) > 2 or set(kwargs) - {"start"}:
        raise TypeError("enumerate() takes an iterable and an optional start")
    start = _index(args[1] if len(args) > 1 else kwargs.get("start", 0))
    return enumerate(rt.iterator(args[0]), start)


def _zip(rt: Runtime, args: Args, kwargs: Kwargs) -> Any:
    if set(kwargs) - {"strict"}:
        raise TypeError("zip() takes only the keyword argument strict")
    return zip(*(rt.iterator(a) for a in args), strict=bool(kwargs.get("strict", False)))


def _reversed(rt: Runtime, args: Args, kwargs: Kwargs) -> Any:
    value = _one_arg("reversed", args, kwargs, None)
    if isinstance(value, list | tuple | str | range | Size):
        return reversed(value)
    if isinstance(value, dict):
        return reversed(list(value))
    raise TypeError(f"'{type_name(value)}' object is not reversible")


def _isinstance(rt: Runtime, args: Args, kwargs: Kwargs) -> bool:
    if len(args) != 2 or kwargs:
        raise TypeError(f"isinstance expected 2 arguments, got {len(args)}")
    value, classes = args
    options = classes if isinstance(classes, tuple) else (classes,)
    for cls in options:
        if not isinstance(cls, ClassValue):
            raise TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
    return any(cls.instance_check(value) for cls in options)


def _type(rt: Runtime, classes: dict[str, ClassValue], args: Args, kwargs: Kwargs) -> ClassValue:
    if len(args) != 1 or kwargs:
        raise TypeError("type() takes 1 argument here")
    value = args[0]
    found = rt.namespace.class_of_facade(value)
    if found is not None:
        return found
    name = type_name(value)
    if name in classes and type(value).__name__ == name:
        return classes[name]
    if isinstance(value, InterpreterFunction):
        name = "function"
    elif isinstance(value, ModuleValue):
        name = "module"
    return ClassValue(name, None, lambda v: type_name(v) == name)


def _round(rt: Runtime, args: Args, kwargs: Kwargs) -> Any:
    if not 1 <= len(args) <= 2 or set(kwargs) - {"ndigits"}:
        raise TypeError("round() takes a number and an optional ndigits")
    ndigits = args[1] if len(args) > 1 else kwargs.get("ndigits")
    value = args[0]
    if isinstance(value, TensorFacade):
        tensor: Any = value.tensor
        result = round(tensor) if ndigits is None else round(tensor, ndigits)
        return rt.bridge.wrap(result)
    if not isinstance(value, int | float):
        raise TypeError(f"type {type_name(value)} doesn't define __round__ method")
    if ndigits is not None and not isinstance(ndigits, int):
        raise TypeError(f"'{type_name(ndigits)}' object cannot be interpreted as an integer")
    if isinstance(value, int) and ndigits is not None and ndigits < -len(str(abs(value))) - 1:
        # Python would compute 10 ** -ndigits first (round(1, -10**8): minutes in C); every
        # int rounds to 0 at more places than it has digits
        return 0
    return round(value) if ndigits is None else round(value, ndigits)


def _abs(rt: Runtime, args: Args, kwargs: Kwargs) -> Any:
    value = _one_arg("abs", args, kwargs, None)
    if len(args) != 1:
        raise TypeError(f"abs() takes exactly one argument ({len(args)} given)")
    if isinstance(value, TensorFacade):
        return rt.bridge.wrap(abs(value.tensor))
    if not isinstance(value, int | float):
        raise TypeError(f"bad operand type for abs(): '{type_name(value)}'")
    return abs(value)


def _key(rt: Runtime, key: Any) -> Callable[[Any], Any]:
    if key is None:
        return lambda v: v
    return lambda v: rt.call(key, [v], {})


def _extreme(op: str, rt: Runtime, args: Args, kwargs: Kwargs) -> Any:
    name = "min" if op == "<" else "max"
    unknown = sorted(set(kwargs) - {"key", "default"})
    if unknown:
        raise TypeError(f"'{unknown[0]}' is an invalid keyword argument for {name}()")
    if not args:
        raise TypeError(f"{name} expected at least 1 argument, got 0")
    items = rt.iterate(args[0]) if len(args) == 1 else list(args)
    if not items:
        if "default" in kwargs:
            return kwargs["default"]
        raise ValueError(f"{name}() iterable argument is empty")
    key = _key(rt, kwargs.get("key"))
    best, best_key = items[0], key(items[0])
    for item in items[1:]:
        rt.budget.check_time()
        item_key = key(item)
        if rt.ops.truth(rt.ops.compare(op, item_key, best_key)):
            best, best_key = item, item_key
    return best


def _sum(rt: Runtime, args: Args, kwargs: Kwargs) -> Any:
    if not 1 <= len(args) <= 2 or set(kwargs) - {"start"}:
        raise TypeError(f"sum() takes at most 2 arguments ({len(args)} given)")
    total = args[1] if len(args) > 1 else kwargs.get("start", 0)
    if isinstance(total, str):
        raise TypeError("sum() can't sum strings [use ''.join(seq) instead]")
    items = rt.iterate(args[0])
    if isinstance(total, list | tuple):
        # sum(lists, []) copies the running total at every step: quadratic inside C
        rt.budget.check_steps(_concatenation_steps(len(total), items))
    for item in items:
        rt.budget.check_time()
        total = rt.ops.binary("+", total, item)
    return total


def _concatenation_steps(start: int, items: list[Any]) -> int:
    """Items copied by `start + items[0] + items[1] + …` (each `+` copies both sides)."""
    steps, length = 0, start
    for item in items:
        extra = len(item) if isinstance(item, list | tuple) else 1
        steps += length + extra
        length += extra
    return steps


def _sorted(rt: Runtime, args: Args, kwargs: Kwargs) -> list[Any]:
    if len(args) != 1 or set(kwargs) - {"key", "reverse"}:
        raise TypeError("sorted() takes one iterable and the keywords key and reverse")
    items = rt.iterate(args[0])
    reverse = rt.ops.truth(kwargs.get("reverse", False))
    if kwargs.get("key") is None and not any(isinstance(v, TensorFacade) for v in items):
        # plain values compare as Python compares them: sort in C, its cost estimated first
        rt.budget.check_sort(items)
        return sorted(items, reverse=reverse)
    key = _key(rt, kwargs.get("key"))
    keyed = [(key(item), item) for item in items]

    def before(a: tuple[Any, Any], b: tuple[Any, Any]) -> int:
        rt.budget.check_time()
        if rt.ops.truth(rt.ops.compare("<", a[0], b[0])):
            return -1
        return 1 if rt.ops.truth(rt.ops.compare("<", b[0], a[0])) else 0

    keyed.sort(key=functools.cmp_to_key(before), reverse=reverse)
    return [item for _, item in keyed]


def _any(rt: Runtime, args: Args, kwargs: Kwargs) -> bool:
    value = _one_arg("any", args, kwargs, None)
    return any(rt.ops.truth(item) for item in rt.iterate(value))


def _all(rt: Runtime, args: Args, kwargs: Kwargs) -> bool:
    value = _one_arg("all", args, kwargs, None)
    return all(rt.ops.truth(item) for item in rt.iterate(value))


def _repr(rt: Runtime, args: Args, kwargs: Kwargs) -> str:
    if len(args) != 1 or kwargs:
        raise TypeError(f"repr() takes exactly one argument ({len(args)} given)")
    rt.budget.check_text(args[0], rt.budget.settings.max_sequence_length)
    text = repr(args[0])
    rt.budget.check_length(len(text), "string length")
    return text


__all__ = ["PLAIN_TYPES", "Runtime", "make_builtins"]
