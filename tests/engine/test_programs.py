"""The engine corpus: every program in tests/engine/programs behaves exactly as in torch 2.13.

These programs use the Python the sandbox may not (yet) run — `class Net(nn.Module)`,
try/except, lambdas — to pin the engine's own behaviour: nn.Module's registration rules and
messages, initialisation, layers' graphs, optimizers' trajectories. Expected results come from
real PyTorch (`tools/golden/generate.py engine`); memory addresses are the only thing normalised.
"""

from __future__ import annotations

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

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "tests" / "engine" / "programs"
PROGRAM_PATHS = sorted(p.relative_to(PROGRAMS).as_posix() for p in PROGRAMS.glob("*/*.py"))
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")

MODULES: dict[str, types.ModuleType] = {
    "torch": engine,
    "torch.nn": engine.nn,
    "torch.nn.functional": engine.nn.functional,
    "torch.nn.init": engine.nn.init,
    "torch.autograd": engine.autograd,
    "torch.optim": engine.optim,
    "math": math,
}


def _tool(name: str) -> types.ModuleType:
    """tools/ is not a package: load one of the golden tools from its file."""
    spec = importlib.util.spec_from_file_location(
        f"golden_{name}", ROOT / "tools" / "golden" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RUNNER = _tool("runner")
# torch's output as recorded on a machine of this kind (MKL's kernels depend on the CPU)
EXPECTED: dict[str, Any] = _tool("cpu_fixture").load_programs(
    ROOT / "tests" / "engine" / "fixtures" / "programs.json"
)


def _normalise(value: Any) -> Any:
    if isinstance(value, str):
        return ADDRESS.sub("0x…", value)
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    return value


def test_fixture_comes_from_torch_2_13_and_covers_every_program() -> None:
    assert EXPECTED["torch_version"].startswith("2.13.")
    assert sorted(EXPECTED["programs"]) == PROGRAM_PATHS
    assert len(PROGRAM_PATHS) >= 9


@pytest.mark.parametrize("path", PROGRAM_PATHS, ids=PROGRAM_PATHS)
def test_program_matches_torch(path: str) -> None:
    source = (PROGRAMS / path).read_text(encoding="utf-8")
    try:
        result = RUNNER.run_program(source, MODULES)
    finally:
        engine.set_grad_enabled(True)
    expected = EXPECTED["programs"][path]
    assert _normalise(result["stdout"]) == _normalise(expected["stdout"])
    assert _normalise(result["error"]) == _normalise(expected["error"])
    assert _normalise(result["warnings"]) == _normalise(expected["warnings"])
