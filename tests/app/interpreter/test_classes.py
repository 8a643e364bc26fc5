"""`class` statements in the sandbox: program classes behave as Python's and torch's do (the
transcripts are golden-tested in tests/golden/programs/classes/), and what a program holds is
always a sandbox value — never the Python class the interpreter realises behind it."""

from __future__ import annotations

import re
from typing import Any

from app.config import Settings
from app.interpreter.classes import ProgramClass, ProgramInstance, ProgramModule
from app.interpreter.evaluator import Evaluator
from app.interpreter.policy import parse_program
from app.worker.program import run_program

PRELUDE = "import torch\nimport torch.nn as nn\n"
NET = (
    "class Net(nn.Module):\n"
    "    def __init__(self):\n"
    "        super().__init__()\n"
    "        self.fc = nn.Linear(2, 1)\n"
    "        self.note = 'hi'\n"
    "    def forward(self, x):\n"
    "        return self.fc(x)\n"
)


def run(body: str) -> dict[str, Any]:
    result = run_program(PRELUDE + body)
    return {"stdout": result["stdout"], "error": result["error"]}


def names_after(body: str) -> dict[str, Any]:
    settings = Settings()
    evaluator = Evaluator(settings)
    assert evaluator.run(parse_program(PRELUDE + body, settings)) is None
    return evaluator.names()


def test_program_scope_holds_only_sandbox_values() -> None:
    names = names_after(NET + "net = Net()\nf = net.forward\nclass P:\n    pass\np = P()\n")
    assert isinstance(names["Net"], ProgramClass)
    assert isinstance(names["net"], ProgramModule)
    assert isinstance(names["p"], ProgramInstance)
    assert not any(isinstance(v, type) for v in names.values())
    # the bound method is the interpreter's value, not a Python bound method
    assert type(names["f"]).__name__ == "BoundMethod"


def test_instances_and_methods_print_as_python_prints_them() -> None:
    out = run(
        NET + "net = Net()\nprint(net.forward)\nclass P:\n    def m(self):\n        pass\n"
        "print(P(), P.m, P().m, type(P()), lambda: 1)\n"
    )
    assert out["error"] is None
    *bound, second = out["stdout"].splitlines()
    assert bound == [
        "<bound method Net.forward of Net(",
        "  (fc): Linear(in_features=2, out_features=1, bias=True)",
        ")>",
    ]
    assert re.fullmatch(
        r"<__main__\.P object at 0x[0-9a-f]+> <function P\.m at 0x[0-9a-f]+> "
        r"<bound method P\.m of <__main__\.P object at 0x[0-9a-f]+>> <class '__main__\.P'> "
        r"<function <lambda> at 0x[0-9a-f]+>",
        second,
    )


def test_module_attributes_are_registered_or_kept_as_torch_does() -> None:
    out = run(
        NET + "net = Net()\nprint([n for n, p in net.named_parameters()], net.note)\n"
        "net.fc = nn.Linear(2, 3)\nprint(net(torch.ones(1, 2)).shape)\n"
        "net.note = torch.ones(1)\nprint(list(net.state_dict()))\n"
    )
    assert out["error"] is None
    assert out["stdout"] == (
        "['fc.weight', 'fc.bias'] hi\ntorch.Size([1, 3])\n['fc.weight', 'fc.bias']\n"
    )


def test_a_subclass_of_a_program_module_calls_up_the_chain() -> None:
    out = run(
        NET + "class Wide(Net):\n    def __init__(self):\n        super(Wide, self).__init__()\n"
        "        self.extra = nn.Parameter(torch.ones(1))\n"
        "    def forward(self, x):\n        return super().forward(x) + self.extra\n"
        "w = Wide()\nprint(w(torch.zeros(1, 2)).shape, len(list(w.parameters())), "
        "isinstance(w, Net))\n"
    )
    assert out["error"] is None
    assert out["stdout"] == "torch.Size([1, 1]) 3 True\n"


def test_methods_do_not_see_the_class_body_scope() -> None:
    out = run("class A:\n    k = 1\n    def get(self):\n        return k\nA().get()\n")
    assert out["error"] is not None
    assert (out["error"]["type"], out["error"]["message"]) == (
        "NameError",
        "name 'k' is not defined",
    )


def test_a_call_with_wrong_arguments_gets_pythons_message() -> None:
    out = run("class A:\n    def __init__(self, x):\n        self.x = x\nA()\n")
    assert out["error"] is not None
    assert out["error"]["message"] == "A.__init__() missing 1 required positional argument: 'x'"
