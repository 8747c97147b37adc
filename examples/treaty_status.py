"""Where states stand with the Rome Statute, and why: the treaty-law engine on real cases.

Run: python examples/treaty_status.py
"""

from __future__ import annotations

import icclaw
from icclaw import Policy, TreatyStatus

rec = icclaw.load()
RS = "rome-statute"

# Russia signed in 2000 and, in 2016, made clear it would not become a party.
before = rec.interim_obligation("RUS", RS, on="2016-11-01")
after = rec.explain_status("RUS", RS, on="2016-12-01")
print(before.explain(), end="\n\n")
print(after.explain(), end="\n\n")
assert before.holds is True
assert after.value is TreatyStatus.SIGNATURE_WITHDRAWN

# Which act made the intention clear is contested (LAW.md T2): the policy names the reading.
public_act = rec.status("RUS", RS, on="2016-11-20", policy=Policy(intent_date="public-act"))
print(f"Russia on 2016-11-20, reading the order of 16 Nov 2016 as the decisive act: {public_act}")
assert public_act is TreatyStatus.SIGNATURE_WITHDRAWN

# Ukraine deposited in October 2024; the Statute bound it from 1 January 2025.
print(f"Ukraine: in force from {rec.entry_into_force('UKR', RS)}")
print(f"Ukraine on 2024-12-01: {rec.status('UKR', RS, on='2024-12-01')}")

# Burundi and the Philippines left; South Africa and The Gambia revoked their notices in time.
for code in ("BDI", "PHL", "ZAF", "GMB"):
    spans = ", ".join(str(p) for p in rec.in_force_periods(code, RS))
    print(f"{rec.state(code).name}: bound {spans}")

# Party counts over time.
for day in ("2002-07-01", "2024-02-01", "2025-01-01", "2026-06-02"):
    print(f"parties on {day}: {len(rec.parties(RS, on=day))}")
