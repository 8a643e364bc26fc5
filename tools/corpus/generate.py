"""Golden output of the real-world corpus from real PyTorch, and the run-time half of the rule.

Run with the scratch torch virtualenv (torch is never a project dependency):

    /work/torchenv/bin/python tools/corpus/generate.py

Every program of tests/corpus/manifest.json that passed the static rule runs under torch the way
Python's interactive interpreter runs it (tools/golden/runner.py): each in a fresh forked
process, torch single-threaded, its default generator seeded with 67280421310721, in an empty
temporary working directory, twice, from two parent interpreters with different hash seeds (so
Python's `random`, numpy's global generator and set ordering are seeded differently).
A program is then excluded, with the reason recorded in the manifest, when it
  - touches files (opens or lists anything in its working directory, or fails with OSError),
  - uses the network, reads keyboard input, needs a GPU or a module this machine lacks,
  - is a fragment: stops with NameError under torch (a name it never defines),
  - takes more than LONG_S seconds of CPU time under torch, or
  - prints something different in the two runs (unseeded numpy/`random`, time, `id()`),
and otherwise its result is written to tests/corpus/golden.json. Memory addresses are the one
normalisation, applied to both sides (tools/corpus/compare.py); a stdout longer than 100 kB (a
loop echoing a big tensor on every pass) is stored as its SHA-256 and its head.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
MANIFEST = CORPUS / "manifest.json"
GOLDEN = CORPUS / "golden.json"
LONG_S = 5.0  # "runs longer than a few seconds under torch"
KILL_S = 60.0
HASH_SEEDS = ("0", "1")
DEFAULT_SEED = 67280421310721
sys.path.insert(0, str(ROOT / "tools" / "golden"))
sys.path.insert(0, str(ROOT / "tools" / "corpus"))

from compare import digest_long_stdout, first_difference, normalise  # noqa: E402
from isolation import run_isolated  # noqa: E402
from runner import run_program  # noqa: E402

ENVIRONMENT_EVENTS = {
    "socket.connect": "uses the network",
    "socket.getaddrinfo": "uses the network",
    "urllib.Request": "uses the network",
    "builtins.input": "reads keyboard input",
}
FILE_EVENTS = ("open", "os.listdir", "os.scandir", "os.mkdir", "os.remove", "os.rename")


def _watch(workdir: str, seen: list[str]) -> None:
    """An audit hook that notes what a program asks of its environment."""

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in ENVIRONMENT_EVENTS:
            seen.append(ENVIRONMENT_EVENTS[event])
        elif event in FILE_EVENTS and args and isinstance(args[0], str | bytes | os.PathLike):
            path = os.fsdecode(args[0])
            if os.path.abspath(path).startswith(workdir):
                seen.append("reads or writes files")

    sys.addaudithook(hook)


def environment_reason(result: dict[str, Any], seen: list[str]) -> str | None:
    """Why a run says more about this machine than about the program, if it does."""
    error = result["error"]
    if error is not None:
        kind, message = error["type"], error["message"]
        if kind in {"FileNotFoundError", "OSError", "IOError", "PermissionError"}:
            return "reads or writes files"
        if kind in {"ModuleNotFoundError", "ImportError"}:
            return f"needs a module this machine lacks ({message})"
        if "CUDA" in message or "cuda" in message or "NVIDIA" in message:
            return "needs a GPU"
        if kind == "NameError":
            # a fragment: a docs example or notebook relying on what it never defines
            return f"a fragment: {message} (NameError under torch, line {error['line']})"
    return seen[0] if seen else None


def child(code: str, connection: Any) -> None:
    import torch

    torch.set_num_threads(1)
    # torch seeds its default CPU generator from OS entropy in every process, so an unseeded
    # torch.randn prints different numbers each run; both sides start it from the seed torch
    # gives every new torch.Generator() (and the engine its default generator) instead.
    torch.manual_seed(DEFAULT_SEED)
    workdir = tempfile.mkdtemp(prefix="corpus-")
    os.chdir(workdir)
    seen: list[str] = []
    _watch(os.path.realpath(workdir), seen)
    # CPU time, not wall-clock: the machine is shared, and a loaded one must not exclude more
    started = time.process_time()
    try:
        result = run_program(code, {})
    except BaseException as exc:  # SystemExit from exit(): the program ends the interpreter
        result = {
            "stdout": "",
            "error": {"type": type(exc).__name__, "message": str(exc), "line": None},
            "warnings": [],
        }
        seen.append("ends the interpreter (exit)")
    seconds = time.process_time() - started
    reason = environment_reason(result, seen)
    connection.send(json.dumps({"result": normalise(result), "seconds": seconds, "reason": reason}))
    connection.close()


def parent_main() -> None:
    """One hash seed's parent: reads program ids on stdin, prints the answers as JSON."""
    import numpy  # noqa: F401  (imported once in the parent, as torch is, for fast forks)
    import torch  # noqa: F401

    ids = json.loads(sys.stdin.read())
    programs = {i: (CORPUS / "programs" / f"{i}.py").read_text(encoding="utf-8") for i in ids}
    print(json.dumps(run_isolated(programs, child, KILL_S)))


def main() -> None:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    entries = manifest["programs"]
    for entry in entries:
        if entry.get("reason_stage") == "run":  # a previous run's exclusion is decided anew
            entry["status"] = "included"
            del entry["reason"], entry["reason_stage"]
    ids = [entry["id"] for entry in entries if entry["status"] == "included"]
    runs = []
    for seed in HASH_SEEDS:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONHASHSEED": seed,
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "LC_ALL": "C.UTF-8",
        }
        done = subprocess.run(
            [sys.executable, __file__, "--parent"],
            input=json.dumps(ids),
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        runs.append(json.loads(done.stdout))
    import torch

    golden: dict[str, Any] = {}
    for entry in entries:
        if entry["status"] != "included":
            continue
        first, second = runs[0][entry["id"]], runs[1][entry["id"]]
        reason = None
        if first.get("timeout") or second.get("timeout"):
            reason = f"runs longer than {KILL_S:.0f} s under torch"
        elif first.get("crashed") or second.get("crashed"):
            reason = "crashes the interpreter under torch"
        elif first["reason"] or second["reason"]:
            reason = first["reason"] or second["reason"]
        elif max(first["seconds"], second["seconds"]) > LONG_S:
            reason = f"runs longer than {LONG_S:.0f} s (CPU time) under torch"
        elif first["result"] != second["result"]:
            where = first_difference(first["result"], second["result"])
            reason = (
                f"prints something different each run (unseeded randomness, time, id, "
                f"torch.empty): {where}"
            )
        if reason:
            entry.update(status="excluded", reason=reason, reason_stage="run")
            continue
        entry["torch_seconds"] = round(first["seconds"], 3)
        golden[entry["id"]] = digest_long_stdout(first["result"])
    MANIFEST.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    payload = {"torch_version": torch.__version__, "programs": golden}
    GOLDEN.write_text(
        json.dumps(payload, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(
        f"{len(golden)} of {len(entries)} programs included; goldens from torch {torch.__version__}"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--parent"]:
        parent_main()
    else:
        main()
