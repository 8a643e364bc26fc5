"""The bridge between a program and the engine: façades in, engine objects out, sizes checked.

Results are wrapped in façades and arguments unwrapped; sizes are estimated before the engine
allocates; new tensors and backward passes are reported to the trace.
"""

from __future__ import annotations

import sys
import types
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Protocol

import numpy as np

from app.contract import BackwardKind
from app.interpreter.costs import ESTIMATORS
from app.interpreter.facades import (
    DtypeFacade,
    EngineValue,
    GradModeFacade,
    NodeFacade,
    ReturnTuple,
    TensorFacade,
)
from app.interpreter.layer_costs import CONSTRUCTOR_COSTS, LayerCosts
from app.interpreter.limits import Budget
from app.interpreter.objects import (
    ENGINE_OBJECTS,
    GeneratorFacade,
    ObjectFacade,
    facade_for,
    generator_text,
)
from app.interpreter.values import (
    BuiltinFunction,
    ClassValue,
    InterpreterFunction,
    ModuleValue,
    Opaque,
)
from engine.autograd import grad_mode
from engine.autograd.function import Node
from engine.autograd.observer import BackwardObserver, observe
from engine.dtypes import dtype
from engine.nn.observer import observe_modules
from engine.size import Size
from engine.tensor import Tensor

GRAD_MODE_TYPES: tuple[type, ...] = tuple(
    getattr(grad_mode, name)
    for name in ("no_grad", "enable_grad", "set_grad_enabled", "inference_mode")
    if hasattr(grad_mode, name)
)
# Results nested deeper than this are not engine structures (tolist() of a 4-d tensor, say):
# they hold only numbers and are passed through as they are.
_WRAP_DEPTH = 3
_UNWRAP_DEPTH = 64
_CONVERTED = (Opaque, InterpreterFunction, list, tuple, dict)
# what a program calls back into: its functions and the builtins (hooks, `apply`, closures)
_CALLABLES = (InterpreterFunction, BuiltinFunction)
Invoke = Callable[[Any, list[Any], dict[str, Any]], Any]


class Tracer(Protocol):
    """What the bridge needs of `app.trace.program_trace.ProgramTrace`."""

    def observer_for(self, line: int, kind: BackwardKind) -> BackwardObserver: ...

    def register(self, tensor: Tensor) -> None: ...


class Bridge:
    """One program's connection to the engine."""

    def __init__(self, budget: Budget, trace: Tracer | None, line: Callable[[], int]) -> None:
        self.budget = budget
        self.trace = trace
        self._line = line
        self._tensors: weakref.WeakValueDictionary[int, TensorFacade] = (
            weakref.WeakValueDictionary()
        )
        self._registered: dict[int, weakref.ref[Tensor]] = {}
        self._nodes: weakref.WeakValueDictionary[int, NodeFacade] = weakref.WeakValueDictionary()
        self._dtypes: dict[int, DtypeFacade] = {}
        self._objects: weakref.WeakValueDictionary[int, ObjectFacade] = (
            weakref.WeakValueDictionary()
        )
        self._first_sequence: int | None = None
        self._last_sequence = -1
        # calls the program's own functions (set by the evaluator): engine objects call back
        # into the program for hooks, `Module.apply(fn)` and optimizer closures
        self.invoke: Invoke | None = None
        self.layer_costs = LayerCosts(budget)

    # calling the engine ----------------------------------------------------------------------

    def call(
        self,
        function: Callable[..., Any],
        args: list[Any],
        kwargs: dict[str, Any],
        *,
        name: str,
        wrap_result: bool = True,
    ) -> Any:
        """Call an engine function with the program's arguments; the result, wrapped."""
        raw_args = [self.unwrap(a) for a in args]
        raw_kwargs = {k: self.unwrap(v) for k, v in kwargs.items()}
        estimator = ESTIMATORS.get(name) or CONSTRUCTOR_COSTS.get(name)
        if estimator is not None:
            estimator(self.budget, raw_args, raw_kwargs)
        with self._observing(name):
            result = function(*raw_args, **raw_kwargs)
        return self.wrap(result) if wrap_result else result

    def call_object(self, target: Any, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """`target.<name>(*args, **kwargs)` for an engine object's public method (or a module
        call, `__call__`): the program's functions passed in become callbacks, every module
        call inside is costed before it runs, and the result is wrapped."""
        raw_args = [self._unwrap(a, 0, {}, callbacks=True) for a in args]
        raw_kwargs = {k: self._unwrap(v, 0, {}, callbacks=True) for k, v in kwargs.items()}
        method = target if name == "__call__" else getattr(target, name)
        with observe_modules(self.layer_costs), self._observing(name):
            result = method(*raw_args, **raw_kwargs)
        return self.wrap(result)

    def call_method(
        self, tensor: Tensor, name: str, args: list[Any], kwargs: dict[str, Any]
    ) -> Any:
        """`tensor.<name>(*args, **kwargs)` for an allow-listed method name."""
        method = getattr(tensor, name)
        raw_args = [self.unwrap(a) for a in args]
        raw_kwargs = {k: self.unwrap(v) for k, v in kwargs.items()}
        estimator = ESTIMATORS.get(name)
        if estimator is not None:
            estimator(self.budget, [tensor, *raw_args], raw_kwargs)
        if name == "tolist":
            self.budget.check_tolist(tuple(tensor.shape))
        with self._observing("backward" if name == "backward" else ""):
            result = method(*raw_args, **raw_kwargs)
        if name in ("tolist", "item"):
            return result  # plain numbers and lists of numbers
        return self.wrap(result)

    def _observing(self, name: str) -> AbstractContextManager[Any]:
        if self.trace is None or name not in ("backward", "grad"):
            return nullcontext()
        kind: BackwardKind = "backward" if name == "backward" else "autograd.grad"
        return observe(self.trace.observer_for(self._line(), kind))

    # façades ---------------------------------------------------------------------------------

    def wrap(self, value: Any, depth: int = 0) -> Any:
        """The program's view of an engine result."""
        if value is None or isinstance(value, bool | int | float | str | Size):
            return value
        if isinstance(value, Tensor):
            return self.wrap_tensor(value)
        if isinstance(value, Node):
            return self.wrap_node(value)
        if isinstance(value, dtype):
            return self.wrap_dtype(value)
        if isinstance(value, GRAD_MODE_TYPES):
            return GradModeFacade(value)
        if isinstance(value, ENGINE_OBJECTS) or hasattr(type(value), "_sandbox_facade"):
            return self.wrap_object(value)
        if isinstance(value, types.GeneratorType):
            return self._wrap_generator(value)
        if type(value) is OrderedDict and depth < _WRAP_DEPTH:
            return OrderedDict((k, self.wrap(v, depth + 1)) for k, v in value.items())
        if isinstance(value, np.generic):
            return value.item()
        if isinstance(value, np.ndarray):
            return value.tolist()
        if depth < _WRAP_DEPTH:
            fields = _named_fields(value)
            if fields:
                items = tuple(self.wrap(v, depth + 1) for v in value)
                return ReturnTuple(type(value).__name__, fields, items)
            if type(value) is tuple:
                return tuple(self.wrap(v, depth + 1) for v in value)
            if isinstance(value, list):
                return [self.wrap(v, depth + 1) for v in value]
            if isinstance(value, dict):
                # keys too: an optimizer's state is keyed by its parameters
                return {self.wrap(k, depth + 1): self.wrap(v, depth + 1) for k, v in value.items()}
        elif isinstance(value, list | tuple | dict):
            return value
        return EngineValue(value)

    def wrap_tensor(self, tensor: Tensor) -> TensorFacade:
        key = id(tensor)
        facade = self._tensors.get(key)
        if facade is not None and facade.tensor is tensor:
            return facade
        self.budget.check_elements(0)  # the live total may have been passed by views
        numel = tensor.numel()
        if numel > self.budget.settings.max_tensor_elements:
            self.budget.check_elements(numel)
        facade = TensorFacade(tensor, self.budget)
        self._tensors[key] = facade
        self._count_recorded(tensor)
        self._register(tensor)
        return facade

    def _register(self, tensor: Tensor) -> None:
        if self.trace is None:
            return
        ref = self._registered.get(id(tensor))
        if ref is not None and ref() is tensor:
            return
        self._registered[id(tensor)] = weakref.ref(tensor)
        self.trace.register(tensor)

    def _count_recorded(self, tensor: Tensor) -> None:
        # Nodes are numbered in creation order, so the span of numbers seen is how many nodes
        # this program recorded (the counter is per process; the first one seen is the base).
        node = tensor.grad_fn
        if node is None or node.sequence_nr == sys.maxsize:
            return
        number = node.sequence_nr
        if self._first_sequence is None:
            self._first_sequence = number
        if number > self._last_sequence:
            self._last_sequence = number
            self.budget.check_recorded(number - self._first_sequence + 1)

    def wrap_object(self, value: Any) -> ObjectFacade:
        facade = self._objects.get(id(value))
        if facade is None or facade.target is not value:
            facade = facade_for(value, self)
            self._objects[id(value)] = facade
        return facade

    def _wrap_generator(self, generator: Any) -> GeneratorFacade:
        """An engine generator, taken whole now (each item counted like a loop iteration)."""
        text = generator_text(generator)
        items = []
        for item in generator:
            self.budget.tick()
            items.append(self.wrap(item))
        return GeneratorFacade(items, text)

    def wrap_node(self, node: Node) -> NodeFacade:
        facade = self._nodes.get(id(node))
        if facade is None or facade.node is not node:
            facade = NodeFacade(node)
            self._nodes[id(node)] = facade
        return facade

    def wrap_dtype(self, value: dtype) -> DtypeFacade:
        facade = self._dtypes.get(id(value))
        if facade is None:
            facade = self._dtypes[id(value)] = DtypeFacade(value)
        return facade

    def unwrap(self, value: Any) -> Any:
        """The engine's view of a program value (façades replaced by what they wrap)."""
        return self._unwrap(value, 0, {})

    def callback(self, function: Any) -> Callable[..., Any]:
        """A Python callable the engine can call that runs the program's `function` (its
        arguments wrapped, its result unwrapped), within the program's budget."""
        invoke = self.invoke
        if invoke is None:
            raise TypeError("a function cannot be passed to a torch function here")

        def call_back(*args: Any, **kwargs: Any) -> Any:
            wrapped = [self.wrap(a) for a in args]
            result = invoke(function, wrapped, {k: self.wrap(v) for k, v in kwargs.items()})
            return self._unwrap(result, 0, {}, callbacks=True)

        return call_back

    def _unwrap(self, value: Any, depth: int, memo: dict[int, Any], callbacks: bool = False) -> Any:
        if isinstance(value, TensorFacade):
            return value.tensor
        if isinstance(value, ObjectFacade):
            return value.target
        if isinstance(value, GeneratorFacade):
            return iter([self._unwrap(v, depth + 1, memo, callbacks) for v in value.take()])
        if callbacks and isinstance(value, _CALLABLES):
            return self.callback(value)
        if isinstance(value, DtypeFacade):
            return value.dtype
        if isinstance(value, NodeFacade):
            return value.node
        if isinstance(value, GradModeFacade):
            return value.manager
        if isinstance(value, InterpreterFunction | BuiltinFunction | ClassValue | ModuleValue):
            raise TypeError(f"a {_kind(value)} cannot be passed to a torch function here")
        kind = type(value)
        if depth >= _UNWRAP_DEPTH or kind not in (list, tuple, dict, ReturnTuple, OrderedDict):
            return value
        # Containers are converted once each (`[row] * 10**5` shares one row), and only when
        # they hold something to convert, so plain number lists pass through uncopied.
        key = id(value)
        if key in memo:
            return memo[key]
        mapping = kind is dict or kind is OrderedDict
        items = list(value.values()) if mapping else value
        if not any(isinstance(v, _CONVERTED) for v in items):
            memo[key] = value
            return value
        if mapping:
            result: Any = kind(
                (k, self._unwrap(v, depth + 1, memo, callbacks)) for k, v in value.items()
            )
        elif kind is list:
            result = [self._unwrap(v, depth + 1, memo, callbacks) for v in value]
        else:
            result = tuple(self._unwrap(v, depth + 1, memo, callbacks) for v in value)
        memo[key] = result
        return result

    def live_tensors(self) -> Iterator[tuple[int, TensorFacade]]:
        return iter(list(self._tensors.items()))


def _named_fields(value: object) -> tuple[str, ...]:
    """The field names of a named result tuple (`torch.return_types.max`), else ()."""
    cls = type(value)
    if not isinstance(value, tuple) or cls is tuple or isinstance(value, Size):
        return ()
    if cls.__module__ != "torch.return_types":
        return ()  # other named tuples (load_state_dict's result) keep their own repr
    fields = getattr(cls, "_fields", None)
    if fields is None and all(hasattr(cls, name) for name in ("values", "indices")):
        fields = ("values", "indices")
    return tuple(fields or ())


def _kind(value: object) -> str:
    if isinstance(value, ClassValue):
        return "class"
    if isinstance(value, ModuleValue):
        return "module"
    return "function"
