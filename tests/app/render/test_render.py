"""The renderer: DOT text, escaping of user text, real `dot` runs, timeout, node cap, cleaning."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from typing import Any

import pytest

from app.format import label_text as value_label
from app.render.cache import SVGCache
from app.render.dot import graph_to_dot
from app.render.label import html_text
from app.render.layout import layout_cost
from app.render.options import DEFAULT_OPTIONS
from app.render.pipeline import render_graph

SVG = "{http://www.w3.org/2000/svg}"


def tensor(
    tid: str, name: str | None, role: str, data: Any, grad: Any, grad_fn: str | None
) -> dict[str, Any]:
    return {"id": tid, "kind": "tensor", "name": name, "role": role, "shape": [],
            "dtype": "torch.float32", "data": data, "grad": grad, "grad_fn": grad_fn,
            "requires_grad": role != "constant", "is_leaf": grad_fn is None}  # fmt: skip


def function(fid: str, name: str, of: str) -> dict[str, Any]:
    return {"id": fid, "kind": "function", "name": name, "tensor": of, "saved": {}}


def edge(src: str, dst: str, kind: str, slot: int | None = None) -> dict[str, Any]:
    return {"from": src, "to": dst, "slot": slot, "kind": kind}


def article_graph(w_name: str = "w") -> dict[str, Any]:
    """y = w*x + b after y.backward(), with w=1, x=2, b=3: w.grad = x = 2, b.grad = 1."""
    return {
        "nodes": [
            tensor("t5", "y", "output", 5.0, None, "AddBackward0"),
            function("f2", "AddBackward0", "t5"),
            function("f1", "MulBackward0", "t4"),
            function("f3", "AccumulateGrad", "t3"),
            tensor("t4", None, "intermediate", 2.0, None, "MulBackward0"),
            function("f4", "AccumulateGrad", "t1"),
            tensor("t3", "b", "leaf", 3.0, 1.0, None),
            tensor("t1", w_name, "leaf", 1.0, 2.0, None),
        ],
        "edges": [
            edge("t5", "f2", "grad_fn"),
            edge("f2", "f1", "next", 0),
            edge("f2", "f3", "next", 1),
            edge("t4", "f1", "grad_fn"),
            edge("f1", "f4", "next", 0),
            edge("f3", "t3", "accumulate"),
            edge("f4", "t1", "accumulate"),
        ],
        "root": "t5",
        "roots": ["t5"],
    }


def chain_graph(n_functions: int) -> dict[str, Any]:
    """A leaf → n grad_fns in a line → output: 2 + n nodes, no edge spans more than one rank."""
    nodes = [tensor("t1", "out", "output", 1.0, None, "MulBackward0")]
    edges = [edge("t1", "f1", "grad_fn")]
    for i in range(1, n_functions + 1):
        nodes.append(function(f"f{i}", "MulBackward0", "t1" if i == 1 else f"t{i}"))
        if i > 1:
            edges.append(edge(f"f{i - 1}", f"f{i}", "next", 0))
    nodes.append(tensor("t2", "leaf", "leaf", 1.0, 1.0, None))
    edges.append(edge(f"f{n_functions}", "t2", "accumulate"))
    return {"nodes": nodes, "edges": edges, "root": "t1", "roots": ["t1"]}


def parse_svg(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def group(root: ET.Element, gid: str) -> ET.Element:
    found = [g for g in root.iter(SVG + "g") if g.get("id") == gid]
    assert len(found) == 1, f"expected one <g id={gid!r}>, found {len(found)}"
    return found[0]


def texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(SVG + "text")]


# --- escaping: user text never becomes DOT syntax --------------------------------------------


NASTY = "a\"b\\c<d>{e}[f];g&h'i=j"


def test_html_text_escapes_every_markup_character() -> None:
    assert html_text(NASTY) == "a&quot;b\\c&lt;d&gt;{e}[f];g&amp;h&#39;i=j"


def test_control_characters_and_newlines_become_spaces() -> None:
    assert html_text("a\nb\rc\td\x00e") == "a b c d e"


def test_long_text_is_cut_with_an_ellipsis() -> None:
    assert html_text("x" * 100, limit=10) == "x" * 9 + "…"


def test_nasty_name_is_only_inside_the_escaped_label() -> None:
    source = graph_to_dot(article_graph(NASTY)).source
    line = next(ln for ln in source.splitlines() if "id=t1 " in ln)
    assert "<B>a&quot;b\\c&lt;d&gt;{e}[f];g&amp;h&#39;i=j</B>" in line
    assert NASTY not in source
    # the label is the only attribute that holds text: no attribute came from the name
    assert re.findall(r"(?:^|\s)(\w+)=", line.split("label=<", 1)[0]) == []


@pytest.mark.parametrize(
    "name",
    [NASTY, "权重", "поле", "x_variable", "a\nb", "}; n9 [label=x]; {", "<B>bold</B>"],
)
def test_names_reach_the_svg_as_the_same_text(name: str) -> None:
    result = render_graph(article_graph(name), cache=SVGCache(1 << 20))
    assert result.svg is not None
    root = parse_svg(result.svg)
    shown = name.replace("\n", " ")
    assert shown in texts(group(root, "t1"))
    # still exactly the graph's nodes: the name created no node, edge or attribute
    ids = sorted(g.get("id", "") for g in root.iter(SVG + "g") if g.get("class") == "node")
    assert ids == ["f1", "f2", "f3", "f4", "t1", "t3", "t4", "t5"]


@pytest.mark.parametrize("bad", ['t1" onload="x', "t1 ", "n0", "t01", "", 7, None, "f1-grad"])
def test_node_ids_that_are_not_tn_or_fn_are_refused(bad: Any) -> None:
    graph = article_graph()
    graph["nodes"][0]["id"] = bad
    with pytest.raises(ValueError, match="graph node id"):
        graph_to_dot(graph)


def test_edges_with_bad_ids_are_refused() -> None:
    graph = article_graph()
    graph["edges"].append(edge("t1", 'f2"]; x [', "next", 0))
    with pytest.raises(ValueError, match="graph node id"):
        graph_to_dot(graph)


# --- labels and legend ---------------------------------------------------------------------------


def test_values_are_summarised_in_labels() -> None:
    assert value_label(None) == "None"
    assert value_label(0.0) == "0.0"
    assert value_label(2.0) == "2.0"
    assert value_label(0.123456) == "0.1235"
    assert value_label("nan") == "nan"
    assert value_label([[1.0, 2.0], [3.0, 4.0]]) == "[[1.0, 2.0], [3.0, 4.0]]"
    assert value_label([float(i) for i in range(10)]) == "[0.0, 1.0, 2.0, 3.0, …] (10)"
    summary = {"summary": True, "shape": [100, 100], "numel": 10000, "min": -1.5, "max": 2.0}
    assert value_label(summary) == "[100×100] -1.5…2.0"


def test_legend_colours_come_with_a_second_cue() -> None:
    lines = graph_to_dot(article_graph()).source.splitlines()

    def attrs_of(node_id: str) -> str:
        return next(ln for ln in lines if f"id={node_id} " in ln).rsplit(">", 1)[1]

    leaf, output, fn = attrs_of("t1"), attrs_of("t5"), attrs_of("f1")
    assert "fillcolor=lightblue" in leaf and "penwidth=2" in leaf
    assert "fillcolor=darkolivegreen1" in output and "peripheries=2" in output
    assert "fillcolor=lightgrey" in fn and "rounded" not in fn
    assert "fillcolor=white" in attrs_of("t4") and "dashed" in attrs_of("t4")


# --- one real dot run -----------------------------------------------------------------------------


def test_real_dot_run_gives_ids_for_nodes_and_grad_cells() -> None:
    result = render_graph(article_graph(), cache=SVGCache(1 << 20))
    assert result.svg is not None and result.error is None and not result.collapsed
    root = parse_svg(result.svg)
    for gid in ("t5", "f2", "f1", "f3", "t4", "f4", "t3", "t1"):
        group(root, gid)
    # the grad cells: w.grad = x = 2, b.grad = 1, y.grad was never populated
    assert texts(group(root, "t1-grad")) == ["2.0"]
    assert texts(group(root, "t3-grad")) == ["1.0"]
    assert texts(group(root, "t5-grad")) == ["None"]
    assert "2.0" in texts(group(root, "t1"))  # the grad cell sits inside its node's group
    assert {"data", "grad", "grad_fn", "AddBackward0", "y"} <= set(texts(group(root, "t5")))
    group(root, "e-f2-f1-0")  # edges carry ids too


def test_rendered_svg_has_no_links_scripts_or_prolog() -> None:
    svg = render_graph(article_graph(), cache=SVGCache(1 << 20)).svg
    assert svg is not None
    assert svg.startswith("<svg ")
    for banned in ("<?xml", "<!DOCTYPE", "<!--", "<a", "href", "xlink", "<title", "<script"):
        assert banned not in svg


def test_identical_graphs_are_laid_out_once() -> None:
    cache = SVGCache(1 << 20)
    first = render_graph(article_graph(), cache=cache).svg
    second = render_graph(article_graph(), cache=cache).svg
    assert first is not None and second is first  # the very same string: no second dot run
    assert len(cache) == 1
    changed = article_graph()
    changed["nodes"][-1]["grad"] = 4.0
    assert render_graph(changed, cache=cache).svg != first
    assert len(cache) == 2


def test_cache_is_bounded_in_bytes() -> None:
    cache = SVGCache(max_bytes=100)
    cache.put("a" * 10, "x" * 40)
    cache.put("b" * 10, "y" * 40)
    cache.put("c" * 10, "z" * 40)  # 150 bytes: the least recently used entry goes
    assert cache.get("a" * 10) is None
    assert cache.get("c" * 10) == "z" * 40


# --- timeout, missing dot ------------------------------------------------------------------------


def shared_weight_graph(steps: int) -> dict[str, Any]:
    """An unrolled RNN: one leaf used at every step, so edges span up to 3*steps ranks."""
    nodes = [tensor("t1", "h", "output", 0.0, None, "TanhBackward0")]
    edges = [edge("t1", "f1", "grad_fn")]
    nodes.append(function("f9999", "AccumulateGrad", "t2"))
    nodes.append(tensor("t2", "w", "leaf", 0.5, 1.0, None))
    edges.append(edge("f9999", "t2", "accumulate"))
    for s in range(steps):
        tanh, add, mul = 3 * s + 1, 3 * s + 2, 3 * s + 3
        nodes += [function(f"f{tanh}", "TanhBackward0", "t1"),
                  function(f"f{add}", "AddBackward0", "t1"),
                  function(f"f{mul}", "MulBackward0", "t1")]  # fmt: skip
        edges += [edge(f"f{tanh}", f"f{add}", "next", 0),
                  edge(f"f{add}", f"f{mul}", "next", 0),
                  edge(f"f{mul}", "f9999", "next", 1)]  # fmt: skip
        if s + 1 < steps:
            edges.append(edge(f"f{add}", f"f{3 * s + 4}", "next", 1))
    return {"nodes": nodes, "edges": edges, "root": "t1", "roots": ["t1"]}


def test_dot_that_runs_too_long_is_stopped_with_a_message() -> None:
    # Graphviz's default effort on 100 steps of shared weights takes many seconds
    options = replace(DEFAULT_OPTIONS, tuned=False, timeout_s=0.2)
    result = render_graph(shared_weight_graph(100), options=options, cache=SVGCache(1 << 20))
    assert result.svg is None
    assert result.error == "timeout"
    assert result.message is not None and "0.2 s" in result.message
    zh = render_graph(shared_weight_graph(100), "zh", options=options, cache=SVGCache(1 << 20))
    assert zh.message is not None and "0.2 秒" in zh.message


def test_missing_dot_gives_a_message_not_an_exception() -> None:
    options = replace(DEFAULT_OPTIONS, dot_binary="/nonexistent/dot")
    result = render_graph(article_graph(), options=options, cache=SVGCache(1 << 20))
    assert result.svg is None and result.error == "dot-missing"
    assert result.message is not None and "Graphviz" in result.message


# --- node cap and layout budget --------------------------------------------------------------


def test_graph_beyond_the_cap_is_collapsed_around_the_output() -> None:
    graph = chain_graph(998)  # 1000 nodes
    dot = graph_to_dot(graph)
    assert (dot.shown, dot.hidden) == (400, 600)
    # the output and the 399 grad_fns nearest to it are kept; the far end and the leaf are not
    assert dot.node_ids == ["t1", *(f"f{i}" for i in range(1, 400))]
    assert "… 600 more nodes not drawn" in dot.source


def test_collapsed_graph_is_drawn_with_a_message() -> None:
    options = replace(DEFAULT_OPTIONS, max_nodes=20)
    result = render_graph(chain_graph(48), "en", options=options, cache=SVGCache(1 << 20))
    assert result.svg is not None
    assert result.collapsed and (result.shown, result.hidden) == (20, 30)
    assert result.message is not None and "50 nodes" in result.message and "20" in result.message
    root = parse_svg(result.svg)
    assert "… 30 more nodes not drawn" in texts(group(root, "more"))


def test_graph_at_the_cap_is_drawn_whole() -> None:
    dot = graph_to_dot(chain_graph(398))
    assert (dot.shown, dot.hidden) == (400, 0)
    assert "more nodes not drawn" not in dot.source


def test_layout_cost_counts_virtual_nodes_of_long_edges() -> None:
    # a→b→c→d is ranked 0,1,2,3; the edge a→d skips two ranks: two virtual nodes
    edges = [edge("t2", "t1", "grad_fn"), edge("t3", "t2", "grad_fn"),
             edge("t4", "t3", "grad_fn"), edge("t4", "t1", "grad_fn")]  # fmt: skip
    assert layout_cost(["t1", "t2", "t3", "t4"], edges) == 4 + 2
    assert layout_cost(["t1", "t2", "t3"], edges[:2]) == 3


def test_long_edges_of_a_shared_weight_are_drawn_from_stand_ins() -> None:
    graph = shared_weight_graph(100)  # 302 nodes; w's accumulator feeds all 100 steps
    assert layout_cost([n["id"] for n in graph["nodes"]], graph["edges"]) > 6000
    dot = graph_to_dot(graph)
    assert dot.hidden == 0 and dot.cost <= DEFAULT_OPTIONS.layout_budget
    # the two multiplications nearest the accumulator keep their real edge
    assert dot.proxies == 98
    result = render_graph(graph, cache=SVGCache(1 << 22))
    assert result.svg is not None and not result.collapsed
    root = parse_svg(result.svg)
    node_ids = {g.get("id") for g in root.iter(SVG + "g") if g.get("class") == "node"}
    assert {n["id"] for n in graph["nodes"]} <= node_ids
    stand_ins = [g for g in root.iter(SVG + "g") if (g.get("id") or "").startswith("ref")]
    assert len(stand_ins) == 98
    assert all(texts(g) == ["↗ w"] for g in stand_ins)  # the accumulator's leaf, by name
    group(root, "e-f300-f9999-1")  # the last step's edge keeps its id, drawn from a stand-in


def test_over_the_layout_budget_even_with_stand_ins_the_graph_is_collapsed() -> None:
    options = replace(DEFAULT_OPTIONS, layout_budget=200)
    dot = graph_to_dot(shared_weight_graph(100), options)
    assert dot.hidden > 0 and dot.cost <= 200
    assert "splines=line" not in dot.source  # small enough for curved edges again


# --- SVG cleaning ----------------------------------------------------------------------------


HOSTILE_SVG = """<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- comment -->
<svg width="10pt" height="10pt" viewBox="0 0 10 10" onload="alert(1)"
     xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<script>alert(2)</script>
<style>* { fill: red }</style>
<g id="t1" class="node" onclick="alert(3)" style="fill:url(#x)">
<title>n0</title>
<polygon fill="url(javascript:alert(4))" stroke="black" points="0,0 1,1 2,0"/>
<g id="a_t1-grad"><a xlink:href="javascript:alert(5)" xlink:title="x" target="_blank">
<text x="1" y="2" fill="black">&lt;b&gt; &amp; 2.0</text>
</a></g>
<foreignObject><div>html</div></foreignObject>
<image xlink:href="http://example.com/x.png"/>
</g>
</svg>"""


def test_clean_svg_keeps_only_the_drawing() -> None:
    from app.render.svg import clean_svg

    out = clean_svg(HOSTILE_SVG)
    for banned in ("<?xml", "DOCTYPE", "comment", "script", "alert", "onload", "onclick",
                   "style", "<title", "<a", "href", "xlink", "target", "foreignObject",
                   "<image", "url(", "<div"):  # fmt: skip
        assert banned not in out, banned
    root = parse_svg(out)
    assert texts(group(root, "t1-grad")) == ["<b> & 2.0"]
    assert group(root, "t1").get("class") == "node"
    polygon = next(root.iter(SVG + "polygon"))
    assert polygon.get("points") == "0,0 1,1 2,0" and polygon.get("fill") is None


def test_clean_svg_refuses_entity_declarations() -> None:
    from app.render.svg import SVGError, clean_svg

    bomb = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'
    with pytest.raises(SVGError):
        clean_svg(bomb)


def test_concurrent_requests_for_one_graph_share_one_layout() -> None:
    from concurrent.futures import ThreadPoolExecutor

    cache = SVGCache(1 << 20)
    graph = article_graph("concurrent")
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda _: render_graph(graph, cache=cache).svg, range(6)))
    assert results[0] is not None
    assert all(svg is results[0] for svg in results)
    assert len(cache) == 1


def test_all_dot_slots_taken_means_busy_not_a_queue_without_end() -> None:
    from app.render.process import dot_slots

    options = replace(DEFAULT_OPTIONS, max_concurrent=1, timeout_s=0.05)
    slots = dot_slots(1)
    assert slots.acquire(timeout=5)
    try:
        result = render_graph(article_graph("busy"), options=options, cache=SVGCache(1 << 20))
    finally:
        slots.release()
    assert result.svg is None and result.error == "busy"
    assert result.message is not None and "busy" in result.message


def test_the_picture_speaks_the_learner_s_language() -> None:
    # The words beside names and the collapsed note are in the request's language; PyTorch's
    # names (data, grad, grad_fn, AccumulateGrad) stay as PyTorch writes them.
    graph = article_graph("zh-words")
    graph["nodes"][1]["freed"] = True
    zh = render_graph(graph, "zh", cache=SVGCache(1 << 20)).svg
    en = render_graph(graph, "en", cache=SVGCache(1 << 20)).svg
    assert zh is not None and en is not None
    for words in ("（叶子）", "（输出）", "（保存的张量已释放）"):
        assert words in zh
    for words in ("(leaf)", "(output)", "(saved freed)"):
        assert words in en and words not in zh
    assert "grad_fn" in zh and "AccumulateGrad" in zh
    options = replace(DEFAULT_OPTIONS, max_nodes=20)
    collapsed = render_graph(chain_graph(48), "zh", options=options, cache=SVGCache(1 << 20))
    assert collapsed.svg is not None
    assert texts(group(parse_svg(collapsed.svg), "more")) == ["…… 另有 30 个节点未画出"]
