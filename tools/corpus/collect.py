"""Builds the real-world corpus: every file of the chosen chapters, as a learner would paste it.

    python tools/corpus/collect.py [--mirror DIR] [--stage DIR]

For each source in tools/corpus/sources.py it lists the repository's files (a git snapshot
under --mirror, `<owner>+<name>/repo`, or for a repository too large to snapshot, JSON files
under --stage holding {"path", "commit", "text"} as read from the public index), turns each
matched file into one program (tools/corpus/program.py) and writes
tests/corpus/programs/<source>/<NNN>-<name>.py plus tests/corpus/manifest.json. The static
part of the inclusion rule (imports, syntax) is applied here; tools/corpus/generate.py applies
the part that needs a run under torch. Nothing is chosen by hand: a file is in or out by rule.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from program import (
    Program,
    category_of,
    docs_programs,
    program_from_file,
    static_exclusion,
)
from sources import SOURCES, Source

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
PROGRAMS = CORPUS / "programs"
MANIFEST = CORPUS / "manifest.json"
STAGED_REASONS: dict[str, str] = {}
TORCH_VERSION = "2.13.0"
# The docs' examples run where `torch` (and, as their text assumes, `nn` and `F`) are imported.
DOCS_PRELUDE = "import torch\nfrom torch import nn\nimport torch.nn.functional as F\n"
DOCS_ADDED = [
    {"line": line, "why": "the docs' example namespace"} for line in DOCS_PRELUDE.splitlines()
]


def natural_key(path: str) -> list[Any]:
    """'3.10_mlp' after '3.9_mlp', as a book's table of contents orders them."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path)]


def slug(path: str) -> str:
    name = Path(path).name
    stem = Path(path).parent.name if name == "main.py" else name.rsplit(".", 1)[0]
    if not name.endswith((".py", ".ipynb", ".md")):
        stem = path
    text = re.sub(r"[^0-9A-Za-z一-鿿]+", "-", stem).strip("-").lower()
    return text[:60] or "program"


def matches(source: Source, path: str) -> bool:
    if any(fnmatch.fnmatch(path, pattern) for pattern in source.skip):
        return False
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in source.patterns)


def pattern_rank(source: Source, path: str) -> int:
    return next(i for i, p in enumerate(source.patterns) if fnmatch.fnmatchcase(path, p))


def mirror_files(source: Source, mirror: Path) -> list[tuple[str, str, str | None]]:
    """(path, commit, text) of the matched files at the snapshot's HEAD."""
    git_dir = mirror / source.repo.replace("/", "+") / "repo"
    git = ["git", f"--git-dir={git_dir}"]
    commit = subprocess.run(
        [*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    listing = subprocess.run(
        [*git, "-c", "core.quotepath=off", "ls-tree", "-r", "--name-only", "HEAD"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    files = []
    for path in listing:
        if matches(source, path):
            blob = subprocess.run(
                [*git, "show", f"HEAD:{path}"], check=True, capture_output=True
            ).stdout
            files.append((path, commit, blob.decode("utf-8")))
    return files


def staged_files(source: Source, stage: Path) -> list[tuple[str, str, str | None]]:
    """Files of a repository read from the public index (too large to snapshot). A file whose
    imports already exclude it was staged without its text, with the reason it was read for."""
    files = []
    for item in sorted(stage.glob("*.json")):
        entry = json.loads(item.read_text(encoding="utf-8"))
        if matches(source, entry["path"]):
            STAGED_REASONS[entry["path"]] = entry.get("reason", "")
            files.append((entry["path"], entry["commit"], entry.get("text")))
    return files


def wheel_files(source: Source, wheel: Path) -> list[tuple[str, str, str | None]]:
    """The docs' own examples, from the docstrings of the installed torch (the golden's torch)."""
    version = TORCH_VERSION
    return [
        (path, f"v{version}", (wheel / path).read_text(encoding="utf-8"))
        for path in source.patterns
    ]


def programs_of(source: Source, path: str, text: str) -> list[tuple[str, Program]]:
    """(name, program) pairs a file gives: one for a file or notebook, one per docstring."""
    if source.unit == "docs":
        return [
            (f"{Path(path).stem.strip('_')}-{name}", Program(DOCS_PRELUDE + code, added=DOCS_ADDED))
            for name, code in docs_programs(text)
        ]
    return [(slug(path), program_from_file(path, text, source.flavour))]


def unstored_entry(source: Source, path: str, commit: str, number: int) -> dict[str, Any]:
    """A staged file excluded by its imports, recorded without a program file."""
    return {
        "id": f"{source.name}/{number:03d}-{slug(path)}",
        "source": source.name,
        "repo": source.repo,
        "path": path,
        "commit": commit,
        "license": source.license,
        "url": f"https://github.com/{source.repo}/blob/{commit}/{path}",
        "lang": source.lang,
        "category": "not stored",
        "status": "excluded",
        "reason": STAGED_REASONS[path],
        "stored": False,
    }


def collect(mirror: Path, stage: Path, wheel: Path) -> list[dict[str, Any]]:
    manifest: list[dict[str, Any]] = []
    for source in SOURCES:
        if source.unit == "docs":
            files = wheel_files(source, wheel)
        elif source.repo == "pytorch/tutorials":
            files = staged_files(source, stage)
        else:
            files = mirror_files(source, mirror)
        files.sort(key=lambda f: (pattern_rank(source, f[0]), natural_key(f[0])))
        units: list[tuple[str, str, str, Program | None]] = []
        for path, commit, text in files:
            if text is None:
                units.append((path, commit, slug(path), None))
            else:
                units.extend((path, commit, n, p) for n, p in programs_of(source, path, text))
        for number, (path, commit, name, program) in enumerate(units, start=1):
            if program is None:
                manifest.append(unstored_entry(source, path, commit, number))
                continue
            program_id = f"{source.name}/{number:03d}-{slug(name)}"
            entry: dict[str, Any] = {
                "id": program_id,
                "source": source.name,
                "repo": source.repo,
                "path": path,
                "commit": commit,
                "license": source.license,
                "url": f"https://github.com/{source.repo}/blob/{commit}/{path}",
                "lang": source.lang,
            }
            if source.unit == "docs":
                entry["object"] = name
            entry["removed"] = program.removed
            if program.added:
                entry["added"] = program.added
            exclusion = static_exclusion(program.code)
            entry["category"] = category_of(program.code)
            entry["status"] = "excluded" if exclusion else "included"
            if exclusion:
                entry["reason"] = exclusion
            if not program.code.strip():
                entry["status"], entry["reason"] = "excluded", "no code in the chosen flavour"
            out = PROGRAMS / f"{program_id}.py"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(program.code, encoding="utf-8")
            manifest.append(entry)
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--stage", type=Path, default=Path("/tmp/corpus-stage/pt"))
    parser.add_argument(
        "--wheel",
        type=Path,
        default=Path("/work/torchenv/lib/python3.11/site-packages"),
        help=f"site-packages of torch {TORCH_VERSION}, whose docstrings hold the docs' examples",
    )
    args = parser.parse_args()
    for old in PROGRAMS.glob("*/*.py"):
        old.unlink()
    manifest = collect(args.mirror, args.stage, args.wheel)
    MANIFEST.write_text(
        json.dumps({"programs": manifest}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    included = sum(entry["status"] == "included" for entry in manifest)
    print(f"{len(manifest)} programs, {included} pass the static rule")


if __name__ == "__main__":
    main()
