"""Seeded random programs run in the sandbox print what PyTorch 2.13 prints."""

from __future__ import annotations

from app.config import Settings
from app.worker.program import run_program

# Program and expected output recorded with real torch 2.13.0 (CPU) in interactive mode.
PROGRAM = """import torch
torch.manual_seed(0)
x = torch.rand(3)
torch.initial_seed()
torch.randint_like(x, 10)
x.bernoulli_(0.5)
x.exponential_()
"""
TORCH_OUTPUT = (
    "<torch._C.Generator object at 0x…>\n0\ntensor([0., 3., 9.])\ntensor([0., 0., 0.])\n"
    "tensor([0.1968, 0.4325, 0.8707])\n"
)


def test_seeded_sampling_in_the_sandbox_matches_pytorch() -> None:
    result = run_program(PROGRAM, "en", None, Settings())
    assert result["error"] is None
    stdout = result["stdout"]
    start = stdout.index("0x")
    stdout = stdout[:start] + "0x…" + stdout[stdout.index(">", start) :]
    assert stdout == TORCH_OUTPUT
