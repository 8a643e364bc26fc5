"""Imported by the forkserver once: one small program, so that every library a program loads
lazily is loaded before any worker is forked and walled in.

A worker's file system is read-only and holds only the directories of the code and libraries
already loaded (`app.worker.filesystem`); a library that would be opened later — MKL through
ctypes on the first matrix product or `exp`, the CPU-specific kernels it dispatches to — must
be open by then, or the worker would fall back to other numerics. Forked workers inherit what
is loaded here, and start faster too.
"""

from __future__ import annotations

import contextlib

from app.worker.program import run_program

WARM_UP = """import torch
import torch.nn as nn
import math
torch.manual_seed(0)
x = torch.randn(4, 3, requires_grad=True)
w = torch.randn(3, 2, requires_grad=True)
y = (x @ w).exp().log().tanh().sin().cos().sqrt().sigmoid().relu()
z = torch.mv(x, torch.ones(3)).dot(torch.ones(4)) + torch.mm(x, w).sum()
loss = nn.MSELoss()(nn.Linear(3, 2)(x), torch.zeros(4, 2)) + y.sum() + z
loss.backward()
print(x.grad, math.sqrt(2.0), f"{loss.item():.3f}", [1, 2][::-1], {'a': (1,)})
"""


def warm_up() -> None:
    """Run the warm-up program; a failure here only costs the warm start."""
    # never stop the forkserver over it: workers would then load lazily
    with contextlib.suppress(Exception):
        run_program(WARM_UP)


warm_up()
