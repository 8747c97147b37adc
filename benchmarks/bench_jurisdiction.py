"""Jurisdiction findings per second over many distinct generated events, next to status queries.

Goal: at least 100,000 ``rec.jurisdiction(event, trigger)`` findings per second on one core, on
mixed events. A Finding's answer (``holds``, ``value``, ``missing``) is computed at once; its
explanation (question, reasons, qualifiers) is built when first read, so the rate is that of
answers; the rate with every explanation read (``to_dict()``) is printed too, for reference.

The baseline, ``rec.status`` queries on the same record, is measured in the same run, in rounds
alternating with the subject's (baseline, subject, baseline, subject, ...); each figure is the
best of its rounds. Asserts nothing about speed.

Run: python benchmarks/bench_jurisdiction.py
"""

from __future__ import annotations

import random
import time

import pendulum

import icclaw
from icclaw import Crime, Event, ProprioMotu, SecurityCouncilReferral, StateReferral

N = 30_000
ROUNDS = 5
EXPLAINED = 3_000  # events whose explanation is read too, for the reference figure
GOAL = 100_000


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
    queries = [(rng.choice(codes), start.add(days=rng.randint(0, 9800))) for _ in range(N)]

    def status() -> float:
        t = time.perf_counter()
        for code, day in queries:
            rec.status(code, "rome-statute", day)
        return N / (time.perf_counter() - t)

    def jurisdiction() -> float:
        t = time.perf_counter()
        for event, trigger in events:
            rec.jurisdiction(event, trigger)
        return N / (time.perf_counter() - t)

    def explained() -> float:
        t = time.perf_counter()
        for event, trigger in events[:EXPLAINED]:
            rec.jurisdiction(event, trigger).to_dict()
        return EXPLAINED / (time.perf_counter() - t)

    answers: dict[object, int] = {}
    for event, trigger in events:  # a first pass: the answers, and every cache warm
        f = rec.jurisdiction(event, trigger)
        answers[f.holds] = answers.get(f.holds, 0) + 1
    assert all(f.reasons for f in (rec.jurisdiction(e, t) for e, t in events[:100]))
    best_status = best = best_explained = 0.0
    for _ in range(ROUNDS):
        best_status = max(best_status, status())
        best = max(best, jurisdiction())
    for _ in range(3):
        best_explained = max(best_explained, explained())

    print(
        f"events: {N:,} ({distinct:,} distinct); answers yes/no/undetermined: "
        f"{answers.get(True, 0):,}/{answers.get(False, 0):,}/{answers.get(None, 0):,}"
    )
    print(f"best of {ROUNDS} interleaved rounds each:")
    print(f"rec.status baseline:                 {best_status:10,.0f} queries/s")
    print(
        f"rec.jurisdiction (Finding):          {best:10,.0f} findings/s  "
        f"(goal >= {GOAL:,}: {'met' if best >= GOAL else 'NOT met'}); "
        f"{best_status / best:.1f}x the time of a status query"
    )
    print(
        f"rec.jurisdiction + .to_dict() read:  {best_explained:10,.0f} findings/s  "
        f"(explanation built when read; {EXPLAINED:,} events, best of 3)"
    )


if __name__ == "__main__":
    main()
