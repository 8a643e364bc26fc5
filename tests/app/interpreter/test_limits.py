"""Every sandbox limit is configurable and, when reached, names itself (in-process runs)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from app.config import Settings
from app.worker.program import run_program

BASE = Settings(time_limit_s=10.0)


def error_of(code: str, **limits: Any) -> tuple[str, str, int | None]:
    result = run_program(code, settings=dataclasses.replace(BASE, **limits))
    assert result["error"] is not None
    return result["error"]["type"], result["error"]["message"], result["error"]["line"]


@pytest.mark.parametrize(
    ("code", "limits", "expected"),
    [
        ("x = 1\n" * 11, {"max_lines": 10}, ("source lines", "10", 11)),
        ("x = 'abcdef'", {"max_source_bytes": 8}, ("source size", "8 bytes", 1)),
        ("x = [[[1]]]", {"max_ast_depth": 4}, ("nesting depth", "4", 1)),
        ("x = [1, 2, 3, 4]", {"max_ast_nodes": 4}, ("program size (syntax tree nodes)", "4", 1)),
        ("x = 2 ** 70", {"max_int_bits": 64}, ("integer size", "64 bits", 1)),
        ("x = 'ab' * 6", {"max_sequence_length": 10}, ("string length", "10", 1)),
        ("x = [0] * 11", {"max_sequence_length": 10}, ("list length", "10", 1)),
        ("d = {i: i for i in range(11)}", {"max_sequence_length": 10}, ("dict size", "10", 1)),
        (
            "import torch\nt = torch.zeros(11)",
            {"max_tensor_elements": 10},
            ("elements per tensor", "10", 2),
        ),
        (
            "import torch\na = torch.zeros(6)\nb = torch.zeros(6)",
            {"max_live_elements": 10},
            ("elements in live tensors", "10", 3),
        ),
        (
            "import torch\na = torch.ones(4, 5)\na @ torch.ones(5, 4)",
            {"max_matmul_flops": 50},
            ("matmul size (multiply-adds)", "50", 3),
        ),
        (
            "import torch\nw = torch.ones(1, requires_grad=True)\n"
            "for i in range(20):\n    w = w * 2",
            {"max_recorded_ops": 10},
            ("recorded operations", "10", 4),
        ),
        (
            "for i in range(11):\n    pass",
            {"max_loop_iterations": 10},
            ("loop iterations", "10", 1),
        ),
        (
            "def f(n):\n    return f(n - 1) if n else 0\nf(5)",
            {"max_call_depth": 3},
            ("function call depth", "3", 2),
        ),
        ("print('x' * 20)", {"max_output_bytes": 10}, ("output size", "10 bytes", 1)),
        ("x = [[1, 2]] * 3\nx", {"max_nested_elements": 5}, ("nested elements", "5", 2)),
    ],
)
def test_limit_is_configurable_and_named(
    code: str, limits: dict[str, Any], expected: tuple[str, str, int]
) -> None:
    what, value, line = expected
    assert error_of(code, **limits) == (
        "LimitExceeded",
        f"{what} exceeded the limit of {value}",
        line,
    )


def test_wall_clock_limit_is_configurable() -> None:
    kind, message, line = error_of(
        "def f(n):\n    return f(n - 1) + f(n - 1) if n else 0\nf(25)", time_limit_s=0.2
    )
    assert (kind, message) == ("LimitExceeded", "wall-clock time exceeded the limit of 0.2 s")
    assert line in (2, 3)


def test_the_same_program_runs_within_the_limits() -> None:
    result = run_program("import torch\nt = torch.zeros(10)\nprint(t.sum())", settings=BASE)
    assert result["error"] is None and result["stdout"] == "tensor(0.)\n"


def test_live_elements_are_freed_when_names_are_rebound() -> None:
    code = "import torch\nfor i in range(50):\n    t = torch.zeros(8)\nprint(t.shape)"
    result = run_program(code, settings=dataclasses.replace(BASE, max_live_elements=20))
    assert result["error"] is None and result["stdout"] == "torch.Size([8])\n"
