"""Static checks of the Dockerfile, .dockerignore, compose.yaml and the self-hosting docs."""

from __future__ import annotations

import fnmatch
import json
import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import yaml

from app.config import ENV_PREFIX, Settings

ROOT = Path(__file__).resolve().parents[2]
# Top-level entries that only development needs; everything else must go into the image.
DEV_ONLY = {
    ".ci", ".git", ".github", ".gitignore", ".venv", ".dockerignore", ".mypy_cache",
    ".ruff_cache", ".pytest_cache", ".hypothesis", "artifacts", "build", "autograd_lab.egg-info",
    "bench", "docs", "tests", "tools", "Makefile", "Dockerfile", "compose.yaml",
}  # fmt: skip


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    lines = [
        line for line in (ROOT / "Dockerfile").read_text().splitlines()
        if not line.lstrip().startswith("#")
    ]  # fmt: skip
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    instructions = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, arguments = line.strip().partition(" ")
            instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def arguments(keyword: str) -> list[str]:
    return [args for kw, args in dockerfile() if kw == keyword]


def env() -> dict[str, str]:
    values = {}
    for args in arguments("ENV"):
        for pair in re.findall(r"(\w+)=(\S+)", args):
            values[pair[0]] = pair[1]
    return values


def service() -> dict[str, Any]:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert list(services) == ["autograd-lab"]
    result: dict[str, Any] = services["autograd-lab"]
    return result


def test_base_is_python_311_slim_bookworm_and_overridable() -> None:
    instructions = dockerfile()
    assert instructions[0] == ("ARG", "BASE_IMAGE=python:3.11-slim-bookworm")
    assert instructions[1] == ("FROM", "${BASE_IMAGE}")
    assert len(arguments("FROM")) == 1


def test_graphviz_comes_from_the_distribution() -> None:
    installs = [args for args in arguments("RUN") if "apt-get install" in args]
    assert installs and "graphviz" in installs[0]
    assert "rm -rf /var/lib/apt/lists/*" in installs[0]  # no apt index left in the layer


def test_dependencies_are_installed_before_the_source_is_copied() -> None:
    instructions = dockerfile()
    copies = [i for i, (kw, _) in enumerate(instructions) if kw == "COPY"]
    assert instructions[copies[0]] == ("COPY", "pyproject.toml ./")
    install = next(
        i for i, (kw, args) in enumerate(instructions) if kw == "RUN" and "pip install" in args
    )
    assert copies[0] < install < copies[1]
    assert instructions[copies[1]] == ("COPY", ". .")
    # The list comes from pyproject.toml itself, so it cannot drift from it.
    assert "tomllib" in instructions[install][1]
    assert "['project']['dependencies']" in instructions[install][1]


def test_runs_as_a_non_root_user_created_in_the_image() -> None:
    instructions = dockerfile()
    users = [i for i, (kw, _) in enumerate(instructions) if kw == "USER"]
    assert users, "no USER"
    user = instructions[users[-1]][1].split(":")[0]
    assert user not in {"root", "0"}
    assert any("useradd" in args and args.rstrip().endswith(user) for args in arguments("RUN"))
    # Nothing after USER may need root, and CMD runs as that user.
    assert all(kw not in {"RUN", "COPY", "ADD"} for kw, _ in instructions[users[-1] :])
    cmd = next(i for i, (kw, _) in enumerate(instructions) if kw == "CMD")
    assert cmd > users[-1]


def test_serves_python_m_app_on_all_interfaces_port_8000() -> None:
    assert [json.loads(args) for args in arguments("CMD")] == [["python", "-m", "app"]]
    assert arguments("EXPOSE") == ["8000"]
    assert env()["AUTOGRAD_LAB_HOST"] == "0.0.0.0"
    assert env()["AUTOGRAD_LAB_PORT"] == "8000"


def test_healthcheck_fetches_healthz_with_python() -> None:
    (healthcheck,) = arguments("HEALTHCHECK")
    options, _, command = healthcheck.partition("CMD ")
    assert "--interval=" in options
    assert "--timeout=" in options
    argv = json.loads(command)
    assert argv[:2] == ["python", "-c"]
    assert "/healthz" in argv[2]
    assert "urllib.request" in argv[2]  # the slim image has no curl


def test_blas_threads_are_pinned_to_one() -> None:
    values = env()
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        assert values[variable] == "1"


def _ignored(name: str, patterns: list[str]) -> bool:
    """Docker's rule for a top-level path: the last matching pattern wins."""
    ignored = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        glob = pattern.lstrip("!").rstrip("/")
        if fnmatch.fnmatch(name, glob):
            ignored = not negated
    return ignored


def test_dockerignore_lets_in_exactly_what_the_app_needs() -> None:
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for needed in ("engine", "app", "templates", "static", "pyproject.toml"):
        assert not _ignored(needed, patterns), needed
    for private in (".git", ".venv", "tests", ".env", "artifacts"):
        assert _ignored(private, patterns), private
    # A new top-level directory must be put in the image or declared development-only here.
    undecided = [
        path.name
        for path in ROOT.iterdir()
        if _ignored(path.name, patterns) and path.name not in DEV_ONLY | {"README.md", "LICENSE"}
    ]
    assert undecided == []


def test_compose_hardening() -> None:
    app = service()
    assert app["read_only"] is True
    assert app["cap_drop"] == ["ALL"]
    assert "cap_add" not in app
    assert app.get("privileged", False) is False
    assert "no-new-privileges:true" in app["security_opt"]
    assert any(mount.startswith("/tmp:") for mount in app["tmpfs"])
    assert isinstance(app["pids_limit"], int) and 0 < app["pids_limit"] <= 1024
    assert app["ports"] == ["8000:8000"]
    assert app["build"]["args"]["BASE_IMAGE"] == "python:3.11-slim-bookworm"


def _bytes(size: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([kmg]?)", size.lower()).groups()  # type: ignore[union-attr]
    return int(number) * {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}[unit]


def test_compose_memory_limit_holds_every_worker_at_its_limit() -> None:
    app = service()
    environment = app["environment"]
    workers = int(environment["AUTOGRAD_LAB_WORKERS"])
    per_worker = int(environment["AUTOGRAD_LAB_MEMORY_LIMIT_MB"]) * 2**20
    # Room for the API process too, so a memory bomb meets its own limit, not the OOM killer.
    assert workers * per_worker + 512 * 2**20 <= _bytes(app["mem_limit"])


def test_compose_sets_only_real_settings() -> None:
    names = {ENV_PREFIX + field.name.upper() for field in fields(Settings)}
    assert set(service()["environment"]) <= names


def test_every_setting_is_documented_for_self_hosters() -> None:
    docs = (ROOT / "docs" / "self-hosting.md").read_text()
    missing = [
        ENV_PREFIX + field.name.upper()
        for field in fields(Settings)
        if f"`{ENV_PREFIX}{field.name.upper()}`" not in docs
    ]
    assert missing == []


def test_docs_show_the_defaults_the_code_has() -> None:
    docs = (ROOT / "docs" / "self-hosting.md").read_text()
    defaults = Settings()
    for field in fields(Settings):
        name = ENV_PREFIX + field.name.upper()
        row = re.search(rf"^\| `{name}` \| `([^`]*)` \|", docs, re.MULTILINE)
        assert row is not None, name
        documented = row.group(1)
        if name == f"{ENV_PREFIX}WORKERS":
            continue  # the default follows the machine's core count
        assert documented == _shown(getattr(defaults, field.name)), name


def _shown(value: object) -> str:
    """How the docs write a default: as the variable would be set."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value == "":
        return '""'
    return str(value)
