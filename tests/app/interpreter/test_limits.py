"""Every sandbox limit is configurable and, when reached, names itself (in-process runs)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from app.config import Settings
from app.interpreter import policy
from app.interpreter.limits import nested_size
from app.interpreter.tree_cache import BYTES_PER_NODE
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
        (
            "x = [3, 1, 2] * 10\nx.sort()",
            {"max_builtin_steps": 100},
            ("element steps of one builtin call", "100", 2),
        ),
        (
            "sum([[1]] * 20, [])",
            {"max_builtin_steps": 100},
            ("element steps of one builtin call", "100", 1),
        ),
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


# costs estimated before C runs ------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "stdout"),
    [
        # a list that contains itself prints as Python prints it (the size check ends)
        ("a = []\na.append(a)\nprint(a)\na", "[[...]]\n[[...]]\n"),
        (
            "a = [1]\na.append(a)\nb = {'k': a}\nprint(b)\nstr(a)",
            "{'k': [1, [...]]}\n'[1, [...]]'\n",
        ),
        ("a = []\na.append(a)\na == a", "True\n"),
        # every int rounds to 0 at more places than it has digits: no 10 ** (10 ** 8) first
        ("round(1, -10**8)", "0\n"),
        ("round(15, -1), round(25, -1), round(-7, -3), round(5.5, -10**8)", "(20, 20, 0, 0.0)\n"),
        ("sum([[1, 2], [3]], [])", "[1, 2, 3]\n"),
        ("import math\nmath.prod(range(1, 20))", "121645100408832000\n"),
        ("('\\ufb03' * 3).upper()", "'FFIFFIFFI'\n"),
        (
            "x = [(2, 'b'), (1, 'a')]\nx.sort()\nx, sorted([3, 1, 2], reverse=True)",
            "([(1, 'a'), (2, 'b')], [3, 2, 1])\n",
        ),
        ("d = {'a': 1}\nd.get('a'), d.pop('a'), d.setdefault('b', 2), d", "(1, 1, 2, {'b': 2})\n"),
        ("x = [1, 2, 2]\nx.count(2), x.index(2), (1, 1).count(1)", "(2, 1, 2)\n"),
        ("import torch\nlen(torch.zeros(300, 300).tolist())", "300\n"),
    ],
)
def test_cheap_cases_of_costly_builtins_behave_as_python(code: str, stdout: str) -> None:
    result = run_program(code, settings=BASE)
    assert result["error"] is None, result["error"]
    assert result["stdout"] == stdout


def test_comparing_two_lists_that_contain_themselves_is_pythons_recursion_error() -> None:
    code = "a = []\na.append(a)\nb = []\nb.append(b)\na == b"
    assert error_of(code) == ("RecursionError", "maximum recursion depth exceeded in comparison", 5)


def test_nested_size_counts_shared_rows_each_time_and_cycles_once() -> None:
    row = [0] * 1000
    assert nested_size([row] * 1000, 10**7)[0] == 1000 + 1000 * 1000
    cyclic: list[object] = [1]
    cyclic.append(cyclic)
    assert nested_size(cyclic, 100) == (2, len("[1, [...]]"))
    assert nested_size({"ab": [1.0, None]}, 100) == (4, len("{ab: [0.0, None]}"))
    # it stops soon after the limit, even for a structure with 10**10 items
    items, _ = nested_size([[0] * 10**5] * 10**5, 10**6)
    assert 10**6 < items <= 2 * 10**6


def test_the_parse_cache_is_bounded_by_the_memory_of_its_trees() -> None:
    settings = dataclasses.replace(BASE, parse_cache_mb=1)
    policy.TREES.clear()
    try:
        big = "x = [" + ", ".join(str(i) for i in range(1500)) + "]"  # ~1500 nodes
        for i in range(20):
            policy.parse_program(f"{big}\ny{i} = 1", settings)
        assert policy.TREES.bytes <= 1024 * 1024
        assert 0 < len(policy.TREES) < 20
        assert policy.TREES.bytes >= len(policy.TREES) * 1500 * BYTES_PER_NODE
        # the most recent programs are the ones kept
        assert policy.TREES.get(f"{big}\ny19 = 1", settings) is not None
        assert policy.TREES.get(f"{big}\ny0 = 1", settings) is None
    finally:
        policy.TREES.clear()


def test_running_out_of_memory_while_parsing_is_reported_as_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def exhausted(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(policy.ast, "parse", exhausted)
    assert error_of("x = 1  # not cached") == (
        "LimitExceeded",
        "memory exceeded the limit of 1024 MB",
        1,
    )
