"""The trace of one program: graph JSON and backward-step JSON from engine objects.

`program_trace.ProgramTrace` is what the interpreter talks to. Its parts, one per module:
`registry` (stable ids), `snapshot` (saved values before backward frees them), `recorder` (the
step observer), `graph` (which graph, its nodes and edges), `ledger` (the chain-rule text) and
`value` (tensor values as JSON).
"""
