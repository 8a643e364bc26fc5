"""Lesson Markdown → HTML: markdown-it with math, glossary terms, runnable cells and questions.

Raw HTML in content is escaped (``html: False``); everything this module emits around content
goes through ``escape_html``. Formulas are left as escaped TeX in ``.math`` elements for the
vendored KaTeX to typeset in the browser.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it.common.utils import escapeHtml as escape_html
from markdown_it.renderer import RendererHTML
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from app.lessons.course import GlossaryEntry, markdown_parser
from app.lessons.document import LessonFormatError, fence_kind, parse_question


@dataclass(frozen=True, slots=True)
class Labels:
    """The few UI words the rendered lesson body contains, in the lesson's language."""

    run: str
    open_in_playground: str
    expected_output: str
    raises: str  # "{type}" is replaced by the error type
    warns: str  # "{type}" is replaced by the warning category
    check: str
    reveal: str
    answer: str
    cell: str  # "{n}" is replaced by the cell number


def playground_href(code: str) -> str:
    """The playground URL that opens `code`: ``/#code=<base64url(utf-8)>`` (share.js's format)."""
    encoded = base64.urlsafe_b64encode(code.encode("utf-8")).decode("ascii").rstrip("=")
    return f"/#code={encoded}"


# ---- inline: $math$ and [[glossary-id|text]] ----


def _math_inline(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "$" or state.src.startswith("$$", state.pos):
        return False
    end = state.src.find("$", state.pos + 1)
    while end != -1 and state.src[end - 1] == "\\":
        end = state.src.find("$", end + 1)
    if end == -1 or end == state.pos + 1:
        return False
    if not silent:
        token = state.push("math_inline", "span", 0)
        token.content = state.src[state.pos + 1 : end]
    state.pos = end + 1
    return True


def _glossary_term(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    end = state.src.find("]]", state.pos + 2)
    if end == -1:
        return False
    term_id, _, text = state.src[state.pos + 2 : end].partition("|")
    if not silent:
        token = state.push("glossary_term", "dfn", 0)
        token.meta = {"id": term_id.strip(), "text": text.strip()}
    state.pos = end + 2
    return True


# ---- block: $$ display math $$ ----


def _math_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    first = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    if not first.startswith("$$"):
        return False
    lines = [first[2:]]
    line = start
    while not lines[-1].rstrip().endswith("$$") or (line == start and len(first.strip()) == 2):
        line += 1
        if line >= end:
            return False
        lines.append(state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]])
    if silent:
        return True
    body = "\n".join(lines).rstrip()
    token = state.push("math_block", "div", 0)
    token.content = body[:-2].strip()
    token.map = [start, line + 1]
    state.line = line + 1
    return True


class LessonRenderer:
    """Renders lesson bodies of one language; one instance per (language, glossary)."""

    def __init__(self, glossary: Mapping[str, GlossaryEntry], labels: Labels) -> None:
        self.glossary = glossary
        self.labels = labels
        self.md = markdown_parser()
        self.md.inline.ruler.before("escape", "math_inline", _math_inline)
        self.md.inline.ruler.before("link", "glossary_term", _glossary_term)
        self.md.block.ruler.before("paragraph", "math_block", _math_block)
        # Assigned directly: add_render_rule would re-bind these methods to the renderer.
        renderer = self.md.renderer
        assert isinstance(renderer, RendererHTML)
        rules: dict[str, Any] = renderer.rules  # bound methods, called (tokens, idx, options, env)
        rules["math_inline"] = self._render_math_inline
        rules["math_block"] = self._render_math_block
        rules["glossary_term"] = self._render_term
        rules["fence"] = self._render_fence

    def render(self, markdown: str, where: str) -> tuple[str, tuple[str, ...]]:
        """HTML for a lesson body, and the glossary ids it uses (in order of first use)."""
        env: dict[str, Any] = {"cells": 0, "questions": 0, "terms": [], "where": where}
        html = self.md.render(markdown, env)
        return html, tuple(env["terms"])

    def render_inline(self, text: str, env: EnvType) -> str:
        """Inline Markdown (question prompts and options) with math and terms."""
        html: str = self.md.renderInline(text, env)
        return html

    # -- render rules (markdown-it's signature: tokens, idx, options, env) --

    def _render_math_inline(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return f'<span class="math">{escape_html(tokens[idx].content)}</span>'

    def _render_math_block(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return f'<div class="math math-display">{escape_html(tokens[idx].content)}</div>\n'

    def _render_term(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        meta = tokens[idx].meta
        entry = self.glossary.get(meta["id"])
        if entry is None:
            raise LessonFormatError(f"{env['where']}: unknown glossary term {meta['id']!r}")
        if entry.id not in env["terms"]:
            env["terms"].append(entry.id)
        text = escape_html(meta["text"] or entry.term)
        tip = escape_html(f"{entry.term}: {entry.definition}")
        return (
            f'<dfn class="term" tabindex="0" data-term="{escape_html(entry.id)}" '
            f'data-tip="{tip}" aria-describedby="def-{escape_html(entry.id)}">'
            f"{text}</dfn>"
        )

    def _render_fence(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        kind, attributes = fence_kind(token.info)
        if kind == "python":
            return self._render_cell(token.content, attributes, env)
        if kind == "question":
            return self._render_question(token.content, env)
        if kind == "output":
            return (
                '<details class="cell-expected"><summary>'
                f"{escape_html(self.labels.expected_output)}</summary>"
                f"<pre><code>{escape_html(token.content)}</code></pre></details>\n"
            )
        language = f' class="language-{escape_html(kind)}"' if kind else ""
        return f"<pre><code{language}>{escape_html(token.content)}</code></pre>\n"

    def _render_cell(self, code: str, attributes: dict[str, str], env: EnvType) -> str:
        index = env["cells"]
        env["cells"] += 1
        labels = self.labels
        badges = []
        if attributes.get("expect-error"):
            text = labels.raises.replace("{type}", attributes["expect-error"])
            badges.append(f'<span class="cell-badge cell-badge-error">{escape_html(text)}</span>')
        if attributes.get("expect-warning"):
            text = labels.warns.replace("{type}", attributes["expect-warning"])
            badges.append(f'<span class="cell-badge cell-badge-warn">{escape_html(text)}</span>')
        name = escape_html(labels.cell.replace("{n}", str(index + 1)))
        expect = escape_html(attributes.get("expect-error", ""))
        return (
            f'<figure class="cell" id="cell-{index}" data-cell="{index}" '
            f'data-expect-error="{expect}" aria-label="{name}">\n'
            f'<pre><code class="language-python">{escape_html(code)}</code></pre>\n'
            f'<figcaption class="cell-bar">{"".join(badges)}'
            f'<button type="button" class="cell-run" hidden>{escape_html(labels.run)}</button>'
            f'<a class="cell-open" href="{escape_html(playground_href(code))}">'
            f"{escape_html(labels.open_in_playground)}</a></figcaption>\n"
            '<div class="cell-result" aria-live="polite" hidden></div>\n'
            "</figure>\n"
        )

    def _render_question(self, content: str, env: EnvType) -> str:
        index = env["questions"]
        env["questions"] += 1
        question = parse_question(content, index, env["where"])
        labels = self.labels
        qid = f"q-{index}"
        options = "".join(
            f'<li><label><input type="radio" name="{qid}" value="{i}"> '
            f'<span class="option-text">{self.render_inline(option.text, env)}</span>'
            "</label></li>"
            for i, option in enumerate(question.options)
        )
        correct = self.render_inline(question.options[question.answer].text, env)
        explanation = self.md.render(question.explanation, env)
        return (
            f'<form class="question" id="{qid}" data-question="{index}" '
            f'data-answer="{question.answer}">\n'
            f'<fieldset><legend class="question-prompt">'
            f"{self.render_inline(question.prompt, env)}</legend>\n"
            f'<ol class="question-options">{options}</ol>\n'
            f'<button type="submit" class="question-check">{escape_html(labels.check)}</button>'
            '<p class="question-verdict" aria-live="polite"></p>\n'
            f'<details class="question-reveal"><summary>{escape_html(labels.reveal)}</summary>\n'
            f'<p class="question-answer"><strong>{escape_html(labels.answer)}</strong> '
            f"{correct}</p>\n{explanation}</details>\n"
            "</fieldset></form>\n"
        )
