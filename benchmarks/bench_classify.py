"""Classifications per second, with explanations and applicable law, over generated situations.

The issue sets no goal for classification; this prints the figure so that changes to the
engine can be compared. Asserts nothing about speed.

Run: python benchmarks/bench_classify.py (needs the test extras, for Hypothesis)
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings

import icclaw
from icclaw import strategies as ist

CODES = ("UKR", "RUS", "GEO", "COD", "UGA", "IRQ", "USA", "GBR", "SYR", "FRA", "RWA", "AFG")
N = 2_000
ROUNDS = 3


def draw_cases() -> list[tuple[icclaw.Situation, object]]:
    """N situations and days, drawn once with Hypothesis (a fixed seed keeps runs comparable)."""
    cases: list[tuple[icclaw.Situation, object]] = []

    @settings(
        max_examples=N,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(ist.situations(CODES), ist.dates("2000-01-01", "2020-12-31"))
    def collect(situation: icclaw.Situation, on: object) -> None:
        cases.append((situation, on))

    collect()
    return cases


def main() -> None:
    rec = icclaw.load()
    cases = draw_cases()
    relationships = 0
    best_classify, best_law = 0.0, 0.0
    for _ in range(ROUNDS):
        t = time.perf_counter()
        found = [rec.classify(s, on) for s, on in cases]  # type: ignore[arg-type]
        best_classify = max(best_classify, len(cases) / (time.perf_counter() - t))
        conflicts = [c for group in found for c in group]
        relationships = len(conflicts)
        t = time.perf_counter()
        for c in conflicts:
            rec.applicable_law(c)
        best_law = max(best_law, len(conflicts) / max(time.perf_counter() - t, 1e-9))
    print(f"situations: {len(cases)} generated; {relationships} relationships classified")
    print(f"classify: {best_classify:,.0f} situations/s (best of {ROUNDS})")
    print(f"applicable_law: {best_law:,.0f} findings/s (best of {ROUNDS})")


if __name__ == "__main__":
    main()
