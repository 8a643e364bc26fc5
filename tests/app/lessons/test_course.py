"""The course content: both languages teach the same lessons, cells and questions."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from app.lessons import LANGUAGES, Lesson, LessonFormatError, load_course, playground_href
from app.lessons.course import CONTENT_DIR, markdown_parser, parse_glossary
from app.lessons.document import parse_lesson
from app.lessons.labels import cell_labels
from app.lessons.markup import LessonRenderer

EN = load_course("en")
ZH = load_course("zh")
PAIRS = list(zip(EN.lessons, ZH.lessons, strict=True))
# The interpreter's language (issue 3): these imports and nothing else.
ALLOWED_IMPORTS = {
    "import torch",
    "import torch.nn.functional as F",
    "from torch.autograd import Variable",
    "import math",
}
REFUSED_CONSTRUCTS = re.compile(r"^\s*(try|except|class|raise|async|global|nonlocal)\b|\blambda\b")


def test_twelve_lessons_with_the_same_slugs_in_both_languages() -> None:
    assert len(EN.lessons) == 12
    assert [lesson.slug for lesson in EN.lessons] == [lesson.slug for lesson in ZH.lessons]


@pytest.mark.parametrize(("en", "zh"), PAIRS, ids=[en.slug for en, _ in PAIRS])
def test_both_languages_run_identical_cells(en: Lesson, zh: Lesson) -> None:
    assert [cell.code for cell in en.cells] == [cell.code for cell in zh.cells]
    assert [cell.expect_error for cell in en.cells] == [cell.expect_error for cell in zh.cells]
    assert [cell.expect_warning for cell in en.cells] == [cell.expect_warning for cell in zh.cells]
    assert [cell.output for cell in en.cells] == [cell.output for cell in zh.cells]


@pytest.mark.parametrize(("en", "zh"), PAIRS, ids=[en.slug for en, _ in PAIRS])
def test_both_languages_ask_the_same_questions(en: Lesson, zh: Lesson) -> None:
    assert len(en.questions) == len(zh.questions) >= 2
    assert [len(q.options) for q in en.questions] == [len(q.options) for q in zh.questions]
    assert [q.answer for q in en.questions] == [q.answer for q in zh.questions]


@pytest.mark.parametrize(("en", "zh"), PAIRS, ids=[en.slug for en, _ in PAIRS])
def test_the_chinese_lesson_is_written_in_chinese(en: Lesson, zh: Lesson) -> None:
    tokens = markdown_parser().parse(zh.body)
    prose = "".join(token.content for token in tokens if token.type == "inline")
    han = len(re.findall(r"[\u4e00-\u9fff]", prose))
    assert han > 200, f"{zh.slug}: only {han} Chinese characters of prose"
    assert zh.title != en.title or zh.slug == "tensor-and-variable"


def test_every_lesson_has_runnable_cells_with_recorded_output() -> None:
    for lesson in EN.lessons:
        assert len(lesson.cells) >= 2, lesson.slug
        assert all(cell.output is not None for cell in lesson.cells), lesson.slug


@pytest.mark.parametrize("lesson", EN.lessons, ids=[lesson.slug for lesson in EN.lessons])
def test_cells_stay_inside_the_interpreters_language(lesson: Lesson) -> None:
    for cell in lesson.cells:
        for line in cell.code.splitlines():
            if line.startswith(("import ", "from ")):
                assert line in ALLOWED_IMPORTS, f"{lesson.slug}: {line}"
            assert not REFUSED_CONSTRUCTS.search(line), f"{lesson.slug}: {line}"


def test_uninitialised_memory_is_never_shown_as_expected_output() -> None:
    first = EN.find("tensor-and-variable")
    assert first is not None
    cell = next(c for c in first.cells if "torch.Tensor(3, 4)" in c.code)
    # Only facts that do not depend on the memory's contents may be printed.
    assert cell.output == "torch.Size([3, 4])\ntorch.float32\n12\n"
    assert "-12170.8672" in first.body  # the article's odd values are explained in prose


def test_glossaries_define_the_same_terms() -> None:
    assert EN.glossary.keys() == ZH.glossary.keys()
    for key in ("leaf", "computational-graph", "backpropagation", "gradient", "chain-rule"):
        assert key in EN.glossary
    assert ZH.glossary["leaf"].term == "叶子节点"
    assert ZH.glossary["computational-graph"].term == "计算图"
    assert ZH.glossary["backpropagation"].term == "反向传播"
    assert ZH.glossary["gradient"].term == "梯度"
    assert ZH.glossary["chain-rule"].term == "链式法则"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lesson_renders_and_uses_only_known_terms(lang: str) -> None:
    course = load_course(lang)
    renderer = LessonRenderer(course.glossary, cell_labels(lang))
    for lesson in course.lessons:
        html, terms = renderer.render(lesson.body, lesson.slug)
        assert html.count('<figure class="cell"') == len(lesson.cells)
        assert html.count('<form class="question"') == len(lesson.questions)
        assert set(terms) <= course.glossary.keys()


def test_open_in_playground_link_carries_the_code_in_the_fragment() -> None:
    code = "import torch\nx = torch.tensor([1.0], requires_grad=True)  # 梯度\n"
    href = playground_href(code)
    assert href.startswith("/#code=")
    encoded = href.removeprefix("/#code=")
    assert re.fullmatch(r"[A-Za-z0-9_-]+", encoded)
    assert base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode() == code


def _renderer() -> LessonRenderer:
    return LessonRenderer(EN.glossary, cell_labels("en"))


def test_raw_html_in_content_is_escaped_not_passed_through() -> None:
    html, _ = _renderer().render(
        '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\nText $<b>x</b>$ end\n'
        "\n```python\nprint('<i>')\n```\n",
        "test",
    )
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<span class="math">&lt;b&gt;x&lt;/b&gt;</span>' in html
    assert "print(&#x27;&lt;i&gt;&#x27;)" in html or "print('&lt;i&gt;')" in html


def test_javascript_links_in_content_are_not_rendered_as_links() -> None:
    html, _ = _renderer().render("[click](javascript:alert(1))\n", "test")
    assert "href" not in html


def test_glossary_term_becomes_a_focusable_tooltip() -> None:
    html, terms = _renderer().render("A [[leaf|leaves]] and a [[gradient]].\n", "test")
    assert terms == ("leaf", "gradient")
    assert 'tabindex="0"' in html and 'aria-describedby="def-leaf"' in html
    assert ">leaves</dfn>" in html and ">gradient</dfn>" in html
    assert f'data-tip="leaf: {EN.glossary["leaf"].definition}"' in html


def test_unknown_glossary_term_is_refused() -> None:
    with pytest.raises(LessonFormatError, match="unknown glossary term 'nonsense'"):
        _renderer().render("A [[nonsense]] term.\n", "test")


def test_display_math_spanning_lines_is_kept_whole() -> None:
    html, _ = _renderer().render("$$\na_1 * b_2\n= c\n$$\n\nafter\n", "test")
    assert '<div class="math math-display">a_1 * b_2\n= c</div>' in html
    assert "<em>" not in html


def _lesson_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "01-demo.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_question_needs_exactly_one_correct_option(tmp_path: Path) -> None:
    path = _lesson_file(
        tmp_path,
        "---\ntitle: T\nslug: demo\nsummary: S\n---\n\n```question\nQ?\n- [x] a\n- [x] b\n"
        "===\nWhy.\n```\n",
    )
    with pytest.raises(LessonFormatError, match="exactly one"):
        parse_lesson(path, markdown_parser())


def test_cell_declarations_are_parsed(tmp_path: Path) -> None:
    path = _lesson_file(
        tmp_path,
        "---\ntitle: T\nslug: demo\nsummary: S\n---\n\n```python expect-error=RuntimeError\n"
        "x = 1\n```\n\n```output\nRuntimeError: boom\n```\n\n```python expect-warning=UserWarning\n"
        "y = 2\n```\n",
    )
    lesson = parse_lesson(path, markdown_parser())
    assert [(c.expect_error, c.expect_warning, c.output) for c in lesson.cells] == [
        ("RuntimeError", None, "RuntimeError: boom\n"),
        (None, "UserWarning", None),
    ]


def test_front_matter_slug_must_match_the_file_name(tmp_path: Path) -> None:
    path = _lesson_file(tmp_path, "---\ntitle: T\nslug: other\nsummary: S\n---\nbody\n")
    with pytest.raises(LessonFormatError, match="differs from the file name"):
        parse_lesson(path, markdown_parser())


def test_glossary_files_parse_as_tables() -> None:
    for lang in LANGUAGES:
        entries = parse_glossary(CONTENT_DIR / lang / "glossary.md")
        assert len(entries) >= 15
        assert all(entry.definition for entry in entries.values())
