"""Seeded random numbers against real PyTorch 2.13 (fixtures from tools/golden/gen_random.py):
the same seed must give the same bits, the same reprs and the same errors."""

from __future__ import annotations

import contextvars
import importlib.util
import json
import re
import types
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import engine as torch
from engine import dtypes

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "random.json"
STEPS_FILE = Path(__file__).resolve().parents[3] / "tools" / "golden" / "random_steps.py"
CASES: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]
DTYPES = {d.name: d for d in dtypes.ALL_DTYPES}


def _load_steps() -> types.ModuleType:
    """tools/ is not a package: load the step interpreter the generator uses, from its file."""
    spec = importlib.util.spec_from_file_location("golden_random_steps", STEPS_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RUNNER = _load_steps().StepRunner(torch)


def run_step(step: dict[str, Any], gens: dict[str, Any]) -> Any:
    """The generator's step, with `engine` in torch's place."""
    return RUNNER.run(step, gens)


def expected_bits(result: dict[str, Any]) -> np.ndarray:
    """torch's values, exactly: floats from their hex text, viewed as raw bits."""
    dt = DTYPES[result["dtype"]]
    if dt.is_floating_point:
        floats = np.array([float.fromhex(v) for v in result["values"]], dtype=np.float64)
        values = floats.astype(dt.np)
    else:
        values = np.array(result["values"], dtype=dt.np)
    return values.view(f"u{dt.np.itemsize}")


def replay(case: dict[str, Any]) -> list[tuple[dict[str, Any], Any]]:
    """Run the program in a fresh context, as the server runs each learner's program."""

    def run() -> list[tuple[dict[str, Any], Any]]:
        gens: dict[str, Any] = {}
        if case["seed"] is not None:
            torch.manual_seed(case["seed"])
        out = []
        for step in case["steps"]:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    value = run_step(step, gens)
                except Exception as error:
                    value = error
            got = outcome_of(value)
            if caught:
                got["warnings"] = [str(w.message) for w in caught]
            out.append((got, value))
        return out

    return contextvars.copy_context().run(run)


def outcome_of(value: Any) -> dict[str, Any]:
    if isinstance(value, Exception):
        return {"error": type(value).__name__, "message": str(value)}
    if value is None:
        return {}
    if isinstance(value, torch.Generator):
        return {"generator": True}
    if isinstance(value, int):
        return {"int": value}
    return {
        "dtype": value.dtype.name,
        "shape": list(value.shape),
        "requires_grad": value.requires_grad,
        "repr": repr(value),
    }


def test_fixture_covers_the_brief() -> None:
    names = {c["name"] for c in CASES}
    assert len(CASES) >= 300
    for required in ("randn-float32-10000", "normal-cache", "requires-grad", "errors"):
        assert required in names
    ops = {step["op"] for c in CASES for step in c["steps"]}
    assert ops >= {"rand", "randn", "randint", "randperm", "normal", "uniform_", "normal_"}
    assert ops >= {"rand_like", "randn_like", "randint_like", "generator"}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_program_matches_torch(case: dict[str, Any]) -> None:
    for step, expected, (got, value) in zip(
        case["steps"], case["results"], replay(case), strict=True
    ):
        where = f"{case['name']}: {step}"
        assert got == {k: v for k, v in expected.items() if k != "values"}, where
        if "values" not in expected:
            continue
        bits = value.detach().numpy().reshape(-1).view(f"u{value.dtype.itemsize}")
        want = expected_bits(expected)
        mismatched = np.flatnonzero(bits != want)
        assert mismatched.size == 0, f"{where}: {mismatched.size} values differ, first at " + (
            f"{mismatched[0]}"
        )


def test_contexts_keep_separate_streams() -> None:
    """Two programs drawing in turn each see their own seeded stream, untouched by the other."""

    def draws(seed: int) -> list[float]:
        torch.manual_seed(seed)
        values: list[float] = torch.rand(4).tolist()
        return values

    alone = contextvars.copy_context().run(draws, 3) + contextvars.copy_context().run(draws, 4)
    first, second = contextvars.copy_context(), contextvars.copy_context()
    first.run(torch.manual_seed, 3)
    second.run(torch.manual_seed, 4)
    interleaved_a, interleaved_b = [], []
    for _ in range(4):
        interleaved_a += first.run(lambda: torch.rand(1).tolist())
        interleaved_b += second.run(lambda: torch.rand(1).tolist())
    assert interleaved_a + interleaved_b == alone


def test_unseeded_context_starts_from_torchs_default_seed() -> None:
    assert contextvars.Context().run(torch.initial_seed) == 67280421310721
    explicit = torch.Generator()
    assert (
        contextvars.Context().run(lambda: torch.rand(3).tolist())
        == torch.rand(3, generator=explicit).tolist()
    )


def test_seed_reseeds_and_reports_the_seed() -> None:
    def run() -> tuple[int, int, list[float], list[float]]:
        chosen = torch.seed()
        after_seed = torch.rand(5).tolist()
        torch.manual_seed(chosen)
        return chosen, torch.initial_seed(), after_seed, torch.rand(5).tolist()

    chosen, initial, after_seed, replayed = contextvars.Context().run(run)
    assert 0 <= chosen < 2**64
    assert initial == chosen
    assert after_seed == replayed


def test_generator_prints_like_torch() -> None:
    generator = contextvars.Context().run(torch.manual_seed, 0)
    assert re.fullmatch(r"<torch\._C\.Generator object at 0x[0-9a-f]+>", repr(generator))
    assert generator is torch.default_generator
    assert repr(type(generator)) == "<class 'torch._C.Generator'>"


def test_fork_rng_restores_the_stream_after_the_block() -> None:
    def run() -> tuple[list[float], list[float], list[float]]:
        torch.manual_seed(3)
        with torch.random.fork_rng():
            inside: list[float] = torch.rand(2).tolist()
        after: list[float] = torch.rand(2).tolist()
        torch.manual_seed(3)
        return inside, after, torch.rand(2).tolist()

    inside, after, fresh = contextvars.Context().run(run)
    assert inside == after == fresh


def test_normal_sends_zero_gradient_to_its_parameters() -> None:
    """derivatives.yaml: a sample is not differentiated through its mean and std."""
    mean = torch.tensor([[0.0], [1.0]], requires_grad=True)
    std = torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
    torch.normal(mean, std).sum().backward()
    assert mean.grad is not None and mean.grad.tolist() == [[0.0], [0.0]]
    assert std.grad is not None and std.grad.tolist() == [[0.0, 0.0, 0.0]]


def test_inplace_sampling_sends_zero_gradient_back() -> None:
    w = torch.ones(3, requires_grad=True)
    x = w * 2
    x.uniform_(-1.0, 1.0).normal_()
    assert x.grad_fn is not None and x.grad_fn.name() == "NormalBackward0"
    uniform_node = x.grad_fn.next_functions[0][0]
    assert uniform_node is not None and uniform_node.name() == "UniformBackward0"
    (x * 3).sum().backward()
    assert w.grad is not None and w.grad.tolist() == [0.0, 0.0, 0.0]


def test_inplace_sampling_bumps_the_version() -> None:
    w = torch.ones(3, requires_grad=True)
    y = w.sigmoid()
    before = y._version
    y.normal_()
    assert y._version == before + 1
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        y.sum().backward()


def test_leaf_sampling_needs_no_grad() -> None:
    w = torch.zeros(4, requires_grad=True)
    with pytest.raises(RuntimeError, match="a leaf Variable that requires grad"):
        w.uniform_()
    with torch.no_grad():
        w.uniform_(-1.0, 1.0)
    assert w.is_leaf and w.requires_grad
    assert all(-1.0 <= v < 1.0 for v in w.tolist())
