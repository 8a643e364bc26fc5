"""The run-time budget of one program: counters and the estimates made before costly work.

Each check raises `LimitExceeded` naming the limit *before* the work happens where the cost can
be estimated (integer size before `**`, tensor size before allocation); the OS limits of the
worker process are the backstop for everything else.
"""

from __future__ import annotations

import contextlib
import math
import os
import time
from collections.abc import Iterable, Sequence

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

    def check_nested(self, value: object) -> None:
        """Before printing or comparing a container: `[[0] * 10**5] * 10**5` is short to build
        (its rows are shared) but has 10**10 elements to show."""
        if isinstance(value, list | tuple | dict) and value:
            limit = self.settings.max_nested_elements
            if nested_length(value, limit) > limit:
                raise LimitExceeded("nested elements", limit)

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
    """Leaf count of nested lists/tuples/dicts, stopping once it passes `limit` (iterative)."""
    count = 0
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
            if len(stack) > limit:
                return limit + 1
        elif isinstance(item, list | tuple):
            stack.extend(item)
            if len(stack) > limit:
                return limit + 1
        else:
            count += 1
            if count > limit:
                return count
    return count


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
