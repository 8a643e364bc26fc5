"""The playground page as served: language and theme choice, CSP-safe markup, assets, strings."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n.language import all_strings

if TYPE_CHECKING:
    from conftest import PageClient
from app.routes.pages import CODEMIRROR_VERSION, KATEX_VERSION, STATIC_DIR, TEMPLATES_DIR

JS_DIR = STATIC_DIR / "js"


class _Markup(HTMLParser):
    """Collects the tags and attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_bodies: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self.script_bodies.append((self._in_script, data))


def parse(html: str) -> _Markup:
    markup = _Markup()
    markup.feed(html)
    return markup


def test_chinese_browser_gets_chinese_page(client: PageClient) -> None:
    response = client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"})
    assert response.status_code == 200
    assert '<html lang="zh-Hans"' in response.text
    assert "运行" in response.text
    assert "Accept-Language" in response.headers["vary"]


def test_english_preferred_over_lower_weighted_chinese(client: PageClient) -> None:
    response = client.get("/", headers={"Accept-Language": "fr-FR, en;q=0.8, zh;q=0.5"})
    assert '<html lang="en"' in response.text


def test_chinese_with_higher_weight_wins_even_when_listed_later(client: PageClient) -> None:
    response = client.get("/", headers={"Accept-Language": "en;q=0.3, zh-TW;q=0.9"})
    assert '<html lang="zh-Hans"' in response.text


def test_language_cookie_overrides_browser_preference(client: PageClient) -> None:
    response = client.get("/", headers={"Accept-Language": "zh-CN"}, cookies={"lang": "en"})
    assert '<html lang="en"' in response.text


def test_unknown_language_falls_back_to_english(client: PageClient) -> None:
    response = client.get("/", headers={"Accept-Language": "de;q=1, ;q=oops, *"})
    assert '<html lang="en"' in response.text


def test_remembered_dark_theme_is_rendered_by_the_server(client: PageClient) -> None:
    html = client.get("/", cookies={"theme": "dark"}).text
    assert 'data-theme="dark"' in html


def test_forged_theme_cookie_is_ignored(client: PageClient) -> None:
    html = client.get("/", cookies={"theme": "x><script>alert(1)</script>"}).text
    assert "data-theme" not in html
    assert "alert(1)" not in html


def test_page_is_served_with_a_strict_content_security_policy(client: PageClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if " " in d.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_page_has_no_inline_script_style_or_handlers(client: PageClient) -> None:
    markup = parse(client.get("/").text)
    for tag, attrs in markup.tags:
        assert "style" not in attrs, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            # executable scripts come from /static; only JSON data blocks are inline
            assert attrs.get("src", "").startswith("/static/") or (  # type: ignore[union-attr]
                attrs.get("type") == "application/json"
            ), attrs
        assert tag != "style"
    for attrs, body in markup.script_bodies:
        assert attrs.get("type") == "application/json"
        json.loads(body)


def test_every_static_asset_the_page_references_is_served(client: PageClient) -> None:
    markup = parse(client.get("/").text)
    urls = {
        attrs.get("src") or attrs.get("href")
        for tag, attrs in markup.tags
        if tag in ("script", "link")
    }
    static = sorted(u for u in urls if u and u.startswith("/static/"))
    assert any(f"katex-{KATEX_VERSION}/katex.min.js" in u for u in static)
    assert any(f"codemirror-{CODEMIRROR_VERSION}.js" in u for u in static)
    for url in static:
        assert client.get(url).status_code == 200, url


def test_javascript_modules_import_only_files_that_exist() -> None:
    pattern = re.compile(r"""(?:import|from)\s*(?:[\w{}\s,*]*from\s*)?["'](\.{1,2}/[^"']+)["']""")
    for module in sorted(JS_DIR.glob("*.js")):
        for target in pattern.findall(module.read_text(encoding="utf-8")):
            assert (module.parent / target).resolve().is_file(), f"{module.name} imports {target}"


def test_no_javascript_inserts_html_strings() -> None:
    for module in sorted(JS_DIR.glob("*.js")):
        text = module.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, f"{module.name} uses {sink}"


def test_vendored_katex_fonts_referenced_by_its_css_exist() -> None:
    katex = STATIC_DIR / "vendor" / f"katex-{KATEX_VERSION}"
    css = (katex / "katex.min.css").read_text(encoding="utf-8")
    woff2 = set(re.findall(r"url\((fonts/[\w-]+\.woff2)\)", css))
    assert len(woff2) > 10
    for font in woff2:
        assert (katex / font).is_file(), font


def _keys_used_in_templates() -> set[str]:
    keys: set[str] = set()
    for template in TEMPLATES_DIR.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        keys |= set(re.findall(r'data-i18n="([\w.]+)"', text))
        keys |= set(re.findall(r"""t\[["']([\w.]+)["']\]""", text))
        for pairs in re.findall(r'data-i18n-attr="([^"]+)"', text):
            keys |= {pair.split(":")[1] for pair in pairs.split(";") if "{" not in pair}
    return {key for key in keys if "." in key}  # drops the placeholders in base.html's comment


def _keys_used_in_javascript() -> set[str]:
    keys: set[str] = set()
    for module in JS_DIR.glob("*.js"):
        keys |= set(re.findall(r"""\bt\(\s*["']([\w.]+)["']""", module.read_text(encoding="utf-8")))
    return keys


def test_every_ui_string_the_page_uses_exists_in_both_languages() -> None:
    tables = all_strings()
    used = _keys_used_in_templates() | _keys_used_in_javascript()
    assert len(used) > 40
    for lang, table in tables.items():
        missing = sorted(used - table.keys())
        assert not missing, f"{lang} lacks {missing}"
        assert all(text.strip() for text in table.values()), lang


def test_chinese_strings_are_translated() -> None:
    tables = all_strings()
    cjk = re.compile(r"[\u4e00-\u9fff]")
    translated = [key for key, text in tables["zh"].items() if cjk.search(text)]
    assert len(translated) > 0.8 * len(tables["zh"])


def test_placeholders_match_between_languages() -> None:
    tables = all_strings()
    for key, english in tables["en"].items():
        assert set(re.findall(r"\{\w+\}", english)) == set(
            re.findall(r"\{\w+\}", tables["zh"][key])
        ), key


def test_templates_document_the_blocks_lesson_pages_extend() -> None:
    base = (TEMPLATES_DIR / "base.html").read_text(encoding="utf-8")
    for block in ("title", "head", "content", "scripts"):
        assert f"{{% block {block} %}}" in base
        assert re.search(rf"^\s+{block}\s+–", base, re.MULTILINE), f"block {block} undocumented"


def test_editor_module_imports_the_pinned_codemirror_bundle() -> None:
    editor = (JS_DIR / "editor.js").read_text(encoding="utf-8")
    assert f"../vendor/codemirror-{CODEMIRROR_VERSION}.js" in editor
    lock = json.loads(
        (
            Path(__file__).resolve().parents[3] / "tools/vendor/codemirror/package-lock.json"
        ).read_text(encoding="utf-8")
    )
    assert lock["packages"]["node_modules/codemirror"]["version"] == CODEMIRROR_VERSION


def test_navigation_marks_the_current_page(client: PageClient) -> None:
    markup = parse(client.get("/").text)
    current = [
        attrs.get("href") for tag, attrs in markup.tags if attrs.get("aria-current") == "page"
    ]
    assert current == ["/"]
