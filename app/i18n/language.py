"""Choosing a request's language and theme, and the pages' UI strings in it.

The page is rendered in one language; the full table for both languages is also sent to the
browser (as a JSON data block), so switching language re-labels the page without a reload.
The strings themselves are the `ui` domain of the catalogue (app/i18n/catalogue.toml).
"""

from __future__ import annotations

from typing import Final

from app.i18n.catalogue import DEFAULT_LANGUAGE, LANGUAGES, Language, domain, language

LANG_COOKIE: Final = "lang"
THEME_COOKIE: Final = "theme"
THEMES: Final = ("light", "dark")


def pick_language(cookie: str | None, accept_language: str | None) -> Language:
    """The UI language: the remembered choice, else the browser's preference, else English."""
    if cookie in LANGUAGES:
        return language(cookie)
    for tag in _accept_language_order(accept_language or ""):
        primary = tag.split("-")[0].lower()
        if primary in LANGUAGES:
            return language(primary)
    return DEFAULT_LANGUAGE


def _accept_language_order(header: str) -> list[str]:
    """Language tags from an Accept-Language header, most preferred first (RFC 9110 q-values)."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        if not tag:
            continue
        quality = 1.0
        name, _, value = params.strip().partition("=")
        if name.strip() == "q":
            try:
                quality = float(value)
            except ValueError:
                quality = 0.0
        if quality > 0:
            weighted.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(weighted)]


def pick_theme(cookie: str | None) -> str | None:
    """The remembered theme, or None to follow the system's light/dark preference."""
    return cookie if cookie in THEMES else None


def strings(lang: str) -> dict[str, str]:
    """Every UI string in one language."""
    return domain("ui", lang)


def all_strings() -> dict[str, dict[str, str]]:
    """Every UI string in every language, for the browser's live language switch."""
    return {lang: strings(lang) for lang in LANGUAGES}
