"""Node labels for the rendered graph: Graphviz HTML-like tables built from graph JSON, escaped.

Every piece of text (variable names, values, class names) goes through `html_text`, which escapes
`& < > " '` and turns control characters into spaces, so no user text can close the label, start
a tag or reach DOT syntax. Values are summarised to a few elements: the page shows the full data
on hover.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any, Final

_ESCAPES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
MAX_CELL_CHARS: Final = 40
MAX_LABEL_ELEMENTS: Final = 4

_TABLE: Final = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'


def html_text(text: str, limit: int = MAX_CELL_CHARS) -> str:
    """`text` shortened to `limit` characters and escaped for a Graphviz HTML-like label."""
    clean = "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)
    if len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return "".join(_ESCAPES.get(c, c) for c in clean)


def number_text(x: Any) -> str:
    """A JSON number as learners read it: `2.0`, `0.1235`, `1e-08`, `nan`, `True`."""
    if isinstance(x, bool):
        return "True" if x else "False"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        if math.isfinite(x) and x.is_integer() and abs(x) < 1e6:
            return f"{x:.1f}"
        return f"{x:.4g}"
    return str(x)  # "nan", "inf", "-inf"


def value_label(value: Any) -> str:
    """Short text of a JSON value (number, nested list, summary object, None)."""
    if value is None:
        return "None"
    if isinstance(value, dict):
        dims = "×".join(str(d) for d in value.get("shape", []))
        return f"[{dims}] {number_text(value.get('min'))}…{number_text(value.get('max'))}"
    if not isinstance(value, list):
        return number_text(value)
    flat, shape = _flatten(value)
    if len(flat) <= MAX_LABEL_ELEMENTS:
        return _nested_text(value)
    head = ", ".join(number_text(x) for x in flat[:MAX_LABEL_ELEMENTS])
    return f"[{head}, …] ({'×'.join(str(d) for d in shape)})"


def _flatten(value: list[Any]) -> tuple[list[Any], list[int]]:
    shape: list[int] = []
    probe: Any = value
    while isinstance(probe, list):
        shape.append(len(probe))
        probe = probe[0] if probe else None
    flat: list[Any] = []
    stack: list[Any] = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, list):
            stack.extend(reversed(v))
        else:
            flat.append(v)
    return flat, shape


def _nested_text(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_nested_text(v) for v in value) + "]"
    return number_text(value)


def tensor_label(node: dict[str, Any]) -> str:
    """name (or id), role tag, then data / grad / grad_fn rows; the grad cell carries an id."""
    nid = str(node["id"])
    title = html_text(str(node["name"])) if node.get("name") else html_text(nid)
    shape = node.get("shape") or []
    dims = f" [{html_text('×'.join(str(d) for d in shape))}]" if shape else ""
    tag = _ROLE_TAGS.get(str(node.get("role")), "")
    rows = [
        f'<TR><TD COLSPAN="2"><B>{title}</B>{dims}{tag}</TD></TR>',
        _row("data", value_label(node.get("data"))),
        # HREF="#" is only there so Graphviz emits the cell id; app.render.svg removes the link
        _row("grad", value_label(node.get("grad")), cell_id=f"{nid}-grad"),
        _row("grad_fn", str(node.get("grad_fn") or "None")),
    ]
    return "<" + _TABLE + "".join(rows) + "</TABLE>>"


def function_label(node: dict[str, Any]) -> str:
    """The grad_fn's class name; `(saved freed)` once backward has released its saved tensors."""
    rows = [f"<TR><TD><B>{html_text(str(node['name']))}</B></TD></TR>"]
    if node.get("freed"):
        rows.append('<TR><TD><FONT POINT-SIZE="9">(saved freed)</FONT></TD></TR>')
    return "<" + _TABLE + "".join(rows) + "</TABLE>>"


def proxy_label(text: str) -> str:
    """A stand-in for a node drawn elsewhere (its edge would cross many ranks): `↗ w`."""
    return f"{_TABLE}<TR><TD>↗ {html_text(text)}</TD></TR></TABLE>"


def placeholder_label(hidden: int) -> str:
    return f"<{_TABLE}<TR><TD>… {hidden} more nodes not drawn</TD></TR></TABLE>>"


def _row(key: str, text: str, cell_id: str | None = None) -> str:
    attrs = f' ID="{cell_id}" HREF="#"' if cell_id is not None else ""
    return (
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9">{key}</FONT></TD>'
        f'<TD ALIGN="LEFT"{attrs}>{html_text(text)}</TD></TR>'
    )


# a word beside the name, so the role is not told by colour alone
_ROLE_TAGS: Final = {
    "leaf": ' <FONT POINT-SIZE="9">(leaf)</FONT>',
    "output": ' <FONT POINT-SIZE="9">(output)</FONT>',
}
