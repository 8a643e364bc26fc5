"""The importable modules (`torch`, `torch.autograd`, `torch.nn`, `torch.nn.functional`,
`torch.nn.init`, `torch.optim`, `math`) and the torch classes a program can name, each built
over the allow-lists for one program run.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Final

import engine
from app.interpreter.bridge import GRAD_MODE_TYPES, Bridge
from app.interpreter.facades import (
    DtypeFacade,
    EngineValue,
    GradModeFacade,
    NodeFacade,
    ReturnTuple,
    TensorFacade,
)
from app.interpreter.limits import Budget
from app.interpreter.objects import ObjectFacade
from app.interpreter.torch_api import (
    AUTOGRAD_FUNCTIONS,
    DATA_NAMES,
    FUNCTIONAL_FUNCTIONS,
    INIT_FUNCTIONS,
    MATH_CONSTANTS,
    MATH_FUNCTIONS,
    NN_CLASSES,
    OPTIM_CLASSES,
    SCHEDULER_CLASSES,
    TORCH_FUNCTIONS,
)
from app.interpreter.values import BuiltinFunction, ClassValue, ModuleValue
from engine import autograd as engine_autograd
from engine import nn as engine_nn
from engine import optim as engine_optim
from engine.nn import functional as engine_functional
from engine.nn import init as engine_init
from engine.nn.parameter import Parameter
from engine.size import Size
from engine.utils import data as engine_data

_MISSING: Final = object()


class Namespace:
    """The modules and classes of one program run, created on first use and then reused."""

    def __init__(self, bridge: Bridge, iterate: Callable[[Any], list[Any]]) -> None:
        self.bridge = bridge
        self._iterate = iterate
        self._cache: dict[tuple[str, str], Any] = {}
        self.tensor_class = ClassValue(
            "torch.Tensor",
            lambda a, k: bridge.call(engine.Tensor, a, k, name="Tensor"),
            lambda v: isinstance(v, TensorFacade),
        )
        self.size_class = ClassValue("torch.Size", self._make_size, lambda v: isinstance(v, Size))
        self.dtype_class = ClassValue("torch.dtype", None, lambda v: isinstance(v, DtypeFacade))
        self.modules: dict[str, ModuleValue] = {
            "torch": ModuleValue("torch", self._torch),
            "torch.autograd": ModuleValue("torch.autograd", self._autograd),
            "torch.nn": ModuleValue("torch.nn", self._nn),
            "torch.nn.functional": ModuleValue("torch.nn.functional", self._functional),
            "torch.nn.init": ModuleValue("torch.nn.init", self._init),
            "torch.optim": ModuleValue("torch.optim", self._optim),
            "torch.optim.lr_scheduler": ModuleValue("torch.optim.lr_scheduler", self._scheduler),
            "torch.utils": ModuleValue("torch.utils", self._utils),
            "torch.utils.data": ModuleValue("torch.utils.data", self._data),
            "math": ModuleValue("math", self._math),
        }

    # modules ---------------------------------------------------------------------------------

    def _cached(self, module: str, name: str, make: Callable[[], Any]) -> Any:
        key = (module, name)
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def _torch(self, name: str) -> Any:
        if name == "autograd":
            return self.modules["torch.autograd"]
        if name == "nn":
            return self.modules["torch.nn"]
        if name == "optim":
            return self.modules["torch.optim"]
        if name == "utils":
            return self.modules["torch.utils"]
        obj = getattr(engine, name, _MISSING) if name in TORCH_FUNCTIONS else _MISSING
        if obj is _MISSING:
            raise AttributeError(f"module 'torch' has no attribute '{name}'")
        return self._cached("torch", name, lambda: self._value(name, obj, "torch"))

    def _autograd(self, name: str) -> Any:
        obj = getattr(engine_autograd, name, _MISSING) if name in AUTOGRAD_FUNCTIONS else _MISSING
        if obj is _MISSING:
            raise AttributeError(f"module 'torch.autograd' has no attribute '{name}'")
        return self._cached("torch.autograd", name, lambda: self._value(name, obj, "autograd"))

    def _nn(self, name: str) -> Any:
        if name == "functional":
            return self.modules["torch.nn.functional"]
        if name == "init":
            return self.modules["torch.nn.init"]
        if name not in NN_CLASSES:
            raise AttributeError(f"module 'torch.nn' has no attribute '{name}'")
        cls = getattr(engine_nn, name)
        return self._cached("torch.nn", name, lambda: self.engine_class(name, cls))

    def _init(self, name: str) -> Any:
        if name not in INIT_FUNCTIONS:
            raise AttributeError(f"module 'torch.nn.init' has no attribute '{name}'")
        obj = getattr(engine_init, name)
        text = f"<function {name} at {id(obj):#x}>"
        return self._cached("torch.nn.init", name, lambda: self._function(name, obj, text))

    def _utils(self, name: str) -> Any:
        if name != "data":
            raise AttributeError(f"module 'torch.utils' has no attribute '{name}'")
        return self.modules["torch.utils.data"]

    def _data(self, name: str) -> Any:
        if name not in DATA_NAMES:
            raise AttributeError(f"module 'torch.utils.data' has no attribute '{name}'")
        obj = getattr(engine_data, name)
        if isinstance(obj, type):
            return self._cached("torch.utils.data", name, lambda: self.engine_class(name, obj))
        text = f"<function {name} at {id(obj):#x}>"
        return self._cached("torch.utils.data", name, lambda: self._function(name, obj, text))

    def _scheduler(self, name: str) -> Any:
        if name not in SCHEDULER_CLASSES:
            raise AttributeError(f"module 'torch.optim.lr_scheduler' has no attribute '{name}'")
        cls = getattr(engine_optim.lr_scheduler, name)
        return self._cached("lr_scheduler", name, lambda: self.engine_class(name, cls))

    def _optim(self, name: str) -> Any:
        if name == "lr_scheduler":
            return self.modules["torch.optim.lr_scheduler"]
        if name not in OPTIM_CLASSES:
            raise AttributeError(f"module 'torch.optim' has no attribute '{name}'")
        cls = getattr(engine_optim, name)
        return self._cached("torch.optim", name, lambda: self.engine_class(name, cls))

    def engine_class(self, name: str, cls: type) -> ClassValue:
        """An nn/optim class: constructing it gives a façade (a tensor for `nn.Parameter`)."""
        bridge = self.bridge

        def construct(args: list[Any], kwargs: dict[str, Any]) -> Any:
            return bridge.call(cls, args, kwargs, name=name)

        if cls is Parameter:

            def check(value: Any) -> bool:
                return isinstance(value, TensorFacade) and isinstance(value.tensor, cls)

        else:

            def check(value: Any) -> bool:
                return isinstance(value, ObjectFacade) and isinstance(value.target, cls)

        qualname = f"{cls.__module__}.{cls.__qualname__}"
        return ClassValue(qualname, construct, check, engine_class=cls)

    def _functional(self, name: str) -> Any:
        obj = (
            getattr(engine_functional, name, _MISSING) if name in FUNCTIONAL_FUNCTIONS else _MISSING
        )
        if obj is _MISSING or not callable(obj):
            raise AttributeError(f"module 'torch.nn.functional' has no attribute '{name}'")
        return self._cached(
            "F", name, lambda: self._function(name, obj, f"<function {name} at {id(obj):#x}>")
        )

    def _math(self, name: str) -> Any:
        if name in MATH_CONSTANTS:
            return getattr(math, name)
        if name not in MATH_FUNCTIONS:
            raise AttributeError(f"module 'math' has no attribute '{name}'")
        return self._cached("math", name, lambda: self._math_function(name))

    # values ----------------------------------------------------------------------------------

    def _value(self, name: str, obj: Any, where: str) -> Any:
        if obj is engine.Tensor:
            return self.tensor_class
        if obj is Size:
            return self.size_class
        if obj is engine.dtype:
            return self.dtype_class
        if isinstance(obj, type):
            return self._class(name, obj)
        if callable(obj):
            text = f"<built-in method {name} of type object at {id(obj):#x}>"
            if where == "autograd":
                text = f"<function {name} at {id(obj):#x}>"
            return self._function(name, obj, text)
        return self.bridge.wrap(obj)

    def _function(self, name: str, obj: Callable[..., Any], text: str) -> BuiltinFunction:
        bridge = self.bridge
        return BuiltinFunction(name, lambda a, k: bridge.call(obj, a, k, name=name), text)

    def _class(self, name: str, cls: type) -> ClassValue:
        """Engine classes: grad-mode managers, legacy `FloatTensor`s, `Variable`."""
        bridge = self.bridge

        def construct(args: list[Any], kwargs: dict[str, Any]) -> Any:
            return bridge.call(cls, args, kwargs, name=name)

        if cls in GRAD_MODE_TYPES:
            return ClassValue(
                f"torch.autograd.grad_mode.{name}",
                construct,
                lambda v: isinstance(v, GradModeFacade) and isinstance(v.manager, cls),
            )
        qualname = (
            repr(cls)[len("<class '") : -len("'>")]
            if repr(cls).startswith("<class '")
            else f"torch.{name}"
        )
        if qualname.startswith("engine."):
            qualname = f"torch.{name}"
        return ClassValue(
            qualname,
            construct,
            lambda v: isinstance(v, TensorFacade) and isinstance(v.tensor, cls),
        )

    def _make_size(self, args: list[Any], kwargs: dict[str, Any]) -> Size:
        if kwargs or len(args) > 1:
            raise TypeError("Size() takes at most 1 argument")
        items = self._iterate(args[0]) if args else []
        if not all(isinstance(i, int) for i in items):
            raise TypeError("torch.Size() takes an iterable of 'int'")
        return Size(items)

    def _math_function(self, name: str) -> BuiltinFunction:
        function = getattr(math, name)
        bridge, iterate = self.bridge, self._iterate
        budget: Budget = bridge.budget

        def call(args: list[Any], kwargs: dict[str, Any]) -> Any:
            raw = [bridge.unwrap(a) for a in args]
            if name in ("fsum", "prod") and raw:
                raw[0] = [bridge.unwrap(v) for v in iterate(args[0])]
            if name == "prod" and raw:
                # the product's size before multiplying: math.prod(range(1, 100000)) is a
                # 1.5-million-bit integer built by ever slower multiplications inside C
                start = kwargs.get("start", 1)
                factors = [*raw[0], start]
                if all(isinstance(f, int) for f in factors):
                    budget.check_int_bits(sum(abs(f).bit_length() for f in factors))
            if name == "factorial" and raw and isinstance(raw[0], int) and raw[0] > 0:
                budget.check_int_bits(int(raw[0] * math.log2(max(raw[0], 2))))
            result = function(*raw, **kwargs)
            if isinstance(result, int):
                budget.check_int(result)
            return bridge.wrap(result)

        return BuiltinFunction(name, call)

    # type() ----------------------------------------------------------------------------------

    def class_of_facade(self, value: Any) -> ClassValue | None:
        """The class `type(x)` shows for a façade, or None if `value` is not one."""
        if isinstance(value, TensorFacade):
            if isinstance(value.tensor, Parameter):
                parameter: ClassValue = self._nn("Parameter")
                return parameter
            return self.tensor_class
        if isinstance(value, ObjectFacade):
            cls = type(value.target)
            program_class = getattr(cls, "_sandbox_class", None)  # an instance of `class Net`
            if isinstance(program_class, ClassValue):
                return program_class
            if cls.__name__ in NN_CLASSES and getattr(engine_nn, cls.__name__) is cls:
                found: ClassValue = self._nn(cls.__name__)
                return found
            if cls.__name__ in OPTIM_CLASSES and getattr(engine_optim, cls.__name__) is cls:
                found = self._optim(cls.__name__)
                return found
            if cls.__name__ in SCHEDULER_CLASSES:
                found = self._scheduler(cls.__name__)
                return found
            if cls.__name__ in DATA_NAMES and getattr(engine_data, cls.__name__) is cls:
                found = self._data(cls.__name__)
                return found
            qualname = f"{cls.__module__}.{cls.__qualname__}"
            return ClassValue(
                qualname, None, lambda v: isinstance(v, ObjectFacade) and type(v.target) is cls
            )
        if isinstance(value, DtypeFacade):
            return self.dtype_class
        if isinstance(value, NodeFacade):
            name = type(value.node).__name__
            return ClassValue(
                name, None, lambda v: isinstance(v, NodeFacade) and v.display_type() == name
            )
        if isinstance(value, GradModeFacade):
            resolved = self._torch(value.display_type())
            return resolved if isinstance(resolved, ClassValue) else None
        if isinstance(value, Size):
            return self.size_class
        if type(value) is OrderedDict:  # a state_dict()
            return ClassValue("collections.OrderedDict", None, lambda v: isinstance(v, OrderedDict))
        if isinstance(value, ReturnTuple):
            kind = value.kind
            return ClassValue(
                f"torch.return_types.{kind}",
                None,
                lambda v: isinstance(v, ReturnTuple) and v.kind == kind,
            )
        if isinstance(value, EngineValue):
            label = value.qualname
            return ClassValue(
                label, None, lambda v: isinstance(v, EngineValue) and v.qualname == label
            )
        return None
