"""Hints in the learner's language that may accompany an error; the message stays PyTorch's.

Which hint an error gets is decided here; the texts are the `hint` domain of the catalogue
(app/i18n/catalogue.toml).
"""

from __future__ import annotations

from typing import Final

from app.i18n.catalogue import entries, text
from app.interpreter.errors import LimitExceeded, NotAllowed, ProgramError

# substrings of PyTorch's messages that a hint explains
_MESSAGE_HINTS: Final = (
    ("Trying to backward through the graph a second time", "backward_twice"),
    ("does not require grad and does not have a grad_fn", "no_grad_fn"),
    ("grad can be implicitly created only for scalar outputs", "scalar_outputs"),
    ("a leaf Variable that requires grad is being used in an in-place operation", "inplace_leaf"),
)


def hint_for(error: ProgramError, lang: str) -> str | None:
    """The hint for `error` in `lang` ("en" or "zh"), or None."""
    key = hint_key(error)
    if key is None or key not in entries()["hint"]:
        return None
    return hint_text(key, lang)


def hint_key(error: ProgramError) -> str | None:
    if isinstance(error, NotAllowed):
        return error.hint_key or "not_allowed"
    if isinstance(error, LimitExceeded):
        return "limit"
    if error.type_name == "SyntaxError":
        return "SyntaxError"
    for fragment, key in _MESSAGE_HINTS:
        if fragment in error.message:
            return key
    return None


def hint_text(key: str, lang: str) -> str:
    """The hint `key` in `lang`."""
    return text(f"hint.{key}", lang)
