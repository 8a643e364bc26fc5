"""Graph JSON → DOT source with the `graphviz` package: synthetic names, a fixed attribute set.

DOT node names are synthetic (`n0`, `n1` …); graph ids are checked against a strict pattern before
they become `id` attributes; every attribute comes from a fixed set with fixed values; user text
only appears inside escaped HTML-like labels (`app.render.label`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

import graphviz

from app.contract import GraphEdge, GraphJSON, GraphNode
from app.render.label import function_label, placeholder_label, proxy_label, tensor_label
from app.render.layout import dot_direction, plan_layout
from app.render.options import DEFAULT_OPTIONS, RenderOptions

_ID: Final = re.compile(r"[tf][1-9][0-9]{0,8}")
PLACEHOLDER_ID: Final = "more"


@dataclass(slots=True)
class DotGraph:
    """DOT source plus what was left out of it."""

    source: str
    shown: int
    hidden: int
    cost: int = 0  # layout size of what is drawn (nodes + virtual nodes)
    node_ids: list[str] = field(default_factory=list)
    proxies: int = 0  # long edges drawn from a stand-in


def graph_to_dot(
    graph: GraphJSON, options: RenderOptions = DEFAULT_OPTIONS, lang: str = "en"
) -> DotGraph:
    """DOT for the graph JSON, within `options.max_nodes` nodes and the layout budget; the
    labels' few words (leaf, output, …) in `lang`."""
    nodes: list[GraphNode] = list(graph.get("nodes", []))
    edges: list[GraphEdge] = list(graph.get("edges", []))
    by_id = {_checked_id(n["id"]): n for n in nodes}
    for e in edges:  # before any id is written into DOT
        _checked_id(e["from"])
        _checked_id(e["to"])
    plan = plan_layout(graph, nodes, edges, options)
    hidden = len(nodes) - len(plan.kept)

    dot = graphviz.Digraph(name="autograd", engine="dot")
    dot.attr("graph", **_graph_attrs(options))
    if options.tuned and plan.cost > options.spline_budget:
        dot.attr("graph", splines="line")
    dot.attr("node", shape="box", style="filled", fontname="Helvetica", fontsize="11")
    dot.attr("edge", arrowsize="0.7")
    names = {nid: f"n{i}" for i, nid in enumerate(plan.kept)}
    for nid in plan.kept:
        dot.node(names[nid], id=nid, **_node_attrs(by_id[nid], lang))
    for index, edge in enumerate(edges):
        if edge["from"] not in names or edge["to"] not in names:
            continue
        tail, head = (names[n] for n in dot_direction(edge))
        if index in plan.proxied:
            tail = _add_proxy(dot, by_id, dot_direction(edge)[0], index)
        _add_edge(dot, edge, tail, head)
    if hidden:
        _add_placeholder(dot, names, edges, hidden, lang)
    return DotGraph(dot.source, len(plan.kept), hidden, plan.cost, plan.kept, len(plan.proxied))


def _graph_attrs(options: RenderOptions) -> dict[str, str]:
    attrs = {"rankdir": "TB", "bgcolor": "transparent", "nodesep": "0.25", "ranksep": "0.3"}
    if options.tuned:
        attrs |= {
            "nslimit": f"{options.nslimit:g}",
            "nslimit1": f"{options.nslimit:g}",
            "mclimit": f"{options.mclimit:g}",
            "searchsize": str(int(options.searchsize)),
        }
    return attrs


# torchviz's legend (leaf light blue, output green, backward functions grey), plus a border
# style per kind so colour is not the only cue
_TENSOR_STYLE: Final = {
    "leaf": {"fillcolor": "lightblue", "style": "filled,rounded", "penwidth": "2"},
    "output": {"fillcolor": "darkolivegreen1", "style": "filled,rounded", "peripheries": "2"},
    "intermediate": {"fillcolor": "white", "style": "filled,rounded,dashed"},
    "constant": {"fillcolor": "white", "style": "filled,rounded,dotted"},
}
_FUNCTION_STYLE: Final = {"fillcolor": "lightgrey", "style": "filled", "shape": "box"}
_ACCUMULATE_STYLE: Final = {"fillcolor": "lightgrey", "style": "filled", "shape": "cds"}


def _node_attrs(node: GraphNode, lang: str) -> dict[str, str]:
    if node["kind"] == "function":
        style = _ACCUMULATE_STYLE if node["name"] == "AccumulateGrad" else _FUNCTION_STYLE
        return {**style, "label": function_label(node, lang)}
    role = str(node.get("role", "intermediate"))
    style = _TENSOR_STYLE.get(role, _TENSOR_STYLE["intermediate"])
    return {**style, "shape": "box", "label": tensor_label(node, lang)}


def _add_edge(dot: graphviz.Digraph, edge: GraphEdge, tail: str, head: str) -> None:
    """One edge, drawn forward (inputs above outputs) as torchviz; its id names the JSON edge."""
    kind = edge.get("kind", "next")
    slot = edge.get("slot")
    suffix = f"-{int(slot)}" if isinstance(slot, int) else ""
    eid = f"e-{edge['from']}-{edge['to']}{suffix}"  # both ids checked by graph_to_dot
    if kind == "saved":  # a tensor the grad_fn saved: drawn into the function, dotted
        dot.edge(tail, head, id=eid, style="dotted", arrowhead="odot")
    elif kind == "grad_fn":  # the grad_fn produced the tensor
        dot.edge(tail, head, id=eid, style="dashed")
    else:  # next: a grad_fn feeds the one that uses its output; accumulate: leaf → accumulator
        dot.edge(tail, head, id=eid)


def _add_proxy(dot: graphviz.Digraph, by_id: dict[str, GraphNode], tail: str, index: int) -> str:
    """A small stand-in for `tail` beside a far-away consumer, instead of a long edge.

    Labelled with the tensor's name (for an AccumulateGrad, its leaf's), else the node's name.
    """
    source = by_id[tail]
    owner = by_id.get(str(source["tensor"])) if source["kind"] == "function" else source
    owner_name = owner["name"] if owner is not None else None
    text = str(owner_name or source.get("name") or tail)
    dot.node(f"p{index}", id=f"ref{index}-{tail}", shape="box", style="rounded,dashed",
             fontsize="9", label=f"<{proxy_label(text)}>")  # fmt: skip
    return f"p{index}"


def _add_placeholder(
    dot: graphviz.Digraph, names: dict[str, str], edges: list[GraphEdge], hidden: int, lang: str
) -> None:
    dot.node("more", id=PLACEHOLDER_ID, shape="note", style="filled", fillcolor="white",
             label=placeholder_label(hidden, lang))  # fmt: skip
    boundary = [names[e["from"]] for e in edges if e["from"] in names and e["to"] not in names]
    for src in list(dict.fromkeys(boundary))[:8]:
        dot.edge("more", src, style="dashed", arrowhead="none")


def _checked_id(value: object) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(f"graph node id {value!r} is not of the form t<n> or f<n>")
    return value
