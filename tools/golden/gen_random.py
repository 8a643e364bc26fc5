"""Golden fixtures for seeded random numbers: what real PyTorch draws after `manual_seed`.

Run with the scratch torch virtualenv (torch is never a project dependency):

    /work/scratch/torchenv/bin/python tools/golden/gen_random.py

It writes tests/engine/fixtures/random.json: a list of small programs, each a seed and a sequence
of steps (`rand`, `randn`, `randint`, `randperm`, `normal`, `*_like`, `uniform_`, `normal_`,
explicit generators, errors), and for every step what torch returned: dtype, shape, every value
(floats as `float.hex`, so bit-exact), the repr, or the error.
tests/engine/sampling/test_random.py replays the same steps through `engine`.
"""

from __future__ import annotations

import json
import platform
import warnings
from pathlib import Path
from typing import Any

import torch
from random_steps import DTYPE_NAMES, Step, StepRunner

OUT = Path(__file__).resolve().parents[2] / "tests" / "engine" / "fixtures" / "random.json"
NAMES = {getattr(torch, name): name for name in DTYPE_NAMES}

SEEDS = (0, 1, 42, 1234, 2**32 + 7, 67280421310721)
SIZES: tuple[Any, ...] = (1, 2, 3, 15, 16, 17, 31, 32, 100, [3, 4], [16, 32], [2, 3, 5])

RUNNER = StepRunner(torch)


def run_step(step: Step, gens: dict[str, Any]) -> Any:
    """One step on real torch; tests/engine/sampling/test_random.py replays it on `engine`."""
    return RUNNER.run(step, gens)


def record(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, torch.Generator):
        return {"generator": True}
    if isinstance(value, int):
        return {"int": value}
    if isinstance(value, torch.Tensor):
        flat = value.detach().reshape(-1).tolist()
        floating = value.dtype.is_floating_point
        return {
            "dtype": NAMES[value.dtype],
            "shape": list(value.shape),
            "values": [float(v).hex() for v in flat] if floating else flat,
            "requires_grad": value.requires_grad,
            "repr": repr(value),
        }
    raise TypeError(f"unexpected result {value!r}")


def run_program(program: dict[str, Any]) -> dict[str, Any]:
    gens: dict[str, Any] = {}
    if program["seed"] is not None:
        torch.manual_seed(program["seed"])
    results = []
    for step in program["steps"]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = record(run_step(step, gens))
            except Exception as error:  # the fixture records torch's error, type and message
                result = {"error": type(error).__name__, "message": str(error)}
        if caught:
            result["warnings"] = [str(w.message) for w in caught]
        results.append(result)
    return {**program, "results": results}


def single_draws() -> list[dict[str, Any]]:
    programs = []
    for seed in SEEDS:
        for op in ("rand", "randn"):
            for dtype in ("float32", "float64"):
                for size in SIZES:
                    args = size if isinstance(size, list) else [size]
                    step = {"op": op, "args": args, "kwargs": {"dtype": dtype}}
                    programs.append(
                        {"name": f"{op}-{dtype}-{size}-seed{seed}", "seed": seed, "steps": [step]}
                    )
    for op, dtype, n in (("randn", "float32", 10000), ("randn", "float64", 1000)):
        step = {"op": op, "args": [n], "kwargs": {"dtype": dtype}}
        programs.append({"name": f"{op}-{dtype}-{n}", "seed": 7, "steps": [step]})
    return programs


def sequences() -> list[dict[str, Any]]:
    mixed = [
        {"op": "rand", "args": [3]},
        {"op": "randn", "args": [5]},
        {"op": "randint", "args": [0, 10, [4]]},
        {"op": "randn", "args": [1]},
        {"op": "randn", "args": [20]},
        {"op": "randn", "args": [1]},
        {"op": "randn", "args": [2, 3], "kwargs": {"dtype": "float64"}},
        {"op": "rand", "args": [17], "kwargs": {"dtype": "float64"}},
        {"op": "randperm", "args": [6]},
        {"op": "normal", "args": [2.0, 3.0, [3]]},
        {"op": "normal", "args": [-1.5, 0.25, [40]]},
        {"op": "randn", "args": [1]},
    ]
    cache = [
        {"op": "randn", "args": [3]},
        {"op": "normal", "args": [10.0, 2.0, [1]]},
        {"op": "randn", "args": [3]},
        {"op": "randn", "args": [16]},
        {"op": "randn", "args": [1], "kwargs": {"dtype": "float64"}},
        {"op": "manual_seed", "args": [0]},
        {"op": "randn", "args": [1]},
    ]
    grads = [
        {"op": "rand", "args": [3], "kwargs": {"requires_grad": True}},
        {"op": "randn", "args": [2, 3], "kwargs": {"requires_grad": True}},
        {"op": "randn", "args": [[20]], "kwargs": {"requires_grad": True, "dtype": "float64"}},
        {"op": "normal", "args": [0.0, 1.0, [4]], "kwargs": {"requires_grad": True}},
        {"op": "randint", "args": [5, [3]], "kwargs": {"dtype": "float32", "requires_grad": True}},
    ]
    programs = [{"name": f"sequence-seed{s}", "seed": s, "steps": mixed} for s in SEEDS]
    programs.append({"name": "normal-cache", "seed": 3, "steps": cache})
    programs.append({"name": "requires-grad", "seed": 11, "steps": grads})
    return programs


def integers() -> list[dict[str, Any]]:
    steps: list[Step] = []
    for low, high in (
        (0, 10),
        (3, 10),
        (-5, 5),
        (0, 2),
        (0, 2**31),
        (0, 2**32),
        (1, 2**32 + 2),
        (0, 2**40),
        (-(2**40), 7),
        (-(2**62), 2**62),
    ):
        steps.append({"op": "randint", "args": [low, high, [25]]})
    steps += [
        {"op": "randint", "args": [10, [2, 3]]},
        {"op": "randint", "args": [10, [5]], "kwargs": {"dtype": "float32"}},
        {"op": "randint", "args": [-3, 3, [5]], "kwargs": {"dtype": "int32"}},
        {"op": "randint", "args": [], "kwargs": {"low": 2, "high": 9, "size": [4]}},
        {"op": "randint", "args": [], "kwargs": {"high": 9, "size": [4]}},
        {"op": "randint", "args": [0, 4, [0]]},
    ]
    perms: list[Step] = [{"op": "randperm", "args": [n]} for n in (0, 1, 2, 5, 10, 100, 1000)]
    perms.append({"op": "randperm", "args": [7], "kwargs": {"dtype": "float32"}})
    return [{"name": f"randint-seed{s}", "seed": s, "steps": steps} for s in SEEDS[:3]] + [
        {"name": f"randperm-seed{s}", "seed": s, "steps": perms} for s in SEEDS[:3]
    ]


def normals_and_methods() -> list[dict[str, Any]]:
    steps: list[Step] = []
    for mean, std in ((0.5, 2.0), (-1.3, 0.7), (100.0, 1e-3), (0.0, 0.0)):
        for size in (5, 15, 16, 100, [10, 10]):
            for dtype in ("float32", "float64"):
                steps.append(
                    {
                        "op": "normal",
                        "args": [mean, std, [size] if isinstance(size, int) else size],
                        "kwargs": {"dtype": dtype},
                    }
                )
    methods: list[Step] = []
    for dtype in ("float32", "float64"):
        for shape in ([7], [40], [4, 5]):
            for a, b in ((0.0, 1.0), (-1.0, 1.0), (0.3, 0.7), (-3.1, 2.9)):
                methods.append({"op": "uniform_", "shape": shape, "dtype": dtype, "args": [a, b]})
            for m, s in ((0.0, 1.0), (1.5, 0.5)):
                methods.append({"op": "normal_", "shape": shape, "dtype": dtype, "args": [m, s]})
        methods.append(
            {
                "op": "uniform_",
                "shape": [3, 5],
                "dtype": dtype,
                "transpose": True,
                "args": [-2.0, 2.0],
            }
        )
        methods.append({"op": "normal_", "shape": [4, 8], "dtype": dtype, "transpose": True})
        # samples that round up to `to` come back as `from`
        top = 2.0**23 if dtype == "float32" else 2.0**52
        methods.append({"op": "uniform_", "shape": [50], "dtype": dtype, "args": [top, top + 1]})
        methods.append({"op": "normal_", "shape": [4, 8], "dtype": dtype})
        methods.append({"op": "uniform_", "shape": [3], "dtype": dtype, "requires_grad": True})
        methods.append({"op": "normal_", "shape": [3], "dtype": dtype, "requires_grad": True})
    for shape in ([3], [40], [4, 5]):
        methods.append({"op": "uniform_", "shape": shape, "dtype": "float16", "args": [-1.3, 2.7]})
        methods.append({"op": "normal_", "shape": shape, "dtype": "float16", "args": [0.5, 2.0]})
    methods.append({"op": "uniform_", "shape": [3000], "dtype": "float16"})
    methods.append({"op": "rand", "args": [5], "kwargs": {"dtype": "float16"}})
    methods.append({"op": "randn", "args": [5], "kwargs": {"dtype": "float16"}})
    methods.append({"op": "randn", "args": [50], "kwargs": {"dtype": "float16"}})
    likes: list[Step] = [
        {"op": "rand_like", "like_shape": [2, 3], "like_dtype": "float32"},
        {"op": "rand_like", "like_shape": [20], "like_dtype": "float64"},
        {"op": "randn_like", "like_shape": [2, 3], "like_dtype": "float64"},
        {"op": "randn_like", "like_shape": [4, 5], "like_dtype": "float32"},
        {
            "op": "randn_like",
            "like_shape": [3],
            "like_dtype": "float32",
            "kwargs": {"requires_grad": True},
        },
        {"op": "randint_like", "like_shape": [6], "like_dtype": "int64", "args": [5]},
        {"op": "randint_like", "like_shape": [2, 2], "like_dtype": "float32", "args": [2, 9]},
    ]
    return [
        {"name": "normal-mean-std", "seed": 5, "steps": steps},
        {"name": "inplace-methods", "seed": 6, "steps": methods},
        {"name": "like", "seed": 8, "steps": likes},
    ]


def tensor_parameters() -> list[dict[str, Any]]:
    def t(values: list[Any], dtype: str = "float32", grad: bool = False) -> dict[str, Any]:
        return {"tensor": values, "dtype": dtype, "requires_grad": grad}

    means = [0.5, -1.0, 2.0, 3.3] * 5
    stds = [0.3, 1.7, 2.2, 0.9] * 5
    steps: list[Step] = [
        {"op": "normal", "args": [t(means[:4]), t(stds[:4])]},
        {"op": "normal", "args": [t(means), t(stds)]},
        {"op": "normal", "args": [t(means[:3]), 1.7]},
        {"op": "normal", "args": [t(means), 1.7]},
        {"op": "normal", "args": [0.5, t(stds[:5])]},
        {"op": "normal", "args": [0.5, t(stds)]},
        {"op": "normal", "args": [t([[0.0], [1.0]]), t([[1.0, 2.0, 3.0]])]},
        {"op": "normal", "args": [t(means[:3], "float64"), t(stds[:3])]},
        {"op": "normal", "args": [t(means[:17], "float64"), 0.25]},
        {"op": "normal", "args": [t(means[:3], grad=True), t(stds[:3], grad=True)]},
        {"op": "normal", "args": [t(means[:3], grad=True), 2.0]},
        {"op": "normal", "args": [1.0, t(stds[:3], grad=True)]},
        {"op": "normal", "args": [t(means[:3]), t(stds[:2])]},
        {"op": "normal", "args": [t(means[:3]), t([1.0, -1.0, 1.0])]},
        {"op": "normal", "args": [t(means[:3]), -1.0]},
        {"op": "randn", "args": [2]},
    ]
    ranges: list[Step] = [
        {"op": "randint", "args": [-(2**25), 5, [2]], "kwargs": {"dtype": "float32"}},
        {"op": "randint", "args": [0, 2**24 + 1, [2]], "kwargs": {"dtype": "float32"}},
        {"op": "randint", "args": [0, 2**24 + 2, [2]], "kwargs": {"dtype": "float32"}},
        {"op": "randint", "args": [0, 2**53 + 2, [2]], "kwargs": {"dtype": "float64"}},
        {"op": "randint", "args": [0, 300, [2]], "kwargs": {"dtype": "uint8"}},
        {"op": "randint", "args": [-1, 3, [2]], "kwargs": {"dtype": "uint8"}},
        {"op": "randint", "args": [0, 2**31 + 1, [2]], "kwargs": {"dtype": "int32"}},
        {"op": "randint", "args": [0, 2, [5]], "kwargs": {"dtype": "bool"}},
        {"op": "rand", "args": [2]},
    ]
    return [
        {"name": "normal-tensor-parameters", "seed": 12, "steps": steps},
        {"name": "randint-ranges-per-dtype", "seed": 13, "steps": ranges},
    ]


def bernoulli_draws() -> list[dict[str, Any]]:
    def t(values: list[Any], dtype: str = "float32", grad: bool = False) -> dict[str, Any]:
        return {"tensor": values, "dtype": dtype, "requires_grad": grad}

    probs = [round(0.05 * k, 2) for k in range(1, 20)]
    steps: list[Step] = []
    for dtype in ("float32", "float64", "int64", "bool"):
        for shape in ([5], [20], [4, 5]):
            for p in (0.3, 0.5, 0.9):
                steps.append({"op": "bernoulli_", "shape": shape, "dtype": dtype, "args": [p]})
    steps += [
        {"op": "bernoulli_", "shape": [3, 5], "dtype": "float32", "transpose": True},
        {"op": "bernoulli_", "shape": [3, 5], "dtype": "float32", "args": [t([0.2, 0.9, 0.5])]},
        {"op": "bernoulli_", "shape": [5, 3], "dtype": "float32", "args": [t([0.2, 0.9, 0.5])]},
        {
            "op": "bernoulli_",
            "shape": [3, 5],
            "dtype": "float32",
            "transpose": True,
            "args": [t([0.2, 0.9, 0.5])],
        },
        {"op": "bernoulli_", "shape": [19], "dtype": "float64", "args": [t(probs)]},
        {"op": "bernoulli_", "shape": [19], "dtype": "float32", "args": [t(probs, "float64")]},
        {"op": "bernoulli", "args": [t(probs)]},
        {"op": "bernoulli", "args": [t(probs, "float64")]},
        {"op": "bernoulli", "args": [t(probs[:5]), 0.9]},
        {"op": "bernoulli", "args": [t(probs[:3], grad=True)]},
        {
            "op": "bernoulli_",
            "shape": [3],
            "dtype": "float32",
            "requires_grad": True,
            "args": [0.3],
        },
        {
            "op": "bernoulli_",
            "shape": [3],
            "dtype": "float32",
            "requires_grad": True,
            "args": [t([0.1, 0.5, 0.9], grad=True)],
        },
        {"op": "bernoulli_", "shape": [3], "dtype": "float32", "args": [1.5]},
        {"op": "bernoulli", "args": [t([1.5, 0.2])]},
        {"op": "bernoulli", "args": [t([1, 0], "int64")]},
        {"op": "rand", "args": [3]},
    ]
    return [{"name": f"bernoulli-seed{s}", "seed": s, "steps": steps} for s in SEEDS[:2]]


def multinomial_draws() -> list[dict[str, Any]]:
    def t(values: list[Any], dtype: str = "float32", grad: bool = False) -> dict[str, Any]:
        return {"tensor": values, "dtype": dtype, "requires_grad": grad}

    weights = [((7 * k) % 11 + 1) / 66 for k in range(27)]
    uneven = [0.0, 0.5, 0.0, 0.25, 0.25]
    steps: list[Step] = [
        {"op": "exponential_", "shape": [5], "dtype": "float32"},
        {"op": "exponential_", "shape": [40], "dtype": "float64", "args": [3.0]},
        {"op": "exponential_", "shape": [4, 5], "dtype": "float32", "args": [0.7]},
        {"op": "exponential_", "shape": [3, 5], "dtype": "float64", "transpose": True},
        {"op": "exponential_", "shape": [3], "dtype": "float32", "requires_grad": True},
        {"op": "exponential_", "shape": [3], "dtype": "float32", "args": [0.0]},
        {"op": "exponential_", "shape": [3], "dtype": "int64"},
        {"op": "generator", "name": "g", "seed": 2147483647},
    ]
    for _ in range(5):  # makemore's sampling loop
        steps.append(
            {
                "op": "multinomial",
                "args": [t(weights), 1],
                "kwargs": {"replacement": True, "generator": "g"},
            }
        )
    steps += [
        {"op": "multinomial", "args": [t(weights), 20], "kwargs": {"replacement": True}},
        {"op": "multinomial", "args": [t(weights, "float64"), 20], "kwargs": {"replacement": True}},
        {"op": "multinomial", "args": [t(weights), 5]},
        {"op": "multinomial", "args": [t(weights), 1]},
        {"op": "multinomial", "args": [t(uneven), 30], "kwargs": {"replacement": True}},
        {"op": "multinomial", "args": [t(uneven), 3]},
        {
            "op": "multinomial",
            "args": [t([weights[:5], uneven]), 4],
            "kwargs": {"replacement": True},
        },
        {"op": "multinomial", "args": [t([weights[:5], uneven]), 2]},
        {"op": "multinomial", "args": [t([weights[:5], uneven]), 1]},
        {"op": "multinomial", "args": [t([0.0, 0.0]), 1]},
        {"op": "multinomial", "args": [t([0.5, -0.1]), 1]},
        {"op": "multinomial", "args": [t([0.5, -0.1]), 2], "kwargs": {"replacement": True}},
        {"op": "multinomial", "args": [t([1, 2], "int64"), 1]},
        {"op": "multinomial", "args": [t(weights), 0]},
        {"op": "rand", "args": [2]},
    ]
    return [{"name": f"multinomial-seed{s}", "seed": s, "steps": steps} for s in SEEDS[:3]]


def rng_states() -> list[dict[str, Any]]:
    steps: list[Step] = [
        {"op": "save_state", "name": "fresh"},
        {"op": "randn", "args": [1]},
        {"op": "save_state", "name": "cached"},
        {"op": "randn", "args": [3]},
        {"op": "rand", "args": [700]},
        {"op": "save_state", "name": "later"},
        {"op": "restore_state", "name": "cached"},
        {"op": "randn", "args": [3]},
        {"op": "restore_state", "name": "later"},
        {"op": "rand", "args": [2]},
        {"op": "generator", "name": "g", "seed": 9},
        {"op": "generator_set_state", "name": "g", "state": "fresh"},
        {"op": "initial_seed", "name": "g"},
        {"op": "rand", "args": [2], "kwargs": {"generator": "g"}},
        {"op": "set_rng_state", "size": [10], "dtype": "uint8"},
        {"op": "set_rng_state", "size": [5056], "dtype": "float32"},
        {"op": "set_rng_state", "size": [5048], "dtype": "uint8"},
        {"op": "set_rng_state", "size": [5056], "dtype": "uint8"},
        {"op": "rand", "args": [2]},
    ]
    return [{"name": f"rng-state-seed{s}", "seed": s, "steps": steps} for s in (5, 2**40 + 3)]


def generators_and_seeds() -> list[dict[str, Any]]:
    explicit = [
        {"op": "generator", "name": "g", "seed": 5},
        {"op": "rand", "args": [3], "kwargs": {"generator": "g"}},
        {"op": "rand", "args": [3]},
        {"op": "randn", "args": [3], "kwargs": {"generator": "g"}},
        {"op": "randn", "args": [1]},
        {"op": "randint", "args": [0, 100, [4]], "kwargs": {"generator": "g"}},
        {"op": "randperm", "args": [5], "kwargs": {"generator": "g"}},
        {"op": "normal", "args": [1.0, 2.0, [18]], "kwargs": {"generator": "g"}},
        {"op": "initial_seed", "name": "g"},
        {"op": "initial_seed"},
        {"op": "default_generator", "name": "fresh"},
        {"op": "initial_seed", "name": "fresh"},
        {"op": "rand", "args": [4], "kwargs": {"generator": "fresh"}},
        {"op": "randn", "args": [3], "kwargs": {"generator": "fresh"}},
    ]
    programs = [{"name": "explicit-generators", "seed": 2, "steps": explicit}]
    for seed in (-1, -(2**63), 2**63, 2**64 - 1, 2**32, 2**32 - 1):
        steps: list[Step] = [
            {"op": "initial_seed"},
            {"op": "rand", "args": [4]},
            {"op": "randn", "args": [3]},
        ]
        programs.append({"name": f"seed-{seed}", "seed": seed, "steps": steps})
    return programs


def errors() -> list[dict[str, Any]]:
    steps: list[Step] = [
        {"op": "randint", "args": [5, 5, [2]]},
        {"op": "randint", "args": [5, 2, [2]]},
        {"op": "rand", "args": [2], "kwargs": {"dtype": "int64"}},
        {"op": "randn", "args": [2], "kwargs": {"dtype": "int64"}},
        {"op": "randint", "args": [5, [2]], "kwargs": {"requires_grad": True}},
        {"op": "rand", "args": [-1]},
        {"op": "normal", "args": [0.0, -1.0, [2]]},
        {"op": "normal", "args": [0.0, -0.5, [2]]},
        {"op": "uniform_", "shape": [2], "dtype": "float32", "args": [2.0, 1.0]},
        {"op": "uniform_", "shape": [2], "dtype": "int64"},
        {"op": "normal_", "shape": [2], "dtype": "int64"},
        {"op": "randperm", "args": [-1]},
        {"op": "manual_seed", "args": [2**64]},
        {"op": "generator_manual_seed", "args": [1.5]},
        {"op": "generator_manual_seed", "args": ["a"]},
        {"op": "generator_manual_seed", "args": [True]},
        {"op": "manual_seed", "args": ["a"]},
        {"op": "rand", "args": [], "kwargs": {"size": [2]}},
        {"op": "randn", "args": [], "kwargs": {"size": [2, 2]}},
        {"op": "rand", "args": [2], "kwargs": {"size": [3]}},
        {"op": "randn", "args": []},
        {"op": "rand", "args": [2, "a"]},
        {"op": "randn", "args": [2.5]},
        {"op": "rand", "args": [2]},
    ]
    return [{"name": "errors", "seed": 4, "steps": steps}]


def main() -> None:
    programs = (
        single_draws()
        + sequences()
        + integers()
        + normals_and_methods()
        + tensor_parameters()
        + bernoulli_draws()
        + rng_states()
        + multinomial_draws()
        + generators_and_seeds()
        + errors()
    )
    cases = [run_program(p) for p in programs]
    meta = {
        "torch": torch.__version__,
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "machine": platform.machine(),
    }
    # one program per line: compact, yet a regenerated fixture diffs by program
    lines = ",\n".join(json.dumps(case) for case in cases)
    OUT.write_text(f'{{"meta": {json.dumps(meta)}, "cases": [\n{lines}\n]}}\n', encoding="utf-8")
    print(f"wrote {len(cases)} programs to {OUT}")


if __name__ == "__main__":
    main()
