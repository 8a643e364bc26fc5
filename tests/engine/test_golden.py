"""The golden corpus: every program in tests/golden/programs behaves exactly as in torch 2.13.

Expected results come from real PyTorch (tools/golden/generate.py); here the same programs run
through the same runner with `engine` standing in for torch. Memory addresses (grad_fn reprs)
are the only thing normalised.
"""

from __future__ import annotations

import ast
import importlib.util
import math
import re
import types
from pathlib import Path
from typing import Any

import pytest

import engine
import engine.autograd
import engine.nn
import engine.nn.functional
import engine.nn.init
import engine.optim
import engine.utils
import engine.utils.data

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "tests" / "golden" / "programs"
EXPECTED_FILE = ROOT / "tests" / "golden" / "expected.json"
RUNNER_FILE = ROOT / "tools" / "golden" / "runner.py"
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")

MODULES: dict[str, types.ModuleType] = {
    "torch": engine,
    "torch.nn": engine.nn,
    "torch.nn.functional": engine.nn.functional,
    "torch.nn.init": engine.nn.init,
    "torch.autograd": engine.autograd,
    "torch.optim": engine.optim,
    "torch.optim.lr_scheduler": engine.optim.lr_scheduler,
    "torch.utils": engine.utils,
    "torch.utils.data": engine.utils.data,
    "math": math,
}


def load_tool(path: Path) -> types.ModuleType:
    """tools/ is not a package: load one of the golden tools from its file."""
    spec = importlib.util.spec_from_file_location(f"golden_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RUNNER = load_tool(RUNNER_FILE)
# torch's output as recorded on a machine of this kind (MKL's kernels depend on the CPU)
CPU_FIXTURE = load_tool(RUNNER_FILE.with_name("cpu_fixture.py"))
EXPECTED: dict[str, Any] = CPU_FIXTURE.load_programs(EXPECTED_FILE)
PROGRAM_PATHS = sorted(p.relative_to(PROGRAMS).as_posix() for p in PROGRAMS.glob("*/*.py"))


# The interpreter's language subset (issue 3): the corpus must be runnable through /api/run too.
ALLOWED_IMPORTS = {
    "import torch",
    "import torch.nn.functional as F",
    "from torch.autograd import Variable",
    "import math",
    "import torch.nn as nn",
    "from torch import nn",
    "import torch.optim as optim",
    "from torch.optim import lr_scheduler",
    "from torch.utils.data import DataLoader, TensorDataset",
    "from torch.utils.data import DataLoader, TensorDataset, random_split",
    "from torch.utils.data import DataLoader, Dataset",
}
GRAD_MODE_MANAGERS = {"torch.no_grad()", "torch.enable_grad()"}
REFUSED_NODES = (
    ast.Try,
    ast.Global,
    ast.Nonlocal,
    ast.Yield,
    ast.YieldFrom,
    ast.AsyncFunctionDef,
    ast.Await,
    ast.Raise,
    ast.Assert,
    ast.Delete,
)


def language_problems(tree: ast.Module) -> list[str]:
    """Constructs the interpreter refuses, found anywhere in a corpus program."""
    problems = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import | ast.ImportFrom):
            if ast.unparse(node) not in ALLOWED_IMPORTS:
                problems.append(f"line {line}: {ast.unparse(node)}")
        elif isinstance(node, REFUSED_NODES):
            problems.append(f"line {line}: {type(node).__name__}")
        elif isinstance(node, ast.With):
            managers = {ast.unparse(item.context_expr) for item in node.items}
            if any(
                m not in GRAD_MODE_MANAGERS and not m.startswith("torch.set_grad_enabled(")
                for m in managers
            ):
                problems.append(f"line {line}: with {managers}")
        elif isinstance(node, ast.Name) and node.id.startswith("_"):
            problems.append(f"line {line}: name {node.id}")
        elif (
            isinstance(node, ast.Attribute) and node.attr.startswith("_") and not _super_init(node)
        ):
            problems.append(f"line {line}: attribute {node.attr}")
    return problems


def _super_init(node: ast.Attribute) -> bool:
    """`super().__init__`: the one dunder the interpreter's classes may name."""
    call = node.value
    return (
        node.attr == "__init__"
        and isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "super"
    )


def normalise(value: Any) -> Any:
    """Replaces memory addresses in every string of a result, recursively."""
    if isinstance(value, str):
        return ADDRESS.sub("0x…", value)
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    return value


def test_fixture_comes_from_torch_2_13() -> None:
    assert EXPECTED["torch_version"].startswith("2.13.")


def test_every_program_has_a_golden_result_and_vice_versa() -> None:
    assert sorted(EXPECTED["programs"]) == PROGRAM_PATHS


def test_corpus_is_large_enough_to_cover_the_engine() -> None:
    assert len(PROGRAM_PATHS) >= 220


@pytest.mark.parametrize("path", PROGRAM_PATHS, ids=PROGRAM_PATHS)
def test_program_uses_only_the_interpreters_language(path: str) -> None:
    tree = ast.parse((PROGRAMS / path).read_text(encoding="utf-8"))
    assert language_problems(tree) == []


@pytest.mark.parametrize("path", PROGRAM_PATHS, ids=PROGRAM_PATHS)
def test_program_errors_only_in_its_last_statement(path: str) -> None:
    """The first uncaught error stops a program, so anything after it would compare nothing."""
    tree = ast.parse((PROGRAMS / path).read_text(encoding="utf-8"))
    error = EXPECTED["programs"][path]["error"]
    if error is not None:
        last = tree.body[-1]
        functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
        spans = [(n.lineno, n.end_lineno) for n in [last, *functions]]
        assert any(start <= error["line"] <= (end or start) for start, end in spans)


@pytest.mark.parametrize("path", PROGRAM_PATHS, ids=PROGRAM_PATHS)
def test_program_matches_torch(path: str) -> None:
    source = (PROGRAMS / path).read_text(encoding="utf-8")
    try:
        result = RUNNER.run_program(source, MODULES)
    finally:
        engine.set_grad_enabled(True)  # a program may leave grad mode off at top level
    expected = EXPECTED["programs"][path]
    assert normalise(result["stdout"]) == normalise(expected["stdout"])
    assert normalise(result["error"]) == normalise(expected["error"])
    assert normalise(result["warnings"]) == normalise(expected["warnings"])


# The runner itself: Python's interactive semantics, checked on programs without torch.
def fake_modules() -> dict[str, types.ModuleType]:
    torch = types.ModuleType("torch")
    autograd = types.ModuleType("torch.autograd")
    nn = types.ModuleType("torch.nn")
    functional = types.ModuleType("torch.nn.functional")
    autograd.Variable = "the Variable"  # type: ignore[attr-defined]
    functional.name = "F"  # type: ignore[attr-defined]
    nn.functional = functional  # type: ignore[attr-defined]
    torch.nn = nn  # type: ignore[attr-defined]
    torch.autograd = autograd  # type: ignore[attr-defined]
    return {
        "torch": torch,
        "torch.nn": nn,
        "torch.nn.functional": functional,
        "torch.autograd": autograd,
        "math": math,
    }


def test_runner_echoes_like_the_interactive_interpreter() -> None:
    source = "x = 1 + 1\nx\nNone\n'a'\nfor i in range(2):\n    i * 10\nprint('p')\n[x]\n"
    result = RUNNER.run_program(source, fake_modules())
    assert result == {"stdout": "2\n'a'\n0\n10\np\n[2]\n", "error": None, "warnings": []}


def test_runner_resolves_the_corpus_imports_through_the_mapping() -> None:
    source = (
        "import torch\nimport torch.nn.functional as F\n"
        "from torch.autograd import Variable\nimport math\n"
        "F.name\nVariable\nmath.floor(2.5)\ntorch.nn.functional is F\n"
    )
    result = RUNNER.run_program(source, fake_modules())
    assert result["stdout"] == "'F'\n'the Variable'\n2\nTrue\n"
    assert result["error"] is None


def test_runner_stops_at_the_first_error_with_its_innermost_program_line() -> None:
    source = "def f(d):\n    return d['k']\n1\nf({})\n2\n"
    result = RUNNER.run_program(source, fake_modules())
    assert result["stdout"] == "1\n"
    assert result["error"] == {"type": "KeyError", "message": "'k'", "line": 2}


def test_runner_records_every_warning_with_its_program_line() -> None:
    source = "import math\nfor i in range(2):\n    math.floor(0.5)\n"
    modules = fake_modules()
    warn = types.ModuleType("math")
    warn.floor = lambda x: warnings_warn(f"floor {x}")  # type: ignore[attr-defined]
    modules["math"] = warn
    result = RUNNER.run_program(source, modules)
    expected = {"category": "UserWarning", "message": "floor 0.5", "line": 3}
    assert result["warnings"] == [expected, expected]
    assert result["stdout"] == ""


def warnings_warn(message: str) -> None:
    """A library function that warns from outside the program (as torch's do)."""
    import warnings

    warnings.warn(message, UserWarning, stacklevel=1)
