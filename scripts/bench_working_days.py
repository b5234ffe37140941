#!/usr/bin/env python3
"""Working-day offsets: Convene (Rust) against numpy's busday_offset, in one run.

Both get the same 1,000,000 random (date, offset) pairs and the same England-and-Wales bank
holidays (the GOV.UK file shipped with Convene). Convene's rule: day 0 is the anchor, day n the
n-th working day after it. numpy's equivalent for n >= 1 is busday_offset(anchor, n,
roll='backward'): a non-working anchor first rolls back to the working day before, which has the
same n-th successor. Results are compared pair by pair; timings are the best of 5.
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
HOLIDAYS = ROOT / "src-tauri/crates/core/data/bank-holidays.json"
N = 1_000_000


def main() -> int:
    rng = np.random.default_rng(20261125)
    start = np.datetime64("2019-01-01").astype(np.int64)
    end = np.datetime64("2026-06-30").astype(np.int64)
    days = rng.integers(start, end, size=N)
    offsets = rng.integers(1, 61, size=N)  # stays inside the published years (2018-2027)
    anchors = days.astype("datetime64[D]")
    holidays = [e["date"] for e in json.loads(HOLIDAYS.read_text())["england-and-wales"]["events"]]
    cal = np.busdaycalendar(weekmask="1111100", holidays=np.array(holidays, dtype="datetime64[D]"))

    best_np = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        expected = np.busday_offset(anchors, offsets, roll="backward", busdaycal=cal)
        best_np = min(best_np, time.perf_counter() - t)

    with tempfile.TemporaryDirectory() as tmp:
        pairs = pathlib.Path(tmp) / "pairs.txt"
        results = pathlib.Path(tmp) / "results.txt"
        np.savetxt(pairs, np.column_stack([days, offsets]), fmt="%d")
        subprocess.run(
            ["cargo", "build", "--release", "-j2", "-p", "convene-core", "--example", "working_day_throughput"],
            cwd=ROOT, check=True, capture_output=True,
        )
        exe = ROOT / "target/release/examples/working_day_throughput"
        out = subprocess.run([str(exe), str(pairs), str(results)], check=True, capture_output=True, text=True)
        rust = json.loads(out.stdout)
        got = np.loadtxt(results, dtype=np.int64)

    mismatches = int(np.count_nonzero(got != expected.astype(np.int64)))
    np_rate = N / best_np
    ratio = rust["per_second"] / np_rate
    report = {
        "pairs": N,
        "rust_per_second": round(rust["per_second"]),
        "numpy_per_second": round(np_rate),
        "ratio": round(ratio, 1),
        "mismatches": mismatches,
        "calendar_build_ms": rust["calendar_build_ms"],
        "numpy_version": np.__version__,
    }
    print(json.dumps(report))
    print(
        f"rust: {rust['per_second'] / 1e6:.1f} M offsets/s, numpy: {np_rate / 1e6:.1f} M offsets/s, "
        f"ratio: {ratio:.1f}x, mismatches: {mismatches}",
        file=sys.stderr,
    )
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
