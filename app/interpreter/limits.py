"""The run-time budget of one program: counters and the estimates made before costly work.

Each check raises `LimitExceeded` naming the limit *before* the work happens where the cost can
be estimated (integer size before `**`, tensor size before allocation); the OS limits of the
worker process are the backstop for everything else.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import math
import operator
import os
import time
from collections.abc import Iterable, Iterator, Sequence

from app.config import Settings
from app.interpreter.errors import LimitExceeded

# Worker processes lower their own priority when a program runs long (see check_time). Only a
# sandbox worker opts in: a process that also does other work (tests, tools) must not.
_demotion = {"enabled": False}
DEMOTE_AFTER_S = 0.5
DEMOTED_NICENESS = 19


def enable_demotion() -> None:
    """Called once in a sandbox worker process: long programs there yield the CPU."""
    _demotion["enabled"] = True


class Budget:
    """Counters for one program run, checked against `Settings`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.deadline = time.monotonic() + settings.time_limit_s
        self._demoted = not _demotion["enabled"]
        self._demote_at = time.monotonic() + DEMOTE_AFTER_S
        self.loop_iterations = 0
        self.call_depth = 0
        self.live_elements = 0
        self.output_bytes = 0

    # time and iterations ------------------------------------------------------------------

    def check_time(self) -> None:
        now = time.monotonic()
        if not self._demoted and now > self._demote_at:
            # A program past half a second yields the CPU to quick ones: nice 19 weighs about
            # 1/70 of nice 0, so a classroom's short runs stay fast beside endless loops. The
            # pool replaces this worker afterwards (lowering is one-way without privileges).
            self._demoted = True
            # The whole process group: the worker may be the child of a supervisor (its own pid
            # namespace), and the pool reads the group's priority.
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PGRP, 0, DEMOTED_NICENESS)
        if now > self.deadline:
            raise LimitExceeded("wall-clock time", self.settings.time_limit_s, " s")

    def tick(self) -> None:
        """One loop or comprehension iteration (or one element consumed by a builtin)."""
        self.loop_iterations += 1
        if self.loop_iterations > self.settings.max_loop_iterations:
            raise LimitExceeded("loop iterations", self.settings.max_loop_iterations)
        self.check_time()

    def enter_call(self) -> None:
        self.call_depth += 1
        if self.call_depth > self.settings.max_call_depth:
            self.call_depth -= 1
            raise LimitExceeded("function call depth", self.settings.max_call_depth)
        self.check_time()

    def exit_call(self) -> None:
        self.call_depth -= 1

    def add_output(self, text: str) -> None:
        self.output_bytes += len(text.encode("utf-8", "surrogatepass"))
        if self.output_bytes > self.settings.max_output_bytes:
            raise LimitExceeded("output size", self.settings.max_output_bytes, " bytes")

    # Python values -----------------------------------------------------------------------------

    def check_int(self, value: int) -> int:
        if value.bit_length() > self.settings.max_int_bits:
            raise LimitExceeded("integer size", self.settings.max_int_bits, " bits")
        return value

    def check_int_bits(self, bits: int) -> None:
        """An estimate of a result's size in bits, made before computing it."""
        if bits > self.settings.max_int_bits:
            raise LimitExceeded("integer size", self.settings.max_int_bits, " bits")

    def check_nested(self, value: object) -> int:
        """Before printing, comparing or hashing a container: `[[0] * 10**5] * 10**5` is short to
        build (its rows are shared) but has 10**10 elements to show. Returns the item count."""
        if not isinstance(value, list | tuple | dict) or not value:
            return 1
        limit = self.settings.max_nested_elements
        items = nested_length(value, limit)
        if items > limit:
            raise LimitExceeded("nested elements", limit)
        return items

    def check_text(self, value: object, limit: int, what: str = "string length") -> None:
        """Before making the text of `value` (print, str, repr, an f-string, an echo, an error
        message): refuse when even a lower bound of its length passes `limit`, so that
        `('a' * 100000,) * 200` is never turned into 20 MB of text."""
        if self.text_size(value) > limit:
            raise LimitExceeded(what, limit, " bytes" if what == "output size" else "")

    def text_size(self, value: object) -> int:
        """A lower bound on len(repr(value)), refused past the nested-elements limit."""
        nested = self.settings.max_nested_elements
        items, characters = nested_size(value, nested)
        if items > nested:
            raise LimitExceeded("nested elements", nested)
        return characters

    def check_steps(self, steps: int) -> None:
        """Work one builtin call would do inside C (comparisons of a sort, copies of a sum of
        lists), estimated before it starts: C code never looks at the clock."""
        if steps > self.settings.max_builtin_steps:
            raise LimitExceeded(
                "element steps of one builtin call", self.settings.max_builtin_steps
            )

    def check_sort(self, items: Sequence[object]) -> None:
        """A sort compares about n·log2(n) pairs, each visiting up to the items' nested size."""
        size = self.check_nested(list(items))
        self.check_steps(size * max(math.ceil(math.log2(len(items) + 1)), 1))

    def check_tolist(self, shape: Sequence[int]) -> None:
        """`tensor.tolist()` makes one list per row: each within the list-length limit, all of
        them within the nested-elements limit (a 1-d tensor of 10**6 is not a 10**6-item list)."""
        for size in shape:
            self.check_length(size, "list length")
        elements = shape_elements(shape) + shape_elements(shape[:-1])
        if elements > self.settings.max_nested_elements:
            raise LimitExceeded("nested elements", self.settings.max_nested_elements)

    @property
    def output_left(self) -> int:
        """Bytes the transcript may still grow by."""
        return max(self.settings.max_output_bytes - self.output_bytes, 0)

    def check_length(self, length: int, what: str = "sequence length") -> None:
        if length > self.settings.max_sequence_length:
            raise LimitExceeded(what, self.settings.max_sequence_length)

    # tensors -------------------------------------------------------------------------------

    def check_elements(self, elements: int) -> None:
        """A tensor of `elements` elements is about to exist (checked before allocating)."""
        if elements > self.settings.max_tensor_elements:
            raise LimitExceeded("elements per tensor", self.settings.max_tensor_elements)
        if self.live_elements + elements > self.settings.max_live_elements:
            raise LimitExceeded("elements in live tensors", self.settings.max_live_elements)

    def check_shape(self, shape: Iterable[int]) -> None:
        self.check_elements(shape_elements(shape))

    def check_matmul(self, flops: int) -> None:
        if flops > self.settings.max_matmul_flops:
            raise LimitExceeded("matmul size (multiply-adds)", self.settings.max_matmul_flops)

    def add_live(self, elements: int) -> None:
        self.live_elements += elements

    def remove_live(self, elements: int) -> None:
        self.live_elements -= elements

    def check_recorded(self, recorded: int) -> None:
        if recorded > self.settings.max_recorded_ops:
            raise LimitExceeded("recorded operations", self.settings.max_recorded_ops)


def shape_elements(shape: Iterable[int]) -> int:
    """The number of elements of a shape (negative sizes count as 0; the op will refuse them)."""
    total = 1
    for size in shape:
        total *= max(int(size), 0)
    return total


def int_result_bits(op: str, left: int, right: int) -> int:
    """An upper bound on the bit length of `left <op> right` for ints, computed cheaply."""
    a, b = left.bit_length(), right.bit_length()
    if op == "*":
        return a + b
    if op == "**":
        if right < 0 or left in (0, 1, -1):
            return a
        if right >= 1 << 40:
            return 1 << 40
        # log2|left| exactly enough: 2**4000 has 4001 bits, not bits(2) * 4000
        magnitude = math.log2(abs(left)) if a < 1000 else float(a)
        return math.ceil(right * magnitude) + 1
    if op == "<<":
        return a + right if right < 1 << 40 else 1 << 40
    return max(a, b) + 1


def sequence_repeat_length(length: int, times: int) -> int:
    return length * max(times, 0)


def nested_length(value: object, limit: int) -> int:
    """Items inside nested lists/tuples/dicts (containers included), stopping once it passes
    `limit` (iterative; a container inside itself counts once, as repr shows `[...]`)."""
    return nested_size(value, limit)[0]


_CONTAINERS: frozenset[type] = frozenset({list, tuple, dict})
_is_container = _CONTAINERS.__contains__
_is_str = functools.partial(operator.is_, str)


def nested_size(value: object, limit: int) -> tuple[int, int]:
    """(items, characters): what `nested_length` counts, and a lower bound on the length of
    the value's repr; stops once items pass `limit`.

    Walks without recursion. Each distinct container is measured once (rows shared 10**5 times
    cost one visit, and count 10**5 times), its plain items counted in bulk by C-level
    iterators; a container met again on its own path counts as `[...]`, as repr shows it, so a
    list that contains itself ends.
    """
    if type(value) not in _CONTAINERS:
        return 1, _leaf_text(value)
    memo: dict[int, tuple[int, int]] = {}
    path: set[int] = set()
    # frames: (id, containers inside it still to visit, items so far, characters so far)
    stack: list[tuple[int, Iterator[object], int, int]] = []
    total = (0, 0)

    def enter(container: object) -> tuple[int, int] | None:
        """Measure a container at once if it holds no containers; else open a frame for it."""
        members = _members(container)
        kinds = collections.Counter(map(type, members))
        characters = _container_text(container, len(members))
        for kind, count in kinds.items():
            if kind is str:
                strings = itertools.compress(members, map(_is_str, map(type, members)))
                characters += sum(map(len, strings))  # type: ignore[arg-type]
            elif kind not in _CONTAINERS:
                characters += count * _LEAF_TEXT.get(kind, _OTHER_TEXT)
        if kinds.keys().isdisjoint(_CONTAINERS):
            return len(members), characters
        inner = list(itertools.compress(members, map(_is_container, map(type, members))))
        path.add(id(container))
        stack.append((id(container), iter(inner), len(members), characters))
        return None

    measured = enter(value)
    if measured is not None:
        return measured
    while stack:
        key, inner, items, characters = stack[-1]
        child = next(inner, _END)
        if child is _END:
            stack.pop()
            path.discard(key)
            memo[key] = (items, characters)
            if not stack:
                total = (items, characters)
                break
            parent = stack[-1]
            stack[-1] = (parent[0], parent[1], parent[2] + items, parent[3] + characters)
            continue
        if id(child) in memo:
            extra = memo[id(child)]
        elif id(child) in path:
            extra = (0, 5)  # [...]
        else:
            opened = enter(child)
            if opened is None:
                continue
            extra = memo[id(child)] = opened
        stack[-1] = (key, inner, items + extra[0], characters + extra[1])
        if items + extra[0] > limit:
            return items + extra[0], characters + extra[1]
    return total


_END = object()


def _members(container: object) -> list[object]:
    if isinstance(container, dict):
        return [*container.keys(), *container.values()]
    assert isinstance(container, list | tuple)
    return list(container)


def _container_text(container: object, members: int) -> int:
    """Brackets and separators: `[]`, `, ` between items, `: ` inside each dict item."""
    if isinstance(container, dict):
        return 2 + 2 * max(members // 2 - 1, 0) + members
    return 2 + 2 * max(members - 1, 0)


# The shortest repr of a plain value of each type (`0`, `0.0`, `None`, `True`); anything else a
# program holds (a tensor, a function) prints at least as long as `tensor(0.)`.
_LEAF_TEXT: dict[type, int] = {int: 1, float: 3, bool: 4, type(None): 4}
_OTHER_TEXT = 8


def _leaf_text(value: object) -> int:
    if isinstance(value, str):
        return len(value)
    return _LEAF_TEXT.get(type(value), _OTHER_TEXT)


def broadcast_elements(shapes: Sequence[Sequence[int]]) -> int | None:
    """Elements of the broadcast result of `shapes`, or None if they do not broadcast."""
    ndim = max((len(s) for s in shapes), default=0)
    result = []
    for axis in range(ndim):
        size = 1
        for shape in shapes:
            k = axis - (ndim - len(shape))
            if k < 0:
                continue
            dim = shape[k]
            if dim == 1:
                continue
            if size not in (1, dim):
                return None
            size = dim
        result.append(size)
    return shape_elements(result)
