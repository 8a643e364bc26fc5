"""CPU numerics against real PyTorch 2.13 (fixtures from tools/golden/gen_cpu_kernels.py):
every case of tools/golden/cpu_cases.py — transcendental functions, matrix products, sums,
linspace/arange, forward and backward, 0-d to 10^5 elements, strided views — must give
torch's bits, except the few kernels listed in KNOWN_GAPS, whose mismatch counts may only
shrink."""

from __future__ import annotations

import importlib.util
import json
import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import engine as torch
from engine.cpu import mkl

FIXTURE = Path(__file__).parents[1] / "fixtures" / "cpu_kernels.json"
CASES_FILE = Path(__file__).resolve().parents[3] / "tools" / "golden" / "cpu_cases.py"
STORED: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))


def _load_cases() -> types.ModuleType:
    """tools/ is not a package: load the case builder the generator uses, from its file."""
    spec = importlib.util.spec_from_file_location("golden_cpu_cases", CASES_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CASES = _load_cases()
RUNNER = CASES.CaseRunner(torch)
ALL_PAIRS = list(zip(CASES.all_cases(), STORED["cases"], strict=True))

# Kernels not yet reproduced bit for bit: case name → mismatching elements today (all outputs,
# forward and gradients). Sleef's vectorised pow/exp (pow with other exponents, sigmoid's
# 16-element chunks), ATen's softmax kernels, and the sum order of a broadcast matmul's grad.
KNOWN_GAPS: dict[str, int] = {
    "sigmoid/float32 (4,10)": 1,
    "sigmoid/float32 (1000)": 76,
    "sigmoid/float32 (64)": 2,
    "sigmoid/float32 (100000)": 92,
    "sigmoid/float32 (40) stride2": 1,
    "sigmoid/float32 (5,9) transpose": 2,
    "pow_scalar/float32 (17) {'exponent': 3}": 12,
    "pow_scalar/float32 (1000) {'exponent': 3}": 667,
    "pow_scalar/float32 (17) {'exponent': 0.5}": 5,
    "pow_scalar/float32 (1000) {'exponent': 0.5}": 300,
    "pow_scalar/float32 (17) {'exponent': -1}": 5,
    "pow_scalar/float32 (1000) {'exponent': -1}": 281,
    "pow_scalar/float32 () {'exponent': -2}": 1,
    "pow_scalar/float32 (17) {'exponent': -2}": 8,
    "pow_scalar/float32 (1000) {'exponent': -2}": 526,
    "pow_scalar/float32 () {'exponent': 2.5}": 1,
    "pow_scalar/float32 (17) {'exponent': 2.5}": 12,
    "pow_scalar/float32 (1000) {'exponent': 2.5}": 665,
    "pow_scalar/float32 (17) {'exponent': 1.5}": 8,
    "pow_scalar/float32 (1000) {'exponent': 1.5}": 603,
    "pow_scalar/float32 (17) {'exponent': -0.5}": 5,
    "pow_scalar/float32 (1000) {'exponent': -0.5}": 535,
    "pow/float32 ()x()": 1,
    "pow/float32 (17)x(17)": 13,
    "pow/float32 (1000)x(1000)": 518,
    "softmax/float32 (4,10) {'dim': 1}": 59,
    "softmax/float32 (32,10) {'dim': -1}": 288,
    "softmax/float32 (3,100) {'dim': 1}": 431,
    "softmax/float32 (2,3,4) {'dim': -1}": 3,
    "softmax/float32 (4,10) {'dim': 0}": 8,
    "softmax/float32 (64,1000) {'dim': 1}": 1613,
    "log_softmax/float32 (5) {'dim': 0}": 1,
    "log_softmax/float32 (4,10) {'dim': 1}": 7,
    "log_softmax/float32 (32,10) {'dim': -1}": 88,
    "log_softmax/float32 (3,100) {'dim': 1}": 14,
    "log_softmax/float32 (2,3,4) {'dim': -1}": 7,
    "log_softmax/float32 (4,10) {'dim': 0}": 7,
    "log_softmax/float32 (64,1000) {'dim': 1}": 161,
    "matmul/float32 (2,1,3,4)x(5,4,2)": 5,
    "sigmoid/float64 (16)": 2,
    "sigmoid/float64 (4,10)": 6,
    "sigmoid/float64 (1000)": 47,
    "sigmoid/float64 (64)": 2,
    "sigmoid/float64 (100000)": 67,
    "sigmoid/float64 (5,9) transpose": 2,
    "pow_scalar/float64 (17) {'exponent': 3}": 13,
    "pow_scalar/float64 (1000) {'exponent': 3}": 638,
    "pow_scalar/float64 () {'exponent': 0.5}": 1,
    "pow_scalar/float64 (17) {'exponent': 0.5}": 5,
    "pow_scalar/float64 (1000) {'exponent': 0.5}": 256,
    "pow_scalar/float64 () {'exponent': -1}": 1,
    "pow_scalar/float64 (17) {'exponent': -1}": 6,
    "pow_scalar/float64 (1000) {'exponent': -1}": 253,
    "pow_scalar/float64 (17) {'exponent': -2}": 6,
    "pow_scalar/float64 (1000) {'exponent': -2}": 320,
    "pow_scalar/float64 () {'exponent': 2.5}": 1,
    "pow_scalar/float64 (17) {'exponent': 2.5}": 9,
    "pow_scalar/float64 (1000) {'exponent': 2.5}": 420,
    "pow_scalar/float64 (17) {'exponent': 1.5}": 6,
    "pow_scalar/float64 (1000) {'exponent': 1.5}": 420,
    "pow_scalar/float64 () {'exponent': -0.5}": 1,
    "pow_scalar/float64 (17) {'exponent': -0.5}": 4,
    "pow_scalar/float64 (1000) {'exponent': -0.5}": 337,
    "pow/float64 (17)x(17)": 14,
    "pow/float64 (1000)x(1000)": 524,
    "softmax/float64 (5) {'dim': 0}": 2,
    "softmax/float64 (4,10) {'dim': 1}": 13,
    "softmax/float64 (32,10) {'dim': -1}": 360,
    "softmax/float64 (3,100) {'dim': 1}": 423,
    "softmax/float64 (4,10) {'dim': 0}": 8,
    "softmax/float64 (64,1000) {'dim': 1}": 1765,
    "log_softmax/float64 (5) {'dim': 0}": 2,
    "log_softmax/float64 (4,10) {'dim': 1}": 19,
    "log_softmax/float64 (32,10) {'dim': -1}": 139,
    "log_softmax/float64 (3,100) {'dim': 1}": 26,
    "log_softmax/float64 (2,3,4) {'dim': -1}": 3,
    "log_softmax/float64 (4,10) {'dim': 0}": 9,
    "log_softmax/float64 (64,1000) {'dim': 1}": 229,
    "matmul/float64 (2,1,3,4)x(5,4,2)": 12,
}
# torch functions the engine does not offer yet: their cases run once it does
NOT_IN_ENGINE = {"expm1", "log1p", "rsqrt"}


PAIRS = [(case, stored) for case, stored in ALL_PAIRS if case["op"] not in NOT_IN_ENGINE]


def test_fixture_matches_the_case_list() -> None:
    assert [case["name"] for case, _ in ALL_PAIRS] == [c["name"] for c in STORED["cases"]]
    assert STORED["meta"]["torch"].startswith("2.13")
    for case, stored in ALL_PAIRS:
        inputs = [CASES.build_input(case, i) for i in range(len(case.get("shapes", ())))]
        assert [CASES.digest(a) for a in inputs] == stored["inputs"], case["name"]


def test_mkl_is_loaded() -> None:
    # the exact path needs the library torch links; without it every MKL case below fails
    assert mkl.available()


@pytest.mark.parametrize(("case", "stored"), PAIRS, ids=[c["name"] for c, _ in PAIRS])
def test_case_matches_torch(case: dict[str, Any], stored: dict[str, Any]) -> None:
    outputs = RUNNER.run(case)
    assert len(outputs) == len(stored["outputs"])
    bad = sum(CASES.mismatches(o, s)[0] for o, s in zip(outputs, stored["outputs"], strict=True))
    assert bad <= KNOWN_GAPS.get(case["name"], 0), f"{bad} elements differ from torch"


def test_ops_not_in_engine_are_still_missing() -> None:
    # once the engine offers one, its cases must run: drop it from NOT_IN_ENGINE
    assert not [op for op in NOT_IN_ENGINE if hasattr(torch, op)]


def test_known_gaps_are_real_cases() -> None:
    names = {case["name"] for case, _ in PAIRS}
    assert set(KNOWN_GAPS) <= names
    assert all(count > 0 for count in KNOWN_GAPS.values())


def test_log_of_e_prints_like_torch() -> None:
    # the example: float32 ln(2.718281828) is 0.99999994, which torch prints as 1.0000
    assert repr(torch.log(torch.tensor(2.718281828))) == "tensor(1.0000)"
    assert np.float32(torch.log(torch.tensor(2.718281828)).item()) == np.float32(0.99999994)
