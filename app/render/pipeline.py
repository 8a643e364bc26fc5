"""The graph picture as a straight pipeline: graph JSON → DOT → layout plan → `dot` → clean SVG.

Works from the graph JSON only, never from engine objects, so it runs in the API process.
`app.render.dot` builds the DOT (with `app.render.layout`'s plan), `app.render.process` runs
`dot` with a hard timeout and bounded effort, `app.render.svg` cleans its output, and
`app.render.cache` makes identical DOT text render once (concurrent requests for the same DOT
share one `dot` run). `render_graph` never raises for Graphviz's failures: the learner gets a
message in their language instead (the `render` domain of app/i18n/catalogue.toml).

Speed: `nslimit`, `nslimit1`, `mclimit` and `searchsize` bound the network-simplex and mincross
passes that make default Graphviz take seconds to minutes on a few hundred nodes. Graphs beyond
`max_nodes` are collapsed to the nodes nearest the output plus a placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.contract import GraphJSON
from app.i18n.catalogue import text
from app.render.cache import PROCESS_CACHE, SVGCache
from app.render.dot import graph_to_dot
from app.render.options import DEFAULT_OPTIONS, RenderOptions
from app.render.process import RenderError, dot_slots, run_dot
from app.render.svg import SVGError, clean_svg


@dataclass(frozen=True, slots=True)
class RenderResult:
    """The SVG (None when it could not be drawn) and what the learner should be told."""

    svg: str | None
    collapsed: bool = False
    shown: int = 0
    hidden: int = 0
    message: str | None = None  # in the request's language
    error: str | None = None  # "timeout", "busy", "dot-missing", "dot-failed"


def svg_for_dot(
    source: str, options: RenderOptions = DEFAULT_OPTIONS, cache: SVGCache | None = None
) -> str:
    """Cleaned SVG for DOT text, from the cache when this DOT was drawn before."""
    cache = PROCESS_CACHE if cache is None else cache
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
        slots = dot_slots(options.max_concurrent)
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
    graph: GraphJSON,
    lang: str = "en",
    options: RenderOptions = DEFAULT_OPTIONS,
    cache: SVGCache | None = None,
) -> RenderResult:
    """The SVG for a graph JSON, or None with a message; never raises for Graphviz's failures."""
    dot = graph_to_dot(graph, options, lang)
    total = dot.shown + dot.hidden
    note = text("render.collapsed", lang, total=total, shown=dot.shown) if dot.hidden else None
    if dot.shown == 0:
        return RenderResult(svg=None, message=note)
    try:
        svg = svg_for_dot(dot.source, options, cache)
    except RenderError as exc:
        why = text(f"render.{exc.code}", lang, timeout=options.timeout_s)
        return RenderResult(
            svg=None,
            collapsed=bool(dot.hidden),
            shown=dot.shown,
            hidden=dot.hidden,
            message=why if note is None else f"{note} {why}",
            error=exc.code,
        )
    return RenderResult(
        svg=svg, collapsed=bool(dot.hidden), shown=dot.shown, hidden=dot.hidden, message=note
    )
