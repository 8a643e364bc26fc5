"""The evaluator: runs a checked program tree statement by statement, as Python's interactive
interpreter would (`'single'` mode: top-level expression statements echo their repr).

It walks the tree itself — user text is never compiled — and recursion follows the tree, whose
depth the policy has already bounded, plus the program's own calls, bounded by the budget.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Callable
from typing import Any, Final

from app.config import Settings
from app.contract import RunWarning
from app.interpreter.attributes import Attributes
from app.interpreter.bridge import Bridge, Tracer
from app.interpreter.builtins import make_builtins
from app.interpreter.classes import ClassRuntime
from app.interpreter.containers import Containers
from app.interpreter.errors import LimitExceeded, NotAllowed, ProgramError, UserException
from app.interpreter.exceptions import ExceptionValue, catchable, matches, to_raise
from app.interpreter.facades import GradModeFacade
from app.interpreter.functions import bind_arguments, local_names
from app.interpreter.limits import Budget
from app.interpreter.namespace import Namespace
from app.interpreter.objects import ObjectFacade
from app.interpreter.operators import Operators
from app.interpreter.values import (
    BuiltinFunction,
    ClassValue,
    Frame,
    InterpreterFunction,
    type_name,
)

_OPERATORS: Final[dict[type[ast.AST], str]] = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
    ast.Pow: "**", ast.MatMult: "@", ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&",
    ast.BitOr: "|", ast.BitXor: "^", ast.USub: "-", ast.UAdd: "+", ast.Invert: "~",
    ast.Not: "not", ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
    ast.GtE: ">=", ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
}  # fmt: skip


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class Evaluator:
    """One program run: its scopes, transcript, warnings and budget."""

    def __init__(self, settings: Settings, trace: Tracer | None = None) -> None:
        self.settings = settings
        self.budget = Budget(settings)
        self.line = 0
        self.bridge = Bridge(self.budget, trace, lambda: self.line)
        self.bridge.invoke = self.call
        self.ops = Operators(self.bridge, self.budget)
        self.containers = Containers(self.bridge, self.budget)
        self.iterator = self.containers.iterator
        self.iterate = self.containers.iterate
        self.unpack = self.containers.unpack
        self.get_item = self.containers.get_item
        self.set_item = self.containers.set_item
        self.namespace = Namespace(self.bridge, self.iterate)
        self.attributes = Attributes(self.bridge, self.budget, self.iterate)
        self.classes = ClassRuntime(self)
        self.builtins = make_builtins(self)
        self.globals = Frame({})
        self.frame = self.globals
        self.function_depth = 0
        self.handling: list[ExceptionValue] = []  # the exceptions a bare `raise` re-raises
        self.transcript: list[str] = []
        self.warnings: list[RunWarning] = []
        self._statements: dict[type[ast.AST], Callable[[Any], None]] = {
            ast.Expr: self._expression_statement, ast.Assign: self._assign,
            ast.AugAssign: self._augmented_assign, ast.For: self._for, ast.While: self._while,
            ast.If: self._if, ast.Break: self._break, ast.Continue: self._continue,
            ast.Pass: lambda node: None, ast.With: self._with,
            ast.FunctionDef: self._function_def, ast.Return: self._return,
            ast.Import: self._import, ast.ImportFrom: self._import_from,
            ast.Delete: self._delete, ast.Assert: self._assert, ast.Try: self._try,
            ast.Raise: self._raise, ast.ClassDef: self._class_def,
        }  # fmt: skip
        self._expressions: dict[type[ast.AST], Callable[[Any], Any]] = {
            ast.Constant: lambda node: node.value, ast.Name: self._name,
            ast.BinOp: self._binop, ast.UnaryOp: self._unaryop, ast.BoolOp: self._boolop,
            ast.Compare: self._compare, ast.IfExp: self._ifexp, ast.Call: self._call,
            ast.Attribute: self._attribute, ast.Subscript: self._subscript,
            ast.Slice: self._slice, ast.List: self._list, ast.Tuple: self._tuple,
            ast.Dict: self._dict, ast.ListComp: self._list_comprehension,
            ast.GeneratorExp: self._list_comprehension, ast.DictComp: self._dict_comprehension,
            ast.JoinedStr: self._joined_str, ast.Lambda: self._lambda,
        }  # fmt: skip

    # running ---------------------------------------------------------------------------------

    def run(self, tree: ast.Module) -> ProgramError | None:
        """Run every top-level statement; the first uncaught error stops the program."""
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = self._show_warning
            for statement in tree.body:
                try:
                    self.execute(statement)
                except ProgramError as error:
                    return error.at_line(self.line)
                except MemoryError:
                    limit = self.settings.memory_limit_mb
                    return LimitExceeded("memory", limit, " MB", line=self.line)
                except Exception as error:  # the program's own exception, with Python's text
                    return UserException(error, self.line)
        return None

    def _show_warning(
        self,
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: Any = None,
        line: str | None = None,
    ) -> None:
        text = str(message)
        self.budget.add_output(text)
        self.warnings.append({"category": category.__name__, "message": text, "line": self.line})

    def write(self, text: str) -> None:
        self.budget.add_output(text)
        self.transcript.append(text)

    def names(self) -> dict[str, Any]:
        """The module-level names the program bound, for the graph."""
        return dict(self.globals.names)

    # statements ------------------------------------------------------------------------------

    def execute(self, statement: ast.stmt) -> None:
        self.line = statement.lineno
        self.budget.check_time()
        self._statements[type(statement)](statement)

    def execute_block(self, statements: list[ast.stmt]) -> None:
        for statement in statements:
            self.execute(statement)

    def _expression_statement(self, node: ast.Expr) -> None:
        value = self.evaluate(node.value)
        # 'single' mode echoes only outside function bodies, as Python's compiler does
        if self.function_depth == 0 and value is not None:
            self.budget.check_text(value, self.budget.output_left, "output size")
            self.write(repr(value) + "\n")

    def _assign(self, node: ast.Assign) -> None:
        value = self.evaluate(node.value)
        for target in node.targets:
            self.assign(target, value)

    def assign(self, target: ast.expr, value: Any) -> None:
        if isinstance(target, ast.Name):
            self.frame.names[target.id] = value
        elif isinstance(target, ast.Tuple | ast.List):
            for element, item in zip(
                target.elts, self.unpack(value, len(target.elts)), strict=True
            ):
                self.assign(element, item)
        elif isinstance(target, ast.Subscript):
            container = self.evaluate(target.value)
            index = self.evaluate(target.slice)
            self.line = target.lineno
            self.set_item(container, index, value)
        elif isinstance(target, ast.Attribute):
            owner = self.evaluate(target.value)
            self.line = target.lineno
            self.attributes.set(owner, target.attr, value)
        else:  # the policy admits no other target
            raise NotAllowed("this assignment target is not allowed", target.lineno)

    def _augmented_assign(self, node: ast.AugAssign) -> None:
        op = _OPERATORS[type(node.op)]
        operand = self.evaluate(node.value)
        target = node.target
        if isinstance(target, ast.Name):
            current = self._name(ast.Name(target.id, ast.Load(), lineno=target.lineno))
            self.line = node.lineno
            self.frame.names[target.id] = self.inplace(op, current, operand)
        elif isinstance(target, ast.Subscript):
            container = self.evaluate(target.value)
            index = self.evaluate(target.slice)
            self.line = node.lineno
            result = self.inplace(op, self.get_item(container, index), operand)
            self.set_item(container, index, result)
        elif isinstance(target, ast.Attribute):
            owner = self.evaluate(target.value)
            self.line = node.lineno
            result = self.inplace(op, self.attributes.get(owner, target.attr), operand)
            self.attributes.set(owner, target.attr, result)

    def inplace(self, op: str, current: Any, operand: Any) -> Any:
        if type(current) is list and op == "+":
            items = self.iterate(operand)
            self.budget.check_length(len(current) + len(items), "list length")
            current.extend(items)
            return current
        return self.ops.binary(op, current, operand, inplace=True)

    def _for(self, node: ast.For) -> None:
        iterable = self.evaluate(node.iter)
        for item in self.iterator(iterable):
            self.line = node.lineno
            self.budget.tick()
            self.assign(node.target, item)
            try:
                self.execute_block(node.body)
            except _Break:
                return
            except _Continue:
                continue
        self.execute_block(node.orelse)

    def _while(self, node: ast.While) -> None:
        while True:
            self.line = node.lineno
            if not self.ops.truth(self.evaluate(node.test)):
                break
            self.budget.tick()
            try:
                self.execute_block(node.body)
            except _Break:
                return
            except _Continue:
                continue
        self.execute_block(node.orelse)

    def _if(self, node: ast.If) -> None:
        if self.ops.truth(self.evaluate(node.test)):
            self.execute_block(node.body)
        else:
            self.execute_block(node.orelse)

    def _break(self, node: ast.Break) -> None:
        raise _Break

    def _continue(self, node: ast.Continue) -> None:
        raise _Continue

    def _with(self, node: ast.With) -> None:
        entered: list[GradModeFacade] = []
        try:
            for item in node.items:
                manager = self.evaluate(item.context_expr)
                self.line = node.lineno
                if not isinstance(manager, GradModeFacade):
                    raise TypeError(
                        f"'{type_name(manager)}' object does not support the context manager "
                        "protocol"
                    )
                value = self.bridge.wrap(manager.enter())
                entered.append(manager)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, value)
            self.execute_block(node.body)
        finally:
            for manager in reversed(entered):
                manager.exit()

    def _function_def(self, node: ast.FunctionDef) -> None:
        defaults = [self.evaluate(d) for d in node.args.defaults]
        kw_defaults = {
            arg.arg: self.evaluate(default)
            for arg, default in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True)
            if default is not None
        }
        decorators = [self.evaluate(d) for d in node.decorator_list]
        value: Any = InterpreterFunction(
            node.name, node, defaults, kw_defaults, self.frame, local_names(node)
        )
        for decorator in reversed(decorators):
            self.line = node.lineno
            value = self.call(decorator, [value], {})
        self.frame.names[node.name] = value

    def _class_def(self, node: ast.ClassDef) -> None:
        self.frame.names[node.name] = self.classes.define(node)

    def _lambda(self, node: ast.Lambda) -> InterpreterFunction:
        defaults = [self.evaluate(d) for d in node.args.defaults]
        kw_defaults = {
            arg.arg: self.evaluate(default)
            for arg, default in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True)
            if default is not None
        }
        body = ast.Return(node.body, lineno=node.lineno, col_offset=node.col_offset)
        function = ast.FunctionDef(
            name="<lambda>", args=node.args, body=[body], decorator_list=[],
            lineno=node.lineno, col_offset=node.col_offset,
        )  # fmt: skip
        return InterpreterFunction(
            "<lambda>", function, defaults, kw_defaults, self.frame, local_names(function)
        )

    def _return(self, node: ast.Return) -> None:
        raise _Return(None if node.value is None else self.evaluate(node.value))

    def _import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname is not None:
                self.frame.names[alias.asname] = self.namespace.modules[alias.name]
            else:
                top = alias.name.split(".")[0]
                self.frame.names[top] = self.namespace.modules[top]

    def _import_from(self, node: ast.ImportFrom) -> None:
        module = self.namespace.modules[node.module or ""]
        for alias in node.names:
            try:
                value = self.attributes.get(module, alias.name)
            except AttributeError:
                raise ImportError(
                    f"cannot import name '{alias.name}' from '{node.module}' (unknown location)"
                ) from None
            self.frame.names[alias.asname or alias.name] = value

    def _delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                if target.id not in self.frame.names:
                    raise NameError(f"name '{target.id}' is not defined")
                del self.frame.names[target.id]
            elif isinstance(target, ast.Subscript):
                container = self.evaluate(target.value)
                index = self.evaluate(target.slice)
                if not isinstance(container, list | dict):
                    raise TypeError(
                        f"'{type_name(container)}' object doesn't support item deletion"
                    )
                del container[index]
            else:
                raise NotAllowed(
                    f"deleting an attribute is not allowed (line {node.lineno})", node.lineno
                )

    def _assert(self, node: ast.Assert) -> None:
        if not self.ops.truth(self.evaluate(node.test)):
            if node.msg is None:
                raise AssertionError
            message = self.evaluate(node.msg)
            # the message becomes text in the answer: `('a' * 100000,) * 3000` is 300 MB
            self.budget.check_text(message, self.settings.max_sequence_length)
            raise AssertionError(message)

    def _try(self, node: ast.Try) -> None:
        try:
            self.execute_block(node.body)
        except Exception as error:
            caught = catchable(error)
            if caught is None:
                raise
            handler = self._handler_for(node.handlers, caught)
            if handler is None:
                raise
            if handler.name is not None:
                self.frame.names[handler.name] = caught
            self.handling.append(caught)
            try:
                self.execute_block(handler.body)
            finally:
                self.handling.pop()
                if handler.name is not None:
                    self.frame.names.pop(handler.name, None)  # as Python's `del e`
        else:
            self.execute_block(node.orelse)
        finally:
            self.execute_block(node.finalbody)

    def _handler_for(
        self, handlers: list[ast.ExceptHandler], caught: ExceptionValue
    ) -> ast.ExceptHandler | None:
        for handler in handlers:
            if handler.type is None or matches(caught, self.evaluate(handler.type)):
                return handler
        return None

    def _raise(self, node: ast.Raise) -> None:
        if node.exc is None:
            if not self.handling:
                raise RuntimeError("No active exception to reraise")
            raise self.handling[-1].error
        error = to_raise(self.evaluate(node.exc))
        if node.cause is not None:
            cause = self.evaluate(node.cause)
            if cause is not None:  # checked as Python checks it; the cause is never reachable
                to_raise(cause)
        raise error

    # expressions -----------------------------------------------------------------------------

    def evaluate(self, node: ast.expr) -> Any:
        return self._expressions[type(node)](node)

    def _name(self, node: ast.Name) -> Any:
        name = node.id
        frame: Frame | None = self.frame
        while frame is not None:
            if name in frame.names:
                return frame.names[name]
            if frame is self.frame and frame.local_names and name in frame.local_names:
                self.line = node.lineno
                raise UnboundLocalError(
                    f"cannot access local variable '{name}' where it is not associated with a value"
                )
            frame = frame.parent
        if name in self.builtins:
            return self.builtins[name]
        self.line = node.lineno
        raise NameError(f"name '{name}' is not defined")

    def _binop(self, node: ast.BinOp) -> Any:
        left = self.evaluate(node.left)
        right = self.evaluate(node.right)
        self.line = node.lineno
        return self.ops.binary(_OPERATORS[type(node.op)], left, right)

    def _unaryop(self, node: ast.UnaryOp) -> Any:
        operand = self.evaluate(node.operand)
        self.line = node.lineno
        return self.ops.unary(_OPERATORS[type(node.op)], operand)

    def _boolop(self, node: ast.BoolOp) -> Any:
        is_and = isinstance(node.op, ast.And)
        value: Any = None
        for operand in node.values:
            value = self.evaluate(operand)
            if self.ops.truth(value) != is_and:
                return value
        return value

    def _compare(self, node: ast.Compare) -> Any:
        left = self.evaluate(node.left)
        result: Any = True
        for index, (op, comparator) in enumerate(zip(node.ops, node.comparators, strict=True)):
            right = self.evaluate(comparator)
            self.line = node.lineno
            result = self.ops.compare(_OPERATORS[type(op)], left, right)
            if index < len(node.ops) - 1 and not self.ops.truth(result):
                return result
            left = right
        return result

    def _ifexp(self, node: ast.IfExp) -> Any:
        branch = node.body if self.ops.truth(self.evaluate(node.test)) else node.orelse
        return self.evaluate(branch)

    def _call(self, node: ast.Call) -> Any:
        function = self.evaluate(node.func)
        args = [self.evaluate(a) for a in node.args]
        kwargs = {k.arg: self.evaluate(k.value) for k in node.keywords if k.arg is not None}
        self.line = node.lineno
        return self.call(function, args, kwargs)

    def call(self, function: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if isinstance(function, BuiltinFunction):
            return function.call(args, kwargs)
        if isinstance(function, InterpreterFunction):
            return self._call_function(function, args, kwargs)
        if isinstance(function, ClassValue):
            if function.construct is None:
                raise TypeError(f"cannot create '{function.qualname}' instances")
            return function.construct(args, kwargs)
        if isinstance(function, ObjectFacade):
            return function.call(args, kwargs)
        if isinstance(function, GradModeFacade) and len(args) == 1 and not kwargs:
            return self._decorated(function, args[0])
        raise TypeError(f"'{type_name(function)}' object is not callable")

    def _decorated(self, manager: GradModeFacade, function: Any) -> BuiltinFunction:
        """`torch.no_grad()(f)`: f, run inside a fresh copy of the grad-mode manager."""
        if not isinstance(function, InterpreterFunction | BuiltinFunction):
            raise TypeError(f"'{type_name(function)}' object is not callable")

        def call(args: list[Any], kwargs: dict[str, Any]) -> Any:
            fresh = GradModeFacade(manager.manager.clone())
            fresh.enter()
            try:
                return self.call(function, args, kwargs)
            finally:
                fresh.exit()

        name = getattr(function, "name", "function")
        return BuiltinFunction(name, call, f"<function {name} at {id(function):#x}>")

    def _call_function(
        self, function: InterpreterFunction, args: list[Any], kwargs: dict[str, Any]
    ) -> Any:
        bound = bind_arguments(function, args, kwargs)
        self.budget.enter_call()
        caller = self.frame
        self.frame = Frame(bound, function.local_names, function.closure)
        self.function_depth += 1
        try:
            self.execute_block(function.node.body)
        except _Return as returned:
            return returned.value
        finally:
            self.frame = caller
            self.function_depth -= 1
            self.budget.exit_call()
        return None

    def _attribute(self, node: ast.Attribute) -> Any:
        owner = self.evaluate(node.value)
        self.line = node.lineno
        return self.attributes.get(owner, node.attr)

    def _subscript(self, node: ast.Subscript) -> Any:
        container = self.evaluate(node.value)
        index = self.evaluate(node.slice)
        self.line = node.lineno
        return self.get_item(container, index)

    def _slice(self, node: ast.Slice) -> slice:
        parts = (node.lower, node.upper, node.step)
        return slice(*(None if p is None else self.evaluate(p) for p in parts))

    def _list(self, node: ast.List) -> list[Any]:
        return [self.evaluate(e) for e in node.elts]

    def _tuple(self, node: ast.Tuple) -> tuple[Any, ...]:
        return tuple(self.evaluate(e) for e in node.elts)

    def _dict(self, node: ast.Dict) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key, value in zip(node.keys, node.values, strict=True):
            if key is not None:
                item = self.evaluate(key)
                self.budget.check_nested(item)  # hashing a tuple key visits all of it
                result[item] = self.evaluate(value)
        return result

    def _list_comprehension(self, node: ast.ListComp | ast.GeneratorExp) -> list[Any]:
        result: list[Any] = []

        def emit() -> None:
            self.budget.check_length(len(result) + 1, "list length")
            result.append(self.evaluate(node.elt))

        self._comprehension(node.generators, emit)
        return result

    def _dict_comprehension(self, node: ast.DictComp) -> dict[Any, Any]:
        result: dict[Any, Any] = {}

        def emit() -> None:
            key = self.evaluate(node.key)
            self.budget.check_nested(key)
            if key not in result:
                self.budget.check_length(len(result) + 1, "dict size")
            result[key] = self.evaluate(node.value)

        self._comprehension(node.generators, emit)
        return result

    def _comprehension(self, generators: list[ast.comprehension], emit: Callable[[], None]) -> None:
        outer = self.frame
        self.frame = Frame({}, None, outer)
        try:
            self._generate(generators, 0, emit)
        finally:
            self.frame = outer

    def _generate(
        self, generators: list[ast.comprehension], level: int, emit: Callable[[], None]
    ) -> None:
        generator = generators[level]
        for item in self.iterator(self.evaluate(generator.iter)):
            self.budget.tick()
            self.assign(generator.target, item)
            if all(self.ops.truth(self.evaluate(test)) for test in generator.ifs):
                if level + 1 < len(generators):
                    self._generate(generators, level + 1, emit)
                else:
                    emit()

    def _joined_str(self, node: ast.JoinedStr) -> str:
        parts: list[str] = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
                continue
            assert isinstance(value, ast.FormattedValue)
            item = self.evaluate(value.value)
            self.line = value.lineno
            self.budget.check_text(item, self.settings.max_sequence_length)
            if value.conversion == ord("r"):
                item = repr(item)
            elif value.conversion == ord("s"):
                item = str(item)
            elif value.conversion == ord("a"):
                item = ascii(item)
            spec = _constant_spec(value.format_spec)
            parts.append(format(item, spec))
        text = "".join(parts)
        self.budget.check_length(len(text), "string length")
        return text


def _constant_spec(spec: ast.expr | None) -> str:
    if spec is None:
        return ""
    assert isinstance(spec, ast.JoinedStr)
    return "".join(str(v.value) for v in spec.values if isinstance(v, ast.Constant))
