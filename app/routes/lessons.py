"""The lesson pages (/lessons, /lessons/{slug}) and the lesson listing API (/api/lessons)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from app.lessons import api_listing, lesson_strings, load_course, rendered_lesson
from app.routes.pages import page_context, page_headers, templates

router = APIRouter()


def _lesson_context(request: Request) -> dict[str, Any]:
    context = page_context(request)
    course = load_course(context["lang"])
    context["ls"] = lesson_strings(context["lang"])
    context["lessons"] = course.lessons
    return context


def _index_page(request: Request, status_code: int = 200) -> HTMLResponse:
    context = _lesson_context(request)
    context["glossary"] = list(load_course(context["lang"]).glossary.values())
    return templates.TemplateResponse(
        request, "lessons.html", context, status_code=status_code, headers=page_headers()
    )


@router.get("/lessons", response_class=HTMLResponse, include_in_schema=False)
def get_lessons(request: Request) -> HTMLResponse:
    """Every lesson with its summary and the learner's progress, plus the glossary."""
    return _index_page(request)


@router.get("/lessons/{slug}", response_class=HTMLResponse, include_in_schema=False)
def get_lesson(request: Request, slug: str) -> HTMLResponse:
    """One lesson in the request's language: prose, formulas, runnable cells, questions."""
    context = _lesson_context(request)
    rendered = rendered_lesson(context["lang"], slug)
    if rendered is None:  # a mistyped or outdated link: show the course index instead
        return _index_page(request, status_code=404)
    context["page"] = rendered
    return templates.TemplateResponse(request, "lesson.html", context, headers=page_headers())


@router.get("/api/lessons")
def list_lessons(
    lang: Literal["en", "zh"] = Query("en", description="The lessons' language."),
) -> list[dict[str, Any]]:
    """Every lesson's slug, title and code cells, so tools and tests can run each cell."""
    return api_listing(lang)
