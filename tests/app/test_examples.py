"""The examples menu: the programs the brief asks for, both languages, and torch's own output."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from app.examples import EXAMPLES, example_by_slug
from app.worker.program import run_program

GOLDEN = Path(__file__).parent / "fixtures" / "examples_torch.json"
CJK = re.compile(r"[\u4e00-\u9fff]")


def golden() -> dict[str, Any]:
    cases: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))["examples"]
    return cases


def test_menu_has_at_least_twelve_distinct_examples() -> None:
    slugs = [example.slug for example in EXAMPLES]
    assert len(slugs) >= 12
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9-]+", slug) for slug in slugs)


def test_every_example_has_an_english_and_a_chinese_title() -> None:
    for example in EXAMPLES:
        assert example.title_en.strip() and not CJK.search(example.title_en), example.slug
        assert CJK.search(example.title_zh), example.slug
        assert example.title("zh") == example.title_zh
        assert example.title("en") == example.title_en


@pytest.mark.parametrize(
    "needle",
    [
        "Variable(",  # the article's Variable wrapping
        "x_variable * 2",  # the article's MulBackward0 example
        "y = w * x + b",  # the article's linear example
        "a + a",
        "retain_grad()",
        "torch.no_grad()",
        ".detach()",
        ".data",
        "backward(gradient=",
        "retain_graph=True",  # accumulation across backward() calls
        "for step in range(",  # a training loop
    ],
)
def test_the_topics_the_lessons_rely_on_are_in_the_menu(needle: str) -> None:
    assert any(needle in example.code for example in EXAMPLES), needle


def test_the_diamond_example_merges_two_paths() -> None:
    diamond = example_by_slug("diamond")
    assert diamond is not None
    assert "x * 3" in diamond.code and "x ** 2" in diamond.code and "a + b" in diamond.code


def test_golden_fixture_covers_every_example() -> None:
    assert set(golden()) == {example.slug for example in EXAMPLES}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.slug)
def test_example_prints_what_pytorch_prints(example: Any) -> None:
    expected = golden()[example.slug]
    result = run_program(example.code, "en")
    assert result["stdout"] == expected["stdout"]
    if expected["error"] is None:
        assert result["error"] is None
    else:
        assert result["error"] is not None
        assert result["error"]["type"] == expected["error"]["type"]
        assert result["error"]["message"] == expected["error"]["message"]
        assert result["error"]["line"] == expected["error"]["line"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.slug)
def test_example_gives_the_page_a_graph_to_draw(example: Any) -> None:
    result = run_program(example.code, "en")
    assert any(node["kind"] == "tensor" for node in result["graph"]["nodes"])
