"""Layout planning before `dot` runs: which nodes to draw, and which long edges get a stand-in.

`dot`'s positioning is superlinear in the virtual nodes it inserts along edges that skip ranks;
shared weights in an unrolled loop make many. The plan keeps the drawing within
`RenderOptions.max_nodes` and `layout_budget` (nodes + virtual nodes), estimated here from a
longest-path ranking, so the layout stays within a second.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Final

from app.contract import GraphEdge, GraphJSON, GraphNode
from app.render.options import RenderOptions


@dataclass(slots=True)
class LayoutPlan:
    """The node ids to draw, the edges drawn from a stand-in, and the layout size that makes."""

    kept: list[str]
    proxied: frozenset[int]  # indices of edges drawn from a stand-in of their tail
    cost: int


# an edge skipping more ranks than this may be drawn from a stand-in instead (see plan_layout)
MAX_SPAN: Final = 2


def plan_layout(
    graph: GraphJSON, nodes: list[GraphNode], edges: list[GraphEdge], options: RenderOptions
) -> LayoutPlan:
    """What to draw: at most max_nodes nodes, and (tuned) a layout size within layout_budget.

    Over budget, edges that skip many ranks (a weight shared by every step of a loop) are drawn
    from a small stand-in next to their far end; if that is not enough, fewer nodes are drawn.
    """
    limit = min(options.max_nodes, len(nodes))
    while True:
        kept = nearest_nodes(graph, nodes, edges, limit)
        pairs = _drawn_pairs(kept, edges)
        spans = _spans(kept, pairs)
        cost = len(kept) + sum(spans.values())
        proxied: frozenset[int] = frozenset()
        if options.tuned and cost > options.layout_budget:
            proxied = frozenset(i for i, span in spans.items() if span > MAX_SPAN)
            rest = [(i, u, v) for i, u, v in pairs if i not in proxied]
            cost = len(kept) + len(proxied) + sum(_spans(kept, rest).values())
        if not options.tuned or cost <= options.layout_budget or limit <= 1:
            return LayoutPlan(kept, proxied, cost)
        limit = max(1, int(limit * 0.85))


def dot_direction(edge: GraphEdge) -> tuple[str, str]:
    """(tail, head) as drawn: forward, inputs above outputs (see app.render.dot)."""
    if edge.get("kind") == "saved":
        return edge["from"], edge["to"]
    return edge["to"], edge["from"]


def _drawn_pairs(node_ids: list[str], edges: list[GraphEdge]) -> list[tuple[int, str, str]]:
    kept = set(node_ids)
    pairs = [(i, *dot_direction(e)) for i, e in enumerate(edges)]
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


def layout_cost(node_ids: list[str], edges: list[GraphEdge]) -> int:
    """Nodes plus the virtual nodes dot will insert along edges that skip ranks."""
    return len(node_ids) + sum(_spans(node_ids, _drawn_pairs(node_ids, edges)).values())


def nearest_nodes(
    graph: GraphJSON, nodes: list[GraphNode], edges: list[GraphEdge], limit: int
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
    root = graph.get("root")
    roots = graph.get("roots") or ([] if root is None else [root])
    starts = [r for r in roots if r in neighbours]
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
