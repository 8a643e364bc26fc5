"""The lessons' own UI words in the learner's language: the `lessons` domain of the catalogue
(app/i18n/catalogue.toml), and the labels the Markdown renderer puts around cells."""

from __future__ import annotations

from app.i18n.catalogue import domain
from app.lessons.markup import Labels


def lesson_strings(lang: str) -> dict[str, str]:
    """Every lesson UI string in one language."""
    return domain("lessons", lang)


def cell_labels(lang: str) -> Labels:
    """The words the Markdown renderer puts around cells and questions."""
    s = lesson_strings(lang)
    return Labels(
        run=s["cell.run"],
        open_in_playground=s["cell.open"],
        expected_output=s["cell.expected"],
        raises=s["cell.raises"],
        warns=s["cell.warns"],
        check=s["question.check"],
        reveal=s["question.reveal"],
        answer=s["question.answer"],
        cell=s["cell.name"],
    )
