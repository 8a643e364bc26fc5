"""The lesson pages and /api/lessons as served: language choice, navigation, escaping, shape."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest

from app.lessons import load_course

if TYPE_CHECKING:
    from conftest import PageClient


class Tags(HTMLParser):
    """Every start tag with its attributes, and the page's visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            found
            for name, found in self.tags
            if name == tag and all(found.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def test_index_lists_every_lesson_in_order(client: PageClient) -> None:
    response = client.get("/lessons", cookies={"lang": "en"})
    assert response.status_code == 200
    links = [
        a["href"]
        for a in parse(response.text).find("a")
        if str(a.get("href")).startswith("/lessons/") and a.get("id") != "continue-link"
    ]
    assert links == [f"/lessons/{lesson.slug}" for lesson in load_course("en").lessons]
    assert "<title>Lessons · Autograd Lab</title>" in response.text
    assert "Content-Security-Policy" in response.headers


def test_index_shows_the_glossary(client: PageClient) -> None:
    html = client.get("/lessons", cookies={"lang": "zh"}).text
    for term in ("叶子节点", "计算图", "反向传播", "梯度", "链式法则"):
        assert f"<dt>{term}</dt>" in html


def test_lesson_page_follows_the_language_cookie(client: PageClient) -> None:
    zh = client.get("/lessons/graph-and-gradient", cookies={"lang": "zh"})
    en = client.get("/lessons/graph-and-gradient", cookies={"lang": "en"})
    assert "<title>计算图与梯度 · Autograd 实验室</title>" in zh.text
    assert "<title>The graph and its gradient · Autograd Lab</title>" in en.text


def test_lesson_page_follows_accept_language_without_a_cookie(client: PageClient) -> None:
    chinese = {"Accept-Language": "zh-CN,zh;q=0.9"}
    html = client.get("/lessons/tensor-and-variable", headers=chinese).text
    assert '<html lang="zh-Hans"' in html
    assert "Tensor 与 Variable" in html


def test_lesson_page_reloads_on_language_switch(client: PageClient) -> None:
    html = client.get("/lessons/tensor-and-variable").text
    assert "<body data-reload-on-lang>" in html


def test_previous_and_next_links_walk_the_course(client: PageClient) -> None:
    slugs = [lesson.slug for lesson in load_course("en").lessons]
    first = parse(client.get(f"/lessons/{slugs[0]}").text)
    assert first.find("a", rel="prev") == []
    assert first.find("a", rel="next")[0]["href"] == f"/lessons/{slugs[1]}"
    middle = parse(client.get(f"/lessons/{slugs[5]}").text)
    assert middle.find("a", rel="prev")[0]["href"] == f"/lessons/{slugs[4]}"
    assert middle.find("a", rel="next")[0]["href"] == f"/lessons/{slugs[6]}"
    last = parse(client.get(f"/lessons/{slugs[-1]}").text)
    assert last.find("a", rel="next") == []


def test_every_cell_has_a_playground_link_and_every_question_a_form(client: PageClient) -> None:
    for lesson in load_course("en").lessons:
        page = parse(client.get(f"/lessons/{lesson.slug}", cookies={"lang": "en"}).text)
        opens = [a["href"] for a in page.find("a", **{"class": "cell-open"})]
        assert len(opens) == len(lesson.cells)
        assert all(str(href).startswith("/#code=") for href in opens)
        assert len(page.find("form", **{"class": "question"})) == len(lesson.questions)


def test_pages_carry_no_inline_script(client: PageClient) -> None:
    for path in ("/lessons", "/lessons/error-lab"):
        for attrs in parse(client.get(path).text).find("script"):
            assert attrs.get("src") or attrs.get("type") == "application/json", attrs


def test_formulas_are_sent_as_escaped_tex_for_katex(client: PageClient) -> None:
    html = client.get("/lessons/non-scalar-outputs", cookies={"lang": "en"}).text
    assert '<span class="math">A^\\top v</span>' in html
    assert "/static/vendor/katex-" in html


def test_unknown_lesson_is_404_with_the_course_index(client: PageClient) -> None:
    response = client.get("/lessons/<img src=x onerror=alert(1)>")
    assert response.status_code == 404
    assert "<img src=x" not in response.text
    assert "/lessons/tensor-and-variable" in response.text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_api_lists_every_lesson_with_its_cells(client: PageClient, lang: str) -> None:
    response = client.get(f"/api/lessons?lang={lang}")
    assert response.status_code == 200
    listing = response.json()
    course = load_course(lang)
    assert [item["slug"] for item in listing] == [lesson.slug for lesson in course.lessons]
    for item, lesson in zip(listing, course.lessons, strict=True):
        assert set(item) == {"slug", "title", "cells"}
        assert item["title"] == lesson.title
        assert item["cells"] == [
            {"code": cell.code, "expect_error": cell.expect_error} for cell in lesson.cells
        ]


def test_api_rejects_an_unknown_language(client: PageClient) -> None:
    assert client.get("/api/lessons?lang=fr").status_code == 422
