"""The engine's imports: every module imports on its own, the import graph has no cycle, and the
engine never reaches into the app (or anything but numpy and the standard library).

A cycle can hide behind the import order of `engine/__init__.py` (the package imports its
modules in an order that happens to work); the static check below finds it regardless of order.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "engine"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(ENGINE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """The imports a module runs when imported (module level, outside `if TYPE_CHECKING:`)."""
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and not _is_type_checking(node):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    yield inner


def _imported_modules(name: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The modules an import statement loads (`from engine import dtypes` loads engine.dtypes)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        package = name.rsplit(".", node.level)[0] if name in MODULES else name
        base = f"{package}.{node.module}" if node.module else package
    else:
        base = node.module or ""
    found = [base]
    found += [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES]
    return found


def _loads(target: str) -> list[str]:
    """Importing `a.b.c` runs `a`, `a.b` and `a.b.c`, in that order."""
    parts = target.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _edges() -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets: list[str] = []
        for node in _runtime_imports(tree):
            for module in _imported_modules(name, node):
                for loaded in _loads(module):
                    # a module's own packages are already being imported when it runs
                    is_ancestor = name == loaded or name.startswith(loaded + ".")
                    if loaded in MODULES and not is_ancestor and loaded not in targets:
                        targets.append(loaded)
        graph[name] = targets
    return graph


def _find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """One import cycle, as the list of modules around it, or None (iterative DFS)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in graph:
        if state.get(start):
            continue
        path: list[str] = [start]
        iterators = [iter(graph[start])]
        state[start] = 1
        while iterators:
            nxt = next(iterators[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                iterators.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                iterators.append(iter(graph[nxt]))
    return None


def test_the_engine_has_no_import_cycle() -> None:
    cycle = _find_cycle(_edges())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_cycle_check_finds_a_cycle() -> None:
    # the check itself must be able to fail: a two-module loop is reported with its path
    assert _find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": ["b"], "b": []}) is None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_engine_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _imports_of(path: Path) -> Iterator[tuple[str, int]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno


def test_the_engine_never_imports_the_app() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in MODULES.values()
        for module, line in _imports_of(path)
        if module == "app" or module.startswith("app.")
    ]
    assert offenders == []


def test_the_engine_needs_only_numpy_and_the_standard_library() -> None:
    allowed = set(sys.stdlib_module_names) | {"numpy", "engine"}
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in MODULES.values()
        for module, line in _imports_of(path)
        if module.split(".")[0] not in allowed
    ]
    assert offenders == []


def test_no_import_is_placed_inside_a_function_to_dodge_a_cycle() -> None:
    offenders = []
    for path in MODULES.values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                offenders += [
                    f"{path.relative_to(ROOT)}:{inner.lineno}"
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.Import | ast.ImportFrom)
                ]
    assert offenders == []
