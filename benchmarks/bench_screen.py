"""Batch screening of 1,000,000 generated events, beside a bare numpy interval lookup.

Prints events per second for ``rec.screen`` and its ratio to the floor: a bare numpy lookup of
the same events (is the territorial state a party to the Rome Statute on the day? one
``searchsorted`` over every state's spans), measured in the same run, interleaved, best of
several. Goal: within 10x of the floor. Also prints the rate of the per-event loop
(``rec.jurisdiction`` for each row, the rows read as the screen reads them) on a sample, and
checks that the screen agrees with the per-event engine on that sample. Asserts nothing about speed.

Needs the tables extra. Run: python benchmarks/bench_screen.py [ROWS]
"""

from __future__ import annotations

import sys
import time
from typing import Any

import numpy as np
import pandas as pd

import icclaw
from icclaw.icc.screen import row_query

ROUNDS = 3
SAMPLE = 2_000
K = 1 << 24

# Conflict-affected states and their neighbours (territory); nationality is the territorial
# state's half the time, another of these a quarter, unknown a quarter.
PLACES = (
    "UKR", "RUS", "GEO", "AFG", "PSE", "ISR", "SDN", "LBY", "COD", "BDI", "PHL", "VEN", "MLI",
    "CAF", "UGA", "KEN", "CIV", "BGD", "MMR", "SYR", "IRQ", "USA", "GBR", "FRA", "COL", "NGA",
    "SOM", "YEM", "ETH", "NER", "BFA", "TCD", "SSD", "MOZ", "CMR", "LBN", "PAK", "IND", "MEX",
    "BRA",
)  # fmt: skip


def events(n: int, seed: int = 2026) -> Any:
    """``n`` events: mostly single days from 1998 to 2026, one in ten over a period."""
    rng = np.random.default_rng(seed)
    places = np.array(PLACES, dtype=object)
    territory = places[rng.integers(0, len(places), n)]
    territory[rng.random(n) < 0.03] = None  # unknown
    other = places[rng.integers(0, len(places), n)]
    pick = rng.random(n)
    nationality = np.where(pick < 0.5, territory, np.where(pick < 0.75, other, None))
    start = np.datetime64("1998-01-01") + rng.integers(0, 10_500, n)
    period = rng.random(n) < 0.1
    until = np.where(period, start + rng.integers(1, 365, n), np.datetime64("NaT"))
    crime = np.array(["war-crimes", "crimes-against-humanity", "genocide"], dtype=object)
    trigger = np.array(
        ["proprio-motu", "proprio-motu", "proprio-motu", "state-referral", "security-council"],
        dtype=object,
    )[rng.integers(0, 5, n)]
    authorised = np.array([None, "2016-01-27", "2019-11-14", "2021-09-15"], dtype=object)
    return pd.DataFrame(
        {
            "crime": crime[rng.integers(0, 3, n)],
            "date": start.astype("datetime64[ns]"),
            "until": until.astype("datetime64[ns]"),
            "territory": territory,
            "nationality": nationality,
            "trigger": trigger,
            "authorised_on": np.where(
                trigger == "proprio-motu", authorised[rng.integers(0, 4, n)], None
            ),
            "referred_by": np.where(trigger == "state-referral", "LTU;CAN", None),
            "referred_on": np.where(trigger == "state-referral", "2022-03-02", None),
            "resolution": np.where(
                trigger == "security-council",
                np.array(["1593", "1970"], dtype=object)[rng.integers(0, 2, n)],
                None,
            ),
        }
    )


def floor_lookup(rec: icclaw.Record, frame: Any) -> tuple[Any, float]:
    """The floor: per row, is the territorial state bound on the day (one searchsorted)."""
    codes, uniques = pd.factorize(frame["territory"])
    starts, ends = [], []
    for k, code in enumerate(uniques):
        for p in rec.in_force_periods(code, "rome-statute"):
            starts.append(k * K + p.start.toordinal())
            ends.append(k * K + (p.end.toordinal() if p.end else K - 1))
    starts_a, ends_a = np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)
    days = frame["date"].to_numpy().astype("datetime64[D]").astype(np.int64) + 719163
    t = time.perf_counter()
    q = codes.astype(np.int64) * K + days
    i = np.minimum(np.searchsorted(ends_a, q, "left"), len(ends_a) - 1)
    bound = (codes >= 0) & (starts_a[i] <= q) & (ends_a[i] >= q)
    return bound, time.perf_counter() - t


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rec = icclaw.load()
    frame = events(n)
    floors, screens = [], []
    out = None
    for _ in range(ROUNDS):  # interleaved: floor, screen, floor, screen, ...
        floors.append(floor_lookup(rec, frame)[1])
        t = time.perf_counter()
        out = rec.screen(frame)
        screens.append(time.perf_counter() - t)
    assert out is not None
    floor, best = min(floors), min(screens)
    counts = out["holds"].value_counts(dropna=False)
    print(
        f"events: {n:,}; yes/no/undetermined: {counts.get(True, 0):,}/"
        f"{counts.get(False, 0):,}/{int(out['holds'].isna().sum()):,}"
    )
    print(f"numpy interval lookup (floor): {n / floor:14,.0f} events/s  ({floor * 1000:.1f} ms)")
    print(
        f"rec.screen:                    {n / best:14,.0f} events/s  ({best * 1000:.0f} ms; "
        f"{best / floor:.1f}x the floor's time; goal within 10x)"
    )

    rng = np.random.default_rng(7)
    sample = rng.choice(n, SAMPLE, replace=False).tolist()
    queries = [row_query(rec, frame, i) for i in sample]  # read as the screen reads them
    t = time.perf_counter()
    findings = [rec.jurisdiction(event, trigger) for event, trigger in queries]
    loop = (time.perf_counter() - t) / SAMPLE
    disagree = 0
    for i, finding in zip(sample, findings, strict=True):
        holds = out["holds"][i]
        if (None if pd.isna(holds) else bool(holds)) is not finding.holds:
            disagree += 1
    print(
        f"per-event loop (jurisdiction): {1 / loop:14,.0f} events/s  "
        f"({loop * n / best:.0f}x the screen's time)"
    )
    print(f"agreement with the per-event engine: {SAMPLE - disagree:,} of {SAMPLE:,} sampled rows")


if __name__ == "__main__":
    main()
