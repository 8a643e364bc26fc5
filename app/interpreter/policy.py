"""The allow-list check: parse a program and refuse any construct the sandbox does not run.

The check walks the parsed tree (so look-alike Unicode identifiers are already NFKC-normalised
by the parser) with an explicit stack, never recursion, and runs before any statement executes.
"""

from __future__ import annotations

import ast
import builtins
import re
from dataclasses import dataclass
from typing import Final

from app.config import Settings
from app.interpreter.classes import ALLOWED_DUNDERS
from app.interpreter.errors import LimitExceeded, NotAllowed, ProgramError
from app.interpreter.torch_api import ALL_ATTRIBUTES, BUILTIN_FUNCTIONS, IMPORTABLE_MODULES
from app.interpreter.tree_cache import TreeCache

ALLOWED_NODES: Final[frozenset[type[ast.AST]]] = frozenset(
    {
        ast.Module, ast.Expr, ast.Assign, ast.AugAssign, ast.For, ast.While, ast.If, ast.Break,
        ast.Continue, ast.Pass, ast.With, ast.withitem, ast.FunctionDef, ast.Return,
        ast.Import, ast.ImportFrom, ast.alias, ast.Delete, ast.Assert, ast.arguments, ast.arg,
        ast.Try, ast.ExceptHandler, ast.Raise,
        ast.BoolOp, ast.BinOp, ast.UnaryOp, ast.Compare, ast.IfExp, ast.Call, ast.keyword,
        ast.Constant, ast.Name, ast.Attribute, ast.Subscript, ast.Slice, ast.List, ast.Tuple,
        ast.Dict, ast.ListComp, ast.DictComp, ast.GeneratorExp, ast.comprehension,
        ast.JoinedStr, ast.FormattedValue, ast.ClassDef, ast.Lambda,
        ast.Load, ast.Store, ast.Del,
        ast.And, ast.Or, ast.Add, ast.Sub, ast.Mult, ast.MatMult, ast.Div, ast.Mod, ast.Pow,
        ast.LShift, ast.RShift, ast.BitOr, ast.BitXor, ast.BitAnd, ast.FloorDiv,
        ast.Invert, ast.Not, ast.UAdd, ast.USub,
        ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Is, ast.IsNot, ast.In,
        ast.NotIn,
    }
)  # fmt: skip

# What to call a refused construct in the message: "<this> is not allowed (line N)".
CONSTRUCT_NAMES: Final[dict[type[ast.AST], str]] = {
    ast.ClassDef: "a class definition",
    ast.AsyncFunctionDef: "an async function",
    ast.Lambda: "a lambda expression",
    ast.Yield: "yield",
    ast.YieldFrom: "yield from",
    ast.Await: "await",
    ast.Global: "a global statement",
    ast.Nonlocal: "a nonlocal statement",
    ast.Set: "a set display",
    ast.SetComp: "a set comprehension",
    ast.NamedExpr: "the walrus operator ':='",
    ast.Starred: "star unpacking ('*')",
    ast.Match: "a match statement",
    ast.AsyncFor: "async for",
    ast.AsyncWith: "async with",
    ast.AnnAssign: "an annotated assignment",
}
if hasattr(ast, "TryStar"):
    CONSTRUCT_NAMES[ast.TryStar] = "a try statement"

# Python builtins that are not ours: referring to one (unless the program binds that name
# itself) is refused, so `getattr`, `open`, `eval`, `exec`, `__import__` … never run.
FOREIGN_BUILTINS: Final = frozenset(name for name in dir(builtins) if name not in BUILTIN_FUNCTIONS)

# f-string format specs: fill/align, sign, '#', '0', width, grouping, precision, type — plain only
_FORMAT_SPEC: Final = re.compile(
    r"(?:.?[<>=^])?[+\- ]?#?0?(?P<width>\d+)?[,_]?(?:\.(?P<precision>\d+))?[bcdeEfFgGnosxX%]?",
    re.DOTALL,
)
MAX_FORMAT_WIDTH: Final = 100
MAX_FORMAT_PRECISION: Final = 50


@dataclass(frozen=True, slots=True)
class _Context:
    depth: int
    in_function: bool
    in_loop: bool
    call_argument: bool = False
    in_class: bool = False  # directly in a class body (where `def __init__` may be written)
    line: int | None = None  # the nearest enclosing line, for nodes that have none


TREES = TreeCache()


def parse_program(source: str, settings: Settings) -> ast.Module:
    """Parse `source` and check it against the allow-list; raise a ProgramError if refused.

    A classroom runs the same lesson code over and over, so accepted trees are cached, bounded
    by the memory they hold (the evaluator never changes a tree; refusals are raised, so they
    are never cached).
    """
    cached = TREES.get(source, settings)
    if cached is not None:
        return cached
    size = len(source.encode("utf-8", "surrogatepass"))
    if size > settings.max_source_bytes:
        raise LimitExceeded("source size", settings.max_source_bytes, " bytes", line=1)
    lines = source.count("\n") + 1
    if lines > settings.max_lines:
        raise LimitExceeded("source lines", settings.max_lines, line=settings.max_lines + 1)
    try:
        tree = ast.parse(source, "<stdin>", "exec")
    except SyntaxError as error:
        raise _syntax_error(error.msg, error.lineno or 1) from None
    except UnicodeError:
        raise _syntax_error("source code cannot contain surrogate characters", 1) from None
    except ValueError as error:
        # Python before 3.11.4 (Debian 12's 3.11.2) raises ValueError for a null byte where later
        # releases raise SyntaxError with the same text: the learner sees the same either way
        raise _syntax_error(str(error), 1) from None
    except RecursionError:
        raise LimitExceeded("nesting depth", settings.max_ast_depth, line=1) from None
    except MemoryError:
        raise LimitExceeded("memory", settings.memory_limit_mb, " MB", line=1) from None
    TREES.put(source, settings, tree, check_tree(tree, settings))
    return tree


def check_tree(tree: ast.Module, settings: Settings) -> int:
    """Walk the whole tree once (iteratively) and refuse the first construct not allowed;
    returns the number of nodes."""
    bound: set[str] = set()
    foreign: list[ast.Name] = []  # uses of Python builtins that are not ours, checked at the end
    members = _class_members(tree, settings)
    stack: list[tuple[ast.AST, _Context]] = [(tree, _Context(0, False, False))]
    count = 0
    while stack:
        node, ctx = stack.pop()
        count += 1
        line = getattr(node, "lineno", None) or ctx.line
        if count > settings.max_ast_nodes:
            raise LimitExceeded(
                "program size (syntax tree nodes)", settings.max_ast_nodes, line=line
            )
        if ctx.depth > settings.max_ast_depth:
            raise LimitExceeded("nesting depth", settings.max_ast_depth, line=line)
        _check_node(node, ctx, settings)
        _note_names(node, bound, foreign)
        if isinstance(node, ast.Attribute) and not _known_attribute(node, members):
            raise _refuse(f"the attribute '.{node.attr}'", node.lineno)
        stack.extend(_children(node, ctx))
    for name in foreign:
        if name.id not in bound:
            raise _refuse(f"the name '{name.id}'", name.lineno)
    return count


def _known_attribute(node: ast.Attribute, members: frozenset[str]) -> bool:
    return node.attr in ALL_ATTRIBUTES or node.attr in members or _super_init(node)


def _super_init(node: ast.Attribute) -> bool:
    """`super().__init__` / `super(Net, self).__init__`: the one dunder a program may name."""
    value = node.value
    return (
        node.attr == "__init__"
        and isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "super"
    )


def _class_members(tree: ast.Module, settings: Settings) -> frozenset[str]:
    """Attribute names the program's own classes define (methods, class attributes, what
    `self.x = …` assigns): beyond torch's allow-list, a program may use these (the evaluator
    still looks every name up by receiver, so they reach only the program's own values)."""
    members: set[str] = set()
    for count, node in enumerate(ast.walk(tree)):  # breadth-first, without recursion
        if count > settings.max_ast_nodes:
            break  # the main walk refuses the program
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            members.add(node.attr)
        elif isinstance(node, ast.ClassDef):
            for statement in node.body:
                if isinstance(statement, ast.FunctionDef):
                    members.add(statement.name)
                elif isinstance(statement, ast.Assign):
                    members.update(t.id for t in statement.targets if isinstance(t, ast.Name))
    return frozenset(members)


def _note_names(node: ast.AST, bound: set[str], foreign: list[ast.Name]) -> None:
    """Names the program binds (so `input = x` may shadow a builtin) and builtins it uses."""
    if isinstance(node, ast.Name):
        if isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        elif node.id in FOREIGN_BUILTINS:
            foreign.append(node)
    elif isinstance(node, ast.FunctionDef | ast.ClassDef):
        bound.add(node.name)
    elif isinstance(node, ast.arg):
        bound.add(node.arg)
    elif isinstance(node, ast.alias):
        bound.add((node.asname or node.name).split(".")[0])


# Operators and load/store contexts are leaves that are all allowed: not worth a visit.
_LEAVES: Final = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)


def _children(node: ast.AST, ctx: _Context) -> list[tuple[ast.AST, _Context]]:
    depth = ctx.depth + 1
    line = getattr(node, "lineno", None) or ctx.line
    inner = _Context(depth, ctx.in_function, ctx.in_loop, line=line)
    if isinstance(node, ast.For | ast.While):
        loop = _Context(depth, ctx.in_function, True, line=line)
        head: list[ast.AST] = [node.target, node.iter] if isinstance(node, ast.For) else [node.test]
        pairs: list[tuple[ast.AST, _Context]] = [(child, inner) for child in head]
        pairs += [(child, loop) for child in node.body]
        pairs += [(child, inner) for child in node.orelse]
        return pairs
    if isinstance(node, ast.FunctionDef | ast.Lambda):
        body = _Context(depth, True, False, line=line)
        pairs = [(node.args, inner)]
        if isinstance(node, ast.Lambda):
            return [*pairs, (node.body, body)]
        pairs += [(child, inner) for child in node.decorator_list]
        pairs += [(child, body) for child in node.body]
        return pairs
    if isinstance(node, ast.ClassDef):
        members = _Context(depth, ctx.in_function, False, line=line, in_class=True)
        pairs = [(child, inner) for child in node.bases]
        pairs += [(child, members) for child in node.body]
        return pairs
    if isinstance(node, ast.Call):
        argument = _Context(depth, ctx.in_function, ctx.in_loop, call_argument=True, line=line)
        pairs = [(node.func, inner)]
        pairs += [(child, argument) for child in node.args]
        pairs += [(keyword, inner) for keyword in node.keywords]
        return pairs
    children: list[tuple[ast.AST, _Context]] = []
    for field in node._fields:
        value = getattr(node, field, None)
        if isinstance(value, ast.AST):
            if not isinstance(value, _LEAVES):
                children.append((value, inner))
        elif isinstance(value, list):
            children.extend((item, inner) for item in value if isinstance(item, ast.AST))
    return children


def _check_node(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    line = getattr(node, "lineno", None)
    kind = type(node)
    if kind not in ALLOWED_NODES:
        what = CONSTRUCT_NAMES.get(kind, f"the construct '{kind.__name__}'")
        raise _refuse(what, line)
    checker = _NODE_CHECKS.get(kind)
    if checker is not None:
        checker(node, ctx, settings)


def _refuse(what: str, line: int | None, *, why: str = "", hint_key: str = "") -> NotAllowed:
    where = f" (line {line})" if line is not None else ""
    reason = f": {why}" if why else ""
    return NotAllowed(f"{what} is not allowed{where}{reason}", line, hint_key=hint_key)


def _syntax_error(message: str, line: int | None) -> ProgramError:
    error = ProgramError(message, line)
    error.type_name = "SyntaxError"
    return error


def _check_identifier(name: str, line: int | None, what: str) -> None:
    if name.startswith("_"):
        raise _refuse(f"the {what} '{name}'", line, why="names starting with '_' are reserved")


def _check_name(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.Name)
    _check_identifier(node.id, node.lineno, "name")


def _check_attribute(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.Attribute)
    if not _super_init(node):
        _check_identifier(node.attr, node.lineno, "attribute")
    if node.attr == "numpy":
        raise _refuse(
            "'.numpy()'", node.lineno, why="use .tolist() to get the values", hint_key="numpy"
        )


def _check_constant(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.Constant)
    value = node.value
    if isinstance(value, complex):
        raise _refuse("a complex number literal", node.lineno)
    if isinstance(value, bytes):
        raise _refuse("a bytes literal", node.lineno)
    if isinstance(value, str) and len(value) > settings.max_sequence_length:
        raise LimitExceeded("string length", settings.max_sequence_length, line=node.lineno)
    if isinstance(value, int) and value.bit_length() > settings.max_int_bits:
        raise LimitExceeded("integer size", settings.max_int_bits, " bits", line=node.lineno)


def _check_import(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.Import)
    for alias in node.names:
        if alias.name not in IMPORTABLE_MODULES:
            raise _refuse(f"importing '{alias.name}'", node.lineno, hint_key="import")
        if alias.asname is not None:
            _check_identifier(alias.asname, node.lineno, "name")


def _check_import_from(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.ImportFrom)
    module = node.module or ""
    if node.level != 0 or module not in IMPORTABLE_MODULES:
        raise _refuse(
            f"importing from '{'.' * node.level}{module}'", node.lineno, hint_key="import"
        )
    for alias in node.names:
        if alias.name == "*":
            raise _refuse(f"'from {module} import *'", node.lineno)
        _check_identifier(alias.name, node.lineno, "name")
        if alias.name not in ALL_ATTRIBUTES:
            raise _refuse(f"importing '{alias.name}' from '{module}'", node.lineno)
        if alias.asname is not None:
            _check_identifier(alias.asname, node.lineno, "name")


def _check_function(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.FunctionDef)
    if ctx.in_class and _dunder(node.name) and node.name not in ALLOWED_DUNDERS:
        allowed = ", ".join(sorted(ALLOWED_DUNDERS))
        raise _refuse(
            f"the method '{node.name}'", node.lineno, why=f"a class here may define {allowed}"
        )
    if not (ctx.in_class and node.name in ALLOWED_DUNDERS):
        _check_identifier(node.name, node.lineno, "function name")
    if node.returns is not None or any(a.annotation for a in _all_args(node.args)):
        raise _refuse("a type annotation", node.lineno)
    if node.args.vararg is not None:
        raise _refuse("'*args'", node.lineno)
    if node.args.kwarg is not None:
        raise _refuse("'**kwargs'", node.lineno)
    seen: set[str] = set()
    for arg in _all_args(node.args):
        if arg.arg in seen:
            raise _syntax_error(
                f"duplicate argument '{arg.arg}' in function definition", node.lineno
            )
        seen.add(arg.arg)


def _check_class(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.ClassDef)
    _check_identifier(node.name, node.lineno, "class name")
    if node.keywords:
        keyword = node.keywords[0].arg or "**"
        raise _refuse(f"a class keyword argument ('{keyword}=')", node.lineno)
    if node.decorator_list:
        raise _refuse("a class decorator", node.decorator_list[0].lineno)
    for statement in node.body:
        if not isinstance(statement, _CLASS_BODY):
            what = _STATEMENT_NAMES.get(type(statement)) or CONSTRUCT_NAMES.get(
                type(statement), "this statement"
            )
            raise _refuse(
                f"{what} in a class body",
                statement.lineno,
                why="a class body holds methods and class attributes",
            )


def _dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def _check_lambda(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.Lambda)
    if node.args.vararg is not None:
        raise _refuse("'*args'", node.lineno)
    if node.args.kwarg is not None:
        raise _refuse("'**kwargs'", node.lineno)


# what a class body may hold: methods, class attributes, docstrings
_CLASS_BODY: Final = (ast.FunctionDef, ast.Assign, ast.Expr, ast.Pass)
_STATEMENT_NAMES: Final[dict[type[ast.AST], str]] = {
    ast.For: "a for loop", ast.While: "a while loop", ast.If: "an if statement",
    ast.With: "a with statement", ast.Import: "an import", ast.ImportFrom: "an import",
    ast.ClassDef: "a nested class", ast.AugAssign: "an augmented assignment",
    ast.Delete: "a del statement", ast.Assert: "an assert statement",
}  # fmt: skip


def _all_args(args: ast.arguments) -> list[ast.arg]:
    return [*args.posonlyargs, *args.args, *args.kwonlyargs]


def _check_arg(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.arg)
    _check_identifier(node.arg, node.lineno, "parameter")


def _check_keyword(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.keyword)
    if node.arg is None:
        raise _refuse("'**' unpacking", node.lineno)
    _check_identifier(node.arg, node.lineno, "keyword argument")


def _check_return(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    if not ctx.in_function:
        raise _syntax_error("'return' outside function", getattr(node, "lineno", None))


def _check_loop_jump(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    if not ctx.in_loop:
        word = "break" if isinstance(node, ast.Break) else "continue"
        message = f"'{word}' outside loop" if word == "break" else "'continue' not properly in loop"
        raise _syntax_error(message, getattr(node, "lineno", None))


def _check_dict(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.Dict)
    if any(key is None for key in node.keys):
        raise _refuse("'**' unpacking", node.lineno)


def _check_comprehension(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.comprehension)
    if node.is_async:
        raise _refuse("async for", getattr(node.target, "lineno", None))
    _check_target(node.target, allow_items=False)


def _check_for(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.For)
    _check_target(node.target, allow_items=False)


def _check_with(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.With)
    for item in node.items:
        if item.optional_vars is not None and not isinstance(item.optional_vars, ast.Name):
            raise _refuse("'with … as' binding anything but a name", node.lineno)


def _check_assign(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else []
    if isinstance(node, ast.AugAssign):
        targets = [node.target]
    for target in targets:
        _check_target(target, allow_items=True)


def _check_target(target: ast.expr, *, allow_items: bool) -> None:
    """Assignment targets: names, tuples/lists of targets, and (if allowed) items/attributes."""
    stack = [target]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Tuple | ast.List):
            stack.extend(node.elts)
        elif isinstance(node, ast.Subscript | ast.Attribute):
            if not allow_items:
                raise _refuse("a loop variable that is not a name", node.lineno)
        elif isinstance(node, ast.Starred):
            raise _refuse(CONSTRUCT_NAMES[ast.Starred], node.lineno)
        elif not isinstance(node, ast.Name):
            raise _refuse("this assignment target", getattr(node, "lineno", None))


def _check_generator(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    # Generator expressions only as the direct argument of a call (`sum(x*x for x in xs)`): the
    # interpreter evaluates them eagerly, so no generator object ever exists.
    assert isinstance(node, ast.GeneratorExp)
    if not ctx.call_argument:
        raise _refuse("a generator expression outside a call", node.lineno)


def _check_formatted_value(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.FormattedValue)
    spec = node.format_spec
    if spec is None:
        return
    if not (
        isinstance(spec, ast.JoinedStr) and all(isinstance(v, ast.Constant) for v in spec.values)
    ):
        raise _refuse("a computed format spec in an f-string", node.lineno)
    text = "".join(str(v.value) for v in spec.values if isinstance(v, ast.Constant))
    check_format_spec(text, node.lineno)


def check_format_spec(text: str, line: int | None) -> None:
    """Refuse format specs that are not plain, or whose width or precision is out of bounds."""
    match = _FORMAT_SPEC.fullmatch(text)
    if match is None:
        raise _refuse(f"the format spec '{text}'", line)
    width, precision = match.group("width"), match.group("precision")
    if width is not None and int(width) > MAX_FORMAT_WIDTH:
        raise _refuse(f"a format width of {width}", line, why=f"the largest is {MAX_FORMAT_WIDTH}")
    if precision is not None and int(precision) > MAX_FORMAT_PRECISION:
        raise _refuse(
            f"a format precision of {precision}", line, why=f"the largest is {MAX_FORMAT_PRECISION}"
        )


def _check_binop(node: ast.AST, ctx: _Context, settings: Settings) -> None:
    assert isinstance(node, ast.BinOp)
    left = node.left
    formats_text = isinstance(left, ast.JoinedStr) or (
        isinstance(left, ast.Constant) and isinstance(left.value, str)
    )
    if isinstance(node.op, ast.Mod) and formats_text:
        raise _refuse("'%' string formatting", node.lineno, why="use an f-string")


_NODE_CHECKS: Final = {
    ast.Name: _check_name,
    ast.Attribute: _check_attribute,
    ast.Constant: _check_constant,
    ast.Import: _check_import,
    ast.ImportFrom: _check_import_from,
    ast.FunctionDef: _check_function,
    ast.ClassDef: _check_class,
    ast.Lambda: _check_lambda,
    ast.arg: _check_arg,
    ast.keyword: _check_keyword,
    ast.Return: _check_return,
    ast.Break: _check_loop_jump,
    ast.Continue: _check_loop_jump,
    ast.Dict: _check_dict,
    ast.comprehension: _check_comprehension,
    ast.For: _check_for,
    ast.With: _check_with,
    ast.Assign: _check_assign,
    ast.AugAssign: _check_assign,
    ast.Delete: _check_assign,
    ast.GeneratorExp: _check_generator,
    ast.FormattedValue: _check_formatted_value,
    ast.BinOp: _check_binop,
}
