"""Jurisdiction findings per second, with full explanations, over many distinct generated events.

Prints the figure next to the status-query baseline measured in the same run (goal: at least
50,000 jurisdiction findings per second on one core). Asserts nothing about speed.

Run: python benchmarks/bench_jurisdiction.py
"""

from __future__ import annotations

import random
import time

import pendulum

import icclaw
from icclaw import Crime, Event, ProprioMotu, SecurityCouncilReferral, StateReferral

N = 30_000
ROUNDS = 3


def main() -> None:
    rec = icclaw.load()
    rng = random.Random(2026)
    codes = [s.code for s in rec.states if s.category is not icclaw.StateCategory.HISTORICAL]
    triggers = [
        ProprioMotu(),
        ProprioMotu("2016-01-27"),
        StateReferral(by=("ARG",), on="2024-01-01"),
        SecurityCouncilReferral("1593"),
        SecurityCouncilReferral("1970"),
    ]
    crimes = [Crime.GENOCIDE, Crime.CRIMES_AGAINST_HUMANITY, Crime.WAR_CRIMES, Crime.AGGRESSION]
    start = pendulum.Date(1999, 1, 1)
    events = []
    for _ in range(N):
        crime = rng.choice(crimes)
        day = start.add(days=rng.randint(0, 9800))
        until = day.add(days=rng.randint(0, 400)) if rng.random() < 0.3 else None
        territory = tuple(rng.sample(codes, rng.choice((1, 1, 2))))
        nationality = tuple(rng.sample(codes, 1)) if rng.random() < 0.8 else None
        aggressor = rng.choice(codes) if crime is Crime.AGGRESSION else None
        events.append(
            (
                Event(crime, day, until, territory, nationality, None, None, aggressor),
                rng.choice(triggers),
            )
        )
    distinct = len({e for e, _ in events})

    # Baseline: status queries on the same record.
    queries = [(rng.choice(codes), start.add(days=rng.randint(0, 9800))) for _ in range(N)]
    best_status = 0.0
    for _ in range(ROUNDS):
        t = time.perf_counter()
        for code, day in queries:
            rec.status(code, "rome-statute", day)
        best_status = max(best_status, N / (time.perf_counter() - t))

    answers: dict[object, int] = {}
    best = 0.0
    for round_ in range(ROUNDS):
        t = time.perf_counter()
        for event, trigger in events:
            f = rec.jurisdiction(event, trigger)
            if round_ == 0:
                answers[f.holds] = answers.get(f.holds, 0) + 1
        best = max(best, N / (time.perf_counter() - t))
    assert all(f.reasons for f in (rec.jurisdiction(e, t) for e, t in events[:100]))
    print(
        f"events: {N:,} ({distinct:,} distinct); answers yes/no/undetermined: "
        f"{answers.get(True, 0):,}/{answers.get(False, 0):,}/{answers.get(None, 0):,}"
    )
    print(f"rec.status baseline:            {best_status:10,.0f} queries/s")
    print(f"rec.jurisdiction (full Finding): {best:10,.0f} findings/s  (goal >= 50,000)")


if __name__ == "__main__":
    main()
