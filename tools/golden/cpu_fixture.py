"""Golden fixtures per CPU: which machine a fixture describes, and the per-CPU overlay files.

torch's x86-64 wheels link oneMKL, and MKL chooses its kernels by the CPU it runs on: the
vendor as well as the instruction set. On an AMD EPYC with AVX-512 (measured on this project's
machines) torch 2.13's float32 `mm` adds the products of a 2×3 @ 3×2 product left to right,
while on an Intel AVX-512 machine the same call gives other bits; `exp`, `tanh`, `sqrt` … of
float64 differ in a few elements too. The engine calls the same MKL, so it follows torch on both
machines — but a fixture recorded on one machine is only the truth for that kind of machine.

So a fixture file `name.json` holds what torch printed on the reference machine
(`REFERENCE`), and `name.<key>.json` beside it holds, for another kind of machine, only the
entries that differ there. Readers merge the two for the machine they run on; the generators
write the base file on the reference machine and the overlay elsewhere. A machine with neither
gets a clear failure naming the generator to run, never a silent pass.
"""

from __future__ import annotations

import json
import platform
from collections.abc import Callable
from pathlib import Path
from typing import Any

REFERENCE = "GenuineIntel-AVX512"  # the machine the base fixture files were recorded on
_AVX512 = {"avx512f", "avx512bw", "avx512vl", "avx512dq"}  # what torch's AVX512 level needs


def cpu_key() -> str:
    """`<vendor>-<level>` of this machine: `GenuineIntel-AVX512`, `AuthenticAMD-AVX2`, …

    The level is the one torch reports (`torch.backends.cpu.get_cpu_capability()`), found from
    the same CPU flags, so this works without torch.
    """
    vendor, flags = platform.machine(), set[str]()
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return vendor
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "vendor_id":
            vendor = value.strip()
        elif key.strip() == "flags":
            flags = set(value.split())
            break
    if flags >= _AVX512:
        level = "AVX512"
    elif {"avx2", "fma"} <= flags:
        level = "AVX2"
    else:
        level = "DEFAULT"
    return f"{vendor}-{level}"


def overlay_path(base: Path, key: str | None = None) -> Path:
    """`cpu_kernels.json` → `cpu_kernels.AuthenticAMD-AVX512.json` (for this machine by default)."""
    return base.with_name(f"{base.stem}.{key or cpu_key()}{base.suffix}")


def _read(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def missing_message(base: Path, generator: str) -> str:
    return (
        f"no golden fixture for this CPU ({cpu_key()}): {base.name} describes {REFERENCE} and "
        f"{overlay_path(base).name} does not exist; record it with real torch on this machine: "
        f"/work/torchenv/bin/python {generator}"
    )


def available(base: Path) -> bool:
    """True when the fixture describes this machine (the reference, or an overlay exists)."""
    return cpu_key() == REFERENCE or overlay_path(base).is_file()


def load_programs(base: Path) -> dict[str, Any]:
    """A program fixture (`{"torch_version", "programs": {path: result}}`) for this machine."""
    payload = _read(base)
    if cpu_key() != REFERENCE and overlay_path(base).is_file():
        payload["programs"] = {**payload["programs"], **_read(overlay_path(base))["programs"]}
    return payload


def load_cases(base: Path) -> dict[str, Any]:
    """A case fixture (`{"meta", "cases": [{"name", …}]}`) for this machine, in the base order."""
    payload = _read(base)
    if cpu_key() != REFERENCE and overlay_path(base).is_file():
        overlay = {case["name"]: case for case in _read(overlay_path(base))["cases"]}
        payload["cases"] = [overlay.get(case["name"], case) for case in payload["cases"]]
        payload["meta"] = {**payload["meta"], "overlay": cpu_key()}
    return payload


def write(
    base: Path,
    payload: dict[str, Any],
    section: str,
    same: Callable[[Any, Any], bool],
    indent: int = 1,
    sort_keys: bool = True,
) -> Path:
    """Writes what torch gave on this machine: the base file on the reference machine, else an
    overlay with only the entries of `section` that differ from the base file (by `same`)."""
    if cpu_key() == REFERENCE or not base.is_file():
        out, data = base, payload
    else:
        reference = _read(base)[section]
        ours = payload[section]
        if isinstance(ours, dict):
            differing: Any = {k: v for k, v in ours.items() if not same(v, reference.get(k))}
        else:
            by_name = {case["name"]: case for case in reference}
            differing = [c for c in ours if not same(c, by_name.get(c["name"]))]
        out = overlay_path(base)
        data = {**{k: v for k, v in payload.items() if k != section}, section: differing}
        data["cpu"] = cpu_key()
    text = json.dumps(data, indent=indent, sort_keys=sort_keys, ensure_ascii=False)
    out.write_text(text + "\n", encoding="utf-8")
    return out
