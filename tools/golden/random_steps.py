"""Replays the random-number fixture's steps on a torch-like module (real torch or `engine`).

tools/golden/gen_random.py records what real PyTorch returns for each step and
tests/engine/sampling/test_random.py replays the same steps on `engine`: both use this one
interpreter of the step format, so the two sides cannot drift apart. Stdlib only.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

Step = dict[str, Any]
DTYPE_NAMES = ("float32", "float64", "int64", "int32", "float16", "uint8", "bool")
IN_PLACE_SAMPLERS = ("uniform_", "normal_", "bernoulli_", "exponential_")


class StepRunner:
    """Runs fixture steps against `torch` (any module with torch's random API)."""

    def __init__(self, torch: ModuleType) -> None:
        self.torch = torch
        self.dtypes: dict[str, Any] = {name: getattr(torch, name) for name in DTYPE_NAMES}

    def _kwargs(self, step: Step, gens: dict[str, Any]) -> dict[str, Any]:
        kwargs = dict(step.get("kwargs", {}))
        if "dtype" in kwargs:
            kwargs["dtype"] = self.dtypes[kwargs["dtype"]]
        if "generator" in kwargs:
            kwargs["generator"] = gens[kwargs["generator"]]
        return kwargs

    def _arg(self, value: Any) -> Any:
        """A step argument: {"tensor": values, "dtype": …, "requires_grad": …} builds a tensor."""
        if isinstance(value, dict):
            dtype = self.dtypes[value.get("dtype", "float32")]
            t = self.torch.tensor(value["tensor"], dtype=dtype)
            return t.requires_grad_() if value.get("requires_grad") else t
        return value

    def run(self, step: Step, gens: dict[str, Any]) -> Any:
        """One step; named generators and saved states live in `gens`."""
        torch = self.torch
        op, kwargs = step["op"], self._kwargs(step, gens)
        args = [self._arg(a) for a in step.get("args", [])]
        if op == "generator":
            gens[step["name"]] = torch.Generator().manual_seed(step["seed"])
            return None
        if op == "generator_manual_seed":
            return torch.Generator().manual_seed(*args)
        if op == "default_generator":
            gens[step["name"]] = torch.Generator()
            return None
        if op == "save_state":
            gens[step["name"]] = torch.get_rng_state()
            return gens[step["name"]]
        if op == "restore_state":
            return torch.set_rng_state(gens[step["name"]])
        if op == "generator_set_state":
            return gens[step["name"]].set_state(gens[step["state"]])
        if op == "set_rng_state":
            zeros = torch.zeros(step["size"], dtype=self.dtypes[step["dtype"]])
            return torch.set_rng_state(zeros)
        if op == "initial_seed":
            return gens[step["name"]].initial_seed() if "name" in step else torch.initial_seed()
        if op in IN_PLACE_SAMPLERS:
            target = torch.zeros(step["shape"], dtype=self.dtypes[step["dtype"]])
            if step.get("transpose"):
                target = target.t()
            if step.get("requires_grad"):
                target = target.requires_grad_() * 1
            return getattr(target, op)(*args, **kwargs)
        if op.endswith("_like"):
            like = torch.zeros(step["like_shape"], dtype=self.dtypes[step["like_dtype"]])
            return getattr(torch, op)(like, *args, **kwargs)
        return getattr(torch, op)(*args, **kwargs)
