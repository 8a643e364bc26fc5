"""The bilingual course: lesson files parsed, rendered to HTML once, and listed for the API."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from app.lessons.course import LANGUAGES, Course, GlossaryEntry, load_course
from app.lessons.document import Cell, Lesson, LessonFormatError, Question
from app.lessons.labels import cell_labels, lesson_strings
from app.lessons.markup import LessonRenderer, playground_href

__all__ = [
    "LANGUAGES",
    "Cell",
    "Course",
    "GlossaryEntry",
    "Lesson",
    "LessonFormatError",
    "Question",
    "RenderedLesson",
    "api_listing",
    "lesson_strings",
    "load_course",
    "playground_href",
    "rendered_lesson",
]


@dataclass(frozen=True, slots=True)
class RenderedLesson:
    """A lesson ready for its page: HTML body, glossary terms used, neighbours."""

    lesson: Lesson
    html: str
    terms: tuple[GlossaryEntry, ...]
    previous: Lesson | None
    next: Lesson | None
    position: int  # 1-based
    total: int


@cache
def _renderer(lang: str) -> LessonRenderer:
    return LessonRenderer(load_course(lang).glossary, cell_labels(lang))


def rendered_lesson(lang: str, slug: str) -> RenderedLesson | None:
    """The lesson `slug` in `lang`, rendered once per process; None if there is no such lesson."""
    # Checked before the cache, so that arbitrary slugs from URLs never fill it.
    if load_course(lang).find(slug) is None:
        return None
    return _render(lang, slug)


@cache
def _render(lang: str, slug: str) -> RenderedLesson:
    course = load_course(lang)
    lesson = course.find(slug)
    assert lesson is not None
    html, term_ids = _renderer(lang).render(lesson.body, str(lesson.path))
    previous, following = course.neighbours(lesson)
    return RenderedLesson(
        lesson=lesson,
        html=html,
        terms=tuple(course.glossary[term_id] for term_id in term_ids),
        previous=previous,
        next=following,
        position=course.lessons.index(lesson) + 1,
        total=len(course.lessons),
    )


def api_listing(lang: str) -> list[dict[str, Any]]:
    """``[{"slug", "title", "cells": [{"code", "expect_error"}]}]`` for tools and tests."""
    return [
        {
            "slug": lesson.slug,
            "title": lesson.title,
            "cells": [
                {"code": cell.code, "expect_error": cell.expect_error} for cell in lesson.cells
            ],
        }
        for lesson in load_course(lang).lessons
    ]
