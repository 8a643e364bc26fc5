"""What goes over a worker's pipe: jobs and answers as JSON bytes, never pickles, size-capped.

The API process must not trust what a worker sends: a worker runs user code, and unpickling its
answer would run whatever a crafted pickle asks for. So a worker answers with the JSON of its
`RunResult` (`encode_answer`), and the API reads it with `receive_answer`: the pipe's framing
announces the length first, and a message longer than `Settings.max_answer_bytes` is refused
after reading only that header (`Connection.recv_bytes(maxlength)`); bytes that are not the JSON
of a result are refused too. Either way the worker is not trusted again (the pool replaces it).

An honest worker checks its own answer against the same cap first and, when the program's
output, graph and steps would not fit, sends the program's transcript with a LimitExceeded
error instead, so the learner learns which limit was hit.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Final, Literal, cast

from app.contract import RunResult, failed_run
from app.interpreter.errors import LimitExceeded
from app.interpreter.hints import hint_text
from app.wire import json_text

# What a worker sends once it has limited itself and may be given programs.
READY: Final = b"ready"
# What the API sends to tell a worker to exit.
STOP: Final = b"null"
_RESULT_KEYS: Final = frozenset(RunResult.__required_keys__)
_TOP_LEVEL_TYPES: Final = {
    "stdout": (str,),
    "error": (dict, type(None)),
    "warnings": (list,),
    "graph": (dict,),
    "backward": (list,),
}


# Validates every field of a decoded answer, raising if one is wrong (the HTTP edge's model).
AnswerCheck = Callable[[RunResult], object]


class AnswerRefused(Exception):
    """A worker's answer the API will not use: too large to read, or not a result's JSON."""

    def __init__(self, reason: Literal["too-large", "malformed"], detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


# --- jobs (API → worker) -------------------------------------------------------------------------


def encode_job(code: str, lang: str, focus: str | None) -> bytes:
    """One program to run, as the worker reads it (`decode_job`)."""
    return json.dumps([code, lang, focus], ensure_ascii=False).encode("utf-8")


def decode_job(data: bytes) -> tuple[str, str, str | None] | None:
    """The job `encode_job` made, or None for STOP."""
    job = json.loads(data)
    if job is None:
        return None
    code, lang, focus = job
    return str(code), str(lang), None if focus is None else str(focus)


# --- answers (worker → API) ----------------------------------------------------------------------


def encode_answer(result: RunResult, max_bytes: int, lang: str) -> bytes:
    """The result as JSON bytes within `max_bytes`; over it, the transcript and a limit error."""
    data = json_text(result).encode("utf-8")
    if len(data) <= max_bytes:
        return data
    limit = LimitExceeded("the answer (output, graph and backward steps)", max_bytes, " bytes")
    hint = hint_text("limit", lang)
    trimmed = failed_run(limit.type_name, limit.message, hint)
    trimmed["stdout"], trimmed["warnings"] = result["stdout"], result["warnings"]
    data = json_text(trimmed).encode("utf-8")
    if len(data) <= max_bytes:
        return data
    return json_text(failed_run(limit.type_name, limit.message, hint)).encode("utf-8")


def receive_answer(
    connection: Connection, max_bytes: int, check: AnswerCheck | None = None
) -> RunResult:
    """Read one answer: refused unread beyond `max_bytes`, refused unless it is a result's JSON
    (and, given a `check`, unless the check accepts every field).

    Raises EOFError when the worker died before answering, AnswerRefused for an answer the API
    will not use. Blocks until the whole answer has arrived: call it off the event loop.
    """
    try:
        data = connection.recv_bytes(max_bytes)
    except OSError as exc:
        # multiprocessing reads the length header, finds it over max_bytes and stops there
        if str(exc) == "bad message length":
            raise AnswerRefused("too-large", f"larger than {max_bytes} bytes") from None
        raise
    result = decode_answer(data)
    if check is not None:
        try:
            check(result)
        except Exception as exc:
            raise AnswerRefused("malformed", f"invalid: {type(exc).__name__}") from None
    return result


def decode_answer(data: bytes) -> RunResult:
    """The `RunResult` in a worker's JSON answer; AnswerRefused when it is not one.

    Only the top level is checked here; every field is, by the check `receive_answer` is given.
    """
    try:
        answer = json.loads(data)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise AnswerRefused("malformed", f"not JSON: {type(exc).__name__}") from None
    if not isinstance(answer, dict) or set(answer) != _RESULT_KEYS:
        raise AnswerRefused("malformed", "not the JSON of a run result")
    for key, types in _TOP_LEVEL_TYPES.items():
        if not isinstance(answer[key], types):
            raise AnswerRefused("malformed", f"{key!r} has the wrong type")
    return cast(RunResult, answer)  # the top level is checked; the fields by AnswerCheck
