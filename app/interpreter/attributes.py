"""Attribute access by receiver kind: the only way a program reaches a method or property."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from app.interpreter.bridge import Bridge
from app.interpreter.classes import ProgramClass, SuperProxy
from app.interpreter.errors import NotAllowed
from app.interpreter.exceptions import EXCEPTION_ATTRIBUTES, ExceptionValue
from app.interpreter.facades import DtypeFacade, NodeFacade, ReturnTuple, TensorFacade
from app.interpreter.limits import Budget
from app.interpreter.objects import ObjectFacade
from app.interpreter.torch_api import (
    DICT_METHODS,
    DTYPE_ATTRIBUTES,
    FLOAT_METHODS,
    LIST_METHODS,
    NODE_ATTRIBUTES,
    SIZE_METHODS,
    STR_METHODS,
    TENSOR_METHODS,
    TENSOR_PROPERTIES,
    TENSOR_SETTABLE,
    TUPLE_METHODS,
)
from app.interpreter.values import BuiltinFunction, ClassValue, ModuleValue, type_name
from engine.size import Size
from engine.tensor import Tensor

Iterate = Callable[[Any], list[Any]]


class Attributes:
    """`value.name` and `value.name = x` for one program run."""

    def __init__(self, bridge: Bridge, budget: Budget, iterate: Iterate) -> None:
        self.bridge = bridge
        self.budget = budget
        self.iterate = iterate

    def get(self, value: Any, name: str) -> Any:
        if isinstance(value, TensorFacade):
            return self._tensor(value.tensor, name)
        if isinstance(value, ModuleValue):
            return value.resolve(name)
        if isinstance(value, ObjectFacade):
            return value.get_attribute(name)
        if isinstance(value, NodeFacade) and name in NODE_ATTRIBUTES:
            return self._node(value, name)
        if isinstance(value, DtypeFacade) and name in DTYPE_ATTRIBUTES:
            return getattr(value.dtype, name)
        if isinstance(value, ReturnTuple) and name in value.fields:
            return value[value.fields.index(name)]
        if isinstance(value, ExceptionValue) and name in EXCEPTION_ATTRIBUTES:
            return value.args
        if isinstance(value, ProgramClass | SuperProxy):
            return value.get_attribute(name)
        if isinstance(value, ClassValue):
            raise AttributeError(f"type object '{value.qualname}' has no attribute '{name}'")
        method = self._plain_method(value, name)
        if method is not None:
            return method
        raise AttributeError(f"'{type_name(value)}' object has no attribute '{name}'")

    def set(self, target: Any, name: str, value: Any) -> None:
        if isinstance(target, TensorFacade) and name in TENSOR_SETTABLE:
            setattr(target.tensor, name, self.bridge.unwrap(value))
            return
        if isinstance(target, TensorFacade) and name in TENSOR_PROPERTIES:
            raise AttributeError(
                f"attribute '{name}' of 'torch._C.TensorBase' objects is not writable"
            )
        if isinstance(target, ObjectFacade | ProgramClass):
            target.set_attribute(name, value)
            return
        raise AttributeError(f"'{type_name(target)}' object has no attribute '{name}'")

    # tensors and nodes -------------------------------------------------------------------------

    def _tensor(self, tensor: Tensor, name: str) -> Any:
        if name in TENSOR_PROPERTIES and hasattr(type(tensor), name):
            return self.bridge.wrap(getattr(tensor, name))
        if name == "numpy":
            raise NotAllowed(
                "'.numpy()' is not allowed: use .tolist() to get the values", hint_key="numpy"
            )
        if name in TENSOR_METHODS and hasattr(type(tensor), name):
            if name == "retains_grad":  # a property in PyTorch
                return tensor.retains_grad
            bridge = self.bridge
            return BuiltinFunction(
                name,
                lambda a, k: bridge.call_method(tensor, name, a, k),
                f"<built-in method {name} of Tensor object at {id(tensor):#x}>",
            )
        raise AttributeError(f"'Tensor' object has no attribute '{name}'")

    def _node(self, facade: NodeFacade, name: str) -> Any:
        node = facade.node
        if name == "name":
            return BuiltinFunction(
                "name",
                lambda a, k: node.name(),
                f"<built-in method name of {type(node).__name__} object at {id(node):#x}>",
            )
        if not hasattr(node, name):
            raise AttributeError(f"'{type(node).__name__}' object has no attribute '{name}'")
        return self.bridge.wrap(getattr(node, name))

    # plain Python values -------------------------------------------------------------------

    def _plain_method(self, value: Any, name: str) -> BuiltinFunction | None:
        allowed = _METHODS_BY_TYPE.get(type(value))
        if isinstance(value, Size):
            allowed = SIZE_METHODS
        if allowed is None or name not in allowed:
            return None
        method = getattr(value, name)
        checked = _CHECKED.get((type(value), name))
        text = f"<built-in method {name} of {type_name(value)} object at {id(value):#x}>"

        def call(args: list[Any], kwargs: dict[str, Any]) -> Any:
            if checked is not None:
                return checked(self, value, args, kwargs)
            if kwargs and not (type(value) is list and name == "sort"):
                raise TypeError(f"{type_name(value)}.{name}() takes no keyword arguments")
            return method(*args, **kwargs)

        return BuiltinFunction(name, call, text)

    def _grow(self, value: list[Any] | dict[Any, Any], extra: int) -> None:
        self.budget.check_length(
            len(value) + extra, "list length" if isinstance(value, list) else "dict size"
        )


def _list_append(attrs: Attributes, value: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    attrs._grow(value, 1)
    return value.append(*args)


def _list_insert(attrs: Attributes, value: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    attrs._grow(value, 1)
    return value.insert(*args)


def _list_extend(attrs: Attributes, value: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    if len(args) != 1:
        raise TypeError(f"list.extend() takes exactly one argument ({len(args)} given)")
    items = attrs.iterate(args[0])
    attrs._grow(value, len(items))
    value.extend(items)
    return None


def _list_sort(attrs: Attributes, value: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    if args or set(kwargs) - {"reverse"}:
        raise NotAllowed("list.sort() takes only reverse= here; use sorted()")
    if any(isinstance(v, TensorFacade) for v in value):
        raise NotAllowed("sorting a list of tensors is not supported")
    attrs.budget.check_sort(value)
    value.sort(reverse=bool(kwargs.get("reverse", False)))
    return None


Checked = Callable[[Attributes, Any, list[Any], dict[str, Any]], Any]


def _comparing(name: str) -> Checked:
    """`count`, `index`, `remove`: compare every item with the argument (inside C), so both
    are measured first; a huge nested tuple would otherwise be compared 10**5 times."""

    def call(attrs: Attributes, value: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if kwargs:
            raise TypeError(f"{type_name(value)}.{name}() takes no keyword arguments")
        attrs.budget.check_nested(value)
        for arg in args[:1]:
            attrs.budget.check_nested(arg)
        return getattr(value, name)(*args)

    return call


def _hashing(name: str) -> Checked:
    """`dict.get`, `pop`, `setdefault`: hashing the key visits all of it (inside C)."""

    def call(attrs: Attributes, value: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if kwargs:
            raise TypeError(f"dict.{name}() takes no keyword arguments")
        for arg in args[:1]:
            attrs.budget.check_nested(arg)
        if name == "setdefault":
            attrs._grow(value, 1)
        return getattr(value, name)(*args)

    return call


def _text_result(name: str) -> Checked:
    """String methods: `('\ufb03' * 100000).upper()` is 'FFI' * 100000, three times the input."""

    def call(attrs: Attributes, value: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if kwargs:
            raise TypeError(f"str.{name}() takes no keyword arguments")
        result = getattr(value, name)(*args)
        if isinstance(result, str):
            attrs.budget.check_length(len(result), "string length")
        elif isinstance(result, list):
            attrs.budget.check_length(len(result), "list length")
        return result

    return call


def _dict_update(attrs: Attributes, value: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    if args and isinstance(args[0], dict):
        attrs.budget.check_nested(list(args[0]))  # every key is hashed again
    other: dict[Any, Any] = dict(args[0]) if args and isinstance(args[0], dict) else {}
    if args and not isinstance(args[0], dict):
        for pair in attrs.iterate(args[0]):
            key, item = pair
            attrs.budget.check_nested(key)
            other[key] = item
    other.update(kwargs)
    attrs._grow(value, len(other))
    value.update(other)
    return None


def _str_join(attrs: Attributes, value: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    if len(args) != 1:
        raise TypeError(f"str.join() takes exactly one argument ({len(args)} given)")
    items = attrs.iterate(args[0])
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(
                f"sequence item {index}: expected str instance, {type_name(item)} found"
            )
    total = sum(len(i) for i in items) + len(value) * max(len(items) - 1, 0)
    attrs.budget.check_length(total, "string length")
    return value.join(items)


_METHODS_BY_TYPE: dict[type, frozenset[str]] = {
    list: LIST_METHODS,
    tuple: TUPLE_METHODS,
    dict: DICT_METHODS,
    OrderedDict: DICT_METHODS,
    str: STR_METHODS,
    float: FLOAT_METHODS,
}
_HASHING = ("get", "pop", "setdefault")
_CHECKED: dict[tuple[type, str], Checked] = {
    (list, "append"): _list_append,
    (list, "insert"): _list_insert,
    (list, "extend"): _list_extend,
    (list, "sort"): _list_sort,
    (dict, "update"): _dict_update,
    (OrderedDict, "update"): _dict_update,
    (str, "join"): _str_join,
    **{(kind, name): _comparing(name) for kind in (list, tuple) for name in ("count", "index")},
    (list, "remove"): _comparing("remove"),
    **{(kind, name): _hashing(name) for kind in (dict, OrderedDict) for name in _HASHING},
    **{(str, name): _text_result(name) for name in STR_METHODS - {"join"}},
}
