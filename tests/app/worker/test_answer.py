"""Worker answers are bounded, non-executable data: a hostile worker cannot run code in the API,
make it read without bound, or slip a forged field past it; the worker is replaced."""

from __future__ import annotations

import asyncio
import pickle
import time
from pathlib import Path

import pytest

from app.config import Settings
from app.contract import RunResult
from app.routes.schema import check_result
from app.worker.answer import AnswerRefused, decode_answer, encode_answer
from app.worker.pool import WorkerPool
from app.worker.program import run_program
from tests.app.worker.hostile import (
    FORGED_FIELD,
    NOT_A_RESULT,
    NOT_JSON,
    PICKLE,
    TERABYTE,
    Exploit,
    hostile_worker,
)

NORMAL = (
    "import torch\nw = torch.tensor(2.0, requires_grad=True)\n(w * w).backward()\nprint(w.grad)"
)
REFUSED = "the sandbox process running this program sent "
REPLACED = "; it was refused and the process replaced"
REFUSED_AS_NOT_A_RESULT = f"{REFUSED}an answer that is not a program's result{REPLACED}"


def against_hostile_worker(code: str, **settings: object) -> tuple[RunResult, float, bool, str]:
    """Run `code` on a pool of one hostile worker (answers checked as the app checks them);
    the result, the seconds it took, whether the worker was replaced, and a normal run after."""

    async def scenario() -> tuple[RunResult, float, bool, str]:
        pool = WorkerPool(
            Settings(workers=1, **settings),  # type: ignore[arg-type]
            check=check_result,
            target=hostile_worker,
        )
        await pool.start()
        try:
            first = pool._workers[0].process.pid
            started = time.monotonic()
            answer = await pool.run(code, "en", None)
            took = time.monotonic() - started
            after = await asyncio.wait_for(pool.run(NORMAL, "en", None), 60)
            replaced = first not in [w.process.pid for w in pool._workers]
            return answer.result, took, replaced, after.result["stdout"]
        finally:
            await pool.stop()

    return asyncio.run(scenario())


def test_a_crafted_pickle_is_never_unpickled(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    # the payload is a real exploit: unpickling it runs code
    pickle.loads(pickle.dumps(Exploit(str(marker))))
    assert marker.read_text() == "pwned"
    marker.unlink()

    result, _, replaced, after = against_hostile_worker(PICKLE + str(marker))
    assert not marker.exists()
    assert result["error"] is not None
    assert result["error"]["type"] == "WorkerCrashed"
    assert result["error"]["message"] == REFUSED_AS_NOT_A_RESULT
    assert replaced and after == "tensor(4.)\n"


def test_an_answer_announcing_a_terabyte_is_refused_without_reading_it() -> None:
    # The worker announces 1 TiB and then sends nothing: reading the answer whole would wait
    # until the deadline (or exhaust memory); the length header alone refuses it.
    result, took, replaced, after = against_hostile_worker(
        TERABYTE, time_limit_s=20.0, deadline_grace_s=10.0
    )
    assert result["error"] is not None
    assert result["error"]["message"] == (
        f"{REFUSED}an answer larger than {Settings().max_answer_bytes} bytes{REPLACED}"
    )
    assert took < 10  # far from the 30 s deadline
    assert replaced and after == "tensor(4.)\n"


@pytest.mark.parametrize("code", [NOT_JSON, NOT_A_RESULT, FORGED_FIELD])
def test_an_answer_that_is_not_a_valid_result_is_refused(code: str) -> None:
    result, _, replaced, after = against_hostile_worker(code)
    assert result["error"] is not None
    assert result["error"]["message"] == REFUSED_AS_NOT_A_RESULT
    assert result["graph"]["nodes"] == [] and result["stdout"] == ""
    assert replaced and after == "tensor(4.)\n"


def test_the_api_side_cap_is_the_setting() -> None:
    # A small cap: the honest worker's answer for NORMAL fits, a 1 TiB announcement does not.
    result, _, _, after = against_hostile_worker(TERABYTE, max_answer_bytes=100_000)
    assert result["error"] is not None
    assert "an answer larger than 100000 bytes" in result["error"]["message"]
    assert after == "tensor(4.)\n"


def test_an_honest_answer_over_the_cap_keeps_the_transcript_and_names_the_limit() -> None:
    code = "import torch\nx = torch.ones(8, requires_grad=True)\nprint('before')\n"
    code += "for i in range(30):\n    (x * 2).sum().backward()\n"
    result = run_program(code)
    data = encode_answer(result, 4_000, "en")
    assert len(data) <= 4_000
    small = decode_answer(data)
    assert small["stdout"] == "before\n"
    assert small["error"] == {
        "type": "LimitExceeded",
        "message": "the answer (output, graph and backward steps) exceeded the limit of 4000 bytes",
        "line": None,
        "hint": (
            "The program used more than this server allows; try smaller tensors or fewer "
            "iterations."
        ),
    }
    assert small["backward"] == [] and small["graph"]["nodes"] == []
    assert decode_answer(encode_answer(result, 10**8, "en")) == result  # within the cap: whole


def test_decoding_refuses_what_is_not_a_result() -> None:
    for data in (b"\xff\xfe", b"[1, 2]", b'{"stdout": ""}', b"[" * 100_000 + b"]" * 100_000):
        with pytest.raises(AnswerRefused):
            decode_answer(data)
