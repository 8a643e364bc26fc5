"""What one corpus program is: a file turned into pasteable code, its category and the static rule.

A `.py` file is taken whole. A notebook is its code cells concatenated in order; a d2l Markdown
chapter is its executable `{.python .input}` cells of one flavour (PyTorch), in order. Lines that
are not Python but notebook machinery (IPython `%` magics, `!` shell lines, `name?` help,
d2lbook's tab selection) are removed and recorded with their line in the source cell order.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from dataclasses import dataclass, field

ALLOWED_LIBRARIES = frozenset({"numpy", "torch"})
HELP_LINE = re.compile(r"^\s*(\?{1,2}[\w.*]+|[\w.*]+\?{1,2})\s*$")
D2L_CELL = re.compile(r"^```\{\.python \.input[^}]*\}\s*$")
D2L_TAB_MAGIC = re.compile(r"^%%tab\s+(.*)$")
D2L_TAB_COMMENT = re.compile(r"^#@tab\s+(.*)$")


@dataclass
class Program:
    code: str
    removed: list[dict[str, str]] = field(default_factory=list)
    added: list[dict[str, str]] = field(default_factory=list)


def _clean_cell(lines: list[str], removed: list[dict[str, str]]) -> list[str]:
    kept = []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith(("%", "!")):
            why = "IPython magic" if stripped.startswith("%") else "shell command"
            removed.append({"line": line, "why": why})
        elif HELP_LINE.match(line):
            removed.append({"line": line, "why": "IPython help"})
        elif stripped.startswith("tab.interact_select("):
            removed.append({"line": line, "why": "d2lbook tab selection"})
        else:
            kept.append(line)
    return kept


def _join(cells: list[list[str]]) -> str:
    blocks = ["\n".join(cell).strip("\n") for cell in cells]
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


def from_notebook(text: str) -> Program:
    notebook = json.loads(text)
    removed: list[dict[str, str]] = []
    cells = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        cells.append(_clean_cell(source.split("\n"), removed))
    return Program(_join(cells), removed)


def _d2l_selected(first_line: str, flavour: str) -> bool | None:
    """Whether a d2l cell belongs to `flavour`; None for a cell with no tab directive."""
    match = D2L_TAB_MAGIC.match(first_line) or D2L_TAB_COMMENT.match(first_line)
    if not match:
        return None
    tabs = {tab.strip() for tab in match.group(1).split(",")}
    return flavour in tabs or "all" in tabs


def from_d2l_markdown(text: str, flavour: str) -> Program:
    """d2l-en marks cells `%%tab pytorch`; d2l-zh `#@tab pytorch` (untagged cells are MXNet's)."""
    removed: list[dict[str, str]] = []
    cells = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        if not D2L_CELL.match(lines[index]):
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        body = lines[index + 1 : end]
        index = end + 1
        first = next((line for line in body if line.strip()), "")
        selected = _d2l_selected(first.strip(), flavour)
        if selected is False:
            continue
        if selected is None and not first.strip().startswith("%load_ext"):
            # d2l-zh: an untagged cell is the default (MXNet) tab; d2l-en tags every cell
            continue
        if D2L_TAB_MAGIC.match(first.strip()):
            body = body[body.index(first) + 1 :]
            removed.append({"line": first, "why": "d2lbook tab directive"})
        cells.append(_clean_cell(body, removed))
    return Program(_join(cells), removed)


def program_from_file(path: str, text: str, flavour: str) -> Program:
    if path.endswith(".ipynb"):
        return from_notebook(text)
    if path.endswith(".md"):
        return from_d2l_markdown(text, flavour)
    return Program(text)


def imported_modules(tree: ast.Module) -> list[str]:
    """Top-level names of every module the program imports, in order of first import."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found = [alias.name.partition(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found = [node.module.partition(".")[0] if node.module and not node.level else "."]
        else:
            continue
        names.extend(name for name in found if name not in names)
    return names


def static_exclusion(code: str) -> str | None:
    """Why a program is out before it runs: not Python 3, or a library beyond stdlib/numpy/torch."""
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        return f"not valid Python 3 (SyntaxError: {exc.msg}, line {exc.lineno})"
    others = [
        name
        for name in imported_modules(tree)
        if name not in ALLOWED_LIBRARIES and name not in sys.stdlib_module_names
    ]
    if others:
        local = "a local module" if "." in others else ""
        return "imports " + ", ".join(o for o in others if o != ".") + (local and f" ({local})")
    return None


# (category, pattern) in priority order: the first that matches names the program's category.
CATEGORY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("custom autograd Function", re.compile(r"\(\s*(torch\.)?(autograd\.)?Function\s*\)")),
    ("data", re.compile(r"\b(Dataset|DataLoader|TensorDataset|random_split)\b")),
    ("optim/training loops", re.compile(r"\btorch\.optim\b|\boptim\.\w+\(")),
    # any torch.nn class: nn.Linear, nn.Module, nn.Hardsigmoid, nn.init is not a class
    ("nn modules", re.compile(r"\bnn\.[A-Z]\w*")),
    (
        "autograd advanced",
        re.compile(
            r"autograd\.grad\b|create_graph|register_hook|retain_graph|autograd\.functional"
            r"|retain_grad|_saved_|grad_fn\.next_functions"
        ),
    ),
    ("autograd basics", re.compile(r"requires_grad|\.backward\(|\.grad\b|Variable\(")),
    ("numpy interop", re.compile(r"^\s*(import numpy|from numpy)", re.MULTILINE)),
    ("tensors", re.compile(r"\btorch\.")),
)


def _loop_calls_backward(code: str) -> bool:
    """A hand-written training loop: `.backward()` called inside a for/while loop."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return False
    for loop in ast.walk(tree):
        if isinstance(loop, ast.For | ast.While):
            for node in ast.walk(loop):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "backward"
                ):
                    return True
    return False


def category_of(code: str) -> str:
    for category, pattern in CATEGORY_RULES:
        if pattern.search(code):
            return category
        if category == "optim/training loops" and _loop_calls_backward(code):
            return category
    return "printing/misc"


def _doctest_code(docstring: str) -> str:
    """A docstring's `>>>` lines without prompts or outputs, as the docs' copy button gives."""
    lines = []
    for raw in docstring.split("\n"):
        line = raw.strip()
        if line.startswith(">>>"):
            lines.append(line[4:] if line.startswith(">>> ") else line[3:])
        elif line.startswith("...") and lines:
            lines.append(line[4:] if line.startswith("... ") else line[3:])
    return "\n".join(lines).strip("\n") + "\n" if lines else ""


def docs_programs(text: str) -> list[tuple[str, str]]:
    """(object name, code) for each docstring of a module that holds doctest examples."""
    tree = ast.parse(text)
    found: list[tuple[int, str, str]] = []
    owners: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            for child in ast.walk(node):
                owners.setdefault(id(child), node.name)
            for method in node.body:
                if isinstance(method, ast.FunctionDef):
                    for child in ast.walk(method):
                        owners[id(child)] = f"{node.name}.{method.name}"
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            for child in ast.walk(node):
                owners.setdefault(id(child), node.targets[0].id)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and ">>>" in node.value:
            code = _doctest_code(node.value)
            if code.strip():
                found.append((node.lineno, owners.get(id(node), "module"), code))
    found.sort()
    return [(name, code) for _, name, code in found]
