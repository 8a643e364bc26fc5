"""The course in one language: its lessons in order, and its glossary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from markdown_it import MarkdownIt

from app.lessons.document import Lesson, LessonFormatError, parse_lesson

CONTENT_DIR: Final = Path(__file__).resolve().parent / "content"
LANGUAGES: Final = ("en", "zh")
GLOSSARY_FILE: Final = "glossary.md"


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A term learners can hover: its id (the same in every language), the term and its meaning."""

    id: str
    term: str
    definition: str


@dataclass(frozen=True, slots=True)
class Course:
    """Every lesson of one language, in order, plus the glossary."""

    lang: str
    lessons: tuple[Lesson, ...]
    glossary: dict[str, GlossaryEntry]

    def find(self, slug: str) -> Lesson | None:
        """The lesson with this slug, or None."""
        return next((lesson for lesson in self.lessons if lesson.slug == slug), None)

    def neighbours(self, lesson: Lesson) -> tuple[Lesson | None, Lesson | None]:
        """The previous and next lessons (None at either end)."""
        position = self.lessons.index(lesson)
        previous = self.lessons[position - 1] if position > 0 else None
        following = self.lessons[position + 1] if position + 1 < len(self.lessons) else None
        return previous, following


def parse_glossary(path: Path) -> dict[str, GlossaryEntry]:
    """A Markdown table ``| id | term | definition |`` (header row and ``|---|`` row skipped)."""
    entries: dict[str, GlossaryEntry] = {}
    rows = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        if not row.startswith("|"):
            continue
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        if len(cells) != 3:
            raise LessonFormatError(f"{path}: glossary rows have 3 columns: {row!r}")
        term_id, term, definition = cells
        if term_id == "id" or set(term_id) <= set("-: "):
            continue
        if term_id in entries:
            raise LessonFormatError(f"{path}: glossary id {term_id!r} appears twice")
        entries[term_id] = GlossaryEntry(term_id, term, definition)
    return entries


def markdown_parser() -> MarkdownIt:
    """CommonMark plus tables; raw HTML in content is never passed through."""
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


@cache
def load_course(lang: str) -> Course:
    """Parse every lesson of `lang` once per process (content ships with the code)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no lessons in language {lang!r}")
    directory = CONTENT_DIR / lang
    parser = markdown_parser()
    lessons = tuple(
        parse_lesson(path, parser) for path in sorted(directory.glob("[0-9][0-9]-*.md"))
    )
    numbers = [lesson.number for lesson in lessons]
    if numbers != list(range(1, len(lessons) + 1)):
        raise LessonFormatError(f"{directory}: lessons must be numbered 01, 02, … without gaps")
    return Course(lang, lessons, parse_glossary(directory / GLOSSARY_FILE))
