"""The interpreter's exception hierarchy: how a program's failure is described to the learner.

```
ProgramError                  a failure the learner sees as {"type", "message", "line"}
├── NotAllowed                a construct the sandbox refuses before anything runs
├── LimitExceeded             a resource limit was reached (names the limit)
└── UserException             an exception the program raised: Python's or PyTorch's own
```
"""

from __future__ import annotations


class ProgramError(Exception):
    """A program's failure: an error type name, a message and the line it happened on."""

    type_name = "Error"

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def at_line(self, line: int | None) -> ProgramError:
        """Attach the line if none is known yet; returns self."""
        if self.line is None:
            self.line = line
        return self


class NotAllowed(ProgramError):
    """The program uses a construct, name or attribute the sandbox does not allow."""

    type_name = "NotAllowed"

    def __init__(self, message: str, line: int | None = None, *, hint_key: str = "") -> None:
        super().__init__(message, line)
        self.hint_key = hint_key

    def at_line(self, line: int | None) -> ProgramError:
        # refusals made while running learn their line here; the message names it too
        if self.line is None and line is not None:
            what, colon, why = self.message.partition(" is not allowed")
            self.message = f"{what} is not allowed (line {line}){why}" if colon else self.message
        return super().at_line(line)


class LimitExceeded(ProgramError):
    """A resource limit was reached: `<what> exceeded the limit of <n>`."""

    type_name = "LimitExceeded"

    def __init__(self, what: str, limit: int | float, unit: str = "", line: int | None = None):
        shown = f"{limit:g}" if isinstance(limit, float) else str(limit)
        super().__init__(f"{what} exceeded the limit of {shown}{unit}", line)
        self.what = what
        self.limit = limit


class UserException(ProgramError):
    """An exception raised while the program ran (a NameError, PyTorch's RuntimeError, …).

    `type_name` is the exception's class name and `message` its text, unchanged.
    """

    def __init__(self, error: BaseException, line: int | None = None) -> None:
        super().__init__(_exception_text(error), line)
        self.type_name = type(error).__name__
        self.error = error


def _exception_text(error: BaseException) -> str:
    # KeyError's str() is the repr of the key, exactly what Python prints after "KeyError: "
    return str(error)
