"""Ukraine, 2014, classified as the ICC Prosecutor's 2016 report describes it, and the law that
applies between Russia and Ukraine on 14 November 2016.

Run: python examples/ukraine_2014.py
"""

from __future__ import annotations

from pathlib import Path

import icclaw
from icclaw import ConflictKind

rec = icclaw.load()
situation = icclaw.load_situation(Path(__file__).parent / "situations" / "ukraine_2014.toml")

conflicts = rec.classify(situation, on="2016-11-14")
for conflict in conflicts:
    print(f"== {conflict}")
    print(conflict.finding.explain(), end="\n\n")

kinds = {(c.parties, c.kind) for c in conflicts}
assert (("RUS", "UKR"), ConflictKind.INTERNATIONAL) in kinds
assert (("RUS", "UKR"), ConflictKind.OCCUPATION) in kinds
assert (("DNR/LNR armed groups", "UKR"), ConflictKind.NON_INTERNATIONAL) in kinds

# The law applicable between Russia and Ukraine.
between = next(
    c for c in conflicts if c.parties == ("RUS", "UKR") and c.kind is ConflictKind.INTERNATIONAL
)
law = rec.applicable_law(between)
print("== The law between Russia and Ukraine on 2016-11-14")
print(law.explain())
assert law.holds is True  # every treaty status it needs is on the record
assert {"Geneva Convention IV", "Additional Protocol I", "Rome Statute art. 8(2)(a)"} <= set(
    law.value
)
assert "Rome Statute art. 8(2)(e)" not in law.value

# The occupation of Crimea: the Hague Regulations and Geneva Convention IV.
occupation = next(c for c in conflicts if c.kind is ConflictKind.OCCUPATION)
assert {"Hague Regulations 1907 (arts. 42–56)", "Geneva Convention IV"} <= set(
    rec.applicable_law(occupation).value
)

# Before 30 April 2014 the violence in the east was not (yet) an armed conflict on this account;
# Crimea already was an international one.
early = rec.classify(situation, on="2014-03-01")
assert {c.kind for c in early} == {ConflictKind.INTERNATIONAL}
