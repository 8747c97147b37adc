"""Georgia, August 2008: an international armed conflict between Georgia and Russia, fought
also through the South Ossetian forces under Russia's overall control, then occupation until
the withdrawal of 10 October 2008.

The fighting stopped on 12 August with a ceasefire, not a general conclusion of peace: the
international armed conflict goes on after it (a lull, Tadić 1995 para. 70) as it stood on the
last day of fighting, with a qualifier saying so.

Run: python examples/georgia_2008.py
"""

from __future__ import annotations

from pathlib import Path

import icclaw
from icclaw import ConflictKind

rec = icclaw.load()
situation = icclaw.load_situation(Path(__file__).parent / "situations" / "georgia_2008.toml")

for day in ("2008-08-10", "2008-09-15", "2008-11-01"):
    conflicts = rec.classify(situation, on=day)
    print(f"#### {day}: {len(conflicts)} relationship(s)")
    for conflict in conflicts:
        print(f"== {conflict}")
        print(conflict.finding.explain(), end="\n\n")

# One conflict between Georgia and Russia, fought directly and through the South Ossetian forces.
(during,) = rec.classify(situation, on="2008-08-10")
assert (during.parties, during.kind, during.via) == (
    ("GEO", "RUS"),
    ConflictKind.INTERNATIONAL,
    ("South Ossetian forces",),
)
after_ceasefire = rec.classify(situation, on="2008-09-15")
assert [c.kind for c in after_ceasefire] == [ConflictKind.INTERNATIONAL, ConflictKind.OCCUPATION]
assert "lull" in " ".join(after_ceasefire[0].finding.qualifiers)
(later,) = rec.classify(situation, on="2008-11-01")
assert (later.parties, later.kind) == (("GEO", "RUS"), ConflictKind.INTERNATIONAL)
assert "lull" in " ".join(later.finding.qualifiers)
