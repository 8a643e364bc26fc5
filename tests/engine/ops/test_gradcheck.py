"""Numerical gradient checks: every differentiable op's backward against central differences.

Inputs are float64 and drawn by hypothesis (shapes, broadcasting pairs, values kept away from
the points where an op is not differentiable). Each check contracts the output with fixed
random weights, so one scalar covers the whole vector-Jacobian product. The second half checks
second derivatives built with `create_graph=True` the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engine as torch
import engine.nn.functional as F

# every check runs the op dozens of times; a loaded CI machine must not turn that into a failure
SLOW_OK = [HealthCheck.too_slow]

EPS = 1e-6
RTOL = 1e-4
ATOL = 1e-6

Fn = Callable[..., Any]


def _tensor(a: np.ndarray, requires_grad: bool) -> torch.Tensor:
    return torch.tensor(a.tolist(), dtype=torch.float64, requires_grad=requires_grad)


def _weights(shape: tuple[int, ...]) -> np.ndarray:
    return np.random.default_rng(sum(shape) + len(shape)).uniform(0.5, 1.5, size=shape)


def _scalar(fn: Fn, arrays: Sequence[np.ndarray], weights: np.ndarray) -> float:
    with torch.no_grad():
        out = fn(*[_tensor(a, False) for a in arrays])
    return float(np.sum(np.asarray(out.tolist()) * weights))


def numerical_grads(fn: Fn, arrays: Sequence[np.ndarray], weights: np.ndarray) -> list[np.ndarray]:
    """Central differences of Σ fn(arrays)·weights with respect to each array."""
    grads = []
    for i, a in enumerate(arrays):
        g = np.zeros_like(a)
        for idx in np.ndindex(a.shape):
            plus = [x.copy() for x in arrays]
            minus = [x.copy() for x in arrays]
            plus[i][idx] += EPS
            minus[i][idx] -= EPS
            g[idx] = (_scalar(fn, plus, weights) - _scalar(fn, minus, weights)) / (2 * EPS)
        grads.append(g)
    return grads


def analytic_grads(fn: Fn, arrays: Sequence[np.ndarray]) -> tuple[list[np.ndarray], np.ndarray]:
    tensors = [_tensor(a, True) for a in arrays]
    out = fn(*tensors)
    weights = _weights(tuple(out.shape))
    (out * _tensor(weights, False)).sum().backward()
    grads = []
    for t in tensors:
        assert t.grad is not None, "a differentiable input got no gradient"
        grads.append(np.asarray(t.grad.tolist()).reshape(t.shape))
    return grads, weights


def check(fn: Fn, *inputs: np.ndarray) -> None:
    arrays = [np.array(a, dtype=np.float64) for a in inputs]
    analytic, weights = analytic_grads(fn, arrays)
    numeric = numerical_grads(fn, arrays, weights)
    for a, n in zip(analytic, numeric, strict=True):
        np.testing.assert_allclose(a, n, rtol=RTOL, atol=ATOL)


# --- input strategies --------------------------------------------------------------------------

SHAPES = hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=3)
NONEMPTY_SHAPES = hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=3)


def values(shape: tuple[int, ...], low: float = -2.0, high: float = 2.0) -> Any:
    return hnp.arrays(np.float64, shape, elements=st.floats(low, high, allow_nan=False))


def away_from(points: Sequence[float], margin: float = 0.05) -> Callable[[np.ndarray], np.ndarray]:
    """Push values that are within `margin` of a kink out of the way (keeps the draw's sign)."""

    def push(a: np.ndarray) -> np.ndarray:
        out = a.copy()
        for p in points:
            near = np.abs(out - p) < margin
            out[near] = p + np.where(out[near] >= p, margin, -margin) * 2
        return out

    return push


def distinct(shape: tuple[int, ...]) -> Any:
    """Values that are pairwise far apart, so max/min pick a unique element."""
    n = int(np.prod(shape))
    return st.permutations(list(range(n))).map(
        lambda p: (np.asarray(p, dtype=np.float64) * 0.37 - 1.0).reshape(shape)
    )


@dataclass(frozen=True)
class Unary:
    name: str
    fn: Fn
    transform: Callable[[np.ndarray], np.ndarray] = lambda a: a
    low: float = -2.0
    high: float = 2.0


UNARY = [
    Unary("exp", torch.exp),
    Unary("log", torch.log, low=0.2, high=3.0),
    Unary("sqrt", torch.sqrt, low=0.2, high=3.0),
    Unary("sin", torch.sin),
    Unary("cos", torch.cos),
    Unary("tanh", torch.tanh),
    Unary("sigmoid", torch.sigmoid),
    Unary("relu", torch.relu, away_from([0.0])),
    Unary("F.relu", F.relu, away_from([0.0])),
    Unary("abs", torch.abs, away_from([0.0])),
    Unary("reciprocal", torch.reciprocal, away_from([0.0], 0.3)),
    Unary("clamp", lambda x: torch.clamp(x, -0.5, 0.7), away_from([-0.5, 0.7])),
    Unary("clamp_min", lambda x: x.clamp(min=0.3), away_from([0.3])),
    Unary("clamp_max", lambda x: x.clamp(max=0.3), away_from([0.3])),
    Unary("clamp_min_fn", lambda x: torch.clamp_min(x, 0.3), away_from([0.3])),
    Unary("clamp_max_fn", lambda x: torch.clamp_max(x, 0.3), away_from([0.3])),
    Unary("neg", lambda x: -x),
    Unary("pow_scalar", lambda x: x**3),
    Unary("pow_fraction", lambda x: x**1.5, low=0.2, high=3.0),
    Unary("rpow", lambda x: 2.0**x),
    Unary("rsub", lambda x: 3.0 - x),
    Unary("rdiv", lambda x: 2.0 / x, away_from([0.0], 0.3)),
    Unary("mul_scalar", lambda x: x * 2.5),
    Unary("div_scalar", lambda x: x / 4.0),
    Unary("add_scalar", lambda x: x + 1.5),
    Unary("sub_scalar", lambda x: x - 1.5),
    Unary("sum", lambda x: x.sum()),
    Unary("mean", lambda x: x.mean()),
    Unary("clone", lambda x: x.clone()),
    Unary("square_via_mul", lambda x: x * x),
]


@pytest.mark.parametrize("op", UNARY, ids=lambda op: op.name)
@settings(max_examples=15, deadline=None, suppress_health_check=SLOW_OK)
@given(data=st.data())
def test_unary_gradients_match_central_differences(op: Unary, data: st.DataObject) -> None:
    shape = data.draw(SHAPES)
    x = op.transform(data.draw(values(shape, op.low, op.high)))
    check(op.fn, x)


BINARY: list[tuple[str, Fn, Callable[[np.ndarray], np.ndarray]]] = [
    ("add", lambda a, b: a + b, lambda b: b),
    ("add_alpha", lambda a, b: a.add(b, alpha=2.0), lambda b: b),
    ("sub", lambda a, b: a - b, lambda b: b),
    ("sub_alpha", lambda a, b: torch.sub(a, b, alpha=0.5), lambda b: b),
    ("mul", lambda a, b: a * b, lambda b: b),
    ("div", lambda a, b: a / b, away_from([0.0], 0.3)),
    ("pow", lambda a, b: a.abs() ** b, lambda b: b),
    ("maximum", torch.maximum, lambda b: b + 0.013),
    ("minimum", torch.minimum, lambda b: b + 0.013),
    ("max_binary", torch.max, lambda b: b + 0.013),
    ("where", lambda a, b: torch.where(a > 0, a, b), lambda b: b),
    ("mse_broadcast", lambda a, b: (a - b).pow(2).mean(), lambda b: b),
]


@pytest.mark.parametrize(("name", "fn", "transform"), BINARY, ids=[b[0] for b in BINARY])
@settings(max_examples=15, deadline=None, suppress_health_check=SLOW_OK)
@given(data=st.data())
def test_binary_gradients_with_broadcasting(
    name: str, fn: Fn, transform: Callable[[np.ndarray], np.ndarray], data: st.DataObject
) -> None:
    shapes = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=3))
    a_shape, b_shape = shapes.input_shapes
    a = data.draw(values(a_shape))
    if name == "pow":
        a = np.abs(a) + 0.3
    if name == "where":
        a = away_from([0.0])(a)
    b = transform(data.draw(values(b_shape)))
    check(fn, a, b)


# --- reductions --------------------------------------------------------------------------------


@st.composite
def shape_and_dims(draw: st.DrawFn) -> tuple[tuple[int, ...], tuple[int, ...], bool]:
    shape = draw(NONEMPTY_SHAPES)
    dims = draw(st.lists(st.integers(0, len(shape) - 1), min_size=1, unique=True))
    negate = draw(st.booleans())
    dims_t = tuple(d - len(shape) if negate else d for d in dims)
    return shape, dims_t, draw(st.booleans())


@settings(max_examples=20, deadline=None, suppress_health_check=SLOW_OK)
@given(spec=shape_and_dims(), data=st.data())
def test_sum_and_mean_over_dims(
    spec: tuple[tuple[int, ...], tuple[int, ...], bool], data: st.DataObject
) -> None:
    shape, dims, keepdim = spec
    x = data.draw(values(shape))
    check(lambda t: t.sum(dims, keepdim=keepdim), x)
    check(lambda t: t.mean(dims, keepdim), x)
    check(lambda t: torch.sum(t, dims[0], keepdim), x)


@settings(max_examples=20, deadline=None, suppress_health_check=SLOW_OK)
@given(data=st.data())
def test_max_and_min(data: st.DataObject) -> None:
    shape = data.draw(NONEMPTY_SHAPES)
    x = data.draw(distinct(shape))
    dim = data.draw(st.integers(-len(shape), len(shape) - 1))
    keepdim = data.draw(st.booleans())
    check(lambda t: t.max(), x)
    check(lambda t: t.min(), x)
    check(lambda t: t.max(dim, keepdim).values, x)
    check(lambda t: torch.min(t, dim=dim, keepdim=keepdim)[0], x)


@settings(max_examples=20, deadline=None, suppress_health_check=SLOW_OK)
@given(data=st.data())
def test_softmax_and_log_softmax(data: st.DataObject) -> None:
    shape = data.draw(NONEMPTY_SHAPES)
    dim = data.draw(st.integers(-len(shape), len(shape) - 1))
    x = data.draw(values(shape, -3.0, 3.0))
    check(lambda t: t.softmax(dim), x)
    check(lambda t: torch.log_softmax(t, dim), x)
    check(lambda t: F.softmax(t, dim=dim), x)


# --- matrix products ---------------------------------------------------------------------------

MATMUL_SHAPES = [
    ((3,), (3,)),
    ((2, 3), (3,)),
    ((2, 3), (3, 4)),
    ((3,), (3, 4)),
    ((5, 2, 3), (3, 4)),
    ((2, 2, 3), (2, 3, 4)),
    ((2, 3), (2, 3, 4)),
    ((2, 2, 3), (3,)),
    ((3,), (2, 3, 4)),
    ((2, 1, 2, 3), (3, 3, 2)),
]


@settings(max_examples=30, deadline=None, suppress_health_check=SLOW_OK)
@given(pair=st.sampled_from(MATMUL_SHAPES), data=st.data())
def test_matmul_every_dispatch_path(
    pair: tuple[tuple[int, ...], tuple[int, ...]], data: st.DataObject
) -> None:
    a = data.draw(values(pair[0]))
    b = data.draw(values(pair[1]))
    check(lambda x, y: x @ y, a, b)


@settings(max_examples=10, deadline=None, suppress_health_check=SLOW_OK)
@given(n=st.integers(1, 3), k=st.integers(1, 3), p=st.integers(1, 3), data=st.data())
def test_mm_mv_dot_bmm(n: int, k: int, p: int, data: st.DataObject) -> None:
    m = data.draw(values((n, k)))
    check(torch.mm, m, data.draw(values((k, p))))
    check(torch.mv, m, data.draw(values((k,))))
    check(torch.dot, data.draw(values((k,))), data.draw(values((k,))))
    check(torch.bmm, data.draw(values((2, n, k))), data.draw(values((2, k, p))))


@settings(max_examples=6, deadline=None, suppress_health_check=SLOW_OK)
@given(
    batch=st.sampled_from([(), (1,), (3,), (2, 3)]),
    k=st.integers(1, 3),
    p=st.integers(1, 3),
    data=st.data(),
)
def test_linear_and_addmm(batch: tuple[int, ...], k: int, p: int, data: st.DataObject) -> None:
    x = data.draw(values((*batch, k)))
    w = data.draw(values((p, k)))
    b = data.draw(values((p,)))
    check(F.linear, x, w, b)
    check(F.linear, x, w)
    check(lambda m, a, c: torch.addmm(m, a, c, beta=0.5, alpha=-2.0), b, x.reshape(-1, k), w.T)
    # a non-contiguous 3-D input takes matmul + add_ instead of one flattened addmm
    x3 = data.draw(values((2, k, 2)))
    check(lambda xs, ws, bs: F.linear(xs.transpose(1, 2), ws, bs), x3, w, b)


# --- losses ------------------------------------------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=SLOW_OK)
@given(shape=SHAPES, reduction=st.sampled_from(["mean", "sum", "none"]), data=st.data())
def test_mse_loss(shape: tuple[int, ...], reduction: str, data: st.DataObject) -> None:
    check(
        lambda x, y: F.mse_loss(x, y, reduction=reduction),
        data.draw(values(shape)),
        data.draw(values(shape)),
    )


@settings(max_examples=15, deadline=None, suppress_health_check=SLOW_OK)
@given(
    n=st.integers(1, 3),
    c=st.integers(2, 4),
    reduction=st.sampled_from(["mean", "sum", "none"]),
    data=st.data(),
)
def test_cross_entropy_and_nll_loss(n: int, c: int, reduction: str, data: st.DataObject) -> None:
    logits = data.draw(values((n, c), -3.0, 3.0))
    classes = data.draw(st.lists(st.integers(0, c - 1), min_size=n, max_size=n))
    target = torch.tensor(classes)
    check(lambda x: F.cross_entropy(x, target, reduction=reduction), logits)
    check(lambda x: F.nll_loss(x.log_softmax(1), target, reduction=reduction), logits)
    weight = torch.tensor(np.linspace(0.5, 2.0, c).tolist(), dtype=torch.float64)
    check(lambda x: F.cross_entropy(x, target, weight=weight, reduction=reduction), logits)
    probs = data.draw(values((n, c), 0.0, 1.0))
    check(lambda x, p: F.cross_entropy(x, p, reduction=reduction), logits, probs)
    check(
        lambda x: F.cross_entropy(
            x, target, weight=weight, reduction=reduction, label_smoothing=0.2, ignore_index=0
        ),
        logits,
    )
    check(lambda x: F.cross_entropy(x, target, label_smoothing=0.1, reduction=reduction), logits)


# --- shape ops and in-place ops ----------------------------------------------------------------

SHAPE_OPS: list[tuple[str, tuple[int, ...], Fn]] = [
    ("view", (2, 3), lambda x: x.view(3, 2)),
    ("reshape_t", (2, 3), lambda x: x.t().reshape(6)),
    ("flatten", (2, 2, 2), lambda x: x.flatten()),
    ("squeeze", (1, 3, 1), lambda x: x.squeeze()),
    ("squeeze_dim", (1, 3), lambda x: x.squeeze(0)),
    ("unsqueeze", (3,), lambda x: x.unsqueeze(1)),
    ("t", (2, 3), lambda x: x.t()),
    ("T", (2, 3), lambda x: x.T),
    ("transpose", (2, 3, 2), lambda x: x.transpose(0, 2)),
    ("permute", (2, 3, 2), lambda x: x.permute(2, 0, 1)),
    ("expand", (3, 1), lambda x: x.expand(2, 3, 4)),
    ("repeat", (2, 3), lambda x: x.repeat(2, 1)),
    ("select", (3, 2), lambda x: x[1]),
    ("slice", (4, 3), lambda x: x[1:3, ::2]),
    ("advanced_index", (4,), lambda x: x[torch.tensor([0, 2, 2])]),
    ("cat", (2, 3), lambda x: torch.cat([x, x * 2], dim=1)),
    ("stack", (2, 3), lambda x: torch.stack([x, x.sin()])),
    ("unbind", (2, 3), lambda x: torch.unbind(x, 0)[1]),
    ("setitem", (3, 2), lambda x: _setitem(x)),
    ("add_", (2, 2), lambda x: x.clone().add_(x * 3)),
    ("mul_", (2, 2), lambda x: x.clone().mul_(x)),
    ("sub_", (2, 2), lambda x: x.clone().sub_(x.exp(), alpha=2)),
    ("div_", (2, 2), lambda x: x.sin().div_(x.exp() + 1)),
    ("iadd", (2,), lambda x: _iadd(x)),
    ("to_copy", (2,), lambda x: x.to(torch.float64, copy=True) * x),
    ("alias", (2, 2), lambda x: x[...] * x),
    ("copy_", (2, 2), lambda x: torch.zeros(2, 2, dtype=torch.float64).copy_(x.sin()) * x),
    ("zero_", (2,), lambda x: (x * 2).zero_() + x * x),
    ("fill_", (2,), lambda x: (x * 2).fill_(3.0) * x),
    ("sign", (3,), lambda x: away_sign(x)),
]


def away_sign(x: torch.Tensor) -> torch.Tensor:
    # sign is flat (its gradient is 0) away from 0; shifting keeps the draws away from it
    return (x + 3.0).sign() * x + (x - 3.0).sign() * x * x


def _setitem(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[1] = x[0] * 5
    return y


def _iadd(x: torch.Tensor) -> torch.Tensor:
    y = x * 1
    y += x.sin()
    y *= 2
    y -= x
    return y


@pytest.mark.parametrize(("name", "shape", "fn"), SHAPE_OPS, ids=[s[0] for s in SHAPE_OPS])
@settings(max_examples=5, deadline=None, suppress_health_check=SLOW_OK)
@given(data=st.data())
def test_shape_and_inplace_ops(
    name: str, shape: tuple[int, ...], fn: Fn, data: st.DataObject
) -> None:
    check(fn, data.draw(values(shape)))


# --- second derivatives (create_graph=True) ----------------------------------------------------


def check_second_order(fn: Fn, *arrays: np.ndarray) -> None:
    """The gradient of ⟨∇fn, v⟩ (built with create_graph) against central differences of ∇fn."""

    def first_grad_dot(*tensors: torch.Tensor) -> torch.Tensor:
        leaves = [t if t.requires_grad else t.detach().requires_grad_(True) for t in tensors]
        with torch.enable_grad():
            out = fn(*leaves)
            grads = torch.autograd.grad(out.sum(), leaves, create_graph=True)
        total = grads[0].sum() * 0
        for g in grads:
            total = total + (g * torch.tensor(_weights(tuple(g.shape)).tolist(),
                                              dtype=torch.float64)).sum()  # fmt: skip
        if not any(t.requires_grad for t in tensors):
            return total.detach()
        return total

    check(first_grad_dot, *arrays)


SECOND_ORDER: list[tuple[str, tuple[tuple[int, ...], ...], Fn]] = [
    ("exp", ((3,),), lambda x: x.exp()),
    ("sin_cos", ((3,),), lambda x: x.sin() * x.cos()),
    ("tanh", ((2, 2),), lambda x: x.tanh()),
    ("sigmoid", ((3,),), lambda x: x.sigmoid()),
    ("log_sqrt", ((3,),), lambda x: (x * x + 1).log() + (x * x + 1).sqrt()),
    ("mul_div", ((2, 2), (2,)), lambda x, y: x * y / (y * y + 1)),
    ("pow", ((3,),), lambda x: x**3),
    ("softmax", ((2, 3),), lambda x: x.softmax(1) * torch.tensor([1.0, 2.0, 3.0])),
    ("log_softmax", ((2, 3),), lambda x: x.log_softmax(0) * x),
    ("mm", ((2, 3), (3, 2)), lambda a, b: (a @ b) ** 2),
    ("matmul_batched", ((2, 2, 3), (3,)), lambda a, b: (a @ b) ** 2),
    ("mean_sum", ((2, 3),), lambda x: x.mean(0) * x.sum(1, keepdim=True)),
    ("max", ((2, 3),), lambda x: x.max(1).values ** 2 + x.max() ** 2),
    ("mse", ((2, 3), (2, 3)), lambda x, y: F.mse_loss(x * x, y)),
    ("cross_entropy", ((2, 3),), lambda x: F.cross_entropy(x, torch.tensor([2, 0]))),
]


@pytest.mark.parametrize(("name", "shapes", "fn"), SECOND_ORDER, ids=[s[0] for s in SECOND_ORDER])
@settings(max_examples=5, deadline=None, suppress_health_check=SLOW_OK)
@given(data=st.data())
def test_second_derivatives(
    name: str, shapes: tuple[tuple[int, ...], ...], fn: Fn, data: st.DataObject
) -> None:
    arrays = [data.draw(distinct(s) if name == "max" else values(s, -1.5, 1.5)) for s in shapes]
    check_second_order(fn, *arrays)


def _vector_jacobian_squared(op: Fn, dim: int) -> Fn:
    """(∂op/∂x)ᵀ·w, squared: differentiable in both x and w when built with create_graph."""

    def fn(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        leaf = x if x.requires_grad else x.detach().requires_grad_(True)
        with torch.enable_grad():
            (g,) = torch.autograd.grad(op(leaf, dim), leaf, grad_outputs=w, create_graph=True)
        out = g * g * g
        return out if x.requires_grad or w.requires_grad else out.detach()

    return fn


@pytest.mark.parametrize("op", [torch.softmax, torch.log_softmax], ids=["softmax", "log_softmax"])
@settings(max_examples=8, deadline=None, suppress_health_check=SLOW_OK)
@given(dim=st.integers(-2, 1), data=st.data())
def test_softmax_backward_is_differentiable_in_grad_output_and_input(
    op: Fn, dim: int, data: st.DataObject
) -> None:
    x = data.draw(values((2, 3), -1.5, 1.5))
    w = data.draw(values((2, 3), -1.5, 1.5))
    check(_vector_jacobian_squared(op, dim), x, w)


@settings(max_examples=15, deadline=None, suppress_health_check=SLOW_OK)
@given(data=st.data())
def test_clamp_with_tensor_bounds(data: st.DataObject) -> None:
    shapes = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=2, max_side=3))
    x_shape, lo_shape = shapes.input_shapes
    x = data.draw(values(x_shape, -3.0, 3.0))
    lo = data.draw(values(lo_shape, -1.0, 0.5))
    # keep x away from both bounds, where clamp has a kink
    x = np.asarray(x + 0.0)
    lo_b, x_b = np.broadcast_arrays(lo, x)
    for bound in (lo_b, lo_b + 1.0):
        near = np.abs(x_b - bound) < 0.05
        x_b = np.where(near, bound + 0.1, x_b)
    if x_b.shape == tuple(x_shape):
        check(lambda a, b: torch.clamp(a, b, b + 1.0), x_b, lo)
    check(lambda a, b: torch.clamp(a, min=b), x, lo + 10.0)
