"""The program's own functions: which names are local, and binding arguments as Python does."""

from __future__ import annotations

import ast
from typing import Any

from app.interpreter.values import InterpreterFunction


def local_names(node: ast.FunctionDef) -> frozenset[str]:
    """Names a function body binds (parameters included), so reading one early is an error."""
    args = node.args
    names = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
    stack: list[ast.AST] = list(node.body)
    while stack:
        current = stack.pop()
        if isinstance(current, ast.FunctionDef):
            names.add(current.name)
            stack.extend(current.args.defaults)
            stack.extend(d for d in current.args.kw_defaults if d is not None)
            continue  # its body is its own scope
        if isinstance(current, ast.ListComp | ast.DictComp | ast.GeneratorExp):
            stack.append(current.generators[0].iter)
            continue  # comprehension variables are their own scope
        if isinstance(current, ast.Name) and isinstance(current.ctx, ast.Store | ast.Del):
            names.add(current.id)
        elif isinstance(current, ast.alias):
            names.add((current.asname or current.name).split(".")[0])
        stack.extend(ast.iter_child_nodes(current))
    return frozenset(names)


def bind_arguments(
    function: InterpreterFunction, args: list[Any], kwargs: dict[str, Any]
) -> dict[str, Any]:
    """The call's local scope, or the TypeError Python raises for a mismatched call."""
    spec = function.node.args
    name = function.name
    positional = [a.arg for a in (*spec.posonlyargs, *spec.args)]
    positional_only = {a.arg for a in spec.posonlyargs}
    keyword_only = [a.arg for a in spec.kwonlyargs]
    defaults = dict(
        zip(positional[len(positional) - len(function.defaults) :], function.defaults, strict=True)
    )
    if len(args) > len(positional):
        raise TypeError(_too_many(name, len(positional), len(defaults), len(args)))
    bound = dict(zip(positional, args, strict=False))
    for key, value in kwargs.items():
        if key in positional_only:
            raise TypeError(
                f"{name}() got some positional-only arguments passed as keyword arguments: '{key}'"
            )
        if key not in positional and key not in keyword_only:
            raise TypeError(f"{name}() got an unexpected keyword argument '{key}'")
        if key in bound:
            raise TypeError(f"{name}() got multiple values for argument '{key}'")
        bound[key] = value
    missing = [p for p in positional if p not in bound and p not in defaults]
    if missing:
        raise TypeError(_missing(name, missing, "positional"))
    for parameter in positional:
        if parameter not in bound:
            bound[parameter] = defaults[parameter]
    missing = [k for k in keyword_only if k not in bound and k not in function.kw_defaults]
    if missing:
        raise TypeError(_missing(name, missing, "keyword-only"))
    for parameter in keyword_only:
        if parameter not in bound:
            bound[parameter] = function.kw_defaults[parameter]
    return bound


def _too_many(name: str, count: int, optional: int, given: int) -> str:
    takes = f"from {count - optional} to {count}" if optional else str(count)
    plural = "" if count == 1 and not optional else "s"
    verb = "was" if given == 1 else "were"
    return f"{name}() takes {takes} positional argument{plural} but {given} {verb} given"


def _missing(name: str, missing: list[str], kind: str) -> str:
    quoted = [f"'{m}'" for m in missing]
    if len(quoted) == 1:
        listed = quoted[0]
    elif len(quoted) == 2:
        listed = f"{quoted[0]} and {quoted[1]}"
    else:
        listed = ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
    plural = "" if len(missing) == 1 else "s"
    return f"{name}() missing {len(missing)} required {kind} argument{plural}: {listed}"
