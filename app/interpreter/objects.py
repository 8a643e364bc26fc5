"""Façades for the engine's objects other than tensors: nn modules, optimizers, the generators
their methods return (`model.parameters()`) and an optimizer's parameter groups.

A façade prints as its object does (so as PyTorch does) and has no Python attribute a program
can reach. Its attributes are the object's public methods (those the engine class defines) and,
for a module, its registered parameters, buffers and submodules and its plain settings
(`in_features`, `training`); everything goes through the bridge, which unwraps arguments,
checks costs and wraps results, so a program never holds an engine object itself.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any, Protocol

from app.interpreter.limits import Budget
from app.interpreter.values import BuiltinFunction, Opaque, type_name
from engine.nn.module import Module
from engine.optim.lr_scheduler import LRScheduler
from engine.optim.optimizer import Optimizer
from engine.utils.data import DataLoader, Dataset
from engine.utils.hooks import RemovableHandle


class ObjectBridge(Protocol):
    """What a façade needs of `app.interpreter.bridge.Bridge` (kept apart: no import cycle)."""

    budget: Budget

    def wrap(self, value: Any) -> Any: ...

    def unwrap(self, value: Any) -> Any: ...

    def call_object(
        self, target: Any, name: str, args: list[Any], kwargs: dict[str, Any]
    ) -> Any: ...


_METHODS: dict[type, frozenset[str]] = {}


def public_methods(cls: type) -> frozenset[str]:
    """The methods a program may call on an instance of `cls`: the public functions the engine
    defines on it or its engine bases (never `object`'s, never a `_` name)."""
    found = _METHODS.get(cls)
    if found is None:
        names: set[str] = set()
        for klass in _engine_bases(cls):
            names.update(
                name
                for name, member in vars(klass).items()
                if not name.startswith("_") and inspect.isfunction(member)
            )
        found = _METHODS[cls] = frozenset(names)
    return found


def public_attributes(cls: type) -> frozenset[str]:
    """The data attributes an engine class declares (annotates) for its instances:
    `training`, `in_features`, `weight`, an optimizer's `param_groups` …"""
    names: set[str] = set()
    for klass in _engine_bases(cls):
        annotations = vars(klass).get("__annotations__", {})
        names.update(n for n in annotations if not n.startswith("_"))
    return frozenset(names)


def _engine_bases(cls: type) -> list[type]:
    return [k for k in inspect.getmro(cls) if k is not object and _engine_class(k)]


def _engine_class(cls: type) -> bool:
    # engine classes show torch's module names (torch.nn.modules.linear); subclasses the
    # program defines are realised elsewhere and bring their own methods
    return cls.__module__.startswith(("torch.", "engine."))


class ObjectFacade(Opaque):
    """An engine object a program holds (one façade per object, so `is` works)."""

    __slots__ = ("bridge", "target")

    def __init__(self, target: Any, bridge: ObjectBridge) -> None:
        self.target = target
        self.bridge = bridge

    def __repr__(self) -> str:
        return repr(self.target)

    def __str__(self) -> str:
        return str(self.target)

    def display_type(self) -> str:
        return type(self.target).__name__

    # attributes ----------------------------------------------------------------------------

    def get_attribute(self, name: str) -> Any:
        method = self._method(name)
        if method is not None:
            return method
        state = getattr(self.target, "__dict__", {})
        if name in state and name in public_attributes(type(self.target)):
            return self.bridge.wrap(state[name])
        raise AttributeError(f"'{self.display_type()}' object has no attribute '{name}'")

    def set_attribute(self, name: str, value: Any) -> None:
        raise AttributeError(f"'{self.display_type()}' object has no attribute '{name}'")

    def _method(self, name: str) -> BuiltinFunction | None:
        if name not in public_methods(type(self.target)):
            return None
        target, bridge = self.target, self.bridge
        function = getattr(type(target), name)
        text = f"<bound method {function.__qualname__} of {self._short_repr()}>"
        return BuiltinFunction(
            name, lambda args, kwargs: bridge.call_object(target, name, args, kwargs), text
        )

    def _short_repr(self) -> str:
        text = repr(self.target)
        return text if len(text) <= 200 else text[:199] + "…"

    # the container protocol, where the engine class has it (Sequential, datasets, loaders) --

    def call(self, args: list[Any], kwargs: dict[str, Any]) -> Any:
        raise TypeError(f"'{self.display_type()}' object is not callable")

    def _has(self, dunder: str) -> bool:
        return hasattr(type(self.target), dunder)

    def iterate(self) -> Iterator[Any]:
        if not self._has("__iter__"):
            raise TypeError(f"'{self.display_type()}' object is not iterable")
        # lazily: a DataLoader's batches are made one by one, as the loop asks for them
        return (self.bridge.wrap(item) for item in self.target)

    def length(self) -> int:
        if not self._has("__len__"):
            raise TypeError(f"object of type '{self.display_type()}' has no len()")
        return len(self.target)

    def get_item(self, index: Any) -> Any:
        if not self._has("__getitem__"):
            raise TypeError(f"'{self.display_type()}' object is not subscriptable")
        return self.bridge.wrap(self.target[self.bridge.unwrap(index)])

    def set_item(self, index: Any, value: Any) -> None:
        if not self._has("__setitem__"):
            raise TypeError(f"'{self.display_type()}' object does not support item assignment")
        self.target[self.bridge.unwrap(index)] = self.bridge.unwrap(value)


class ModuleFacade(ObjectFacade):
    """An `nn.Module`: callable; its parameters, buffers, submodules and settings readable;
    assigning a Parameter, Module or tensor registers it as `Module.__setattr__` does.

    While the program holds it, the elements of its parameters and buffers count as live (a
    list of a thousand layers is refused like a thousand tensors would be).
    """

    __slots__ = ("elements",)
    target: Module

    def __init__(self, target: Module, bridge: ObjectBridge) -> None:
        super().__init__(target, bridge)
        self.elements = sum(p.numel() for p in target.parameters()) + sum(
            b.numel() for b in target.buffers()
        )
        bridge.budget.add_live(self.elements)
        try:
            bridge.budget.check_elements(0)
        except BaseException:
            bridge.budget.remove_live(self.elements)
            self.elements = 0
            raise

    def __del__(self) -> None:
        self.bridge.budget.remove_live(self.elements)

    def get_attribute(self, name: str) -> Any:
        module = self.target
        state = module.__dict__
        for store in ("_parameters", "_buffers", "_modules"):
            members = state[store]
            if name in members:
                return self.bridge.wrap(members[name])
        if name in state and not name.startswith("_"):
            return self.bridge.wrap(state[name])
        return super().get_attribute(name)

    def set_attribute(self, name: str, value: Any) -> None:
        if name in public_methods(type(self.target)):
            raise AttributeError(
                f"'{self.display_type()}' object attribute '{name}' is read-only here"
            )
        setattr(self.target, name, self.bridge.unwrap(value))

    def call(self, args: list[Any], kwargs: dict[str, Any]) -> Any:
        return self.bridge.call_object(self.target, "__call__", args, kwargs)


class OptimizerFacade(ObjectFacade):
    """A `torch.optim` optimizer: `param_groups` (live: `g['lr'] = …` changes the optimizer),
    `state`, `defaults` and its methods (`step`, `zero_grad`, `state_dict`, …)."""

    __slots__ = ()
    target: Optimizer

    def get_attribute(self, name: str) -> Any:
        if name == "param_groups":
            return ParamGroupsFacade(self.target.param_groups, self.bridge)
        if name == "state":
            state = self.target.state
            return {self.bridge.wrap(k): self.bridge.wrap(v) for k, v in state.items()}
        if name == "defaults":
            return self.bridge.wrap(dict(self.target.defaults))
        return super().get_attribute(name)


class ParamGroupsFacade(ObjectFacade):
    """`optimizer.param_groups`: a list of groups, each read and written through."""

    __slots__ = ()
    target: list[dict[str, Any]]

    def __repr__(self) -> str:
        return repr([ParamGroupFacade(g, self.bridge) for g in self.target])

    __str__ = __repr__

    def display_type(self) -> str:
        return "list"

    def iterate(self) -> Iterator[Any]:
        return iter([ParamGroupFacade(g, self.bridge) for g in self.target])

    def length(self) -> int:
        return len(self.target)

    def get_item(self, index: Any) -> Any:
        if not isinstance(index, int):
            raise TypeError(f"list indices must be integers or slices, not {type_name(index)}")
        return ParamGroupFacade(self.target[index], self.bridge)


# options a program may change in a parameter group: numbers, flags and tuples (betas)
_OPTION_TYPES = (bool, int, float, tuple, type(None))


class ParamGroupFacade(ObjectFacade):
    """One parameter group (`{'params': [...], 'lr': 0.1, ...}`): its options can be read and
    set (`g['lr'] *= 0.1`), its parameters read; nothing else is stored in it."""

    __slots__ = ()
    target: dict[str, Any]

    def __repr__(self) -> str:
        return repr({k: self.bridge.wrap(v) for k, v in self.target.items()})

    __str__ = __repr__

    def display_type(self) -> str:
        return "dict"

    def get_attribute(self, name: str) -> Any:
        if name in ("keys", "values", "items", "get"):
            snapshot = {k: self.bridge.wrap(v) for k, v in self.target.items()}
            method = getattr(snapshot, name)
            return BuiltinFunction(name, lambda args, kwargs: method(*args, **kwargs))
        return super().get_attribute(name)

    def iterate(self) -> Iterator[Any]:
        return iter(list(self.target))

    def length(self) -> int:
        return len(self.target)

    def get_item(self, index: Any) -> Any:
        return self.bridge.wrap(self.target[index])

    def set_item(self, index: Any, value: Any) -> None:
        if index == "params" or not isinstance(index, str):
            raise TypeError("only a parameter group's options can be assigned here")
        if not isinstance(value, _OPTION_TYPES):
            raise TypeError(
                f"a parameter group option must be a number, a bool or a tuple, not "
                f"{type_name(value)}"
            )
        self.target[index] = value


class GeneratorFacade(Opaque):
    """A generator an engine method returned (`model.parameters()`): iterable once, as in
    Python; its items were taken (and counted) when it was made."""

    __slots__ = ("items", "text")

    def __init__(self, items: list[Any], text: str) -> None:
        self.items = items
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def display_type(self) -> str:
        return "generator"

    def take(self) -> list[Any]:
        """The items not consumed yet; the generator is exhausted afterwards."""
        items, self.items = self.items, []
        return items


def generator_text(generator: Any) -> str:
    name = getattr(generator, "__qualname__", "generator")
    return f"<generator object {name} at {id(generator):#x}>"


# engine objects a program may hold through a façade (RemovableHandle: `handle.remove()`)
ENGINE_OBJECTS: tuple[type, ...] = (
    Module, Optimizer, LRScheduler, Dataset, DataLoader, RemovableHandle,
)  # fmt: skip


def facade_for(value: Any, bridge: ObjectBridge) -> ObjectFacade:
    program_facade = getattr(type(value), "_sandbox_facade", None)  # a program class's instance
    if program_facade is not None:
        facade: ObjectFacade = program_facade(value, bridge)
        return facade
    if isinstance(value, Module):
        return ModuleFacade(value, bridge)
    if isinstance(value, Optimizer):
        return OptimizerFacade(value, bridge)
    return ObjectFacade(value, bridge)
