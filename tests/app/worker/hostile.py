"""A worker that answers like an attacker who has taken over the sandbox process.

`hostile_worker` speaks the pool's protocol, but for some programs sends what a compromised
worker could send: a crafted pickle, a length header announcing a terabyte, bytes that are not
JSON, JSON that is not a result, a result with a forged field. Any other program runs normally.
It lives in its own module so the forkserver can import it by name.
"""

from __future__ import annotations

import json
import os
import pickle
import struct
import time
from multiprocessing.connection import Connection

from app.config import Settings
from app.contract import failed_run
from app.worker.answer import decode_job, encode_answer
from app.worker.process import send_ready, start_worker
from app.worker.program import run_program

PICKLE = "hostile:pickle:"  # followed by the path the exploit would write
TERABYTE = "hostile:terabyte"
NOT_JSON = "hostile:not-json"
NOT_A_RESULT = "hostile:not-a-result"
FORGED_FIELD = "hostile:forged-field"


class Exploit:
    """Unpickling this runs code: it writes `path` (what `pickle.loads` of the answer would do)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, (f"with open({self.path!r}, 'w') as f: f.write('pwned')",))


def hostile_worker(connection: Connection, settings: Settings) -> None:
    # walled in like a real worker (what it sends is what an escaped program could send)
    send_ready(connection, start_worker(connection, settings))
    while True:
        job = decode_job(connection.recv_bytes())
        if job is None:
            return
        code, lang, focus = job
        if code.startswith(PICKLE):
            connection.send_bytes(pickle.dumps(Exploit(code[len(PICKLE) :])))
        elif code == TERABYTE:
            # multiprocessing's framing for long messages: -1, then the length as 8 bytes
            os.write(connection.fileno(), struct.pack("!i", -1) + struct.pack("!Q", 1 << 40))
            time.sleep(60)  # a reader that waited for the body would wait until the deadline
        elif code == NOT_JSON:
            connection.send_bytes(b"\x80\x04\x95 not json at all")
        elif code == NOT_A_RESULT:
            connection.send_bytes(json.dumps({"stdout": "hi", "svg": "<script>"}).encode())
        elif code == FORGED_FIELD:
            forged = failed_run("X", "y", None)
            forged["graph"]["nodes"] = [{"id": "t1", "kind": "tensor", "onload": "alert(1)"}]  # type: ignore[list-item]
            connection.send_bytes(json.dumps(forged).encode())
        else:
            result = run_program(code, lang, focus, settings)
            connection.send_bytes(encode_answer(result, settings.max_answer_bytes, lang))
