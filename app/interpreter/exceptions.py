"""Exceptions as program values: the classes a program names in `except`/`raise`, and the safe
façade a caught exception becomes (`print(e)`, `repr(e)`, `e.args`, `type(e).__name__`).

A caught exception never reaches user scope as a Python object: the façade keeps only its class
name, its text and its plain arguments, so no traceback, frame or `__context__` is reachable.
The interpreter's own limits are not exceptions a program can catch (see `catchable`).
"""

from __future__ import annotations

from typing import Any, Final

from app.interpreter.errors import ProgramError, UserException
from app.interpreter.values import ClassValue, Opaque

# Python's own classes behind the names, so `except LookupError` catches a KeyError as it would
EXCEPTION_CLASSES: Final[dict[str, type[Exception]]] = {
    cls.__name__: cls
    for cls in (
        Exception, ArithmeticError, LookupError, RuntimeError, ValueError, TypeError,
        IndexError, KeyError, ZeroDivisionError, AssertionError, AttributeError, NameError,
        NotImplementedError, StopIteration, OverflowError, UserWarning, Warning,
    )
}  # fmt: skip
EXCEPTION_NAMES: Final = frozenset(EXCEPTION_CLASSES) | {"BaseException"}
EXCEPTION_ATTRIBUTES: Final = frozenset({"args"})

_SAFE_ARGUMENT = (str, int, float, bool, type(None))


class ExceptionValue(Opaque):
    """A raised exception as the program sees it: class, text and plain arguments only."""

    __slots__ = ("args", "cls", "error", "text")

    def __init__(self, error: Exception) -> None:
        self.cls: type[Exception] = _known_class(type(error))
        self.args = tuple(a if isinstance(a, _SAFE_ARGUMENT) else str(a) for a in error.args)
        self.text = str(error)
        self.error = error  # re-raised by a bare `raise`; never handed to the program

    def display_type(self) -> str:
        return type(self.error).__name__

    def __repr__(self) -> str:
        shown = ", ".join(repr(a) for a in self.args)
        return f"{self.display_type()}({shown})"

    def __str__(self) -> str:
        return self.text

    def __format__(self, spec: str) -> str:
        return format(self.text, spec)


def _known_class(cls: type) -> type[Exception]:
    # an engine's own subclass answers isinstance checks as its nearest public ancestor would
    for base in cls.__mro__:
        if base in EXCEPTION_CLASSES.values():
            return base
    return Exception


def exception_classes() -> dict[str, ClassValue]:
    """The exception classes a program can name, as `ClassValue`s."""
    table = {name: _class_value(name, cls) for name, cls in EXCEPTION_CLASSES.items()}
    table["BaseException"] = _class_value("BaseException", Exception)
    return table


def _class_value(name: str, cls: type[Exception]) -> ClassValue:
    def construct(args: list[Any], kwargs: dict[str, Any]) -> ExceptionValue:
        if kwargs:
            raise TypeError(f"{name}() takes no keyword arguments")
        return ExceptionValue(cls(*[a if isinstance(a, _SAFE_ARGUMENT) else repr(a) for a in args]))

    def check(value: Any) -> bool:
        return isinstance(value, ExceptionValue) and issubclass(value.cls, cls)

    value = ClassValue(name, construct, check)
    value.engine_class = cls  # what `except` matches against
    return value


def catchable(error: BaseException) -> ExceptionValue | None:
    """The façade for an exception a program's `except` may catch, or None.

    Limits (time, memory, loop budget, output), refusals and the interpreter's control flow are
    not catchable, not even by a bare `except:` — Python's would never see them either.
    """
    if isinstance(error, UserException):
        error = error.error
    elif isinstance(error, ProgramError):
        return None
    if isinstance(error, MemoryError | RecursionError) or not isinstance(error, Exception):
        return None
    if type(error).__module__ == "app.interpreter.evaluator":  # break / continue / return
        return None
    return ExceptionValue(error)


def matches(caught: ExceptionValue, handler_type: Any) -> bool:
    """Whether `except <handler_type>` catches `caught` (a class or a tuple of classes)."""
    options = handler_type if isinstance(handler_type, tuple) else (handler_type,)
    for option in options:
        if not (isinstance(option, ClassValue) and option.qualname in EXCEPTION_NAMES):
            raise TypeError(
                "catching classes that do not inherit from BaseException is not allowed"
            )
    return any(issubclass(caught.cls, option.engine_class) for option in options)


def to_raise(value: Any) -> Exception:
    """The Python exception a `raise <value>` raises."""
    if isinstance(value, ClassValue) and value.qualname in EXCEPTION_NAMES:
        value = value.construct([], {})  # type: ignore[misc]
    if isinstance(value, ExceptionValue):
        return value.error
    raise TypeError("exceptions must derive from BaseException")
