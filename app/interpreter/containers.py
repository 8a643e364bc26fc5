"""Program values as containers: iteration (counted against the loop budget), unpacking, items."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, Final

from app.interpreter.bridge import Bridge
from app.interpreter.errors import LimitExceeded
from app.interpreter.facades import ReturnTuple, TensorFacade
from app.interpreter.limits import Budget
from app.interpreter.objects import GeneratorFacade, ObjectFacade
from app.interpreter.values import type_name
from engine.size import Size

# Iterators a program can hold: only the builtins' own (enumerate, zip, reversed, dict views).
_ITERATOR_TYPES: Final[tuple[type, ...]] = (
    enumerate, zip, reversed, map,
    type(iter([])), type(iter(())), type(iter("")), type(iter(range(1))), type(iter({})),
    type(reversed([])), type(reversed(range(1))), type({}.keys()), type({}.values()),
    type({}.items()), type(OrderedDict().keys()), type(OrderedDict().values()),
    type(OrderedDict().items()),
)  # fmt: skip
_ITERABLE_TYPES: Final = (list, tuple, str, dict, range, Size, ReturnTuple)
# dict types a program holds (a state_dict() is an OrderedDict)
_DICT_TYPES: Final = (dict, OrderedDict)


class Containers:
    """Iteration and item access for one program run."""

    def __init__(self, bridge: Bridge, budget: Budget) -> None:
        self.bridge = bridge
        self.budget = budget

    def iterator(self, value: Any) -> Iterator[Any]:
        """A Python iterator over a program value, yielding program values."""
        if isinstance(value, TensorFacade):
            tensor = value.tensor
            limit = self.budget.settings.max_loop_iterations
            if tensor.dim() > 0 and len(tensor) > limit - self.budget.loop_iterations:
                raise LimitExceeded("loop iterations", limit)
            return map(self.bridge.wrap, iter(tensor))
        if isinstance(value, _ITERABLE_TYPES) or type(value) in _ITERATOR_TYPES:
            return iter(value)
        if isinstance(value, ObjectFacade):
            return value.iterate()
        if isinstance(value, GeneratorFacade):
            return iter(value.take())
        raise TypeError(f"'{type_name(value)}' object is not iterable")

    def iterate(self, value: Any) -> list[Any]:
        """Every item of a program value; items that do not exist yet (a range, an iterator, a
        tensor's rows) are each counted against the loop budget."""
        if type(value) in (list, tuple, str, Size, dict, OrderedDict):
            return list(value)
        items: list[Any] = []
        for item in self.iterator(value):
            self.budget.tick()
            items.append(item)
        return items

    def unpack(self, value: Any, count: int) -> list[Any]:
        """`a, b = value`: exactly `count` items, or Python's ValueError."""
        items: list[Any] = []
        for item in self.iterator(value):
            self.budget.tick()
            items.append(item)
            if len(items) > count:
                raise ValueError(f"too many values to unpack (expected {count})")
        if len(items) < count:
            raise ValueError(f"not enough values to unpack (expected {count}, got {len(items)})")
        return items

    def get_item(self, container: Any, index: Any) -> Any:
        if isinstance(container, TensorFacade):
            return self.bridge.wrap(container.tensor[self.bridge.unwrap(index)])
        if isinstance(container, ObjectFacade):
            return container.get_item(index)
        if isinstance(container, dict):
            self.budget.check_nested(index)  # hashing a tuple key visits all of it
            return container[index]
        if isinstance(container, list | tuple | str | range | Size):
            return container[_sequence_index(index)]
        raise TypeError(f"'{type_name(container)}' object is not subscriptable")

    def set_item(self, container: Any, index: Any, value: Any) -> None:
        if isinstance(container, TensorFacade):
            container.tensor[self.bridge.unwrap(index)] = self.bridge.unwrap(value)
        elif isinstance(container, ObjectFacade):
            container.set_item(index, value)
        elif type(container) in _DICT_TYPES:
            self.budget.check_nested(index)
            if index not in container:
                self.budget.check_length(len(container) + 1, "dict size")
            container[index] = value
        elif type(container) is list:
            if isinstance(index, slice):
                value = self.iterate(value)
                self.budget.check_length(len(container) + len(value), "list length")
            container[_sequence_index(index)] = value
        else:
            raise TypeError(f"'{type_name(container)}' object does not support item assignment")


def _sequence_index(index: Any) -> Any:
    if isinstance(index, TensorFacade):
        return index.tensor.__index__()
    if isinstance(index, int | slice):
        return index
    raise TypeError(f"indices must be integers or slices, not {type_name(index)}")
