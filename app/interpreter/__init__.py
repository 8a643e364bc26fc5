"""The sandbox: an allow-list check of the parsed program, then a tree-walking evaluator over
façades of engine objects, within a budget (see `docs/architecture.md`)."""

from app.interpreter.errors import LimitExceeded, NotAllowed, ProgramError, UserException
from app.interpreter.evaluator import Evaluator
from app.interpreter.policy import parse_program

__all__ = [
    "Evaluator",
    "LimitExceeded",
    "NotAllowed",
    "ProgramError",
    "UserException",
    "parse_program",
]
