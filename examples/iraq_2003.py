"""Iraq, 2003-2004: occupation by the United States and the United Kingdom while effective
control lasted; none after the transfer of authority on 28 June 2004.

Run: python examples/iraq_2003.py
"""

from __future__ import annotations

from pathlib import Path

import icclaw
from icclaw import ConflictKind

rec = icclaw.load()
situation = icclaw.load_situation(Path(__file__).parent / "situations" / "iraq_2003.toml")

conflicts = rec.classify(situation, on="2003-11-01")
for conflict in conflicts:
    print(f"== {conflict}")
    print(conflict.finding.explain())
    law = rec.applicable_law(conflict)
    print(law.explain(), end="\n\n")
    assert conflict.kind is ConflictKind.OCCUPATION
    assert law.value is not None
    assert "Hague Regulations 1907 (arts. 42–56)" in law.value
assert {c.parties for c in conflicts} == {("IRQ", "USA"), ("GBR", "IRQ")}
assert rec.classify(situation, on="2004-06-28") == ()
