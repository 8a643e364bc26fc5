"""torch.nn and torch.optim in the sandbox: what a program holds are façades that behave like
torch's objects (the transcripts are golden-tested in tests/golden/programs/nn_*), and that
never hand the program an engine object, a bound method or a Python class."""

from __future__ import annotations

from typing import Any

from app.worker.program import run_program

PRELUDE = (
    "import torch\nimport torch.nn as nn\nimport torch.optim as optim\ng = torch.manual_seed(0)\n"
)


def run(body: str) -> dict[str, Any]:
    result = run_program(PRELUDE + body)
    return {"stdout": result["stdout"], "error": result["error"]}


def test_a_module_is_callable_iterable_indexable_and_prints_as_torch() -> None:
    out = run(
        "net = nn.Sequential(nn.Linear(2, 3), nn.ReLU())\n"
        "print(len(net), net[1], [type(m) for m in net][0])\n"
        "print(net(torch.ones(1, 2)).shape)\n"
    )
    assert out["error"] is None
    assert out["stdout"] == (
        "2 ReLU() <class 'torch.nn.modules.linear.Linear'>\ntorch.Size([1, 3])\n"
    )


def test_the_same_module_is_the_same_object_to_the_program() -> None:
    out = run(
        "net = nn.Sequential(nn.Linear(2, 3))\n"
        "print(net[0] is net[0], net[0].weight is net[0].weight)\n"
    )
    assert out["stdout"] == "True True\n"


def test_methods_are_bound_methods_in_torchs_words_and_cannot_be_replaced() -> None:
    out = run("lin = nn.Linear(1, 1)\nprint(lin.forward)\nlin.forward = print\n")
    assert out["stdout"].startswith(
        "<bound method Linear.forward of Linear(in_features=1, out_features=1, bias=True)>"
    )
    assert out["error"] is not None and out["error"]["type"] == "AttributeError"
    assert "'forward' is read-only here" in out["error"]["message"]


def test_assigning_a_parameter_registers_it_and_a_tensor_where_a_parameter_was_is_refused() -> None:
    out = run(
        "lin = nn.Linear(2, 1)\n"
        "lin.register_parameter('extra', nn.Parameter(torch.zeros(3)))\n"
        "print([n for n, p in lin.named_parameters()])\n"
        "lin.weight = torch.zeros(1, 2)\n"
    )
    assert out["stdout"] == "['weight', 'bias', 'extra']\n"
    assert out["error"] is not None
    assert out["error"]["type"] == "TypeError"
    assert out["error"]["message"] == (
        "cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None "
        "expected)"
    )


def test_a_generator_is_used_up_by_its_first_iteration_as_in_python() -> None:
    out = run(
        "gen = nn.Linear(2, 1).parameters()\n"
        "print(len(list(gen)), len(list(gen)))\n"
        "print(type(gen))\n"
    )
    assert out["stdout"] == "2 0\n<class 'generator'>\n"


def test_parameter_groups_are_live_and_accept_only_options() -> None:
    out = run(
        "w = torch.ones(2, requires_grad=True)\n"
        "opt = optim.SGD([w], lr=0.5)\n"
        "opt.param_groups[0]['lr'] = 0.25\n"
        "w.sum().backward()\n"
        "opt.step()\n"
        "print(w, opt.param_groups[0]['lr'], len(opt.param_groups))\n"
        "opt.param_groups[0]['params'] = []\n"
    )
    assert out["stdout"] == "tensor([0.7500, 0.7500], requires_grad=True) 0.25 1\n"
    assert out["error"] is not None
    assert out["error"]["message"] == "only a parameter group's options can be assigned here"


def test_a_program_function_runs_as_a_hook_an_apply_callback_and_a_closure() -> None:
    out = run(
        "seen = []\n"
        "def hook(module, inputs, output):\n"
        "    seen.append(output.shape)\n"
        "    return output * 0 + 1\n"
        "lin = nn.Linear(2, 2)\n"
        "handle = lin.register_forward_hook(hook)\n"
        "print(lin(torch.ones(1, 2)), seen)\n"
        "handle.remove()\n"
        "def init(m):\n"
        "    if isinstance(m, nn.Linear):\n"
        "        nn.init.ones_(m.weight)\n"
        "net = nn.Sequential(lin).apply(init)\n"
        "print(lin.weight)\n"
        "w = torch.tensor([3.0], requires_grad=True)\n"
        "opt = optim.SGD([w], lr=0.1)\n"
        "def closure():\n"
        "    opt.zero_grad()\n"
        "    loss = (w * w).sum()\n"
        "    loss.backward()\n"
        "    return loss\n"
        "print(opt.step(closure), w)\n"
    )
    assert out["error"] is None
    assert out["stdout"] == (
        "tensor([[1., 1.]], grad_fn=<AddBackward0>) [torch.Size([1, 2])]\n"
        "Parameter containing:\ntensor([[1., 1.],\n        [1., 1.]], requires_grad=True)\n"
        "tensor(9., grad_fn=<SumBackward0>) tensor([2.4000], requires_grad=True)\n"
    )


def test_state_dicts_are_ordered_dicts_of_detached_tensors() -> None:
    out = run(
        "sd = nn.Linear(1, 1).state_dict()\n"
        "print(type(sd), list(sd.keys()), sd['bias'].requires_grad)\n"
        "opt = optim.SGD(nn.Linear(1, 1).parameters(), lr=0.1)\n"
        "print(opt.state_dict())\n"
    )
    assert out["error"] is None
    assert out["stdout"].splitlines()[0] == (
        "<class 'collections.OrderedDict'> ['weight', 'bias'] False"
    )
    assert "'params': [0, 1]" in out["stdout"]


def test_isinstance_and_type_name_torchs_classes() -> None:
    out = run(
        "lin = nn.Linear(1, 1)\n"
        "print(isinstance(lin, nn.Module), isinstance(lin, nn.ReLU), type(lin) is nn.Linear)\n"
        "print(nn.Linear, optim.SGD, type(optim.SGD([lin.weight], lr=1.0)))\n"
    )
    assert out["stdout"] == (
        "True False True\n"
        "<class 'torch.nn.modules.linear.Linear'> <class 'torch.optim.sgd.SGD'> "
        "<class 'torch.optim.sgd.SGD'>\n"
    )


def test_flatten_keeps_the_batch_dim_and_prints_and_backprops_as_torch() -> None:
    # expected text printed by torch 2.13 for the same program
    out = run(
        "f = nn.Flatten()\n"
        "print(f, nn.Flatten(0, 2), type(f))\n"
        "x = torch.arange(24.).reshape(2, 3, 4).requires_grad_()\n"
        "y = f(x)\n"
        "print(y.shape, y.grad_fn.name())\n"
        "y.sum().backward()\n"
        "print(x.grad.shape)\n"
        "print(nn.Sequential(nn.Flatten(), nn.Identity()))\n"
    )
    assert out["error"] is None
    assert out["stdout"] == (
        "Flatten(start_dim=1, end_dim=-1) Flatten(start_dim=0, end_dim=2)"
        " <class 'torch.nn.modules.flatten.Flatten'>\n"
        "torch.Size([2, 12]) ViewBackward0\n"
        "torch.Size([2, 3, 4])\n"
        "Sequential(\n  (0): Flatten(start_dim=1, end_dim=-1)\n  (1): Identity()\n)\n"
    )
