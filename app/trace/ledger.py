"""The chain-rule ledger text: `∂y/∂w = x = 2.0` (plain and LaTeX) for each recorded step.

Formulas come from the engine's `Derivative`s, written with PyTorch's argument names (`self`,
`other`, `result`); here they are rewritten with the learner's variable names. A tensor without a
name is shown as the expression that made it, `(w·x)`, two levels deep at most.

User names are Python identifiers; in LaTeX they are still wrapped in `\\text{}` with every
special character escaped, so a name can never become a KaTeX command.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Final

from app.contract import AccumulateStep, BackwardEntry, FunctionStep, SeedStep
from app.format import ledger_text

# tensor id -> (grad_fn name, operand tensor ids); None when the tensor has no grad_fn
ExpressionParts = Callable[[str], "tuple[str, list[str | None]] | None"]

# grad_fn name -> (plain operator, LaTeX operator) for infix display
_INFIX: Final = {
    "AddBackward0": ("+", "+"),
    "SubBackward0": ("-", "-"),
    "MulBackward0": ("·", r"\cdot"),
    "DivBackward0": ("/", "/"),
    "PowBackward0": ("**", "^"),
    "PowBackward1": ("**", "^"),
}
_EXPRESSION_DEPTH: Final = 2
_LATEX_SPECIALS: Final = {c: "\\" + c for c in "#$%&_{}"} | {
    "\\": r"\textbackslash{}",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def latex_text(text: str) -> str:
    """`text` as a KaTeX `\\text{…}` with every special character escaped."""
    return r"\text{" + "".join(_LATEX_SPECIALS.get(c, c) for c in text) + "}"


class Ledger:
    """Adds `text` and `latex` to the steps of backward entries, using the user's names."""

    def __init__(self, names: dict[str, str], parts: ExpressionParts) -> None:
        self._names = names
        self._parts = parts

    def annotate(self, entry: BackwardEntry) -> BackwardEntry:
        """A copy of `entry` with the `text` and `latex` of every step written."""
        out = copy.deepcopy(entry)
        for step in out["steps"]:
            if step["kind"] == "seed":
                self._seed(step)
            elif step["kind"] == "accumulate":
                self._accumulate(step)
            else:
                self._function(step)
        return out

    # --- labels ---------------------------------------------------------------------------------

    def label(self, tensor_id: str | None, depth: int = 0) -> tuple[str, str]:
        """(plain, LaTeX) label of a tensor: its name, else the expression that made it."""
        if tensor_id is None:
            return "?", "?"
        name = self._names.get(tensor_id)
        if name is not None:
            return name, _latex_name(name)
        parts = self._parts(tensor_id) if depth < _EXPRESSION_DEPTH else None
        if parts is None:
            return "…", r"\dots"
        fn, operands = parts
        labels = [self.label(tid, depth + 1) for tid in operands]
        infix = _INFIX.get(fn)
        if infix is not None and len(labels) == 2:
            return (
                f"({labels[0][0]}{infix[0]}{labels[1][0]})",
                f"({labels[0][1]} {infix[1]} {labels[1][1]})",
            )
        op = re.sub(r"Backward\d*$", "", fn).lower()
        return (
            f"{op}({', '.join(p for p, _ in labels)})",
            rf"\operatorname{{{op}}}({', '.join(x for _, x in labels)})",
        )

    # --- steps ----------------------------------------------------------------------------------

    def _seed(self, step: SeedStep) -> None:
        plain, latex = self.label(step["node"])
        value = ledger_text(step["grad"])
        step["text"] = f"∂{plain}/∂{plain} = {value if value is not None else 'gradient'}"
        step["latex"] = rf"\frac{{\partial {latex}}}{{\partial {latex}}} = " + (
            value if value is not None else r"\text{gradient}"
        )

    def _accumulate(self, step: AccumulateStep) -> None:
        plain, latex = self.label(step["tensor"])
        before = ledger_text(step["before"])
        incoming = ledger_text(step["grad_output"])
        after = ledger_text(step["after"])
        if step["before"] is None:
            rhs = incoming if incoming is not None else "grad"
            step["text"] = f"{plain}.grad = {rhs}"
            step["latex"] = rf"{latex}.\mathrm{{grad}} = {rhs}"
        elif None not in (before, incoming, after):
            step["text"] = f"{plain}.grad = {before} + {incoming} = {after}"
            step["latex"] = rf"{latex}.\mathrm{{grad}} = {before} + {incoming} = {after}"
        else:
            step["text"] = f"{plain}.grad += grad"
            step["latex"] = rf"{latex}.\mathrm{{grad}} \mathrel{{+}}= \mathrm{{grad}}"

    def _function(self, step: FunctionStep) -> None:
        out_plain, out_latex = self.label(step["tensor"])
        saved = step["saved"]
        subs = {key: self.label(tid) for key, tid in saved.items()}
        for item in step["inputs"]:  # `self` in a formula is whatever fed slot "self"
            if item["tensor"] is not None:
                subs.setdefault(item["input"], self.label(item["tensor"]))
        if step["tensor"] is not None:
            subs.setdefault("result", self.label(step["tensor"]))
        for item in step["inputs"]:
            target = item["tensor"] or saved.get(item["input"])
            in_plain, in_latex = self.label(target)
            local = _substitute(item["local"], subs, latex=False)
            local_latex = _substitute(item["local_latex"], subs, latex=True)
            value = ledger_text(item["local_value"])
            tail = "" if value is None or _same_number(local, value) else f" = {value}"
            item["text"] = f"∂{out_plain}/∂{in_plain} = {local}{tail}"
            item["latex"] = (
                rf"\frac{{\partial {out_latex}}}{{\partial {in_latex}}} = {local_latex}{tail}"
            )


def _substitute(formula: str | None, subs: dict[str, tuple[str, str]], *, latex: bool) -> str:
    """Replace PyTorch's argument names in a formula with the learner's labels."""
    if formula is None:
        return "?"
    if not subs:
        return formula
    keys = "|".join(re.escape(k) for k in sorted(subs, key=len, reverse=True))
    if latex:
        # one pass, so a substituted label is never substituted again
        pattern = rf"\\mathrm\{{({keys})\}}|(?<![\\\w])({keys})(?!\w)"
        return re.sub(pattern, lambda m: subs[m.group(1) or m.group(2)][1], formula)
    return re.sub(rf"(?<!\w)({keys})(?!\w)", lambda m: subs[m.group(1)][0], formula)


def _same_number(formula: str, value: str) -> bool:
    """True when the formula is already the number (`1` and `1.0`): no need to repeat it."""
    try:
        return float(formula) == float(value)
    except ValueError:
        return False


def _latex_name(name: str) -> str:
    # a single ASCII letter reads best as a math variable; anything else is set as text
    if len(name) == 1 and name.isascii() and name.isalpha():
        return name
    return latex_text(name)
