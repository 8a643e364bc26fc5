"""Node labels for the rendered graph: Graphviz HTML-like tables built from graph JSON, escaped.

Every piece of text (variable names, values, class names) goes through `html_text`, which escapes
`& < > " '` and turns control characters into spaces, so no user text can close the label, start
a tag or reach DOT syntax. Values are summarised to a few elements: the page shows the full data
on hover.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from app.contract import FunctionNode, TensorNode
from app.format import label_text
from app.i18n.catalogue import text

_ESCAPES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
MAX_CELL_CHARS: Final = 40

_TABLE: Final = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'


def html_text(text: str, limit: int = MAX_CELL_CHARS) -> str:
    """`text` shortened to `limit` characters and escaped for a Graphviz HTML-like label."""
    clean = "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)
    if len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return "".join(_ESCAPES.get(c, c) for c in clean)


def tensor_label(node: TensorNode, lang: str = "en") -> str:
    """label (name or source expression), role tag, then data / grad / grad_fn rows.

    The grad cell carries an id so the page can update it as steps run.
    """
    nid = str(node["id"])
    title = html_text(str(node.get("label") or node.get("name") or "…"))
    shape = node.get("shape") or []
    dims = f" [{html_text('×'.join(str(d) for d in shape))}]" if shape else ""
    # a word beside the name, so the role is not told by colour alone
    role = str(node.get("role"))
    tag = _small(text(f"render.label.{role}", lang), " ") if role in _TAGGED_ROLES else ""
    rows = [
        f'<TR><TD COLSPAN="2"><B>{title}</B>{dims}{tag}</TD></TR>',
        _row("data", label_text(node.get("data"))),
        # HREF="#" is only there so Graphviz emits the cell id; app.render.svg removes the link
        _row("grad", label_text(node.get("grad")), cell_id=f"{nid}-grad"),
        _row("grad_fn", str(node.get("grad_fn") or "None")),
    ]
    return "<" + _TABLE + "".join(rows) + "</TABLE>>"


def function_label(node: FunctionNode, lang: str = "en") -> str:
    """The grad_fn's class name; `(saved freed)` once backward has released its saved tensors."""
    rows = [f"<TR><TD><B>{html_text(str(node['name']))}</B></TD></TR>"]
    if node.get("freed"):
        rows.append(f"<TR><TD>{_small(text('render.label.freed', lang))}</TD></TR>")
    return "<" + _TABLE + "".join(rows) + "</TABLE>>"


def proxy_label(text: str) -> str:
    """A stand-in for a node drawn elsewhere (its edge would cross many ranks): `↗ w`."""
    return f"{_TABLE}<TR><TD>↗ {html_text(text)}</TD></TR></TABLE>"


def placeholder_label(hidden: int, lang: str = "en") -> str:
    """The note standing for the nodes a collapsed graph leaves out."""
    note = html_text(text("render.label.more", lang, hidden=hidden), limit=80)
    return f"<{_TABLE}<TR><TD>{note}</TD></TR></TABLE>>"


def _row(key: str, value: str, cell_id: str | None = None) -> str:
    attrs = f' ID="{cell_id}" HREF="#"' if cell_id is not None else ""
    return (
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9">{key}</FONT></TD>'
        f'<TD ALIGN="LEFT"{attrs}>{html_text(value)}</TD></TR>'
    )


def _small(words: str, before: str = "") -> str:
    return f'{before}<FONT POINT-SIZE="9">{html_text(words)}</FONT>'


_TAGGED_ROLES: Final = ("leaf", "output")
