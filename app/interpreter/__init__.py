"""The sandbox: allow-list check, tree-walking evaluator, façades over the engine, budgets.

See `docs/architecture.md` for how it fits with the trace and the worker pool.
"""

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
