"""How a corpus result is compared with its golden: the one normalisation and the first difference.

Used by the generator (tools/corpus/generate.py), the test (tests/corpus/test_corpus.py) and
the report (tools/corpus/report.py), so all three judge a program the same way. Stdlib only.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

# Object addresses (`<MulBackward0 object at 0x7f…>`) differ every run, in torch as anywhere.
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def normalise(value: Any) -> Any:
    """Replaces memory addresses in every string of a result."""
    if isinstance(value, str):
        return ADDRESS.sub("0x…", value)
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    return value


# A loop that echoes a big tensor on every pass prints megabytes; such a golden keeps the
# SHA-256 of its (normalised) stdout and its head, which is enough to compare and to diagnose.
LONG_STDOUT = 100_000
HEAD = 4_000


def _digest(stdout: str) -> str:
    return f"sha256:{hashlib.sha256(stdout.encode()).hexdigest()}:{len(stdout)}"


def digest_long_stdout(result: dict[str, Any]) -> dict[str, Any]:
    """A golden as stored: a stdout longer than LONG_STDOUT becomes its digest and head."""
    stdout = result["stdout"]
    if len(stdout) <= LONG_STDOUT:
        return result
    stored = {key: value for key, value in result.items() if key != "stdout"}
    return {**stored, "stdout_digest": _digest(stdout), "stdout_head": stdout[:HEAD]}


def _stdout_key(result: dict[str, Any]) -> str:
    if "stdout_digest" in result:
        return str(result["stdout_digest"])
    stdout = normalise(result.get("stdout", ""))
    return _digest(stdout) if len(stdout) > LONG_STDOUT else stdout


def _stdout_text(result: dict[str, Any]) -> str:
    return str(normalise(result.get("stdout_head", result.get("stdout", ""))))


def comparable(result: dict[str, Any]) -> dict[str, Any]:
    """The parts of a run that must equal torch's: stdout, the first error, the warnings."""
    error = result.get("error")
    return normalise(
        {
            "stdout": _stdout_key(result),
            "error": None
            if error is None
            else {key: error.get(key) for key in ("type", "message", "line")},
            "warnings": [
                {key: warning.get(key) for key in ("category", "message", "line")}
                for warning in result.get("warnings", [])
            ],
        }
    )


def first_difference(actual: dict[str, Any], golden: dict[str, Any]) -> str | None:
    """None when the two agree; else one line saying where they first part."""
    mine, theirs = comparable(actual), comparable(golden)
    if mine == theirs:
        return None
    mine_lines = _stdout_text(actual).splitlines()
    their_lines = _stdout_text(golden).splitlines()
    for number, (a, b) in enumerate(zip(mine_lines, their_lines, strict=False), start=1):
        if a != b:
            return f"stdout line {number}: got {a[:120]!r}, torch printed {b[:120]!r}"
    if mine["error"] != theirs["error"] and mine["error"] is not None:
        error = mine["error"]
        return f"error {error['type']} at line {error['line']}: {error['message'][:200]}"
    if len(mine_lines) != len(their_lines) and "stdout_digest" not in golden:
        if len(mine_lines) < len(their_lines):
            missing = their_lines[len(mine_lines)]
            return (
                f"stdout stops after line {len(mine_lines)}; torch printed next {missing[:120]!r}"
            )
        return f"stdout line {len(their_lines) + 1}: extra {mine_lines[len(their_lines)][:120]!r}"
    if mine["stdout"] != theirs["stdout"]:
        return "stdout differs past the stored head of a long transcript"
    if mine["error"] != theirs["error"]:
        return f"no error where torch raised {theirs['error']}"
    return f"warnings differ: got {mine['warnings'][:2]}, torch {theirs['warnings'][:2]}"
