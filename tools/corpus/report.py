"""The corpus report: pass rates by source and category, via /api/run and via the engine alone,
and the ranked blocking causes of the failing programs — the next engineers' to-do list.

    .venv/bin/python tools/corpus/report.py [--update-passing] [--no-engine]

Writes tests/corpus/REPORT.md. With --update-passing it also rewrites tests/corpus/passing.json,
the programs that give torch's output through /api/run today (the test holds them to it).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "golden"))

import corpus
from cause import Cause, all_refusals, blocking_cause, output_cause
from compare import first_difference, normalise
from isolation import run_isolated

REPORT = corpus.CORPUS / "REPORT.md"
ENGINE_KILL_S = 30.0


def api_results(ids: list[str]) -> dict[str, dict[str, Any]]:
    """Every program through the in-process app with the shipped limits (2 workers)."""
    from app.config import Settings
    from app.main import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette deprecates its httpx-based TestClient
        from starlette.testclient import TestClient

    with TestClient(create_app(Settings(workers=2, rate_limit_enabled=False))) as client:

        def post(code: str) -> tuple[int, Any]:
            response = client.post("/api/run", json={"code": code})
            return response.status_code, response.json()

        return corpus.run_through_api(post, ids)


def engine_child(code: str, connection: Any) -> None:
    """One program with `engine` standing in for torch (tools/golden/runner.py)."""
    import math

    from runner import run_program

    import engine
    import engine.autograd
    import engine.nn
    import engine.nn.functional

    modules = {
        "torch": engine,
        "torch.nn": engine.nn,
        "torch.nn.functional": engine.nn.functional,
        "torch.autograd": engine.autograd,
        "math": math,
    }
    try:
        result = run_program(code, modules)
    except BaseException as exc:  # exit() in a program ends only this child
        result = {
            "stdout": "",
            "error": {"type": type(exc).__name__, "message": str(exc), "line": None},
            "warnings": [],
        }
    connection.send(json.dumps(normalise(result)))
    connection.close()


def engine_results(ids: list[str]) -> dict[str, dict[str, Any]]:
    answers = run_isolated({i: corpus.code_of(i) for i in ids}, engine_child, ENGINE_KILL_S)
    for name, answer in answers.items():
        if answer.get("timeout") or answer.get("crashed"):
            kind = "timeout" if answer.get("timeout") else "crash"
            answers[name] = {
                "stdout": "",
                "warnings": [],
                "error": {"type": kind, "message": kind, "line": None},
            }
    return answers


def sandbox_refusal() -> Any:
    """The sandbox's own allow-list check, with the size limits lifted, to find the *first*
    refused statement (the limits themselves are reported from the real run)."""
    from app.config import Settings
    from app.interpreter import ProgramError, parse_program

    settings = Settings(max_source_bytes=10**7, max_lines=10**6, max_ast_nodes=10**7)

    def refuse(source: str) -> dict[str, Any] | None:
        try:
            parse_program(source, settings)
        except ProgramError as error:
            return {"type": error.type_name, "message": error.message, "line": error.line}
        return None

    return refuse


def exclusion_kind(reason: str) -> str:
    """The rule an exclusion falls under (the manifest keeps the full reason)."""
    if reason.startswith("imports "):
        return "imports a library beyond stdlib/numpy/torch"
    return reason.split(" (")[0].split(":")[0]


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "–"


def table(rows: list[list[str]], header: list[str]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def rate_rows(
    key: str,
    entries: list[dict[str, Any]],
    api_ok: set[str],
    engine_ok: set[str] | None,
) -> list[list[str]]:
    groups: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for entry in entries:
        groups[entry[key]].append(entry)
    rows = []
    for name in sorted(groups):
        members = groups[name]
        inc = [e["id"] for e in members if e["status"] == "included"]
        api = sum(i in api_ok for i in inc)
        row = [
            name,
            str(len(members)),
            str(len(members) - len(inc)),
            str(len(inc)),
            f"{api} ({percent(api, len(inc))})",
        ]
        if engine_ok is not None:
            eng = sum(i in engine_ok for i in inc)
            row.append(f"{eng} ({percent(eng, len(inc))})")
        rows.append(row)
    return rows


def ranked(causes: list[Cause], limit: int = 12) -> list[str]:
    """One line per group, biggest first: the group's program count and its top details."""
    by_group: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for group, detail in causes:
        by_group[group][detail] += 1
    lines = []
    for group, details in sorted(by_group.items(), key=lambda item: -sum(item[1].values())):
        top = ", ".join(f"`{d}` {n}" for d, n in details.most_common(limit))
        more = len(details) - limit
        lines.append(
            f"- **{group}: {sum(details.values())} programs** — {top}"
            + (f", … and {more} more" if more > 0 else "")
        )
    return lines


def write_report(
    entries: list[dict[str, Any]],
    api: dict[str, dict[str, Any]],
    engine: dict[str, dict[str, Any]] | None,
    causes: dict[str, Cause],
    everywhere: list[Cause],
    differences: dict[str, str],
    torch_version: str,
) -> str:
    golden = corpus.goldens()
    api_ok = {i for i in api if i not in differences}
    engine_ok = (
        {i for i, r in engine.items() if first_difference(r, golden[i]) is None}
        if engine is not None
        else None
    )
    inc = [e for e in entries if e["status"] == "included"]
    header = ["", "programs", "excluded", "included", "via /api/run", "via the engine"]
    if engine_ok is None:
        header = header[:-1]
    out = [
        "# Real-world corpus: pass rates and what blocks the rest",
        "",
        "Generated by `tools/corpus/report.py` (do not edit by hand). Goldens: torch "
        f"{torch_version}; how programs were chosen and judged: [README.md](README.md).",
        "",
        f"**{len(entries)} programs** from {len({e['source'] for e in entries})} sources; "
        f"**{len(inc)} included**, {len(entries) - len(inc)} excluded by the rule. "
        f"Through `/api/run` (shipped limits): **{len(api_ok)} of {len(inc)} "
        f"({percent(len(api_ok), len(inc))})** give torch's exact output"
        + (
            f"; the engine alone: **{len(engine_ok)} ({percent(len(engine_ok), len(inc))})**."
            if engine_ok is not None
            else "."
        ),
        "",
        "## By source",
        "",
        *table(rate_rows("source", entries, api_ok, engine_ok), ["source", *header[1:]]),
        "",
        "## By category",
        "",
        *table(rate_rows("category", entries, api_ok, engine_ok), ["category", *header[1:]]),
        "",
        "## Blocking causes (via /api/run), ranked",
        "",
        "The first thing that stops each failing program, in line order. A program counts once.",
        "",
    ]
    out += ranked(list(causes.values()))
    out += [
        "",
        "## Every refused construct, counted over all included programs",
        "",
        "Each top-level statement checked on its own: how many programs would still be refused "
        "for each construct once the ones before it are supported (a program counts once per "
        "construct).",
        "",
        *ranked(everywhere),
    ]
    if engine is not None:
        engine_causes = [
            output_cause(engine[i], golden[i], corpus.code_of(i))
            for i in engine
            if i not in (engine_ok or set())
        ]
        out += [
            "",
            "## Blocking causes via the engine alone (no sandbox), ranked",
            "",
            "What the engine lacks or computes differently, once the sandbox lets a program "
            "through (the program's first error or first differing line under "
            "`tools/golden/runner.py` with `engine` as torch and real numpy).",
            "",
            *ranked(engine_causes),
        ]
    out += ["", "## Excluded programs, by reason", ""]
    excluded = [e for e in entries if e["status"] == "excluded"]
    reasons = collections.Counter(exclusion_kind(e["reason"]) for e in excluded)
    libraries = collections.Counter(
        library
        for e in excluded
        if e["reason"].startswith("imports ")
        for library in e["reason"].removeprefix("imports ").split(" (")[0].split(", ")
    )
    for reason, count in reasons.most_common():
        line = f"- {reason}: {count}"
        if reason == "imports a library beyond stdlib/numpy/torch":
            line += " — " + ", ".join(f"{lib} {n}" for lib, n in libraries.most_common())
        out.append(line)
    out += ["", "## Every failing program: its first difference via /api/run", ""]
    for entry in inc:
        program_id = entry["id"]
        if program_id in differences:
            group, _ = causes[program_id]
            out.append(f"- `{program_id}` ({group}): {differences[program_id]}")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update-passing", action="store_true")
    parser.add_argument("--no-engine", action="store_true")
    args = parser.parse_args()
    entries = corpus.manifest()
    ids = corpus.included()
    golden = corpus.goldens()
    api = api_results(ids)
    engine = None if args.no_engine else engine_results(ids)
    refuse = sandbox_refusal()
    differences: dict[str, str] = {}
    causes: dict[str, Cause] = {}
    for program_id in ids:
        difference = first_difference(api[program_id], golden[program_id])
        if difference is not None:
            differences[program_id] = difference
            code = corpus.code_of(program_id)
            causes[program_id] = blocking_cause(code, api[program_id], golden[program_id], refuse)
    everywhere = [
        cause for program_id in ids for cause in all_refusals(corpus.code_of(program_id), refuse)
    ]
    torch_version = json.loads(corpus.GOLDEN.read_text(encoding="utf-8"))["torch_version"]
    REPORT.write_text(
        write_report(entries, api, engine, causes, everywhere, differences, torch_version),
        encoding="utf-8",
    )
    if args.update_passing:
        names = sorted(set(ids) - set(differences))
        corpus.PASSING.write_text(
            json.dumps({"programs": names}, indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    print(f"{len(ids) - len(differences)} of {len(ids)} pass via /api/run; wrote {REPORT.name}")


if __name__ == "__main__":
    main()
