"""How much the renderer may draw and how hard `dot` may try: `RenderOptions`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


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
