"""A learner's path through the course in a real headless Chromium.

Open a lesson, answer a predict-then-reveal question, run a cell in place, open the same cell in
the playground (graph and backward steps), come back and move on to the next lesson; progress
survives in the browser. Expected numbers come from the maths of y = w*x + b at x=2, w=1, b=3
(dy/dw = x = 2, dy/dx = w = 1, dy/db = 1), never from our own output.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

Screenshots = Callable[[Page, str], Path]

pytestmark = pytest.mark.browser

LESSON = "/lessons/graph-and-gradient"
NEXT_LESSON = "/lessons/backward-step-by-step"


def test_learner_answers_runs_opens_in_playground_and_moves_on(
    page: Page, screenshot: Screenshots
) -> None:
    page.goto(LESSON)
    expect(page).to_have_title("The graph and its gradient · Autograd Lab")
    # KaTeX typeset the formulas (it replaces the TeX text with its own markup).
    expect(page.locator(".math .katex").first).to_be_visible()

    # Predict: w.grad is x = 2, the second option.
    question = page.locator("form.question").first
    expect(question.locator(".question-reveal")).not_to_have_attribute("open", "")
    question.locator("input[type=radio]").nth(1).check()
    question.locator(".question-check").click()
    expect(question.locator(".question-verdict")).to_have_text("Right!")
    expect(question.locator(".question-answer")).to_be_visible()

    # Run the cell in place.
    cell = page.locator("figure.cell").first
    with page.expect_response("**/api/run"):
        cell.locator(".cell-run").click()
    result = cell.locator(".cell-result")
    expect(result).to_contain_text("tensor([5.], grad_fn=<AddBackward0>)")
    expect(result.locator(".cell-stdout")).to_have_text(
        "tensor([5.], grad_fn=<AddBackward0>)\ntensor([1.])\ntensor([2.])\ntensor([1.])\n"
    )
    screenshot(page, "lesson-answered-and-run")

    # Glossary term: keyboard focus shows its definition.
    term = page.locator("dfn.term").first
    term.focus()
    tip = term.evaluate("el => getComputedStyle(el, '::after').content")
    assert "computational graph" in tip

    # Open the cell in the playground: it runs there with the graph and the steps.
    with page.expect_response("**/api/run") as answer:
        cell.locator(".cell-open").click()
    assert answer.value.json()["error"] is None
    expect(page).to_have_url(re.compile(r"/#code="))
    expect(page.locator("#stdout")).to_contain_text("tensor([2.])")
    expect(page.locator("#graph svg")).to_be_visible()
    expect(page.locator("#step-controls")).to_be_visible()
    screenshot(page, "lesson-cell-in-playground")

    # Back to the lesson: the answer is remembered; Next moves on and completes this lesson.
    page.go_back()
    expect(page).to_have_url(re.compile(LESSON + "$"))
    expect(page.locator("form.question").first.locator(".question-verdict")).to_have_text("Right!")
    page.locator("a[rel=next]").click()
    expect(page).to_have_url(re.compile(NEXT_LESSON + "$"))
    expect(page.locator("h1")).to_have_text("backward, step by step")
    done = page.locator('.lesson-sidebar .lesson-item[data-slug="graph-and-gradient"]')
    expect(done).to_have_attribute("data-state", "done")

    # The index shows the progress and offers to continue where the learner is.
    page.goto("/lessons")
    expect(page.locator("#progress-summary")).to_have_text("1 of 12 lessons completed")
    expect(page.locator("#continue-link")).to_have_attribute("href", NEXT_LESSON)
    screenshot(page, "lessons-index-progress")


def test_chinese_lesson_and_switching_language(
    page: Page, server: str, screenshot: Screenshots
) -> None:
    page.context.add_cookies([{"name": "lang", "value": "zh", "url": server}])
    page.goto(LESSON)
    expect(page.locator("h1")).to_have_text("计算图与梯度")
    expect(page.locator("dfn.term", has_text="叶子节点").first).to_be_visible()
    question = page.locator("form.question").first
    question.locator("input[type=radio]").nth(0).check()
    question.locator(".question-check").click()
    expect(question.locator(".question-verdict")).to_have_text("不太对——看看下面的解释。")
    screenshot(page, "lesson-zh")

    page.click("#lang-switch")
    expect(page.locator("h1")).to_have_text("The graph and its gradient")


def test_error_cell_reports_the_declared_error(page: Page) -> None:
    page.goto("/lessons/error-lab")
    cell = page.locator("figure.cell").first
    with page.expect_response("**/api/run"):
        cell.locator(".cell-run").click()
    expect(cell.locator(".cell-error")).to_have_text(
        "RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn"
    )
    expect(cell.locator(".cell-status")).to_contain_text("as this cell intends")
