"""`class` statements: the program's classes and their instances as sandbox values.

A program class is a `ProgramClass` value. Behind it the interpreter realises a plain Python
class (never reachable from the program) so that engine code can use instances as it uses
torch's: `nn.Module.__call__` runs the program's `forward`, a `DataLoader` indexes a program
`Dataset`, `repr(model)` prints torch's tree. The realised class only forwards the dunder
methods the program defined to the interpreter, which runs them within the program's budget.
The program holds instances through façades (`ProgramInstance`, `ProgramModule`): attributes
are the program's own (kept as sandbox values), its class's members, and — for an engine base —
what the engine façade allows (parameters, submodules, `parameters()`, `state_dict()` …).
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from app.interpreter.facades import TensorFacade
from app.interpreter.objects import ModuleFacade, ObjectBridge, ObjectFacade, public_methods
from app.interpreter.values import (
    BuiltinFunction,
    ClassValue,
    Frame,
    InterpreterFunction,
    Opaque,
    type_name,
)
from engine.nn.module import Module
from engine.nn.parameter import Parameter

if TYPE_CHECKING:
    from app.interpreter.evaluator import Evaluator

# Dunder methods a class body may define, and which of them engine code calls through the
# realised class. Anything else (`__eq__`, `__hash__`, `__getattr__`, `__del__` …) is refused
# by the policy, so no program code ever runs from inside a dict operation or the collector.
ALLOWED_DUNDERS: Final = frozenset(
    {"__init__", "__repr__", "__str__", "__len__", "__getitem__", "__call__"}
)
_ENGINE_CALLED: Final = ("forward", "extra_repr", "__repr__", "__str__", "__len__", "__getitem__")
_STATE: Final = "_sandbox_attributes"  # the instance's own attributes, as sandbox values
_MISSING: Final = object()
MAX_BASES: Final = 8
MAX_MRO: Final = 32


class ProgramClass(ClassValue):
    """A class the program defined (`<class '__main__.Net'>`)."""

    __slots__ = ("bases", "members", "name", "realised", "runtime")

    def __init__(
        self,
        name: str,
        bases: tuple[ClassValue, ...],
        members: dict[str, Any],
        runtime: ClassRuntime,
    ) -> None:
        self.name = name
        self.bases = bases
        self.members = members
        self.runtime = runtime
        self.realised = runtime.realise(self)
        realised = self.realised

        def check(value: Any) -> bool:
            return isinstance(value, ObjectFacade) and isinstance(value.target, realised)

        super().__init__(f"__main__.{name}", self._construct, check, engine_class=realised)

    def mro(self) -> list[ClassValue]:
        """The program classes and engine classes in Python's method resolution order."""
        order: list[ClassValue] = []
        for cls in self.realised.__mro__:
            program = cls.__dict__.get("_sandbox_class")
            if program is not None:
                order.append(program)
            elif cls is not object:
                order.append(_engine_value(cls))
        return order

    def lookup(self, name: str) -> Any:
        """A member defined in this class or a program base (engine members are not here)."""
        for cls in self.mro():
            if isinstance(cls, ProgramClass) and name in cls.members:
                return cls.members[name]
        return _MISSING

    def _construct(self, args: list[Any], kwargs: dict[str, Any]) -> Any:
        return self.runtime.construct(self, args, kwargs)

    def get_attribute(self, name: str) -> Any:
        found = self.lookup(name)
        if found is not _MISSING:
            return self.runtime.class_member(self, found)
        engine = _engine_base(self.realised)
        if engine is not None and name == "apply" and hasattr(engine, "apply"):
            return self.runtime.engine_class_attribute(self, name)
        raise AttributeError(f"type object '{self.name}' has no attribute '{name}'")

    def set_attribute(self, name: str, value: Any) -> None:
        self.members[name] = value


class StaticMethod(Opaque):
    """`@staticmethod`: the function, called without an instance."""

    __slots__ = ("function",)

    def __init__(self, function: Any) -> None:
        self.function = function

    def __repr__(self) -> str:
        return f"<staticmethod({self.function!r})>"

    def display_type(self) -> str:
        return "staticmethod"


class ClassMethod(StaticMethod):
    """`@classmethod`: the function, called with the class first."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<classmethod({self.function!r})>"

    def display_type(self) -> str:
        return "classmethod"


class Property(StaticMethod):
    """`@property`: the getter runs on attribute access."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<property object at {id(self):#x}>"

    def display_type(self) -> str:
        return "property"


class BoundMethod(BuiltinFunction):
    """`obj.method`: the program's function with its instance (`<bound method Net.forward …>`)."""

    __slots__ = ("instance",)

    def __init__(self, name: str, call: Any, instance: Any) -> None:
        super().__init__(name, call)
        self.instance = instance

    def __repr__(self) -> str:  # made when printed: it may run the program's __repr__
        return f"<bound method {self.name} of {_short(self.instance)}>"

    def display_type(self) -> str:
        return "method"


class SuperProxy(Opaque):
    """`super()` / `super(Net, self)`: members of the classes after `start` in the MRO."""

    __slots__ = ("instance", "runtime", "start")

    def __init__(self, runtime: ClassRuntime, start: ProgramClass, instance: Any) -> None:
        self.runtime = runtime
        self.start = start
        self.instance = instance

    def __repr__(self) -> str:
        return f"<super: <class '{self.start.name}'>, <{type_name(self.instance)} object>>"

    def display_type(self) -> str:
        return "super"

    def get_attribute(self, name: str) -> Any:
        owner = self.runtime.owner_class(self.instance)
        order = owner.mro() if owner is not None else []
        after = order[order.index(self.start) + 1 :] if self.start in order else []
        for cls in after:
            if isinstance(cls, ProgramClass):
                if name in cls.members:
                    return self.runtime.bind(cls.members[name], self.instance, cls)
            else:
                return self.runtime.engine_member(cls, name, self.instance)
        if name == "__init__":  # object.__init__
            return BuiltinFunction("__init__", lambda args, kwargs: None)
        raise AttributeError(f"'super' object has no attribute '{name}'")


class _InstanceMembers:
    """What program instances share: own attributes first, then the class's members."""

    target: Any
    bridge: ObjectBridge

    def own(self) -> dict[str, Any]:
        state: dict[str, Any] = self.target.__dict__.setdefault(_STATE, {})
        return state

    def program_class(self) -> ProgramClass:
        found: ProgramClass = type(self.target)._sandbox_class
        return found

    def program_member(self, name: str) -> Any:
        own = self.own()
        if name in own:
            return own[name]
        cls = self.program_class()
        found = cls.lookup(name)
        if found is _MISSING:
            return _MISSING
        return cls.runtime.bind(found, self, cls)

    def run_dunder(self, name: str, args: list[Any]) -> Any:
        cls = self.program_class()
        found = cls.lookup(name)
        if found is _MISSING:
            return _MISSING
        evaluator = cls.runtime.evaluator
        line = evaluator.line
        result = cls.runtime.call(cls.runtime.bind(found, self, cls), args, {})
        evaluator.line = line  # a bad result is the caller's error, as in Python
        return result


class ProgramInstance(_InstanceMembers, ObjectFacade):
    """An instance of a plain program class (or of a program `Dataset`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(self.target)

    def __str__(self) -> str:
        return str(self.target)

    def display_type(self) -> str:
        return self.program_class().name

    def get_attribute(self, name: str) -> Any:
        found = self.program_member(name)
        if found is not _MISSING:
            return found
        if name in public_methods(type(self.target)):
            return super().get_attribute(name)
        raise AttributeError(f"'{self.display_type()}' object has no attribute '{name}'")

    def set_attribute(self, name: str, value: Any) -> None:
        self.own()[name] = value

    def call(self, args: list[Any], kwargs: dict[str, Any]) -> Any:
        cls = self.program_class()
        found = cls.lookup("__call__")
        if found is _MISSING:
            raise TypeError(f"'{self.display_type()}' object is not callable")
        return cls.runtime.call(cls.runtime.bind(found, self, cls), args, kwargs)

    def length(self) -> int:
        result = self.run_dunder("__len__", [])
        if result is _MISSING:
            return super().length()
        return _length_result(result)

    def get_item(self, index: Any) -> Any:
        result = self.run_dunder("__getitem__", [index])
        if result is _MISSING:
            return super().get_item(index)
        return result


class ProgramModule(_InstanceMembers, ModuleFacade):
    """An instance of a program `nn.Module` subclass: assignment registers parameters and
    submodules exactly as `Module.__setattr__` does; other values stay the program's own."""

    __slots__ = ()

    def __init__(self, target: Module, bridge: ObjectBridge) -> None:
        if "_modules" in target.__dict__:
            super().__init__(target, bridge)
        else:  # made before `super().__init__()` ran: nothing registered yet
            ObjectFacade.__init__(self, target, bridge)
            self.elements = 0

    def display_type(self) -> str:
        return self.program_class().name

    def get_attribute(self, name: str) -> Any:
        found = self.program_member(name)
        if found is not _MISSING:
            return found
        if "_modules" not in self.target.__dict__:
            raise AttributeError(f"'{self.display_type()}' object has no attribute '{name}'")
        return super().get_attribute(name)

    def set_attribute(self, name: str, value: Any) -> None:
        raw = self.bridge.unwrap(value) if isinstance(value, TensorFacade | ObjectFacade) else None
        state = self.target.__dict__
        stores = ("_parameters", "_modules", "_buffers")
        registered = any(name in (state.get(store) or ()) for store in stores)
        if isinstance(raw, Parameter | Module) or registered:
            # the engine registers it (or raises torch's TypeError for a wrong type)
            setattr(self.target, name, raw if raw is not None else _plain(value))
            self.own().pop(name, None)
            return
        self.own()[name] = value

    def get_item(self, index: Any) -> Any:
        result = self.run_dunder("__getitem__", [index])
        if result is _MISSING:
            return super().get_item(index)
        return result

    def length(self) -> int:
        result = self.run_dunder("__len__", [])
        if result is _MISSING:
            return super().length()
        return _length_result(result)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return _Unassignable(type_name(value))


class _Unassignable:
    """Stands in for a sandbox value assigned over a registered member: the engine's TypeError
    names its type (`cannot assign 'int' as parameter 'weight'`)."""

    def __init__(self, name: str) -> None:
        self.name = name


def _length_result(result: Any) -> int:
    if isinstance(result, bool) or not isinstance(result, int):
        raise TypeError(f"'{type_name(result)}' object cannot be interpreted as an integer")
    if result < 0:
        raise ValueError("__len__() should return >= 0")
    return result


def _engine_base(realised: type) -> type | None:
    for cls in realised.__mro__:
        if "_sandbox_class" not in cls.__dict__ and cls is not object:
            return cls
    return None


class ClassRuntime:
    """Builds and runs one program's classes (it holds the evaluator to run their methods)."""

    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator

    @property
    def bridge(self) -> Any:
        return self.evaluator.bridge

    def call(self, function: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        return self.evaluator.call(function, args, kwargs)

    # defining ----------------------------------------------------------------------------

    def define(self, node: ast.ClassDef) -> ProgramClass:
        evaluator = self.evaluator
        bases: list[ClassValue] = []
        for expression in node.bases:
            base = evaluator.evaluate(expression)
            evaluator.line = node.lineno
            if not isinstance(base, ClassValue) or not _subclassable(base):
                raise TypeError(_base_error(base))
            bases.append(base)
        if len(bases) > MAX_BASES:
            raise TypeError(f"a class may have at most {MAX_BASES} bases here")
        outer = evaluator.frame
        body = Frame({}, None, outer)
        evaluator.frame = body
        evaluator.function_depth += 1  # a class body echoes nothing, as in Python
        try:
            evaluator.execute_block(node.body)
        finally:
            evaluator.frame = outer
            evaluator.function_depth -= 1
        members = body.names
        evaluator.line = node.lineno  # errors making the class belong to its `class` line
        cls = ProgramClass(node.name, tuple(bases), members, self)
        for value in members.values():
            function = value.function if isinstance(value, StaticMethod) else value
            if isinstance(function, InterpreterFunction) and function.closure is body:
                # methods see the module scope, not the class body (as in Python), plus the
                # hidden `__class__` cell that `super()` reads
                function.closure = Frame({"__class__": cls}, None, outer)
                function.name = f"{node.name}.{function.name}"  # Python's qualified name
        return cls

    def realise(self, cls: ProgramClass) -> type:
        """The Python class behind a program class: engine bases first, then `object`."""
        python_bases: list[type] = []
        for base in cls.bases:
            if base.engine_class is None:  # `object`
                continue
            python_bases.append(base.engine_class)
        namespace: dict[str, Any] = {
            "__module__": "__main__",
            "__qualname__": cls.name,
            "_sandbox_class": cls,
            "_sandbox_facade": (
                ProgramModule
                if any(issubclass(b, Module) for b in python_bases)
                else ProgramInstance
            ),
        }
        for name in _ENGINE_CALLED:
            if name in cls.members or any(
                isinstance(b, ProgramClass) and b.lookup(name) is not _MISSING for b in cls.bases
            ):
                namespace[name] = _dispatcher(self, name)
        try:
            realised = type(cls.name, tuple(python_bases) or (object,), namespace)
        except TypeError as error:
            raise TypeError(str(error)) from None
        if len(realised.__mro__) > MAX_MRO:
            raise TypeError(f"a class may have at most {MAX_MRO} classes in its hierarchy here")
        return realised

    # instances ---------------------------------------------------------------------------

    def construct(self, cls: ProgramClass, args: list[Any], kwargs: dict[str, Any]) -> Any:
        realised = cls.realised
        instance: Any = object.__new__(realised)
        facade = self.facade(instance)
        init = cls.lookup("__init__")
        if init is not _MISSING:
            line = self.evaluator.line
            result = self.call(self.bind(init, facade, cls), args, kwargs)
            self.evaluator.line = line  # Python's TypeError belongs to the call
            if result is not None:
                raise TypeError(f"__init__() should return None, not '{type_name(result)}'")
        else:
            engine = _engine_base(realised)
            if engine is not None:
                self.engine_member(_engine_value(engine), "__init__", facade).call(args, kwargs)
            elif args or kwargs:
                raise TypeError(f"{cls.name}() takes no arguments")
        return facade

    def facade(self, instance: Any) -> ObjectFacade:
        wrapped: ObjectFacade = self.bridge.wrap_object(instance)
        return wrapped

    def owner_class(self, instance: Any) -> ProgramClass | None:
        if isinstance(instance, ObjectFacade):
            found = type(instance.target).__dict__.get("_sandbox_class")
            if found is None:
                for klass in type(instance.target).__mro__:
                    found = klass.__dict__.get("_sandbox_class")
                    if found is not None:
                        break
            return found
        return None

    # members -----------------------------------------------------------------------------

    def bind(self, member: Any, instance: Any, cls: ProgramClass) -> Any:
        """A member as read from an instance: functions bind, properties run."""
        if isinstance(member, Property):
            return self.call(member.function, [instance], {})
        if isinstance(member, ClassMethod):
            return self._bound(member.function, self.owner_class(instance) or cls, cls)
        if isinstance(member, StaticMethod):
            return member.function
        if isinstance(member, InterpreterFunction):
            return self._bound(member, instance, cls)
        return member

    def class_member(self, cls: ProgramClass, member: Any) -> Any:
        """A member as read from the class: plain functions stay functions."""
        if isinstance(member, ClassMethod):
            return self._bound(member.function, cls, cls)
        if isinstance(member, StaticMethod) and not isinstance(member, Property):
            return member.function
        return member

    def _bound(self, function: Any, instance: Any, cls: ProgramClass) -> BoundMethod:
        def call(args: list[Any], kwargs: dict[str, Any]) -> Any:
            return self.call(function, [instance, *args], kwargs)

        return BoundMethod(getattr(function, "name", "function"), call, instance)

    def engine_member(self, cls: ClassValue, name: str, instance: Any) -> BuiltinFunction:
        """`super().<name>` resolving to an engine class: `__init__` or a public method."""
        engine = cls.engine_class
        if engine is None or (name != "__init__" and name not in public_methods(engine)):
            raise AttributeError(f"'super' object has no attribute '{name}'")
        method = getattr(engine, name)
        bridge = self.bridge

        # `super().__init__(3, 2)` of an nn.Linear subclass is costed as `nn.Linear(3, 2)`
        cost_name = engine.__name__ if name == "__init__" else name

        def call(args: list[Any], kwargs: dict[str, Any]) -> Any:
            target = instance.target if isinstance(instance, ObjectFacade) else instance
            return bridge.call(functools.partial(method, target), args, kwargs, name=cost_name)

        return BuiltinFunction(name, call, f"<method-wrapper '{name}' of {type_name(instance)}>")

    def engine_class_attribute(self, cls: ProgramClass, name: str) -> Any:
        raise AttributeError(f"type object '{cls.name}' has no attribute '{name}'")

    # super() -----------------------------------------------------------------------------

    def make_super(self, args: list[Any], kwargs: dict[str, Any]) -> SuperProxy:
        if kwargs:
            raise TypeError("super() takes no keyword arguments")
        if len(args) == 2:
            start, instance = args
            if not isinstance(start, ProgramClass):
                raise TypeError(f"super() argument 1 must be a type, not {type_name(start)}")
            if not start.instance_check(instance):
                raise TypeError("super(type, obj): obj must be an instance or subtype of type")
            return SuperProxy(self, start, instance)
        if args:
            raise TypeError(f"super() takes 0 or 2 arguments here ({len(args)} given)")
        frame: Frame | None = self.evaluator.frame
        while frame is not None:
            parent = frame.parent
            if parent is not None and isinstance(parent.names.get("__class__"), ProgramClass):
                start = parent.names["__class__"]
                if not frame.names:
                    raise RuntimeError("super(): no arguments")
                instance = next(iter(frame.names.values()))
                return SuperProxy(self, start, instance)
            frame = parent
        raise RuntimeError("super(): __class__ cell not found")


def _dispatcher(runtime: ClassRuntime, name: str) -> Callable[..., Any]:
    """A realised-class method that runs the program's method of that name."""

    def dispatch(self: Any, *args: Any, **kwargs: Any) -> Any:
        bridge = runtime.bridge
        facade = runtime.facade(self)
        cls = runtime.owner_class(facade)
        assert cls is not None
        member = cls.lookup(name)
        line = runtime.evaluator.line
        wrapped = [bridge.wrap(a) for a in args]
        named = {k: bridge.wrap(v) for k, v in kwargs.items()}
        result = runtime.call(runtime.bind(member, facade, cls), wrapped, named)
        runtime.evaluator.line = line
        if name in ("__repr__", "__str__", "extra_repr") and not isinstance(result, str):
            raise TypeError(f"{name} returned non-string (type {type_name(result)})")
        return bridge.unwrap(result)

    dispatch.__name__ = name
    return dispatch


def _engine_value(engine: type) -> ClassValue:
    return ClassValue(engine.__qualname__, None, lambda v: False, engine_class=engine)


def _subclassable(base: ClassValue) -> bool:
    if isinstance(base, ProgramClass):
        return True
    engine = base.engine_class
    return engine is not None and (engine is object or _engine_module(engine))


def _engine_module(cls: type) -> bool:
    return cls.__module__.startswith(("torch.", "engine."))


def _base_error(base: Any) -> str:
    if isinstance(base, ClassValue):
        return f"subclassing '{base.qualname}' is not supported in Autograd Lab"
    return f"bases must be types, not {type_name(base)}"


def _short(instance: Any) -> str:
    text = repr(instance)
    return text if len(text) <= 200 else text[:199] + "…"


OBJECT_CLASS: Final = ClassValue("object", None, lambda v: True, engine_class=object)


def class_builtins(runtime: ClassRuntime) -> dict[str, Any]:
    """`super`, `object` and the method decorators, as the program's builtins."""

    def wrapper(kind: type[StaticMethod], name: str) -> ClassValue:
        def construct(args: list[Any], kwargs: dict[str, Any]) -> Any:
            if len(args) != 1 or kwargs:
                raise TypeError(f"{name} expected 1 argument, got {len(args) + len(kwargs)}")
            return kind(args[0])

        return ClassValue(name, construct, lambda v: type(v) is kind)

    return {
        "super": ClassValue("super", runtime.make_super, lambda v: isinstance(v, SuperProxy)),
        "object": OBJECT_CLASS,
        "staticmethod": wrapper(StaticMethod, "staticmethod"),
        "classmethod": wrapper(ClassMethod, "classmethod"),
        "property": wrapper(Property, "property"),
    }
