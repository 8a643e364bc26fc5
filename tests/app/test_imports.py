"""The app's imports keep the design's rules (docs/architecture.md): only the web layer imports the
web framework; the interpreter, the trace, the renderer, the worker and the lessons are plain
Python; imports flow one way (web → worker → interpreter / trace → engine; the renderer works
from graph JSON only); and the import graph has no cycle. Imports are read with `ast`, so a
rule broken in a branch no test runs is still found. (tests/engine/test_imports.py holds the
engine to its own rules, among them that it never imports the app.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.engine.test_imports import _find_cycle, _imports_of, _loads, _runtime_imports

ROOT = Path(__file__).resolve().parents[2]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted((ROOT / "app").rglob("*.py"))}

# The web layer: the app factory, the routes (the HTTP edge) and the ASGI middleware.
WEB_LAYER = ("app.main", "app.__main__", "app.routes", "app.middleware")
# Who may import each web library (a prefix of the importing module's name).
WEB_LIBRARIES = {
    "fastapi": ("app.main", "app.routes"),
    "starlette": ("app.main", "app.routes"),
    "jinja2": ("app.routes",),
    "pydantic": ("app.routes",),  # pydantic only at the HTTP edge
    "uvicorn": ("app.__main__",),
    "multipart": (),
}
# What a plain package must not import: the web layer, and the parts above it in the flow.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "app.worker": WEB_LAYER,
    "app.interpreter": (*WEB_LAYER, "app.worker", "app.render", "app.lessons"),
    "app.trace": (*WEB_LAYER, "app.worker", "app.interpreter", "app.render", "app.lessons"),
    # the renderer runs in the API process on graph JSON: no engine objects, no trace
    "app.render": (*WEB_LAYER, "app.worker", "app.interpreter", "app.trace", "engine"),
    "app.lessons": (*WEB_LAYER, "app.worker", "app.interpreter", "app.trace", "app.render"),
    "app.i18n": ("app.", "engine"),  # a leaf: the catalogue needs nothing else of the app
    "app.contract": ("app.", "engine"),
    "app.format": (*WEB_LAYER, "app.worker", "app.trace", "app.render", "engine"),
    "app.wire": (*WEB_LAYER, "app.worker", "app.trace", "app.render", "engine"),
    "app.config": ("app.", "engine"),
    "app.examples": (*WEB_LAYER, "app.worker", "engine"),
}


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p.rstrip(".") + ".") for p in prefixes)


def _plain_modules() -> list[str]:
    return [name for name in MODULES if not _within(name, WEB_LAYER)]


def test_every_app_module_is_under_a_rule() -> None:
    ruled = [*FORBIDDEN, *WEB_LAYER, "app"]
    assert [name for name in MODULES if not _within(name, tuple(ruled))] == []


@pytest.mark.parametrize("library", sorted(WEB_LIBRARIES))
def test_only_the_web_layer_imports_the_web_framework(library: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for name, path in MODULES.items()
        for module, line in _imports_of(path)
        if module.split(".")[0] == library and not _within(name, WEB_LIBRARIES[library])
    ]
    assert offenders == []


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_flow_one_way(package: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for name, path in MODULES.items()
        if _within(name, (package,))
        for module, line in _imports_of(path)
        if _within(module, FORBIDDEN[package]) and not _within(module, (package,))
    ]
    assert offenders == []


def test_the_rules_would_catch_a_plain_module_importing_the_web_layer() -> None:
    assert _within("app.routes.run", FORBIDDEN["app.render"])
    assert _within("fastapi.responses", ("fastapi",)) and not _within("fastapix", ("fastapi",))
    assert "app.render.pipeline" in _plain_modules()
    assert "app.routes.run" not in _plain_modules()


def _edges() -> dict[str, list[str]]:
    """app module -> the app modules importing it runs (module level; the app imports are all
    absolute, so `from app.x import y` loads app, app.x and, if it is a module, app.x.y)."""
    graph: dict[str, list[str]] = {}
    for name, path in MODULES.items():
        targets: list[str] = []
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            assert not (isinstance(node, ast.ImportFrom) and node.level), f"{name}: relative"
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            for loaded in (m for module in modules for m in _loads(module)):
                is_ancestor = name == loaded or name.startswith(loaded + ".")
                if loaded in MODULES and not is_ancestor and loaded not in targets:
                    targets.append(loaded)
        graph[name] = targets
    return graph


def test_the_app_has_no_import_cycle() -> None:
    cycle = _find_cycle(_edges())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_trace_and_its_graph_do_not_import_each_other() -> None:
    # not even for type checking: the graph builder needs only the registry
    for part in ("graph", "registry", "snapshot", "recorder", "ledger", "value"):
        imported = {module for module, _ in _imports_of(MODULES[f"app.trace.{part}"])}
        assert "app.trace.program_trace" not in imported, part
