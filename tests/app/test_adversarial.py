"""The adversarial suite: hostile and careless programs and requests, through the real API.

Each case asserts the exact outcome (a clear error naming the construct or the limit, PyTorch's
own error for autograd misuse, or a 4xx status), is bounded by the request timeout of the
`run_api` fixture, and is followed by an ordinary program that must still run correctly.
Sandbox limits are those of `SANDBOX_SETTINGS` in conftest.py (shipped defaults, 3 s time limit).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from tests.app.interpreter.test_cases import CASES, outcome

if TYPE_CHECKING:
    from starlette.testclient import TestClient

RunApi = Callable[..., dict[str, Any]]
RESERVED = "names starting with '_' are reserved"


def refused(what: str, line: int = 1, why: str = "") -> tuple[str, str, int]:
    reason = f": {why}" if why else ""
    return ("NotAllowed", f"{what} is not allowed (line {line}){reason}", line)


def limit(what: str, value: str, line: int | None = 1) -> tuple[str, str, int | None]:
    return ("LimitExceeded", f"{what} exceeded the limit of {value}", line)


ESCAPES: list[tuple[str, tuple[str, str, int | None]]] = [
    ("().__class__", refused("the attribute '__class__'", why=RESERVED)),
    ("x = 1\nx.__class__.__bases__", refused("the attribute '__bases__'", 2, RESERVED)),
    (
        "[].__class__.__base__.__subclasses__()",
        refused("the attribute '__subclasses__'", why=RESERVED),
    ),
    ("getattr(1, 'real')", refused("the name 'getattr'")),
    ("eval('1')", refused("the name 'eval'")),
    ("exec('x=1')", refused("the name 'exec'")),
    ("compile('1', '', 'eval')", refused("the name 'compile'")),
    ("open('/etc/passwd')", refused("the name 'open'")),
    ("__import__('os')", refused("the name '__import__'", why=RESERVED)),
    ("import os", refused("importing 'os'")),
    ("import sys", refused("importing 'sys'")),
    ("import subprocess", refused("importing 'subprocess'")),
    ("import builtins", refused("importing 'builtins'")),
    ("import importlib", refused("importing 'importlib'")),
    ("import torch.utils", refused("importing 'torch.utils'")),
    ("from os import system", refused("importing from 'os'")),
    ("from . import x", refused("importing from '.'")),
    ("from math import *", refused("'from math import *'")),
    ("from torch import _C", refused("the name '_C'", why=RESERVED)),
    ("import torch\ntorch._C", refused("the attribute '_C'", 2, RESERVED)),
    ("import torch\ntorch.__dict__", refused("the attribute '__dict__'", 2, RESERVED)),
    ("import torch\ntorch.ones(1)._data", refused("the attribute '_data'", 2, RESERVED)),
    ("import torch\ntype(torch.ones(1)).__mro__", refused("the attribute '__mro__'", 2, RESERVED)),
    (
        "import torch\nt = torch.ones(1, requires_grad=True) * 2\nt.grad_fn.__class__",
        refused("the attribute '__class__'", 3, RESERVED),
    ),
    ("import torch\ntorch.tensor.__globals__", refused("the attribute '__globals__'", 2, RESERVED)),
    ("import math\nmath.__loader__", refused("the attribute '__loader__'", 2, RESERVED)),
    ("print.__self__", refused("the attribute '__self__'", why=RESERVED)),
    ("__builtins__", refused("the name '__builtins__'", why=RESERVED)),
    ("globals()", refused("the name 'globals'")),
    ("locals()", refused("the name 'locals'")),
    ("vars()", refused("the name 'vars'")),
    ("dir()", refused("the name 'dir'")),
    ("breakpoint()", refused("the name 'breakpoint'")),
    ("input()", refused("the name 'input'")),
    ("'{0.__class__}'.format(1)", refused("the attribute '.format'")),
    ("x = 1\nf'{x.__class__}'", refused("the attribute '__class__'", 2, RESERVED)),
    ("x = 1\nw = 5\nf'{x:{w}}'", refused("a computed format spec in an f-string", 3)),
    ("f'{1:>1000}'", refused("a format width of 1000", why="the largest is 100")),
    ("f'{1.0:.500f}'", refused("a format precision of 500", why="the largest is 50")),
    ("'%s' % 1", refused("'%' string formatting", why="use an f-string")),
    ("s = '%s'\ns % 1", refused("'%' string formatting", 2, "use an f-string")),
    ("(x for x in []).gi_frame", refused("the attribute '.gi_frame'")),
    ("g = (x for x in [])", refused("a generator expression outside a call")),
    ("def f():\n    yield 1", refused("yield", 2)),
    ("global x", refused("a global statement")),
    ("async def f():\n    pass", refused("an async function")),
    ("def f(*args):\n    pass", refused("'*args'")),
    ("print(*[1])", refused("star unpacking ('*')")),
    ("dict(**{'a': 1})", refused("'**' unpacking")),
    ("(y := 1)", refused("the walrus operator ':='")),
    ("ｅｖａｌ('1')", refused("the name 'eval'")),  # full-width look-alikes: NFKC makes them 'eval'
    ("ᵉval('1')", refused("the name 'eval'")),
    ("ℯval('1')", refused("the name 'eval'")),  # script small e
    ("x = 1\nx.＿＿class＿＿", ("SyntaxError", "invalid character '＿' (U+FF3F)", 2)),
    (
        "import torch\ntorch.ones(1).numpy()",
        refused("'.numpy()'", 2, "use .tolist() to get the values"),
    ),
    ("import torch\ntorch.load('x')", refused("the attribute '.load'", 2)),
    ("import torch\ntorch.save(1, 'x')", refused("the attribute '.save'", 2)),
    (
        "import torch\nt = torch.ones(1, requires_grad=True)\nt.register_hook(print)",
        refused("the attribute '.register_hook'", 3),
    ),
    ("print(1, file=print)", refused("print(file=...)")),
    ("type(print)()", ("TypeError", "cannot create 'builtin_function_or_method' instances", 1)),
    ("x = b'abc'", refused("a bytes literal")),
]

PARSER_ABUSE: list[tuple[str, tuple[str, str, int | None]]] = [
    ("x = " + "(" * 300 + "1" + ")" * 300, ("SyntaxError", "too many nested parentheses", 1)),
    ("x = " + "[" * 60 + "]" * 60, limit("nesting depth", "50")),
    ("x = " + "-" * 1000 + "1", limit("nesting depth", "50")),
    ("x = " + "+".join(["1"] * 3000), limit("nesting depth", "50")),
    ("f(" * 60 + ")" * 60, limit("nesting depth", "50")),
    ("x = 1\n" * 600, limit("source lines", "500", 501)),
    ("x = '" + "a" * 30000 + "'", limit("source size", "20000 bytes")),
    ("x = [" + ",".join(["1"] * 5000) + "]", limit("program size (syntax tree nodes)", "5000")),
    ("x = 1\x00", ("SyntaxError", "source code string cannot contain null bytes", 1)),
    (
        "x = " + "9" * 5000,
        (
            "SyntaxError",
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 "
            "digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
            "hexadecimal for huge integer literals to avoid decimal conversion limits.",
            1,
        ),
    ),
    (
        "if True:\nprint(1)",
        ("SyntaxError", "expected an indented block after 'if' statement on line 1", 2),
    ),
]

NUMBER_BOMBS: list[tuple[str, tuple[str, str, int | None]]] = [
    ("x = 9**9**9", limit("integer size", "4096 bits")),
    ("x = 2**100000", limit("integer size", "4096 bits")),
    ("x = 10**10**10", limit("integer size", "4096 bits")),
    ("x = 1 << 10**9", limit("integer size", "4096 bits")),
    ("x = 1 << (1 << 40)", limit("integer size", "4096 bits")),
    ("a = 2**4000\nb = a * a", limit("integer size", "4096 bits", 2)),
    ("x = -(2**4000) * 2**200", limit("integer size", "4096 bits")),
    ("x = 3\nfor i in range(20):\n    x = x * x", limit("integer size", "4096 bits", 3)),
    ("import math\nmath.factorial(10**6)", limit("integer size", "4096 bits", 2)),
    ("x = 2**4000\ny = x << 100", limit("integer size", "4096 bits", 2)),
    ("x = 2.0 ** 10000", ("OverflowError", "(34, 'Numerical result out of range')", 1)),
    ("import math\nmath.exp(1000)", ("OverflowError", "math range error", 2)),
    ("pow(2, 10**9)", refused("the name 'pow'")),
    (
        "int('9' * 5000)",
        (
            "ValueError",
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 "
            "digits; use sys.set_int_max_str_digits() to increase the limit",
            1,
        ),
    ),
]

MEMORY_BOMBS: list[tuple[str, tuple[str, str, int | None]]] = [
    ("import torch\ntorch.zeros(10**5, 10**5)", limit("elements per tensor", "1000000", 2)),
    ("import torch\ntorch.ones(10**9)", limit("elements per tensor", "1000000", 2)),
    ("import torch\ntorch.full((10**4, 10**4), 1.0)", limit("elements per tensor", "1000000", 2)),
    ("import torch\ntorch.arange(10**9)", limit("elements per tensor", "1000000", 2)),
    ("import torch\ntorch.linspace(0, 1, 10**9)", limit("elements per tensor", "1000000", 2)),
    ("import torch\ntorch.eye(10**5)", limit("elements per tensor", "1000000", 2)),
    (
        "import torch\ntorch.zeros(1000, 1000).expand(1000, 1000, 1000)",
        limit("elements per tensor", "1000000", 2),
    ),
    (
        "import torch\ntorch.ones(3).expand(10**6, 10**6)",
        limit("elements per tensor", "1000000", 2),
    ),
    (
        "import torch\ntorch.zeros(2000, 1) * torch.zeros(1, 2000)",
        limit("elements per tensor", "1000000", 2),
    ),
    (
        "import torch\na = torch.zeros(2000, 1)\nb = torch.zeros(1, 2000)\na + b",
        limit("elements per tensor", "1000000", 4),
    ),
    (
        "import torch\ntorch.zeros(1000, 1000) @ torch.zeros(1000, 1000)",
        limit("matmul size (multiply-adds)", "500000000", 2),
    ),
    (
        "import torch\nt = torch.zeros(1000, 1000)\nt @ t @ t",
        limit("matmul size (multiply-adds)", "500000000", 3),
    ),
    (
        "import torch\ntorch.zeros(10, 10).repeat(1000, 1000)",
        limit("elements per tensor", "1000000", 2),
    ),
    (
        "import torch\ntorch.cat([torch.zeros(600000), torch.zeros(600000)])",
        limit("elements per tensor", "1000000", 2),
    ),
    (
        "import torch\ntorch.tensor([[0.0] * 10**5] * 10**5)",
        limit("elements per tensor", "1000000", 2),
    ),
    (
        "import torch\nt = torch.zeros(100, 100)\nt[[0] * 100000]",
        limit("elements per tensor", "1000000", 3),
    ),
    (
        "import torch\nxs = [torch.zeros(1000000) for i in range(20)]",
        limit("elements in live tensors", "10000000", 2),
    ),
    ("x = 'a' * 10**9", limit("string length", "100000")),
    ("x = 'a' * 50000 + 'b' * 60000", limit("string length", "100000")),
    ("s = 'ab'\nfor i in range(40):\n    s = s + s", limit("string length", "100000", 3)),
    ("x = [0] * 10**9", limit("list length", "100000")),
    # shared rows make 10**10 elements cheap to build, so showing or comparing them is refused
    ("x = [[0] * 100000] * 100000\nx", limit("nested elements", "1000000", 2)),
    ("x = [[0] * 100000] * 100000\ny = str(x)", limit("nested elements", "1000000", 2)),
    ("x = [[0] * 100000] * 100000\nprint(x)", limit("nested elements", "1000000", 2)),
    ("x = [[0] * 100000] * 100000\nf'{x}'", limit("nested elements", "1000000", 2)),
    (
        "x = [[0] * 100000] * 100000\nx == [[0] * 100000] * 100000",
        limit("nested elements", "1000000", 2),
    ),
    ("x = [[0] * 100000] * 100000\n[0] in x", limit("nested elements", "1000000", 2)),
    ("t = ((0,) * 100000,) * 100000\nd = {t: 1}", limit("nested elements", "1000000", 2)),
    ("t = ((0,) * 100000,) * 100000\nd = {}\nd[t] = 1", limit("nested elements", "1000000", 3)),
    ("x = [1]\nfor i in range(100):\n    x = x + x", limit("list length", "100000", 3)),
    ("x = [1]\nfor i in range(30):\n    x *= 2", limit("list length", "100000", 3)),
    ("x = []\nfor i in range(30):\n    x += x + [1]", limit("list length", "100000", 3)),
    (
        "print('x' * 90000)\nprint('y' * 90000)\nprint('z' * 90000)",
        limit("output size", "200000 bytes", 3),
    ),
]

TIME_BOMBS: list[tuple[str, tuple[str, str, int | None]]] = [
    ("while True:\n    pass", limit("loop iterations", "100000")),
    ("while 1:\n    x = 1", limit("loop iterations", "100000")),
    (
        "for i in range(10**6):\n    for j in range(10**6):\n        pass",
        limit("loop iterations", "100000", 2),
    ),
    ("x = [i for i in range(10**9)]", limit("loop iterations", "100000")),
    ("sum(x for x in range(10**9))", limit("loop iterations", "100000")),
    ("sum(range(10**12))", limit("loop iterations", "100000")),
    ("x = list(range(10**9))", limit("loop iterations", "100000")),
    (
        "import torch\nt = torch.zeros(10**6)\nfor x in t:\n    pass",
        limit("loop iterations", "100000", 3),
    ),
    ("def f():\n    return f()\nf()", limit("function call depth", "32", 2)),
    ("def f(n):\n    return f(n) + f(n)\nf(1)", limit("function call depth", "32", 2)),
    (
        "import torch\nt = torch.zeros(1000, 1000)\nfor i in range(100000):\n    t = t + 1",
        limit("wall-clock time", "3 s", 4),
    ),
    (
        "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nfib(30)",
        limit("wall-clock time", "3 s", 4),
    ),
]

# Work a builtin would do inside C, where no clock is checked: each is estimated before it runs.
C_WORK: list[tuple[str, tuple[str, str, int | None]]] = [
    ("t = ((0,) * 1000,) * 1000\nd = {}\nd.get(t)", limit("nested elements", "1000000", 3)),
    ("t = ((0,) * 1000,) * 1000\nd = {}\nd.pop(t, 1)", limit("nested elements", "1000000", 3)),
    (
        "t = ((0,) * 1000,) * 1000\nd = {}\nd.update({t: 1})",
        limit("nested elements", "1000000", 3),
    ),
    (
        "t = ((0,) * 1000,) * 1000\nd = {}\nd.setdefault(t, 1)",
        limit("nested elements", "1000000", 3),
    ),
    ("x = [(0,) * 100000] * 20\nx.count((0,) * 100000)", limit("nested elements", "1000000", 2)),
    ("x = [(0,) * 100000] * 20\nx.index((1,))", limit("nested elements", "1000000", 2)),
    ("x = [(0,) * 100000] * 20\nx.remove((1,))", limit("nested elements", "1000000", 2)),
    (
        "x = [(1, 2, 3, 4, 5, 6, 7, 8)] * 100000\nx.sort()",
        limit("element steps of one builtin call", "10000000", 2),
    ),
    (
        "x = [(1, 2, 3, 4, 5, 6, 7, 8)] * 100000\ny = sorted(x)",
        limit("element steps of one builtin call", "10000000", 2),
    ),
    ("sum([[0]] * 100000, [])", limit("element steps of one builtin call", "10000000")),
    ("import math\nmath.prod(range(1, 100000))", limit("integer size", "4096 bits", 2)),
    ("('\\ufb03' * 100000).upper()", limit("string length", "100000")),
    ("import torch\ntorch.zeros(1000000).tolist()", limit("list length", "100000", 2)),
    ("import torch\ntorch.zeros(1000, 1000).tolist()", limit("nested elements", "1000000", 2)),
    # answers that would be huge text: refused before the text is made
    ("assert False, ('a' * 100000,) * 200", limit("string length", "100000")),
    ("assert False, ('a' * 100000,) * 3000", limit("string length", "100000")),
    ("print(('a' * 100000,) * 200)", limit("output size", "200000 bytes")),
    ("x = ('a' * 100000,) * 200\nx", limit("output size", "200000 bytes", 2)),
    ("x = ('a' * 100000,) * 200\nf'{x}'", limit("string length", "100000", 2)),
    ("x = ('a' * 100000,) * 200\ny = repr(x)", limit("string length", "100000", 2)),
    (
        "import torch\nt = torch.zeros(100, 100)\nprint([t] * 100000)",
        limit("output size", "200000 bytes", 3),
    ),
]

AUTOGRAD_MISUSE = [
    *sorted(name for name in CASES if name.startswith("misuse_")),
    "backward_twice",
    "backward_non_scalar",
    "backward_without_grad",
    "inplace_leaf_error",
]

PROGRAM_CASES = [
    pytest.param(code, expected, id=f"{family}-{index}")
    for family, cases in (
        ("escape", ESCAPES),
        ("parser", PARSER_ABUSE),
        ("number", NUMBER_BOMBS),
        ("memory", MEMORY_BOMBS),
        ("time", TIME_BOMBS),
        ("c-work", C_WORK),
    )
    for index, (code, expected) in enumerate(cases)
]


@pytest.mark.parametrize(("code", "expected"), PROGRAM_CASES)
def test_hostile_program_fails_closed(
    run_api: RunApi,
    normal_program_runs: Callable[[], None],
    code: str,
    expected: tuple[str, str, int | None],
) -> None:
    error = run_api(code)["error"]
    assert error is not None
    if expected[1].startswith("wall-clock time"):
        # where the clock runs out depends on the machine: any line of the loop or function
        assert (error["type"], error["message"]) == expected[:2]
        assert 1 <= error["line"] <= code.count("\n") + 1
    else:
        assert (error["type"], error["message"], error["line"]) == expected
    normal_program_runs()


@pytest.mark.parametrize("name", AUTOGRAD_MISUSE)
def test_autograd_misuse_gets_pytorchs_error(
    run_api: RunApi, normal_program_runs: Callable[[], None], name: str
) -> None:
    case = CASES[name]
    body = run_api(case["source"])
    expected = outcome(case["stdout"], case["error"], case["warnings"])
    assert outcome(body["stdout"], body["error"], body["warnings"]) == expected
    assert body["error"] is not None
    normal_program_runs()


MALFORMED: list[tuple[bytes, str, int]] = [
    (b'{"code": 123}', "application/json", 422),
    (b'{"code": null}', "application/json", 422),
    (b'{"code": ["print(1)"]}', "application/json", 422),
    (b'{"code": {"a": 1}}', "application/json", 422),
    (b'{"code": "1", "lang": "fr"}', "application/json", 422),
    (b'{"code": "1", "lang": 1}', "application/json", 422),
    (b'{"code": "1", "focus": 5}', "application/json", 422),
    (b'{"code": "1", "focus": "' + b"x" * 200 + b'"}', "application/json", 422),
    (b'{"lang": "en"}', "application/json", 422),
    (b"[]", "application/json", 422),
    (b'"print(1)"', "application/json", 422),
    (b"", "application/json", 422),
    (b"{not json", "application/json", 422),
    (b'{"code": NaN}', "application/json", 422),
    (b'{"code": "x = \\ud800"}', "application/json", 422),  # a lone surrogate
    (b'{"code": "\xff\xfe"}', "application/json", 422),
    (b'{"code": ' + b"[" * 10_000 + b"]" * 10_000 + b"}", "application/json", 422),
    (b'{"code": "' + b"x" * 100_000 + b'"}', "application/json", 413),
    (b'{"code": "print(1)"}', "text/plain", 415),
    (b"code=print(1)", "application/x-www-form-urlencoded", 415),
    (b'{"code": "print(1)"}', "", 415),
]


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    MALFORMED,
    ids=[f"http-{i}" for i in range(len(MALFORMED))],
)
def test_malformed_request_gets_4xx(
    api: TestClient,
    normal_program_runs: Callable[[], None],
    body: bytes,
    content_type: str,
    status: int,
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = api.post("/api/run", content=body, headers=headers)
    assert response.status_code == status
    assert "Traceback" not in response.text
    normal_program_runs()


def test_body_over_the_limit_is_refused_while_streaming(
    api: TestClient, normal_program_runs: Callable[[], None]
) -> None:
    sent: list[int] = []

    def chunks() -> Any:
        for _ in range(1000):  # 1000 chunks of 10 kB, no Content-Length: refused long before
            sent.append(1)
            yield b"x" * 10_000

    response = api.post("/api/run", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    normal_program_runs()


def test_declared_length_over_the_limit_is_refused_unread(
    api: TestClient, normal_program_runs: Callable[[], None]
) -> None:
    response = api.post(
        "/api/run",
        content=b'{"code": "1"}',
        headers={"content-type": "application/json", "content-length": "999999999"},
    )
    assert response.status_code == 413
    normal_program_runs()


def test_wrong_method_and_path(api: TestClient, normal_program_runs: Callable[[], None]) -> None:
    assert api.get("/api/run").status_code == 405
    assert api.post("/api/nothing-here", json={"code": "1"}).status_code == 404
    normal_program_runs()


# try/except cannot catch the interpreter's limits, nor reach a traceback -----------------------


@pytest.mark.parametrize("handler", ["except:", "except Exception:", "except BaseException:"])
def test_loop_budget_is_not_catchable(handler: str) -> None:
    from app.worker.program import run_program

    code = f"try:\n    while True:\n        pass\n{handler}\n    print('escaped')\n"
    result = run_program(code)
    assert "escaped" not in result["stdout"]
    assert result["error"] is not None and result["error"]["type"] == "LimitExceeded"


def test_caught_exception_exposes_no_traceback_or_context() -> None:
    from app.worker.program import run_program

    for attribute in ("__traceback__", "__context__", "__class__", "with_traceback"):
        code = f"try:\n    1 / 0\nexcept Exception as e:\n    e.{attribute}\n"
        result = run_program(code)
        assert result["error"] is not None, attribute
        assert result["error"]["type"] in {"NotAllowed", "AttributeError"}, attribute


def test_raising_a_non_exception_is_a_type_error() -> None:
    from app.worker.program import run_program

    result = run_program("import torch\nraise torch.ones(2)\n")
    assert result["error"] is not None
    assert result["error"]["message"] == "exceptions must derive from BaseException"
