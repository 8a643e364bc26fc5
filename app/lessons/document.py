"""One lesson file: front matter, code cells and predict-then-reveal questions.

A lesson is Markdown with a small front matter block (``key: value`` lines between ``---``
fences). Fenced blocks carry the interactive parts, named by the fence's info string:

``python``                      a runnable cell (every cell must run in the playground)
``python expect-error=TypeName`` a cell that demonstrates an error and must raise exactly that
``python expect-warning=Name``  a cell that must emit that warning category
``output``                      what PyTorch 2.13 prints for the cell just above (stdout, then
                                ``Type: message`` for a declared error), checked against torch
``question``                    a question: prompt lines, then ``- [ ]`` / ``- [x]`` options
                                (exactly one ``[x]``), then a ``===`` line and the explanation
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from markdown_it import MarkdownIt
from markdown_it.token import Token

FRONT_MATTER_KEYS: Final = ("title", "slug", "summary")
_QUESTION_SEPARATOR: Final = "==="


class LessonFormatError(ValueError):
    """A content file that does not follow the lesson format (raised at load time, never later)."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A runnable code cell and what it declares about its run."""

    index: int
    code: str
    expect_error: str | None
    expect_warning: str | None
    output: str | None  # the ``output`` block that follows it, if any


@dataclass(frozen=True, slots=True)
class Option:
    """One answer to a question (Markdown inline text)."""

    text: str
    correct: bool


@dataclass(frozen=True, slots=True)
class Question:
    """A predict-then-reveal question: the learner commits to an answer before seeing it."""

    index: int
    prompt: str
    options: tuple[Option, ...]
    explanation: str

    @property
    def answer(self) -> int:
        """Index of the correct option."""
        return next(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True, slots=True)
class Lesson:
    """A parsed lesson file in one language."""

    number: int
    slug: str
    title: str
    summary: str
    body: str  # Markdown without the front matter
    cells: tuple[Cell, ...]
    questions: tuple[Question, ...]
    path: Path


def split_front_matter(text: str, path: Path) -> tuple[dict[str, str], str]:
    """The ``key: value`` pairs of the front matter, and the Markdown after it."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise LessonFormatError(f"{path}: the file must start with a '---' front matter fence")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise LessonFormatError(f"{path}: the front matter has no closing '---'") from None
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise LessonFormatError(f"{path}: front matter line without ':': {line!r}")
        fields[key.strip()] = value.strip()
    missing = [key for key in FRONT_MATTER_KEYS if not fields.get(key)]
    if missing:
        raise LessonFormatError(f"{path}: front matter misses {', '.join(missing)}")
    return fields, "\n".join(lines[end + 1 :]) + "\n"


def fence_kind(info: str) -> tuple[str, dict[str, str]]:
    """The fence's language word and its ``key=value`` attributes."""
    words = info.split()
    if not words:
        return "", {}
    attributes: dict[str, str] = {}
    for word in words[1:]:
        key, _, value = word.partition("=")
        attributes[key] = value
    return words[0], attributes


def parse_question(content: str, index: int, where: str) -> Question:
    """A ``question`` fence's body: prompt, ``- [ ]``/``- [x]`` options, ``===``, explanation."""
    prompt: list[str] = []
    options: list[Option] = []
    explanation: list[str] = []
    part = "prompt"
    for line in content.splitlines():
        stripped = line.strip()
        if part != "explanation" and stripped == _QUESTION_SEPARATOR:
            part = "explanation"
        elif part != "explanation" and stripped.startswith(("- [ ]", "- [x]", "- [X]")):
            part = "options"
            options.append(Option(stripped[5:].strip(), stripped[3] in "xX"))
        elif part == "prompt":
            prompt.append(line)
        elif part == "options" and stripped:
            raise LessonFormatError(f"{where}: question {index}: text between options: {line!r}")
        elif part == "explanation":
            explanation.append(line)
    if len(options) < 2 or sum(option.correct for option in options) != 1:
        raise LessonFormatError(f"{where}: question {index} needs 2+ options, exactly one [x]")
    if not "".join(prompt).strip() or not "".join(explanation).strip():
        raise LessonFormatError(f"{where}: question {index} needs a prompt and an explanation")
    return Question(
        index, "\n".join(prompt).strip(), tuple(options), "\n".join(explanation).strip()
    )


def _cells_and_questions(
    tokens: list[Token], where: str
) -> tuple[tuple[Cell, ...], tuple[Question, ...]]:
    cells: list[Cell] = []
    questions: list[Question] = []
    for token in tokens:
        if token.type != "fence":
            continue
        kind, attributes = fence_kind(token.info)
        if kind == "python":
            unknown = set(attributes) - {"expect-error", "expect-warning"}
            if unknown:
                raise LessonFormatError(f"{where}: unknown cell attribute(s) {sorted(unknown)}")
            cells.append(
                Cell(
                    index=len(cells),
                    code=token.content,
                    expect_error=attributes.get("expect-error") or None,
                    expect_warning=attributes.get("expect-warning") or None,
                    output=None,
                )
            )
        elif kind == "output":
            if not cells or cells[-1].output is not None:
                raise LessonFormatError(f"{where}: an output block must follow a python cell")
            last = cells[-1]
            cells[-1] = Cell(
                last.index, last.code, last.expect_error, last.expect_warning, token.content
            )
        elif kind == "question":
            questions.append(parse_question(token.content, len(questions), where))
    return tuple(cells), tuple(questions)


def parse_lesson(path: Path, parser: MarkdownIt) -> Lesson:
    """Read and check one ``NN-slug.md`` content file."""
    number_text, _, file_slug = path.stem.partition("-")
    if not number_text.isdigit():
        raise LessonFormatError(f"{path}: lesson files are named NN-slug.md")
    fields, body = split_front_matter(path.read_text(encoding="utf-8"), path)
    if fields["slug"] != file_slug:
        raise LessonFormatError(f"{path}: slug {fields['slug']!r} differs from the file name")
    cells, questions = _cells_and_questions(parser.parse(body), str(path))
    return Lesson(
        number=int(number_text),
        slug=fields["slug"],
        title=fields["title"],
        summary=fields["summary"],
        body=body,
        cells=cells,
        questions=questions,
        path=path,
    )
