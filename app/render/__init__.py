"""The graph picture: graph JSON → DOT → layout plan → `dot` → clean SVG (`pipeline.render_graph`).

Plain Python (no web framework); it works from the graph JSON only, so it runs in the API
process. One module per stage: `dot`, `layout`, `process`, `svg`; plus `label` (node labels),
`cache` (identical DOT renders once) and `options`.
"""
