"""Measure what the contract promises about speed; print figures, assert nothing.

* ``import icclaw`` + ``icclaw.load()`` wall time, in fresh interpreters (goal: under 0.3 s).
* ``Record.status`` and ``Record.is_bound`` queries per second on the embedded record, next to
  a bare dict-and-bisect lookup of the same answers measured in the same run, interleaved
  (baseline, subject, baseline, subject, ...), best of several (goals: ``status`` within 5x,
  ``is_bound`` within 15x).
* ``Record.panel`` of every state, Rome Statute, by month, 2002-2026.

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
ROUNDS = 5
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

    subjects = {
        "rec.status (Date)": lambda c, d: rec.status(c, treaty, d),
        "rec.status (ISO string)": lambda c, d: rec.status(c, treaty, d.isoformat()),
        "status in BOUND (bare bool)": lambda c, d: rec.status(c, treaty, d) in BOUND,
        "rec.is_bound (full Finding)": lambda c, d: rec.is_bound(c, treaty, d),
    }
    goals = {"rec.status (Date)": 5, "rec.is_bound (full Finding)": 15}
    base = 0.0
    best = dict.fromkeys(subjects, 0.0)
    for _ in range(ROUNDS):  # interleaved: the baseline before each subject, in every round
        for name, fn in subjects.items():
            base = max(base, rate(bare))
            best[name] = max(best[name], rate(fn))
    print(f"dict + bisect baseline:      {base:12,.0f} queries/s")
    for name, value in best.items():
        goal = f"; goal within {goals[name]}x" if name in goals else ""
        print(
            f"{name + ':':28} {value:12,.0f} queries/s  ({base / value:.1f}x the baseline's time{goal})"
        )

    t = time.perf_counter()
    table = rec.panel(treaty, start="2002-01-01", end="2026-12-01", freq="month")
    print(
        f"rec.panel, every state by month, 2002-2026: {len(table):,} rows in {(time.perf_counter() - t) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
