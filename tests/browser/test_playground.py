"""The playground in a real headless Chromium: run, graph, steps, share links, errors, zh, dark.

Expected numbers come from the maths of each program (y = w*x + b at x=1, w=2, b=3 gives
dy/dx = w = 2, dy/dw = x = 1, dy/db = 1), never from our own output.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

Screenshots = Callable[[Page, str], Path]

pytestmark = pytest.mark.browser

ERROR_PROGRAM = """\
import torch
x = torch.tensor(1.0)
y = x * 2
y.backward()
print("never reached")
"""


def run(page: Page) -> dict[str, Any]:
    """Clicks Run and waits for the answer to be shown; returns the /api/run JSON."""
    with page.expect_response("**/api/run") as answer:
        page.click("#run")
    expect(page.locator("#run")).to_be_enabled()
    body: dict[str, Any] = answer.value.json()
    return body


def choose_example(page: Page, slug: str) -> dict[str, Any]:
    with page.expect_response("**/api/run") as answer:
        page.select_option("#examples", slug)
    expect(page.locator("#run")).to_be_enabled()
    body: dict[str, Any] = answer.value.json()
    return body


def set_code(page: Page, code: str) -> None:
    """Replaces the program the way a learner pastes one (select all, paste)."""
    page.click(".cm-content")
    page.keyboard.press("Control+A")
    page.locator(".cm-content").evaluate(
        """(content, text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            const init = { clipboardData: data, bubbles: true, cancelable: true };
            content.dispatchEvent(new ClipboardEvent("paste", init));
        }""",
        code,
    )
    expect(page.locator(".cm-content")).to_contain_text(code.splitlines()[-1])


def editor_text(page: Page) -> str:
    lines = page.locator(".cm-content .cm-line").all_inner_texts()
    return "\n".join(lines)


def ids_by_name(result: dict[str, Any]) -> dict[str, str]:
    return {
        node["name"]: node["id"]
        for node in result["graph"]["nodes"]
        if node["kind"] == "tensor" and node.get("name")
    }


def grad_cell(page: Page, tensor_id: str) -> str:
    return (page.locator(f"#graph svg g[id='{tensor_id}-grad']").text_content() or "").strip()


def test_article_example_graph_and_backward_steps(page: Page, screenshot: Screenshots) -> None:
    page.goto("/")
    expect(page.locator(".cm-content")).to_contain_text("y = w * x + b")
    result = run(page)
    assert result["error"] is None
    ids = ids_by_name(result)
    svg = page.locator("#graph svg")
    expect(svg).to_be_visible()

    # every tensor shows its data, grad and grad_fn; the backward functions are drawn too
    for name, data, grad_fn in [
        ("x", "[1.0]", "None"),
        ("w", "[2.0]", "None"),
        ("b", "[3.0]", "None"),
        ("y", "[5.0]", "AddBackward0"),
    ]:
        node = page.locator(f"#graph svg g[id='{ids[name]}']")
        text = node.text_content() or ""
        assert name in text and data in text and "grad" in text and grad_fn in text, text
    expect(svg).to_contain_text("MulBackward0")
    expect(svg).to_contain_text("AccumulateGrad")

    # step 0 seeds y's gradient: the leaves have no .grad yet
    expect(page.locator("#step-slider")).to_have_value("0")
    for name in ("x", "w", "b"):
        assert grad_cell(page, ids[name]) == "None"
    screenshot(page, "article-step0")

    page.click("#step-last")
    expected = {"x": "[2.0]", "w": "[1.0]", "b": "[1.0]"}
    for name, grad in expected.items():
        assert grad_cell(page, ids[name]) == grad, name
    expect(page.locator("#step-description")).to_contain_text("All gradients computed")
    screenshot(page, "article-last-step")

    # one step back un-does exactly the last AccumulateGrad
    page.click("#step-back")
    cells = {name: grad_cell(page, ids[name]) for name in expected}
    assert sorted(cells.values()).count("None") == 1, cells
    assert all(cells[n] in ("None", expected[n]) for n in expected), cells

    # the ledger of a function step is typeset by KaTeX
    page.click("#step-first")
    page.click("#step-forward")
    expect(page.locator("#ledger .katex").first).to_be_visible()
    expect(page.locator("#ledger")).to_contain_text("AddBackward0")
    expect(page.locator("#graph svg .is-running")).to_have_count(1)
    # y = (w*x) + b: AddBackward0 sends its gradient down two edges at once
    expect(page.locator("#graph svg .edge.is-flowing")).to_have_count(2)


def test_hovering_a_node_shows_its_full_values(page: Page) -> None:
    page.goto("/")
    ids = ids_by_name(run(page))
    page.click("#step-last")
    page.hover(f"#graph svg g[id='{ids['x']}']")
    details = page.locator("#node-details")
    expect(details).to_contain_text("Tensor: x")
    expect(details).to_contain_text("requires_grad")
    expect(details).to_contain_text("[2.0]")  # x.grad = w
    # keyboard users get the same by focusing the node
    page.focus(f"#graph svg g[id='{ids['w']}']")
    expect(details).to_contain_text("Tensor: w")


def test_share_link_restores_code_and_step(page: Page, screenshot: Screenshots) -> None:
    page.goto("/")
    choose_example(page, "diamond")
    for _ in range(3):
        page.click("#step-forward")
    description = page.locator("#step-description").inner_text()
    running = page.locator("#graph svg .is-running").first.get_attribute("id")
    page.click("#share")
    expect(page.locator("#share-url")).to_have_value(re.compile(r"#z=|#code="))
    link = page.locator("#share-url").input_value()

    other = page.context.new_page()
    with other.expect_response("**/api/run"):
        other.goto(link)
    expect(other.locator("#step-slider")).to_have_value("3")
    expect(other.locator("#step-description")).to_have_text(description)
    assert other.locator("#graph svg .is-running").first.get_attribute("id") == running
    assert "a = x * 3" in editor_text(other)
    screenshot(other, "share-link-restored")
    # once the learner runs another program, a reload must not bring the shared one back
    set_code(other, ERROR_PROGRAM)
    run(other)
    assert "#" not in other.url
    other.close()


def test_error_line_is_marked_in_the_editor(page: Page, screenshot: Screenshots) -> None:
    page.goto("/")
    set_code(page, ERROR_PROGRAM)
    result = run(page)
    assert result["error"]["line"] == 4
    marked = page.locator(".cm-error-line")
    expect(marked).to_have_count(1)
    expect(marked).to_have_text("y.backward()")
    error = page.locator("#error")
    expect(error).to_contain_text("RuntimeError")
    expect(error).to_contain_text("Line 4")
    expect(page.locator("#stdout")).to_be_hidden()
    screenshot(page, "error-line")
    # editing the program clears the mark: the line number may no longer match
    page.click(".cm-content")
    page.keyboard.type("#")
    expect(marked).to_have_count(0)


def test_switch_to_chinese_is_remembered(page: Page, screenshot: Screenshots) -> None:
    page.goto("/")
    page.click("#lang-switch")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("#run")).to_contain_text("运行")
    run(page)
    expect(page.locator("#run-status")).to_contain_text("运行完成")
    expect(page.locator("#step-description")).to_contain_text("第 0 步")
    screenshot(page, "chinese")
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("#graph-heading")).to_have_text("计算图")


def test_dark_mode_toggle(page: Page, screenshot: Screenshots) -> None:
    page.goto("/")
    page.click("#theme-switch")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    expect(page.locator("#theme-switch")).to_have_attribute("aria-pressed", "true")
    run(page)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(v) for v in background[background.index("(") + 1 : -1].split(",")[:3])
    assert red + green + blue < 150, background
    editor = page.evaluate(
        "getComputedStyle(document.querySelector('.editor-host').shadowRoot"
        ".querySelector('.cm-editor')).backgroundColor"
    )
    assert editor != "rgb(255, 255, 255)"
    screenshot(page, "dark")
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")


def test_keyboard_only_run_and_step(page: Page) -> None:
    page.goto("/")
    page.click(".cm-content")
    with page.expect_response("**/api/run"):
        page.keyboard.press("Control+Enter")
    expect(page.locator("#step-controls")).to_be_visible()
    page.keyboard.press("Tab")  # Tab leaves the editor instead of indenting
    assert page.evaluate("!document.activeElement.closest('.editor-host')")
    page.locator("#step-play").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#step-slider")).to_have_value("1")
    page.keyboard.press("End")
    last = page.locator("#step-slider").get_attribute("max")
    expect(page.locator("#step-slider")).to_have_value(str(last))
    page.keyboard.press("Home")
    expect(page.locator("#step-slider")).to_have_value("0")
    expect(page.locator("#step-description")).to_have_attribute("aria-live", "polite")


def test_presenter_mode_steps_with_clicker_keys(page: Page, screenshot: Screenshots) -> None:
    page.goto("/")
    run(page)
    normal = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.click("#presenter-switch")
    expect(page.locator("html")).to_have_class("presenter")
    large = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert large > normal * 1.2
    page.click(".cm-content")  # even with the editor focused, a clicker steps
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    expect(page.locator("#step-slider")).to_have_value("2")
    page.keyboard.press("PageUp")
    expect(page.locator("#step-slider")).to_have_value("1")
    screenshot(page, "presenter")


def test_several_backward_calls_get_a_picker(page: Page) -> None:
    page.goto("/")
    result = choose_example(page, "accumulation")
    x = ids_by_name(result)["x"]
    picker = page.locator("#pass-picker")
    expect(picker).to_be_visible()
    expect(picker.locator("option")).to_have_count(2)
    expect(picker).to_have_value("1")
    page.click("#step-last")
    assert grad_cell(page, x) == "8.0"  # 2x + 2x: the second call adds to .grad
    expect(page.locator("#step-description")).to_contain_text("x.grad: 4.0 → 8.0")
    picker.select_option("0")
    page.click("#step-last")
    assert grad_cell(page, x) == "4.0"  # after the first call: 2x at x = 2


def test_diamond_example_adds_both_paths(page: Page) -> None:
    page.goto("/")
    result = choose_example(page, "diamond")
    x = ids_by_name(result)["x"]
    page.click("#step-last")
    assert grad_cell(page, x) == "7.0"  # d(3x + x²)/dx = 3 + 2x at x = 2


def test_tablet_layout_and_zoom(page: Page, screenshot: Screenshots) -> None:
    page.set_viewport_size({"width": 768, "height": 1024})
    page.goto("/")
    run(page)
    editor = page.locator(".editor-panel").bounding_box()
    graph = page.locator(".graph-panel").bounding_box()
    assert editor and graph and graph["y"] >= editor["y"] + editor["height"]  # stacked
    before = page.locator("#graph svg").get_attribute("viewBox")
    page.click("#zoom-in")
    after = page.locator("#graph svg").get_attribute("viewBox")
    assert before and after
    assert float(after.split()[2]) < float(before.split()[2])
    page.click("#zoom-fit")
    assert page.locator("#graph svg").get_attribute("viewBox") == before
    screenshot(page, "tablet")


def test_switching_language_asks_again_for_the_hint(page: Page) -> None:
    page.goto("/")
    set_code(page, ERROR_PROGRAM)
    run(page)
    hint = page.locator("#error .error-hint")
    expect(hint).to_be_visible()
    english = hint.inner_text()
    with page.expect_response("**/api/run") as answer:
        page.click("#lang-switch")
    request_body = answer.value.request.post_data_json
    assert request_body is not None and request_body["lang"] == "zh"
    expect(hint).not_to_have_text(english)
    expect(hint).to_contain_text("提示")
    # PyTorch's message itself stays PyTorch's, in English
    expect(page.locator("#error .error-message")).to_contain_text("does not require grad")


def test_play_runs_to_the_last_step_and_stops(page: Page) -> None:
    page.goto("/")
    run(page)
    page.select_option("#step-speed", "4")
    page.click("#step-play")
    expect(page.locator("#step-play")).to_have_attribute("aria-pressed", "true")
    last = page.locator("#step-slider").get_attribute("max")
    expect(page.locator("#step-slider")).to_have_value(str(last), timeout=15_000)
    expect(page.locator("#step-play")).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#step-play")).to_have_text("Play")


def test_warnings_are_shown_with_their_line(page: Page) -> None:
    page.goto("/")
    set_code(
        page,
        "import torch\nfrom torch.autograd import Variable\n"
        "v = Variable(torch.ones(2), volatile=True)\nprint(v)\n",
    )
    run(page)
    warnings = page.locator("#warnings")
    expect(warnings).to_be_visible()
    expect(warnings).to_contain_text("UserWarning")
    expect(warnings).to_contain_text("Line 3")
    expect(warnings).to_contain_text("volatile was removed")
    expect(page.locator("#stdout")).to_have_text("tensor([1., 1.])\n")


def test_plain_code_fragment_from_a_lesson_opens_and_runs(page: Page) -> None:
    # lessons link here with /#code=<base64url(utf-8)> (app.lessons.playground_href)
    code = (
        "import torch\n# 中文注释\na = torch.tensor(3.0, requires_grad=True)\n"
        "b = a + a\nb.backward()\n"
    )
    encoded = base64.urlsafe_b64encode(code.encode()).decode().rstrip("=")
    with page.expect_response("**/api/run"):
        page.goto(f"/#code={encoded}")
    expect(page.locator(".cm-content")).to_contain_text("中文注释")
    expect(page.locator("#step-controls")).to_be_visible()
    assert editor_text(page).strip() == code.strip()


def test_graph_of_one_named_tensor(page: Page) -> None:
    page.goto("/")
    choose_example(page, "diamond")
    svg = page.locator("#graph svg")
    expect(svg).to_contain_text("PowBackward0")
    with page.expect_response("**/api/run") as answer:
        page.select_option("#graph-focus", "a")
    request_body = answer.value.request.post_data_json
    assert request_body is not None and request_body["focus"] == "a"
    # a = x * 3: its graph has the multiplication but not b = x ** 2
    expect(svg).to_contain_text("MulBackward0")
    expect(svg).not_to_contain_text("PowBackward0")
    expect(page.locator("#graph-focus")).to_have_value("a")
    # back to the default graph
    with page.expect_response("**/api/run"):
        page.select_option("#graph-focus", "")
    expect(svg).to_contain_text("PowBackward0")
