"""Measure what the contract promises about speed; print figures, assert nothing.

* ``import icclaw`` + ``icclaw.load()`` wall time, in fresh interpreters (goal: under 0.3 s).
* ``Record.status`` and ``Record.is_bound`` queries per second on the embedded record, next to
  a bare dict-and-bisect lookup of the same answers measured in the same run (goal: within 10x).

Run: python benchmarks/bench_status.py
"""

from __future__ import annotations

import bisect
import random
import statistics
import subprocess
import sys
import time

import pendulum

import icclaw
from icclaw.status import BOUND

RUNS = 15
QUERIES = 20_000


def fresh_times(code: str) -> list[float]:
    """Wall times of ``code`` (which prints its own elapsed seconds) in fresh interpreters."""
    run = [sys.executable, "-c", code]
    return [
        float(subprocess.run(run, capture_output=True, text=True, check=True).stdout)
        for _ in range(RUNS)
    ]


LOAD = "import time; t = time.perf_counter(); import icclaw; icclaw.load(); print(time.perf_counter() - t)"
IMPORT = "import time; t = time.perf_counter(); import icclaw; print(time.perf_counter() - t)"


def main() -> None:
    loads = fresh_times(LOAD)
    imports = fresh_times(IMPORT)
    print(
        f"import icclaw:               median {statistics.median(imports) * 1000:7.1f} ms  (min {min(imports) * 1000:.1f}, {RUNS} fresh interpreters)"
    )
    print(
        f"import icclaw + load():      median {statistics.median(loads) * 1000:7.1f} ms  (min {min(loads) * 1000:.1f}; goal < 300 ms)"
    )

    rec = icclaw.load()
    treaty = "rome-statute"
    rng = random.Random(2026)
    codes = [s.code for s in rec.states]
    start = pendulum.Date(1998, 1, 1).toordinal()
    end = pendulum.Date(2026, 12, 31).toordinal()
    queries = [
        (rng.choice(codes), pendulum.Date.fromordinal(rng.randint(start, end)))
        for _ in range(QUERIES)
    ]

    # Baseline: a dict of per-state change days and statuses, looked up with bisect.
    table: dict[str, tuple[list[pendulum.Date], list[icclaw.TreatyStatus]]] = {}
    for code in codes:
        hist = rec.history(code, treaty)
        table[code] = ([t.day for t in hist.transitions], [t.status for t in hist.transitions])

    def bare(code: str, day: pendulum.Date) -> icclaw.TreatyStatus:
        days, statuses = table[code]
        i = bisect.bisect_right(days, day) - 1
        return statuses[i] if i >= 0 else icclaw.TreatyStatus.NON_SIGNATORY

    for code, day in queries[:2000]:  # same answers, or the comparison means nothing
        assert bare(code, day) is rec.status(code, treaty, day)

    def rate(fn: object) -> float:
        t = time.perf_counter()
        for code, day in queries:
            fn(code, day)  # type: ignore[operator]
        return QUERIES / (time.perf_counter() - t)

    base = max(rate(bare) for _ in range(3))
    status = max(rate(lambda c, d: rec.status(c, treaty, d)) for _ in range(3))
    status_str = max(rate(lambda c, d: rec.status(c, treaty, d.isoformat())) for _ in range(3))
    bound = max(rate(lambda c, d: rec.status(c, treaty, d) in BOUND) for _ in range(3))
    finding = max(rate(lambda c, d: rec.is_bound(c, treaty, d)) for _ in range(3))
    print(f"dict + bisect baseline:      {base:12,.0f} queries/s")
    print(
        f"rec.status (Date):           {status:12,.0f} queries/s  ({base / status:.1f}x the baseline's time; goal within 10x)"
    )
    print(f"rec.status (ISO string):     {status_str:12,.0f} queries/s  ({base / status_str:.1f}x)")
    print(f"status in BOUND (bare bool): {bound:12,.0f} queries/s  ({base / bound:.1f}x)")
    print(f"rec.is_bound (full Finding): {finding:12,.0f} queries/s  ({base / finding:.1f}x)")


if __name__ == "__main__":
    main()
