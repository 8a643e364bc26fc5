"""Why a corpus program does not give torch's output yet: its blocking cause, grouped.

The cause of a failing program is the first thing that stops it, in line order: the first
statement the sandbox refuses (the sandbox itself names the *last* refused construct, so the
report re-checks growing prefixes of the program), else the error it stops with, else the first
line it prints differently. Groups follow the issues' to-do lists (numpy, nn modules/class,
optim, str.format/%, set/id/dir, decorators, try/except, imports, lambda/star, `_`-names,
missing torch names, numbers differing in the last digits, …).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import Any

from compare import comparable

# refusal text -> group, checked in order; the detail keeps the construct's own words
REFUSAL_GROUPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("numpy", re.compile(r"numpy|'\.numpy\(\)'|from_numpy|\bnp\b")),
    ("class statements (nn.Module, autograd.Function, …)", re.compile(r"\bclass\b")),
    ("decorators", re.compile(r"decorator")),
    ("try/except/raise/assert", re.compile(r"\btry\b|\bexcept|\braise\b|\bassert\b")),
    ("lambda / star-unpacking", re.compile(r"lambda|starred|\*args|\*\*|star")),
    ("str.format / % formatting", re.compile(r"'\.format'|\.format\b|%-format|'%'")),
    (
        "set / id / dir / other builtins",
        re.compile(
            r"\b(set|id|dir|isinstance|type|getattr|"
            r"hasattr|vars|globals|open|input)\b"
        ),
    ),
    ("imports beyond torch/math", re.compile(r"\bimport\b")),
    ("public `_`-names", re.compile(r"'\._|'_|__\w+__")),
)
OPTIM_NAMES = re.compile(
    r"^\.?(optim|step|zero_grad|SGD|Adam\w*|RMSprop|Adagrad|lr_scheduler|param_groups|"
    r"state_dict|load_state_dict)$"
)
NN_NAMES = re.compile(
    r"^\.?(nn|Module|Parameter|Sequential|ModuleList|ModuleDict|parameters|named_parameters|"
    r"children|named_children|modules|named_modules|train|eval|weight|bias|apply|"
    r"register_\w+|buffers|named_buffers|add_module|[A-Z]\w*(Loss|Norm\w*|Pool\w*|Conv\w*|"
    r"Dropout\w*)|Linear|Bilinear|Identity|Flatten|Unflatten|Embedding\w*|[A-Z][a-z]*[A-Z]?"
    r"\w*LU\d?|Tanh\w*|Sigmoid|Softmax\w*|Softmin|LogSoftmax|Soft\w+|Hard\w+|Threshold|"
    r"Mish|GELU|SiLU|ELU|CELU|SELU|GLU|PReLU|RReLU|LeakyReLU|ReLU6?|Tanhshrink|LogSigmoid)$"
)
INIT_NAMES = re.compile(
    r"^\.?(init|\w+_(uniform|normal)_|constant_|zeros_|ones_|eye_|"
    r"dirac_|orthogonal_|sparse_|trunc_normal_|calculate_gain)$"
)
DATA_NAMES = re.compile(
    r"^\.?(utils|data|DataLoader|Dataset|TensorDataset|random_split|"
    r"Sampler|\w+Sampler)$"
)
NUMBER = re.compile(r"-?\d+(\.\d*)?(e[-+]?\d+)?")

Cause = tuple[str, str]  # (group, detail)
Refusal = Callable[[str], dict[str, Any] | None]  # source -> the sandbox's refusal, if any


def refusal_group(message: str) -> Cause:
    """The group of a NotAllowed message (detail: the refused construct)."""
    attribute = re.search(r"the attribute '(\.[\w]+)'", message)
    construct = re.sub(r" \(line \d+\).*", "", message)
    if attribute:
        name = attribute.group(1)
        for group, names in (
            ("optim", OPTIM_NAMES),
            ("nn.init", INIT_NAMES),
            ("torch.utils.data", DATA_NAMES),
            ("nn modules and losses", NN_NAMES),
        ):
            if names.match(name):
                return group, f"attribute {name}"
        if name.startswith("._"):
            return "public `_`-names", f"attribute {name}"
        return "torch names the sandbox refuses", f"attribute {name}"
    for group, pattern in REFUSAL_GROUPS:
        if pattern.search(construct):
            return group, construct
    return "other refused constructs", construct


def first_refusal(code: str, refuse: Refusal) -> dict[str, Any] | None:
    """The sandbox's refusal of the shortest refused prefix of top-level statements."""
    whole = refuse(code)
    if whole is None:
        return None
    try:
        body = ast.parse(code).body
    except SyntaxError:
        return whole
    lines = code.split("\n")
    low, high = 0, len(body)  # prefix of `high` statements is refused, of `low` is not
    while high - low > 1:
        middle = (low + high) // 2
        prefix = "\n".join(lines[: body[middle - 1].end_lineno]) + "\n"
        if refuse(prefix) is None:
            low = middle
        else:
            high = middle
    if high == 0:
        return whole
    found = refuse("\n".join(lines[: body[high - 1].end_lineno]) + "\n")
    return found or whole


def _numbers_only(line: str) -> str:
    return NUMBER.sub("#", line)


def output_cause(actual: dict[str, Any], golden: dict[str, Any]) -> Cause:
    """The group of a program that ran: its error, or how its first differing line differs."""
    mine, theirs = comparable(actual), comparable(golden)
    error = mine["error"]
    if error is not None and error != theirs["error"]:
        kind, message = error["type"], error["message"]
        missing = re.search(r"has no attribute '(\w+)'", message)
        if kind == "AttributeError" and missing:
            owner = "Tensor" if "'Tensor'" in message else message.split(" has no")[0]
            return "torch names missing in the engine", f"{owner}.{missing.group(1)}"
        if kind == "LimitExceeded" or "limit" in message.lower():
            return "shipped limits", re.sub(r"\d[\d,_]*", "N", message)[:80]
        if kind == "TypeError":
            return "missing overloads / argument forms (TypeError)", message[:100]
        return f"other errors ({kind})", message[:100]
    mine_lines = str(actual.get("stdout", "")).splitlines()
    their_lines = str(golden.get("stdout", golden.get("stdout_head", ""))).splitlines()
    for a, b in zip(mine_lines, their_lines, strict=False):
        if a != b:
            if _numbers_only(a) == _numbers_only(b):
                return "numbers differ (same text, other digits)", "printed values"
            return "printed text differs", f"{b[:60]!r}"
    if theirs["error"] is not None and error is None:
        return "torch raises, the engine does not", str(theirs["error"]["type"])
    if len(mine_lines) != len(their_lines):
        return "printed text differs", "a different number of lines"
    return "warnings differ", "warnings"


def blocking_cause(
    code: str, actual: dict[str, Any], golden: dict[str, Any], refuse: Refusal
) -> Cause:
    error = actual.get("error") or {}
    if error.get("type", "").startswith("HTTP "):
        return "shipped limits", f"request refused ({error['type']})"
    if (
        error.get("type") == "LimitExceeded"
        and error.get("line") == 1
        and "source" in str(error.get("message"))
    ):
        return "shipped limits", "source longer than the shipped limit"
    if error.get("type") in {"NotAllowed", "SyntaxError"}:
        found = first_refusal(code, refuse)
        return refusal_group(found["message"] if found else str(error.get("message")))
    return output_cause(actual, golden)
