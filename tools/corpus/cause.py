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
    ("imports beyond torch/math", re.compile(r"\bimport")),
    ("public `_`-names", re.compile(r"'\._|'_|__\w+__")),
)
# a refused attribute, grouped by the receiver written before it on its line (`nn.Linear`,
# `np.array`, `optimizer.step`), else by the name itself
RECEIVER_GROUPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("nn.init", re.compile(r"\binit$")),
    ("numpy", re.compile(r"\b(np|numpy)$")),
    ("devices (torch.cuda, torch.device, .to)", re.compile(r"\bcuda$|\baccelerator$")),
    ("torch.utils.data", re.compile(r"\b(data|utils)$")),
    ("optim", re.compile(r"\b(optim|optimizer\w*|opt|lr_scheduler|scheduler)$")),
    ("nn modules and losses", re.compile(r"\bnn$")),
    ("torch.nn.functional names", re.compile(r"\b(F|functional)$")),
)
NAME_GROUPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("optim", re.compile(r"^(step|zero_grad|param_groups|state_dict|load_state_dict)$")),
    (
        "nn modules and losses",
        re.compile(
            r"^(parameters|named_parameters|children|named_children|modules|named_modules|"
            r"train|eval|weight|bias|apply|register_\w+|buffers|named_buffers|add_module|"
            r"[A-Z]\w*)$"
        ),
    ),
    ("devices (torch.cuda, torch.device, .to)", re.compile(r"^(cuda|cpu|to|device_count)$")),
    (
        "methods of Python str/list/dict",
        re.compile(
            r"^(append|extend|insert|pop|remove|sort|reverse|index|count|copy|clear|items|keys|"
            r"values|get|update|setdefault|split|join|strip|lstrip|rstrip|replace|upper|lower|"
            r"startswith|endswith|find|zfill|ljust|rjust|center|title|encode|decode)$"
        ),
    ),
)
NUMBER = re.compile(r"-?\d+(\.\d*)?(e[-+]?\d+)?")

Cause = tuple[str, str]  # (group, detail)
Refusal = Callable[[str], dict[str, Any] | None]  # source -> the sandbox's refusal, if any


def refusal_group(message: str, line: str = "") -> Cause:
    """The group of a NotAllowed message (detail: the refused construct); `line` is the source
    line it names, whose receiver (`nn.`, `np.`, `optimizer.`) says what the attribute is."""
    attribute = re.search(r"the attribute '\.(\w+)'", message)
    construct = re.sub(r" \(line \d+\).*", "", message)
    if attribute:
        name = attribute.group(1)
        if name.startswith("_"):
            return "public `_`-names", f".{name}"
        if name == "format":
            return "str.format / % formatting", ".format"
        receiver = re.search(r"([\w.]*)\s*\.\s*" + re.escape(name) + r"\b", line)
        written = receiver.group(1) if receiver else ""
        for group, pattern in RECEIVER_GROUPS:
            if written and pattern.search(written):
                return group, f"{written}.{name}"
        for group, pattern in NAME_GROUPS:
            if pattern.match(name):
                return group, f".{name}"
        return "torch names the sandbox refuses", f"{written}.{name}" if written else f".{name}"
    for group, pattern in REFUSAL_GROUPS:
        if pattern.search(construct):
            return group, construct
    return "other refused constructs", construct


def _line(code: str, number: int | None) -> str:
    lines = code.split("\n")
    return lines[number - 1] if number and 0 < number <= len(lines) else ""


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


def all_refusals(code: str, refuse: Refusal) -> list[Cause]:
    """Every refused construct group of a program, each once: what would still block it once
    its first refusal is supported. Growing prefixes of top-level statements are checked (so
    names bound earlier count as bound); a refusal that names a line of the newest statement
    belongs to it."""
    try:
        body = ast.parse(code).body
    except SyntaxError:
        return []
    lines = code.split("\n")
    found: list[Cause] = []
    for node in body:
        first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
        last = node.end_lineno or node.lineno
        refusal = refuse("\n".join(lines[:last]) + "\n")
        if refusal is None or refusal["type"] != "NotAllowed":
            continue
        if refusal["line"] is not None and first <= refusal["line"] <= last:
            group = refusal_group(refusal["message"], _line(code, refusal["line"]))
            if group not in found:
                found.append(group)
    return found


def _numbers_only(line: str) -> str:
    return NUMBER.sub("#", line)


def output_cause(actual: dict[str, Any], golden: dict[str, Any], code: str = "") -> Cause:
    """The group of a program that ran: its error, or how its first differing line differs."""
    mine, theirs = comparable(actual), comparable(golden)
    error = mine["error"]
    if error is not None and error != theirs["error"]:
        kind = error["type"]
        # the engine stands in for torch: name torch's modules as the learner wrote them
        message = re.sub(r"\bengine\b", "torch", str(error["message"]))
        if kind in {"ModuleNotFoundError", "ImportError"}:
            return "torch modules missing in the engine", _line(code, error["line"]).strip()
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
        found = first_refusal(code, refuse) or error
        return refusal_group(str(found.get("message")), _line(code, found.get("line")))
    return output_cause(actual, golden, code)
