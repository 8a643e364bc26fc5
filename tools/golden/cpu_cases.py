"""The CPU-kernel fidelity cases, run on a torch-like module (real torch or `engine`).

tools/golden/gen_cpu_kernels.py records what real PyTorch 2.13 computes for each case and
tests/engine/cpu/test_kernels.py runs the same cases on `engine`: both build every input here,
from a seed, with numpy, so the two sides cannot drift apart. A case is plain data (op, dtype,
shape, input domain, view, seed); `CaseRunner.run` returns its outputs as numpy arrays
(forward value, then the gradient of each input for `sum(out * g)` with a seeded `g`).
"""

from __future__ import annotations

import base64
import hashlib
from types import ModuleType
from typing import Any

import numpy as np

Case = dict[str, Any]
DTYPES = ("float32", "float64")

# Values that stress a kernel's special-case paths and range reduction, by input domain.
_EDGES: dict[str, list[float]] = {
    "any": [
        0.0,
        -0.0,
        float("inf"),
        float("-inf"),
        float("nan"),
        1e-45,
        -1e-45,
        5e-324,
        1e-38,
        1e-30,
        -1e-30,
        1.0,
        -1.0,
        0.5,
        3.4e38,
        -3.4e38,
        1e300,
        -1e300,
    ],
    "exp": [
        88.7,
        88.72,
        89.0,
        -87.3,
        -103.9,
        -104.0,
        709.7,
        709.8,
        -745.1,
        0.6931471805599453,
        -0.6931471805599453,
        1e-8,
        -1e-8,
        20.0,
        -20.0,
    ],
    "trig": [
        3.141592653589793,
        1.5707963267948966,
        6.283185307179586,
        0.7853981633974483,
        -3.141592653589793,
        100.0,
        1000.0,
        1e4,
        1e5,
        105414.35,
        1e6,
        1e8,
        3.0e9,
        1e22,
    ],
    "log": [
        2.718281828,
        2.718281828459045,
        1.0000001,
        0.9999999,
        2.0,
        10.0,
        1e-40,
        1e-310,
        65504.0,
        1e10,
    ],
    "tanh": [8.0, 9.0, 9.01, 10.0, 19.0, 20.0, 0.625, 0.55, 1e-5, -1e-5, 0.0003],
}
_EDGES["logp"] = _EDGES["log"]
_EDGES["sqrt"] = _EDGES["log"]


def _domain(rng: np.random.Generator, domain: str, n: int) -> np.ndarray:
    """n ordinary inputs for an op's useful range (float64; cast to the case's dtype later)."""
    if domain in ("log", "sqrt", "logp"):
        return np.exp(rng.uniform(-20, 20, n))
    if domain == "exp":
        return rng.uniform(-30, 30, n)
    if domain == "trig":
        return rng.uniform(-20, 20, n) * np.where(rng.uniform(0, 1, n) < 0.1, 50.0, 1.0)
    if domain == "tanh":
        return rng.uniform(-6, 6, n)
    if domain == "unit":  # x > -1 for log1p, and around 0 for expm1
        return rng.uniform(-0.99, 3.0, n)
    return rng.standard_normal(n) * 3.0


FULL_LIMIT = 20000  # outputs up to this many elements are stored whole
SAMPLE_EVERY = 50  # larger ones: a digest of all bits, and every 50th element


def encode(array: np.ndarray) -> dict[str, Any]:
    """An output as stored: dtype, shape, a digest of its bits, and its values (all, or a
    sample) as little-endian bytes in base64."""
    flat = np.ascontiguousarray(array).reshape(-1)
    full = flat.size <= FULL_LIMIT
    kept = flat if full else flat[::SAMPLE_EVERY]
    return {
        "dtype": str(array.dtype),
        "shape": list(array.shape),
        "sha256": hashlib.sha256(flat.astype(flat.dtype.newbyteorder("<")).tobytes()).hexdigest(),
        "every": 1 if full else SAMPLE_EVERY,
        "bits": base64.b64encode(kept.astype(kept.dtype.newbyteorder("<")).tobytes()).decode(),
    }


def decode(stored: dict[str, Any]) -> np.ndarray:
    """The stored values (all, or every `every`-th) as a flat array of the stored dtype."""
    dtype = np.dtype(stored["dtype"]).newbyteorder("<")
    return np.frombuffer(base64.b64decode(stored["bits"]), dtype=dtype).astype(stored["dtype"])


def mismatches(actual: np.ndarray, stored: dict[str, Any]) -> tuple[int, int]:
    """(elements whose bits differ from torch's, elements compared) for one output.

    NaNs count as equal whatever their payload; a shape or dtype difference counts every
    element. Sampled outputs compare their sample, and count the whole output as one
    mismatch when the sample agrees but the digest does not.
    """
    expected = decode(stored)
    flat = np.asarray(actual).reshape(-1)
    if list(np.shape(actual)) != stored["shape"] or str(flat.dtype) != stored["dtype"]:
        return max(expected.size, 1), max(expected.size, 1)
    kept = flat[:: stored["every"]]
    same_bits = kept.view(f"u{kept.itemsize}") == expected.view(f"u{expected.itemsize}")
    both_nan = np.isnan(kept) & np.isnan(expected)
    bad = int(np.sum(~(same_bits | both_nan)))
    if bad == 0 and stored["every"] > 1 and digest(flat) != stored["sha256"]:
        bad = 1
    return bad, int(kept.size)


def digest(array: np.ndarray) -> str:
    flat = np.ascontiguousarray(array).reshape(-1)
    return hashlib.sha256(flat.astype(flat.dtype.newbyteorder("<")).tobytes()).hexdigest()


def build_input(case: Case, index: int = 0) -> np.ndarray:
    """The case's `index`-th input as a numpy array of its dtype and (pre-view) shape."""
    rng = np.random.default_rng([case["seed"], index])
    dtype = np.dtype(case["dtype"])
    shape = tuple(case["shapes"][index])
    n = int(np.prod(shape, dtype=np.int64))
    values = _domain(rng, case.get("domain", "normal"), n)
    if case.get("edges") and index == 0 and n:
        edges = _EDGES["any"] + _EDGES.get(case.get("domain", ""), [])
        take = min(n, len(edges))
        values[:take] = edges[:take]
    with np.errstate(all="ignore"):
        return values.astype(dtype).reshape(shape)


def _view(t: Any, how: str | None) -> Any:
    if how == "stride2":
        return t[..., ::2]
    if how == "transpose":
        return t.t() if t.dim() == 2 else t.transpose(-1, -2)
    return t


class CaseRunner:
    """Runs cases against `torch` (any module with torch's tensor API)."""

    def __init__(self, torch: ModuleType) -> None:
        self.torch = torch

    def tensor(self, array: np.ndarray, requires_grad: bool = False) -> Any:
        t = self.torch.tensor(array.tolist(), dtype=getattr(self.torch, str(array.dtype)))
        return t.requires_grad_() if requires_grad else t

    def run(self, case: Case) -> list[np.ndarray]:
        torch = self.torch
        kind = case["kind"]
        dtype = getattr(torch, case["dtype"])
        if kind == "linspace":
            start, end, steps = case["args"]
            return [torch.linspace(start, end, steps, dtype=dtype).numpy()]
        if kind == "arange":
            start, end, step = case["args"]
            return [torch.arange(start, end, step, dtype=dtype).numpy()]
        grad = case.get("backward", False)
        leaves = [
            self.tensor(build_input(case, i), requires_grad=grad)
            for i in range(len(case["shapes"]))
        ]
        inputs = [_view(leaves[0], case.get("view")), *leaves[1:]]
        out = self.apply(case, inputs)
        results = [out.detach().numpy()]
        if grad:
            g = np.random.default_rng([case["seed"], 99]).standard_normal(tuple(out.shape))
            out.backward(self.tensor(g.astype(np.dtype(case["dtype"]))))
            results += [leaf.grad.numpy() for leaf in leaves]
        return results

    def apply(self, case: Case, inputs: list[Any]) -> Any:
        torch = self.torch
        op, params = case["op"], case.get("params", {})
        x = inputs[0]
        if op in ("softmax", "log_softmax"):
            return getattr(torch, op)(x, params["dim"])
        if op == "pow_scalar":
            return x ** params["exponent"]
        if op == "pow":
            return x ** inputs[1]
        if op == "div_scalar":
            return x / params["other"]
        if op in ("div", "mul", "add", "sub", "matmul", "mm", "mv", "dot", "bmm"):
            return getattr(torch, op)(x, inputs[1])
        if op in ("sum", "mean"):
            dim = params.get("dim")
            return getattr(torch, op)(x) if dim is None else getattr(torch, op)(x, dim)
        return getattr(torch, op)(x)


UNARY_DOMAINS = {
    "exp": "exp", "log": "log", "sin": "trig", "cos": "trig", "tanh": "tanh", "sqrt": "sqrt",
    "sigmoid": "exp", "expm1": "unit", "log1p": "unit", "rsqrt": "sqrt", "reciprocal": "normal",
}  # fmt: skip
UNARY_SIZES: tuple[tuple[int, ...], ...] = ((), (1,), (3,), (7,), (15,), (16,), (17,), (31,),
                                            (40,), (4, 10), (1000,))  # fmt: skip
MATMUL_SHAPES: tuple[tuple[str, tuple[tuple[int, ...], ...]], ...] = (
    ("mm", ((2, 3), (3, 4))),
    ("mm", ((1, 5), (5, 1))),
    ("mm", ((4, 1), (1, 3))),
    ("mm", ((16, 32), (32, 32))),
    ("mm", ((32, 30), (30, 200))),
    ("mm", ((64, 784), (784, 128))),
    ("mm", ((100, 100), (100, 100))),
    ("mm", ((128, 64), (64, 10))),
    ("matmul", ((3,), (3, 4))),
    ("matmul", ((10, 300), (300,))),
    ("matmul", ((2, 3, 4), (4, 5))),
    ("matmul", ((8, 16, 32), (8, 32, 10))),
    ("matmul", ((2, 1, 3, 4), (5, 4, 2))),
    ("mv", ((5, 3), (3,))),
    ("mv", ((200, 30), (30,))),
    ("dot", ((3,), (3,))),
    ("dot", ((1000,), (1000,))),
    ("dot", ((100000,), (100000,))),
    ("bmm", ((2, 3, 4), (2, 4, 5))),
    ("bmm", ((4, 10, 50), (4, 50, 1))),
    ("bmm", ((8, 64, 64), (8, 64, 64))),
)
# broadcast operands: their gradients are summed back (`sum_to`), a bias's over the batch
BROADCAST_SHAPES: tuple[tuple[tuple[int, ...], ...], ...] = (
    ((64, 10), (10,)),
    ((128, 100), (100,)),
    ((64, 10), (64, 1)),
    ((32, 1000), (1000,)),
    ((2, 5, 3, 4), (2, 1, 3, 4)),
    ((7,), ()),
)
LINSPACE_ARGS = ((0, 1, 5), (0, 1, 10), (-1, 1, 100), (0, 10, 11), (-5, 5, 1000),
                 (0, 6.283185307179586, 100), (-3.14159, 3.14159, 50), (1, 0, 7),
                 (-10, 10, 201), (0.1, 0.9, 9), (0, 1, 100000), (-2, 2, 40), (3, 3, 5),
                 (0, 1, 2), (0, 1, 1), (0, 1, 0), (-1e-3, 2.5, 33))  # fmt: skip
ARANGE_ARGS = ((0, 1, 0.1), (0, 5, 1), (-1, 1, 0.01), (0, 10, 0.3), (0, 6.283185307179586, 0.1),
               (1, 2, 0.001), (-3, 3, 0.25), (0, 100000, 1.0), (0.5, 7.3, 0.7), (10, 0, -0.5),
               (-2.5, 2.5, 0.05), (0, 1, 1 / 3))  # fmt: skip


def all_cases() -> list[Case]:
    """Every case, in a fixed order (the fixture stores them in the same order)."""
    cases: list[Case] = []
    seed = 0

    def add(**case: Any) -> None:
        nonlocal seed
        seed += 1
        case.setdefault("seed", seed)
        name = "/".join(str(case[k]) for k in ("op", "dtype"))
        extra = case.get("params") or case.get("args")
        shapes = "x".join(
            "(" + ",".join(map(str, s)) + ")" for s in case.get("shapes", ())
        )  # fmt: skip
        case["name"] = " ".join(
            p for p in (name, shapes, str(extra) if extra else "", case.get("view") or "") if p
        )
        cases.append(case)

    for dtype in DTYPES:
        for op, domain in UNARY_DOMAINS.items():
            for shape in UNARY_SIZES:
                add(kind="op", op=op, dtype=dtype, shapes=[shape], domain=domain, backward=True)
            add(kind="op", op=op, dtype=dtype, shapes=[(64,)], domain=domain, edges=True)
            add(kind="op", op=op, dtype=dtype, shapes=[(100000,)], domain=domain)
            add(kind="op", op=op, dtype=dtype, shapes=[(40,)], domain=domain, view="stride2",
                backward=True)  # fmt: skip
            add(kind="op", op=op, dtype=dtype, shapes=[(5, 9)], domain=domain, view="transpose",
                backward=True)  # fmt: skip
        for exponent in (2, 3, 0.5, -1, -2, 2.5, 1.5, -0.5):
            for shape in ((), (17,), (1000,)):
                add(kind="op", op="pow_scalar", dtype=dtype, shapes=[shape], domain="sqrt",
                    params={"exponent": exponent}, backward=True)  # fmt: skip
        for shape in ((), (17,), (1000,)):
            add(kind="op", op="pow", dtype=dtype, shapes=[shape, shape], domain="sqrt",
                backward=True)  # fmt: skip
            add(kind="op", op="div", dtype=dtype, shapes=[shape, shape], backward=True)
            add(kind="op", op="div_scalar", dtype=dtype, shapes=[shape], params={"other": 3.0},
                backward=True)  # fmt: skip
        for op in ("softmax", "log_softmax"):
            for shape, dim in (((5,), 0), ((4, 10), 1), ((32, 10), -1), ((3, 100), 1),
                               ((2, 3, 4), -1), ((4, 10), 0), ((64, 1000), 1)):  # fmt: skip
                add(kind="op", op=op, dtype=dtype, shapes=[shape], params={"dim": dim},
                    backward=True)  # fmt: skip
        for op in ("sum", "mean"):
            for shape in ((7,), (100,), (1000,), (32768,), (100000,), (32, 30), (64, 1000)):
                add(kind="op", op=op, dtype=dtype, shapes=[shape], backward=True)
            add(kind="op", op=op, dtype=dtype, shapes=[(64, 100)], params={"dim": 0})
            add(kind="op", op=op, dtype=dtype, shapes=[(64, 100)], params={"dim": 1})
        for op in ("add", "mul", "sub"):
            for shapes in BROADCAST_SHAPES:
                add(kind="op", op=op, dtype=dtype, shapes=list(shapes), backward=True)
        for op, shapes in MATMUL_SHAPES:
            add(kind="op", op=op, dtype=dtype, shapes=list(shapes), backward=True)
        add(kind="op", op="mm", dtype=dtype, shapes=[(30, 32), (30, 200)], view="transpose")
        for args in LINSPACE_ARGS:
            add(kind="linspace", op="linspace", dtype=dtype, args=list(args))
        for args in ARANGE_ARGS:
            add(kind="arange", op="arange", dtype=dtype, args=list(args))
    return cases
