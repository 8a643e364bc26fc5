"""PyTorch's printing of tensors (`repr`/`str` text) and its print options (`set_printoptions`)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any

import numpy as np

from engine.dtypes import bool_, dtype, get_default_dtype, int64

# A formatted element: what `Tensor.tolist()` yields for one element.
_Scalar = float | int | bool


@dataclasses.dataclass(frozen=True, slots=True)
class PrintOptions:
    """torch._tensor_str.PRINT_OPTS, immutable so a context can only replace it, never mutate it."""

    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: bool | None = None


# Per context, not process-global: the server runs many programs, each may call set_printoptions.
_DEFAULT_OPTIONS = PrintOptions()
_print_options: ContextVar[PrintOptions] = ContextVar("print_options", default=_DEFAULT_OPTIONS)

_PROFILES: dict[str, PrintOptions] = {
    "default": _DEFAULT_OPTIONS,
    "short": PrintOptions(precision=2, edgeitems=2),
    "full": PrintOptions(threshold=math.inf),
}


def set_printoptions(
    precision: int | None = None,
    threshold: float | None = None,
    edgeitems: int | None = None,
    linewidth: int | None = None,
    profile: str | None = None,
    sci_mode: bool | None = None,
) -> None:
    """torch.set_printoptions for the current context.

    As in PyTorch, an unknown profile is ignored and `sci_mode` is always replaced: any call that
    omits it goes back to automatic scientific notation.
    """
    options = _print_options.get()
    if profile is not None and profile in _PROFILES:
        options = _PROFILES[profile]
    _print_options.set(
        PrintOptions(
            precision=options.precision if precision is None else precision,
            threshold=options.threshold if threshold is None else threshold,
            edgeitems=options.edgeitems if edgeitems is None else edgeitems,
            linewidth=options.linewidth if linewidth is None else linewidth,
            sci_mode=sci_mode,
        )
    )


def get_printoptions() -> dict[str, Any]:
    """The current context's options, as a dict `set_printoptions(**...)` accepts."""
    return dataclasses.asdict(_print_options.get())


def format_tensor(data: np.ndarray, dtype: dtype, suffixes: Sequence[str] = ()) -> str:
    """The full repr PyTorch prints: `tensor([1., 2.], requires_grad=True)`.

    `data` is the tensor's values (0-d for a scalar). `suffixes` (`requires_grad=True`,
    `grad_fn=<MulBackward0>`) go after the `size=`/`dtype=` suffixes this function adds.
    """
    options = _print_options.get()
    prefix = "tensor("
    indent = len(prefix)
    own: list[str] = []
    default_float = get_default_dtype()
    size_suffix = "size=" + str(tuple(int(n) for n in data.shape))
    if data.size == 0:
        # Like NumPy, a shape other than (0,) is spelled out; with no elements to show, so is
        # every dtype but the default one (an empty int64 tensor would otherwise look float).
        if data.ndim != 1:
            own.append(size_suffix)
        if dtype != default_float:
            own.append(f"dtype={dtype}")
        body = "[]"
    else:
        if not options.edgeitems:
            own.append(size_suffix)
        # int64 and bool are visible from the values themselves; other dtypes are not.
        if dtype not in (default_float, int64, bool_):
            own.append(f"dtype={dtype}")
        body = _tensor_str(data, dtype.is_floating_point, indent, options)
    return _add_suffixes(prefix + body, [*own, *suffixes], indent, options.linewidth)


class _Formatter:
    """One element format shared by a whole tensor, so its columns line up.

    Floating tensors print in one of three modes chosen from the non-zero finite values:
    integer mode (`1.`), fixed point with `precision` decimals, or scientific when the values
    span more than three orders of magnitude or are very large or very small.
    """

    def __init__(self, values: np.ndarray, floating: bool, options: PrintOptions) -> None:
        self.floating = floating
        self.precision = options.precision
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        flat = values.reshape(-1)
        if not floating:
            self.max_width = max([1, *(len(f"{v}") for v in flat.tolist())])
            return
        shown = flat[np.isfinite(flat) & (flat != 0)]
        if shown.size == 0:
            return
        # Ratios in double: float16 would overflow at 1e8 (PyTorch converts the same way).
        magnitudes = np.abs(shown).astype(np.float64)
        smallest, largest = float(magnitudes.min()), float(magnitudes.max())
        self.int_mode = bool(np.all(shown == np.ceil(shown)))
        if options.sci_mode is None:
            self.sci_mode = largest / smallest > 1000.0 or largest > 1.0e8 or smallest < 1.0e-4
        else:
            self.sci_mode = options.sci_mode
        numbers: list[float] = shown.tolist()
        if self.sci_mode:
            widths = [len(f"{v:.{self.precision}e}") for v in numbers]
        elif self.int_mode:
            # the trailing "." that marks a float is one more character
            widths = [len(f"{v:.0f}") + 1 for v in numbers]
        else:
            widths = [len(f"{v:.{self.precision}f}") for v in numbers]
        self.max_width = max(self.max_width, *widths)

    def format(self, value: _Scalar) -> str:
        if not self.floating:
            text = f"{value}"
        elif self.sci_mode:
            text = f"{value:{self.max_width}.{self.precision}e}"
        elif self.int_mode:
            text = f"{value:.0f}"
            if math.isfinite(value):
                text += "."
        else:
            text = f"{value:.{self.precision}f}"
        return text.rjust(self.max_width)


def _tensor_str(data: np.ndarray, floating: bool, indent: int, options: PrintOptions) -> str:
    """The bracketed values; one formatter over the elements that will actually be shown."""
    summarize = data.size > options.threshold
    shown = _summarized_data(data, options.edgeitems) if summarize else data
    formatter = _Formatter(shown, floating, options)
    return _tensor_str_with_formatter(data, indent, summarize, formatter, options)


def _tensor_str_with_formatter(
    data: np.ndarray, indent: int, summarize: bool, formatter: _Formatter, options: PrintOptions
) -> str:
    if data.ndim == 0:
        return formatter.format(data.item())
    if data.ndim == 1:
        return _vector_str(data, indent, summarize, formatter, options)
    edge = options.edgeitems
    rows = len(data)
    if summarize and rows > 2 * edge:
        slices = [
            *(
                _tensor_str_with_formatter(data[i], indent + 1, summarize, formatter, options)
                for i in range(edge)
            ),
            "...",
            *(
                _tensor_str_with_formatter(data[i], indent + 1, summarize, formatter, options)
                for i in range(rows - edge, rows)
            ),
        ]
    else:
        slices = [
            _tensor_str_with_formatter(data[i], indent + 1, summarize, formatter, options)
            for i in range(rows)
        ]
    # one blank line between matrices, two between 3-d blocks, …
    separator = "," + "\n" * (data.ndim - 1) + " " * (indent + 1)
    return "[" + separator.join(slices) + "]"


def _vector_str(
    data: np.ndarray, indent: int, summarize: bool, formatter: _Formatter, options: PrintOptions
) -> str:
    # every element takes its column width plus ", "
    element_length = formatter.max_width + 2
    per_line = max(1, math.floor((options.linewidth - indent) / element_length))
    edge = options.edgeitems
    if summarize and not edge:
        items = ["..."]
    elif summarize and len(data) > 2 * edge:
        items = [
            *(formatter.format(v) for v in data[:edge].tolist()),
            " ...",
            *(formatter.format(v) for v in data[-edge:].tolist()),
        ]
    else:
        items = [formatter.format(v) for v in data.tolist()]
    lines = [", ".join(items[i : i + per_line]) for i in range(0, len(items), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def _summarized_data(data: np.ndarray, edge: int) -> np.ndarray:
    """The elements a summarised print shows (the first and last `edge` along every dim).

    Mirrors torch's get_summarized_data, including its quirk that `edge == 0` keeps a whole
    vector (`v[-0:]` is all of `v`) but nothing of a matrix.
    """
    if data.ndim == 0:
        return data
    if data.ndim == 1:
        if len(data) > 2 * edge:
            return np.concatenate((data[:edge], data[-edge:]))
        return data
    if not edge:
        return np.empty([0] * data.ndim, dtype=data.dtype)
    rows = len(data)
    picked = [*range(edge), *range(rows - edge, rows)] if rows > 2 * edge else range(rows)
    return np.stack([_summarized_data(data[i], edge) for i in picked])


def _add_suffixes(text: str, suffixes: Sequence[str], indent: int, linewidth: int) -> str:
    """Append `, suffix` pieces and the closing parenthesis, wrapping past `linewidth`."""
    parts = [text]
    # PyTorch's arithmetic, off by a couple of characters, kept so lines wrap where torch's do
    last_line_len = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > linewidth:
            parts.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)
