"""The one catalogue: every message in both languages, the same placeholders in each, and Chinese
that reads as Chinese (no English word left but the code and product names listed here)."""

from __future__ import annotations

import re
import string

import pytest

from app.i18n.catalogue import DOMAINS, LANGUAGES, domain, entries, text

# English a Chinese teacher would also write: product and program names, keys on the keyboard,
# PyTorch's own names (class, attribute and argument names, Python literals), a language's name.
ALLOWED_IN_ZH = frozenset(
    {
        "Autograd", "PyTorch", "Python", "JavaScript", "Graphviz", "English",
        "Ctrl+Enter", "Tab", "Home", "End", "PageDown", "PageUp",
        "Tensor", "Variable", "AccumulateGrad", "MulBackward0", "True",
        "torch", "math", "f-string", "data", "grad", "gradient",
    }
)  # fmt: skip
# Code in a message: placeholders, `code spans`, 《titles》 and identifiers (a_b, a.b, f(x)).
CODE = re.compile(r"\{[^}]*\}|`[^`]*`|《[^》]*》")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.+\-]*(?:\([^)]*\))?")

MESSAGES = [(name, key) for name in DOMAINS for key in sorted(entries()[name])]


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def english_words(zh: str) -> set[str]:
    words = set(WORD.findall(CODE.sub(" ", zh)))
    code = {w for w in words if "_" in w or "." in w or "(" in w or len(w) == 1}
    return words - code - ALLOWED_IN_ZH


def test_the_catalogue_has_every_domain_and_nothing_else() -> None:
    assert set(entries()) == set(DOMAINS)
    assert all(entries()[name] for name in DOMAINS)


@pytest.mark.parametrize(("name", "key"), MESSAGES)
def test_every_message_is_in_both_languages_with_the_same_placeholders(name: str, key: str) -> None:
    texts = entries()[name][key]
    assert set(texts) == set(LANGUAGES)
    assert all(isinstance(t, str) and t.strip() for t in texts.values())
    assert placeholders(texts["en"]) == placeholders(texts["zh"])


@pytest.mark.parametrize(("name", "key"), MESSAGES)
def test_the_chinese_leaves_no_english_word(name: str, key: str) -> None:
    assert english_words(entries()[name][key]["zh"]) == set()


def test_the_check_would_catch_a_forgotten_translation() -> None:
    assert english_words("Step {i} of {n}") == {"Step", "of"}
    assert english_words("第 {i} 步：`loss.backward()` 与 grad_fn") == set()


def test_messages_are_looked_up_by_id_with_placeholders_filled() -> None:
    assert text("ui.steps.position", "zh", i=2, n=5) == "第 2 步，共 5 步"
    assert text("ui.steps.position", "en", i=2, n=5) == "Step 2 of 5"
    assert text("ui.steps.position", "fr", i=2, n=5) == "Step 2 of 5"  # English otherwise
    assert domain("lessons", "zh")["cell.run"] == "在此运行"
    with pytest.raises(KeyError):
        text("hint.no-such-hint", "en")
