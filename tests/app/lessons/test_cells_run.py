"""Every cell of every lesson, in both languages, through POST /api/run.

A cell raises no error unless it declares one (`expect-error=Type`), and then exactly that type;
a declared warning is emitted; and the transcript equals the lesson's ``output`` block, which
tools/lessons_check.py verified against real PyTorch 2.13 when the lesson was written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.config import Settings
from app.lessons import LANGUAGES, Cell, load_course
from app.main import create_app
from tests.app.conftest import TestClient

# The shipped limits (a lesson must run on a default install), without the rate limiter: the
# suite sends every cell from one address, which a classroom server would throttle.
LESSON_SETTINGS = Settings(workers=2, rate_limit_enabled=False)

CASES = [
    pytest.param(lang, lesson.slug, cell, id=f"{lang}-{lesson.slug}-{cell.index}")
    for lang in LANGUAGES
    for lesson in load_course(lang).lessons
    for cell in lesson.cells
]


def transcript(result: dict[str, Any]) -> str:
    """What the output block records: stdout, then ``Type: message`` if the run stopped."""
    text = str(result["stdout"])
    if result["error"] is not None:
        text += f"{result['error']['type']}: {result['error']['message']}\n"
    return text


@pytest.fixture(scope="module")
def lesson_api() -> Iterator[TestClient]:
    with TestClient(create_app(LESSON_SETTINGS)) as client:
        yield client


@pytest.fixture(scope="module")
def listings(lesson_api: TestClient) -> dict[str, list[dict[str, Any]]]:
    return {lang: lesson_api.get(f"/api/lessons?lang={lang}").json() for lang in LANGUAGES}


@pytest.mark.parametrize(("lang", "slug", "cell"), CASES)
def test_lesson_cell_runs_as_the_lesson_says(
    lesson_api: TestClient,
    listings: dict[str, list[dict[str, Any]]],
    lang: str,
    slug: str,
    cell: Cell,
) -> None:
    listed = next(item for item in listings[lang] if item["slug"] == slug)["cells"][cell.index]
    response = lesson_api.post("/api/run", json={"code": listed["code"], "lang": lang})
    assert response.status_code == 200
    result: dict[str, Any] = response.json()

    error = result["error"]
    assert (error["type"] if error else None) == listed["expect_error"], error
    if cell.expect_warning:
        assert cell.expect_warning in [w["category"] for w in result["warnings"]]
    if cell.output is not None:
        assert transcript(result) == cell.output
