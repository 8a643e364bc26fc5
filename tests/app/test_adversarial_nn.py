"""The adversarial suite, torch.nn and torch.optim: layers too large to build or to call,
models hoarding parameters, hooks and callbacks that recurse or never end, and attempts to reach
engine objects through modules and optimizers — each fails closed with a clear error, and the
server keeps serving (an ordinary program runs afterwards)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.app.test_adversarial import RESERVED, limit, refused

RunApi = Callable[..., dict[str, Any]]
NN = "import torch\nimport torch.nn as nn\nimport torch.optim as optim\n"


def nn_program(body: str) -> str:
    return NN + body


CASES: list[tuple[str, tuple[str, str, int | None]]] = [
    # parameters too large to allocate, refused before they exist
    ("nn.Linear(10**5, 10**5)", limit("elements per tensor", "1000000", 4)),
    ("nn.Linear(2000, 2000)", limit("elements per tensor", "1000000", 4)),
    (
        "xs = [torch.zeros(1000000) for i in range(9)]\nlayer = nn.Linear(1000, 1000)",
        limit("elements in live tensors", "10000000", 5),
    ),
    (
        "xs = [torch.zeros(1000000) for i in range(9)]\n"
        "layers = [nn.Linear(100, 100) for i in range(200)]",
        limit("elements in live tensors", "10000000", 5),
    ),
    # calls too large to compute, refused before they run (also inside a Sequential)
    (
        "lin = nn.Linear(1000, 1000)\nlin(torch.zeros(1000, 1000))",
        limit("matmul size (multiply-adds)", "500000000", 5),
    ),
    (
        "net = nn.Sequential(nn.ReLU(), nn.Linear(1000, 1000))\nnet(torch.zeros(1000, 1000))",
        limit("matmul size (multiply-adds)", "500000000", 5),
    ),
    (
        "lin = nn.Linear(1, 1000)\nlin(torch.zeros(10000, 1))",
        limit("elements per tensor", "1000000", 5),
    ),
    # the program's own functions run inside engine calls within the same budget
    (
        "lin = nn.Linear(1, 1)\ndef hook(m, i, o):\n    return m(i[0])\n"
        "h = lin.register_forward_hook(hook)\nlin(torch.ones(1))",
        limit("function call depth", "32", 6),
    ),
    (
        "lin = nn.Linear(1, 1)\ndef hook(m, i):\n    while True:\n        pass\n"
        "h = lin.register_forward_pre_hook(hook)\nlin(torch.ones(1))",
        limit("loop iterations", "100000", 6),
    ),
    (
        "net = nn.Sequential(nn.Linear(1, 1))\ndef f(m):\n    return f(m)\nnet.apply(f)",
        limit("function call depth", "32", 6),
    ),
    (
        "w = torch.ones(1, requires_grad=True)\nopt = optim.SGD([w], lr=0.1)\n"
        "def closure():\n    return opt.step(closure)\nopt.step(closure)",
        limit("function call depth", "32", 7),
    ),
    # optimizer groups hold options only
    (
        "w = torch.ones(1, requires_grad=True)\nopt = optim.SGD([w], lr=0.1)\n"
        "opt.param_groups[0]['lr'] = print",
        (
            "TypeError",
            "a parameter group option must be a number, a bool or a tuple, not "
            "builtin_function_or_method",
            6,
        ),
    ),
    # no way from a module or an optimizer to Python's or the engine's internals
    ("nn.Linear(1, 1).__dict__", refused("the attribute '__dict__'", 4, RESERVED)),
    ("nn.Linear(1, 1)._parameters", refused("the attribute '_parameters'", 4, RESERVED)),
    ("nn.Linear(1, 1).forward.__self__", refused("the attribute '__self__'", 4, RESERVED)),
    ("nn.Linear.__init__", refused("the attribute '__init__'", 4, RESERVED)),
    ("nn.Linear(1, 1)._call_impl", refused("the attribute '_call_impl'", 4, RESERVED)),
    (
        "optim.SGD([torch.ones(1, requires_grad=True)], lr=1.0)._optimizer_step_pre_hooks",
        refused("the attribute '_optimizer_step_pre_hooks'", 4, RESERVED),
    ),
    (
        "lin = nn.Linear(1, 1)\nlin.forward = lambda x: x",
        ("AttributeError", "'Linear' object attribute 'forward' is read-only here", 5),
    ),
    (
        "lin = nn.Linear(1, 1)\nlin.apply = print",
        ("AttributeError", "'Linear' object attribute 'apply' is read-only here", 5),
    ),
    (
        "lin = nn.Linear(1, 1)\nlin.reset_parameters = print",
        ("AttributeError", "'Linear' object attribute 'reset_parameters' is read-only here", 5),
    ),
    (
        "net = nn.Sequential(nn.Linear(1, 1))\nnet.training = 3\nnet.train(net)",
        ("ValueError", "training mode is expected to be boolean", 6),
    ),
    (
        "nn.Module(1)",
        ("TypeError", "Module.__init__() takes 1 positional argument but 2 were given", 4),
    ),
    (
        "nn.Linear(1, 1).to(torch.int64)",
        (
            "TypeError",
            "nn.Module.to only accepts floating point or complex dtypes, but got desired "
            "dtype=torch.int64",
            4,
        ),
    ),
]


@pytest.mark.parametrize(
    ("code", "expected"),
    [pytest.param(nn_program(c), e, id=f"nn-{i}") for i, (c, e) in enumerate(CASES)],
)
def test_hostile_nn_program_fails_closed(
    run_api: RunApi,
    normal_program_runs: Callable[[], None],
    code: str,
    expected: tuple[str, str, int | None],
) -> None:
    error = run_api(code)["error"]
    assert error is not None
    assert (error["type"], error["message"], error["line"]) == expected
    normal_program_runs()


def test_optimizer_over_thousands_of_parameters_runs_within_the_budget(
    run_api: RunApi, normal_program_runs: Callable[[], None]
) -> None:
    code = nn_program(
        "params = [torch.ones(1, requires_grad=True) for i in range(1000)]\n"
        "opt = optim.SGD(params, lr=0.5, momentum=0.9)\n"
        "loss = sum(p.sum() for p in params)\n"
        "loss.backward()\n"
        "opt.step()\n"
        "print(params[999], len(opt.state))\n"
    )
    result = run_api(code)
    assert result["error"] is None
    assert result["stdout"] == "tensor([0.5000], requires_grad=True) 1000\n"
    normal_program_runs()


LOADER_BOMBS = [
    "ds = TensorDataset(torch.zeros(1000000, 1))\nfor batch in DataLoader(ds):\n    pass",
    "ds = TensorDataset(torch.zeros(1000000, 1))\nbatches = list(DataLoader(ds, batch_size=2))",
    "ds = TensorDataset(torch.zeros(1000000, 1))\nn = sum(1 for b in DataLoader(ds, shuffle=True))",
]


@pytest.mark.parametrize("body", LOADER_BOMBS)
def test_a_loader_over_a_huge_dataset_is_bounded_batch_by_batch(
    run_api: RunApi, normal_program_runs: Callable[[], None], body: str
) -> None:
    code = nn_program("from torch.utils.data import DataLoader, TensorDataset\n" + body)
    error = run_api(code)["error"]
    assert error is not None
    # whichever comes first on this machine: the iteration count, the clock, or (a shuffle's
    # one-off permutation of a million indices on a loaded machine) the worker's deadline
    assert (error["type"], error["message"]) in {
        ("LimitExceeded", "loop iterations exceeded the limit of 100000"),
        ("LimitExceeded", "wall-clock time exceeded the limit of 3 s"),
        ("TimeoutError", "the program did not finish within 5 seconds and was stopped"),
    }
    normal_program_runs()
