"""Golden fixtures for tensor printing: real PyTorch's repr of hand-picked and random tensors.

Run with the scratch torch virtualenv (torch is never a project dependency):

    /work/scratch/torchenv/bin/python tools/golden/gen_tensor_str.py

It writes tests/engine/fixtures/tensor_str.json. Each case stores the tensor's values losslessly
(floats as the shortest text that parses back to the same float16/32/64 bits), its
dtype and shape, the print options applied before printing, the default dtype, the
`requires_grad=True`/`grad_fn=<…>` suffix torch chose, and torch's repr.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch._tensor_str import get_printoptions

OUT = Path(__file__).resolve().parents[2] / "tests" / "engine" / "fixtures" / "tensor_str.json"
SEED = 20261127
NAN, INF = math.nan, math.inf

DTYPES = {
    "float16": torch.float16,
    "float32": torch.float32,
    "float64": torch.float64,
    "int8": torch.int8,
    "uint8": torch.uint8,
    "int16": torch.int16,
    "int32": torch.int32,
    "int64": torch.int64,
    "bool": torch.bool,
}
NAMES = {v: k for k, v in DTYPES.items()}

# How a case's tensor gets its autograd suffix: nothing, a leaf, or the result of an op.
GRAD_OPS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "leaf": lambda t: t,
    "mul": lambda t: t * 1,
    "add": lambda t: t + 0,
    "clone": lambda t: t.clone(),
    "view": lambda t: t.view(t.shape),
    "neg": lambda t: (-t).neg(),
}


class Corpus:
    def __init__(self) -> None:
        self.cases: list[dict[str, Any]] = []

    def add(
        self,
        name: str,
        make: Callable[[], torch.Tensor],
        *,
        options: list[dict[str, Any]] | None = None,
        grad: str | None = None,
        default_dtype: str = "float32",
    ) -> None:
        options = options or []
        torch.set_default_dtype(DTYPES[default_dtype])
        try:
            t = make()
            if grad is not None:
                t = GRAD_OPS[grad](t.detach().requires_grad_(True))
            for kwargs in options:
                torch.set_printoptions(**kwargs)
            expected = repr(t)
            printoptions = repr(get_printoptions())
        finally:
            torch.set_printoptions(profile="default")
            torch.set_default_dtype(torch.float32)
        data = t.detach()
        self.cases.append(
            {
                "name": f"{len(self.cases):03d}_{name}",
                "dtype": NAMES[data.dtype],
                "shape": list(data.shape),
                "values": encode(data),
                "suffixes": suffixes(t),
                "options": [_json_options(o) for o in options],
                "default_dtype": default_dtype,
                "printoptions": printoptions,
                "expected": expected,
            }
        )


def encode(data: torch.Tensor) -> list[Any]:
    """Flat values; floats as the shortest string that parses back to the same bits."""
    flat = data.reshape(-1).numpy()
    if not data.dtype.is_floating_point:
        return flat.tolist()
    # str() of a numpy float is the shortest round-trip text in its own precision; parsing it
    # as a double and rounding to float16/32 is exact (53 >= 2p + 2, so no double rounding).
    texts = [str(v) for v in flat]
    decoded = np.array(texts, dtype=np.float64).astype(flat.dtype)
    numbers = ~np.isnan(flat)
    assert np.array_equal(decoded, flat, equal_nan=True), texts
    assert np.array_equal(np.signbit(decoded[numbers]), np.signbit(flat[numbers])), texts
    return texts


def suffixes(t: torch.Tensor) -> list[str]:
    """The autograd suffix, derived as torch's _str_intern derives it."""
    if t.grad_fn is not None:
        return [f"grad_fn=<{type(t.grad_fn).__name__}>"]
    if t.requires_grad:
        return ["requires_grad=True"]
    return []


def _json_options(options: dict[str, Any]) -> dict[str, Any]:
    # threshold=inf is not JSON; the tests decode the string back
    return {k: ("inf" if v == INF else v) for k, v in options.items()}


def tensor(values: Any, dtype: str = "float32") -> Callable[[], torch.Tensor]:
    return lambda: torch.tensor(values, dtype=DTYPES[dtype])


def hand_picked(c: Corpus) -> None:
    # 0-d tensors
    scalars = [0.0, -0.0, 1.0, 0.1, 1e-5, 1e-4, 1e8, 123456789.0, NAN, INF, -INF, 3.14159]
    scalars += [-2.5, 9.99995, 0.00015, 1e-45, 3.4e38, 0.5, 100.0, -7.0, 1e-3, 2.0**-20]
    for v in scalars:
        c.add(f"scalar_{v!r}", tensor(v))
    for v in [0.1, 1 / 3, 1e-300, 1e300, 5e-324, -0.0, 2.0**53]:
        c.add(f"scalar_f64_{v!r}", tensor(v, "float64"))
    c.add("scalar_int64", tensor(5, "int64"))
    c.add("scalar_int64_neg", tensor(-(2**63), "int64"))
    c.add("scalar_int32", tensor(7, "int32"))
    c.add("scalar_bool_true", tensor(True, "bool"))
    c.add("scalar_bool_false", tensor(False, "bool"))
    c.add("scalar_f16", tensor(0.1, "float16"))

    # vectors: the float modes and their edges
    vectors: list[list[float]] = [
        [1.0, 2.0],
        [0.1, 0.2, 0.3],
        [1e-5, 1.0],
        [1e8, 1.0],
        [1e8],
        [1.0000001e8],
        [123456789.0],
        [1.0, 1001.0],
        [1.0, 1000.0],
        [0.5, 500.0],
        [0.5, 501.0],
        [1e-4, 0.1],
        [1e-10, 1e10],
        [NAN, 1.0, INF, -INF],
        [NAN],
        [INF, -INF],
        [NAN, 0.5],
        [INF, 1e-5],
        [0.0, -0.0],
        [-0.0, 1.5],
        [-0.0, 1.0],
        [0.0, 0.0],
        [1.0, 2.0, 100.0],
        [-1.0, 2.0, -300.0],
        [1e8, 2e8],
        [1e9],
        [99999999.0],
        [0.5, 100000.0],
        [1e-3, 1.0],
        [9.99995, 0.99995],
        [2.5e-5],
        [-1.5, 2.25],
        [0.00005, 0.00015],
        [1.23456789, -98.7654321],
        [3.4e38, -3.4e38],
        [1e-45, 1.0],
        [0.1, NAN, 0.0, -0.0],
        [1e20, NAN],
        [1000.5, 0.5],
        [12345.678, 0.001],
    ]
    for values in vectors:
        c.add(f"vector_{values!r}", tensor(values))
    c.add("vector_f64_tiny_huge", tensor([1e300, 1e-300], "float64"))
    c.add("vector_f64_subnormal", tensor([5e-324, 1.0], "float64"))
    c.add("vector_f64_third", tensor([1 / 3, 2 / 3], "float64"))
    c.add("vector_f64_ints", tensor([1.0, 2.0, 3.0], "float64"))
    c.add("vector_f16", tensor([0.1, 65504.0, -2.0], "float16"))
    c.add("vector_f16_ints", tensor([1.0, 2.0], "float16"))

    # empty tensors
    for shape in [(0,), (0, 3), (2, 0), (0, 0, 2)]:
        for dt in ["float32", "float64", "int64", "bool"]:
            c.add(f"empty_{dt}_{shape}", lambda s=shape, d=dt: torch.zeros(s, dtype=DTYPES[d]))
    c.add("empty_int32", lambda: torch.zeros((0,), dtype=torch.int32))

    # shapes
    g = torch.Generator().manual_seed(SEED)
    for shape in [(1,), (1, 1), (2, 3, 4), (2, 2, 2, 2), (2, 1, 3), (1001,), (1000,), (40, 40)]:
        c.add(f"randn_{shape}", lambda s=shape: torch.randn(s, generator=g))
    for shape in [(3, 400), (10, 100), (10, 101), (12, 12, 12), (2, 3, 200), (4, 4, 4, 20)]:
        c.add(f"randn_{shape}", lambda s=shape: torch.randn(s, generator=g))
    c.add("arange_1001", lambda: torch.arange(1001))
    c.add("arange_float_1001", lambda: torch.arange(1001.0))
    c.add("arange_40x40", lambda: torch.arange(1600).reshape(40, 40))
    c.add("ones_40x40", lambda: torch.ones(40, 40))
    c.add("zeros_3x400", lambda: torch.zeros(3, 400))
    c.add("randn_wide_row", lambda: torch.randn(1, 50, generator=g))
    c.add("randn_scaled_wide", lambda: torch.randn(3, 20, generator=g) * 1e6)

    # integer dtypes
    c.add("int64_large", tensor([2**62, -(2**63), 2**63 - 1, 0], "int64"))
    c.add("int64_small", tensor([1, -2, 30], "int64"))
    c.add("int64_matrix", tensor([[1, 200], [-3, 4]], "int64"))
    c.add("int32_vector", tensor([1, 2, 3], "int32"))
    c.add("int32_matrix", tensor([[-(2**31), 5], [2**31 - 1, 0]], "int32"))
    c.add("int8", tensor([-128, 127, 0], "int8"))
    c.add("uint8", tensor([0, 255, 7], "uint8"))
    c.add("int16", tensor([-32768, 32767], "int16"))
    c.add("int64_long_row", lambda: torch.arange(0, 3000, 97))

    # bool
    c.add("bool_vector", tensor([True, False], "bool"))
    c.add("bool_matrix", tensor([[True, False, True], [False, False, True]], "bool"))
    c.add("bool_all_false", tensor([False, False], "bool"))
    c.add("bool_1200", lambda: torch.arange(1200) % 3 == 0)
    c.add("bool_wide", lambda: torch.arange(40) % 2 == 0)

    # autograd suffixes
    c.add("grad_leaf", tensor([1.0, 2.0]), grad="leaf")
    c.add("grad_mul", tensor([2.0, 4.0]), grad="mul")
    c.add("grad_scalar_leaf", tensor(1.0), grad="leaf")
    c.add("grad_scalar_add", tensor(5.0), grad="add")
    c.add("grad_sum", lambda: torch.tensor([1.0, 2.0], requires_grad=True).sum())
    c.add("grad_mean", lambda: torch.tensor([1.0, 2.0], requires_grad=True).mean())
    c.add("grad_f64_leaf", tensor([1.0, 2.0], "float64"), grad="leaf")
    c.add("grad_f64_wide", lambda: torch.randn(3, 30, dtype=torch.float64, generator=g), grad="mul")
    c.add(
        "grad_f64_vector_wrap",
        lambda: torch.randn(40, dtype=torch.float64, generator=g),
        grad="leaf",
    )
    c.add("grad_f64_row_fits", lambda: torch.randn(7, dtype=torch.float64, generator=g), grad="mul")
    c.add("grad_f64_row_just", lambda: torch.randn(8, dtype=torch.float64, generator=g), grad="mul")
    c.add("grad_40x40", lambda: torch.randn(40, 40, generator=g), grad="leaf")
    c.add("grad_empty", lambda: torch.zeros(0), grad="leaf")
    c.add("grad_empty_f64_2d", lambda: torch.zeros(0, 2, dtype=torch.float64), grad="leaf")
    c.add("grad_sci", tensor([1e-5, 1.0, 1e5]), grad="clone")
    c.add("grad_3d", lambda: torch.randn(2, 2, 3, generator=g), grad="view")
    c.add("grad_f16", tensor([0.5, 1.5], "float16"), grad="mul")

    # default dtype float64
    for name, make in [
        ("f32", tensor([1.5, 2.0], "float32")),
        ("f64", tensor([1.5, 2.0], "float64")),
        ("f32_empty", lambda: torch.zeros(0, dtype=torch.float32)),
        ("f64_empty", lambda: torch.zeros(0, dtype=torch.float64)),
        ("int64", tensor([1, 2], "int64")),
        ("f32_scalar", tensor(0.1, "float32")),
    ]:
        c.add(f"default_f64_{name}", make, default_dtype="float64")
    c.add("default_f64_f32_grad", tensor([1.0], "float32"), default_dtype="float64", grad="mul")

    # print options
    opts: list[tuple[str, Callable[[], torch.Tensor], list[dict[str, Any]]]] = [
        ("precision2", tensor([1.12345, 2.5]), [{"precision": 2}]),
        ("precision8_point1", tensor([0.1]), [{"precision": 8}]),
        ("precision8_point1_f64", tensor([0.1], "float64"), [{"precision": 8}]),
        ("precision10_third", tensor([1 / 3]), [{"precision": 10}]),
        ("precision0", tensor([1.5, 2.5, 0.4]), [{"precision": 0}]),
        ("precision0_sci", tensor([1e-5, 1.0]), [{"precision": 0}]),
        ("sci_true", tensor([1.0, 2.0]), [{"sci_mode": True}]),
        ("sci_true_frac", tensor([0.5, 2.25]), [{"sci_mode": True}]),
        ("sci_false_mixed", tensor([1e-5, 1.0, 1e5]), [{"sci_mode": False}]),
        ("sci_false_huge", tensor([1e10, 1.0]), [{"sci_mode": False}]),
        ("sci_true_int", tensor([1, 2], "int64"), [{"sci_mode": True}]),
        ("threshold5_arange10", lambda: torch.arange(10), [{"threshold": 5}]),
        ("threshold5_matrix", lambda: torch.arange(36.0).reshape(6, 6), [{"threshold": 5}]),
        ("edgeitems1", lambda: torch.arange(2000.0), [{"edgeitems": 1}]),
        ("edgeitems1_matrix", lambda: torch.arange(2000).reshape(40, 50), [{"edgeitems": 1}]),
        ("edgeitems0_vector", lambda: torch.arange(2000.0), [{"edgeitems": 0}]),
        ("edgeitems0_matrix", lambda: torch.arange(2000.0).reshape(40, 50), [{"edgeitems": 0}]),
        ("edgeitems0_small", tensor([1.5, 2.0]), [{"edgeitems": 0}]),
        ("edgeitems0_small_2d", tensor([[1.5], [2.0]]), [{"edgeitems": 0}]),
        ("edgeitems5", lambda: torch.arange(2000).reshape(40, 50), [{"edgeitems": 5}]),
        ("linewidth40", lambda: torch.arange(30.0), [{"linewidth": 40}]),
        ("linewidth10", lambda: torch.arange(12).reshape(3, 4), [{"linewidth": 10}]),
        ("linewidth200", lambda: torch.randn(3, 30, generator=g), [{"linewidth": 200}]),
        (
            "linewidth30",
            lambda: torch.randn(4, dtype=torch.float64, generator=g),
            [{"linewidth": 30}],
        ),
        ("profile_short", lambda: torch.randn(10, 10, generator=g), [{"profile": "short"}]),
        ("profile_full", lambda: torch.arange(1001), [{"profile": "full"}]),
        ("threshold_inf", lambda: torch.arange(1200), [{"threshold": INF}]),
        ("profile_bogus", tensor([1.12345]), [{"profile": "bogus"}]),
        ("profile_short_precision5", tensor([1.123456]), [{"profile": "short", "precision": 5}]),
        ("sci_reset", tensor([1.0, 2.0]), [{"sci_mode": True}, {"linewidth": 100}]),
        ("sci_then_precision", tensor([1.0, 2.0]), [{"precision": 2}, {"sci_mode": True}]),
        ("precision_kept", tensor([1.123456]), [{"precision": 6}, {"linewidth": 60}]),
        ("default_restores", tensor([1.12345]), [{"precision": 1}, {"profile": "default"}]),
    ]
    for name, make, options in opts:
        c.add(f"options_{name}", make, options=options)
    c.add(
        "options_linewidth30_grad",
        lambda: torch.randn(4, dtype=torch.float64, generator=g),
        options=[{"linewidth": 30}],
        grad="mul",
    )
    c.add("options_edgeitems0_grad", tensor([1.0, 2.0]), options=[{"edgeitems": 0}], grad="leaf")


def random_values(rng: np.random.Generator, shape: tuple[int, ...], dtype: str) -> np.ndarray:
    if dtype == "bool":
        return rng.random(shape) < 0.5
    if dtype.startswith(("int", "uint")):
        info = np.iinfo(np.dtype(dtype))
        bound = int(rng.choice([10, 1000, 100000, info.max]))
        low = max(int(info.min), -bound)
        return rng.integers(low, min(int(info.max), bound), size=shape, endpoint=True)
    kind = rng.choice(["normal", "integers", "uniform", "mixed", "special", "rounding"])
    if kind == "normal":
        values = rng.standard_normal(shape) * 10.0 ** rng.integers(-7, 10)
    elif kind == "integers":
        values = rng.integers(-1000, 1000, size=shape).astype(np.float64)
    elif kind == "uniform":
        values = rng.random(shape)
    elif kind == "mixed":
        values = rng.standard_normal(shape) * 10.0 ** rng.integers(-8, 9, size=shape)
    elif kind == "rounding":
        # values sitting on the rounding boundary of the 4th decimal
        values = (rng.integers(-20000, 20000, size=shape) + 0.5) / 10000
    else:
        values = rng.standard_normal(shape) * 10.0 ** rng.integers(-3, 4)
        specials = np.array([NAN, INF, -INF, 0.0, -0.0])
        mask = rng.random(shape) < 0.3
        values = np.where(mask, rng.choice(specials, size=shape), values)
    if dtype == "float16":
        values = np.clip(values, -60000, 60000)
    return np.asarray(values)


def random_shape(rng: np.random.Generator) -> tuple[int, ...]:
    ndim = int(rng.choice([0, 1, 1, 1, 2, 2, 2, 3, 3, 4]))
    shape = [int(rng.integers(1, 6)) for _ in range(ndim)]
    if ndim and rng.random() < 0.25:
        shape[int(rng.integers(ndim))] = int(rng.integers(6, 60))
    if ndim and rng.random() < 0.08:
        shape[int(rng.integers(ndim))] = 0
    if ndim >= 2 and rng.random() < 0.08:
        # just past the summarisation threshold, small enough to keep the fixture small
        shape = [1] * (ndim - 2) + [int(rng.integers(8, 15)), int(rng.integers(100, 200))]
    return tuple(shape)


def random_options(rng: np.random.Generator) -> list[dict[str, Any]]:
    options: dict[str, Any] = {}
    if rng.random() < 0.5:
        options["precision"] = int(rng.integers(0, 11))
    if rng.random() < 0.4:
        options["sci_mode"] = bool(rng.random() < 0.5)
    if rng.random() < 0.3:
        options["linewidth"] = int(rng.integers(15, 160))
    if rng.random() < 0.3:
        options["edgeitems"] = int(rng.integers(0, 5))
    if rng.random() < 0.3:
        options["threshold"] = int(rng.integers(1, 60))
    return [options] if options else []


def random_cases(c: Corpus, count: int) -> None:
    rng = np.random.default_rng(SEED)
    dtype_choices = ["float32"] * 12 + ["float64"] * 3 + ["int64"] * 2
    dtype_choices += ["bool", "int32", "float16", "int8", "uint8", "int16"]
    for i in range(count):
        dtype = str(rng.choice(dtype_choices))
        shape = random_shape(rng)
        values = random_values(rng, shape, dtype)
        floating = DTYPES[dtype].is_floating_point
        grad = str(rng.choice(list(GRAD_OPS))) if floating and rng.random() < 0.3 else None
        options = random_options(rng) if rng.random() < 0.2 else []
        default_dtype = "float64" if rng.random() < 0.05 else "float32"
        c.add(
            f"random{i}_{dtype}_{shape}",
            lambda v=values, d=dtype: torch.from_numpy(np.array(v)).to(DTYPES[d]),
            options=options,
            grad=grad,
            default_dtype=default_dtype,
        )


def main() -> None:
    corpus = Corpus()
    hand_picked(corpus)
    random_cases(corpus, 260)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {"torch_version": torch.__version__, "seed": SEED, "cases": corpus.cases}
    # one case per line: reviewable diffs without a multi-megabyte file
    lines = [json.dumps(case, ensure_ascii=False) for case in corpus.cases]
    header = json.dumps({k: v for k, v in payload.items() if k != "cases"})[:-1]
    text = header + ', "cases": [\n' + ",\n".join(lines) + "\n]}\n"
    assert json.loads(text) == payload
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(corpus.cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
