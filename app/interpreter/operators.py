"""Operators on program values: arithmetic, comparisons and truth, with limits checked first.

Tensor operands go to the engine's own operators (so PyTorch's broadcasting, dtype promotion and
error messages apply); plain values use Python's, after the integer-size and length estimates.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, Final

from app.interpreter.bridge import Bridge
from app.interpreter.costs import elementwise, matmul
from app.interpreter.errors import NotAllowed
from app.interpreter.facades import ReturnTuple, TensorFacade
from app.interpreter.limits import Budget, int_result_bits
from app.interpreter.values import PLAIN_TYPES, type_name

BINARY: Final[dict[str, Callable[[Any, Any], Any]]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow, "@": operator.matmul,
    "<<": operator.lshift, ">>": operator.rshift, "&": operator.and_, "|": operator.or_,
    "^": operator.xor,
}  # fmt: skip
INPLACE: Final[dict[str, Callable[[Any, Any], Any]]] = {
    "+": operator.iadd, "-": operator.isub, "*": operator.imul, "/": operator.itruediv,
    "//": operator.ifloordiv, "%": operator.imod, "**": operator.ipow, "@": operator.imatmul,
    "<<": operator.ilshift, ">>": operator.irshift, "&": operator.iand, "|": operator.ior,
    "^": operator.ixor,
}  # fmt: skip
UNARY: Final[dict[str, Callable[[Any], Any]]] = {
    "-": operator.neg,
    "+": operator.pos,
    "~": operator.invert,
}
COMPARE: Final[dict[str, Callable[[Any, Any], Any]]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
    ">": operator.gt, ">=": operator.ge,
}  # fmt: skip
_SEQUENCES: Final = (str, list, tuple)


class Operators:
    """Operators for one program run."""

    def __init__(self, bridge: Bridge, budget: Budget) -> None:
        self.bridge = bridge
        self.budget = budget

    def binary(self, op: str, left: Any, right: Any, *, inplace: bool = False) -> Any:
        function = (INPLACE if inplace else BINARY)[op]
        if isinstance(left, TensorFacade) or isinstance(right, TensorFacade):
            return self._tensor_binary(op, function, left, right)
        self._check_plain(op, left, right)
        result = function(left, right)
        if isinstance(result, int):
            self.budget.check_int(result)
        return result

    def _tensor_binary(
        self, op: str, function: Callable[[Any, Any], Any], left: Any, right: Any
    ) -> Any:
        for value in (left, right):
            if not isinstance(value, TensorFacade | bool | int | float):
                _unsupported(op, left, right)
        a, b = self.bridge.unwrap(left), self.bridge.unwrap(right)
        (matmul if op == "@" else elementwise)(self.budget, [a, b], {})
        return self.bridge.wrap(function(a, b))

    def _check_plain(self, op: str, left: Any, right: Any) -> None:
        if not (isinstance(left, PLAIN_TYPES) and isinstance(right, PLAIN_TYPES)):
            _unsupported(op, left, right)
        if op == "%" and isinstance(left, str):
            raise NotAllowed(
                "'%' string formatting is not allowed: use an f-string", hint_key="format"
            )
        if op in ("*", "**", "<<") and _is_int(left) and _is_int(right):
            self.budget.check_int_bits(int_result_bits(op, left, right))
        elif op == "*":
            times = right if _is_int(right) else left if _is_int(left) else None
            sequence = left if isinstance(left, _SEQUENCES) else right
            if times is not None and isinstance(sequence, _SEQUENCES):
                self.budget.check_length(len(sequence) * max(times, 0), _length_name(sequence))
        elif op == "+" and isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
            self.budget.check_length(len(left) + len(right), _length_name(left))

    def unary(self, op: str, operand: Any) -> Any:
        if op == "not":
            return not self.truth(operand)
        if isinstance(operand, TensorFacade):
            return self.bridge.wrap(UNARY[op](operand.tensor))
        if not isinstance(operand, bool | int | float) or (
            op == "~" and isinstance(operand, float)
        ):
            raise TypeError(f"bad operand type for unary {op}: '{type_name(operand)}'")
        return UNARY[op](operand)

    def compare(self, op: str, left: Any, right: Any) -> Any:
        if op == "is":
            return left is right
        if op == "is not":
            return left is not right
        if op == "in":
            return self.contains(right, left)
        if op == "not in":
            return not self.contains(right, left)
        function = COMPARE[op]
        if isinstance(left, TensorFacade) or isinstance(right, TensorFacade):
            a, b = self.bridge.unwrap(left), self.bridge.unwrap(right)
            if op in ("==", "!=") and not (
                isinstance(left, TensorFacade | bool | int | float)
                and isinstance(right, TensorFacade | bool | int | float)
            ):
                return (left is right) == (op == "==")
            elementwise(self.budget, [a, b], {})
            return self.bridge.wrap(function(a, b))
        self.budget.check_nested(left)
        self.budget.check_nested(right)
        if op in ("==", "!="):
            if isinstance(left, PLAIN_TYPES) and isinstance(right, PLAIN_TYPES):
                return function(left, right)
            return (left is right) == (op == "==")
        if not (isinstance(left, PLAIN_TYPES) and isinstance(right, PLAIN_TYPES)):
            raise TypeError(
                f"'{op}' not supported between instances of '{type_name(left)}' and "
                f"'{type_name(right)}'"
            )
        return function(left, right)

    def contains(self, container: Any, item: Any) -> bool:
        if isinstance(container, TensorFacade):
            tensor: Any = container.tensor
            return bool(self.bridge.unwrap(item) in tensor)
        if isinstance(container, str):
            if not isinstance(item, str):
                raise TypeError(
                    f"'in <string>' requires string as left operand, not {type_name(item)}"
                )
            return item in container
        if isinstance(container, dict | range):
            self.budget.check_nested(item)
            return item in container
        if isinstance(container, list | tuple):
            self.budget.check_nested(container)
            self.budget.check_nested(item)
            # Python compares with == (identity first); façades compare by identity here
            for element in container:
                self.budget.tick()
                if element is item or (
                    not isinstance(element, TensorFacade)
                    and not isinstance(item, TensorFacade)
                    and self.compare("==", element, item) is True
                ):
                    return True
            return False
        raise TypeError(f"argument of type '{type_name(container)}' is not iterable")

    def truth(self, value: Any) -> bool:
        if isinstance(value, TensorFacade):
            return bool(value.tensor)
        if isinstance(value, (*PLAIN_TYPES, ReturnTuple)):
            return bool(value)
        return True


def _is_int(value: Any) -> bool:
    return isinstance(value, int)


def _length_name(sequence: Any) -> str:
    return "string length" if isinstance(sequence, str) else "list length"


def _unsupported(op: str, left: Any, right: Any) -> None:
    raise TypeError(
        f"unsupported operand type(s) for {op}: '{type_name(left)}' and '{type_name(right)}'"
    )
