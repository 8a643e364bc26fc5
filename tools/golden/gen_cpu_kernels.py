"""Golden fixtures for CPU numerics: real PyTorch's bits for each case of cpu_cases.py.

Run with the scratch torch virtualenv (torch is never a project dependency):

    /work/scratch/torchenv/bin/python tools/golden/gen_cpu_kernels.py

On a machine other than the reference one (tools/golden/cpu_fixture.py: MKL's kernels depend
on the CPU) it writes only the cases that differ there, to cpu_kernels.<cpu>.json beside it.

One thread, as every golden generator here: PyTorch splits large reductions between threads,
and the single-threaded order is the reference. It writes tests/engine/fixtures/cpu_kernels.json:
per case its name, the digest of its inputs (so a change in how inputs are built shows) and
each output (forward, then the input gradients) as cpu_cases.encode stores it.
tests/engine/cpu/test_kernels.py runs the same cases on `engine`.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

import torch
from cpu_cases import CaseRunner, all_cases, build_input, digest, encode
from cpu_fixture import cpu_key, write

OUT = Path(__file__).resolve().parents[2] / "tests" / "engine" / "fixtures" / "cpu_kernels.json"


def main() -> None:
    torch.set_num_threads(1)
    runner = CaseRunner(torch)
    records = []
    for case in all_cases():
        inputs = [build_input(case, i) for i in range(len(case.get("shapes", ())))]
        outputs = runner.run(case)
        records.append(
            {
                "name": case["name"],
                "inputs": [digest(a) for a in inputs],
                "outputs": [encode(o) for o in outputs],
            }
        )
    meta = {
        "torch": torch.__version__,
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "machine": platform.machine(),
        "cpu": cpu_key(),
    }
    payload = {"meta": meta, "cases": records}
    out = write(OUT, payload, "cases", lambda ours, ref: ref is not None and ours == ref, 0, False)
    written = json.loads(out.read_text(encoding="utf-8"))["cases"]
    print(f"wrote {len(written)} of {len(records)} cases to {out} (cpu {cpu_key()})")


if __name__ == "__main__":
    main()
