"""The one catalogue of UI and message strings (catalogue.toml), looked up by message id.

A message id is `<domain>.<key>` (`hint.timeout`, `ui.graph.heading`); every entry has its
English and Simplified Chinese text. `text` gives one message in a language with its `{name}`
placeholders filled; `domain` gives every message of a domain in a language (the pages' table,
the lessons' table). A language other than "zh" gets English.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Final, Literal

Language = Literal["en", "zh"]
LANGUAGES: Final[tuple[Language, ...]] = ("en", "zh")
DEFAULT_LANGUAGE: Final[Language] = "en"
DOMAINS: Final = ("ui", "lessons", "hint", "render", "example")
CATALOGUE_FILE: Final = Path(__file__).with_name("catalogue.toml")


@cache
def entries() -> dict[str, dict[str, dict[str, str]]]:
    """domain -> key -> language -> text, as the file has it (read once)."""
    with CATALOGUE_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return {name: data.get(name, {}) for name in DOMAINS}


def language(lang: str) -> Language:
    """`lang` when the catalogue has it, else the default."""
    return "zh" if lang == "zh" else DEFAULT_LANGUAGE


def text(message_id: str, lang: str, **params: object) -> str:
    """The message in `lang`, placeholders filled; KeyError for an id the catalogue lacks."""
    name, _, key = message_id.partition(".")
    template = entries()[name][key][language(lang)]
    return template.format(**params) if params else template


@cache
def domain(name: str, lang: str) -> dict[str, str]:
    """Every message of a domain in `lang`, by key (placeholders left for the caller)."""
    chosen = language(lang)
    return {key: texts[chosen] for key, texts in entries()[name].items()}
