"""HTML pages served with Jinja2: the playground at `/`, plus the shared page context and CSP."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from app.examples import EXAMPLES
from app.i18n.language import (
    LANG_COOKIE,
    THEME_COOKIE,
    all_strings,
    pick_language,
    pick_theme,
    strings,
)

ROOT: Final = Path(__file__).resolve().parents[2]
TEMPLATES_DIR: Final = ROOT / "templates"
STATIC_DIR: Final = ROOT / "static"

# Vendored front-end libraries, pinned; the version is part of the path so caches never mix them.
CODEMIRROR_VERSION: Final = "6.0.2"
KATEX_VERSION: Final = "0.19.1"

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
router = APIRouter()


def page_context(request: Request) -> dict[str, Any]:
    """What base.html needs on every page: language, theme, UI strings and vendor versions.

    Other page routes (the lessons) call this and add their own keys.
    """
    lang = pick_language(request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))
    return {
        "lang": lang,
        "html_lang": "zh-Hans" if lang == "zh" else "en",
        "theme": pick_theme(request.cookies.get(THEME_COOKIE)),
        "t": strings(lang),
        "ui_strings": all_strings(),
        "katex_version": KATEX_VERSION,
        "codemirror_version": CODEMIRROR_VERSION,
    }


def page_headers() -> dict[str, str]:
    """Headers of every HTML page: it varies with the language choice (the strict CSP and the
    other security headers come from app.middleware for every response)."""
    return {"Vary": "Accept-Language, Cookie"}


@router.api_route(
    "/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False
)
def get_playground(request: Request) -> HTMLResponse:
    """The playground: editor, transcript, graph, backward steps and the chain-rule ledger."""
    context = page_context(request)
    context["examples"] = [example.as_json() for example in EXAMPLES]
    return templates.TemplateResponse(request, "playground.html", context, headers=page_headers())
