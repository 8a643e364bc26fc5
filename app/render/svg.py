"""Cleaning Graphviz's SVG before the page inlines it: a whitelist of elements and attributes.

The output keeps only the drawing: `svg`, `g`, shapes and `text`, with geometry and paint
attributes. Dropped: the XML prolog, doctype, comments, `<title>`, `<script>`, `<style>`,
`<foreignObject>`, event handlers (`on*`), `style`, every link attribute (`href`, `xlink:*`) and
any value that could fetch or run something (`url(`, `javascript:`).

Graphviz only emits the id of an HTML-label cell (`<TD ID="t1-grad">`) when the cell is a link,
as `<g id="a_t1-grad"><a xlink:href="#">…</a></g>`. The renderer gives exactly those cells a
constant `HREF="#"`; here every `<a>` is unwrapped (its children kept, the link dropped) and its
group renamed to the cell id, so the page finds `<g id="t1-grad">` and no link survives.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Final
from xml.sax.saxutils import escape

SVG_NS: Final = "http://www.w3.org/2000/svg"
_NS: Final = "{" + SVG_NS + "}"

_ELEMENTS: Final = frozenset({"svg", "g", "polygon", "polyline", "path", "ellipse", "text"})
_PAINT: Final = ("fill", "stroke", "stroke-width", "stroke-dasharray", "fill-opacity")
_ATTRIBUTES: Final = {
    "svg": frozenset({"width", "height", "viewBox"}),
    "g": frozenset({"id", "class", "transform"}),
    "polygon": frozenset({"points", *_PAINT}),
    "polyline": frozenset({"points", *_PAINT}),
    "path": frozenset({"d", *_PAINT}),
    "ellipse": frozenset({"cx", "cy", "rx", "ry", *_PAINT}),
    "text": frozenset(
        {"x", "y", "text-anchor", "font-family", "font-size", "font-weight", "font-style", "fill"}
    ),
}
# what a kept attribute value may look like: numbers, colours, transforms, path data, font names
_SAFE_VALUE: Final = re.compile(r"[\w\s.,#%()+\-]*")
_GEOMETRY: Final = re.compile(r"[-0-9.,eE MCLZmclz]*")
_UNSAFE_VALUE: Final = re.compile(r"url|javascript|expression|script|data:", re.IGNORECASE)
_MAX_DEPTH: Final = 32


class SVGError(ValueError):
    """Graphviz's output was not the SVG we expect."""


def clean_svg(svg: str) -> str:
    """Graphviz's SVG reduced to the whitelist, serialized without prolog or comments."""
    if "<!ENTITY" in svg:  # no entity declarations: nothing to expand
        raise SVGError("SVG with entity declarations")
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise SVGError(f"Graphviz produced malformed SVG: {exc}") from None
    if root.tag != _NS + "svg":
        raise SVGError("Graphviz output is not an SVG document")
    _unwrap_links(root)
    parts: list[str] = []
    _write(root, parts, 0)
    return "".join(parts)


def _unwrap_links(root: ET.Element) -> None:
    """`<g id="a_X"><a …>kids</a></g>` → `<g id="X">kids</g>`; any other `<a>` → its kids."""
    for parent in root.iter():
        children = list(parent)
        if not any(child.tag == _NS + "a" for child in children):
            continue
        for child in children:
            parent.remove(child)
        for child in children:
            if child.tag == _NS + "a":
                for grandchild in child:
                    parent.append(grandchild)
            else:
                parent.append(child)
        gid = parent.get("id", "")
        if parent.tag == _NS + "g" and gid.startswith("a_"):
            parent.set("id", gid[2:])


def _write(element: ET.Element, parts: list[str], depth: int) -> None:
    if depth > _MAX_DEPTH or not element.tag.startswith(_NS):
        return
    name = element.tag[len(_NS) :]
    if name not in _ELEMENTS:
        return
    allowed = _ATTRIBUTES[name]
    # a value that passes _safe_value holds no quote, < or &: it needs no escaping
    attrs = "".join(
        f' {key}="{value}"'
        for key, value in element.attrib.items()
        if key in allowed and _safe_value(value)
    )
    if name == "svg":
        attrs = f' xmlns="{SVG_NS}"' + attrs
    if name == "text":
        parts.append(f"<text{attrs}>{escape(element.text or '')}</text>")
        return
    children = list(element)
    if not children:
        parts.append(f"<{name}{attrs}/>\n")
        return
    parts.append(f"<{name}{attrs}>\n")
    for child in children:
        _write(child, parts, depth + 1)
    parts.append(f"</{name}>\n")


def _safe_value(value: str) -> bool:
    return (
        len(value) < 100_000
        and bool(_SAFE_VALUE.fullmatch(value))
        and not (_UNSAFE_VALUE.search(value))
    )
