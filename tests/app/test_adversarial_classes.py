"""The adversarial suite, `class` statements: escapes through dunders, metaclasses and hooks
Python would call from C code, recursion through methods and `__repr__`, deep and wide
hierarchies — each fails closed with a clear error, and the server keeps serving (an ordinary
program runs afterwards)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.app.test_adversarial import RESERVED, limit, refused

RunApi = Callable[..., dict[str, Any]]
PRELUDE = "import torch\nimport torch.nn as nn\n"  # programs start on line 3
METHODS = "a class here may define __call__, __getitem__, __init__, __len__, __repr__, __str__"
BODY = "a class body holds methods and class attributes"
DEPTH = limit("function call depth", "32", 5)


def dunder(name: str, line: int = 4) -> tuple[str, str, int]:
    return refused(f"the method '{name}'", line, METHODS)


CASES: list[tuple[str, tuple[str, str, int | None]]] = [
    # no way from a class or an instance to Python's class machinery
    ("class A:\n    pass\nA.__class__", refused("the attribute '__class__'", 5, RESERVED)),
    ("class A:\n    pass\nA().__dict__", refused("the attribute '__dict__'", 5, RESERVED)),
    ("class A:\n    pass\nA.__mro__", refused("the attribute '__mro__'", 5, RESERVED)),
    (
        "class A:\n    pass\nA.__subclasses__()",
        refused("the attribute '__subclasses__'", 5, RESERVED),
    ),
    (
        "class A:\n    def f(self):\n        return 1\nA().f.__func__",
        refused("the attribute '__func__'", 6, RESERVED),
    ),
    (
        "class A:\n    def __init__(self):\n        super().__init__.__self__",
        refused("the attribute '__self__'", 5, RESERVED),
    ),
    ("class A:\n    _secret = 1", refused("the name '_secret'", 4, RESERVED)),
    # dunders Python would call on its own (attribute lookup, finalisers, dict operations)
    ("class A:\n    def __init_subclass__(cls):\n        pass", dunder("__init_subclass__")),
    ("class A:\n    def __getattr__(self, n):\n        return 1", dunder("__getattr__")),
    ("class A:\n    def __getattribute__(self, n):\n        return 1", dunder("__getattribute__")),
    ("class A:\n    def __setattr__(self, n, v):\n        pass", dunder("__setattr__")),
    ("class A:\n    def __del__(self):\n        print(1)", dunder("__del__")),
    ("class A:\n    def __eq__(self, other):\n        return True", dunder("__eq__")),
    ("class A:\n    def __hash__(self):\n        return 1", dunder("__hash__")),
    ("class A:\n    def __format__(self, spec):\n        return spec", dunder("__format__")),
    ("class A:\n    def __new__(cls):\n        return 1", dunder("__new__")),
    (
        "class M:\n    pass\nclass A(metaclass=M):\n    pass",
        refused("a class keyword argument ('metaclass=')", 5),
    ),
    ("@print\nclass A:\n    pass", refused("a class decorator", 3)),
    ("class A:\n    import math", refused("an import in a class body", 4, BODY)),
    (
        "class A:\n    for i in range(3):\n        pass",
        refused("a for loop in a class body", 4, BODY),
    ),
    # bases that are not program or torch classes
    (
        "class A(int):\n    pass",
        ("TypeError", "subclassing 'int' is not supported in Autograd Lab", 3),
    ),
    (
        "class A(print):\n    pass",
        ("TypeError", "bases must be types, not builtin_function_or_method", 3),
    ),
    ("class A:\n    pass\nclass B(A, A):\n    pass", ("TypeError", "duplicate base class A", 5)),
    (
        "\n".join(
            ["class C0:\n    pass"] + [f"class C{i}(C{i - 1}):\n    pass" for i in range(1, 40)]
        ),
        ("TypeError", "a class may have at most 32 classes in its hierarchy here", 65),
    ),
    # recursion through methods, __repr__, __call__, constructors and lambdas stays bounded
    ("class A:\n    def __repr__(self):\n        return repr(self)\nA()", DEPTH),
    ("class A:\n    def __str__(self):\n        return str(self)\nprint(A())", DEPTH),
    ("class A:\n    def f(self):\n        return self.f()\nA().f()", DEPTH),
    ("class A:\n    def __init__(self):\n        self.me = A()\nA()", DEPTH),
    ("class A:\n    def __call__(self):\n        return self()\nA()()", DEPTH),
    ("class A:\n    def __len__(self):\n        return len(self)\nlen(A())", DEPTH),
    ("f = lambda: f()\nf()", limit("function call depth", "32", 3)),
    (
        "class A(nn.Module):\n    def forward(self, x):\n        return self(x)\nA()(1)",
        DEPTH,
    ),
    (
        "class A(nn.Module):\n    def forward(self, x):\n        while True:\n            x = x\n"
        "A()(torch.ones(1))",
        limit("loop iterations", "100000", 5),
    ),
    # what dunders return is checked as Python checks it
    (
        "class A:\n    def __repr__(self):\n        return 5\nprint(A())",
        ("TypeError", "__repr__ returned non-string (type int)", 6),
    ),
    (
        "class A:\n    def __len__(self):\n        return -1\nlen(A())",
        ("ValueError", "__len__() should return >= 0", 6),
    ),
    (
        "class A:\n    def __init__(self):\n        return 1\nA()",
        ("TypeError", "__init__() should return None, not 'int'", 6),
    ),
    # modules built in a class are held to the same limits as any other
    (
        "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.layers = [nn.Linear(1000, 1000) for i in range(50)]\nNet()",
        limit("elements in live tensors", "10000000", 6),
    ),
    (
        "class Net(nn.Module):\n    def __init__(self):\n        self.fc = nn.Linear(1, 1)\nNet()",
        ("AttributeError", "cannot assign module before Module.__init__() call", 5),
    ),
    ("super()", ("RuntimeError", "super(): __class__ cell not found", 3)),
]


@pytest.mark.parametrize(
    ("code", "expected"),
    [pytest.param(PRELUDE + c, e, id=f"class-{i}") for i, (c, e) in enumerate(CASES)],
)
def test_hostile_class_program_fails_closed(
    run_api: RunApi,
    normal_program_runs: Callable[[], None],
    code: str,
    expected: tuple[str, str, int | None],
) -> None:
    error = run_api(code)["error"]
    assert error is not None
    assert (error["type"], error["message"], error["line"]) == expected
    normal_program_runs()


def test_a_huge_class_body_is_refused_by_the_program_limits(
    run_api: RunApi, normal_program_runs: Callable[[], None]
) -> None:
    body = "".join(f"    a{i} = [{i}]\n" for i in range(1500))
    error = run_api("class A:\n" + body)["error"]
    assert error is not None
    assert error["type"] == "LimitExceeded"
    assert error["message"] in (
        "program size (syntax tree nodes) exceeded the limit of 5000",
        "source size exceeded the limit of 20000 bytes",
    )
    normal_program_runs()


def test_program_instances_as_dict_keys_never_run_program_code(
    run_api: RunApi, normal_program_runs: Callable[[], None]
) -> None:
    body = run_api(
        "class A:\n    def __repr__(self):\n        return 'A!'\n"
        "a = A()\nb = A()\nd = {a: 1, b: 2}\nprint(len(d), d[a], a in d, a == b, d)"
    )
    assert body["error"] is None
    assert body["stdout"] == "2 1 True False {A!: 1, A!: 2}\n"
    normal_program_runs()
