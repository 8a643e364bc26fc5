"""Golden fixtures for the engine's fidelity corpora: what real PyTorch does for each program.

Run with the scratch torch virtualenv (torch is never a project dependency):

    /work/scratch/torchenv/bin/python tools/golden/generate.py [api|engine]

It runs every <corpus>/<topic>/<name>.py through tools/golden/runner.py with real torch and
writes the corpus's JSON: per program path, the printed output (as Python's interactive
interpreter shows it), the error that stopped the program and every warning. Two corpora:
`api` (tests/golden/programs → tests/golden/expected.json: the interpreter's language, run
through /api/run too) and `engine` (tests/engine/programs → tests/engine/fixtures/programs.json:
any Python, e.g. `class Net(nn.Module)` and try/except, run on the engine only).
Memory addresses (`<MulBackward0 object at 0x…>`) are written as `0x…` so the file is stable;
tests/engine/test_golden.py runs the same programs against `engine` and compares exactly, with
the same normalisation.
"""

from __future__ import annotations

import importlib
import json
import math
import multiprocessing
import re
import sys
import types
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPORA = {
    "api": (ROOT / "tests" / "golden" / "programs", ROOT / "tests" / "golden" / "expected.json"),
    "engine": (
        ROOT / "tests" / "engine" / "programs",
        ROOT / "tests" / "engine" / "fixtures" / "programs.json",
    ),
}
PROGRAMS, OUT = CORPORA["api"]
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpu_fixture import cpu_key, write  # noqa: E402
from runner import run_program  # noqa: E402


def program_paths() -> list[str]:
    """Corpus programs as '<topic>/<name>.py', sorted."""
    return sorted(p.relative_to(PROGRAMS).as_posix() for p in PROGRAMS.glob("*/*.py"))


def normalise(value: Any) -> Any:
    """Replaces memory addresses (allocator noise, different every run) in every string."""
    if isinstance(value, str):
        return ADDRESS.sub("0x…", value)
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    return value


def torch_modules() -> dict[str, types.ModuleType]:
    """Real torch (only the scratch virtualenv has it), under the names the corpus imports."""
    names = (
        "torch",
        "torch.nn",
        "torch.nn.functional",
        "torch.nn.init",
        "torch.autograd",
        "torch.optim",
        "torch.optim.lr_scheduler",
        "torch.utils",
        "torch.utils.data",
    )
    modules = {name: importlib.import_module(name) for name in names}
    modules["math"] = math
    return modules


_modules: dict[str, types.ModuleType] = {}


def run_one(path: str) -> Any:
    """One program in a freshly forked process: a new session, as a learner's program gets.

    PyTorch warns some things once per process (e.g. backward with create_graph=True); a
    program's output must not depend on which programs happened to run before it.
    """
    source = (PROGRAMS / path).read_text(encoding="utf-8")
    return normalise(run_program(source, _modules))


def run_all(modules: dict[str, types.ModuleType]) -> dict[str, Any]:
    _modules.update(modules)
    paths = program_paths()
    with multiprocessing.get_context("fork").Pool(2, maxtasksperchild=1) as pool:
        outputs = pool.map(run_one, paths, chunksize=1)
    return dict(zip(paths, outputs, strict=True))


def main() -> None:
    global PROGRAMS, OUT
    PROGRAMS, OUT = CORPORA[sys.argv[1] if len(sys.argv) > 1 else "api"]
    modules = torch_modules()
    torch: Any = modules["torch"]
    torch.set_num_threads(1)
    results = run_all(modules)
    payload = {"torch_version": torch.__version__, "programs": results}
    # on a machine other than the reference, only what differs there (MKL's kernels depend on
    # the CPU: tools/golden/cpu_fixture.py)
    out = write(OUT, payload, "programs", lambda ours, ref: ours == ref)
    count = len(json.loads(out.read_text(encoding="utf-8"))["programs"])
    where = f"torch {torch.__version__}, {cpu_key()}"
    print(f"wrote {out.relative_to(ROOT)} ({count} programs, {where})")


if __name__ == "__main__":
    main()
