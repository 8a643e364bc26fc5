"""The graph picture: graph JSON → DOT → `dot -Tsvg` (timeout, bounded effort, cache) → clean SVG.

Works from the graph JSON only, never from engine objects, so it runs in the API process.

Safety: DOT node names are synthetic (`n0`, `n1` …); graph ids are checked against a strict
pattern before they become `id` attributes; every attribute comes from a fixed set with fixed
values; user text only appears inside escaped HTML-like labels (render_label); the SVG is cleaned
(render_svg). `dot` runs as a subprocess with a hard timeout and bounded layout effort.

Speed: `nslimit`, `nslimit1`, `mclimit` and `searchsize` bound the network-simplex and mincross
passes that make default Graphviz take seconds to minutes on a few hundred nodes. Graphs beyond
`max_nodes` are collapsed to the nodes nearest the output plus a placeholder. Identical DOT text
renders once: an LRU cache (bounded in bytes) keyed by the DOT source, with concurrent requests
for the same DOT sharing one `dot` run.
"""

from __future__ import annotations

import re
import subprocess
import threading
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any, Final

import graphviz

from app.render_label import function_label, placeholder_label, proxy_label, tensor_label
from app.render_svg import SVGError, clean_svg

JSONDict = dict[str, Any]

_ID: Final = re.compile(r"[tf][1-9][0-9]{0,8}")
PLACEHOLDER_ID: Final = "more"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Limits and layout effort; the defaults draw a 400-node graph in well under a second."""

    max_nodes: int = 400
    # Layout size = nodes + the virtual nodes dot inserts along edges spanning several ranks
    # (estimated by layout_cost). Shared weights used at every step of a long chain make many
    # long edges: dot 2.43's positioning is superlinear in them, so graphs above the budget are
    # collapsed further, and above spline_budget edges are drawn straight (spline routing
    # around thousands of virtual nodes takes seconds).
    layout_budget: int = 6000
    spline_budget: int = 2500
    timeout_s: float = 5.0
    nslimit: float = 1.0  # network-simplex iterations per node (ranking, x positions)
    mclimit: float = 0.2  # scales the mincross iterations
    searchsize: int = 10  # negative-cut-value edges searched per simplex pivot
    max_concurrent: int = 2  # `dot` processes at once (the machine has few cores)
    cache_bytes: int = 32 * 1024 * 1024
    dot_binary: str = "dot"
    tuned: bool = True  # False: Graphviz's default layout effort (for the benchmark)


DEFAULT_OPTIONS: Final = RenderOptions()


@dataclass(frozen=True, slots=True)
class RenderResult:
    """The SVG (None when it could not be drawn) and what the learner should be told."""

    svg: str | None
    collapsed: bool = False
    shown: int = 0
    hidden: int = 0
    message: str | None = None  # in the request's language
    error: str | None = None  # "timeout", "busy", "dot-missing", "dot-failed"


class RenderError(Exception):
    """`dot` could not produce a picture; `code` is one of RenderResult.error's values."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


_MESSAGES: Final = {
    "collapsed": {
        "en": "The graph has {total} nodes; only the {shown} nearest the output are drawn. "
        "Every value and step is still available.",
        "zh": "计算图有 {total} 个节点，只画出离输出最近的 {shown} 个。所有数值和步骤仍然可用。",
    },
    "timeout": {
        "en": "Drawing the graph took longer than {timeout:g} s and was stopped. "
        "The values and steps are still available.",
        "zh": "绘制计算图超过 {timeout:g} 秒，已停止。数值和步骤仍然可用。",
    },
    "busy": {
        "en": "The server is busy drawing other graphs; the values and steps are shown without "
        "the picture. Try again in a moment.",
        "zh": "服务器正忙于绘制其他计算图；暂时只显示数值和步骤，请稍后再试。",
    },
    "dot-missing": {
        "en": "Graphviz (`dot`) is not installed on the server, so the graph cannot be drawn.",
        "zh": "服务器未安装 Graphviz（`dot`），无法绘制计算图。",
    },
    "dot-failed": {
        "en": "Graphviz could not draw this graph. The values and steps are still available.",
        "zh": "Graphviz 无法绘制此计算图。数值和步骤仍然可用。",
    },
}


def message(code: str, lang: str, **params: Any) -> str:
    texts = _MESSAGES[code]
    return texts.get(lang, texts["en"]).format(**params)


# --- graph JSON → DOT ----------------------------------------------------------------------------


@dataclass(slots=True)
class DotGraph:
    """DOT source plus what was left out of it."""

    source: str
    shown: int
    hidden: int
    cost: int = 0  # layout size of what is drawn (nodes + virtual nodes)
    node_ids: list[str] = field(default_factory=list)
    proxies: int = 0  # long edges drawn from a stand-in


def graph_to_dot(graph: JSONDict, options: RenderOptions = DEFAULT_OPTIONS) -> DotGraph:
    """DOT for the graph JSON, within `options.max_nodes` nodes and the layout budget."""
    nodes: list[JSONDict] = list(graph.get("nodes", []))
    edges: list[JSONDict] = list(graph.get("edges", []))
    by_id = {_checked_id(n["id"]): n for n in nodes}
    for e in edges:  # before any id is written into DOT
        _checked_id(e["from"])
        _checked_id(e["to"])
    plan = _plan(graph, nodes, edges, options)
    hidden = len(nodes) - len(plan.kept)

    dot = graphviz.Digraph(name="autograd", engine="dot")
    dot.attr("graph", **_graph_attrs(options))
    if options.tuned and plan.cost > options.spline_budget:
        dot.attr("graph", splines="line")
    dot.attr("node", shape="box", style="filled", fontname="Helvetica", fontsize="11")
    dot.attr("edge", arrowsize="0.7")
    names = {nid: f"n{i}" for i, nid in enumerate(plan.kept)}
    for nid in plan.kept:
        dot.node(names[nid], id=nid, **_node_attrs(by_id[nid]))
    for index, edge in enumerate(edges):
        if edge["from"] not in names or edge["to"] not in names:
            continue
        tail, head = (names[n] for n in _dot_direction(edge))
        if index in plan.proxied:
            tail = _add_proxy(dot, by_id, _dot_direction(edge)[0], index)
        _add_edge(dot, edge, tail, head)
    if hidden:
        _add_placeholder(dot, names, edges, hidden)
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


def _node_attrs(node: JSONDict) -> dict[str, str]:
    if node.get("kind") == "function":
        style = _ACCUMULATE_STYLE if node.get("name") == "AccumulateGrad" else _FUNCTION_STYLE
        return {**style, "label": function_label(node)}
    role = str(node.get("role", "intermediate"))
    style = _TENSOR_STYLE.get(role, _TENSOR_STYLE["intermediate"])
    return {**style, "shape": "box", "label": tensor_label(node)}


def _add_edge(dot: graphviz.Digraph, edge: JSONDict, tail: str, head: str) -> None:
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


def _add_proxy(dot: graphviz.Digraph, by_id: dict[str, JSONDict], tail: str, index: int) -> str:
    """A small stand-in for `tail` beside a far-away consumer, instead of a long edge.

    Labelled with the tensor's name (for an AccumulateGrad, its leaf's), else the node's name.
    """
    source = by_id[tail]
    owner = by_id.get(str(source.get("tensor"))) if source.get("kind") == "function" else source
    owner_name = owner.get("name") if owner is not None else None
    text = str(owner_name or source.get("name") or tail)
    dot.node(f"p{index}", id=f"ref{index}-{tail}", shape="box", style="rounded,dashed",
             fontsize="9", label=f"<{proxy_label(text)}>")  # fmt: skip
    return f"p{index}"


def _add_placeholder(
    dot: graphviz.Digraph, names: dict[str, str], edges: list[JSONDict], hidden: int
) -> None:
    dot.node("more", id=PLACEHOLDER_ID, shape="note", style="filled", fillcolor="white",
             label=placeholder_label(hidden))  # fmt: skip
    boundary = [names[e["from"]] for e in edges if e["from"] in names and e["to"] not in names]
    for src in list(dict.fromkeys(boundary))[:8]:
        dot.edge("more", src, style="dashed", arrowhead="none")


def _checked_id(value: Any) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(f"graph node id {value!r} is not of the form t<n> or f<n>")
    return value


@dataclass(slots=True)
class _Plan:
    kept: list[str]
    proxied: frozenset[int]  # indices of edges drawn from a stand-in of their tail
    cost: int


# an edge skipping more ranks than this may be drawn from a stand-in instead (see _plan)
MAX_SPAN: Final = 2


def _plan(
    graph: JSONDict, nodes: list[JSONDict], edges: list[JSONDict], options: RenderOptions
) -> _Plan:
    """What to draw: at most max_nodes nodes, and (tuned) a layout size within layout_budget.

    Over budget, edges that skip many ranks (a weight shared by every step of a loop) are drawn
    from a small stand-in next to their far end; if that is not enough, fewer nodes are drawn.
    """
    limit = min(options.max_nodes, len(nodes))
    while True:
        kept = _nearest(graph, nodes, edges, limit)
        pairs = _drawn_pairs(kept, edges)
        spans = _spans(kept, pairs)
        cost = len(kept) + sum(spans.values())
        proxied: frozenset[int] = frozenset()
        if options.tuned and cost > options.layout_budget:
            proxied = frozenset(i for i, span in spans.items() if span > MAX_SPAN)
            rest = [(i, u, v) for i, u, v in pairs if i not in proxied]
            cost = len(kept) + len(proxied) + sum(_spans(kept, rest).values())
        if not options.tuned or cost <= options.layout_budget or limit <= 1:
            return _Plan(kept, proxied, cost)
        limit = max(1, int(limit * 0.85))


def _dot_direction(edge: JSONDict) -> tuple[str, str]:
    """(tail, head) as drawn: forward, inputs above outputs (see _add_edge)."""
    if edge.get("kind") == "saved":
        return edge["from"], edge["to"]
    return edge["to"], edge["from"]


def _drawn_pairs(node_ids: list[str], edges: list[JSONDict]) -> list[tuple[int, str, str]]:
    kept = set(node_ids)
    pairs = [(i, *_dot_direction(e)) for i, e in enumerate(edges)]
    return [(i, u, v) for i, u, v in pairs if u in kept and v in kept and u != v]


def _spans(node_ids: list[str], pairs: list[tuple[int, str, str]]) -> dict[int, int]:
    """Virtual nodes per edge (ranks skipped), from a longest-path ranking.

    Every node is then pulled down next to its first consumer (in reverse topological order),
    as dot's network-simplex ranking would place it, so only edges that must be long count:
    a shared weight's edges to the steps after its first use.
    """
    succ: dict[str, list[str]] = {n: [] for n in node_ids}
    indeg = dict.fromkeys(node_ids, 0)
    for _, u, v in pairs:
        succ[u].append(v)
        indeg[v] += 1
    rank = dict.fromkeys(node_ids, 0)
    queue = deque(n for n in node_ids if indeg[n] == 0)
    order: list[str] = []
    while queue:
        u = queue.popleft()
        order.append(u)
        for v in succ[u]:
            rank[v] = max(rank[v], rank[u] + 1)
            indeg[v] -= 1
            if indeg[v] == 0:
                queue.append(v)
    for n in reversed(order):
        if succ[n]:
            rank[n] = min(rank[v] for v in succ[n]) - 1
    return {i: max(0, rank[v] - rank[u] - 1) for i, u, v in pairs}


def layout_cost(node_ids: list[str], edges: list[JSONDict]) -> int:
    """Nodes plus the virtual nodes dot will insert along edges that skip ranks."""
    return len(node_ids) + sum(_spans(node_ids, _drawn_pairs(node_ids, edges)).values())


def _nearest(
    graph: JSONDict, nodes: list[JSONDict], edges: list[JSONDict], limit: int
) -> list[str]:
    """Node ids in graph order, or, beyond `limit`, the `limit` nearest the roots (BFS)."""
    order = [str(n["id"]) for n in nodes]
    if len(order) <= limit:
        return order
    neighbours: dict[str, list[str]] = {nid: [] for nid in order}
    for e in edges:
        if e["from"] in neighbours and e["to"] in neighbours:
            neighbours[e["from"]].append(e["to"])
            neighbours[e["to"]].append(e["from"])
    starts = [r for r in graph.get("roots") or [graph.get("root")] if r in neighbours]
    seen = dict.fromkeys(starts or order[:1])
    queue = deque(seen)
    while queue and len(seen) < limit:
        for nxt in neighbours[queue.popleft()]:
            if nxt not in seen and len(seen) < limit:
                seen[nxt] = None
                queue.append(nxt)
    for nid in order:  # disconnected parts (names mode) fill what is left
        if len(seen) >= limit:
            break
        seen.setdefault(nid)
    position = {nid: i for i, nid in enumerate(order)}
    return sorted(seen, key=position.__getitem__)


# --- DOT → SVG -----------------------------------------------------------------------------------


class SVGCache:
    """LRU of cleaned SVG keyed by DOT text, bounded in bytes; one `dot` run per distinct DOT."""

    def __init__(self, max_bytes: int) -> None:
        self._max_bytes = max_bytes
        self._items: OrderedDict[str, str] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._inflight: dict[str, threading.Event] = {}

    def get(self, key: str) -> str | None:
        with self._lock:
            svg = self._items.get(key)
            if svg is not None:
                self._items.move_to_end(key)
            return svg

    def put(self, key: str, svg: str) -> None:
        size = len(key) + len(svg)
        with self._lock:
            if size > self._max_bytes or key in self._items:
                return
            self._items[key] = svg
            self._bytes += size
            while self._bytes > self._max_bytes:
                old_key, old = self._items.popitem(last=False)
                self._bytes -= len(old_key) + len(old)

    def __len__(self) -> int:
        return len(self._items)

    def claim(self, key: str) -> threading.Event | None:
        """None: the caller renders `key` and must `release` it; else an event to wait on."""
        with self._lock:
            event = self._inflight.get(key)
            if event is None:
                self._inflight[key] = threading.Event()
            return event

    def release(self, key: str) -> None:
        with self._lock:
            event = self._inflight.pop(key, None)
        if event is not None:
            event.set()


_cache = SVGCache(DEFAULT_OPTIONS.cache_bytes)
_slots: dict[int, threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


def _dot_slots(count: int) -> threading.BoundedSemaphore:
    """The process-wide semaphore that keeps at most `count` dot processes running."""
    with _slots_lock:
        slots = _slots.get(count)
        if slots is None:
            slots = _slots[count] = threading.BoundedSemaphore(max(1, count))
        return slots


def run_dot(source: str, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """Lay out DOT with `dot -Tsvg`; raw SVG. Raises RenderError (timeout, missing, failed)."""
    try:
        done = subprocess.run(
            [options.dot_binary, "-Tsvg"],
            input=source.encode("utf-8", errors="replace"),
            capture_output=True,
            timeout=options.timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired:  # subprocess.run has already killed and reaped it
        raise RenderError("timeout", f"dot ran longer than {options.timeout_s:g} s") from None
    except FileNotFoundError:
        raise RenderError("dot-missing", options.dot_binary) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", errors="replace")[:500]
        raise RenderError("dot-failed", f"exit {done.returncode}: {detail}")
    return done.stdout.decode("utf-8", errors="replace")


def svg_for_dot(
    source: str, options: RenderOptions = DEFAULT_OPTIONS, cache: SVGCache | None = None
) -> str:
    """Cleaned SVG for DOT text, from the cache when this DOT was drawn before."""
    cache = _cache if cache is None else cache
    while True:
        svg = cache.get(source)
        if svg is not None:
            return svg
        event = cache.claim(source)
        if event is None:
            break
        # someone else is drawing the same DOT: wait for it, then read the cache
        if not event.wait(options.timeout_s):
            raise RenderError("busy", "waited for an identical render")
        if cache.get(source) is None:  # that render failed; try ourselves
            continue
    try:
        slots = _dot_slots(options.max_concurrent)
        if not slots.acquire(timeout=options.timeout_s):
            raise RenderError("busy", "all dot slots are in use")
        try:
            raw = run_dot(source, options)
        finally:
            slots.release()
        try:
            svg = clean_svg(raw)
        except SVGError as exc:
            raise RenderError("dot-failed", str(exc)) from None
        cache.put(source, svg)
        return svg
    finally:
        cache.release(source)


def render_graph(
    graph: JSONDict,
    lang: str = "en",
    options: RenderOptions = DEFAULT_OPTIONS,
    cache: SVGCache | None = None,
) -> RenderResult:
    """The SVG for a graph JSON, or None with a message; never raises for Graphviz's failures."""
    dot = graph_to_dot(graph, options)
    total = dot.shown + dot.hidden
    note = message("collapsed", lang, total=total, shown=dot.shown) if dot.hidden else None
    if dot.shown == 0:
        return RenderResult(svg=None, message=note)
    try:
        svg = svg_for_dot(dot.source, options, cache)
    except RenderError as exc:
        text = message(exc.code, lang, timeout=options.timeout_s)
        return RenderResult(
            svg=None,
            collapsed=bool(dot.hidden),
            shown=dot.shown,
            hidden=dot.hidden,
            message=text if note is None else f"{note} {text}",
            error=exc.code,
        )
    return RenderResult(
        svg=svg, collapsed=bool(dot.hidden), shown=dot.shown, hidden=dot.hidden, message=note
    )
